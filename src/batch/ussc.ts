import type { LawSnapshot } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';
import type { Activity, Case, Substance } from '../model/case.ts';
import { parseCase, SUBSTANCES } from '../model/case.ts';
import { extend } from '../model/extend.ts';
import type { Term } from '../model/terms.ts';
import { SUBSTANCE_NAMES } from '../rules/exposure/substances.ts';
import { columnOfPath, type RowProblem } from './layout.ts';
import {
  type CodebookCode,
  type CodebookVariable,
  codebook,
  codebookVariable,
  codeKey,
  fiscalYear,
  inYears,
  yearsLabel,
} from './ussc-codebook.ts';

/**
 * Importer for the U.S. Sentencing Commission's individual-offender datafile layout (one row per
 * person sentenced; CSV export with the Commission's variable names as the header). What each code
 * means, and in which fiscal years, is data: codebooks/ussc-fy1999-fy2016.yaml, cited to the Commission's
 * FY1999-FY2016 codebook. Codes are compared as numbers (an export's `6.0` is 6).
 *
 * What the datafile lacks is an assumption, noted on every record it affects:
 * - the offense date is not public: the sentencing date stands for it (`ussc.offense_date_assumed`);
 * - offender function is not coded: activities are derived from the role adjustments and quantity
 *   (`ussc.activities_from_role_adjustment`);
 * - prior convictions are not listed: only total criminal history points are passed on.
 */
export interface UsscVariable {
  name: string;
  aliases?: string[];
  meaning: string;
  codes?: Record<string, string>;
  maps_to: string;
  /** false: not in the Commission's codebook as read here (noted on every record that uses it) */
  verified: boolean;
}

export const USSC_VARIABLES: readonly UsscVariable[] = Object.entries(codebook().variables).map(
  ([name, v]) => ({
    name,
    ...(v.aliases ? { aliases: v.aliases } : {}),
    meaning: v.meaning,
    ...(v.codes
      ? { codes: Object.fromEntries(Object.entries(v.codes).map(([k, c]) => [k, `${c.value} (${c.label})`])) }
      : {}),
    maps_to: v.maps_to,
    verified: v.verified ?? true,
  }),
);

const SLOT_VARIABLES = ['DRUGTYP', 'WGT', 'MWGT', 'UNIT'] as const;
/** Variables names the importer recognises (header detection: two or more of these → USSC layout). */
export const USSC_NAMES: ReadonlySet<string> = new Set(
  USSC_VARIABLES.flatMap((v) => [v.name, ...(v.aliases ?? [])]).concat(SLOT_VARIABLES.map((s) => `${s}1`)),
);

/** Retail / wholesale split for activities when no role adjustment is coded: an ounce (a market fact, USSC function definitions). */
const OUNCE_GRAMS = 28;
/** Two conversion ratios are the same table entry when they differ by less than this (rounding of MWGT). */
const RATIO_TOLERANCE = 0.005;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
/** Guideline ranges and minimums are whole months; a fraction is an imputed value, not the Commission's. */
const WHOLE = { integer: true };

export function isUsscHeader(header: readonly string[]): boolean {
  let n = 0;
  for (const h of header) if (USSC_NAMES.has(h.trim().toUpperCase())) n++;
  return n >= 2;
}

/** The Commission's own recorded results for the record, for checking the engine (never inputs). */
export interface UsscRecorded {
  offense_level: number | null;
  criminal_history_category: string | null;
  guideline_min_months: Term | null;
  guideline_max_months: Term | null;
  mandatory_minimum_months: Term | null;
  /** MWGT1: converted drug weight (marijuana equivalency) of drug 1, grams */
  drug1_converted_grams: number | null;
  /** NODRUG, or the number of drug slots read when NODRUG is absent */
  drug_count: number;
  /** SAFE 1/2 or SAFETY 1: the court applied the safety valve */
  safety_valve: boolean | null;
}

export interface Imported {
  case: Case;
  /** Codes of every assumption or unverified variable used for this record. */
  notes: string[];
  /** The sentence actually imposed (months, or "life"), for comparison. */
  source_sentence: string;
  source_mandatory_minimum: string;
  recorded: UsscRecorded;
}

type Row = Readonly<Record<string, string | undefined>>;

/** Reads one record; every problem names the variable and the reason. */
class RecordReader {
  readonly problems: RowProblem[] = [];
  readonly notes = new Set<string>(['ussc.offense_date_assumed']);
  private readonly upper = new Map<string, string | undefined>();
  fy = 0;

