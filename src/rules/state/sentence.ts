import type { Exposure, StateCountResult, StateExposure } from '../../model/assessment.ts';
import { extend } from '../../model/extend.ts';
import { addTerms, type Term, termGte } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';
import type { Confinement, PenaltyRow, Release, StateCount, StateSentence } from './types.ts';

const maxTerm = (a: Term, b: Term): Term => (termGte(a, b) ? a : b);

/**
 * The lowest term a row allows: the mandatory part where the court may probate the rest, the stated bottom
 * where it may not. Where probation is not verified the stated bottom is used (the worst case) and said.
 */
export function lowestTerm(row: PenaltyRow): Term {
  return row.probation === true ? row.mandatory_months : maxTerm(row.min_months, row.mandatory_months);
}

function countResult(c: StateCount): StateCountResult {
  return {
    citation: c.citation,
    description: c.description,
    kind: c.kind,
    row: c.row,
    consecutive: c.consecutive,
    range_months: [c.penalty.min_months, c.penalty.max_months],
    minimum_months: lowestTerm(c.penalty),
    mandatory_months: c.penalty.mandatory_months,
    probation_allowed: c.penalty.probation,
  };
}

/** Sum over consecutive counts; the longest of the concurrent ones. */
function total(counts: StateCount[], of: (c: StateCount) => Term): Term {
  let consecutive: Term = 0;
  let concurrent: Term = 0;
  for (const c of counts)
    if (c.consecutive) consecutive = addTerms(consecutive, of(c));
    else concurrent = maxTerm(concurrent, of(c));
  return addTerms(consecutive, concurrent);
}

/** Months to a whole month: release rules apply to calendar months, not fractions of them. */
const wholeMonths = (m: number) => Math.round(m);

/**
 * Where parole is discretionary, time served is only bounded: from below by the earliest release the law allows
 * (a share of the term, capped where the law caps it; a mandatory term in full where the law bars its parole),
 * from above by the term or, for an indeterminate sentence (Michigan), the statutory maximum. Undefined where the
 * release rule gives no floor.
 */
function servedRange(r: Release, months: Term, mandatory: Term, allMax: Term): [Term, Term] | undefined {
  if (r.confinement) return confinementRange(r.confinement, months);
  const e = r.earliest_release;
  // a term of 0 (a non-prison sentence) has nothing to serve
  if (!e || months === 'life' || months === 0) return undefined;
  const share = months * e.fraction;
  const eligible = wholeMonths(e.cap_months === null ? share : Math.min(share, e.cap_months));
  const low = e.mandatory_served_in_full ? maxTerm(eligible, mandatory) : eligible;
  const high = r.latest_release === 'statutory_maximum' ? maxTerm(allMax, months) : months;
  return [low, high];
}

/**
 * A bifurcated sentence's confinement term, served in full, is the time in prison. Of a total term T the law leaves
 * confinement C between its minimum and maximum, with extended supervision T - C at least a share of C and at most
 * its own maximum: C from max(minimum, T - supervision maximum) to min(T / (1 + share), maximum).
 */
function confinementRange(c: Confinement, months: Term): [Term, Term] | undefined {
  if (months === 'life' || months === 0) return undefined;
  // down to a whole month: a month more would leave supervision under its share
  const high = Math.floor(Math.min(months / (1 + c.supervision_minimum_share), c.maximum_months));
  const low = Math.max(c.minimum_months, months - c.supervision_maximum_months);
  return [Math.min(low, high), high];
}

/**
 * Turns a state engine's sentence into the shared exposure contract: the offense of conviction fills
 * `statutory`, consecutive firearm terms `firearms`, the prison term that must be imposed across all counts
 * `mandatory_minimum_months`; the rest (counts, enhancements, grid, release, expected term) goes to `state`.
 */
