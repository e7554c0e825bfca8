import type { Resolved } from '../../../law/book.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type StateCharge, StateRefusal, type WeightRow } from '../types.ts';
import { gramsOf, inBand, rowFor, weightRows } from '../weights.ts';

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
  const rows = weightRows(view, 'us_fl.fl893_135.penalty') as Resolved<FlRow>[];
  let best: { drug: string; grams: number; row: Resolved<FlRow> } | undefined;
  for (const [drug, substances] of Object.entries(groups)) {
    const grams = gramsOf(charge.drugs, substances);
    const row = grams > 0 ? rows.find((r) => inBand(r.value, grams, drug)) : undefined;
    if (row && (!best || termRank(row.value) > termRank(best.row.value))) best = { drug, grams, row };
  }
  const unverified = trace.cite(
    view.get<Record<string, { substances: string[]; from_g: number }>>(
      'us_fl.fl893_135.tiers_without_verified_penalty',
    ),
  );
  for (const [drug, t] of Object.entries(unverified.value)) {
    const grams = gramsOf(charge.drugs, t.substances);
    if (grams >= t.from_g)
      throw new StateRefusal('exposure.state.trafficking_penalty_unverified', {
        drug,
        grams,
        threshold: t.from_g,
      });
  }
  if (!best) return undefined;
  const row = rowFor(view, rows, best.grams, trace, best.drug) as Resolved<FlRow>;
  trace.add('exposure.state.trafficking_by_weight', 'warning', [row.law], {
    drug: best.drug,
    grams: best.grams,
    threshold: row.value.from_g,
  });
  return { ...best, row };
}

const termRank = (r: WeightRow): number =>
  r.mandatory_months === 'life' ? Number.POSITIVE_INFINITY : r.mandatory_months;