  constructor(row: Row) {
    for (const [k, v] of Object.entries(row)) this.upper.set(k.trim().toUpperCase(), v);
  }

  has(name: string): boolean {
    const v = this.upper.get(name)?.trim();
    return v !== undefined && v !== '' && v !== '.';
  }
  raw(name: string): string | undefined {
    return this.has(name) ? (this.upper.get(name) as string).trim() : undefined;
  }
  slots(prefix: string): number {
    let max = 0;
    for (const k of this.upper.keys()) {
      const m = new RegExp(`^${prefix}(\\d+)$`).exec(k);
      if (m) max = Math.max(max, Number(m[1]));
    }
    return max;
  }

  /** The first present variable among a name and its aliases, with its years checked. */
  pick(name: string): { name: string; value: string } | undefined {
    const v = codebookVariable(name);
    for (const n of [name, ...(v.aliases ?? [])]) {
      const value = this.raw(n);
      if (value === undefined) continue;
      if (v.verified === false) this.notes.add(`ussc.unverified.${n}`);
      if (!inYears(v, this.fy))
        this.problems.push({
          column: n,
          message: `the Commission codes ${n} only ${yearsLabel(v)} (codebook p. ${v.page}); this record is FY${this.fy}`,
        });
      return { name: n, value };
    }
    return undefined;
  }

  number(name: string, value: string | undefined, opts: { integer?: boolean } = {}): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
      this.problems.push({
        column: name,
        message: `must be ${opts.integer ? 'a whole number' : 'a number'}, got "${value}"`,
      });
      return undefined;
    }
    return n;
  }

  /** A coded variable read through its code table (and the years each code is used in). */
  code(name: string, table: Record<string, CodebookCode>, value: string, v: CodebookVariable) {
    const key = codeKey(value);
    if (key === undefined) return undefined;
    const entry = typeof key === 'string' ? table[key] : undefined;
    if (typeof key !== 'string' || !entry) {
      this.problems.push({
        column: name,
        message: `unknown code "${value}" (expected one of: ${Object.keys(table).join(', ')}; codebook p. ${v.page})`,
      });
      return undefined;
    }
    if (!inYears(entry, this.fy)) {
      this.problems.push({
        column: name,
        message: `code ${key} (${entry.label}) is used only ${yearsLabel(entry)} (codebook p. ${v.page}); this record is FY${this.fy}`,
      });
      return undefined;
    }
    return entry.value;
  }

  coded(name: string): string | undefined {
    const v = codebookVariable(name);
    const p = this.pick(name);
    return p && v.codes ? this.code(p.name, v.codes, p.value, v) : undefined;
  }

  /**
   * A value the Commission recorded as its result (never an input): one that cannot be read is left
   * out of the comparison with a note, and does not reject the record.
   */
  recorded(name: string, value: string | undefined, opts: { integer?: boolean } = {}): number | undefined {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || (opts.integer && !Number.isInteger(n))) {
      this.notes.add(`ussc.recorded_value_unreadable.${name}`);
      return undefined;
    }
    return n;
  }

  /** A term variable with its special values (9996 life, ...): months, 'life', or a special name. */
  term(
    name: string,
    value: string | undefined,
    opts: { integer?: boolean } = {},
  ): number | string | undefined {
    if (value === undefined) return undefined;
    const special = codebookVariable(name).special ?? {};
    const key = codeKey(value);
    if (typeof key === 'string' && special[key]) return special[key];
    return this.recorded(name, value, opts);
  }
}

function sentencingDate(r: RecordReader): string | undefined {
  const raw = r.raw('SENTDATE');
  if (raw) {
    r.notes.add('ussc.unverified.SENTDATE');
    const digits = raw.replace(/[^0-9]/g, '');
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
    if (digits.length === 8) {
      const ymd = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
      const mdy = `${digits.slice(4, 8)}-${digits.slice(0, 2)}-${digits.slice(2, 4)}`;
      if (Number(digits.slice(0, 2)) <= 12 && Number(digits.slice(4, 8)) > 1900) return mdy;
      return ymd;
    }
    r.problems.push({ column: 'SENTDATE', message: `not a date: "${raw}"` });
    return undefined;
  }
  const y = codeKey(r.raw('SENTYR'));
  const m = codeKey(r.raw('SENTMON'));
  if (typeof y === 'string' && typeof m === 'string' && Number(m) >= 1 && Number(m) <= 12) {
    r.notes.add('ussc.sentencing_day_assumed');
    return `${y}-${m.padStart(2, '0')}-15`;
  }
  r.problems.push({ column: 'SENTDATE', message: 'no sentencing date (SENTDATE, or SENTYR and SENTMON)' });
  return undefined;
}

