import type { Resolved } from '../../../law/book.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import type { StateCharge, WeightRow } from '../types.ts';
import { traffickingByWeight } from '../weights.ts';

export interface FlRow extends WeightRow {
  class: string;
  cpc_level: number | null;
}

/**
 * Fla. Stat. 893.135: trafficking by weight alone (possession of the weight suffices), tiers by offense date
 * (CS/SB 360 moved oxycodone and hydrocodone to their own tiers from 2014-07-01, not retroactively). A weight
 * whose trafficking penalty is not verified is refused, never guessed.
 */
export function fl893_135(
  input: RuleInput,
  charge: StateCharge,
  trace: Trace,
): { drug: string; grams: number; row: Resolved<FlRow> } | undefined {
  return traffickingByWeight<FlRow>(input.law.atOffense('state'), 'us_fl.fl893_135', charge, trace, true);
}
