import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { enhancingPriors } from '../priors.ts';
import { lowestTerm, releaseRule } from '../sentence.ts';
import type { Release, StateCharge, StateCount, StateEngine, StateSentence } from '../types.ts';
import { ny70 } from './ny-penal-70.ts';
import { ny220 } from './ny-penal-220.ts';

/**
 * Merit time (Correction Law 803(1)(d)) can bring a determinate drug term of a year or more below the six-sevenths
 * good time allows, but its amount was not read: where the term qualifies, a finding says it is not applied.
 */
function meritTime(input: RuleInput, release: Release, offense: StateCount, trace: Trace): void {
  if (!release.earliest_release) return;
  const m = input.law
    .atOffense('state')
    .maybe<{ applied: boolean; eligible_minimum_months: number }>('us_ny.release.merit_time');
  const months = lowestTerm(offense.penalty);
  if (!m || m.value.applied || months === 'life' || months < m.value.eligible_minimum_months) return;
  trace.add('exposure.state.ny.merit_time_not_applied', 'info', [trace.cite(m).law], { term_months: months });
}

/**
 * New York has no grid: the article 220 degree by conduct, substance and weight (ounces of aggregate mixture)
 * sets the class, and 70.70/70.71 (from 2005-01-13) or 70.00 (before) the term for a first or second felony
 * drug offender. New York has no drug-induced homicide statute in the knowledge base; school-zone sales
 * (220.44) and weapons are said, not added.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_ny', trace);
  const degree = ny220(input, charge, trace);
  const offense = ny70(input, degree, priors, trace);
  if (input.case.conduct.school_zone === true && charge.conduct !== 'possession')
    trace.add('exposure.state.not_modelled', 'warning', [], {
      rule: 'N.Y. Penal Law 220.44 (sale near school grounds)',
    });
  if ((input.case.conduct.weapon ?? 'none') !== 'none')
    trace.add('exposure.state.not_modelled', 'warning', [], {
      rule: 'New York weapon charges with a drug offense',
    });
  const release = releaseRule(input, 'us_ny', 'ny_release', trace);
  meritTime(input, release, offense, trace);
  return {
    offense: {
      citation: degree.citation,
      description: offense.description,
      conduct: charge.conduct,
      class: degree.class.replace('_', '-'),
      tier: degree.section,
    },
    counts: [offense],
    enhancements: offense.row.endsWith('_second')
      ? [
          {
            code: 'ny_70_70_second_felony_drug_offender',
            citation: offense.citation,
            effect: 'predicate_range',
          },
        ]
      : [],
    grid: null,
    release,
  };
}

export const newYork: StateEngine = { jurisdiction: 'US-NY', sentence };
