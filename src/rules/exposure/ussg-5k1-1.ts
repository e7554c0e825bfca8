import type { LawView } from '../../law/reader.ts';
import { type Term, termGte } from '../../model/terms.ts';
import type { Trace } from '../trace.ts';
import type { Motions } from './substantial-assistance.ts';

export interface RangeFloor {
  /** whether the guideline range's floor still binds: false on a 5K1.1 motion, null when that is not known */
  binds: boolean | null;
  law: string | null;
}

/**
 * 5K1.1: on the government's motion the court may depart below the guideline range; the extent is the
 * court's (5K1.1(a)), so no number is given. A statutory minimum still binds unless 3553(e) is also moved
 * (Melendez).
 */
export function rangeFloor(
  motions: Motions,
  g: { range: readonly [Term, Term]; tableRange: readonly [Term, Term] },
  minimum: Term,
  law: LawView,
  trace: Trace,
): RangeFloor {
  // 5G1.1(b)-(c): a floor the statutory minimum raised goes with the minimum once 3553(e) is moved.
  const raisedByMinimum = g.range[0] !== g.tableRange[0] && termGte(g.range[0], g.tableRange[0]);
  if (motions.guideline === false && !(motions.statutory === true && raisedByMinimum))
    return { binds: true, law: null };
  const r = trace.cite(
    law.get<{ departure_on_motion: boolean; below_minimum_needs_3553e: boolean }>('us_fed.ussg.5k1_1'),
  );
  if (motions.guideline === false) {
    trace.add('guidelines.substantial_assistance.minimum_floor', 'info', [r.law], { range: g.range });
    return { binds: false, law: r.law };
  }
  if (!r.value.departure_on_motion) return { binds: true, law: r.law };
  if (motions.guideline === null) {
    trace.add('guidelines.substantial_assistance.undetermined', 'warning', [r.law], {
      range: g.range,
      missing: 'cooperation.motion_5k1_1',
    });
    return { binds: null, law: r.law };
  }
  trace.add('guidelines.substantial_assistance.departure', 'info', [r.law], { range: g.range });
  if (r.value.below_minimum_needs_3553e && motions.statutory !== true && termGte(minimum, 1))
    trace.add('guidelines.substantial_assistance.minimum_still_binds', 'info', [r.law], { minimum });
  return { binds: false, law: r.law };
}