/** The converted-drug-weight ratio of a substance in the Manual in force on the date (null: none). */
function ratioOf(s: Substance, law: LawSnapshot): number | null {
  const key = SUBSTANCE_NAMES[s].cdw;
  if (!key || !law.has(`us_fed.ussg.cdw.${key}`)) return null;
  return law.get<number | null>(`us_fed.ussg.cdw.${key}`).value;
}

const asSubstance = (s: string): Substance => {
  if (!(SUBSTANCES as readonly string[]).includes(s)) throw new Error(`codebook: "${s}" is not a substance`);
  return s as Substance;
};

interface DrugRead {
  substance: Substance;
  grams?: number;
  count?: number;
}

/**
 * Drug slot n: DRUGTYPn names the substance; without it (drug 1 only) COMBDRG2 gives the group and
 * the MWGT1/WGT1 ratio, read against the Manual's conversion table, tells the form apart
 * (methamphetamine mixture 1:2,000 from actual or ice 1:20,000; marijuana from hashish).
 */
function drugSlot(r: RecordReader, n: number, law: LawSnapshot): DrugRead | undefined {
  const typeVar = `DRUGTYP${n}`;
  const wgt = r.number(`WGT${n}`, r.raw(`WGT${n}`));
  const mwgt = r.number(`MWGT${n}`, r.raw(`MWGT${n}`));
  const ratio = wgt !== undefined && mwgt !== undefined && wgt > 0 ? mwgt / wgt : undefined;
  const drugtyp = codebookVariable('DRUGTYP');
  let substance: Substance | undefined;
  const typeRaw = r.raw(typeVar);
  if (typeRaw !== undefined) {
    const key = codeKey(typeRaw);
    const reason = typeof key === 'string' ? drugtyp.not_modelled?.[key] : undefined;
    if (typeof key !== 'string') {
      r.problems.push({ column: typeVar, message: `not a drug type code: "${typeRaw}"` });
      return undefined;
    }
    if (reason) {
      r.problems.push({
        column: typeVar,
        message: `drug type ${key}, ${reason}: not a substance of the case contract`,
      });
      return undefined;
    }
    substance = asSubstance(drugtyp.substances?.[key]?.value ?? 'other_schedule_i_ii');
    if (!drugtyp.substances?.[key]) r.notes.add('ussc.other_schedule_i_ii');
  } else if (n === 1) {
    const combVar = codebookVariable('COMBDRG2');
    const raw = r.raw('COMBDRG2');
    if (raw === undefined) {
      if (wgt !== undefined) r.problems.push({ column: 'COMBDRG2', message: 'no primary drug type' });
      return undefined;
    }
    const key = codeKey(raw);
    const group = typeof key === 'string' ? combVar.groups?.[key] : undefined;
    if (!group) {
      r.problems.push({
        column: 'COMBDRG2',
        message: `unknown code "${raw}" (expected one of: ${Object.keys(combVar.groups ?? {}).join(', ')}; codebook p. ${combVar.page})`,
      });
      return undefined;
    }
    const candidates = group.candidates.map(asSubstance);
    const fallback = asSubstance(group.fallback ?? 'other_schedule_i_ii');
    if (ratio === undefined) {
      substance = candidates[0] as Substance;
      if (candidates.length > 1) r.notes.add('ussc.drug_form_unknown');
    } else {
      const matches = candidates.filter((s) => {
        const q = ratioOf(s, law);
        return q !== null && Math.abs(ratio / q - 1) < RATIO_TOLERANCE;
      });
      substance = matches[0] ?? fallback;
      if (matches.length > 1) r.notes.add('ussc.drug_form_ambiguous');
      if (matches.length === 0) r.notes.add('ussc.drug_form_not_identified');
      if (candidates.length > 1 || matches.length === 0) r.notes.add('ussc.drug_form_from_conversion_ratio');
    }
  } else {
    if (wgt !== undefined) r.notes.add('ussc.drug_weight_without_type');
    return undefined;
  }

  if (wgt === undefined) {
    if (!r.problems.some((p) => p.column === `WGT${n}`))
      r.problems.push({
        column: `WGT${n}`,
        message: 'blank: the drug weight is unknown, and the case contract needs grams',
      });
    return undefined;
  }
  if (wgt <= 0) {
    r.problems.push({ column: `WGT${n}`, message: 'must be greater than 0' });
    return undefined;
  }
  // Plants: the Commission's gram weight is the plant count times the Manual's weight per plant.
  const unit = codeKey(r.raw(`UNIT${n}`));
  const plants =
    substance === 'marijuana_plants' ||
    (substance === 'marijuana' && codebookVariable('UNIT').codes?.[String(unit)]?.value === 'plant');
  if (plants) {
    const perPlant = law.get<number>('us_fed.ussg.marihuana_plant_equivalent_g').value;
    const count = Math.round(wgt / perPlant);
    if (count < 1 || Math.abs(count * perPlant - wgt) > 0.5) {
      r.problems.push({
        column: `WGT${n}`,
        message: `marijuana plants (UNIT${n} plant): ${wgt} g is not a whole number of plants at ${perPlant} g each`,
      });
      return undefined;
    }
    r.notes.add('ussc.plants_from_weight');
    return { substance: 'marijuana_plants', count };
  }
  return { substance, grams: wgt };
}

