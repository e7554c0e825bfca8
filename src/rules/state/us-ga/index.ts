import { addTerms, type Term } from '../../../model/terms.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { enhancingPriors } from '../priors.ts';
import { lowestTerm } from '../sentence.ts';
import type { StateCharge, StateCount, StateEngine, StateSentence } from '../types.ts';
import { ga16_13_30 } from './ga-16-13-30.ts';
import { departureAvailable, ga16_13_31 } from './ga-16-13-31.ts';
import { ga17_10_7, gaParoleConsideration, gaRelease } from './ga-17-10-7.ts';
import { ga16_11_106, ga16_13_32_4 } from './ga-add-ons.ts';

/**
 * Georgia has no sentencing grid: the statutory range of the count (16-13-30 or, by weight, 16-13-31), the
 * recidivist rules (16-13-30(d), 17-10-7), and consecutive firearm (16-11-106) and school-zone (16-13-32.4) counts.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_ga', trace);
  const trafficking = ga16_13_31(input, charge, trace);
  let offense: StateCount;
  let conduct = charge.conduct;
  let repeatSale = false;
  let tier: string | null = null;
  let bestCaseMandatory: number | undefined;
  if (trafficking) {
    conduct = 'trafficking';
    tier = trafficking.row.id.split('.').at(-1) ?? null;
    offense = {
      citation: trafficking.row.law,
      description: `trafficking in ${trafficking.drug.replaceAll('_', ' ')} (by weight)`,
      kind: 'offense',
      row: tier ?? 'trafficking',
      penalty: trafficking.row.value,
      consecutive: true,
    };
    if (departureAvailable(input, priors.filter((p) => p.felony).length, trace)) bestCaseMandatory = 0;
  } else {
    const r = ga16_13_30(input, charge, priors, trace);
    offense = r.count;
    repeatSale = r.repeat && conduct !== 'possession';
  }
  const recidivism = ga17_10_7(input, conduct, priors, repeatSale, trace);
  const counts = [offense];
  const firearm = ga16_11_106(input, trace);
  if (firearm) counts.push(firearm);
  const zone = ga16_13_32_4(input, conduct, trace);
  if (zone) counts.push(zone);
  if (bestCaseMandatory !== undefined && counts.length > 1) bestCaseMandatory = undefined;
  const release = gaRelease(input, recidivism, trace);
  // every Georgia count is consecutive: the term is their sum
  const months = counts.reduce((sum, c) => addTerms(sum, lowestTerm(c.penalty)), 0 as Term);
  gaParoleConsideration(input, release, months, trace);
  return {
    offense: { citation: offense.citation, description: offense.description, conduct, class: 'felony', tier },
    counts,
    enhancements: [
      ...(repeatSale
        ? [{ code: 'ga_16_13_30_d_repeat', citation: offense.citation, effect: 'repeat_offense_row' }]
        : []),
      ...recidivism.enhancements,
    ],
    grid: null,
    release,
    ...(bestCaseMandatory !== undefined ? { bestCaseMandatory } : {}),
  };
}

export const georgia: StateEngine = { jurisdiction: 'US-GA', sentence };
