import { LawBook, type Resolved } from '../law/book.ts';
import type { LawValue } from '../law/schema.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';
import type { Term } from '../model/terms.ts';
import { CaseMemo } from './memo.ts';
import { compareTerms } from './relief.ts';
import { assessUnder, resolveScenario, type Scenario, type ScenarioOptions } from './scenarios.ts';

export const DEFAULT_SCENARIOS = ['law_at_sentencing', 'law_today', 'dpa-2019'];

export interface Because {
  scenario: string;
  parameter: string;
  from: unknown;
  to: unknown;
  citations: string[];
  /**
   * true when no single law value explains the difference: reverting this value together with the others
   * marked `jointly` (and only then) gives the row back its baseline value.
   */
  jointly?: boolean;
}
export interface Difference {
  field: string;
  values: Record<string, unknown>;
  because: Because[];
}
export interface Retroactivity {
  scenario: string;
  retroactive: boolean;
  /** null when the reform is not retroactive or the case's term cannot be compared */
  may_seek_reduction: boolean | null;
  who: string;
  citations: string[];
  /** the case at its own dates with the reform applied retroactively */
  mandatory_minimum_months: Term | null;
  guideline_range_months: [Term, Term] | null;
  expected_term_months: Term | null;
}
export interface Comparison {
  case_id: string | null;
  assessments: Assessment[];
  differences: Difference[];
  retroactivity: Retroactivity[];
}

/** The rows of a comparison, in the order surfaces show them. */
export const COMPARISON_ROWS: { field: string; read: (a: Assessment) => unknown }[] = [
  { field: 'role.function', read: (a) => a.role?.function ?? null },
  { field: 'charges', read: (a) => (a.charges ?? []).map((c) => c.description).join('; ') || 'none' },
  { field: 'exposure.statutory.minimum_months', read: (a) => a.exposure?.statutory.minimum_months ?? null },
  { field: 'exposure.statutory.maximum_months', read: (a) => a.exposure?.statutory.maximum_months ?? null },
  {
    field: 'exposure.firearms.consecutive_minimum_months',
    read: (a) => a.exposure?.firearms.consecutive_minimum_months ?? null,
  },
  { field: 'exposure.safety_valve.eligible', read: (a) => a.exposure?.safety_valve.eligible ?? null },
  { field: 'exposure.mandatory_minimum_months', read: (a) => a.exposure?.mandatory_minimum_months ?? null },
  { field: 'exposure.guidelines.range_months', read: (a) => a.exposure?.guidelines?.range_months ?? null },
  { field: 'screen.recommendation', read: (a) => a.screen?.recommendation ?? null },
  {
    field: 'consequences.immigration.aggravated_felony',
    read: (a) => a.consequences?.immigration?.aggravated_felony ?? null,
  },
  { field: 'consequences.cost.usd', read: (a) => a.consequences?.cost?.usd ?? null },
];

const MAX_SHOWN = 160;
/** Values are shown as they are unless they are whole tables (then the parameter id says where to look). */
const shown = (v: unknown): unknown => {
  const text = JSON.stringify(v);
  return text !== undefined && text.length > MAX_SHOWN ? '(table: see the law data)' : v;
};

/** The row values of an assessment, each as JSON (rows compare by value). */
const rowValues = (a: Assessment): string[] => COMPARISON_ROWS.map((r) => JSON.stringify(r.read(a)));

/**
 * A law book like `book` in which each given parameter has, on every date, the value another scenario read:
 * "this scenario, with that one law value as it was in the baseline".
 */
function withValuesOf(book: LawBook, values: readonly Resolved[]): LawBook {
  const params = new Map(book.params);
  for (const r of values) {
    const p = params.get(r.id);
    if (!p) continue;
    const first = p.values[0]?.from ?? r.from;
    const value: LawValue = {
      from: [first, r.from].sort()[0] as IsoDate,
      value: r.value,
      cite: { law: r.law, sources: r.sources },
      confidence: r.confidence,
    };
    params.set(r.id, { ...p, values: [value] });
  }
  return new LawBook(params, book.sources, `${book.hash}+reverted:${values.map((v) => v.id).join(',')}`);
}

