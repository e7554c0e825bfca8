const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A quantity for prose: grams below a kilogram, kilograms above. */
export function formatGrams(grams: number): string {
  return grams >= 1000 ? `${numberFormat.format(grams / 1000)} kg` : `${numberFormat.format(grams)} g`;
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
