import type { Assessment, Question } from '../model/assessment.ts';
import { type Case, COMPENSATIONS, MAX_MONTHS, parseCase, WEAPONS } from '../model/case.ts';
import { addDays, type IsoDate, monthsBetween } from '../model/dates.ts';
import { extend } from '../model/extend.ts';
import { setPath } from '../model/paths.ts';
import { rangeAbove, type Term, termGte } from '../model/terms.ts';
import { CaseMemo } from './memo.ts';
import { questionCode } from './questions.ts';
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

/** A number of the case at its own dates that an open fact moves. */
export type BoundedNumber = 'mandatory_minimum' | 'statutory_range' | 'guideline_range';
type Value = Term | [Term, Term];

/** Both ends of one number over the answers an open fact can have, with the question(s) that settle it. */
export interface Bound {
  number: BoundedNumber;
  best: Value;
  worst: Value;
  questions: Question[];
}

/** The answer first: the law applied, the law today, and the report's agenda; then the facts that would change it. */
export interface Answer {
  rows: AnswerRow[];
  /** the mandatory minimum if the open facts go the person's way, when it differs */
  best_case_months: Term | null;
  questions: Question[];
  /** each open fact that changes a number, the number's best and worst, the facts moving the most first */
  bounds: Bound[];
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

// ---------- bounds: the case re-run with each open fact answered each way

/**
 * Guideline inputs an "I don't know" leaves at the harsher reading (no acceptance of responsibility, no status
 * points): asked when an answer moves a number, as the typed questions are.
 */
const OPEN_INPUTS = ['cooperation.accepted_responsibility', 'history.under_sentence_at_offense'];
/** The answers a question on a case field can have. */
const DOMAINS: Record<string, readonly unknown[]> = {
  'cooperation.truthful_disclosure': [true, false],
  'cooperation.accepted_responsibility': [true, false],
  'history.under_sentence_at_offense': [true, false],
  'conduct.weapon': WEAPONS,
  'conduct.compensation': COMPENSATIONS,
};

interface OpenFact {
  questions: Question[];
  /** the case with the fact answered each way it can be */
  variants: Case[];
}

/** The case with one field answered `value` (a copy: the case itself is left as it was). */
function withPath(c: Case, path: string, value: unknown): unknown {
  const copy = structuredClone(c) as unknown as Record<string, unknown>;
  setPath(copy, path, value);
  return copy;
}

/**
 * A prior's missing facts all at one end of what they can be: low (nothing served, no maximum, released the
 * day of conviction) or high (served from conviction to the offense, the longest term the contract takes (standing for life),
 * released the day before the offense). The rules' tests on these facts are thresholds that a longer term,
 * more time served and a later release can only meet, so the two ends bound every answer.
 */
function priorAt(c: Case, i: number, facts: readonly string[], end: 'low' | 'high'): unknown {
  const prior = c.history?.priors?.[i];
  if (!prior) return undefined;
  const elapsed = Math.max(0, monthsBetween(prior.date, c.offense_date));
  const high: Record<string, unknown> = {
    served_months: Math.min(prior.sentence_months ?? elapsed, elapsed),
    max_term_months: MAX_MONTHS,
    release_date: [prior.date, addDays(c.offense_date as IsoDate, -1)].sort().at(-1),
    sentence_months: Math.max(elapsed, prior.served_months ?? 0),
  };
  const low: Record<string, unknown> = {
    served_months: 0,
    max_term_months: 0,
    release_date: prior.date,
    sentence_months: prior.served_months ?? 0,
  };
  let out: unknown = c;
  for (const f of facts)
    if (f in high) out = withPath(out as Case, `history.priors.${i}.${f}`, (end === 'low' ? low : high)[f]);
  return out;
}

function openFacts(c: Case, asked: readonly Question[]): OpenFact[] {
  const valid = (x: unknown): Case[] => {
    const parsed = x === undefined ? undefined : parseCase(x);
    return parsed?.ok ? [parsed.case] : [];
  };
  const priors = new Map<number, Question[]>();
  const fields = new Map<string, Question>();
  for (const q of asked) {
    const m = /^history\.priors\.(\d+)\.\w+$/.exec(q.path);
    if (m) priors.set(Number(m[1]), [...(priors.get(Number(m[1])) ?? []), q]);
    else fields.set(q.path, q);
  }
  for (const path of OPEN_INPUTS) {
    const [group, field] = path.split('.') as [string, string];
    const given = (c as unknown as Record<string, Record<string, unknown> | undefined>)[group]?.[field];
    if (given === undefined && !fields.has(path))
      fields.set(path, { path, code: questionCode(path), finding: 'answer.open_input' });
  }
  const out: OpenFact[] = [];
  // the priors' facts move together: a recidivist rule may need two priors to qualify at once
  if (priors.size) {
    const at = (end: 'low' | 'high') =>
      [...priors].reduce<unknown>(
        (x, [i, qs]) =>
          x === undefined
            ? undefined
            : priorAt(
                x as Case,
                i,
                qs.map((q) => q.path.split('.').at(-1) as string),
                end,
              ),
        c,
      );
    out.push({
      questions: [...priors.values()].flat(),
      variants: [...valid(at('low')), ...valid(at('high'))],
    });
  }
  for (const [path, q] of fields) {
    const values = DOMAINS[path];
    if (values) out.push({ questions: [q], variants: values.flatMap((v) => valid(withPath(c, path, v))) });
  }
  return out;
}

const NUMBERS: { number: BoundedNumber; read: (a: Assessment) => Value | null }[] = [
  { number: 'mandatory_minimum', read: (a) => a.exposure?.mandatory_minimum_months ?? null },
  {
    number: 'statutory_range',
    read: (a) => {
      const s = a.exposure?.statutory;
      return s && s.minimum_months !== null && s.maximum_months !== null
        ? [s.minimum_months, s.maximum_months]
        : null;
    },
  },
  {
    number: 'guideline_range',
    read: (a) => {
      const g = a.exposure?.guidelines;
      return g ? (g.total_range_months ?? g.range_months) : null;
    },
  },
];

/** Whether `a` is harsher than `b`: a longer term, or a range above it. */
const above = (a: Value, b: Value): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? rangeAbove(a, b)
    : !Array.isArray(a) && !Array.isArray(b) && a !== b && termGte(a, b);
/** How far apart two values are, in months of their lower ends (life counts as the contract's longest term). */
const spread = (a: Value, b: Value): number => {
  const low = (v: Value) => {
    const t = Array.isArray(v) ? v[0] : v;
    return t === 'life' ? MAX_MONTHS : t;
  };
  return Math.abs(low(a) - low(b));
};

/**
 * The court's open findings (obstruction, mitigating role, the motions, ACCA's predicates and occasions): the
 * engine reads them together, the person's way, into `guidelines.best_case_range_months`, so they are one bound.
 */
const COURT_FINDING =
  /^(adjustments\.|cooperation\.motion_|history\.priors\.\d+\.(acca_predicate|occasion)$)/;
function courtFindingsBound(a: Assessment): Bound | null {
  const g = a.exposure?.guidelines;
  const best = g?.best_case_range_months;
  if (!g || !best) return null;
  const worst = g.total_range_months ?? g.range_months;
  if (JSON.stringify(best) === JSON.stringify(worst)) return null;
  const questions = (a.questions ?? []).filter((q) => COURT_FINDING.test(q.path));
  return { number: 'guideline_range', best, worst, questions };
}

/** Each open fact re-run every way it can be answered; a number it moves gets both ends and the question. */
export function boundsOf(c: Case, a: Assessment, options: ScenarioOptions): Bound[] {
  const s = resolveScenario('law_at_sentencing', options.law);
  const out: (Bound & { spread: number })[] = [];
  const court = courtFindingsBound(a);
  if (court) out.push(extend(court, { spread: spread(court.best, court.worst) }));
  for (const fact of openFacts(c, a.questions ?? [])) {
    const assessed = fact.variants.map((v) => assessUnder(v, s, { ...options, messages: false }));
    for (const n of NUMBERS) {
      const values = assessed.map(n.read).filter((v): v is Value => v !== null);
      if (values.length < 2) continue;
      const best = values.reduce((x, y) => (above(x, y) ? y : x));
      const worst = values.reduce((x, y) => (above(y, x) ? y : x));
      if (JSON.stringify(best) === JSON.stringify(worst)) continue;
      out.push({ number: n.number, best, worst, questions: fact.questions, spread: spread(best, worst) });
    }
  }
  return out.sort((x, y) => y.spread - x.spread).map(({ spread: _, ...b }) => b);
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
  return {
    rows: assessed.map((x) => row(x.a, x.title)),
    best_case_months: (best?.values?.months as Term | undefined) ?? null,
    questions: atOwnDates.questions ?? [],
    bounds: boundsOf(c, atOwnDates, options),
  };
}
