import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import type { Trace } from '../trace.ts';
import type { CriminalHistory } from './criminal-history.ts';

interface BaseLevels {
  two_priors_special_firearm: number;
  two_priors: number;
  one_prior_special_firearm: number;
  one_prior: number;
  prohibited_person: number;
}

export interface FirearmCount {
  /** the Chapter Two level of the 922(g) count */
  level: number;
  /** whether the "another felony offense" increase (the drug offense) applied: what groups the counts, 3D1.2(c) */
  anotherFelony: boolean;
  law: string;
}

/**
 * USSG 2K2.1 for a 922(g) count beside a drug count: the base level by the prior felony convictions of a crime of
 * violence or controlled substance offense that score points (n.10), then +4 (at least 18) for possession in
 * connection with another felony offense - the drug trafficking itself (n.14(B)) - unless a 924(c) count punishes
 * the weapon (2K2.4 n.4). The firearm's type ((a)(1), (a)(3)) is not a case fact: the ordinary levels are used.
 */
export function firearmCount(
  c: Case,
  trafficking: boolean,
  history: CriminalHistory,
  law: LawView,
  trace: Trace,
): FirearmCount | null {
  const base = law.get<BaseLevels | null>('us_fed.ussg.2k2_1.base');
  const plus = law.get<{ levels: number; at_least: number } | null>('us_fed.ussg.2k2_1.another_felony');
  if (base.value === null || plus.value === null) {
    trace.add('guidelines.firearm_count.not_scored', 'warning', [base.law]);
    return null;
  }
  trace.cite(base);
  const priors = c.history?.priors ?? [];
  const qualifying = history.perPrior.filter((s) => {
    const p = priors[s.index];
    return p?.felony === true && s.points > 0 && (p.kind === 'drug_distribution' || p.kind === 'violent');
  }).length;
  const b = base.value;
  let level = qualifying >= 2 ? b.two_priors : qualifying === 1 ? b.one_prior : b.prohibited_person;
  trace.add('guidelines.firearm_count.base', 'info', [base.law], { priors: qualifying, level });
  trace.add('guidelines.firearm_count.firearm_type_assumed', 'info', [base.law]);
  const with924c = (c.conduct.firearm_counts ?? 0) > 0;
  const anotherFelony = trafficking && !with924c;
  if (anotherFelony) {
    trace.cite(plus);
    level = Math.max(level + plus.value.levels, plus.value.at_least);
  } else if (trafficking) trace.add('guidelines.firearm_count.covered_by_924c', 'info', [plus.law]);
  return { level, anotherFelony, law: anotherFelony ? plus.law : base.law };
}
