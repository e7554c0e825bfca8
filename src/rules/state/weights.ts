import type { Resolved } from '../../law/book.ts';
import type { LawView } from '../../law/reader.ts';
import type { Drug, Substance } from '../../model/case.ts';
import type { Term } from '../../model/terms.ts';
import type { Trace } from '../trace.ts';
import { StateRefusal, type WeightRow } from './types.ts';

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

/** How heavy a penalty is, for choosing the offense of conviction among several drugs: the mandatory term, then the maximum. */
function severity(r: WeightRow): number {
  const t = (x: Term | null) => (x === 'life' ? Number.POSITIVE_INFINITY : (x ?? 0));
  return t(r.mandatory_months) * 1e6 + t(r.max_months);
}

/**
 * The heaviest weight row reached by the charged drugs, each drug group weighed on its own (statutes do not
 * add different substances together); reported and cited once chosen. `groups` maps a row's `drug` to the
 * contract substances it covers.
 */
export function heaviestRow<R extends WeightRow>(
  view: LawView,
  rows: readonly Resolved<R>[],
  groups: Record<string, readonly string[]>,
  drugs: readonly Drug[],
  trace: Trace,
): { drug: string; grams: number; row: Resolved<R> } | undefined {
  let best: { drug: string; grams: number; row: Resolved<R> } | undefined;
  for (const [drug, substances] of Object.entries(groups)) {
    const grams = gramsOf(drugs, substances);
    const row = grams > 0 ? rows.find((x) => inBand(x.value, grams, drug)) : undefined;
    if (row && (!best || severity(row.value) > severity(best.row.value))) best = { drug, grams, row };
  }
  if (best) trace.cite(view.use(best.row));
  return best;
}

/** Weights at which a penalty exists but is not verified: a case reaching one is refused, never guessed. */
export function refuseUnverifiedWeights(
  view: LawView,
  id: string,
  drugs: readonly Drug[],
  trace: Trace,
): void {
  const u = trace.cite(view.get<Record<string, { substances: string[]; from_g: number }>>(id));
  for (const [drug, t] of Object.entries(u.value)) {
    const grams = gramsOf(drugs, t.substances);
    if (grams >= t.from_g)
      throw new StateRefusal('exposure.state.trafficking_penalty_unverified', {
        drug,
        grams,
        threshold: t.from_g,
      });
  }
}

/**
 * Trafficking by weight alone (the report's point: weight makes a "trafficker" without proof of selling):
 * the heaviest tier of `unit`'s penalty rows the charged drugs reach, with weights whose penalty is not
 * verified refused first where the unit lists them; none under a possession policy.
 */
export function traffickingByWeight<R extends WeightRow>(
  view: LawView,
  unit: string,
  charge: { policy?: string; drugs: readonly Drug[] },
  trace: Trace,
  unverifiedWeights?: boolean,
): { drug: string; grams: number; row: Resolved<R> } | undefined {
  if (charge.policy === 'possession') return undefined;
  const groups = trace.cite(view.get<Record<string, string[]>>(`${unit}.drugs`)).value;
  if (unverifiedWeights)
    refuseUnverifiedWeights(view, `${unit}.tiers_without_verified_penalty`, charge.drugs, trace);
  const rows = weightRows(view, `${unit}.penalty`) as Resolved<R>[];
  const best = heaviestRow(view, rows, groups, charge.drugs, trace);
  if (best)
    trace.add('exposure.state.trafficking_by_weight', 'warning', [best.row.law], {
      drug: best.drug,
      grams: best.grams,
      threshold: best.row.value.from_g,
    });
  return best;
}

/** The grams the charged drugs weigh in each of the unit's drug groups; a case none of them covers is refused. */
export function coveredGroups(
  groups: Record<string, readonly string[]>,
  drugs: readonly Drug[],
): { drug: string; grams: number }[] {
  const found = Object.entries(groups)
    .map(([drug, subs]) => ({ drug, grams: gramsOf(drugs, subs) }))
    .filter((x) => x.grams > 0);
  if (!found.length)
    throw new StateRefusal('exposure.state.substance_not_covered', {
      substances: drugs.map((d) => d.substance),
    });
  return found;
}
