import type { Term } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';
import type { ChargeResult } from './charge.ts';
import { statutory841 } from './csa-841b.ts';
import { statutory844 } from './csa-844.ts';

export type Tier = 'A' | 'B' | 'C' | 'D';

export interface StatutoryResult {
  offense: string;
  tier: Tier | null;
  row: string;
  min: Term;
  max: Term;
  minDays?: number;
  /** Qualifying priors assumed charged (851 information), and the best case if that is uncertain. */
  priorsUsed: number;
  /** A lower minimum that applies if undetermined facts go the person's way. */
  bestCaseMin?: Term;
  /** what the best case turns on: uncertain priors (the default) or a drug weight the case lacks */
  bestCaseIf?: 'priors' | 'weight';
  deathOrSbi: boolean;
  citations: string[];
  trace: Trace;
}

/** The statutory range of the offense charged: 844 for possession, 841(b) (and 846, same penalty) otherwise. */
export function statutoryRange(input: RuleInput, charge: ChargeResult): StatutoryResult {
  return charge.offense === 'usc21_844' ? statutory844(input, charge) : statutory841(input, charge);
}
