import { createHash } from 'node:crypto';
import { type IsoDate, isIsoDate } from '../model/dates.ts';
import { INDICIA_CODES, MISSING, type Missing } from './codes.ts';
import {
  COLUMN_NAMES,
  FIELD_BY_NAME,
  type FieldDef,
  hasMissing,
  hasRaw,
  SOURCE_FIELDS,
} from './dictionary.ts';

/** A stored record: every column of COLUMNS (values are null where absent). */
export type StoredRow = Record<string, string | number | boolean | null>;

/** How source values map to codes, per field (from the Data Package descriptor; see import). */
export interface FieldMapping {
  /** source value -> code (matched after trimming, case-insensitively) */
  values?: Record<string, string>;
  /** source value -> missingness code, e.g. {"": "not_collected", "U": "unknown"} */
  missing?: Record<string, Missing>;
}
export type Mappings = Record<string, FieldMapping>;

/**
 * Derives a role for a record without a coded one (see role.ts); null when it cannot. `keying`, when
 * given, declares how little of the facts the role depends on, so the SQL import derives it once per
 * combination of those (src/records/import-sql.ts) rather than once per distinct record.
 */
export type RoleDeriver = ((row: StoredRow) => string | null) & { keying?: RoleKeying };
export interface RoleKeying {
  /** a quantity in a unit of weight matters only through which of these lines (grams, ascending) it reaches */
  gramsLines: readonly number[];
  /** the units read as weights, in grams */
  gramsPerUnit: Readonly<Record<string, number>>;
  /** a date matters only through whether it is after this one (the law of a future date is not known) */
  evaluation: IsoDate;
}

export const MISSING_SET: ReadonlySet<string> = new Set<string>(MISSING);
/** Whole numbers are stored as INTEGER (32 bits) in both backends. */
const MAX_STORED_INTEGER = 2 ** 31 - 1;
export const GRAMS_PER: Record<string, number> = {
  g: 1,
  kg: 1000,
  mg: 0.001,
  oz: 28.349523125,
  lb: 453.59237,
};

/** Drug-specific quantity bands in grams: [personal below, retail below, trafficking at or above]. */
export const QUANTITY_LINES: Record<string, [number, number, number]> = {
  heroin: [1, 28, 100],
  fentanyl: [0.5, 10, 40],
  cocaine_powder: [2, 28, 500],
  cocaine_base: [1, 28, 28],
  methamphetamine: [2, 28, 50],
  marijuana: [28, 454, 100_000],
  prescription_opioid: [1, 28, 1000],
  other_drug: [1, 28, 1000],
};
const DIRECT_INDICIA = new Set(['observed_sale', 'controlled_buy', 'admission']);

export interface CompiledField {
  def: FieldDef;
  codes: Set<string>;
  byLower: Map<string, string>;
  rawKey: string;
  missingKey: string;
}
export const COMPILED_FIELDS: CompiledField[] = SOURCE_FIELDS.map((def) => {
  const codes = new Set(def.codes?.codes.map((c) => c.code) ?? []);
  const byLower = new Map<string, string>();
  for (const c of def.codes?.codes ?? []) {
    byLower.set(c.code.toLowerCase(), c.code);
    byLower.set(c.label.toLowerCase(), c.code);
  }
  for (const m of MISSING) byLower.set(m, m);
  return { def, codes, byLower, rawKey: `${def.name}_raw`, missingKey: `${def.name}_missing` };
});
/** Every stored column set to null, in order: rows copy it so they all share one shape. */
const TEMPLATE: StoredRow = Object.fromEntries(COLUMN_NAMES.map((n) => [n, null]));
const KNOWN_KEYS = new Set<string>();
for (const d of SOURCE_FIELDS) {
  KNOWN_KEYS.add(d.name);
  if (hasRaw(d)) KNOWN_KEYS.add(`${d.name}_raw`);
  if (hasMissing(d)) KNOWN_KEYS.add(`${d.name}_missing`);
}
export const isSourceKey = (k: string) => KNOWN_KEYS.has(k);

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown) =>
  Array.isArray(v) ? v.join(';') : v === undefined || v === null ? '' : String(v);

function mapCode(c: CompiledField, value: string, m: FieldMapping | undefined): string | undefined {
  const t = value.trim();
  if (m?.missing && t in m.missing) return m.missing[t];
  if (m?.values) {
    if (t in m.values) return m.values[t];
    const lower = t.toLowerCase();
    for (const [k, v] of Object.entries(m.values)) if (k.toLowerCase() === lower) return v;
  }
  return c.byLower.get(t.toLowerCase());
}

/**
 * Normalises one source field of a record into `row` (its value and its raw and missingness companions),
 * pushing every problem found onto `reasons`. A field depends only on its own three source values, so
 * bulk paths may call this once per distinct combination of them.
 */
