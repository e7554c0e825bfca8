import type { Prior } from '../../model/case.ts';
import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';

/**
 * The prior convictions a state's recidivist rules may count: entered before the offense and not set aside.
 * When a scenario ends prior-conviction enhancements (`us_xx.recidivism.prior_enhancements` false), none
 * counts for an enhancement (grids still score the record: that is not an enhancement of the penalty).
 */
export function enhancingPriors(input: RuleInput, prefix: string, trace: Trace): Prior[] {
  const on = trace.cite(input.law.statute('state').get<boolean>(`${prefix}.recidivism.prior_enhancements`));
  const priors = recordPriors(input);
  if (!on.value) {
    if (priors.length)
      trace.add('exposure.state.prior_enhancements_off', 'info', [on.law], { priors: priors.length });
    return [];
  }
  return priors;
}

/** Every valid prior conviction before the offense (what a grid scores). */
export function recordPriors(input: RuleInput): Prior[] {
  return (input.case.history?.priors ?? []).filter(
    (p) => p.still_valid !== false && p.date < input.dates.offense,
  );
}
