import type { Exposure } from './assessment.ts';
import { type Term, termGte } from './terms.ts';

/**
 * The prison term an exposure points to: the larger of the mandatory minimum and the bottom of the
 * guideline range (with consecutive 924(c) terms, USSG 2K2.4). The cost of a sentence and the relief a
 * reform brings are both measured on it, so they always agree. Without a guideline range the minimum
 * is the term (a lower bound); null when nothing was computed (a state case).
 */
export function expectedTerm(
  e: Exposure | null,
): { months: Term; basis: 'mandatory_minimum' | 'guidelines_minimum' } | null {
  if (!e || e.mandatory_minimum_months === null) return null;
  const min = e.mandatory_minimum_months;
  const g = e.guidelines;
  if (!g) return { months: min, basis: 'mandatory_minimum' };
  const bottom = (g.total_range_months ?? g.range_months)[0];
  return termGte(min, bottom)
    ? { months: min, basis: 'mandatory_minimum' }
    : { months: bottom, basis: 'guidelines_minimum' };
}
