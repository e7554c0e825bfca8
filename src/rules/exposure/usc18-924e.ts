import type { Prior } from '../../model/case.ts';
import { extend } from '../../model/extend.ts';
import type { Term } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';
import type { Tri } from './priors.ts';

interface AccaLaw {
  min_months: Term;
  max_months: Term;
  predicates: number;
  serious_drug_offense_min_max_months: number;
}

export interface AccaResult {
  /** true: three predicates on different occasions; false: not; null: a missing fact decides */
  applies: boolean | null;
  min: Term;
  max: Term;
  /** occasions of the priors that certainly qualify, read the person's way, and of those that may, read the other */
  knownOccasions: number;
  possibleOccasions: number;
  missing: string[];
  law: string;
}

/** 924(e)(2)(A)-(B): a violent felony or a serious drug offense (a drug-distribution felony with a maximum of ten years or more). */
function predicate(p: Prior, i: number, offense: string, minMax: number, missing: string[]): Tri {
  if (p.still_valid === false || !p.felony || p.date >= offense) return false;
  if (p.acca_predicate) return p.acca_predicate !== 'neither';
  if (p.kind === 'drug_distribution') {
    if (p.max_term_months === undefined) {
      missing.push(`history.priors.${i}.max_term_months`);
      return undefined;
    }
    return p.max_term_months >= minMax;
  }
  if (p.kind === 'violent') {
    // Whether the offense has force as an element (or is an enumerated one) is a categorical question for the court.
    missing.push(`history.priors.${i}.acca_predicate`);
    return undefined;
  }
  return false;
}

/**
 * 18 U.S.C. 924(e)(1): a 922(g) offender with three violent felonies or serious drug offenses "committed on occasions
 * different from one another" - one criminal episode is one occasion (Wooden), a fact a jury finds (Erlinger). The
 * case labels each prior's episode (`occasion`); unlabelled priors count as separate occasions in the worst case
 * and, where they share a date, as one in the best.
 */
export function armedCareerCriminal(input: RuleInput, trace: Trace): AccaResult {
  const law = input.law.atOffense('statute');
  const r = trace.cite(law.get<AccaLaw>('us_fed.usc18_924e.acca'));
  const occasions = trace.cite(law.get<{ found_by_jury: boolean }>('us_fed.usc18_924e.occasions'));
  const priors = input.case.history?.priors ?? [];
  const missing: string[] = [];
  const worstKeys = new Set<string>();
  const bestKeys = new Set<string>();
  const unlabelled: number[] = [];
  priors.forEach((p, i) => {
    const q = predicate(p, i, input.dates.offense, r.value.serious_drug_offense_min_max_months, missing);
    if (q === false) return;
    if (p.occasion === undefined) unlabelled.push(i);
    worstKeys.add(p.occasion !== undefined ? `label:${p.occasion}` : `prior:${i}`);
    if (q === true) bestKeys.add(p.occasion !== undefined ? `label:${p.occasion}` : `date:${p.date}`);
  });
  const needed = r.value.predicates;
  const known = bestKeys.size;
  const possible = worstKeys.size;
  const applies = known >= needed ? true : possible < needed ? false : null;
  if (applies === null && known < possible)
    for (const i of unlabelled) missing.push(`history.priors.${i}.occasion`);
  const values = { known_occasions: known, possible_occasions: possible, needed, min: r.value.min_months };
  if (applies === true) trace.add('exposure.acca.applies', 'critical', [r.law], values);
  else if (applies === false) trace.add('exposure.acca.not_applicable', 'info', [r.law], values);
  else
    trace.add(
      'exposure.acca.undetermined',
      'warning',
      [r.law],
      extend(values, { missing: [...new Set(missing)] }),
    );
  if (applies !== false && occasions.value.found_by_jury)
    trace.add('exposure.acca.occasions_for_jury', 'info', [occasions.law], { occasions: possible });
  return {
    applies,
    min: r.value.min_months,
    max: r.value.max_months,
    knownOccasions: known,
    possibleOccasions: possible,
    missing: [...new Set(missing)],
    law: r.law,
  };
}