export function normalizeField(
  c: CompiledField,
  input: Record<string, unknown>,
  m: FieldMapping | undefined,
  row: StoredRow,
  reasons: string[],
): void {
  const d = c.def;
  const v = input[d.name];
  const rawGiven = input[c.rawKey];
  const blankMeans: Missing = (m?.missing?.[''] as Missing | undefined) ?? d.blank ?? 'unknown';
  switch (d.type) {
    case 'string': {
      const s = isBlank(v) ? null : text(v).trim();
      if (s === null && d.required) reasons.push(`${d.name}: is required`);
      if (s !== null && d.pattern && !d.pattern.test(s))
        reasons.push(`${d.name}: "${s}" does not match ${d.pattern}`);
      row[d.name] = s;
      break;
    }
    case 'boolean': {
      const s = text(v).trim().toLowerCase();
      if (s === '') row[d.name] = null;
      else if (['true', 'yes', '1', 't', 'y'].includes(s)) row[d.name] = true;
      else if (['false', 'no', '0', 'f', 'n'].includes(s)) row[d.name] = false;
      else {
        reasons.push(`${d.name}: "${s}" is not true or false`);
        row[d.name] = null;
      }
      break;
    }
    case 'code': {
      const raw = isBlank(rawGiven) ? text(v) : text(rawGiven);
      row[c.rawKey] = raw === '' ? null : raw;
      if (isBlank(v)) {
        if (d.required) reasons.push(`${d.name}: is required`);
        row[d.name] = blankMeans;
        break;
      }
      const code = mapCode(c, text(v), m);
      if (code === undefined || (!c.codes.has(code) && !MISSING_SET.has(code))) {
        reasons.push(
          `${d.name}: "${text(v)}" is not a code of ${d.codes?.id} (expected one of ${[...c.codes, ...MISSING].join(', ')})`,
        );
        row[d.name] = null;
      } else row[d.name] = code;
      break;
    }
    case 'codes': {
      const raw = isBlank(rawGiven) ? text(v) : text(rawGiven);
      row[c.rawKey] = raw === '' ? null : raw;
      if (isBlank(v) || (Array.isArray(v) && v.length === 0)) {
        row[d.name] = blankMeans;
        break;
      }
      const parts = (Array.isArray(v) ? v.map(String) : text(v).split(/[;|]/))
        .map((p) => p.trim())
        .filter((p) => p);
      const out = new Set<string>();
      for (const p of parts) {
        const code = mapCode(c, p, m);
        if (code === undefined || (!c.codes.has(code) && !MISSING_SET.has(code)))
          reasons.push(`${d.name}: "${p}" is not a code of ${d.codes?.id}`);
        else out.add(code);
      }
      const list = [...out].sort();
      if (list.length > 1 && list.some((x) => MISSING_SET.has(x) || x === 'none'))
        reasons.push(`${d.name}: a missingness code or "none" must stand alone`);
      row[d.name] = list.length ? list.join(';') : blankMeans;
      break;
    }
    case 'integer':
    case 'number':
    case 'date': {
      const raw = isBlank(rawGiven) ? text(v) : text(rawGiven);
      row[c.rawKey] = raw === '' ? null : raw;
      const given = input[c.missingKey];
      row[d.name] = null;
      row[c.missingKey] = null;
      if (isBlank(v)) {
        const why = isBlank(given) ? blankMeans : text(given).trim();
        if (!MISSING_SET.has(why)) reasons.push(`${d.name}_missing: "${why}" is not a missingness code`);
        row[c.missingKey] = why;
        break;
      }
      const s = text(v).trim();
      const mapped = m?.missing?.[s] ?? (MISSING_SET.has(s) ? (s as Missing) : undefined);
      if (mapped) {
        row[c.missingKey] = mapped;
        break;
      }
      if (d.type === 'date') {
        if (!isIsoDate(s)) reasons.push(`${d.name}: "${s}" is not a date written YYYY-MM-DD`);
        else row[d.name] = s;
        break;
      }
      const n = typeof v === 'number' ? v : Number(s);
      if (!Number.isFinite(n)) reasons.push(`${d.name}: "${s}" is not a number`);
      else if (d.type === 'integer' && !Number.isInteger(n))
        reasons.push(`${d.name}: "${s}" is not a whole number`);
      else if (d.min !== undefined && n < d.min) reasons.push(`${d.name}: ${n} is below ${d.min}`);
      else if (d.type === 'integer' && n > MAX_STORED_INTEGER)
        reasons.push(`${d.name}: ${n} is above ${MAX_STORED_INTEGER}, the largest whole number stored`);
      else row[d.name] = n;
      break;
    }
  }
}

