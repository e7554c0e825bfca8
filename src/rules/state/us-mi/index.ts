import { extend } from '../../../model/extend.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { enhancingPriors } from '../priors.ts';
import type { Release, StateCharge, StateCount, StateEngine, StateSentence } from '../types.ts';
import { mi333_7401 } from './mi-333-7401.ts';
import { mi750_227b, miRepeatMaximum } from './mi-recidivism.ts';

/** MCL 777: the guidelines recommend the minimum; binding until People v. Lockridge (2015), advisory since. */
function guidelines(input: RuleInput, offenseClass: string | null, trace: Trace): StateSentence['grid'] {
  const g = trace.cite(
    input.law.statute('state').get<{ in_force: boolean; binding: boolean }>('us_mi.mcl777.guidelines'),
  );
  if (!g.value.in_force) return null;
  trace.add('exposure.state.mi.guidelines_not_scored', 'warning', [g.law], {
    offense_class: offenseClass ?? 'unknown',
  });
  return {
    kind: 'mi_guidelines',
    minimum_months: null,
    maximum_months: null,
    binding: g.value.binding,
    values: { offense_class: offenseClass },
    citations: [g.law],
  };
}

function release(input: RuleInput, trace: Trace): Release {
  const r = trace.cite(
    input.law.statute('state').get<Omit<Release, 'rule' | 'citations'>>('us_mi.release.parole'),
  );
  return extend(r.value, { rule: 'mi_parole_at_minimum', citations: [r.law] });
}

/**
 * Michigan: indeterminate sentences. The maximum from 7401/7403 by weight (mandatory minimums before
 * 2003-03-01), raised for a repeat offender (7413 or 769.10-.12, whichever the prosecutor may seek is higher);
 * felony-firearm (750.227b) served first; the minimum from the guidelines (not computed: see findings).
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_mi', trace);
  const t = mi333_7401(input, charge, trace);
  let penalty = t.row.value;
  const enhancements = [];
  if (penalty.max_months !== null) {
    const repeat = miRepeatMaximum(input, penalty.max_months, priors, trace);
    if (repeat) {
      penalty = { ...penalty, max_months: repeat.max };
      enhancements.push(repeat.enhancement);
    }
  }
  const row = t.row.id.split('.').at(-1) as string;
  const description =
    t.section === 'mcl333_7403'
      ? `possession of ${t.drug} (by weight)`
      : `delivery, manufacture or possession with intent to deliver ${t.drug} (by weight)`;
  const counts: StateCount[] = [
    { citation: t.row.law, description, kind: 'offense', row, penalty, consecutive: true },
  ];
  const gun = mi750_227b(input, priors, trace);
  if (gun !== undefined)
    counts.push({
      citation: 'MCL 750.227b',
      description: 'felony-firearm (served before the felony sentence)',
      kind: 'firearm',
      row: 'felony_firearm',
      penalty: { min_months: gun, max_months: gun, mandatory_months: gun, probation: false },
      consecutive: true,
    });
  return {
    offense: { citation: t.row.law, description, conduct: charge.conduct, class: penalty.class, tier: row },
    counts,
    enhancements,
    grid: guidelines(input, penalty.class, trace),
    release: release(input, trace),
  };
}

export const michigan: StateEngine = { jurisdiction: 'US-MI', sentence };
