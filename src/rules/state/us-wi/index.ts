import { extend } from '../../../model/extend.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { drugInducedHomicide, withDelivery } from '../drug-induced-homicide.ts';
import { enhancingPriors } from '../priors.ts';
import { releaseRule } from '../sentence.ts';
import type { Release, StateCharge, StateCount, StateEngine, StateSentence } from '../types.ts';
import { wi961_41 } from './wi-961-41.ts';

const DIH = {
  statute: 'us_wi.drug_induced_homicide.len_bias_first_degree_reckless_homicide',
  unit: 'us_wi.wis940_02_2_a',
};

/**
 * Wisconsin: drug-induced homicide (940.02(2)(a), the Len Bias law, a Class C felony) when a death resulted from a
 * delivery; otherwise the delivery itself (961.41(1) by substance and amount, 961.48 for a second offense) - which
 * is what a death case comes to when drug-induced homicide is repealed. Possession is refused.
 */
interface Bifurcation {
  confinement_minimum_months: number;
  supervision_minimum_share: number;
  classes: Record<string, { confinement_maximum_months: number; supervision_maximum_months: number }>;
  row_class: Record<string, string>;
}

/**
 * No parole from 1999-12-31 (973.01): a prison sentence is bifurcated, and its confinement term is the time in
 * prison. From 2003-02-01 the law bounds that term by the felony class (973.01(2)(b), (d)), which the release
 * carries. The class's two maxima add up to its total maximum; where the offense's maximum is another (raised by
 * 961.48, whose effect on confinement was not read), no bounds are given.
 */
function release(input: RuleInput, offense: StateCount, trace: Trace): Release {
  const r = releaseRule(input, 'us_wi', 'wi_release', trace);
  if (r.parole_eligible !== false) return r;
  const b = input.law.atOffense('state').maybe<Bifurcation>('us_wi.wis973_01.bifurcation');
  if (!b) return r;
  const cls = offense.row.startsWith('class_')
    ? offense.row.slice('class_'.length)
    : b.value.row_class[offense.row];
  const limits = cls === undefined ? undefined : b.value.classes[cls];
  if (!limits) return r;
  if (offense.penalty.max_months !== limits.confinement_maximum_months + limits.supervision_maximum_months)
    return r;
  trace.cite(b);
  return extend(r, {
    confinement: {
      minimum_months: b.value.confinement_minimum_months,
      maximum_months: limits.confinement_maximum_months,
      supervision_maximum_months: limits.supervision_maximum_months,
      supervision_minimum_share: b.value.supervision_minimum_share,
    },
    citations: [...r.citations, b.law],
  });
}

function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_wi', trace);
  const dih = drugInducedHomicide(input, charge, DIH, trace);
  const counts = withDelivery(dih, () => wi961_41(input, charge, priors, trace), trace);
  const offense = counts[0] as StateCount;
  return {
    offense: {
      citation: offense.citation,
      description: offense.description,
      conduct: charge.conduct,
      class: null,
      tier: offense.row,
    },
    counts,
    enhancements: [],
    grid: null,
    release: release(input, offense, trace),
  };
}

export const wisconsin: StateEngine = { jurisdiction: 'US-WI', sentence };
