import type { Activity, Case, Substance } from '../model/case.ts';
import { parseCase } from '../model/case.ts';
import { columnOfPath, type RowProblem } from './layout.ts';

/**
 * Importer for the U.S. Sentencing Commission's individual-offender datafile layout (one row per
 * person sentenced; CSV export with the Commission's variable names as the header).
 *
 * Source of the variable names, labels and codes marked `verified`: the Commission's "Variable
 * Codebook for Individual Offenders, Standardized Research Data Documentation for Fiscal Years
 * 1999-2012" and the data-definition statements (variable and value labels) distributed with ICPSR
 * study 3497, "Monitoring of Federal Criminal Sentences, 2001", Part 1. Codes were read from those
 * value labels; anything not found there is marked `verified: false` and every record that used it
 * carries the note `ussc.unverified.<VARIABLE>` in the results.
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
  verified: boolean;
}

export const USSC_VARIABLES: readonly UsscVariable[] = [
  { name: 'USSCIDN', meaning: 'unique case number', maps_to: 'id (prefixed ussc-)', verified: true },
  {
    name: 'SENTDATE',
    meaning:
      'date on which defendant was sentenced (8 digits; MMDDYYYY or YYYYMMDD accepted, layout unverified)',
    maps_to: 'sentencing_date, offense_date (assumed equal)',
    verified: false,
  },
  {
    name: 'SENTYR',
    aliases: ['SENTMON'],
    meaning: 'sentencing year and month (later fiscal years; used when SENTDATE is absent, day set to 15)',
    maps_to: 'sentencing_date, offense_date (assumed equal)',
    verified: false,
  },
  {
    name: 'MONRACE',
    meaning: "defendant's race",
    codes: {
      '1': 'white',
      '2': 'black',
      '3': 'american_indian_alaska_native',
      '4': 'asian (codebook: Asian or Pacific Islander)',
      '5': 'multiracial',
      '7': 'other',
    },
    maps_to: 'person.race',
    verified: true,
  },
  {
    name: 'HISPORIG',
    meaning: "defendant's ethnic origin",
    codes: { '1': 'not_hispanic', '2': 'hispanic' },
    maps_to: 'person.ethnicity',
    verified: true,
  },
  {
    name: 'MONSEX',
    meaning: "defendant's gender",
    codes: { '0': 'male', '1': 'female' },
    maps_to: 'person.gender',
    verified: true,
  },
  {
    name: 'CITIZEN',
    meaning: "nature of defendant's citizenship",
    codes: {
      '1': 'us_citizen',
      '2': 'lawful_permanent_resident (codebook: resident/legal alien)',
      '3': 'undocumented (codebook: illegal alien)',
      '4': 'unknown (not a U.S. citizen, status unknown)',
    },
    maps_to: 'person.citizenship',
    verified: true,
  },
  {
    name: 'NEWCIT',
    meaning: 'citizenship of defendant (used when CITIZEN is absent)',
    codes: { '0': 'us_citizen', '1': 'unknown (non-U.S., legal or illegal)' },
    maps_to: 'person.citizenship',
    verified: true,
  },
  {
    name: 'AGE',
    meaning: "defendant's age at time of offense",
    maps_to: 'person.birth_year (sentencing year - AGE)',
    verified: true,
  },
  {
    name: 'COMBDRG2',
    meaning: 'primary drug type (aggregation of COMBDRG1)',
    codes: {
      '1': 'cocaine',
      '2': 'cocaine_base (crack)',
      '3': 'heroin',
      '4': 'marijuana',
      '6': 'methamphetamine',
      '8': 'lsd',
      '77': 'other_schedule_i_ii',
    },
    maps_to: 'conduct.drugs[0].substance',
    verified: true,
  },
  {
    name: 'WGT1',
    meaning: 'gram amount of 1st drug type (DRUGTYP1; assumed to be the COMBDRG2 drug)',
    maps_to: 'conduct.drugs[0].grams, basis "attributed"',
    verified: true,
  },
  {
    name: 'XCRHISSR',
    meaning: "defendant's final criminal history category (1-6); kept for reference, not used",
    maps_to: '(none: TOTCHPTS carries the points)',
    verified: true,
  },
  {
    name: 'TOTCHPTS',
    meaning: 'total number of criminal history points applied',
    maps_to: 'history.criminal_history_points',
    verified: true,
  },
  {
    name: 'AGGROLHI',
    aliases: ['AGGROLE', 'AGGROL'],
    meaning: 'aggravating role adjustment',
    codes: {
      '2': 'supervised (1 person)',
      '3': 'supervised (manager or supervisor of 5+)',
      '4': 'organized, supervised (leader or organizer of 5+)',
    },
    maps_to: 'conduct.activities, conduct.people_supervised',
    verified: true,
  },
  {
    name: 'MITROLHI',
    aliases: ['MITROLE', 'MITROL'],
    meaning: 'mitigating role adjustment',
    codes: {
      '-2': 'transported_vehicle (minor participant)',
      '-3': 'transported_vehicle (between minor and minimal)',
      '-4': 'ran_errands (minimal participant)',
    },
    maps_to: 'conduct.activities',
    verified: true,
  },
  {
    name: 'WEAPON',
    meaning: 'SOC weapon enhancement or 18 U.S.C. 924(c) conviction',
    codes: { '0': 'none', '1': 'possessed' },
    maps_to: 'conduct.weapon',
    verified: true,
  },
  {
    name: 'WEAPSOC',
    meaning: 'SOC enhancement for a weapon present',
    codes: { '0': 'none', '1': 'possessed' },
    maps_to: 'conduct.weapon',
    verified: true,
  },
  {
    name: 'IS924C',
    meaning: 'at least one 18 U.S.C. 924(c) charge present',
    codes: { '0': 'no count', '1': 'one count (the number of counts is not coded)' },
    maps_to: 'conduct.firearm_counts, conduct.weapon',
    verified: true,
  },
  {
    name: 'GUNS',
    meaning: 'firearm indicator in some later fiscal years (treated like WEAPON)',
    maps_to: 'conduct.weapon',
    verified: false,
  },
  {
    name: 'DRUGMIN',
    meaning: 'mandatory minimum sentence (months) for drug offense (996 = life); kept for reference',
    maps_to: 'results: source_mandatory_minimum',
    verified: true,
  },
  {
    name: 'SAFE',
    aliases: ['SAFETY'],
    meaning: 'safety valve dummy indicator (0 not applied, 1 applied)',
    codes: { '0': 'truthful_disclosure unknown', '1': 'truthful_disclosure true' },
    maps_to: 'cooperation.truthful_disclosure',
    verified: true,
  },
  {
    name: 'DEPART',
    meaning: "defendant's departure status (3 = substantial assistance)",
    maps_to: 'cooperation.substantial_assistance',
    verified: true,
  },
  {
    name: 'ACCTRESP',
    meaning: 'levels subtracted for acceptance of responsibility (-2/-3 applied, 0 not)',
    maps_to: 'cooperation.accepted_responsibility',
    verified: true,
  },
  {
    name: 'SENSPLT',
    aliases: ['TOTPRISN', 'SENTTOT'],
    meaning:
      'total prison sentence in months (SENSPLT/SENTTOT: 470 = life; TOTPRISN: 996 = life, 991-998 special codes)',
    maps_to: 'results: source_sentence (for comparison; not an input to the rules)',
    verified: true,
  },
];

/** Variables names the importer recognises (header detection: two or more of these → USSC layout). */
export const USSC_NAMES: ReadonlySet<string> = new Set(
  USSC_VARIABLES.flatMap((v) => [v.name, ...(v.aliases ?? [])]),
);

