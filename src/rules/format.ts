/**
 * A number for prose as en-US writes it, to at most three decimals (1,234.5): by arithmetic, because
 * Intl.NumberFormat costs more than a whole rule in bulk runs.
 */
const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export function formatNumber(n: number): string {
  // String() writes exponents from 1e21 on: leave those to Intl
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return intl.format(n);
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const abs = Math.abs(n);
  if (abs < 1000 && Number.isInteger(abs)) return `${sign}${abs}`; // most amounts in prose: nothing to do
  const { whole, fraction } = roundTo3(abs);
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return fraction ? `${sign}${grouped}.${fraction}` : `${sign}${grouped}`;
}

/** Rounds the shortest decimal that reads back as the number (what Intl rounds) half up to three places. */
function roundTo3(abs: number): { whole: string; fraction: string } {
  const text = String(abs);
  if (text.includes('e')) return { whole: '0', fraction: '' }; // below 1e-6: rounds to 0
  const dot = text.indexOf('.');
  if (dot < 0) return { whole: text, fraction: '' };
  if (text.length - dot - 1 <= 3) return { whole: text.slice(0, dot), fraction: text.slice(dot + 1) };
  const kept = text.slice(0, dot) + text.slice(dot + 1, dot + 4);
  const up = text.charCodeAt(dot + 4) >= 53; // 53 is '5'
  // exact in a double up to 2^53; longer digit strings go through BigInt
  const all = (
    kept.length < 16 ? String(Number(kept) + (up ? 1 : 0)) : (BigInt(kept) + (up ? 1n : 0n)).toString()
  ).padStart(4, '0');
  return { whole: all.slice(0, -3), fraction: all.slice(-3).replace(/0+$/, '') };
}

/** A quantity for prose: grams below a kilogram, kilograms above. */
export function formatGrams(grams: number): string {
  return grams >= 1000 ? `${formatNumber(grams / 1000)} kg` : `${formatNumber(grams)} g`;
}

/** A quantity in grams, units or both (a threshold may give either): "28 g or 100 units". */
export function formatAmount(a: { grams?: number; units?: number }): string {
  const parts: string[] = [];
  if (a.grams !== undefined) parts.push(formatGrams(a.grams));
  if (a.units !== undefined) parts.push(`${formatNumber(a.units)} units`);
  return parts.join(' or ') || 'an unstated amount';
}
