import type { Drug } from '../../../model/case.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { missingWeight } from '../bands.ts';
import { type StateCharge, StateRefusal } from '../types.ts';

const P = 'us_ny.pl220';

/** One degree of an article 220 offense: the section, its class, the substance groups it needs, the weight. */
interface Degree {
  section: string;
  class: string;
  groups: string[];
  /** at or above; null: the weight was not verified */
  grams_min: number | null;
}

/** Felony classes from the lowest to the highest (the order article 220 degrees climb in). */
const CLASS_ORDER = ['A_misd', 'E', 'D', 'C', 'B', 'A_II', 'A_I'];

export interface NyDegree {
  section: string;
  class: string;
  /** a higher degree may apply but its weight is not in the knowledge base (said; the degree found is sentenced) */
  higherUnverified: string | null;
  citation: string;
}

/** The drugs a degree's groups cover ("any" covers every controlled substance; a substance name covers itself). */
function drugsFor(d: Degree, drugs: readonly Drug[], group: (s: string) => string | undefined): Drug[] {
  return drugs.filter((x) =>
    d.groups.some((g) => g === 'any' || g === x.substance || g === group(x.substance)),
  );
}

/**
 * N.Y. Penal Law article 220: the highest degree the conduct and weight reach - possession (220.03-220.21),
 * and for a sale or possession with intent the sale (220.31-220.43) and intent (220.06(1), 220.16(1)) degrees as
 * well, whichever class is higher. A degree whose weight is not verified is never assumed: the highest verified
 * degree is sentenced and the possibly higher one is named.
 */
export function ny220(input: RuleInput, charge: StateCharge, trace: Trace): NyDegree {
  const law = input.law.statute('state');
  const groups = trace.cite(law.get<Record<string, string>>(`${P}.substance_group`));
  const group = (s: string) => groups.value[s];
  const left = charge.drugs.filter((d) => !group(d.substance)).map((d) => d.substance);
  const drugs = charge.drugs.filter((d) => group(d.substance));
  if (!drugs.length) throw new StateRefusal('exposure.state.substance_not_covered', { substances: left });
  if (left.length)
    trace.add('exposure.state.substance_not_counted', 'warning', [groups.law], { substances: left });
  if (missingWeight(drugs)) trace.add('exposure.state.weight_unknown', 'warning', [groups.law]);
  const tables = charge.conduct === 'possession' ? ['possession'] : ['possession', 'sale', 'pwid'];
  let best: { d: Degree; law: string } | undefined;
  let unverified: { d: Degree; law: string } | undefined;
  for (const t of tables) {
    const r = trace.cite(law.get<Degree[]>(`${P}.degrees.${t}`));
    for (const d of r.value) {
      const matching = drugsFor(d, drugs, group);
      if (!matching.length) continue;
      const grams = matching.reduce((sum, x) => sum + (x.grams ?? 0), 0);
      if (d.grams_min === null) {
        if (!unverified || rank(d.class) > rank(unverified.d.class)) unverified = { d, law: r.law };
      } else if (grams >= d.grams_min && (!best || rank(d.class) > rank(best.d.class)))
        best = { d, law: r.law };
    }
  }
  if (!best) throw new StateRefusal('exposure.state.no_tier', { offense: 'N.Y. Penal Law article 220' });
  const higher = unverified && rank(unverified.d.class) > rank(best.d.class) ? unverified : undefined;
  if (higher)
    trace.add('exposure.state.ny.higher_degree_unverified', 'warning', [higher.law], {
      section: higher.d.section,
      class: higher.d.class,
    });
  trace.add('exposure.state.ny.degree', 'info', [best.law], { section: best.d.section, class: best.d.class });
  return {
    section: best.d.section,
    class: best.d.class,
    higherUnverified: higher ? higher.d.section : null,
    citation: `N.Y. Penal Law ${best.d.section}`,
  };
}

export function rank(cls: string): number {
  const i = CLASS_ORDER.indexOf(cls);
  if (i < 0) throw new Error(`unknown New York class ${cls} in ${P}`);
  return i;
}
