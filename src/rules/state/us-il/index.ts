import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { drugInducedHomicide, withDelivery } from '../drug-induced-homicide.ts';
import { enhancingPriors } from '../priors.ts';
import { releaseRule } from '../sentence.ts';
import type { PenaltyRow, StateCharge, StateCount, StateEngine, StateSentence } from '../types.ts';
import { type IlOffense, il570 } from './il-720-ilcs-570-401.ts';
import { classRow, type IlRecidivism, il95 } from './il-730-ilcs-5-4-5-95.ts';

const DIH = { statute: 'us_il.drug_induced_homicide.drug_induced_homicide', unit: 'us_il.ilcs5_9_3_3' };

/**
 * 720 ILCS 5/33A: a drug felony committed while armed is armed violence, Class X with a 15-year minimum for a
 * Category I weapon. The contract does not say the weapon's category: Category I (a handgun) is assumed, and
 * said. Only the current text is in the knowledge base; for earlier offense dates it is said, not applied.
 */
function armedViolence(input: RuleInput, trace: Trace): StateCount | undefined {
  const weapon = input.case.conduct.weapon ?? 'none';
  if (weapon === 'none') return undefined;
  if (weapon === 'nearby') {
    trace.add('exposure.state.firearm_reach_undetermined', 'warning', [], { weapon });
    return undefined;
  }
  const r = input.law.atOffense('state').maybe<PenaltyRow>('us_il.ilcs5_33a.penalty.category_I');
  if (!r) {
    trace.add('exposure.state.not_in_knowledge_base_on_date', 'warning', [], {
      rule: '720 ILCS 5/33A-3 (armed violence)',
      date: input.dates.offense,
    });
    return undefined;
  }
  trace.cite(r);
  trace.add('exposure.state.il.armed_violence', 'critical', [r.law], { min: r.value.min_months, weapon });
  return {
    citation: r.law,
    description: 'armed violence (a drug felony while armed; Category I weapon assumed)',
    kind: 'offense',
    row: 'category_I',
    penalty: r.value,
    consecutive: true,
  };
}

/**
 * Illinois has no grid: the class by weight (401/402), a range of its own from 15 g, the recidivist rules of
 * 5-4.5-95 and 5-5-3.2(b)(1), armed violence for a drug felony while armed, and drug-induced homicide (9-3.3)
 * when a death resulted from a delivery.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_il', trace);
  const dih = drugInducedHomicide(input, charge, DIH, trace);
  const seen: { drug?: IlOffense; rec?: IlRecidivism; armed?: boolean } = {};
  const delivery = (): StateCount => {
    const drug = il570(input, charge, trace);
    seen.drug = drug;
    const armed = armedViolence(input, trace);
    if (armed) {
      seen.armed = true;
      return armed;
    }
    const rec = il95(input, drug.class, priors, trace);
    seen.rec = rec;
    if (rec.naturalLife) {
      const r = trace.cite(
        input.law.statute('state').get<PenaltyRow>('us_il.ucc5_4_5_95.penalty.natural_life'),
      );
      return {
        citation: r.law,
        description: 'habitual criminal',
        kind: 'offense',
        row: 'natural_life',
        penalty: r.value,
        consecutive: true,
      };
    }
    const cls = rec.sentenceAs ?? drug.class;
    const own = rec.sentenceAs ? null : drug.row;
    const base = own ?? classRow(input, cls, trace);
    let penalty = base.value;
    if (rec.extended) {
      if (own)
        trace.add('exposure.state.not_modelled', 'warning', [own.law], {
          rule: 'extended term on a 401(a)/402(a) range',
        });
      else {
        const ext = trace.cite(
          input.law
            .statute('state')
            .get<{ min_months: number; max_months: number }>(`us_il.ucc5_4_5.extended.class_${cls}`),
        );
        penalty = { ...penalty, max_months: ext.value.max_months };
      }
    }
    return {
      citation: own ? own.law : `${drug.citation}, sentenced under ${base.law}`,
      description: `${charge.conduct === 'possession' ? 'possession' : 'delivery or possession with intent to deliver'} of a controlled substance (Class ${cls})`,
      kind: 'offense',
      row: own ? (own.id.split('.').at(-1) ?? cls) : `class_${cls}`,
      penalty,
      consecutive: true,
    };
  };
  const counts = withDelivery(dih, delivery, trace);
  const offense = counts[0] as StateCount;
  const drugClass = seen.armed ? 'X' : (seen.rec?.sentenceAs ?? seen.drug?.class ?? null);
  return {
    offense: {
      citation: offense.citation,
      description: offense.description,
      conduct: charge.conduct,
      class: offense === dih ? 'X' : drugClass,
      tier: seen.drug?.row ? (seen.drug.row.id.split('.').at(-1) ?? null) : null,
    },
    counts,
    enhancements: seen.rec?.enhancements ?? [],
    grid: null,
    release: releaseRule(input, 'us_il', 'il_release', trace),
  };
}

export const illinois: StateEngine = { jurisdiction: 'US-IL', sentence };
