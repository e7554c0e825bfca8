import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import { addMonths, addYears } from '../../model/dates.ts';
import type { Trace } from '../trace.ts';

interface PointRules {
  a_points: number;
  a_more_than_months: number;
  b_points: number;
  b_at_least_months: number;
  c_points: number;
  c_max_total: number;
  status_points: number;
  status_min_other_points: number;
  recency_points: number;
  recency_points_if_status: number;
  recency_within_months: number;
  a_lookback_years: number;
  other_lookback_years: number;
}

export interface ScoredPrior {
  index: number;
  points: number;
  kind: string;
  /** The prior's points could not be fixed from the case (sentence length unknown). */
  uncertain: boolean;
}

export interface CriminalHistory {
  points: number;
  category: string;
  perPrior: ScoredPrior[];
  /** Points came from the case's override, not from the priors. */
  overridden: boolean;
  /** 4A1.1(c): the most points one-point sentences can add together (null when no Manual was read) */
  onePointCap: number | null;
  citations: string[];
}

/** USSG 4A1.1/4A1.2 under the Manual in force on `manual`: points from the priors, then the category. */
export function criminalHistory(c: Case, offense: string, law: LawView, trace: Trace): CriminalHistory {
  const rules = trace.cite(law.get<PointRules>('us_fed.ussg.4a1_1'));
  const cats = trace.cite(law.get<{ category: string; min_points: number }[]>('us_fed.ussg.chc'));
  const r = rules.value;
  const perPrior: ScoredPrior[] = [];
  let cPoints = 0;
  let total = 0;
  let recencyRelease = false;
  (c.history?.priors ?? []).forEach((p, index) => {
    if (p.still_valid === false) {
      trace.add(
        'guidelines.criminal_history.prior_not_counted',
        'info',
        ['USSG 4A1.2 comment. (n.6, n.10)', 'USSG 4A1.2(j)'],
        { index },
      );
      return;
    }
    const sentence = p.sentence_months;
    const uncertain = sentence === undefined;
    const isA = sentence !== undefined && sentence > r.a_more_than_months;
    const isB = !isA && sentence !== undefined && sentence >= r.b_at_least_months;
    const inWindow = isA
      ? addYears(p.date, r.a_lookback_years) >= offense ||
        (p.release_date !== undefined && addYears(p.release_date, r.a_lookback_years) >= offense)
      : addYears(p.date, r.other_lookback_years) >= offense;
    if (!inWindow) {
      trace.add('guidelines.criminal_history.prior_too_old', 'info', ['USSG 4A1.2(e)'], {
        index,
        date: p.date,
      });
      return;
    }
    let points = isA ? r.a_points : isB ? r.b_points : r.c_points;
    if (!isA && !isB) {
      points = Math.min(points, r.c_max_total - cPoints);
      cPoints += points;
    }
    if (uncertain)
      trace.add('guidelines.criminal_history.sentence_unknown', 'warning', ['USSG 4A1.1'], { index, points });
    if ((isA || isB) && p.release_date && addMonths(p.release_date, r.recency_within_months) > offense)
      recencyRelease = true;
    total += points;
    perPrior.push({ index, points, kind: p.kind, uncertain });
  });
  const underSentence = c.history?.under_sentence_at_offense === true;
  if (underSentence && r.status_points > 0 && total >= r.status_min_other_points) {
    total += r.status_points;
    trace.add('guidelines.criminal_history.status_points', 'info', [rules.law], { points: r.status_points });
  }
  if (recencyRelease && r.recency_points > 0) {
    const add = underSentence ? r.recency_points_if_status : r.recency_points;
    total += add;
    trace.add('guidelines.criminal_history.recency_points', 'info', [rules.law], { points: add });
  }
  const override = c.history?.criminal_history_points;
  const overridden = typeof override === 'number';
  const points = overridden ? override : total;
  if (overridden && (c.history?.priors?.length ?? 0) > 0 && override !== total)
    trace.add('guidelines.criminal_history.override', 'info', ['USSG 4A1.1'], { computed: total, override });
  let category = cats.value[0]?.category ?? 'I';
  for (const cat of cats.value) if (points >= cat.min_points) category = cat.category;
  return {
    points,
    category,
    perPrior,
    overridden,
    onePointCap: r.c_max_total,
    citations: [rules.law, cats.law],
  };
}
