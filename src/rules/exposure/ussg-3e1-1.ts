import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import type { Trace } from '../trace.ts';

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
 * A class, not closures: it is made for every case that accepts responsibility, and its methods are shared.
 */
export class Acceptance {
  /** the Manual grants the third level only on a government motion (from the PROTECT Act) */
  readonly needsMotion: boolean;
  constructor(
    private readonly rule: AcceptanceLaw,
    private readonly motion: boolean | undefined,
    readonly law: string,
  ) {
    this.needsMotion = rule.b_needs_government_motion;
  }

  private available(level: number): boolean {
    return this.rule.b !== 0 && this.rule.b_min_level !== null && level >= this.rule.b_min_level;
  }

  /** whether the third level (3E1.1(b)) applies at that level */
  thirdLevel(level: number): boolean {
    return this.available(level) && (!this.needsMotion || this.motion === true);
  }

  /** the reduction for a given offense level before acceptance (the worst case where the third level is open) */
  at(level: number): number {
    return this.rule.a + (this.thirdLevel(level) ? this.rule.b : 0);
  }

  /** the reduction if a government motion the case does not state is made (equal to `at` when none is open) */
  bestAt(level: number): number {
    return this.available(level) && this.needsMotion && this.motion === undefined
      ? this.rule.a + this.rule.b
      : this.at(level);
  }
}

export function acceptance(c: Case, law: LawView, trace: Trace): Acceptance | null {
  if (c.cooperation?.accepted_responsibility !== true) return null;
  const r = trace.cite(law.get<AcceptanceLaw>('us_fed.ussg.3e1_1'));
  return new Acceptance(r.value, c.cooperation?.acceptance_government_motion, r.law);
}
