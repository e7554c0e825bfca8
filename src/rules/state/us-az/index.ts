import { extend } from '../../../model/extend.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { enhancingPriors } from '../priors.ts';
import type { Release, StateCharge, StateEngine, StateSentence } from '../types.ts';
import { az3407 } from './az-13-3407-3408.ts';

function release(input: RuleInput, flatTime: boolean, trace: Trace): Release {
  const p = trace.cite(
    input.law
      .statute('state')
      .get<{ parole_eligible: boolean | null; served_fraction: number | null }>('us_az.release.parole'),
  );
  return flatTime
    ? { parole_eligible: false, served_fraction: 1, rule: 'az_flat_time', citations: [p.law] }
    : extend(p.value, { rule: 'az_truth_in_sentencing', citations: [p.law] });
}

/**
 * Arizona has no grid but a table per class and repetitive category (13-702, 13-703): the range runs from the
 * mitigated to the aggravated term. Dangerous-offense weapon rules (13-704) are said, not applied.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_az', trace);
  const o = az3407(input, charge, priors, trace);
  const weapon = input.case.conduct.weapon ?? 'none';
  if (weapon === 'brandished' || weapon === 'discharged')
    trace.add('exposure.state.not_modelled', 'warning', [], { rule: 'A.R.S. 13-704 (dangerous offense)' });
  return {
    offense: {
      citation: o.count.citation,
      description: o.count.description,
      conduct: charge.conduct,
      class: o.class,
      tier: o.count.row,
    },
    counts: [o.count],
    enhancements: o.repetitive
      ? [
          {
            code: 'az_13_703_repetitive',
            citation: o.count.citation,
            effect: o.repetitive === 1 ? 'category_two' : 'category_three',
          },
        ]
      : [],
    grid: null,
    release: release(input, o.flatTime, trace),
  };
}

export const arizona: StateEngine = { jurisdiction: 'US-AZ', sentence };
