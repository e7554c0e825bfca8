import { CaseMemo } from '../engine/memo.ts';
import { compareTerms, expectedTerm } from '../engine/relief.ts';
import { assessUnder, type Scenario } from '../engine/scenarios.ts';
import type { LawBook } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { Term } from '../model/terms.ts';
import { convertedDrugWeight } from './converted-weight.ts';
import { columnPrefix, type Retroactivity, resolveBatchScenario, retroactivityOf } from './scenarios.ts';
import type { UsscRecorded } from './ussc.ts';

/** Column types of results.csv, as written to Parquet (months and dollars are integers, never floats). */
export type SqlType = 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'BOOLEAN' | 'DOUBLE';
export interface ResultColumn {
  name: string;
  type: SqlType;
  description: string;
}

export interface ScenarioInfo {
  id: string;
  title: string;
  kind: string;
  prefix: string;
  baseline: boolean;
  retroactivity: Retroactivity;
}

export interface BatchPlan {
  /** Scenario ids in output order; the baseline is one of them. */
  scenarios: string[];
  baseline: string;
  evaluationDate: string;
}

/** Resolves every scenario once; the baseline is evaluated even when not listed. */
export function planScenarios(
  plan: BatchPlan,
  law: LawBook = defaultLawBook(),
): { scenarios: Scenario[]; info: ScenarioInfo[] } {
  const ids = plan.scenarios.includes(plan.baseline) ? plan.scenarios : [plan.baseline, ...plan.scenarios];
  const scenarios = ids.map((id) => resolveBatchScenario(id, law));
  const prefixes = new Set<string>();
  const info = scenarios.map((s, i) => {
    let prefix = columnPrefix(s.id);
    while (prefixes.has(prefix)) prefix = `${prefix}_${i}`;
    prefixes.add(prefix);
    return {
      id: s.id,
      title: s.title,
      kind: s.kind,
      prefix,
      baseline: ids[i] === plan.baseline,
      retroactivity: retroactivityOf(s),
    };
  });
  return { scenarios, info };
}

export const COMMON_COLUMNS: readonly ResultColumn[] = [
  { name: 'line', type: 'INTEGER', description: 'line of the record in the input file (first line 1)' },
  { name: 'id', type: 'VARCHAR', description: 'the record id from the input' },
  { name: 'synthetic', type: 'BOOLEAN', description: 'the record was generated, not a real person' },
  { name: 'jurisdiction', type: 'VARCHAR', description: 'jurisdiction' },
  { name: 'race', type: 'VARCHAR', description: 'race (unknown when absent)' },
  { name: 'ethnicity', type: 'VARCHAR', description: 'ethnicity (unknown when absent)' },
  { name: 'gender', type: 'VARCHAR', description: 'gender (unknown when absent)' },
  { name: 'citizenship', type: 'VARCHAR', description: 'citizenship (unknown when absent)' },
  { name: 'drug', type: 'VARCHAR', description: 'first substance listed' },
  { name: 'sentencing_date', type: 'VARCHAR', description: 'sentencing date (offense date when absent)' },
  {
    name: 'source_sentence',
    type: 'VARCHAR',
    description: 'sentence imposed according to the source (USSC input), months or life',
  },
  {
    name: 'source_mandatory_minimum',
    type: 'VARCHAR',
    description: 'drug mandatory minimum according to the source (USSC DRUGMIN)',
  },
  {
    name: 'source_offense_level',
    type: 'INTEGER',
    description: 'final offense level the court determined, according to the source (USSC XFOLSOR)',
  },
  {
    name: 'source_criminal_history_category',
    type: 'VARCHAR',
    description: 'criminal history category the court determined, I-VI (USSC XCRHISSR)',
  },
  {
    name: 'source_guideline_min_months',
    type: 'INTEGER',
    description:
      'guideline minimum before statutory trumps, according to the source (USSC XMINSOR; empty for life)',
  },
  {
    name: 'source_guideline_max_months',
    type: 'INTEGER',
    description:
      'guideline maximum before statutory trumps, according to the source (USSC XMAXSOR; empty for life)',
  },
  {
    name: 'source_mandatory_minimum_months',
    type: 'INTEGER',
    description: 'drug mandatory minimum according to the source (USSC DRUGMIN; empty for life)',
  },
  {
    name: 'import_notes',
    type: 'VARCHAR',
    description: '`;`-separated codes of assumptions and unverified source variables used for the record',
  },
];

