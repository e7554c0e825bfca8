import type { Term } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';
import { type AccaResult, armedCareerCriminal } from './usc18-924e.ts';

export interface FelonInPossessionResult {
  counts: number;
  /** the Armed Career Criminal Act: true, false, or null where a missing fact decides (worst case shown) */
  acca: AccaResult;
  /** the count's minimum and maximum, worst case; the minimum if the open facts go the person's way */
  min: Term;
  max: Term;
  bestMin: Term;
  citations: string[];
  trace: Trace;
}

/**
 * 18 U.S.C. 922(g) counts charged with the drug count: the maximum of 924(a)(2) (ten years), or 924(a)(8) (fifteen
 * years) for offenses from the Bipartisan Safer Communities Act (June 25, 2022); with three ACCA predicates, the
 * 924(e)(1) minimum of fifteen years and a maximum of life. Counts for one possession run concurrently, so the
 * number of counts changes neither bound.
 */
export function felonInPossession(input: RuleInput): FelonInPossessionResult | null {
  const counts = input.case.conduct.felon_in_possession_counts ?? 0;
  if (counts === 0) return null;
  const trace = new Trace();
  const max = trace.cite(input.law.atOffense('statute').get<Term>('us_fed.usc18_922g.max_months'));
  const acca = armedCareerCriminal(input, trace);
  const enhanced = acca.applies !== false;
  trace.add('exposure.felon_in_possession.counts', 'info', enhanced ? [acca.law] : [max.law], {
    counts,
    max_months: enhanced ? acca.max : max.value,
    min_months: enhanced ? acca.min : 0,
  });
  return {
    counts,
    acca,
    min: enhanced ? acca.min : 0,
    max: enhanced ? acca.max : max.value,
    bestMin: acca.applies === true ? acca.min : 0,
    citations: [...trace.citations],
    trace,
  };
}
