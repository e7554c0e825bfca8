import type { Prior } from '../../model/case.ts';
import { addYears } from '../../model/dates.ts';
import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';

/** Three-valued: a prior qualifies, does not, or the case lacks a fact that would settle it. */
export type Tri = true | false | undefined;

interface SeriousDrugFelony {
  min_statutory_max_months: number;
  served_more_than_months: number;
  released_within_years: number;
}

export interface PriorCount {
  /** priors that certainly qualify */
  known: number;
  /** priors that qualify unless a missing fact says otherwise */
  possible: number;
  /** facts that would settle the undetermined priors */
  missing: string[];
  predicate: string;
}

const isDrug = (p: Prior) => p.kind === 'drug_possession' || p.kind === 'drug_distribution';
const valid = (p: Prior) => p.still_valid !== false;

/** 21 U.S.C. 802(44): punishable by more than a year under a drug law; no time-served or recency test. */
export function felonyDrugOffense(p: Prior, offense: string): Tri {
  return valid(p) && isDrug(p) && p.felony && p.date < offense;
}

/** 21 U.S.C. 802(57): an ACCA serious drug offense with more than 12 months served, released within 15 years. */
function seriousDrugFelony(
  p: Prior,
  offense: string,
  def: SeriousDrugFelony,
  missing: string[],
  i: number,
): Tri {
  if (!valid(p) || p.kind !== 'drug_distribution' || !p.felony || p.date >= offense) return false;
  const checks: Tri[] = [
    p.max_term_months === undefined ? undefined : p.max_term_months >= def.min_statutory_max_months,
    p.served_months === undefined ? undefined : p.served_months > def.served_more_than_months,
    p.release_date === undefined ? undefined : addYears(p.release_date, def.released_within_years) >= offense,
  ];
  if (checks.includes(false)) return false;
  if (checks.includes(undefined)) {
    if (p.max_term_months === undefined) missing.push(`history.priors.${i}.max_term_months`);
    if (p.served_months === undefined) missing.push(`history.priors.${i}.served_months`);
    if (p.release_date === undefined) missing.push(`history.priors.${i}.release_date`);
    return undefined;
  }
  return true;
}

/** 21 U.S.C. 802(58): a serious violent felony with more than 12 months served. */
function seriousViolentFelony(
  p: Prior,
  offense: string,
  servedMoreThan: number,
  missing: string[],
  i: number,
): Tri {
  if (!valid(p) || p.kind !== 'violent' || !p.felony || p.date >= offense) return false;
  if (p.served_months === undefined) {
    missing.push(`history.priors.${i}.served_months`);
    return undefined;
  }
  return p.served_months > servedMoreThan;
}

/** Counts the priors that meet the predicate named by the penalty row in force (felony drug offense, or serious drug/violent felony). */
export function countQualifyingPriors(input: RuleInput, predicate: string, trace: Trace): PriorCount {
  const priors = input.case.history?.priors ?? [];
  const offense = input.dates.offense;
  const missing: string[] = [];
  let known = 0;
  let possible = 0;
  let sdf: SeriousDrugFelony | undefined;
  let svf: { served_more_than_months: number } | undefined;
  if (predicate !== 'felony_drug_offense') {
    const law = input.law.atOffense('statute');
    sdf = trace.cite(law.get<SeriousDrugFelony>('us_fed.usc21_802.serious_drug_felony')).value;
    svf = trace.cite(
      law.get<{ served_more_than_months: number }>('us_fed.usc21_802.serious_violent_felony'),
    ).value;
  } else {
    trace.cite(input.law.statute('statute').get('us_fed.usc21_802.felony_drug_offense'));
  }
  priors.forEach((p, i) => {
    let q: Tri;
    if (predicate === 'felony_drug_offense') q = felonyDrugOffense(p, offense);
    else if (sdf && svf) {
      const a = seriousDrugFelony(p, offense, sdf, missing, i);
      const b = seriousViolentFelony(p, offense, svf.served_more_than_months, missing, i);
      q = a === true || b === true ? true : a === undefined || b === undefined ? undefined : false;
    }
    if (q === true) known++;
    if (q !== false) possible++;
    if (p.still_valid === false && (isDrug(p) || p.kind === 'violent'))
      trace.add('exposure.priors.not_valid', 'info', ['21 U.S.C. 851(c)'], { index: i, date: p.date });
  });
  return { known, possible, missing, predicate };
}