export function stateExposureOf(jurisdiction: string, s: StateSentence, trace: Trace): Exposure {
  const offense = s.counts[0];
  if (!offense) throw new Error('a state sentence has the offense of conviction as its first count');
  const unverified = s.counts.filter((c) => c.penalty.probation === null);
  for (const c of unverified)
    trace.add('exposure.state.probation_unverified', 'warning', [c.citation], {
      row: c.row,
      minimum: lowestTerm(c.penalty),
    });
  const mandatory = total(s.counts, (c) => lowestTerm(c.penalty));
  const best =
    s.bestCaseMandatory ??
    (unverified.length ? total(s.counts, (c) => c.penalty.mandatory_months) : undefined);
  if (best !== undefined && best !== mandatory)
    trace.add('exposure.mandatory_minimum.best_case', 'warning', [...trace.citations], { months: best });
  if (termGte(mandatory, 1))
    trace.add('exposure.mandatory_minimum.triggered', 'critical', [offense.citation], { months: mandatory });
  const firearms = s.counts.filter((c) => c.kind === 'firearm');
  const firearmTotal = total(firearms, (c) => lowestTerm(c.penalty));
  const max = offense.penalty.max_months;
  if (max === null)
    trace.add('exposure.state.maximum_unverified', 'warning', [offense.citation], { row: offense.row });
  trace.add('exposure.statutory.range', 'info', [offense.citation], {
    offense: offense.citation,
    row: offense.row,
    min: lowestTerm(offense.penalty),
    max: max ?? 'not verified',
  });

  // The term the exposure points to: the mandatory term, or the grid's lowest term where the grid binds and
  // asks for more; then the share of it served under the state's release rule.
  const grid = s.grid;
  const gridMin = grid?.binding ? grid.minimum_months : null;
  const byGrid = gridMin !== null && gridMin !== undefined && !termGte(mandatory, gridMin);
  const months: Term = byGrid ? (gridMin as Term) : mandatory;
  const allMax = total(s.counts, (c) => c.penalty.max_months ?? 'life');
  // Only a minimum is known unless a binding grid computed its own, or the term is the most the law allows.
  const gridKnown = grid?.binding === true && grid.minimum_months !== null;
  const fixed = months === allMax && s.counts.every((c) => c.penalty.max_months !== null);
  const lowerBound = !gridKnown && !fixed;
  // The share served is the release rule's own: "no parole" is not "served in full" where good time or earned
  // release credit shortens a determinate term (Arizona's and Florida's 85%); unknown stays unknown.
  const fraction = s.release.served_fraction;
  // A mandatory term is served in full; release rules shorten only the rest.
  const served: Term | null =
    months === 'life'
      ? 'life'
      : fraction === null
        ? null
        : maxTerm(wholeMonths(months * fraction), mandatory);
  const range = served === null ? servedRange(s.release, months, mandatory, allMax) : undefined;
  const state: StateExposure = {
    engine: jurisdiction,
    offense: s.offense,
    counts: s.counts.map(countResult),
    enhancements: s.enhancements,
    grid,
    release: s.release,
    expected_term: {
      months,
      basis: byGrid ? 'grid_minimum' : 'mandatory_minimum',
      lower_bound: lowerBound,
      served_months: served,
      ...(range ? { served_months_range: range } : {}),
    },
    citations: [...trace.citations],
  };
  return {
    statutory: {
      minimum_months: lowestTerm(offense.penalty),
      maximum_months: max,
      citations: [offense.citation, ...(s.rangeCitations ?? [])],
      offense: offense.citation,
      row: offense.row,
      ...(s.offense.tier ? { tier: s.offense.tier } : {}),
    },
    firearms: {
      consecutive_minimum_months: firearmTotal,
      citations: firearms.map((c) => c.citation),
      counts_months: firearms.map((c) => lowestTerm(c.penalty)),
    },
    safety_valve: {
      eligible: null,
      reasons: ['the federal safety valve does not apply to a state case'],
      citations: [],
    },
    mandatory_minimum_months: mandatory,
    guidelines: null,
    state,
  };
}

/** The state's release rule as dated data (`<state>.release.parole`), named for the output. */
export function releaseRule(input: RuleInput, state: string, rule: string, trace: Trace): Release {
  const r = trace.cite(
    input.law.statute('state').get<Omit<Release, 'rule' | 'citations'>>(`${state}.release.parole`),
  );
  return extend(r.value, { rule, citations: [r.law] });
}