export function scenarioColumns(s: ScenarioInfo): ResultColumn[] {
  const p = s.prefix;
  const cols: ResultColumn[] = [
    { name: `${p}_role`, type: 'VARCHAR', description: 'offender function found' },
    { name: `${p}_screen`, type: 'VARCHAR', description: "the report's charging-screen recommendation" },
    {
      name: `${p}_mandatory_minimum_months`,
      type: 'INTEGER',
      description: 'all mandatory prison terms (empty when life or not computed)',
    },
    { name: `${p}_mandatory_minimum_life`, type: 'BOOLEAN', description: 'the mandatory minimum is life' },
    { name: `${p}_guideline_range`, type: 'VARCHAR', description: 'guideline range, e.g. 57-71 or 360-life' },
    { name: `${p}_guideline_min_months`, type: 'INTEGER', description: 'bottom of the guideline range' },
    {
      name: `${p}_guideline_max_months`,
      type: 'INTEGER',
      description: 'top of the guideline range (empty for life)',
    },
    { name: `${p}_offense_level`, type: 'INTEGER', description: 'total offense level (guidelines)' },
    {
      name: `${p}_criminal_history_category`,
      type: 'VARCHAR',
      description: 'criminal history category, I-VI (guidelines)',
    },
    {
      name: `${p}_converted_drug_weight_grams`,
      type: 'DOUBLE',
      description:
        'converted drug weight (marihuana equivalency before Nov. 2018) under the Manual applied, grams',
    },
    {
      name: `${p}_term_months`,
      type: 'INTEGER',
      description: 'expected term: the larger of the mandatory minimum and the guideline minimum',
    },
    { name: `${p}_term_life`, type: 'BOOLEAN', description: 'the expected term is life' },
    {
      name: `${p}_cost_usd`,
      type: 'BIGINT',
      description:
        "cost of the time expected to be served (federal good conduct time, the state's release rule) at the jurisdiction's rate",
    },
  ];
  if (!s.baseline)
    cols.push(
      { name: `${p}_changed`, type: 'BOOLEAN', description: 'the expected term differs from the baseline' },
      {
        name: `${p}_months_saved`,
        type: 'INTEGER',
        description: 'baseline term minus this term (negative: longer)',
      },
      {
        name: `${p}_months_saved_at_least`,
        type: 'INTEGER',
        description:
          'months certainly saved: months_saved, or where the baseline term is only a minimum (no grid or guideline range), that minimum minus this term',
      },
      {
        name: `${p}_relief_eligible`,
        type: 'BOOLEAN',
        description: 'shorter term and, where the scenario declares it, retroactive for this sentencing date',
      },
      {
        name: `${p}_dollars_saved`,
        type: 'BIGINT',
        description: 'baseline cost minus this cost (eligible only)',
      },
      { name: `${p}_relief_codes`, type: 'VARCHAR', description: '`;`-separated relief reason codes' },
    );
  return cols;
}

export function resultColumns(info: readonly ScenarioInfo[]): ResultColumn[] {
  return [...COMMON_COLUMNS, ...info.flatMap(scenarioColumns)];
}

