import type { Case } from '../../model/case.ts';
import { type Term, termGte } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';

/** A government motion: filed, not filed, or not known (null: both bounds are shown). */
export type Motion = boolean | null;

export interface Motions {
  /** USSG 5K1.1: a departure below the guideline range */
  guideline: Motion;
  /** 18 U.S.C. 3553(e): a sentence below a statutory minimum */
  statutory: Motion;
  /** whether the case says anything about the motions (otherwise none is assumed, as in most cases) */
  stated: boolean;
}

/** One motion as stated, else as `substantial_assistance` states both (a function, not a closure per case). */
function motionOf(v: boolean | 'unknown' | undefined, both: boolean | undefined): Motion {
  return v === 'unknown' ? null : (v ?? both ?? false);
}

/**
 * The motions the case states. The older `substantial_assistance` field stands for both motions (as the
 * Commission's records code a substantial-assistance departure); a motion named on its own wins over it.
 */
export function motionsOf(c: Case): Motions {
  const co = c.cooperation;
  const both = co?.substantial_assistance;
  return {
    guideline: motionOf(co?.motion_5k1_1, both),
    statutory: motionOf(co?.motion_3553e, both),
    stated: both !== undefined || co?.motion_5k1_1 !== undefined || co?.motion_3553e !== undefined,
  };
}

export interface BelowMinimum {
  /** the mandatory prison term left after a 3553(e) motion (the worst case when the motion is not known) */
  minimum: Term;
  /** whether the minimum still binds: false once a 3553(e) motion is filed, null when that is not known */
  binds: boolean | null;
  citations: string[];
}

/**
 * 18 U.S.C. 3553(e): only on the government's motion may the court go below a statutory minimum (the drug
 * minimum and a 924(c) term alike). How far below is the court's judgment, not law: the engine says only
 * that the minimum no longer binds, so the least term the law requires is none.
 */
export function belowMinimum(input: RuleInput, motion: Motion, minimum: Term, trace: Trace): BelowMinimum {
  const e = input.law.statute('statute').get<boolean>('us_fed.usc18_3553e.below_minimum_on_motion');
  const binds = !e.value ? true : motion === null ? null : !motion;
  if (binds === true || !termGte(minimum, 1)) return { minimum, binds, citations: [] };
  trace.cite(e);
  if (binds === null) {
    trace.add('exposure.substantial_assistance.undetermined', 'warning', [e.law], {
      minimum,
      missing: 'cooperation.motion_3553e',
    });
    return { minimum, binds, citations: [e.law] };
  }
  trace.add('exposure.substantial_assistance', 'info', [e.law], { minimum });
  return { minimum: 0, binds, citations: [e.law] };
}
