import type { LawView } from '../../law/reader.ts';
import { type Term, termGte } from '../../model/terms.ts';
import type { Trace } from '../trace.ts';
import type { Range } from './ussg-5g1-1.ts';

interface Floor {
  min_statutory_minimum_months: number;
  min_offense_level?: number;
  min_range_months?: Range;
}

/**
 * USSG 5C1.2(b): a floor for safety-valve cases whose statutory minimum is at least five years - a
 * minimum offense level in some Manuals, a minimum range in others. Returns the table range and the
 * guideline range after it.
 */
export function safetyValveFloor(
  tableRange: Range,
  statutoryMin: Term,
  offenseLevel: number,
  cell: (level: number) => Range | undefined,
  law: LawView,
  trace: Trace,
): { tableRange: Range; range: Range } {
  const floor = law.maybe<Floor>('us_fed.ussg.5c1_2b_floor');
  if (!floor || !termGte(statutoryMin, floor.value.min_statutory_minimum_months))
    return { tableRange, range: tableRange };
  trace.cite(floor);
  if (floor.value.min_offense_level !== undefined && offenseLevel < floor.value.min_offense_level) {
    const raised = cell(floor.value.min_offense_level) ?? tableRange;
    trace.add('guidelines.safety_valve_floor', 'info', [floor.law], { level: floor.value.min_offense_level });
    return { tableRange: raised, range: raised };
  }
  if (floor.value.min_range_months && !termGte(tableRange[0], floor.value.min_range_months[0])) {
    trace.add('guidelines.safety_valve_floor', 'info', [floor.law], { range: floor.value.min_range_months });
    return { tableRange, range: floor.value.min_range_months };
  }
  return { tableRange, range: tableRange };
}
