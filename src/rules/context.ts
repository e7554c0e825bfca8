import type { CaseDates, LawBook } from '../law/book.ts';
import type { Exposure, RoleResult } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';

/** The dates a case is assessed under (see src/engine/dates.ts for how they are chosen). */
export interface AppliedDates extends CaseDates {
  /** The day the assessment is made: consequences and "today" scenarios read the law on this date. */
  evaluation: IsoDate;
}

/** Everything a rule may read. Rules are pure: no clock, no I/O, no randomness. */
export interface RuleInput {
  case: Case;
  law: LawBook;
  dates: AppliedDates;
}

/** Later rules (screen, consequences, mismatch flags) also see what earlier rules decided. */
export interface RuleInputWithResults extends RuleInput {
  role: RoleResult | null;
  exposure: Exposure | null;
}
