import type { Prior } from '../../../model/case.ts';
import { addYears } from '../../../model/dates.ts';
import type { Term } from '../../../model/terms.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { enhancingPriors } from '../priors.ts';
import { releaseRule } from '../sentence.ts';
import {
  type AppliedEnhancement,
  type PenaltyRow,
  type StateCharge,
  type StateEngine,
  StateRefusal,
  type StateSentence,
} from '../types.ts';
import { la40_967 } from './la-40-967.ts';

interface Tier {
  min_fraction: number;
  max_multiplier: number;
  life_if_cds_max_at_least_months?: number | null;
}
interface Habitual {
  second: Tier;
  third: Tier;
  fourth: Tier | null;
  cleansing_period_years: number | null;
  /** 15:529.1(G): served without benefit of probation or suspension (a reform ending minimums turns it off) */
  without_benefit: boolean;
}

const times = (t: Term, k: number): Term => (t === 'life' ? 'life' : Math.round(t * k));

/** Priors inside the cleansing period (all of them where the period is not verified, the worst case, said). */
function countable(
  input: RuleInput,
  priors: readonly Prior[],
  years: number | null,
  trace: Trace,
  law: string,
): Prior[] {
  const felonies = priors.filter((p) => p.felony);
  if (years === null) {
    if (felonies.length) trace.add('exposure.state.la.cleansing_period_unverified', 'warning', [law]);
    return felonies;
  }
  return felonies.filter((p) => input.dates.offense < addYears(p.release_date ?? p.date, years));
}

/**
 * La. R.S. 15:529.1 (the fractions of the longest term: 1/2 and 2/3 before Act 282, 1/3 and 1/2 since
 * 2017-11-01; life for a third felony before it when a felony was a drug offense punishable by 10 years or
 * more) or 40:982 (twice the term), whichever is worse; both are the prosecutor's choice (worst case, said).
 */
function laRepeat(
  input: RuleInput,
  penalty: PenaltyRow,
  priors: readonly Prior[],
  trace: Trace,
): { penalty: PenaltyRow; enhancement: AppliedEnhancement } | undefined {
  const law = input.law.statute('state');
  const h = trace.cite(law.get<Habitual>('us_la.la15_529_1.habitual_offender'));
  const n = countable(input, priors, h.value.cleansing_period_years, trace, h.law).length;
  const max = penalty.max_months;
  if (max === null) return undefined;
  if (n >= 3 && h.value.fourth === null)
    throw new StateRefusal('exposure.state.penalty_unverified', {
      parameter: 'us_la.la15_529_1.habitual_offender.fourth',
    });
  let out: { penalty: PenaltyRow; enhancement: AppliedEnhancement } | undefined;
  if (n >= 1) {
    const tier = (n >= 3 ? h.value.fourth : n === 2 ? h.value.third : h.value.second) as Tier;
    const life =
      tier.life_if_cds_max_at_least_months != null &&
      max !== 'life' &&
      max >= tier.life_if_cds_max_at_least_months;
    // 15:529.1(G): without benefit of probation or suspension, unless a reform lifts it.
    const bar = h.value.without_benefit;
    const p: PenaltyRow = life
      ? bar
        ? { ...penalty, min_months: 'life', max_months: 'life', mandatory_months: 'life', probation: false }
        : { ...penalty, min_months: 0, max_months: 'life', mandatory_months: 0, probation: true }
      : {
          ...penalty,
          min_months: times(max, tier.min_fraction),
          max_months: times(max, tier.max_multiplier),
          probation: !bar,
        };
    out = {
      penalty: p,
      enhancement: {
        code: n === 2 ? 'la_15_529_1_third' : 'la_15_529_1_second',
        citation: h.law,
        effect: life ? 'life' : 'range_raised',
      },
    };
    trace.add('exposure.state.la.habitual_offender', 'warning', [h.law], {
      priors: n,
      min: p.min_months,
      max: p.max_months,
    });
  }
  const drug = priors.some((p) => p.kind === 'drug_possession' || p.kind === 'drug_distribution');
  if (drug) {
    const d = trace.cite(law.get<{ max_multiplier: number }>('us_la.la40_982.repeat_drug_offense'));
    const doubled = times(max, d.value.max_multiplier);
    if (
      !out ||
      (out.penalty.max_months !== 'life' &&
        doubled !== 'life' &&
        doubled > (out.penalty.max_months as number))
    )
      out = {
        penalty: { ...penalty, max_months: doubled },
        enhancement: { code: 'la_40_982', citation: d.law, effect: 'maximum_doubled' },
      };
  }
  return out;
}

/** La. C.Cr.P. art. 893.3: a firearm sets a minimum term, capped at the offense maximum. */
function la893_3(input: RuleInput, penalty: PenaltyRow, trace: Trace): PenaltyRow | undefined {
  const w = input.case.conduct.weapon ?? 'none';
  if (w === 'none') return undefined;
  const f = trace.cite(
    input.law.statute('state').get<Record<string, number>>('us_la.ccrp893_3.firearm_minimum'),
  );
  if (w === 'nearby') {
    trace.add('exposure.state.firearm_reach_undetermined', 'warning', [f.law], { weapon: w });
    return undefined;
  }
  const months = f.value[w];
  if (months === undefined) return undefined;
  const capped: Term =
    penalty.max_months !== null && penalty.max_months !== 'life'
      ? Math.min(months, penalty.max_months)
      : months;
  trace.add('exposure.state.la.firearm_minimum', 'critical', [f.law], { months: capped });
  const mand =
    penalty.mandatory_months === 'life' || penalty.mandatory_months >= capped
      ? penalty.mandatory_months
      : capped;
  return { ...penalty, mandatory_months: mand };
}

/** Louisiana: the 40:966/967 range by offense date, then the habitual-offender or repeat-offense range and a firearm minimum. */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_la', trace);
  const t = la40_967(input, charge, trace);
  let penalty: PenaltyRow = t.row.value;
  const enhancements: AppliedEnhancement[] = [];
  const repeat = laRepeat(input, penalty, priors, trace);
  if (repeat) {
    penalty = repeat.penalty;
    enhancements.push(repeat.enhancement);
  }
  const gun = la893_3(input, penalty, trace);
  if (gun) {
    penalty = gun;
    enhancements.push({
      code: 'la_ccrp_893_3',
      citation: 'La. C.Cr.P. art. 893.3',
      effect: 'minimum_raised',
    });
  }
  const row = t.row.id.split('.').at(-1) as string;
  const conduct = t.trafficking ? 'trafficking' : charge.conduct;
  const description =
    charge.conduct === 'possession'
      ? `possession of ${t.drug.replaceAll('_', ' ')}`
      : `distribution or possession with intent to distribute ${t.drug.replaceAll('_', ' ')}`;
  return {
    offense: { citation: t.row.law, description, conduct, class: 'felony', tier: row },
    counts: [{ citation: t.row.law, description, kind: 'offense', row, penalty, consecutive: true }],
    enhancements,
    grid: null,
    release: releaseRule(input, 'us_la', 'la_parole', trace),
  };
}

export const louisiana: StateEngine = { jurisdiction: 'US-LA', sentence };
