import type { Resolved } from '../../law/book.ts';
import { LawGapError } from '../../law/errors.ts';
import { extend } from '../../model/extend.ts';
import { type Term, termGte } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { Trace } from '../trace.ts';
import { type PenaltyRow, type StateCharge, type StateCount, StateRefusal } from './types.ts';

/** A state's drug-induced homicide statute as filed in consequences.yaml (us_xx.drug_induced_homicide.*). */
interface DihStatute {
  exists: boolean;
  citation: string;
  classification: string;
  penalty_min_years: number | null;
  penalty_max_years: number | 'life' | null;
}

/** Where a state's statute and its sentencing facts live in law/us-xx/. */
export interface DihUnit {
  /** the consequences parameter (patched by the dih-repealed scenario) */
  statute: string;
  /** `<unit>.probation` and `<unit>.substances` (sentencing facts the consequences file does not carry) */
  unit: string;
}

const months = (years: number | 'life'): Term => (years === 'life' ? 'life' : years * 12);

/**
 * Drug-induced homicide as the offense of conviction: when a death resulted from drugs the person delivered,
 * the range of the state's statute as in force on the offense date - never a later, harsher statute (a statute
 * enacted after the conduct does not reach it). Undefined when no death resulted, the conduct was not a
 * delivery, the substance is outside the statute, or no statute existed on that date (then the drug offense
 * itself is sentenced, and the finding says why).
 */
export function drugInducedHomicide(
  input: RuleInput,
  charge: StateCharge,
  dih: DihUnit,
  trace: Trace,
): StateCount | undefined {
  if (input.case.conduct.death_resulted !== true) return undefined;
  const view = input.law.atOffense('state');
  const s = view.maybe<DihStatute | null>(dih.statute);
  if (!s || s.value === null || s.value.exists !== true) {
    trace.add('exposure.state.dih.not_in_force', 'info', s ? [s.law] : [], {
      offense_date: input.dates.offense,
    });
    return undefined;
  }
  trace.cite(s);
  if (charge.conduct === 'possession') {
    trace.add('exposure.state.dih.requires_delivery', 'info', [s.law]);
    return undefined;
  }
  const covered = trace.cite(view.get<string[]>(`${dih.unit}.substances`));
  if (!charge.drugs.some((d) => covered.value.includes(d.substance))) {
    trace.add('exposure.state.dih.substance_outside', 'info', [covered.law], {
      substances: charge.drugs.map((d) => d.substance),
    });
    return undefined;
  }
  const probation = trace.cite(view.get<boolean | null>(`${dih.unit}.probation`));
  const row = penaltyOf(s as Resolved<DihStatute>, probation.value);
  trace.add('exposure.state.dih.charged', 'critical', [s.law, probation.law], {
    citation: s.value.citation,
    min: row.min_months,
    max: row.max_months ?? 'not verified',
  });
  return {
    citation: s.law,
    description: `drug-induced homicide (${s.value.classification})`,
    kind: 'offense',
    row: 'drug_induced_homicide',
    penalty: row,
    consecutive: true,
  };
}

function penaltyOf(s: Resolved<DihStatute>, probation: boolean | null): PenaltyRow {
  if (s.value.penalty_min_years === null)
    throw new StateRefusal('exposure.state.value_unverified', {
      parameter: s.id,
      field: 'penalty_min_years',
    });
  const min = months(s.value.penalty_min_years);
  return {
    min_months: min,
    max_months: s.value.penalty_max_years === null ? null : months(s.value.penalty_max_years),
    mandatory_months: probation === false ? min : 0,
    probation,
  };
}

/**
 * The counts when a death resulted: drug-induced homicide and the delivery itself, served concurrently; the one
 * with the higher maximum is the offense of conviction (a delivery tier can exceed the homicide range, as
 * Illinois's 100 g tiers do), the homicide on a tie or when the delivery's maximum is unknown. Without a homicide
 * count, the delivery alone; a delivery the engine cannot sentence leaves the homicide alone (the refusal of the
 * lesser count does not hide the greater one).
 */
export function withDelivery(
  dih: StateCount | undefined,
  delivery: () => StateCount,
  trace: Trace,
): StateCount[] {
  if (!dih) return [delivery()];
  let other: StateCount;
  try {
    other = delivery();
  } catch (e) {
    if (e instanceof StateRefusal || e instanceof LawGapError) {
      trace.add('exposure.state.dih.delivery_not_sentenced', 'info', [], {
        reason: e instanceof StateRefusal ? e.code : 'law.gap',
      });
      return [dih];
    }
    throw e;
  }
  const dMax = dih.penalty.max_months;
  const oMax = other.penalty.max_months;
  const deliveryFirst = oMax !== null && (dMax === null ? false : !termGte(dMax, oMax));
  if (deliveryFirst)
    trace.add('exposure.state.dih.delivery_range_higher', 'warning', [other.citation], { max: oMax });
  const [first, second] = deliveryFirst ? [other, dih] : [dih, other];
  return [extend(first, { consecutive: false }), extend(second, { consecutive: false })];
}
