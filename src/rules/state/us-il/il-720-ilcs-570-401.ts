import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type Band, bandFor, missingWeight, splitCovered } from '../bands.ts';
import { type PenaltyRow, type StateCharge, StateRefusal } from '../types.ts';

export interface IlBand extends Band {
  class: string;
}

export interface IlOffense {
  section: '401' | '402';
  class: string;
  grams: number;
  /** the special 401(a)/402(a) range, when the band has one (otherwise the class range applies) */
  row: { id: string; law: string; value: PenaltyRow } | null;
  citation: string;
}

/**
 * 720 ILCS 570/401 (delivery or possession with intent) and 402 (possession): the class by aggregate weight
 * of heroin or cocaine; from 15 g the band carries its own range (Class X 6-60 years for delivery, Class 1
 * 4-50 years for possession).
 */
export function il570(input: RuleInput, charge: StateCharge, trace: Trace): IlOffense {
  const law = input.law.statute('state');
  const subs = trace.cite(law.get<string[]>('us_il.ilcs570_401.substances'));
  const { covered, left } = splitCovered(charge.drugs, (d) => subs.value.includes(d.substance));
  if (!covered.length) throw new StateRefusal('exposure.state.substance_not_covered', { substances: left });
  if (left.length)
    trace.add('exposure.state.substance_not_counted', 'warning', [subs.law], { substances: left });
  if (missingWeight(covered)) trace.add('exposure.state.weight_unknown', 'warning', [subs.law]);
  const section = charge.conduct === 'possession' ? '402' : '401';
  const unit = `us_il.ilcs570_${section}`;
  const bands = trace.cite(law.get<IlBand[]>(`${unit}.class_bands`));
  const grams = covered.reduce((s, d) => s + (d.grams ?? 0), 0);
  const band = bandFor(bands.value, grams);
  if (!band) throw new StateRefusal('exposure.state.no_tier', { offense: `720 ILCS 570/${section}`, grams });
  const row = band.penalty_row
    ? trace.cite(law.get<PenaltyRow>(`${unit}.penalty.${band.penalty_row}`))
    : null;
  trace.add('exposure.state.il.class_by_weight', 'info', [bands.law], { section, class: band.class, grams });
  return {
    section,
    class: band.class,
    grams,
    row: row ? { id: row.id, law: row.law, value: row.value } : null,
    citation: `720 ILCS 570/${section}`,
  };
}
