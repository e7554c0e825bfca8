import type { Resolved } from '../../../law/book.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import type { StateCharge, WeightRow } from '../types.ts';
import { heaviestRow, refuseUnverifiedWeights, weightRows } from '../weights.ts';

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
  if (charge.policy === 'possession') return undefined;
  const view = input.law.atOffense('state');
  const groups = trace.cite(view.get<Record<string, string[]>>('us_fl.fl893_135.drugs')).value;
  refuseUnverifiedWeights(view, 'us_fl.fl893_135.tiers_without_verified_penalty', charge.drugs, trace);
  const rows = weightRows(view, 'us_fl.fl893_135.penalty') as Resolved<FlRow>[];
  const best = heaviestRow(view, rows, groups, charge.drugs, trace);
  if (best)
    trace.add('exposure.state.trafficking_by_weight', 'warning', [best.row.law], {
      drug: best.drug,
      grams: best.grams,
      threshold: best.row.value.from_g,
    });
  return best;
}
