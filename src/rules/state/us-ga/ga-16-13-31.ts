import type { Resolved } from '../../../law/book.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import type { StateCharge, WeightRow } from '../types.ts';
import { traffickingByWeight } from '../weights.ts';

export interface Trafficking {
  drug: string;
  grams: number;
  row: Resolved<WeightRow>;
}

/**
 * O.C.G.A. 16-13-31: trafficking by weight alone - possession of the weight is enough, without proof of
 * selling. The heaviest tier reached across the charged drugs is the offense; none under a possession policy.
 */
export function ga16_13_31(input: RuleInput, charge: StateCharge, trace: Trace): Trafficking | undefined {
  return traffickingByWeight<WeightRow>(input.law.atOffense('state'), 'us_ga.ga16_13_31', charge, trace);
}

/**
 * 16-13-31(g) (since HB 1176): the judge may depart below the minimum on findings the case can show; the
 * lowest term is then the best case, never the default (the departure is discretionary).
 */
export function departureAvailable(input: RuleInput, felonyPriors: number, trace: Trace): boolean {
  const d = trace.cite(
    input.law.statute('state').get<{ in_force: boolean; requires?: string[] }>('us_ga.ga16_13_31.departure'),
  );
  if (!d.value.in_force) return false;
  const c = input.case.conduct;
  const met: Record<string, boolean> = {
    no_aggravating_role:
      !c.activities.some((a) => a === 'organized' || a === 'supervised') && (c.people_supervised ?? 0) === 0,
    no_weapon: (c.weapon ?? 'none') === 'none',
    no_death_or_injury: c.death_resulted !== true && c.serious_bodily_injury_resulted !== true,
    no_prior_felony: felonyPriors === 0,
  };
  const failed = (d.value.requires ?? []).filter((r) => met[r] !== true);
  trace.add(
    failed.length ? 'exposure.state.ga.departure_unavailable' : 'exposure.state.ga.departure_available',
    'info',
    [d.law],
    { failed },
  );
  return failed.length === 0;
}
