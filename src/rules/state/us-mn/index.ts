import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { drugInducedHomicide } from '../drug-induced-homicide.ts';
import { releaseRule } from '../sentence.ts';
import { type StateCharge, type StateEngine, StateRefusal, type StateSentence } from '../types.ts';

const DIH = {
  statute: 'us_mn.drug_induced_homicide.third_degree_murder_distribution',
  unit: 'us_mn.mn609_195_b',
};

/**
 * Minnesota: only third-degree murder by distribution (609.195(b)) is in the knowledge base; the guidelines' presumptive sentence is not modelled. Any other case, and a case where no such statute was in force on the offense date (or it is repealed
 * under a scenario), is a coded refusal naming what is covered.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const dih = drugInducedHomicide(input, charge, DIH, trace);
  if (!dih)
    throw new StateRefusal('exposure.state.offense_not_covered', {
      covered: 'third-degree murder by distribution (Minn. Stat. 609.195(b))',
    });
  return {
    offense: {
      citation: dih.citation,
      description: dih.description,
      conduct: charge.conduct,
      class: null,
      tier: null,
    },
    counts: [dih],
    enhancements: [],
    grid: null,
    release: releaseRule(input, 'us_mn', 'mn_release', trace),
  };
}

export const minnesota: StateEngine = { jurisdiction: 'US-MN', sentence };
