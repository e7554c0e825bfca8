import type { LawBook } from '../law/book.ts';
import type { LawGapError } from '../law/errors.ts';
import { type Case, type CaseProblem, CaseRefused } from '../model/case.ts';
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
  const future = futureDates(c, evaluation, asOf);
  if (future.length) throw new CaseRefused(future);
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
  const history = c.history;
  const priors = history?.priors;
  if (!history || !priors?.length || asOf === c.offense_date) return c;
  const days = daysBetween(c.offense_date, asOf);
  return {
    ...c,
    history: {
      ...history,
      priors: priors.map((p) => ({
        ...p,
        date: addDays(p.date, days),
        ...(p.release_date ? { release_date: addDays(p.release_date, days) } : {}),
      })),
    },
  };
}

/**
 * A date after the evaluation date would apply law, and a Guidelines Manual, that does not exist yet:
 * refused with the field named rather than answered from today's law as if it were that day's.
 */
function futureDates(c: Case, evaluation: IsoDate, asOf?: IsoDate): CaseProblem[] {
  const dates: [string, IsoDate | undefined][] = asOf
    ? [['as_of', asOf]]
    : [
        ['offense_date', c.offense_date],
        ['conviction_date', c.conviction_date],
        ['sentencing_date', c.sentencing_date],
      ];
  return dates.flatMap(([path, d]) =>
    d && d > evaluation
      ? [
          {
            path,
            code: 'dates.future',
            message: `${d} is after the evaluation date ${evaluation}: the law of a future date is not known`,
          },
        ]
      : [],
  );
}

/** Names the case field whose date the law data does not cover, and where the data starts or ends. */
export function lawGapProblem(e: LawGapError, c: Case, law: LawBook, asOf?: IsoDate): CaseProblem {
  const fields: [string, IsoDate | undefined][] = [
    ['as_of', asOf],
    ['offense_date', c.offense_date],
    ['conviction_date', c.conviction_date],
    ['sentencing_date', c.sentencing_date],
  ];
  const path = fields.find(([, d]) => d === e.date)?.[0] ?? 'offense_date';
  const values = law.params.get(e.parameter)?.values ?? [];
  const starts = values.map((v) => v.from).sort()[0];
  const ends = values.every((v) => v.to)
    ? values
        .map((v) => v.to as IsoDate)
        .sort()
        .at(-1)
    : undefined;
  const message =
    starts && e.date < starts
      ? `the law data starts ${starts} (${e.parameter}); ${e.date} is before it`
      : ends && e.date >= ends
        ? `the law data ends ${ends} (${e.parameter}); ${e.date} is after it`
        : `no value of ${e.parameter} is in force on ${e.date}`;
  return { path, code: 'law.gap', message };
}
