import type { Prior } from '../../../model/case.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { missingWeight, splitCovered } from '../bands.ts';
import { type PenaltyRow, type StateCharge, type StateCount, StateRefusal } from '../types.ts';

/** A class by amount as the statute words it: "more than over_g, not more than upto_g" (the first from zero). */
interface ByAmount {
  over_g: number;
  upto_g: number | null;
  class: string;
}

const within = (t: ByAmount, g: number) =>
  (t.over_g === 0 ? g >= 0 : g > t.over_g) && (t.upto_g === null || g <= t.upto_g);

/**
 * Wis. Stat. 961.41(1): manufacture, distribution or delivery - the felony class by substance and amount
 * (939.50(3) gives its maximum); a prior chapter 961 conviction raises the maximum (961.48). Possession
 * (961.41(3g)) is not in the knowledge base.
 */
export function wi961_41(
  input: RuleInput,
  charge: StateCharge,
  priors: readonly Prior[],
  trace: Trace,
): StateCount {
  if (charge.conduct === 'possession')
    throw new StateRefusal('exposure.state.offense_not_covered', {
      covered: 'delivery (961.41(1)) and drug-induced homicide (940.02(2)(a))',
    });
  const law = input.law.statute('state');
  const drugs = trace.cite(law.get<Record<string, string>>('us_wi.wis961_41.drugs'));
  const { covered, left } = splitCovered(charge.drugs, (d) => drugs.value[d.substance] !== undefined);
  if (!covered.length) throw new StateRefusal('exposure.state.substance_not_covered', { substances: left });
  if (left.length)
    trace.add('exposure.state.substance_not_counted', 'warning', [drugs.law], { substances: left });
  if (missingWeight(covered)) trace.add('exposure.state.weight_unknown', 'warning', [drugs.law]);
  // Each paragraph counts its own substance; the most serious class charged is the offense of conviction.
  let best: { cls: string; law: string; max: number } | undefined;
  for (const group of new Set(covered.map((d) => drugs.value[d.substance] as string))) {
    const grams = covered
      .filter((d) => drugs.value[d.substance] === group)
      .reduce((s, d) => s + (d.grams ?? 0), 0);
    const r = trace.cite(law.get<ByAmount[]>(`us_wi.wis961_41.classes.${group}`));
    const t = r.value.find((x) => within(x, grams));
    if (!t) throw new StateRefusal('exposure.state.no_tier', { offense: r.law, grams });
    const row = trace.cite(law.get<PenaltyRow>(`us_wi.wis939_50.penalty.class_${t.class}`));
    const max =
      row.value.max_months === 'life' || row.value.max_months === null
        ? Number.POSITIVE_INFINITY
        : row.value.max_months;
    if (!best || max > best.max) best = { cls: t.class, law: r.law, max };
  }
  const cls = (best as { cls: string; law: string }).cls;
  const row = trace.cite(law.get<PenaltyRow>(`us_wi.wis939_50.penalty.class_${cls}`));
  let penalty = row.value;
  if (priors.some((p) => p.kind === 'drug_possession' || p.kind === 'drug_distribution')) {
    const inc = trace.cite(law.get<Record<string, number>>('us_wi.wis961_48.increase_months'));
    const add = inc.value[cls] ?? 0;
    if (typeof penalty.max_months === 'number')
      penalty = { ...penalty, max_months: penalty.max_months + add };
    trace.add('exposure.state.wi.second_offense', 'warning', [inc.law], { months: add });
  }
  return {
    citation: `${(best as { law: string }).law}, sentenced under ${row.law}`,
    description: `manufacture, distribution or delivery of a controlled substance (Class ${cls} felony)`,
    kind: 'offense',
    row: `class_${cls}`,
    penalty,
    consecutive: true,
  };
}
