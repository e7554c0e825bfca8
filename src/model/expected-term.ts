import type { Exposure } from './assessment.ts';
import { type Term, termGte } from './terms.ts';

export type TermBasis = 'mandatory_minimum' | 'guidelines_minimum' | 'grid_minimum' | 'expected_time_served';

/**
 * The prison term an exposure points to: the larger of the mandatory minimum and the bottom of the
 * guideline range (with consecutive 924(c) terms, USSG 2K2.4). The cost of a sentence and the relief a
 * reform brings are both measured on it, so they always agree. Without a guideline range the minimum
 * is the term (a lower bound); null when nothing was computed. A state case uses its engine's expected
 * term, as time expected to be served under the state's release rule where the knowledge base has one.
 */
export function expectedTerm(e: Exposure | null): { months: Term; basis: TermBasis } | null {
  if (!e || e.mandatory_minimum_months === null) return null;
  if (e.state) {
    const t = e.state.expected_term;
    if (t.months === null) return null;
    if (t.served_months !== null && t.served_months !== t.months)
      return { months: t.served_months, basis: 'expected_time_served' };
    return { months: t.months, basis: t.basis };
  }
  const min = e.mandatory_minimum_months;
  const g = e.guidelines;
  if (!g) return { months: min, basis: 'mandatory_minimum' };
  const bottom = (g.total_range_months ?? g.range_months)[0];
  return termGte(min, bottom)
    ? { months: min, basis: 'mandatory_minimum' }
    : { months: bottom, basis: 'guidelines_minimum' };
}
