import type { Resolved } from '../../law/book.ts';
import type { LawView } from '../../law/reader.ts';
import type { Drug, Substance } from '../../model/case.ts';
import type { Trace } from '../trace.ts';
import type { WeightRow } from './types.ts';

/** Total grams of the charged drugs whose substance is in the list (mixture weight, as state statutes count). */
export function gramsOf(
  drugs: readonly Drug[],
  substances: readonly Substance[] | readonly string[],
): number {
  return drugs
    .filter((d) => (substances as readonly string[]).includes(d.substance))
    .reduce((s, d) => s + (d.grams ?? 0), 0);
}

/** The weight rows of a family in force on the view's date (e.g. every `us_ga.ga16_13_31.penalty.*` tier). */
export function weightRows(view: LawView, family: string): Resolved<WeightRow>[] {
  return view.peekFamily<WeightRow>(family);
}

/** Whether the weight falls in the row's band [from_g, to_g) (and the row is for the drug, when one is named). */
export function inBand(row: WeightRow, grams: number, drug?: string): boolean {
  return (
    (drug === undefined || row.drug === drug) &&
    grams >= row.from_g &&
    (row.to_g === undefined || grams < row.to_g)
  );
}

/** The row whose band holds the weight; reported and cited once chosen. */
export function rowFor(
  view: LawView,
  rows: readonly Resolved<WeightRow>[],
  grams: number,
  trace: Trace,
  drug?: string,
): Resolved<WeightRow> | undefined {
  const r = rows.find((x) => inBand(x.value, grams, drug));
  return r ? trace.cite(view.use(r)) : undefined;
}

/** The lowest weight any row of the family starts at (where trafficking begins for some drug). */
export function lowestThreshold(rows: readonly Resolved<WeightRow>[]): number | undefined {
  const froms = rows.map((r) => r.value.from_g).filter((g) => g > 0);
  return froms.length ? Math.min(...froms) : undefined;
}
