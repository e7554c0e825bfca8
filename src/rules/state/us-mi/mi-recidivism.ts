import type { Prior } from '../../../model/case.ts';
import type { Term } from '../../../model/terms.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import type { AppliedEnhancement } from '../types.ts';

interface Habitual {
  second: { multiplier: number };
  third: { multiplier: number };
  fourth: { life_if_max_at_least_months: number; otherwise_max_months: number };
}

const scale = (t: Term, k: number): Term => (t === 'life' ? 'life' : Math.round(t * k));

/**
 * The higher of the maxima the prosecutor may seek: 333.7413 doubling for a repeat drug offense, or the
 * habitual-offender statutes (769.10 second, 769.11 third, 769.12 fourth felony). Both are discretionary, so
 * the worst case is shown and said.
 */
export function miRepeatMaximum(
  input: RuleInput,
  max: Term,
  priors: readonly Prior[],
  trace: Trace,
): { max: Term; enhancement: AppliedEnhancement } | undefined {
  const law = input.law.statute('state');
  const felonies = priors.filter((p) => p.felony);
  const drug = priors.filter((p) => p.kind === 'drug_possession' || p.kind === 'drug_distribution');
  const options: { max: Term; enhancement: AppliedEnhancement }[] = [];
  if (drug.length) {
    const r = trace.cite(law.get<{ max_multiplier: number }>('us_mi.mcl333_7413.repeat_drug_offense'));
    options.push({
      max: scale(max, r.value.max_multiplier),
      enhancement: { code: 'mi_333_7413', citation: r.law, effect: 'maximum_doubled' },
    });
  }
  if (felonies.length) {
    const h = trace.cite(law.get<Habitual>('us_mi.mcl769.habitual_offender'));
    const n = felonies.length;
    const raised: Term =
      n >= 3
        ? max === 'life' || max >= h.value.fourth.life_if_max_at_least_months
          ? 'life'
          : h.value.fourth.otherwise_max_months
        : scale(max, n === 2 ? h.value.third.multiplier : h.value.second.multiplier);
    const code = n >= 3 ? 'mi_769_12' : n === 2 ? 'mi_769_11' : 'mi_769_10';
    options.push({ max: raised, enhancement: { code, citation: h.law, effect: 'maximum_raised' } });
  }
  const best = options.reduce<(typeof options)[number] | undefined>(
    (a, o) => (!a || o.max === 'life' || (a.max !== 'life' && o.max > a.max) ? o : a),
    undefined,
  );
  if (best)
    trace.add('exposure.state.mi.repeat_maximum', 'warning', [best.enhancement.citation], {
      rule: best.enhancement.code,
      max: best.max,
      priors: felonies.length,
    });
  return best;
}

/** MCL 750.227b: felony-firearm, a flat term served first; a prior felony-firearm raises it. */
export function mi750_227b(input: RuleInput, priors: readonly Prior[], trace: Trace): Term | undefined {
  const w = input.case.conduct.weapon ?? 'none';
  if (w === 'none') return undefined;
  const r = trace.cite(
    input.law
      .statute('state')
      .get<{ first: number; second: number; third: number }>('us_mi.mcl750_227b.felony_firearm'),
  );
  if (w === 'nearby') {
    trace.add('exposure.state.firearm_reach_undetermined', 'warning', [r.law], { weapon: w });
    return undefined;
  }
  const earlier = priors.filter((p) => p.kind === 'firearm').length;
  const months = earlier >= 2 ? r.value.third : earlier === 1 ? r.value.second : r.value.first;
  trace.add('exposure.state.firearm_consecutive', 'critical', [r.law], { months });
  return months;
}
