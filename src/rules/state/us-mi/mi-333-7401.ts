import type { Resolved } from '../../../law/book.ts';
import { extend } from '../../../model/extend.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type StateCharge, StateRefusal, type WeightRow } from '../types.ts';
import { coveredGroups, heaviestRow, weightRows } from '../weights.ts';

export interface MiRow extends WeightRow {
  class: string | null;
}

/**
 * MCL 333.7401 (delivery, manufacture, possession with intent) and 333.7403 (possession): the maximum, and
 * before 2003-03-01 the mandatory minimum, by weight of the narcotic or cocaine (or marijuana for delivery).
 * The offense date decides (2002 PA 665-666 did not reach earlier offenses).
 */
export function mi333_7401(
  input: RuleInput,
  charge: StateCharge,
  trace: Trace,
): { row: Resolved<MiRow>; drug: string; grams: number; section: string } {
  const view = input.law.atOffense('state');
  const groups = trace.cite(view.get<Record<string, string[]>>('us_mi.mcl333_7401.drugs')).value;
  const section = charge.conduct === 'possession' ? 'mcl333_7403' : 'mcl333_7401';
  const rows = weightRows(view, `us_mi.${section}.penalty`) as Resolved<MiRow>[];
  const found = coveredGroups(groups, charge.drugs);
  const best = heaviestRow(view, rows, groups, charge.drugs, trace);
  if (!best)
    throw new StateRefusal('exposure.state.no_tier', {
      offense: section === 'mcl333_7403' ? 'MCL 333.7403' : 'MCL 333.7401',
      grams: found[0]?.grams ?? 0,
    });
  return extend(best, { section });
}
