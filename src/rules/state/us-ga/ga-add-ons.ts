import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import type { PenaltyRow, StateConduct, StateCount } from '../types.ts';

/**
 * O.C.G.A. 16-11-106: a firearm on or within arm's reach during a felony drug offense adds a consecutive term.
 * A weapon only "nearby" may or may not be within arm's reach: said, not counted.
 */
export function ga16_11_106(input: RuleInput, trace: Trace): StateCount | undefined {
  const weapon = input.case.conduct.weapon ?? 'none';
  if (weapon === 'none') return undefined;
  const r = trace.cite(input.law.statute('state').get<PenaltyRow>('us_ga.ga16_11_106.penalty.first'));
  if (weapon === 'nearby') {
    trace.add('exposure.state.firearm_reach_undetermined', 'warning', [r.law], { weapon });
    return undefined;
  }
  trace.add('exposure.state.firearm_consecutive', 'critical', [r.law], { months: r.value.min_months });
  return {
    citation: r.law,
    description: 'possession of a firearm during a felony drug offense',
    kind: 'firearm',
    row: 'first',
    penalty: r.value,
    consecutive: true,
  };
}

/** O.C.G.A. 16-13-32.4: distribution or intent within a school zone is a separate, consecutive offense. */
export function ga16_13_32_4(input: RuleInput, conduct: StateConduct, trace: Trace): StateCount | undefined {
  if (input.case.conduct.school_zone !== true || conduct === 'possession') return undefined;
  const law = input.law.statute('state');
  const on = trace.cite(law.get<boolean>('us_ga.ga16_13_32_4.in_force'));
  if (!on.value) return undefined;
  const r = trace.cite(law.get<PenaltyRow>('us_ga.ga16_13_32_4.penalty.first'));
  trace.add('exposure.state.school_zone_count', 'warning', [r.law], { max: r.value.max_months });
  return {
    citation: r.law,
    description: 'distribution or possession with intent within 1,000 feet of a school',
    kind: 'school_zone',
    row: 'first',
    penalty: r.value,
    consecutive: true,
  };
}
