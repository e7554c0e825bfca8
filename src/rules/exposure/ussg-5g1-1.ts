import type { LawView } from '../../law/reader.ts';
import { type Term, termGte } from '../../model/terms.ts';
import type { Trace } from '../trace.ts';

export type Range = [Term, Term];

/** USSG 5G1.1: the guideline range as bounded by the statutory minimum and maximum. */
export function boundByStatute(
  range: Range,
  min: Term,
  max: Term,
  law: LawView,
  trace: Trace,
): { range: Range; law: string } {
  const g5 = trace.cite(law.get('us_fed.ussg.5g1_1'));
  const [lo, hi] = range;
  let bounded: Range;
  // 5G1.1(b): a minimum above the range becomes the guideline sentence.
  if (!termGte(hi, min)) bounded = [min, min];
  // 5G1.1(a): a maximum below the range becomes the guideline sentence.
  else if (!termGte(max, lo)) bounded = [max, max];
  // 5G1.1(c): otherwise the range is truncated by the statutory limits.
  else bounded = [termGte(lo, min) ? lo : min, termGte(max, hi) ? hi : max];
  if (bounded[0] !== range[0] || bounded[1] !== range[1])
    trace.add('guidelines.bounded_by_statute', 'info', [g5.law], { from: range, to: bounded });
  return { range: bounded, law: g5.law };
}