function activitiesOf(
  r: RecordReader,
  grams: number | undefined,
): { activities: Activity[]; supervised?: number } {
  const agg = r.coded('AGGROLHI');
  const mit = r.coded('MITROLHI');
  r.notes.add('ussc.activities_from_role_adjustment');
  if (agg === 'organized_5') return { activities: ['organized', 'supervised'], supervised: 5 };
  if (agg === 'supervised_5') return { activities: ['supervised'], supervised: 5 };
  if (agg === 'supervised_1') return { activities: ['supervised'], supervised: 1 };
  if (mit === 'minimal') return { activities: ['ran_errands'] };
  if (mit === 'minor') return { activities: ['transported_vehicle'] };
  return { activities: [grams !== undefined && grams >= OUNCE_GRAMS ? 'sold_wholesale' : 'sold_retail'] };
}

function termOrNull(t: number | string | undefined): Term | null {
  return t === 'life' ? 'life' : typeof t === 'number' ? t : null;
}

/** Maps one USSC datafile row (variable name → cell) to a contract case, or lists its problems by variable. */
export function usscRowToCase(
  row: Row,
): { ok: true; value: Imported } | { ok: false; problems: RowProblem[] } {
  const r = new RecordReader(row);
  const date = sentencingDate(r);
  if (!date) return { ok: false, problems: r.problems };
  r.fy = fiscalYear(date);
  const law = defaultLawBook().at(date);

  const person: Record<string, unknown> = {};
  person.race = r.coded('MONRACE') ?? 'unknown';
  person.ethnicity = (r.has('HISPORIG') ? r.coded('HISPORIG') : r.coded('NEWRACE')) ?? 'unknown';
  if (!r.has('HISPORIG') && r.has('NEWRACE')) r.notes.add('ussc.ethnicity_from_NEWRACE');
  person.gender = r.coded('MONSEX') ?? 'unknown';
  person.citizenship = (r.has('CITIZEN') ? r.coded('CITIZEN') : r.coded('NEWCIT')) ?? 'unknown';
  const age = r.number('AGE', r.pick('AGE')?.value, { integer: true });
  if (age !== undefined) r.notes.add('ussc.birth_year_from_age_at_sentencing');

  const slots = Math.max(1, r.slots('DRUGTYP'), r.slots('WGT'), r.slots('MWGT'));
  const drugs: DrugRead[] = [];
  for (let n = 1; n <= slots; n++) {
    const d = drugSlot(r, n, law);
    if (d) drugs.push(d);
  }
  const nodrug = r.number('NODRUG', r.pick('NODRUG')?.value, { integer: true });
  if (nodrug !== undefined && nodrug > drugs.length) r.notes.add('ussc.drugs_not_in_file');

  const { activities, supervised } = activitiesOf(r, drugs[0]?.grams);
  const flag = (name: string) => (r.number(name, r.pick(name)?.value) ?? 0) > 0;
  const counts = flag('IS924C') ? 1 : 0;
  const weapon = counts > 0 || flag('WEAPON') || flag('WEAPSOC') || flag('GUNS') ? 'possessed' : 'none';

  const points = r.number('TOTCHPTS', r.pick('TOTCHPTS')?.value, { integer: true });
  if (points !== undefined && points < 0)
    r.problems.push({ column: 'TOTCHPTS', message: `must not be negative, got ${points}` });

  // SAFE (0/1/2) and SAFETY (0/1) are two variables; either records that the court applied 5C1.2.
  const safe = r.coded('SAFE');
  const safety = r.coded('SAFETY');
  if (safe !== undefined && safety !== undefined && safe !== safety)
    r.notes.add('ussc.safe_and_safety_differ');
  const safetyValve =
    safe === undefined && safety === undefined ? null : safe === 'applied' || safety === 'applied';
  const assistance =
    r.coded('DEPART') === 'substantial_assistance' || r.coded('BOOKERCD') === 'substantial_assistance';
  const acc = r.number('ACCTRESP', r.pick('ACCTRESP')?.value);

  const sentence = r.has('TOTPRISN') ? r.pick('TOTPRISN') : r.pick('SENSPLT');
  const sentenceTerm = sentence
    ? r.term(sentence.name === 'TOTPRISN' ? 'TOTPRISN' : 'SENSPLT', sentence.value)
    : undefined;
  if (sentenceTerm === 'life_or_more_than_470') r.notes.add('ussc.sentence_470_life_or_more');
  const source_sentence =
    sentenceTerm === undefined
      ? ''
      : sentenceTerm === 'life_or_more_than_470'
        ? 'life'
        : sentenceTerm === 'less_than_a_day'
          ? '0'
          : sentenceTerm === 'term_not_specified'
            ? ''
            : String(sentenceTerm);
  const drugmin = termOrNull(r.term('DRUGMIN', r.pick('DRUGMIN')?.value, WHOLE));
  const level = r.recorded('XFOLSOR', r.pick('XFOLSOR')?.value, { integer: true });
  const chc = r.recorded('XCRHISSR', r.pick('XCRHISSR')?.value, { integer: true });
  const category = chc === undefined ? undefined : ROMAN[chc - 1];
  if (chc !== undefined && !category) r.notes.add('ussc.recorded_value_unreadable.XCRHISSR');
  const recorded: UsscRecorded = {
    offense_level: level ?? null,
    criminal_history_category: category ?? null,
    guideline_min_months: termOrNull(r.term('XMINSOR', r.pick('XMINSOR')?.value, WHOLE)),
    guideline_max_months: termOrNull(r.term('XMAXSOR', r.pick('XMAXSOR')?.value, WHOLE)),
    mandatory_minimum_months: drugmin,
    drug1_converted_grams: r.recorded('MWGT1', r.raw('MWGT1')) ?? null,
    drug_count: nodrug ?? drugs.length,
    safety_valve: safetyValve,
  };

  if (r.problems.length) return { ok: false, problems: r.problems };

  if (age !== undefined) person.birth_year = Number(date.slice(0, 4)) - age;
  const idRaw = r.raw('USSCIDN');
  // extend, not a leading spread (V8's slow path, see src/model/extend.ts): this runs for every record
  const c = extend(idRaw ? { id: `ussc-${idRaw}` } : {}, {
    jurisdiction: 'US-FED',
    offense_date: date,
    sentencing_date: date,
    person,
    conduct: {
      activities,
      drugs: drugs.map((d) => extend(d, { basis: 'attributed' as const })),
      ...(supervised !== undefined ? { people_supervised: supervised } : {}),
      weapon,
      firearm_counts: counts,
    },
    ...(points !== undefined ? { history: { criminal_history_points: points } } : {}),
    cooperation: {
      ...(safetyValve ? { truthful_disclosure: true } : {}),
      ...(assistance ? { substantial_assistance: true } : {}),
      ...(acc !== undefined ? { accepted_responsibility: acc < 0 } : {}),
      // ACCTRESP -3 is the third level, granted only on the government's motion (3E1.1(b) since 2003)
      ...(acc !== undefined && acc < 0 ? { acceptance_government_motion: acc <= -3 } : {}),
    },
  });
  const parsed = parseCase(c);
  if (!parsed.ok)
    return {
      ok: false,
      problems: parsed.problems.map((p) => ({ column: columnOfPath(p.path), message: p.message })),
    };
  return {
    ok: true,
    value: {
      case: parsed.case,
      notes: [...r.notes].sort(),
      source_sentence,
      source_mandatory_minimum: drugmin === null ? '' : String(drugmin),
      recorded,
    },
  };
}
