import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import type { Trace } from '../trace.ts';

export interface Acceptance {
  /** the reduction for a given offense level before acceptance (the worst case where the third level is open) */
  at(level: number): number;
  /** whether the third level (3E1.1(b)) applies at that level */
  thirdLevel(level: number): boolean;
  /** the Manual grants the third level only on a government motion (from the PROTECT Act) */
  needsMotion: boolean;
  /** the reduction if a government motion the case does not state is made (equal to `at` when none is open) */
  bestAt(level: number): number;
  law: string;
}

interface AcceptanceLaw {
  a: number;
  b: number;
  b_min_level: number | null;
  b_needs_government_motion: boolean;
}

/**
 * 3E1.1: two levels, and a third when the level before acceptance is high enough. From the PROTECT Act
 * (Apr. 30, 2003) the third level needs a government motion: stated in the case, it decides; not stated,
 * the level is left out (the worst case) and said to be open, so the guidelines show both bounds.
 */
export function acceptance(c: Case, law: LawView, trace: Trace): Acceptance | null {
  if (c.cooperation?.accepted_responsibility !== true) return null;
  const r = trace.cite(law.get<AcceptanceLaw>('us_fed.ussg.3e1_1'));
  const { a, b, b_min_level: minLevel, b_needs_government_motion: needsMotion } = r.value;
  const motion = c.cooperation?.acceptance_government_motion;
  const available = (level: number) => b !== 0 && minLevel !== null && level >= minLevel;
  const thirdLevel = (level: number) => available(level) && (!needsMotion || motion === true);
  const at = (level: number) => a + (thirdLevel(level) ? b : 0);
  const bestAt = (level: number) =>
    available(level) && needsMotion && motion === undefined ? a + b : at(level);
  return { at, bestAt, thirdLevel, needsMotion, law: r.law };
}
