import type { AppliedDates, CaseLaw } from '../law/reader.ts';
import type { Exposure, RoleResult } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';

export type { AppliedDates } from '../law/reader.ts';

/** Everything a rule may read. Rules are pure: no clock, no I/O, no randomness; the law only through `law`. */
export interface RuleInput {
  case: Case;
  law: CaseLaw;
  dates: AppliedDates;
  /**
   * false in bulk mode: a rule may skip what only an explanation shows (reasons, the values of findings,
   * prose). No number may depend on it (tests/engine-modes.test.ts). Absent means true.
   */
  explain?: boolean;
}

/** Later rules (screen, consequences, mismatch flags) also see what earlier rules decided. */
export interface RuleInputWithResults extends RuleInput {
  role: RoleResult | null;
  exposure: Exposure | null;
}
