import type { Prior } from '../../../model/case.ts';
import { addMonths, addYears } from '../../../model/dates.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type PenaltyRow, type StateCount, StateRefusal } from '../types.ts';
import type { NyDegree } from './ny-penal-220.ts';

const P = 'us_ny.pl70';

interface Lookback {
  years: number;
  tolled_by_incarceration: boolean;
}

/**
 * A predicate felony under 70.06(1)(b): a prior felony conviction whose sentence was imposed within ten years
 * before the new offense, the ten years extended by time incarcerated. The prior's date stands for its
 * sentencing date (the contract has one date per prior).
 */
function predicates(input: RuleInput, priors: readonly Prior[], trace: Trace): Prior[] {
  const look = trace.cite(input.law.statute('state').get<Lookback>(`${P}.predicate_lookback`));
  return priors.filter((p) => {
    if (!p.felony) return false;
    const tolled = look.value.tolled_by_incarceration ? (p.served_months ?? 0) : 0;
    return addMonths(addYears(p.date, look.value.years), tolled) > input.dates.offense;
  });
}

/**
 * N.Y. Penal Law 70.70 / 70.71 (offenses from 2005-01-13, determinate) and 70.00 (before, indeterminate): the
 * authorized term for the class, as a first felony drug offender or, with a predicate felony, a second felony
 * drug offender. A row the knowledge base does not have (the predicate ranges) is a coded refusal.
 */
export function ny70(input: RuleInput, degree: NyDegree, priors: readonly Prior[], trace: Trace): StateCount {
  const law = input.law.statute('state');
  const misdemeanor = degree.class === 'A_misd';
  const preds = misdemeanor ? [] : predicates(input, priors, trace);
  const row = misdemeanor ? 'A_misd' : `${degree.class}_${preds.length ? 'second' : 'first'}`;
  const r = trace.cite(law.get<PenaltyRow | null>(`${P}.penalty.${row}`));
  if (preds.length)
    trace.add('exposure.state.ny.predicate_felony', 'warning', [r.law], { priors: preds.length });
  if (r.value === null) throw new StateRefusal('exposure.state.value_unverified', { parameter: r.id });
  return {
    citation: `${degree.citation}, sentenced under ${r.law}`,
    description: `${degree.citation} (class ${degree.class.replace('_', '-').replace('-misd', ' misdemeanor')})`,
    kind: 'offense',
    row,
    penalty: r.value,
    consecutive: true,
  };
}