const RACE: Record<string, string> = {
  '1': 'white',
  '2': 'black',
  '3': 'american_indian_alaska_native',
  '4': 'asian',
  '5': 'multiracial',
  '7': 'other',
};
const CITIZEN: Record<string, string> = {
  '1': 'us_citizen',
  '2': 'lawful_permanent_resident',
  '3': 'undocumented',
  '4': 'unknown',
};
const DRUG: Record<string, Substance> = {
  '1': 'cocaine',
  '2': 'cocaine_base',
  '3': 'heroin',
  '4': 'marijuana',
  '6': 'methamphetamine',
  '8': 'lsd',
  '77': 'other_schedule_i_ii',
};
/** Retail / wholesale split for activities when no role adjustment is coded: an ounce (a market fact, USSC function definitions). */
const OUNCE_GRAMS = 28;

export function isUsscHeader(header: readonly string[]): boolean {
  let n = 0;
  for (const h of header) if (USSC_NAMES.has(h.trim().toUpperCase())) n++;
  return n >= 2;
}

export interface Imported {
  case: Case;
  /** Codes of every assumption or unverified variable used for this record. */
  notes: string[];
  /** The sentence actually imposed (months, or "life"), for comparison. */
  source_sentence: string;
  source_mandatory_minimum: string;
}

