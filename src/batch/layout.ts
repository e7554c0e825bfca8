import {
  ACCA_PREDICATES,
  ACTIVITIES,
  type Case,
  type CaseProblem,
  CITIZENSHIPS,
  COMPENSATIONS,
  DRUG_BASES,
  ETHNICITIES,
  GENDERS,
  INDICIA,
  MITIGATING_ROLES,
  PRIOR_KINDS,
  parseCase,
  RACES,
  SUBSTANCES,
  VIOLENCE,
  WEAPONS,
} from '../model/case.ts';

/**
 * The flat form of the case contract (docs/data-dictionary.md): one CSV column (or JSON Lines key of a
 * flat object) per contract field. Nested fields use their leaf name (all leaf names are unique);
 * multi-valued fields are `;`-separated lists (activities, indicia); drugs and priors are numbered
 * slots (drug1_substance, ..., prior1_date, ...). An empty cell is an absent field.
 */
export type Kind =
  | 'string'
  | 'date'
  | 'int'
  | 'number'
  | 'bool'
  | 'bool_or_unknown'
  | 'list'
  | 'enum'
  | 'int_or_null';

export interface Column {
  name: string;
  /** JSON path in the contract; `#` stands for the slot index (0-based) of drugs and priors. */
  path: string;
  kind: Kind;
  values?: readonly string[];
  description: string;
}

export const MAX_DRUGS = 3;
export const MAX_PRIORS = 4;

const top: Column[] = [
  { name: 'id', path: 'id', kind: 'string', description: 'case or row identifier, echoed in the results' },
  { name: 'jurisdiction', path: 'jurisdiction', kind: 'string', description: 'US-FED or a state as US-XX' },
  {
    name: 'offense_date',
    path: 'offense_date',
    kind: 'date',
    description: 'date of the conduct (YYYY-MM-DD)',
  },
  {
    name: 'sentencing_date',
    path: 'sentencing_date',
    kind: 'date',
    description: 'sentencing date; defaults to offense_date',
  },
  {
    name: 'conviction_date',
    path: 'conviction_date',
    kind: 'date',
    description: 'date of plea or verdict (extension); defaults to sentencing_date',
  },
  {
    name: 'synthetic',
    path: 'synthetic',
    kind: 'bool',
    description: 'true for generated records (demo, tests, benchmarks), never a real person',
  },
  { name: 'birth_year', path: 'person.birth_year', kind: 'int', description: 'year of birth' },
  { name: 'race', path: 'person.race', kind: 'enum', values: RACES, description: 'race' },
  {
    name: 'ethnicity',
    path: 'person.ethnicity',
    kind: 'enum',
    values: ETHNICITIES,
    description: 'ethnicity',
  },
  { name: 'gender', path: 'person.gender', kind: 'enum', values: GENDERS, description: 'gender' },
  {
    name: 'citizenship',
    path: 'person.citizenship',
    kind: 'enum',
    values: CITIZENSHIPS,
    description: 'citizenship or immigration status',
  },
  { name: 'uses_drugs', path: 'person.uses_drugs', kind: 'bool', description: 'uses drugs' },
  {
    name: 'substance_use_disorder',
    path: 'person.substance_use_disorder',
    kind: 'bool',
    description: 'meets criteria for a substance use disorder',
  },
  { name: 'veteran', path: 'person.veteran', kind: 'bool', description: 'military veteran' },
  {
    name: 'activities',
    path: 'conduct.activities',
    kind: 'list',
    values: ACTIVITIES,
    description: 'what the person did; one or more, `;`-separated',
  },
];

