import type { Prior } from '../../../model/case.ts';
import { extend } from '../../../model/extend.ts';
import type { Term } from '../../../model/terms.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import type { AppliedEnhancement, Release, StateConduct } from '../types.ts';

export interface Recidivism {
  enhancements: AppliedEnhancement[];
  /** 17-10-7(c): the imposed term is served in full without parole */
  noParole: boolean;
  citations: string[];
}

/**
 * O.C.G.A. 17-10-7: (a) after a prior felony the longest term (which the judge may probate or suspend; not for
 * a second 16-13-30(b) offense, which 16-13-30(d) governs); (c) after three prior felonies the imposed term is
 * served without parole; (b.1, since HB 1176) neither applies when the new conviction is a repeat possession.
 */
export function ga17_10_7(
  input: RuleInput,
  conduct: StateConduct,
  priors: readonly Prior[],
  repeatSale: boolean,
  trace: Trace,
): Recidivism {
  const law = input.law.statute('state');
  const felonies = priors.filter((p) => p.felony);
  const out: Recidivism = { enhancements: [], noParole: false, citations: [] };
  if (!felonies.length) return out;
  if (conduct === 'possession') {
    const b1 = trace.cite(law.get<boolean>('us_ga.ga17_10_7.b1_possession_not_enhanced'));
    const repeatPossession = priors.some((p) => p.kind === 'drug_possession');
    if (b1.value && repeatPossession) {
      trace.add('exposure.state.ga.b1_possession_not_enhanced', 'info', [b1.law]);
      return out;
    }
  }
  const a = trace.cite(law.get<{ in_force: boolean; probation: boolean }>('us_ga.ga17_10_7.a_longest_term'));
  if (a.value.in_force && !repeatSale) {
    out.enhancements.push({
      code: 'ga_17_10_7_a',
      citation: a.law,
      effect: 'longest_term_may_be_probated',
    });
    trace.add('exposure.state.ga.longest_term', 'warning', [a.law], { priors: felonies.length });
  }
  const c = trace.cite(
    law.get<{ priors_required: number; parole_eligible: boolean }>('us_ga.ga17_10_7.c_fourth_felony'),
  );
  if (felonies.length >= c.value.priors_required && !c.value.parole_eligible) {
    out.noParole = true;
    out.citations.push(c.law);
    out.enhancements.push({ code: 'ga_17_10_7_c', citation: c.law, effect: 'served_in_full_without_parole' });
    trace.add('exposure.state.ga.fourth_felony_no_parole', 'critical', [c.law], {
      priors: felonies.length,
      required: c.value.priors_required,
    });
  }
  return out;
}

/** The release rule: no parole under 17-10-7(c), otherwise the general parole rule. */
export function gaRelease(input: RuleInput, recidivism: Recidivism, trace: Trace): Release {
  if (recidivism.noParole)
    return {
      parole_eligible: false,
      served_fraction: 1,
      rule: 'ga_17_10_7_c',
      citations: recidivism.citations,
    };
  const p = trace.cite(
    input.law
      .statute('state')
      .get<{ parole_eligible: boolean; served_fraction: number | null }>('us_ga.release.parole'),
  );
  return extend(p.value, { rule: 'ga_parole', citations: [p.law] });
}

interface ParoleConsideration {
  fraction: number;
  minimum_months: number;
  long_sentence_months: number;
  /** false: the consideration date is not a floor on time served (the data says why in earlier_release) */
  floor: false;
  earlier_release: string[];
}

/**
 * Where parole is open, 42-9-45(b)(2) says when a felony sentence is first considered: after the greater of nine
 * months and one-third, seven years at most. It is not a floor on time served (17-14-4 lets the Board parole earlier
 * with restitution as a condition; Board policy considers lower severity levels earlier), so it is reported, not
 * used as a bound. Nothing for a term of 0 or life, or before the text read.
 */
export function gaParoleConsideration(input: RuleInput, release: Release, months: Term, trace: Trace): void {
  if (release.rule !== 'ga_parole' || months === 'life' || months === 0) return;
  const r = input.law.atOffense('state').maybe<ParoleConsideration>('us_ga.release.parole_consideration');
  if (!r) return;
  trace.cite(r);
  const p = r.value;
  const at = Math.min(Math.max(p.minimum_months, Math.round(months * p.fraction)), p.long_sentence_months);
  trace.add('exposure.state.ga.parole_floor_discretionary', 'info', [r.law], {
    term_months: months,
    consideration_months: at,
    earlier_release: p.earlier_release,
  });
}
