import type { Resolved } from '../../../law/book.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type PenaltyRow, type StateCharge, StateRefusal } from '../types.ts';
import { gramsOf } from '../weights.ts';

export interface FlPenalty extends PenaltyRow {
  class: string;
  cpc_level: number | null;
}

interface Groups {
  second_degree: string[];
  third_degree: string[];
  possession: string[];
}

/**
 * Fla. Stat. 893.13: sale, delivery or possession with intent - second degree for cocaine-type substances,
 * third degree for cannabis-type, first degree with a 3-year minimum near a school (cocaine-type); possession
 * a third-degree felony, 20 g of cannabis or less a misdemeanor.
 */
export function fl893_13(
  input: RuleInput,
  charge: StateCharge,
  trace: Trace,
): { row: Resolved<FlPenalty>; name: string; description: string } {
  const law = input.law.statute('state');
  const g = trace.cite(law.get<Groups>('us_fl.fl893_13.groups')).value;
  const subs = charge.drugs.map((d) => d.substance);
  const read = (name: string, description: string) => ({
    row: trace.cite(law.get<FlPenalty>(`us_fl.fl893_13.penalty.${name}`)),
    name,
    description,
  });
  if (charge.conduct === 'possession') {
    const covered = charge.drugs.filter((d) => g.possession.includes(d.substance));
    if (!covered.length) throw new StateRefusal('exposure.state.substance_not_covered', { substances: subs });
    const onlyCannabis = covered.every((d) => d.substance === 'marijuana');
    const limit = trace.cite(law.get<number>('us_fl.fl893_13.cannabis_misdemeanor_max_g'));
    if (onlyCannabis && gramsOf(covered, ['marijuana']) <= limit.value)
      return read('possession_cannabis_misdemeanor', 'possession of 20 g of cannabis or less');
    return read('possession', 'possession of a controlled substance');
  }
  const second = subs.some((s) => g.second_degree.includes(s));
  if (second && input.case.conduct.school_zone === true) {
    trace.add('exposure.state.school_zone_count', 'warning', [], { max: 'first-degree felony' });
    return read('school_zone', 'sale or possession with intent within 1,000 feet of a school');
  }
  if (second) return read('sale_second_degree', 'sale, delivery or possession with intent to sell');
  if (subs.some((s) => g.third_degree.includes(s)))
    return read('sale_third_degree', 'sale, delivery or possession with intent to sell');
  throw new StateRefusal('exposure.state.substance_not_covered', { substances: subs });
}