/** A parameter's value in a book as an assessment would read it: the Manual's date for the guidelines, else the statute's. */
function lawRead(book: LawBook, id: string, a: Assessment): Resolved | undefined {
  const date =
    id.startsWith('us_fed.ussg.') && a.dates.guidelines_manual
      ? a.dates.guidelines_manual
      : a.dates.statute_law;
  return book.period(date).lookup(id);
}

function becauseOf(
  id: string,
  baseline: Resolved,
  other: Resolved,
  scenario: string,
  jointly: boolean,
): Because {
  return {
    scenario,
    parameter: id,
    from: shown(baseline.value),
    to: shown(other.value),
    citations: [...new Set([other.law, ...(other.reachedBy ? [other.reachedBy] : [])])],
    ...(jointly ? { jointly: true } : {}),
  };
}

/** One scenario as assessed, with the law values it read. */
interface Run {
  scenario: Scenario;
  assessed: Assessment;
  log: ReadonlyMap<string, Resolved>;
}

/**
 * Why each row of one scenario differs from the baseline, found by re-running the case: a law value the two
 * scenarios read differently is a cause of a row's difference when this scenario, with that value reverted to
 * the baseline's, gives the row another value. Where no single value does that because another change gives
 * the same row (overdetermined: Munoz under the agenda is not charged, and has no minimum if charged), the
 * values that alone move the baseline's row are given. Where none does either, the smallest set found by
 * reverting all of them and then restoring each that is not needed is given, marked `jointly`. A row that no
 * reverted law value changes differs through the facts the rules read (the dates it is assessed at): no cause.
 */
function causes(c: Case, base: Run, other: Run, options: ScenarioOptions): Map<string, Because[]> {
  const { scenario, assessed, log } = other;
  const { scenario: baseline, log: baselineLog } = base;
  const baselineRows = rowValues(base.assessed);
  const own = rowValues(assessed);
  const differing = COMPARISON_ROWS.flatMap((_row, i) => (own[i] !== baselineRows[i] ? [i] : []));
  const out = new Map<string, Because[]>();
  if (!differing.length) return out;
  // values read by one scenario only (a rule reached only there) are compared with the other's law on its dates
  const candidates: string[] = [];
  const baselineValues = new Map(baselineLog);
  const values = new Map(log);
  for (const id of new Set([...baselineLog.keys(), ...log.keys()])) {
    const b = baselineLog.get(id) ?? lawRead(baseline.law, id, base.assessed);
    const o = log.get(id) ?? lawRead(scenario.law, id, assessed);
    if (!b || !o || JSON.stringify(b.value) === JSON.stringify(o.value)) continue;
    baselineValues.set(id, b);
    values.set(id, o);
    candidates.push(id);
  }
  candidates.sort();
  const runs = new Map<string, string[]>();
  /** This scenario with the given values reverted (`into` baseline: the baseline with this scenario's values). */
  const rerun = (ids: readonly string[], into: 'scenario' | 'baseline' = 'scenario'): string[] => {
    const key = `${into}:${ids.join('|')}`;
    let rows = runs.get(key);
    if (!rows) {
      const [base, from] = into === 'scenario' ? [scenario, baselineValues] : [baseline, values];
      const law = withValuesOf(
        base.law,
        ids.map((id) => from.get(id) as Resolved),
      );
      rows = rowValues(
        assessUnder(c, { ...base, law }, { evaluationDate: options.evaluationDate, messages: false }),
      );
      runs.set(key, rows);
    }
    return rows;
  };
  for (const i of differing) {
    const field = (COMPARISON_ROWS[i] as { field: string }).field;
    // a value whose reverting alone changes the row; failing that (the row is overdetermined: another change
    // gives the same value), each value that alone moves the baseline's row
    let chosen = candidates.filter((id) => rerun([id])[i] !== own[i]);
    if (!chosen.length) chosen = candidates.filter((id) => rerun([id], 'baseline')[i] !== baselineRows[i]);
    let jointly = false;
    if (!chosen.length && candidates.length && rerun(candidates)[i] === baselineRows[i]) {
      // no value alone: shrink the full set to the values the baseline row still needs
      chosen = [...candidates];
      for (const id of candidates) {
        const without = chosen.filter((x) => x !== id);
        if (rerun(without)[i] === baselineRows[i]) chosen = without;
      }
      jointly = chosen.length > 1;
    }
    out.set(
      field,
      chosen.map((id) =>
        becauseOf(id, baselineValues.get(id) as Resolved, values.get(id) as Resolved, scenario.id, jointly),
      ),
    );
  }
  return out;
}