const drugColumns = (k: number): Column[] => [
  {
    name: `drug${k}_substance`,
    path: 'conduct.drugs.#.substance',
    kind: 'enum',
    values: SUBSTANCES,
    description: `substance of drug ${k}`,
  },
  {
    name: `drug${k}_grams`,
    path: 'conduct.drugs.#.grams',
    kind: 'number',
    description: `grams of drug ${k} (> 0; not for marijuana_plants)`,
  },
  {
    name: `drug${k}_basis`,
    path: 'conduct.drugs.#.basis',
    kind: 'enum',
    values: DRUG_BASES,
    description: `how quantity ${k} is tied to the person`,
  },
  { name: `drug${k}_purity`, path: 'conduct.drugs.#.purity', kind: 'number', description: 'purity, 0..1' },
  {
    name: `drug${k}_count`,
    path: 'conduct.drugs.#.count',
    kind: 'int',
    description: 'plants, pills or doses (plants: required)',
  },
  {
    name: `drug${k}_dosage_units`,
    path: 'conduct.drugs.#.dosage_units',
    kind: 'int',
    description: 'dosage units',
  },
];

const conduct: Column[] = [
  {
    name: 'compensation',
    path: 'conduct.compensation',
    kind: 'enum',
    values: COMPENSATIONS,
    description: 'what the person got for it',
  },
  {
    name: 'profit_share',
    path: 'conduct.profit_share',
    kind: 'bool',
    description: "shares in the network's profits",
  },
  {
    name: 'people_supervised',
    path: 'conduct.people_supervised',
    kind: 'int',
    description: 'people supervised',
  },
  {
    name: 'weapon',
    path: 'conduct.weapon',
    kind: 'enum',
    values: WEAPONS,
    description: 'weapon involvement',
  },
  {
    name: 'firearm_counts',
    path: 'conduct.firearm_counts',
    kind: 'int',
    description: '18 U.S.C. 924(c) counts',
  },
  {
    name: 'felon_in_possession_counts',
    path: 'conduct.felon_in_possession_counts',
    kind: 'int',
    description: '18 U.S.C. 922(g) counts (extension)',
  },
  { name: 'violence', path: 'conduct.violence', kind: 'enum', values: VIOLENCE, description: 'violence' },
  { name: 'death_resulted', path: 'conduct.death_resulted', kind: 'bool', description: 'death resulted' },
  {
    name: 'serious_bodily_injury_resulted',
    path: 'conduct.serious_bodily_injury_resulted',
    kind: 'bool',
    description: 'serious bodily injury resulted',
  },
  {
    name: 'at_overdose_scene',
    path: 'conduct.at_overdose_scene',
    kind: 'bool',
    description: 'at an overdose scene',
  },
  { name: 'involved_minors', path: 'conduct.involved_minors', kind: 'bool', description: 'involved minors' },
  { name: 'school_zone', path: 'conduct.school_zone', kind: 'bool', description: 'school zone' },
  {
    name: 'indicia',
    path: 'evidence.indicia',
    kind: 'list',
    values: INDICIA,
    description: 'indicia of sale the state relies on, `;`-separated',
  },
  { name: 'cash_usd', path: 'evidence.cash_usd', kind: 'number', description: 'cash found, dollars' },
  {
    name: 'criminal_history_points',
    path: 'history.criminal_history_points',
    kind: 'int_or_null',
    description: 'override of the computed guideline points (`null` allowed)',
  },
  {
    name: 'under_sentence_at_offense',
    path: 'history.under_sentence_at_offense',
    kind: 'bool',
    description: 'offense committed under a criminal justice sentence (extension)',
  },
];

