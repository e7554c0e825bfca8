import type { Resolved } from '../law/book.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';
import { type Term, termGte } from '../model/terms.ts';
import { CaseMemo } from './memo.ts';
import { expectedTerm } from './relief.ts';
import { assessUnder, resolveScenario, type Scenario, type ScenarioOptions } from './scenarios.ts';

export const DEFAULT_SCENARIOS = ['law_at_sentencing', 'law_today', 'dpa-2019'];

export interface Because {
  scenario: string;
  parameter: string;
  from: unknown;
  to: unknown;
  citations: string[];
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

const STATUTE = [
  'us_fed.usc21_841b',
  'us_fed.usc21_844',
  'us_fed.usc21_846',
  'us_fed.usc21_851',
  'us_fed.usc21_802',
  'us_fed.charging',
];
const SCREEN_SWITCH = 'policy.dpa_2019.screen.governs_charging';

/** The rows of a comparison (surfaces show these, in this order), and the law whose changes can explain each. */
export const COMPARISON_ROWS: { field: string; read: (a: Assessment) => unknown; law: string[] }[] = [
  { field: 'role.function', read: (a) => a.role?.function ?? null, law: ['policy.dpa_2019.role'] },
  {
    field: 'charges',
    read: (a) => (a.charges ?? []).map((c) => c.description).join('; ') || 'none',
    law: [...STATUTE, SCREEN_SWITCH],
  },
  {
    field: 'exposure.statutory.minimum_months',
    read: (a) => a.exposure?.statutory.minimum_months ?? null,
    law: [...STATUTE, SCREEN_SWITCH],
  },
  {
    field: 'exposure.statutory.maximum_months',
    read: (a) => a.exposure?.statutory.maximum_months ?? null,
    law: [...STATUTE, SCREEN_SWITCH],
  },
  {
    field: 'exposure.firearms.consecutive_minimum_months',
    read: (a) => a.exposure?.firearms.consecutive_minimum_months ?? null,
    law: ['us_fed.usc18_924c', SCREEN_SWITCH],
  },
  {
    field: 'exposure.safety_valve.eligible',
    read: (a) => a.exposure?.safety_valve.eligible ?? null,
    law: ['us_fed.usc18_3553f', SCREEN_SWITCH],
  },
  {
    field: 'exposure.mandatory_minimum_months',
    read: (a) => a.exposure?.mandatory_minimum_months ?? null,
    law: [...STATUTE, 'us_fed.usc18_924c', 'us_fed.usc18_3553f', 'us_fed.usc18_3553e', SCREEN_SWITCH],
  },
  {
    field: 'exposure.guidelines.range_months',
    read: (a) => a.exposure?.guidelines?.range_months ?? null,
    law: ['us_fed.ussg', ...STATUTE, SCREEN_SWITCH],
  },
  {
    field: 'screen.recommendation',
    read: (a) => a.screen?.recommendation ?? null,
    law: ['policy.dpa_2019.screen', 'policy.dpa_2019.indicia'],
  },
  {
    field: 'consequences.immigration.aggravated_felony',
    read: (a) => a.consequences?.immigration?.aggravated_felony ?? null,
    law: ['us_fed.immigration', SCREEN_SWITCH],
  },
  {
    field: 'consequences.cost.usd',
    read: (a) => a.consequences?.cost?.usd ?? null,
    law: [
      'us_fed.cost_per_person_year',
      'us_fed.usc18_3624b.good_conduct_time',
      SCREEN_SWITCH,
      ...STATUTE,
      'us_fed.usc18_924c',
    ],
  },
];

const MAX_SHOWN = 160;
/** Values are shown as they are unless they are whole tables (then the parameter id says where to look). */
const shown = (v: unknown): unknown => {
  const text = JSON.stringify(v);
  return text !== undefined && text.length > MAX_SHOWN ? '(table: see the law data)' : v;
};

function because(
  baseline: Map<string, Resolved>,
  other: Map<string, Resolved>,
  prefixes: string[],
  scenario: string,
): Because[] {
  const out: Because[] = [];
  const ids = new Set([...baseline.keys(), ...other.keys()]);
  for (const id of [...ids].sort()) {
    if (!prefixes.some((p) => id === p || id.startsWith(`${p}.`))) continue;
    const a = baseline.get(id);
    const b = other.get(id);
    if (a && b && JSON.stringify(a.value) === JSON.stringify(b.value)) continue;
    const cite = b ?? a;
    if (!cite) continue;
    out.push({
      scenario,
      parameter: id,
      from: a ? shown(a.value) : 'not applied',
      to: b ? shown(b.value) : 'not applied',
      citations: [...new Set([cite.law, ...(cite.reachedBy ? [cite.reachedBy] : [])])],
    });
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
  const now = expectedTerm(baseline);
  const then = expectedTerm(retro);
  const lower = now !== null && then !== null && !termGte(then, now);
  return {
    scenario: scenario.id,
    retroactive: reform.retroactive.applies,
    may_seek_reduction: reform.retroactive.applies
      ? now === null || then === null
        ? null
        : sentenced < before && lower
      : false,
    who: reform.retroactive.who,
    citations: [reform.retroactive.cite],
    mandatory_minimum_months: retro.exposure?.mandatory_minimum_months ?? null,
    guideline_range_months: retro.exposure?.guidelines?.range_months ?? null,
    expected_term_months: then,
  };
}

/**
 * The same case under several scenarios, one assessment each, with every difference explained by the
 * law values that changed (and their citations), and what each reform would mean retroactively.
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
  const logs = tracked.map((s) => s.law.readLog ?? new Map<string, Resolved>());
  const differences: Difference[] = [];
  for (const row of COMPARISON_ROWS) {
    const values = Object.fromEntries(
      assessments.map((a, i) => [scenarios[i]?.id ?? String(i), row.read(a)]),
    );
    const distinct = new Set(Object.values(values).map((v) => JSON.stringify(v)));
    if (distinct.size < 2) continue;
    const first = logs[0] ?? new Map();
    const reasons = assessments.flatMap((a, i) =>
      i === 0 || JSON.stringify(row.read(a)) === JSON.stringify(row.read(assessments[0] as Assessment))
        ? []
        : because(first, logs[i] ?? new Map(), row.law, scenarios[i]?.id ?? String(i)),
    );
    differences.push({ field: row.field, values, because: reasons });
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
