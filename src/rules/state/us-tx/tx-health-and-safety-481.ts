import type { Prior } from '../../../model/case.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type Band, bandFor, missingWeight, splitCovered } from '../bands.ts';
import { type PenaltyRow, type StateCharge, type StateCount, StateRefusal } from '../types.ts';

interface TxBand extends Band {
  degree: string;
}

export interface TxOffense {
  section: string;
  degree: string;
  grams: number;
  /** the band's own penalty row (481.112(e),(f), 481.115(f)), when it has one */
  ownRow: string | null;
}

/**
 * Tex. Health & Safety Code 481.112 (manufacture, delivery, possession with intent) and 481.115 (possession):
 * the degree of a Penalty Group 1 offense by aggregate weight including adulterants; a drug-free zone (481.134)
 * punishes a 481.112 offense one degree higher.
 */
export function tx481(input: RuleInput, charge: StateCharge, trace: Trace): TxOffense {
  const law = input.law.statute('state');
  const pg1 = trace.cite(law.get<string[]>('us_tx.hsc481_102.penalty_group_1'));
  const { covered, left } = splitCovered(charge.drugs, (d) => pg1.value.includes(d.substance));
  if (!covered.length) throw new StateRefusal('exposure.state.substance_not_covered', { substances: left });
  if (left.length)
    trace.add('exposure.state.substance_not_counted', 'warning', [pg1.law], { substances: left });
  if (missingWeight(covered)) trace.add('exposure.state.weight_unknown', 'warning', [pg1.law]);
  const unit = charge.conduct === 'possession' ? 'hsc481_115' : 'hsc481_112';
  const section = `Tex. Health & Safety Code ${unit === 'hsc481_115' ? '481.115' : '481.112'}`;
  const bands = trace.cite(law.get<TxBand[]>(`us_tx.${unit}.degree_bands`));
  const grams = covered.reduce((s, d) => s + (d.grams ?? 0), 0);
  const band = bandFor(bands.value, grams);
  if (!band) throw new StateRefusal('exposure.state.no_tier', { offense: section, grams });
  trace.add('exposure.state.tx.degree', 'info', [bands.law], { section, grams, degree: band.degree });
  let degree = band.degree;
  let ownRow = band.penalty_row ? `us_tx.${unit}.penalty.${band.penalty_row}` : null;
  if (input.case.conduct.school_zone === true && charge.conduct !== 'possession') {
    const zone = trace.cite(law.get<Record<string, string | null>>('us_tx.hsc481_134.zone'));
    const up = zone.value[degree];
    if (up) {
      degree = up;
      ownRow = null;
      trace.add('exposure.state.tx.drug_free_zone', 'warning', [zone.law], { degree });
    } else
      trace.add('exposure.state.not_modelled', 'warning', [zone.law], {
        rule: '481.134(c) raised minimum for a first-degree offense in a zone',
      });
  }
  return { section, degree, grams, ownRow };
}

/**
 * Tex. Penal Code 12.42 / 12.425: one prior felony punishes the offense one degree higher (a first-degree
 * felony from 15 years); two prior felonies in sequence make a habitual offender (25-99 years or life); a state
 * jail felony after two prior felonies is punished as a second-degree felony (12.425(b)). Sequence - the second
 * prior committed after the first became final - is read from the prior dates, and said.
 */
export function tx12_42(
  input: RuleInput,
  o: TxOffense,
  priors: readonly Prior[],
  trace: Trace,
): { id: string; enhancement: string | null } {
  const law = input.law.statute('state');
  const felonies = [...new Set(priors.filter((p) => p.felony).map((p) => p.date))];
  const base = o.ownRow ?? `us_tx.pc12.penalty.${o.degree}`;
  if (!felonies.length) return { id: base, enhancement: null };
  if (o.degree === 'SJF') {
    if (felonies.length < 2) return { id: base, enhancement: null };
    const r = trace.cite(law.get<{ punished_as: string } | null>('us_tx.pc12_425.two_prior_felonies'));
    if (r.value === null) throw new StateRefusal('exposure.state.value_unverified', { parameter: r.id });
    trace.add('exposure.state.tx.one_prior', 'critical', [r.law], { as: r.value.punished_as });
    return { id: `us_tx.pc12.penalty.${r.value.punished_as}`, enhancement: 'tx_12_425_b' };
  }
  if (felonies.length >= 2) {
    trace.add('exposure.state.tx.habitual', 'critical', [], { priors: felonies.length });
    return { id: 'us_tx.pc12_42.penalty.habitual', enhancement: 'tx_12_42_d' };
  }
  const one = trace.cite(law.get<Record<string, string>>('us_tx.pc12_42.one_prior'));
  const to = one.value[o.degree];
  if (!to) return { id: base, enhancement: null };
  if (o.ownRow) {
    trace.add('exposure.state.not_modelled', 'warning', [one.law], {
      rule: '12.42 on a 481.112(e),(f) or 481.115(f) range',
    });
    return { id: base, enhancement: null };
  }
  trace.add('exposure.state.tx.one_prior', 'critical', [one.law], { as: to });
  return {
    id: to.startsWith('F') ? `us_tx.pc12.penalty.${to}` : `us_tx.pc12_42.penalty.${to}`,
    enhancement: 'tx_12_42',
  };
}

export function txCount(input: RuleInput, o: TxOffense, id: string, trace: Trace): StateCount {
  const r = trace.cite(input.law.statute('state').get<PenaltyRow>(id));
  return {
    citation: `${o.section}, punished under ${r.law}`,
    description: `${o.section.endsWith('481.115') ? 'possession' : 'manufacture, delivery or possession with intent to deliver'} of a Penalty Group 1 substance (${o.degree})`,
    kind: 'offense',
    row: id.split('.').at(-1) ?? id,
    penalty: r.value,
    consecutive: true,
  };
}