const priorColumns = (k: number): Column[] => [
  { name: `prior${k}_date`, path: 'history.priors.#.date', kind: 'date', description: `date of prior ${k}` },
  {
    name: `prior${k}_kind`,
    path: 'history.priors.#.kind',
    kind: 'enum',
    values: PRIOR_KINDS,
    description: `kind of prior ${k}`,
  },
  {
    name: `prior${k}_felony`,
    path: 'history.priors.#.felony',
    kind: 'bool',
    description: 'punishable by > 1 year',
  },
  {
    name: `prior${k}_sentence_months`,
    path: 'history.priors.#.sentence_months',
    kind: 'int',
    description: 'sentence imposed, months',
  },
  {
    name: `prior${k}_served_months`,
    path: 'history.priors.#.served_months',
    kind: 'int',
    description: 'time served, months',
  },
  {
    name: `prior${k}_release_date`,
    path: 'history.priors.#.release_date',
    kind: 'date',
    description: 'release date',
  },
  {
    name: `prior${k}_max_term_months`,
    path: 'history.priors.#.max_term_months',
    kind: 'int',
    description: 'maximum term the law prescribed',
  },
  {
    name: `prior${k}_still_valid`,
    path: 'history.priors.#.still_valid',
    kind: 'bool',
    description: 'false where expunged, vacated or reduced',
  },
  {
    name: `prior${k}_section_924c`,
    path: 'history.priors.#.section_924c',
    kind: 'bool',
    description: 'the prior was a 924(c) conviction (extension)',
  },
  {
    name: `prior${k}_acca_predicate`,
    path: 'history.priors.#.acca_predicate',
    kind: 'enum',
    values: ACCA_PREDICATES,
    description:
      'qualification under 18 U.S.C. 924(e)(2) (extension); absent: read from kind and maximum, or asked',
  },
  {
    name: `prior${k}_occasion`,
    path: 'history.priors.#.occasion',
    kind: 'string',
    description:
      'label of the criminal episode; priors with one label were one occasion (Wooden) (extension)',
  },
  {
    name: `prior${k}_offense_class`,
    path: 'history.priors.#.offense_class',
    kind: 'string',
    description: "class under the sentencing state's law, e.g. H, B1, A1 (extension)",
  },
];

const tail: Column[] = [
  {
    name: 'truthful_disclosure',
    path: 'cooperation.truthful_disclosure',
    kind: 'bool',
    description: 'safety-valve proffer',
  },
  {
    name: 'substantial_assistance',
    path: 'cooperation.substantial_assistance',
    kind: 'bool',
    description: 'government motion under 3553(e) / 5K1.1',
  },
  {
    name: 'accepted_responsibility',
    path: 'cooperation.accepted_responsibility',
    kind: 'bool',
    description: 'accepted responsibility',
  },
  {
    name: 'acceptance_government_motion',
    path: 'cooperation.acceptance_government_motion',
    kind: 'bool',
    description: 'government motion for the third acceptance level (USSG 3E1.1(b), from 2003-04-30)',
  },
  {
    name: 'motion_5k1_1',
    path: 'cooperation.motion_5k1_1',
    kind: 'bool_or_unknown',
    description: 'government motion under USSG 5K1.1; unknown gives both bounds (extension)',
  },
  {
    name: 'motion_3553e',
    path: 'cooperation.motion_3553e',
    kind: 'bool_or_unknown',
    description: 'government motion under 18 U.S.C. 3553(e); unknown gives both bounds (extension)',
  },
  {
    name: 'obstruction',
    path: 'adjustments.obstruction',
    kind: 'bool_or_unknown',
    description: 'obstruction found under USSG 3C1.1; unknown gives both bounds (extension)',
  },
  {
    name: 'mitigating_role',
    path: 'adjustments.mitigating_role',
    kind: 'enum',
    values: MITIGATING_ROLES,
    description: 'mitigating role found under USSG 3B1.2 (extension)',
  },
  {
    name: 'information_851',
    path: 'charging.information_851',
    kind: 'bool',
    description: 'prosecutor filed a 21 U.S.C. 851 information (extension)',
  },
];

export const COLUMNS: readonly Column[] = [
  ...top,
  ...Array.from({ length: MAX_DRUGS }, (_, i) => drugColumns(i + 1)).flat(),
  ...conduct,
  ...Array.from({ length: MAX_PRIORS }, (_, i) => priorColumns(i + 1)).flat(),
  ...tail,
];
export const COLUMN_NAMES: readonly string[] = COLUMNS.map((c) => c.name);

/** A problem with one row, named by column (or `(row)` for the whole row). */
export interface RowProblem {
  column: string;
  message: string;
}

const slotOf = (name: string): number => {
  const m = /^(?:drug|prior)(\d+)_/.exec(name);
  return m ? Number(m[1]) - 1 : -1;
};

