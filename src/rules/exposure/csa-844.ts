import { dotted } from '../../model/dotted.ts';
import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';
import type { ChargeResult } from './charge.ts';
import { priorsCharged } from './csa-851.ts';
import type { StatutoryResult } from './statutory.ts';

interface Row844 {
  min_days: number;
  max_months: number;
}
interface Crack844 {
  in_force: boolean;
  more_than_g?: number;
  min_months?: number;
  max_months?: number;
}

function countDrugPriors(input: RuleInput): number {
  return (input.case.history?.priors ?? []).filter(
    (p) =>
      p.still_valid !== false &&
      (p.kind === 'drug_possession' || p.kind === 'drug_distribution') &&
      p.date < input.dates.offense,
  ).length;
}

/** 21 U.S.C. 844(a): simple possession, with the 1988-2010 crack clause. */
export function statutory844(input: RuleInput, charge: ChargeResult): StatutoryResult {
  const trace = new Trace();
  const statute = input.law.statute('statute');
  trace.cite(statute.get('us_fed.usc21_844.in_force'));
  const drugPriors = countDrugPriors(input);
  const priors = priorsCharged(
    input,
    { known: drugPriors, possible: drugPriors, missing: [], predicate: 'prior_drug_conviction' },
    trace,
  );
  const row = priors >= 2 ? 'two_or_more_priors' : priors === 1 ? 'one_prior' : 'no_prior';
  const general = trace.cite(statute.get<Row844>(dotted('us_fed.usc21_844.penalty', row)));
  const crack = trace.cite(statute.get<Crack844>('us_fed.usc21_844.crack_minimum'));
  const crackGrams = charge.drugs
    .filter((d) => d.substance === 'cocaine_base')
    .reduce((s, d) => s + (d.grams ?? 0), 0);
  const citations = [...trace.citations];
  if (crack.value.in_force && crackGrams > 0 && crack.value.more_than_g !== undefined) {
    // With priors the clause applied at lower amounts that are not in the knowledge base: above the
    // first-offense amount it applies all the more; at or below it the answer is undetermined.
    if (priors > 0)
      trace.add('exposure.statutory.crack_repeat_threshold_unverified', 'warning', [crack.law], {
        grams: crackGrams,
      });
    if (crackGrams > crack.value.more_than_g) {
      trace.add('exposure.statutory.crack_possession_minimum', 'critical', [crack.law], {
        grams: crackGrams,
        threshold: crack.value.more_than_g,
      });
      return {
        offense: '21 U.S.C. 844(a)',
        tier: null,
        row: 'crack_possession',
        min: crack.value.min_months ?? 0,
        max: crack.value.max_months ?? general.value.max_months,
        priorsUsed: priors,
        deathOrSbi: false,
        citations: [crack.law],
        trace,
      };
    }
  }
  trace.add('exposure.statutory.range', 'info', [general.law], {
    offense: '21 U.S.C. 844(a)',
    row,
    min: 0,
    max: general.value.max_months,
  });
  return {
    offense: '21 U.S.C. 844(a)',
    tier: null,
    row,
    min: 0,
    minDays: general.value.min_days,
    max: general.value.max_months,
    priorsUsed: priors,
    deathOrSbi: false,
    citations,
    trace,
  };
}