const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (t === '' || t === '.') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
};

function sentencingDate(
  get: (n: string) => string | undefined,
  notes: string[],
): { date?: string; problem?: RowProblem } {
  const raw = get('SENTDATE')?.trim();
  if (raw) {
    notes.push('ussc.unverified.SENTDATE');
    const digits = raw.replace(/[^0-9]/g, '');
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { date: raw };
    if (digits.length === 8) {
      const ymd = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
      const mdy = `${digits.slice(4, 8)}-${digits.slice(0, 2)}-${digits.slice(2, 4)}`;
      if (Number(digits.slice(0, 2)) <= 12 && Number(digits.slice(4, 8)) > 1900) return { date: mdy };
      return { date: ymd };
    }
    return { problem: { column: 'SENTDATE', message: `not a date: "${raw}"` } };
  }
  const y = num(get('SENTYR'));
  const m = num(get('SENTMON'));
  if (y !== undefined && m !== undefined && Number.isInteger(y) && Number.isInteger(m) && m >= 1 && m <= 12) {
    notes.push('ussc.unverified.SENTYR');
    return { date: `${y}-${String(m).padStart(2, '0')}-15` };
  }
  return { problem: { column: 'SENTDATE', message: 'no sentencing date (SENTDATE, or SENTYR and SENTMON)' } };
}

