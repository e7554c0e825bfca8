import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { drugInducedHomicide, withDelivery } from '../drug-induced-homicide.ts';
import { enhancingPriors } from '../priors.ts';
import { releaseRule } from '../sentence.ts';
import type { StateCharge, StateCount, StateEngine, StateSentence } from '../types.ts';
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
    release: releaseRule(input, 'us_wi', 'wi_release', trace),
  };
}

export const wisconsin: StateEngine = { jurisdiction: 'US-WI', sentence };
