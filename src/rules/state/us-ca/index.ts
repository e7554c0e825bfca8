import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { enhancingPriors } from '../priors.ts';
import { releaseRule } from '../sentence.ts';
import type { StateCharge, StateEngine, StateSentence } from '../types.ts';
import { ca11370_2, ca12022c, caOffense } from './ca-health-and-safety-11350-11379.ts';

/**
 * California has no grid: the offense triad (low to upper term), then consecutive enhancements - 11370.2 for
 * qualifying priors (repealed for sale priors by SB 180) and 12022(c) for being armed. The 11370.4 weight
 * enhancements and Three Strikes are not in the knowledge base, and are said.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_ca', trace);
  const o = caOffense(input, charge, trace);
  const counts = [o.count, ...ca11370_2(input, charge, priors, trace)];
  const armed = ca12022c(input, charge, trace);
  if (armed) counts.push(armed);
  if (charge.conduct !== 'possession' && charge.drugs.some((d) => (d.grams ?? 0) >= 1000))
    trace.add('exposure.state.not_modelled', 'warning', [], {
      rule: 'Cal. H&S 11370.4 (weight enhancements from 1 kg)',
    });
  if (priors.some((p) => p.felony && p.kind === 'violent'))
    trace.add('exposure.state.not_modelled', 'warning', [], {
      rule: 'Three Strikes (Penal Code 667(b)-(i), 1170.12)',
    });
  return {
    offense: {
      citation: o.count.citation,
      description: o.count.description,
      conduct: charge.conduct,
      class: o.offenseClass,
      tier: o.section,
    },
    counts,
    enhancements: counts
      .filter((c) => c.row === 'per_prior')
      .map((c) => ({ code: 'ca_11370_2', citation: c.citation, effect: 'consecutive_prior_term' })),
    grid: null,
    release: releaseRule(input, 'us_ca', 'ca_1170h', trace),
  };
}

export const california: StateEngine = { jurisdiction: 'US-CA', sentence };
