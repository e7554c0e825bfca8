/** A prison term in months, or life imprisonment. */
export type Term = number | 'life';

export function termGte(a: Term, b: Term): boolean {
  if (a === 'life') return true;
  if (b === 'life') return false;
  return a >= b;
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
