import { extend } from '../../../model/extend.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { enhancingPriors, recordPriors } from '../priors.ts';
import type { AppliedEnhancement, Release, StateCharge, StateEngine, StateSentence } from '../types.ts';
import { type FlPenalty, fl893_13 } from './fl-893-13.ts';
import { fl893_135 } from './fl-893-135.ts';
import { fl775_084, fl775_087_1, fl775_087_2, fl921_0024 } from './fl-sentencing.ts';

function release(input: RuleInput, trace: Trace): Release {
  const r = trace.cite(
    input.law
      .statute('state')
      .get<{ parole_eligible: boolean; served_fraction: number }>('us_fl.release.gain_time'),
  );
  return extend(r.value, { rule: 'fl_85_percent', citations: [r.law] });
}

/**
 * Florida: the degree and any mandatory minimum (893.135 trafficking tiers, 893.13(1)(c) school zone,
 * 10-20-Life), the habitual felony offender maximum (775.084), then the Criminal Punishment Code's lowest
 * permissible sentence; the sentence lies between the higher of the two and the maximum; 85% is served.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_fl', trace);
  const enhancements: AppliedEnhancement[] = [];
  const trafficking = fl893_135(input, charge, trace);
  let penalty: FlPenalty;
  let citation: string;
  let description: string;
  let row: string;
  let conduct = charge.conduct;
  let levelPlus = false;
  if (trafficking) {
    conduct = 'trafficking';
    penalty = trafficking.row.value;
    citation = trafficking.row.law;
    row = trafficking.row.id.split('.').at(-1) as string;
    description = `trafficking in ${trafficking.drug.replaceAll('_', ' ')} (by weight)`;
    const gun = fl775_087_2(input, trace);
    if (gun !== undefined && (penalty.mandatory_months === 'life' || gun > penalty.mandatory_months)) {
      penalty = { ...penalty, min_months: gun, mandatory_months: gun };
      enhancements.push({
        code: 'fl_775_087_2',
        citation: 'Fla. Stat. 775.087(2)',
        effect: 'minimum_raised',
      });
    }
  } else {
    const r = fl893_13(input, charge, trace);
    penalty = r.row.value;
    citation = r.row.law;
    row = r.name;
    description = r.description;
    const re = penalty.class === 'M1' ? undefined : fl775_087_1(input, penalty.class, trace);
    if (re) {
      penalty = { ...penalty, class: re.degree, max_months: re.max };
      levelPlus = true;
      enhancements.push({ code: 'fl_775_087_1', citation: 'Fla. Stat. 775.087(1)', effect: 'reclassified' });
    }
  }
  const hfo = fl775_084(input, conduct, penalty.class, priors, trace);
  if (hfo) {
    penalty = { ...penalty, max_months: hfo.max };
    enhancements.push(hfo.enhancement);
  }
  const grid =
    penalty.class === 'M1'
      ? null
      : fl921_0024(input, penalty.cpc_level, levelPlus, recordPriors(input).length, trace);
  return {
    offense: { citation, description, conduct, class: penalty.class, tier: trafficking ? row : null },
    counts: [{ citation, description, kind: 'offense', row, penalty, consecutive: true }],
    enhancements,
    grid,
    release: release(input, trace),
  };
}

export const florida: StateEngine = { jurisdiction: 'US-FL', sentence };
