import type { Case } from '../model/case.ts';
import { addDays, daysBetween, type IsoDate } from '../model/dates.ts';
import { finding, type RawFinding } from '../model/finding.ts';
import type { AppliedDates } from '../rules/context.ts';

/**
 * Which dates govern: the case's own (sentencing defaults to the offense date, conviction to the
 * sentencing date), or, for an "as of" question, the same conduct committed, convicted and sentenced
 * on that day.
 */
export function chooseDates(
  c: Case,
  evaluation: IsoDate,
  asOf?: IsoDate,
): { dates: AppliedDates; findings: RawFinding[] } {
  const findings: RawFinding[] = [];
  if (asOf) {
    findings.push(finding('dates.as_of', 'info', [], { as_of: asOf, offense: c.offense_date }));
    return { dates: { offense: asOf, conviction: asOf, sentencing: asOf, evaluation }, findings };
  }
  const sentencing = c.sentencing_date ?? c.offense_date;
  if (!c.sentencing_date)
    findings.push(finding('dates.sentencing_defaulted', 'info', [], { date: sentencing }));
  const conviction = c.conviction_date ?? sentencing;
  const dates: AppliedDates = { offense: c.offense_date, conviction, sentencing, evaluation };
  if (!c.sentencing_date) dates.notYetSentenced = true;
  return { dates, findings };
}

/**
 * For an "as of" question the person keeps the same record relative to the conduct: every prior date
 * moves by the same number of days, so look-back and recency windows keep their meaning.
 */
export function shiftPriors(c: Case, asOf: IsoDate): Case {
  const priors = c.history?.priors;
  if (!priors?.length || asOf === c.offense_date) return c;
  const days = daysBetween(c.offense_date, asOf);
  return {
    ...c,
    history: {
      ...c.history,
      priors: priors.map((p) => ({
        ...p,
        date: addDays(p.date, days),
        ...(p.release_date ? { release_date: addDays(p.release_date, days) } : {}),
      })),
    },
  };
}