/**
 * What decoding one column needs, worked out once when the module loads (a batch decodes millions of
 * rows): its path split, with its drug or prior slot put in, and which slot list it fills.
 */
interface ColumnDecoder {
  column: Column;
  parts: (string | number)[];
  slot: number;
  drug: boolean;
  prior: boolean;
}

const DECODERS = new Map<string, ColumnDecoder>(
  COLUMNS.map((column) => {
    const slot = slotOf(column.name);
    return [
      column.name,
      {
        column,
        parts: column.path.split('.').map((p) => (p === '#' ? slot : p)),
        slot,
        drug: column.path.startsWith('conduct.drugs'),
        prior: column.path.startsWith('history.priors'),
      },
    ];
  }),
);

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INT = /^[+-]?\d+$/;

/** A cell that does not convert (a class, so that no cell value can be mistaken for one). */
class Invalid {
  constructor(readonly message: string) {}
}

/** The cell's value, or why it has none (no result object per cell: a row has dozens). */
function convert(col: Column, raw: string): unknown {
  const show = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  switch (col.kind) {
    case 'string':
    case 'date':
      return raw;
    case 'number':
      return NUMBER.test(raw) ? Number(raw) : new Invalid(`must be a number, got "${show}"`);
    case 'int':
      return INT.test(raw) ? Number(raw) : new Invalid(`must be a whole number, got "${show}"`);
    case 'int_or_null':
      if (raw === 'null') return null;
      return INT.test(raw) ? Number(raw) : new Invalid(`must be a whole number or null, got "${show}"`);
    case 'bool':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      return new Invalid(`must be true or false, got "${show}"`);
    case 'bool_or_unknown':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      if (raw === 'unknown') return 'unknown';
      return new Invalid(`must be true, false or unknown, got "${show}"`);
    case 'enum':
      return col.values?.includes(raw)
        ? raw
        : new Invalid(`unknown code "${show}" (expected one of: ${col.values?.join(', ')})`);
    case 'list': {
      const items = raw.split(';').map((s) => s.trim());
      const bad = items.filter((s) => !col.values?.includes(s));
      return bad.length
        ? new Invalid(
            `unknown code${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b.length > 40 ? `${b.slice(0, 40)}…` : b}"`).join(', ')} (expected \`;\`-separated values from: ${col.values?.join(', ')})`,
          )
        : items;
    }
  }
}

function setPath(target: Record<string, unknown>, parts: (string | number)[], value: unknown): void {
  let cur: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i] as string | number;
    const nextIsIndex = typeof parts[i + 1] === 'number';
    let child = (cur as Record<string | number, unknown>)[k];
    if (child === undefined) {
      child = nextIsIndex ? [] : {};
      (cur as Record<string | number, unknown>)[k] = child;
    }
    cur = child as Record<string, unknown>;
  }
  (cur as Record<string | number, unknown>)[parts[parts.length - 1] as string | number] = value;
}

/** Maps a contract JSON path (as parseCase reports it) back to the CSV column that holds it. */
export function columnOfPath(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'conduct' && parts[1] === 'drugs') {
    if (parts.length < 4) return 'drug1_substance';
    return `drug${Number(parts[2]) + 1}_${parts[3]}`;
  }
  if (parts[0] === 'history' && parts[1] === 'priors') {
    if (parts.length < 4) return 'prior1_date';
    return `prior${Number(parts[2]) + 1}_${parts[3]}`;
  }
  // lists report the item index (conduct.activities.2): the column is the list
  for (const c of COLUMNS) if (path === c.path || path.startsWith(`${c.path}.`)) return c.name;
  return path;
}

/**
 * How the cells of a header are read: each column's decoder, or undefined for an unknown column. The
 * header names each column once (runBatch refuses one that names a column twice; a record object's keys
 * are unique).
 */
export interface RowPlan {
  names: readonly string[];
  decoders: (ColumnDecoder | undefined)[];
}

export function rowPlan(header: readonly string[]): RowPlan {
  return { names: header, decoders: header.map((n) => DECODERS.get(n)) };
}

