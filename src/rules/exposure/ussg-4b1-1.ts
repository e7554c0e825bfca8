import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import type { IsoDate } from '../../model/dates.ts';
import { rangeAbove, type Term, termGte } from '../../model/terms.ts';
import type { Trace } from '../trace.ts';
import type { Offense } from './charge.ts';
import type { CriminalHistory } from './criminal-history.ts';

interface CareerOffenderLaw {
  min_age: number;
  min_qualifying_priors: number;
  /** false under a reform that ends the "drug trafficking only" pathway: a crime of violence must be among them */
  drug_trafficking_only: boolean;
  category: string;
  levels: { stat_max_at_least_months: number | 'life'; level: number }[];
}

export interface CareerOffender {
  level: number;
  /** 4B1.1(b): a career offender's criminal history category in every case */
  category: string;
  law: string;
}

/**
 * USSG 4B1.1: at least the minimum age at the offense, and two prior felony convictions of a crime of
 * violence or a controlled substance offense that score points; the offense level follows the statutory
 * maximum of the offense of conviction.
 */
export function careerOffender(
  c: Case,
  offense: Offense,
  offenseDate: IsoDate,
  statutoryMax: Term,
  history: CriminalHistory,
  law: LawView,
  trace: Trace,
): CareerOffender | null {
  if (offense === 'usc21_844') return null;
  const r = trace.cite(law.get<CareerOffenderLaw>('us_fed.ussg.4b1_1'));
  const priors = c.history?.priors ?? [];
  const kinds = history.perPrior.flatMap((s) => {
    const p = priors[s.index];
    return p?.felony === true && s.points > 0 && (p.kind === 'drug_distribution' || p.kind === 'violent')
      ? [p.kind]
      : [];
  });
  const qualifying = kinds.length;
  if (qualifying < r.value.min_qualifying_priors) return null;
  // The offense of conviction here is always a drug offense: with drug priors only, the pathway is "drug
  // trafficking only", which the switch may close.
  if (!r.value.drug_trafficking_only && !kinds.includes('violent')) {
    trace.add('guidelines.career_offender.drug_only_excluded', 'info', [r.law], { priors: qualifying });
    return null;
  }
  const birth = c.person?.birth_year;
  if (birth !== undefined && Number(offenseDate.slice(0, 4)) - birth < r.value.min_age) return null;
  if (birth === undefined)
    trace.add('guidelines.career_offender.age_assumed', 'info', [r.law], { min_age: r.value.min_age });
  const row = r.value.levels.find((l) => termGte(statutoryMax, l.stat_max_at_least_months));
  if (!row) return null;
  trace.add('guidelines.career_offender', 'critical', [r.law], {
    priors: qualifying,
    statutory_max: statutoryMax,
    level: row.level,
  });
  return { level: row.level, category: r.value.category, law: r.law };
}

type Reduction = 'none' | 'a' | 'a_and_b';
type Range = [Term, Term];

/**
 * 4B1.1(c)(2) (Nov. 2002 on): a career offender convicted of a drug count and a 924(c) count gets the greater
 * of (A) the guideline range plus the consecutive 924(c) term and (B) the (c)(3) table range for the
 * acceptance reduction applied. Returns the total range, or null where the Manual has no such rule.
 */
export function careerOffender924c(
  withFirearms: Range,
  reduction: Reduction,
  law: LawView,
  trace: Trace,
): { range: Range; law: string } | null {
  const r = law.get<{ table: Record<Reduction, Range> } | 'none'>('us_fed.ussg.4b1_1c');
  if (r.value === 'none') return null;
  trace.cite(r);
  const table = r.value.table[reduction];
  if (!rangeAbove(table, withFirearms)) return { range: withFirearms, law: r.law };
  trace.add('guidelines.career_offender.924c_table', 'critical', [r.law], {
    range: table,
    otherwise: withFirearms,
    reduction,
  });
  return { range: table, law: r.law };
}
