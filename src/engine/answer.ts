import type { Assessment, Question } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { Term } from '../model/terms.ts';
import { CaseMemo } from './memo.ts';
import { expectedTerm } from './relief.ts';
import { assessUnder, resolveScenario, type ScenarioOptions } from './scenarios.ts';

/** What one scenario means for the person, in the numbers a reader looks for first. */
export interface AnswerRow {
  scenario: string;
  title: string;
  mandatory_minimum_months: Term | null;
  /** the advisory range (with consecutive firearm terms), or the state's range */
  range_months: [Term, Term] | null;
  expected_term_months: Term | null;
}

/** The answer first: the law applied, the law today, and the report's agenda; then the facts that would change it. */
export interface Answer {
  rows: AnswerRow[];
  /** the mandatory minimum if the open facts go the person's way, when it differs */
  best_case_months: Term | null;
  /** the guideline range if the court's open findings (adjustments.* 'unknown') go the person's way, when it differs */
  best_case_range_months?: [Term, Term];
  questions: Question[];
}

const SCENARIOS = ['law_at_sentencing', 'law_today', 'dpa-2019'] as const;

function row(a: Assessment, title: string): AnswerRow {
  const e = a.exposure;
  const g = e?.guidelines;
  const statutory: [Term, Term] | null =
    e && e.statutory.minimum_months !== null && e.statutory.maximum_months !== null
      ? [e.statutory.minimum_months, e.statutory.maximum_months]
      : null;
  return {
    scenario: a.scenario,
    title,
    mandatory_minimum_months: e?.mandatory_minimum_months ?? null,
    range_months: g ? (g.total_range_months ?? g.range_months) : statutory,
    expected_term_months: expectedTerm(a),
  };
}

/** `applied`: the case already assessed at its own dates (a surface that shows it), not assessed again. */
export function answerFirst(c: Case, options: ScenarioOptions, applied?: Assessment): Answer {
  const memo = new CaseMemo();
  const assessed = SCENARIOS.map((id) => {
    const s = resolveScenario(id, options.law);
    const reuse = applied && id === 'law_at_sentencing' ? applied : undefined;
    return { a: reuse ?? assessUnder(c, s, { ...options, messages: false, memo }), title: s.title };
  });
  const atOwnDates = (assessed[0] as { a: Assessment }).a;
  const best = atOwnDates.findings.find((f) => f.code === 'exposure.mandatory_minimum.best_case');
  const bestRange = atOwnDates.exposure?.guidelines?.best_case_range_months;
  return {
    rows: assessed.map((x) => row(x.a, x.title)),
    best_case_months: (best?.values?.months as Term | undefined) ?? null,
    ...(bestRange ? { best_case_range_months: bestRange } : {}),
    questions: atOwnDates.questions ?? [],
  };
}
