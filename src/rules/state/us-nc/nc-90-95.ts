import type { Resolved } from '../../../law/book.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type StateCharge, StateRefusal, type WeightRow } from '../types.ts';
import { traffickingByWeight } from '../weights.ts';

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
  return traffickingByWeight<NcRow>(input.law.atOffense('state'), 'us_nc.nc90_95_h', charge, trace, true);
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
