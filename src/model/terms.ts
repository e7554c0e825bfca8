/** A prison term in months, or life imprisonment. */
export type Term = number | 'life';

export function termGte(a: Term, b: Term): boolean {
  if (a === 'life') return true;
  if (b === 'life') return false;
  return a >= b;
}

/**
 * Whether range `a` is above range `b`: the higher minimum, then the higher maximum (equal ranges are not).
 * How 1B1.11's ex post facto comparison and 4B1.1(c)(2)'s "greater of" order two ranges.
 */
export function rangeAbove(a: readonly [Term, Term], b: readonly [Term, Term]): boolean {
  if (a[0] !== b[0]) return termGte(a[0], b[0]);
  return a[1] !== b[1] && termGte(a[1], b[1]);
}

/** Sum of consecutive terms; any life term makes the total life. */
export function addTerms(a: Term, b: Term): Term {
  return a === 'life' || b === 'life' ? 'life' : a + b;
}

export function termLabel(t: Term): string {
  if (t === 'life') return 'life';
  if (t === 12) return '1 year (12 months)';
  if (t % 12 === 0 && t >= 12) return `${t / 12} years (${t} months)`;
  return `${t} months`;
}
