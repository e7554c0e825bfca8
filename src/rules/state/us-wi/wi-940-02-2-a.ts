import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { drugInducedHomicide } from '../drug-induced-homicide.ts';
import {
  type Release,
  type StateCharge,
  type StateEngine,
  StateRefusal,
  type StateSentence,
} from '../types.ts';

const DIH = {
  statute: 'us_wi.drug_induced_homicide.len_bias_first_degree_reckless_homicide',
  unit: 'us_wi.wis940_02_2_a',
};

function release(input: RuleInput, trace: Trace): Release {
  const p = trace.cite(
    input.law
      .statute('state')
      .get<{ parole_eligible: boolean | null; served_fraction: number | null }>('us_wi.release.parole'),
  );
  return { ...p.value, rule: 'wi_release', citations: [p.law] };
}

/**
 * Wisconsin: only drug-induced homicide (940.02(2)(a), the Len Bias law, a Class C felony) is in the knowledge base. Any other case, and a case where no such statute was in force on the offense date (or it is repealed
 * under a scenario), is a coded refusal naming what is covered.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const dih = drugInducedHomicide(input, charge, DIH, trace);
  if (!dih)
    throw new StateRefusal('exposure.state.offense_not_covered', {
      covered: 'first-degree reckless homicide by delivery (Wis. Stat. 940.02(2)(a))',
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
    release: release(input, trace),
  };
}

export const wisconsin: StateEngine = { jurisdiction: 'US-WI', sentence };