/** Aggregation dimensions of the summary; `all` is the total. */
export const DIMENSIONS = ['all', 'race', 'ethnicity', 'gender', 'citizenship', 'role', 'drug'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Integer counters per (scenario, dimension, value); summing them is exact and order-independent. */
export const COUNTERS = [
  'people',
  'mandatory_minimum',
  'life',
  'cost_usd',
  'affected',
  'eligible',
  'longer',
  'months_saved',
  'dollars_saved',
  'life_removed',
  'months_saved_at_least',
  'saving_lower_bound',
] as const;
export type Counter = (typeof COUNTERS)[number];
const IX = Object.fromEntries(COUNTERS.map((c, i) => [c, i])) as Record<Counter, number>;

/** Partial key counting synthetic records. */
export const SYNTHETIC_KEY = 'meta\tsynthetic';

/** key: `${scenarioIndex}\t${dimension}\t${value}` → counters in COUNTERS order. */
export type Partial = Record<string, number[]>;

export function mergePartial(into: Partial, from: Partial): void {
  for (const [k, v] of Object.entries(from)) {
    const t = into[k];
    if (!t) into[k] = v.slice();
    else for (let i = 0; i < v.length; i++) t[i] = (t[i] as number) + (v[i] as number);
  }
}

/**
 * The partial key of (scenario, dimension, value), made once: a freshly built string must be hashed on
 * every lookup, and every record bumps one key per scenario and dimension. Values are codes (bounded).
 */
const partialKeys: Map<string, string>[][] = [];
function partialKey(scenario: number, dimension: number, value: string): string {
  partialKeys[scenario] ??= DIMENSIONS.map(() => new Map<string, string>());
  const keys = partialKeys[scenario][dimension] as Map<string, string>;
  let key = keys.get(value);
  if (key === undefined) {
    key = `${scenario}\t${DIMENSIONS[dimension]}\t${value}`;
    keys.set(value, key);
  }
  return key;
}

function bump(p: Partial, key: string, values: number[]): void {
  const t = p[key];
  if (!t) p[key] = values.slice();
  else for (let i = 0; i < values.length; i++) t[i] = (t[i] as number) + (values[i] as number);
}

const termMonths = (t: Term | null): string => (t === null || t === 'life' ? '' : String(t));
const isLife = (t: Term | null | undefined): string =>
  t === undefined || t === null ? '' : t === 'life' ? 'true' : 'false';

/** Extra, source-specific values carried to the results. */
export interface SourceInfo {
  source_sentence?: string;
  source_mandatory_minimum?: string;
  notes?: string[];
  /** The source's own recorded results (USSC input). */
  recorded?: UsscRecorded;
}

export interface EvalContext {
  scenarios: Scenario[];
  info: ScenarioInfo[];
  evaluationDate: string;
}

/**
 * Evaluates one case under every scenario; returns its result cells (resultColumns order) and adds
 * its counts to `partial`. Throws only on an engine defect (the caller rejects the record).
 */
export function evaluateCase(
  c: Case,
  line: number,
  source: SourceInfo,
  ctx: EvalContext,
  partial: Partial,
): string[] {
  // role and indicia are computed once for the case and reused by every scenario whose law gives the same values
  const memo = new CaseMemo();
  const assessments: Assessment[] = ctx.scenarios.map((s) =>
    assessUnder(c, s, { evaluationDate: ctx.evaluationDate, mode: 'bulk', memo }),
  );
  const baseIndex = ctx.info.findIndex((i) => i.baseline);
  const base = assessments[baseIndex] as Assessment;
  const person = c.person ?? {};
  const sentencing = c.sentencing_date ?? c.offense_date;
  // the value of each dimension, in DIMENSIONS order
  const groups: string[] = [
    'all',
    person.race ?? 'unknown',
    person.ethnicity ?? 'unknown',
    person.gender ?? 'unknown',
    person.citizenship ?? 'unknown',
    base.role?.function ?? 'unknown',
    c.conduct.drugs[0]?.substance ?? 'unknown',
  ];
  const cells: string[] = [
    String(line),
    c.id ?? '',
    c.synthetic === undefined ? '' : String(c.synthetic),
    c.jurisdiction,
    person.race ?? '',
    person.ethnicity ?? '',
    person.gender ?? '',
    person.citizenship ?? '',
    c.conduct.drugs[0]?.substance ?? '',
    sentencing,
    source.source_sentence ?? '',
    source.source_mandatory_minimum ?? '',
    ...recordedCells(source.recorded),
    (source.notes ?? []).join(';'),
  ];
  if (c.synthetic === true) bump(partial, SYNTHETIC_KEY, [1]);
  const baseCost = base.consequences?.cost?.usd ?? null;
  for (let i = 0; i < assessments.length; i++) {
    const a = assessments[i] as Assessment;
    const info = ctx.info[i] as ScenarioInfo;
    const e = a.exposure;
    const mm = e?.mandatory_minimum_months ?? null;
    const g = e?.guidelines ?? null;
    const range = g ? (g.total_range_months ?? g.range_months) : null;
    const term = expectedTerm(a);
    const cost = a.consequences?.cost?.usd ?? null;
    cells.push(
      a.role?.function ?? '',
      a.screen?.recommendation ?? '',
      termMonths(mm),
      isLife(mm),
      range ? `${range[0]}-${range[1]}` : '',
      range ? termMonths(range[0]) : '',
      range ? termMonths(range[1]) : '',
      g ? String(g.offense_level) : '',
      g?.criminal_history_category ?? '',
      String(convertedDrugWeight(c, a, (ctx.scenarios[i] as Scenario).law) ?? ''),
      termMonths(term),
      isLife(term),
      cost === null ? '' : String(cost),
    );
    const counts = new Array<number>(COUNTERS.length).fill(0);
    counts[IX.people] = 1;
    // the offense carries a mandatory minimum (before safety valve and substantial assistance), as USSC counts it
    const statMin = e?.statutory.minimum_months ?? null;
    if (
      statMin === 'life' ||
      (typeof statMin === 'number' && statMin > 0) ||
      (e?.firearms.consecutive_minimum_months ?? 0) !== 0
    )
      counts[IX.mandatory_minimum] = 1;
    if (term === 'life') counts[IX.life] = 1;
    if (cost !== null) counts[IX.cost_usd] = cost;
    if (!info.baseline) {
      const r = compareTerms(base, a);
      const shorter = (r.months_saved_at_least ?? 0) > 0 || r.reason_codes.includes('relief.life_removed');
      const bounded = r.months_saved === null && r.months_saved_at_least !== null;
      const retro = info.retroactivity;
      const eligible =
        shorter &&
        (!retro.declared ||
          (retro.applies && (retro.sentenced_before === null || sentencing < retro.sentenced_before)));
      // a lower-bound saving has no exact cost difference: dollars only where both terms are known
      const dollars = eligible && !bounded && baseCost !== null && cost !== null ? baseCost - cost : null;
      if (shorter && !eligible) r.reason_codes.push('relief.not_retroactive');
      cells.push(
        String(r.changed),
        r.months_saved === null ? '' : String(r.months_saved),
        r.months_saved_at_least === null ? '' : String(r.months_saved_at_least),
        String(eligible),
        dollars === null ? '' : String(dollars),
        r.reason_codes.join(';'),
      );
      if (r.changed) counts[IX.affected] = 1;
      if (eligible) counts[IX.eligible] = 1;
      if (
        (r.months_saved !== null && r.months_saved < 0) ||
        r.reason_codes.includes('relief.life_added') ||
        r.reason_codes.includes('relief.longer_term_at_least')
      )
        counts[IX.longer] = 1;
      if (eligible && r.months_saved !== null) counts[IX.months_saved] = r.months_saved;
      if (eligible && r.months_saved_at_least !== null)
        counts[IX.months_saved_at_least] = r.months_saved_at_least;
      if (eligible && bounded) counts[IX.saving_lower_bound] = 1;
      if (dollars !== null) counts[IX.dollars_saved] = dollars;
      if (eligible && r.reason_codes.includes('relief.life_removed')) counts[IX.life_removed] = 1;
    }
    for (let d = 0; d < groups.length; d++) bump(partial, partialKey(i, d, groups[d] as string), counts);
  }
  return cells;
}

function recordedCells(r: UsscRecorded | undefined): string[] {
  if (!r) return ['', '', '', '', ''];
  return [
    r.offense_level === null ? '' : String(r.offense_level),
    r.criminal_history_category ?? '',
    termMonths(r.guideline_min_months),
    termMonths(r.guideline_max_months),
    termMonths(r.mandatory_minimum_months),
  ];
}

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV line (RFC 4180 quoting only where needed). Joined, not concatenated cell by cell: `join` makes
 * one flat string, while `+=` leaves a tree of pieces per line that a batch worker keeps alive (and the
 * young generation copies) until the batch's results are sent.
 */
export function csvLine(cells: readonly string[]): string {
  let quoted: string[] | undefined;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i] as string;
    if (NEEDS_QUOTES.test(v)) {
      quoted ??= cells.slice();
      quoted[i] = `"${v.replace(/"/g, '""')}"`;
    }
  }
  return `${(quoted ?? cells).join(',')}\n`;
}
