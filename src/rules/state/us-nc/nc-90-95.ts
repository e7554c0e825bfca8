import type { Resolved } from '../../../law/book.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type StateCharge, StateRefusal, type WeightRow } from '../types.ts';
import { gramsOf, inBand, rowFor, weightRows } from '../weights.ts';

export interface NcRow extends WeightRow {
  class: string;
}

/**
 * N.C.G.S. 90-95(h): trafficking by weight alone (possession of the weight suffices), sentenced off the grid
 * at a fixed term whatever the record; the Justice Reinvestment Act raised the maxima from 2011-12-01.
 */
export function nc90_95h(
  input: RuleInput,
  charge: StateCharge,
  trace: Trace,
): { drug: string; grams: number; row: Resolved<NcRow> } | undefined {
  if (charge.policy === 'possession') return undefined;
  const view = input.law.atOffense('state');
  const groups = trace.cite(view.get<Record<string, string[]>>('us_nc.nc90_95_h.drugs')).value;
  const rows = weightRows(view, 'us_nc.nc90_95_h.penalty') as Resolved<NcRow>[];
  const unverified = trace.cite(
    view.get<Record<string, { substances: string[]; from_g: number }>>(
      'us_nc.nc90_95_h.tiers_without_verified_penalty',
    ),
  );
  for (const [drug, t] of Object.entries(unverified.value)) {
    const grams = gramsOf(charge.drugs, t.substances);
    if (grams >= t.from_g)
      throw new StateRefusal('exposure.state.trafficking_penalty_unverified', {
        drug,
        grams,
        threshold: t.from_g,
      });
  }
  let best: { drug: string; grams: number; row: Resolved<NcRow> } | undefined;
  for (const [drug, subs] of Object.entries(groups)) {
    const grams = gramsOf(charge.drugs, subs);
    const r = grams > 0 ? rows.find((x) => inBand(x.value, grams, drug)) : undefined;
    const m = (x: NcRow) => (x.mandatory_months === 'life' ? Number.POSITIVE_INFINITY : x.mandatory_months);
    if (r && (!best || m(r.value) > m(best.row.value))) best = { drug, grams, row: r };
  }
  if (!best) return undefined;
  const row = rowFor(view, rows, best.grams, trace, best.drug) as Resolved<NcRow>;
  trace.add('exposure.state.trafficking_by_weight', 'warning', [row.law], {
    drug: best.drug,
    grams: best.grams,
    threshold: row.value.from_g,
  });
  return { ...best, row };
}

interface Classes {
  sale: Record<string, string>;
  pwid: Record<string, string>;
  possession: Record<string, string>;
  school_zone: string;
  substances: Record<string, string[]>;
}

/** N.C.G.S. 90-95(b), (d), (e): the felony class below trafficking weights (the grid sentences it). */
export function nc90_95Class(
  input: RuleInput,
  charge: StateCharge,
  trace: Trace,
): { offenseClass: string; citation: string; description: string } {
  const c = trace.cite(input.law.statute('state').get<Classes>('us_nc.nc90_95.classes'));
  const subs = charge.drugs.map((d) => d.substance);
  const group = Object.entries(c.value.substances).find(([, list]) =>
    subs.some((s) => list.includes(s)),
  )?.[0];
  const sold = input.case.conduct.activities.some((a) => a === 'sold_retail' || a === 'sold_wholesale');
  const table = charge.conduct === 'possession' ? c.value.possession : sold ? c.value.sale : c.value.pwid;
  const cls = group ? table[group] : undefined;
  if (!cls) throw new StateRefusal('exposure.state.substance_not_covered', { substances: subs });
  if (charge.conduct !== 'possession' && input.case.conduct.school_zone === true) {
    trace.add('exposure.state.school_zone_count', 'warning', [c.law], {
      max: `Class ${c.value.school_zone}`,
    });
    return {
      offenseClass: c.value.school_zone,
      citation: c.law,
      description: 'sale or possession with intent within 1,000 feet of a school',
    };
  }
  const description =
    charge.conduct === 'possession'
      ? 'possession of a controlled substance'
      : sold
        ? 'sale of a controlled substance'
        : 'manufacture, delivery or possession with intent to sell or deliver';
  return { offenseClass: cls, citation: c.law, description };
}