function retroactivity(
  c: Case,
  scenario: Scenario,
  baseline: Assessment,
  options: ScenarioOptions,
): Retroactivity | null {
  const reform = scenario.reform;
  if (!reform) return null;
  const retro = assessUnder(c, { ...scenario, dates: 'case' }, { ...options, messages: false });
  const before = reform.retroactive.sentenced_before ?? reform.effective ?? options.evaluationDate;
  const sentenced = baseline.dates.sentencing;
  // a saving is certain where both terms are known, or the baseline's lower bound exceeds the reform's term
  const r = compareTerms(baseline, retro);
  const lower = (r.months_saved_at_least ?? 0) > 0 || r.reason_codes.includes('relief.life_removed');
  return {
    scenario: scenario.id,
    retroactive: reform.retroactive.applies,
    may_seek_reduction: reform.retroactive.applies
      ? r.reason_codes.includes('relief.term_unknown')
        ? null
        : sentenced < before && lower
      : false,
    who: reform.retroactive.who,
    citations: [reform.retroactive.cite],
    mandatory_minimum_months: retro.exposure?.mandatory_minimum_months ?? null,
    guideline_range_months: retro.exposure?.guidelines?.range_months ?? null,
    expected_term_months: r.scenario_term,
  };
}

/**
 * The same case under several scenarios, one assessment each, with every difference explained by the law
 * values whose change caused it (see `causes`), with their citations, and what each reform would mean
 * retroactively.
 */
export function compare(
  c: Case,
  scenarioIds: (string | Scenario)[],
  options: ScenarioOptions & { evaluationDate: IsoDate },
): Comparison {
  const scenarios = scenarioIds.map((id) => (typeof id === 'string' ? resolveScenario(id, options.law) : id));
  const tracked = scenarios.map((s) => ({ ...s, law: s.law.tracked() }));
  const memo = new CaseMemo();
  const assessments = tracked.map((s) => assessUnder(c, s, { ...options, memo }));
  const runs: Run[] = tracked.map((scenario, i) => ({
    scenario,
    assessed: assessments[i] as Assessment,
    log: scenario.law.readLog ?? new Map<string, Resolved>(),
  }));
  const explained = runs.map((run, i) =>
    i === 0 ? new Map<string, Because[]>() : causes(c, runs[0] as Run, run, options),
  );
  const differences: Difference[] = [];
  for (const row of COMPARISON_ROWS) {
    const values = Object.fromEntries(
      assessments.map((a, i) => [scenarios[i]?.id ?? String(i), row.read(a)]),
    );
    const distinct = new Set(Object.values(values).map((v) => JSON.stringify(v)));
    if (distinct.size < 2) continue;
    differences.push({ field: row.field, values, because: explained.flatMap((m) => m.get(row.field) ?? []) });
  }
  // The reference for retroactive relief is the case at its own dates: reuse it when it was asked for.
  const atSentencing = scenarios.findIndex((s) => s.id === 'law_at_sentencing');
  const baseline =
    assessments[atSentencing] ??
    assessUnder(c, resolveScenario('law_at_sentencing', options.law), { ...options, messages: false });
  return {
    case_id: c.id ?? null,
    assessments,
    differences,
    retroactivity: scenarios.flatMap((s) => retroactivity(c, s, baseline, options) ?? []),
  };
}
