import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import type { Trace } from '../trace.ts';

export interface Acceptance {
  /** the reduction for a given offense level before acceptance */
  at(level: number): number;
  /** whether the third level (3E1.1(b)) is available at that level */
  thirdLevel(level: number): boolean;
  law: string;
}

/** 3E1.1: two levels, and a third when the level before acceptance is high enough (and the government moves). */
export function acceptance(c: Case, law: LawView, trace: Trace): Acceptance | null {
  if (c.cooperation?.accepted_responsibility !== true) return null;
  const r = trace.cite(law.get<{ a: number; b: number; b_min_level: number }>('us_fed.ussg.3e1_1'));
  const thirdLevel = (level: number) => level >= r.value.b_min_level;
  return { at: (level) => r.value.a + (thirdLevel(level) ? r.value.b : 0), thirdLevel, law: r.law };
}
