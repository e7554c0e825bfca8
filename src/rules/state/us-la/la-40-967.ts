import type { Resolved } from '../../../law/book.ts';
import { extend } from '../../../model/extend.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type StateCharge, StateRefusal, type WeightRow } from '../types.ts';
import { coveredGroups, heaviestRow, inBand, weightRows } from '../weights.ts';

/**
 * La. R.S. 40:966 (heroin) and 40:967 (cocaine, methamphetamine and other Schedule II): the range by conduct,
 * substance and, since Act 281 (offenses on or after 2017-08-01), weight. Large-amount possession under the
 * former 967(F) is trafficking by weight. A row whose penalty is not verified is refused.
 */
export function la40_967(
  input: RuleInput,
  charge: StateCharge,
  trace: Trace,
): { row: Resolved<WeightRow>; drug: string; grams: number; trafficking: boolean } {
  const view = input.law.atOffense('state');
  const groups = trace.cite(view.get<Record<string, string[]>>('us_la.la40_967.drugs')).value;
  const kind = charge.conduct === 'possession' ? 'possession' : 'distribution';
  const rows = [
    ...weightRows(view, 'us_la.la40_967.penalty'),
    ...weightRows(view, 'us_la.la40_966.penalty'),
  ].filter((r) => r.id.split('.').at(-1)?.startsWith(kind));
  const found = coveredGroups(groups, charge.drugs);
  // A reached row whose penalty is not verified is refused before the heaviest is chosen.
  for (const f of found) {
    const r = rows.find((x) => inBand(x.value, f.grams, f.drug));
    if (r && (r.value.min_months === null || r.value.max_months === null)) {
      trace.cite(view.use(r));
      throw new StateRefusal('exposure.state.penalty_unverified', { parameter: r.id });
    }
  }
  const best = heaviestRow(view, rows, groups, charge.drugs, trace);
  if (!best)
    throw new StateRefusal('exposure.state.no_tier', {
      offense: 'La. R.S. 40:966-967',
      grams: found[0]?.grams ?? 0,
    });
  const row = best.row;
  const trafficking = kind === 'possession' && row.value.mandatory_months !== 0;
  if (trafficking)
    trace.add('exposure.state.trafficking_by_weight', 'warning', [row.law], {
      drug: best.drug,
      grams: best.grams,
      threshold: row.value.from_g,
    });
  return extend(best, { row, trafficking });
}