/** Maps one USSC datafile row (variable name → cell) to a contract case, or lists its problems by variable. */
export function usscRowToCase(
  row: Readonly<Record<string, string | undefined>>,
): { ok: true; value: Imported } | { ok: false; problems: RowProblem[] } {
  const upper = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(row)) upper.set(k.trim().toUpperCase(), v);
  const notes: string[] = ['ussc.offense_date_assumed'];
  const problems: RowProblem[] = [];
  const get = (n: string) => upper.get(n);
  /** First present variable among a name and its aliases; notes unverified aliases. */
  const pick = (v: UsscVariable): { name: string; value: string } | undefined => {
    for (const n of [v.name, ...(v.aliases ?? [])]) {
      const x = upper.get(n);
      if (x !== undefined && x.trim() !== '' && x.trim() !== '.') {
        if (n !== v.name || !v.verified) notes.push(`ussc.unverified.${n}`);
        return { name: n, value: x.trim() };
      }
    }
    return undefined;
  };
  const variable = (name: string) => USSC_VARIABLES.find((v) => v.name === name) as UsscVariable;
  const code = (name: string, table: Record<string, string>): string | undefined => {
    const raw = get(name)?.trim();
    if (raw === undefined || raw === '' || raw === '.') return undefined;
    const v = table[raw];
    if (v === undefined)
      problems.push({
        column: name,
        message: `unknown code "${raw}" (expected one of: ${Object.keys(table).join(', ')})`,
      });
    return v;
  };

  const date = sentencingDate(get, notes);
  if (date.problem) problems.push(date.problem);

  const person: Record<string, unknown> = {};
  person.race = code('MONRACE', RACE) ?? 'unknown';
  person.ethnicity = code('HISPORIG', { '1': 'not_hispanic', '2': 'hispanic' }) ?? 'unknown';
  person.gender = code('MONSEX', { '0': 'male', '1': 'female' }) ?? 'unknown';
  person.citizenship =
    (get('CITIZEN')?.trim()
      ? code('CITIZEN', CITIZEN)
      : code('NEWCIT', { '0': 'us_citizen', '1': 'unknown' })) ?? 'unknown';
  const age = num(get('AGE'));
  if (age !== undefined && Number.isNaN(age)) problems.push({ column: 'AGE', message: 'must be a number' });

  const substance = code('COMBDRG2', DRUG as Record<string, string>) as Substance | undefined;
  if (substance === undefined && !problems.some((p) => p.column === 'COMBDRG2'))
    problems.push({ column: 'COMBDRG2', message: 'no primary drug type' });
  const grams = num(get('WGT1'));
  if (grams === undefined) problems.push({ column: 'WGT1', message: 'no drug weight' });
  else if (Number.isNaN(grams))
    problems.push({ column: 'WGT1', message: `must be a number, got "${get('WGT1')}"` });
  else if (grams <= 0) problems.push({ column: 'WGT1', message: 'must be greater than 0' });

  const agg = pick(variable('AGGROLHI'));
  const mit = pick(variable('MITROLHI'));
  const aggN = agg ? num(agg.value) : 0;
  const mitN = mit ? num(mit.value) : 0;
  if (agg && (aggN === undefined || Number.isNaN(aggN)))
    problems.push({ column: agg.name, message: `must be a number, got "${agg.value}"` });
  if (mit && (mitN === undefined || Number.isNaN(mitN)))
    problems.push({ column: mit.name, message: `must be a number, got "${mit.value}"` });
  let activities: Activity[];
  let supervised: number | undefined;
  if (aggN !== undefined && aggN >= 4) {
    activities = ['organized', 'supervised'];
    supervised = 5;
  } else if (aggN !== undefined && aggN >= 3) {
    activities = ['supervised'];
    supervised = 5;
  } else if (aggN !== undefined && aggN >= 2) {
    activities = ['supervised'];
    supervised = 1;
  } else if (mitN !== undefined && mitN <= -4) activities = ['ran_errands'];
  else if (mitN !== undefined && mitN <= -2) activities = ['transported_vehicle'];
  else activities = [grams !== undefined && grams >= OUNCE_GRAMS ? 'sold_wholesale' : 'sold_retail'];
  notes.push('ussc.activities_from_role_adjustment');

  const flag = (name: string) => {
    const v = num(get(name));
    return v !== undefined && !Number.isNaN(v) && v > 0;
  };
  const gunsVar = get('GUNS')?.trim();
  if (gunsVar) notes.push('ussc.unverified.GUNS');
  const counts = flag('IS924C') ? 1 : 0;
  const weapon =
    counts > 0 || flag('WEAPON') || flag('WEAPSOC') || (gunsVar ? flag('GUNS') : false)
      ? 'possessed'
      : 'none';

  const points = num(get('TOTCHPTS'));
  if (points !== undefined && (Number.isNaN(points) || !Number.isInteger(points) || points < 0))
    problems.push({ column: 'TOTCHPTS', message: `must be a whole number, got "${get('TOTCHPTS')}"` });

  const safe = pick(variable('SAFE'));
  const depart = num(get('DEPART'));
  const acc = num(get('ACCTRESP'));

  const sentence = pick(variable('SENSPLT'));
  let source_sentence = '';
  if (sentence) {
    const n = num(sentence.value);
    const lifeCode = sentence.name === 'TOTPRISN' ? 996 : 470;
    if (n === lifeCode) source_sentence = 'life';
    else if (n !== undefined && !Number.isNaN(n) && n < (sentence.name === 'TOTPRISN' ? 990 : 990))
      source_sentence = String(n);
  }
  const drugmin = num(get('DRUGMIN'));
  const source_mandatory_minimum =
    drugmin === 996
      ? 'life'
      : drugmin !== undefined && !Number.isNaN(drugmin) && drugmin < 990
        ? String(drugmin)
        : '';

  if (problems.length) return { ok: false, problems };

  const sentencing = date.date as string;
  if (age !== undefined) person.birth_year = Number(sentencing.slice(0, 4)) - age;
  const idRaw = get('USSCIDN')?.trim();
  const c = {
    ...(idRaw ? { id: `ussc-${idRaw}` } : {}),
    jurisdiction: 'US-FED',
    offense_date: sentencing,
    sentencing_date: sentencing,
    person,
    conduct: {
      activities,
      drugs: [{ substance, grams, basis: 'attributed' }],
      ...(supervised !== undefined ? { people_supervised: supervised } : {}),
      weapon,
      firearm_counts: counts,
    },
    ...(points !== undefined ? { history: { criminal_history_points: points } } : {}),
    cooperation: {
      ...(safe && num(safe.value) === 1 ? { truthful_disclosure: true } : {}),
      ...(depart === 3 ? { substantial_assistance: true } : {}),
      ...(acc !== undefined && !Number.isNaN(acc) ? { accepted_responsibility: acc < 0 } : {}),
    },
  };
  const r = parseCase(c);
  if (!r.ok)
    return {
      ok: false,
      problems: r.problems.map((p) => ({ column: columnOfPath(p.path), message: p.message })),
    };
  return {
    ok: true,
    value: { case: r.case, notes: [...new Set(notes)].sort(), source_sentence, source_mandatory_minimum },
  };
}
