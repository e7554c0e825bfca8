import type { Prior } from '../../../model/case.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { missingWeight, splitCovered } from '../bands.ts';
import { type PenaltyRow, type StateCharge, type StateCount, StateRefusal } from '../types.ts';

type Kind = 'narcotic' | 'dangerous' | 'methamphetamine';

/** A penalty row of law/us-az/ with the presumptive term and flat-time marker kept beside the range. */
export interface AzRow extends PenaltyRow {
  presumptive_months?: number;
  flat_time?: boolean;
}

interface Prop200 {
  max_prior_possession_convictions: number;
  excluded_substances: string[];
}

export interface AzOffense {
  count: StateCount;
  class: string;
  flatTime: boolean;
  repetitive: number;
}

function row(input: RuleInput, id: string, trace: Trace) {
  const r = trace.cite(input.law.statute('state').get<AzRow | null>(id));
  if (r.value === null) throw new StateRefusal('exposure.state.value_unverified', { parameter: r.id });
  return { ...r, value: r.value };
}

/** Whether any covered drug reaches its threshold amount (13-3401(36), law/us-az/presumption-of-sale.yaml). */
function atThreshold(input: RuleInput, drugs: StateCharge['drugs'], trace: Trace): boolean {
  const view = input.law.atOffense('state');
  let reached = false;
  for (const d of drugs) {
    const t = view.maybe<{ grams?: number }>(`us_az.presumption_of_sale.${d.substance}`);
    if (!t || t.value.grams === undefined) {
      trace.add('exposure.state.az.threshold_unknown', 'warning', t ? [t.law] : [], { drug: d.substance });
      continue;
    }
    trace.cite(t);
    if ((d.grams ?? 0) >= t.value.grams) {
      trace.add('exposure.state.az.threshold_reached', 'critical', [t.law], {
        drug: d.substance,
        grams: d.grams,
        threshold: t.value.grams,
      });
      reached = true;
    }
  }
  return reached;
}

/**
 * A.R.S. 13-3407 / 13-3408: possession (class 4) or possession for sale, sale or transport (class 2) of a
 * narcotic or dangerous drug. Sale at or above the threshold amount is prison only; methamphetamine sale has its
 * own range (13-3407(E)); a first or second personal possession gets probation (Prop 200, not methamphetamine);
 * historical prior felonies make a repetitive offender (13-703).
 */
export function az3407(
  input: RuleInput,
  charge: StateCharge,
  priors: readonly Prior[],
  trace: Trace,
): AzOffense {
  const law = input.law.statute('state');
  const kinds = trace.cite(law.get<Record<string, Kind>>('us_az.ars13_3401.drug_kind'));
  const { covered, left } = splitCovered(charge.drugs, (d) => kinds.value[d.substance] !== undefined);
  if (!covered.length) throw new StateRefusal('exposure.state.substance_not_covered', { substances: left });
  if (left.length)
    trace.add('exposure.state.substance_not_counted', 'warning', [kinds.law], { substances: left });
  if (missingWeight(covered)) trace.add('exposure.state.weight_unknown', 'warning', [kinds.law]);
  const classes = trace.cite(law.get<{ possession: string; sale: string }>('us_az.ars13_3407.class'));
  const meth = covered.some((d) => kinds.value[d.substance] === 'methamphetamine');
  const historical = priors.filter((p) => p.felony).length;
  const category = historical === 0 ? null : historical === 1 ? 'two' : 'three';
  if (category) trace.add('exposure.state.az.repetitive', 'warning', [], { priors: historical, category });
  let id: string;
  let cls: string;
  if (charge.conduct === 'possession') {
    cls = classes.value.possession;
    const p200 = trace.cite(law.get<Prop200>('us_az.ars13_901_01.eligibility'));
    const possessionPriors = priors.filter((p) => p.kind === 'drug_possession').length;
    const excluded = covered.some((d) => p200.value.excluded_substances.includes(d.substance));
    if (!excluded && possessionPriors <= p200.value.max_prior_possession_convictions) {
      trace.add('exposure.state.az.prop_200', 'info', [p200.law]);
      id = 'us_az.ars13_3408.penalty.possession_prop200';
    } else
      id = category
        ? `us_az.ars13_703.penalty.class_${cls}_category_${category}`
        : `us_az.ars13_702.penalty.class_${cls}`;
  } else {
    cls = classes.value.sale;
    if (meth) {
      trace.add('exposure.state.az.methamphetamine_sale', 'critical', []);
      id = `us_az.ars13_3407.penalty.methamphetamine_sale_${historical === 0 ? 'first' : historical === 1 ? 'one_prior' : 'two_priors'}`;
    } else if (category) id = `us_az.ars13_703.penalty.class_${cls}_category_${category}`;
    else
      id = atThreshold(input, covered, trace)
        ? 'us_az.ars13_3408.penalty.sale_at_threshold_first'
        : `us_az.ars13_702.penalty.class_${cls}`;
  }
  const r = row(input, id, trace);
  const section = meth ? '13-3407' : '13-3408';
  return {
    count: {
      citation: r.law,
      description: `${charge.conduct === 'possession' ? 'possession' : 'possession for sale, sale or transport'} of a ${meth ? 'dangerous drug (methamphetamine)' : 'narcotic or dangerous drug'} (A.R.S. ${section}, class ${cls})`,
      kind: 'offense',
      row: id.split('.').at(-1) ?? id,
      penalty: r.value,
      consecutive: true,
    },
    class: cls,
    flatTime: r.value.flat_time === true,
    repetitive: historical,
  };
}