type RowResult = { ok: true; case: Case } | { ok: false; problems: RowProblem[] };

/**
 * Converts one flat record (column name → cell text) to a contract case. Every problem is reported
 * with its column; none is dropped. Empty cells are absent fields.
 */
export function rowToCase(row: Readonly<Record<string, string | undefined>>): RowResult {
  return decodeRow(rowPlan(Object.keys(row)), Object.values(row), 0);
}

/** `rowToCase` of the record whose cells start at `offset` in `cells`, read by a header's plan. */
export function decodeRow(plan: RowPlan, cells: readonly (string | undefined)[], offset: number): RowResult {
  const problems: RowProblem[] = [];
  const out: Record<string, unknown> = {};
  // slots seen, one bit each (there are at most MAX_DRUGS and MAX_PRIORS)
  let drugSlots = 0;
  let priorSlots = 0;
  for (let i = 0; i < plan.names.length; i++) {
    const hit = plan.decoders[i];
    if (!hit) {
      problems.push({ column: plan.names[i] as string, message: 'unknown column' });
      continue;
    }
    const raw = cells[offset + i]?.trim() ?? '';
    if (raw === '') continue;
    const v = convert(hit.column, raw);
    if (v instanceof Invalid) {
      problems.push({ column: hit.column.name, message: v.message });
      continue;
    }
    if (hit.drug) drugSlots |= 1 << hit.slot;
    if (hit.prior) priorSlots |= 1 << hit.slot;
    setPath(out, hit.parts, v);
  }
  // Slots must be filled from 1 without gaps, so that drug2 stays drug2 in every message.
  for (const [slots, prefix, key] of [
    [drugSlots, 'drug', 'substance'],
    [priorSlots, 'prior', 'date'],
  ] as const) {
    const max = 31 - Math.clz32(slots); // the highest slot filled; -1 when none is
    for (let s = 0; s <= max; s++)
      if (!(slots & (1 << s)))
        problems.push({
          column: `${prefix}${s + 1}_${key}`,
          message: `${prefix} ${s + 1} is empty but ${prefix} ${max + 1} is filled`,
        });
  }
  if (problems.length) return { ok: false, problems };
  if (!out.conduct) out.conduct = {};
  const conductObj = out.conduct as Record<string, unknown>;
  conductObj.activities ??= [];
  conductObj.drugs ??= [];
  const r = parseCase(out);
  if (r.ok) return r;
  return {
    ok: false,
    problems: r.problems.map((p: CaseProblem) => ({ column: columnOfPath(p.path), message: p.message })),
  };
}

function cell(col: Column, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (col.kind === 'list') return (value as string[]).join(';');
  return String(value);
}

function getPath(obj: unknown, parts: (string | number)[]): unknown {
  let cur = obj;
  for (const p of parts) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/** Converts a contract case to its flat row (cells in COLUMNS order); fails if it has too many drugs or priors. */
export function caseToRow(c: Case): { ok: true; row: string[] } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  if (c.conduct.drugs.length > MAX_DRUGS)
    problems.push({
      column: `drug${MAX_DRUGS + 1}_substance`,
      message: `more than ${MAX_DRUGS} drugs: use JSON Lines`,
    });
  if ((c.history?.priors?.length ?? 0) > MAX_PRIORS)
    problems.push({
      column: `prior${MAX_PRIORS + 1}_date`,
      message: `more than ${MAX_PRIORS} priors: use JSON Lines`,
    });
  if (problems.length) return { ok: false, problems };
  const row = COLUMNS.map((col) => cell(col, getPath(c, (DECODERS.get(col.name) as ColumnDecoder).parts)));
  return { ok: true, row };
}

/** The same row as an object keyed by column name, skipping empty cells (the flat JSON Lines form). */
export function caseToFlatObject(c: Case): Record<string, string> {
  const r = caseToRow(c);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.column}: ${p.message}`).join('; '));
  const o: Record<string, string> = {};
  r.row.forEach((v, i) => {
    if (v !== '') o[COLUMN_NAMES[i] as string] = v;
  });
  return o;
}