/**
 * Normalises one source record (a CSV row of strings or a JSON object) into a stored row: codes mapped
 * and checked, raw values kept beside them, missingness labelled, derived columns computed and the row
 * hashed. Returns every problem found, never only the first.
 */
export function normalizeRecord(
  input: Record<string, unknown>,
  mappings: Mappings = {},
  deriveRole?: RoleDeriver,
): { ok: true; row: StoredRow } | { ok: false; reasons: string[] } {
  const reasons: string[] = [];
  for (const k of Object.keys(input)) if (!KNOWN_KEYS.has(k)) reasons.push(`${k}: unknown field`);
  const row: StoredRow = { ...TEMPLATE };
  for (const c of COMPILED_FIELDS) {
    normalizeField(c, input, mappings[c.def.name], row, reasons);
  }
  for (let k = 1; k <= 3; k++) {
    if (row[`drug_${k}_quantity`] !== null && MISSING_SET.has(String(row[`drug_${k}_unit`])))
      reasons.push(`drug_${k}_unit: is required when drug_${k}_quantity is given`);
  }
  if (reasons.length) return { ok: false, reasons };
  derive(row, deriveRole);
  row.source_hash = hashRow(row);
  return { ok: true, row };
}

/** Hispanic of any race, otherwise the single race reported (several: multiracial); unknown when missing. */
export function raceEthnicity(hisp: string, race: string): string {
  const races = race.split(';');
  if (hisp === 'hispanic') return 'hispanic';
  if (hisp !== 'not_hispanic' || races.some((r) => MISSING_SET.has(r))) return 'unknown';
  if (races.length > 1) return 'nh_multiracial';
  return (
    {
      white: 'nh_white',
      black: 'nh_black',
      american_indian_alaska_native: 'nh_aian',
      asian: 'nh_asian',
      native_hawaiian_pacific_islander: 'nh_nhpi',
      other_race: 'nh_other',
    }[races[0] ?? ''] ?? 'unknown'
  );
}

/** Indicia of sale, grouped: none, circumstantial only, direct (unknown when missing). */
export function indiciaProfile(indicia: string): string {
  const ind = indicia.split(';');
  return MISSING_SET.has(ind[0] ?? '')
    ? 'unknown'
    : ind[0] === 'none'
      ? 'none'
      : ind.some((i) => DIRECT_INDICIA.has(i))
        ? 'direct'
        : 'circumstantial';
}

function derive(row: StoredRow, deriveRole?: RoleDeriver): void {
  row.race_ethnicity = raceEthnicity(row.hispanic_origin as string, String(row.race));
  // drug and quantity
  row.drug = row.drug_1_type ?? null;
  const q = row.drug_1_quantity as number | null;
  const per = GRAMS_PER[String(row.drug_1_unit)];
  row.quantity_grams = q !== null && per !== undefined ? Math.round(q * per * 1000) / 1000 : null;
  const lines = QUANTITY_LINES[String(row.drug)];
  const g = row.quantity_grams;
  row.quantity_band =
    g === null || !lines
      ? 'unknown'
      : g < lines[0]
        ? 'personal'
        : g >= lines[2]
          ? 'trafficking'
          : g < lines[1]
            ? 'retail'
            : 'wholesale';
  row.indicia_profile = indiciaProfile(String(row.indicia));
  // role
  const coded = row.role as string;
  if (!MISSING_SET.has(coded)) {
    row.role_final = coded;
    row.role_final_basis = row.role_basis ?? null;
  } else {
    const derived = deriveRole ? deriveRole(row) : null;
    row.role_final = derived ?? coded;
    row.role_final_basis = derived ? 'proportion_derived' : 'not_applicable';
  }
  row.sale_charged = row.charging_decision_outcome === 'sale_charged';
  row.sale_convicted = row.disposition_outcome === 'convicted_sale';
  row.incarcerated = row.sentence_outcome === 'prison' || row.sentence_outcome === 'jail';
}

export function hashRow(row: StoredRow): string {
  let text = '';
  for (const k of HASHED_COLUMNS) {
    const v = row[k];
    text += v === null || v === undefined ? '\u0000\u0001' : `${v}\u0001`;
  }
  return createHash('sha256').update(text).digest('hex');
}
/** The columns the source hash covers, in order: every source field with its companions. */
export const HASHED_COLUMNS = SOURCE_FIELDS.flatMap((d) => [
  d.name,
  ...(hasRaw(d) ? [`${d.name}_raw`] : []),
  ...(hasMissing(d) ? [`${d.name}_missing`] : []),
]);

export const INDICIA_LIST = INDICIA_CODES;
export { FIELD_BY_NAME };
