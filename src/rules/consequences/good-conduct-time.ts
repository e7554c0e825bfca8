import type { IsoDate } from '../../model/dates.ts';

/** `us_fed.usc18_3624b.good_conduct_time`: 18 U.S.C. 3624(b) as the Bureau of Prisons applies it on a date. */
export interface GoodConductTimeLaw {
  days_per_year: number;
  /** `term_imposed` since the First Step Act (s. 102(b)); `time_served` under the BOP reading upheld in Barber */
  accrues_on: 'term_imposed' | 'time_served';
  /** the day count of the statute's "year" in the BOP's proration (54 / 365 a day) */
  days_in_year: number;
  /** only a term of more than this earns credit ("more than 1 year") */
  term_more_than_months: number;
  /** the credit is for offenses from the Sentencing Reform Act's effective date; older ones had parole */
  offenses_from: IsoDate;
  /** the earned time credit the law also grants and the engine does not model (null: none at that date) */
  earned_time_credits: string | null;
}

export type ServedFederal =
  | {
      kind: 'credited';
      /** months expected to be served, to the hundredth */
      served_months: number;
      /** the same, unrounded, in years (what the cost is computed on) */
      served_years: number;
      credit_days: number;
    }
  | { kind: 'no_credit'; served_months: number; served_years: number; reason: 'term_one_year_or_less' }
  | { kind: 'not_modelled'; reason: 'offense_before_sentencing_reform_act' };

const MONTHS_PER_YEAR = 12; // calendar arithmetic, not a legal number
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Good conduct time on a finite federal term of `months`, assuming the full credit is earned (exemplary
 * compliance). Since the First Step Act: days_per_year for each year of the term imposed, a partial last year
 * prorated. Before it (Barber v. Thomas): days_per_year for each year actually served, which in steady state
 * is term x days_per_year / (days_in_year + days_per_year). A fraction of a day is dropped, as the BOP does.
 */
export function goodConductTime(months: number, offense: IsoDate, g: GoodConductTimeLaw): ServedFederal {
  if (offense < g.offenses_from)
    return { kind: 'not_modelled', reason: 'offense_before_sentencing_reform_act' };
  if (months <= g.term_more_than_months)
    return {
      kind: 'no_credit',
      served_months: months,
      served_years: months / MONTHS_PER_YEAR,
      reason: 'term_one_year_or_less',
    };
  const termDays = (months * g.days_in_year) / MONTHS_PER_YEAR;
  const exact =
    g.accrues_on === 'term_imposed'
      ? (g.days_per_year * months) / MONTHS_PER_YEAR
      : (termDays * g.days_per_year) / (g.days_in_year + g.days_per_year);
  // the guard keeps a product like 539.9999999 from losing a whole day
  const credit_days = Math.floor(exact + 1e-9);
  const served_years = months / MONTHS_PER_YEAR - credit_days / g.days_in_year;
  return {
    kind: 'credited',
    served_months: round2(served_years * MONTHS_PER_YEAR),
    served_years,
    credit_days,
  };
}
