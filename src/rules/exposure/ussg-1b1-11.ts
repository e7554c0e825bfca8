import { LawGapError } from '../../law/errors.ts';
import type { CaseLaw } from '../../law/reader.ts';
import { type IsoDate, maxDate } from '../../model/dates.ts';
import { rangeAbove } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';
import type { GuidelineResult } from './guidelines.ts';

const CYCLE = 'us_fed.ussg.amendment_cycle';
const MID_CYCLE = 'us_fed.ussg.mid_cycle_amendments';
/** every parameter of the Guidelines Manual */
const GUIDELINES = 'us_fed.ussg';

/**
 * The Manual edition in force on a date: amendments take effect on the cycle date each year
 * (28 U.S.C. 994(p)), so the edition is the latest cycle date on or before it. Null before the
 * guidelines existed.
 *
 * A few amendments took effect between cycles (the PROTECT Act rewrote 3E1.1(b) from Apr. 30, 2003, in
 * the 2002 Manual's year). Such a date, listed in the law data, starts an edition of its own: the cycle's
 * Manual as so amended. Every rule then reads one date for the whole Manual (1B1.11(b)(2)), the ex post
 * facto comparison sees the amendment like any other, and a value dated from the mid-cycle date is simply
 * in force from it; nothing in the rules knows which amendments were mid-cycle.
 */
export function manualEdition(law: CaseLaw, date: IsoDate): IsoDate | null {
  const first = law.earliest(CYCLE);
  if (!first || date < first) return null;
  const view = law.at(date, 'guidelines');
  const cycle = view.get<{ month: number; day: number }>(CYCLE).value;
  const md = `${String(cycle.month).padStart(2, '0')}-${String(cycle.day).padStart(2, '0')}`;
  const year = Number(date.slice(0, 4));
  let edition = maxDate(date.slice(5) >= md ? `${year}-${md}` : `${year - 1}-${md}`, first);
  for (const mid of view.get<IsoDate[]>(MID_CYCLE).value) if (mid > edition && mid <= date) edition = mid;
  return edition;
}

/** 1B1.11(a): the Manual in force when sentenced; a case not yet sentenced would be sentenced now. */
export function sentencingManual(input: RuleInput): IsoDate | null {
  return manualEdition(
    input.law,
    input.dates.notYetSentenced ? input.dates.evaluation : input.dates.sentencing,
  );
}

/**
 * USSG 1B1.11: the Manual in force at sentencing, unless it gives a harsher range than the Manual in
 * force on the offense date (ex post facto); one Manual is applied as a whole.
 */
export function chooseManual(
  input: RuleInput,
  run: (manual: IsoDate) => GuidelineResult,
  trace: Trace,
): { manual: IsoDate | null; result: GuidelineResult | null } {
  const atSentencing = sentencingManual(input);
  if (input.dates.notYetSentenced && atSentencing)
    trace.add('guidelines.manual.not_yet_sentenced', 'info', ['USSG 1B1.11(a)'], {
      manual: atSentencing,
      evaluation: input.dates.evaluation,
    });
  const atOffense = manualEdition(input.law, input.dates.offense);
  if (!atOffense || !atSentencing) {
    trace.add(
      'guidelines.not_applicable_before_guidelines',
      'info',
      ['Sentencing Reform Act of 1984; USSG 1B1.11'],
      { offense: input.dates.offense },
    );
    return { manual: null, result: null };
  }
  const sentencing = run(atSentencing);
  // Two editions that differ in nothing the knowledge base holds give the same range: no ex post facto question.
  if (atOffense === atSentencing || input.law.sameFamily(GUIDELINES, atOffense, atSentencing)) {
    if (atOffense !== atSentencing)
      trace.add('guidelines.manual.sentencing_date_edition', 'info', ['USSG 1B1.11(a)'], {
        manual: atSentencing,
      });
    return { manual: atSentencing, result: sentencing };
  }
  let offense: GuidelineResult;
  try {
    offense = run(atOffense);
  } catch (e) {
    // The earlier Manual is not in the knowledge base: the ex post facto comparison cannot be made.
    if (!(e instanceof LawGapError)) throw e;
    trace.add('guidelines.manual.offense_edition_unavailable', 'warning', ['USSG 1B1.11(b)(1)'], {
      offense: atOffense,
      parameter: e.parameter,
    });
    return { manual: atSentencing, result: sentencing };
  }
  const s = sentencing.guidelines?.range_months;
  const o = offense.guidelines?.range_months;
  if (s && o && rangeAbove(s, o)) {
    trace.add(
      'guidelines.manual.offense_date_edition',
      'info',
      ['USSG 1B1.11(b)(1)', 'Peugh v. United States, 569 U.S. 530 (2013)'],
      { sentencing: atSentencing, offense: atOffense },
    );
    return { manual: atOffense, result: offense };
  }
  trace.add('guidelines.manual.sentencing_date_edition', 'info', ['USSG 1B1.11(a)'], {
    manual: atSentencing,
  });
  return { manual: atSentencing, result: sentencing };
}
