import { dotted } from '../../model/dotted.ts';
import { addTerms, type Term } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';

export interface FirearmsResult {
  counts: Term[];
  total: Term;
  citations: string[];
  trace: Trace;
}

/**
 * 18 U.S.C. 924(c): a consecutive minimum per count. A "second or subsequent" count carries the
 * longer term: before the First Step Act even within one prosecution (Deal), after it only when a
 * prior 924(c) conviction had become final.
 */
export function firearms924c(input: RuleInput): FirearmsResult {
  const trace = new Trace();
  const n = input.case.conduct.firearm_counts ?? 0;
  const weapon = input.case.conduct.weapon ?? 'none';
  if (n === 0 || weapon === 'none' || weapon === 'nearby')
    return { counts: [], total: 0, citations: [], trace };
  const statute = input.law.statute('statute');
  const first = trace.cite(statute.get<number | null>(dotted('us_fed.usc18_924c.first_term', weapon)));
  const later = trace.cite(statute.get<number | 'life' | null>('us_fed.usc18_924c.subsequent_term'));
  const stacking = trace.cite(statute.get<boolean | null>('us_fed.usc18_924c.stacking'));
  const prior924c = (input.case.history?.priors ?? []).some(
    (p) => p.section_924c === true && p.still_valid !== false,
  );
  const counts: Term[] = [];
  let undetermined = false;
  for (let i = 0; i < n; i++) {
    const subsequent = prior924c || (i > 0 && stacking.value === true);
    if (i > 0 && stacking.value === null) undetermined = true;
    const term = subsequent ? later.value : first.value;
    if (term === null) {
      undetermined = true;
      counts.push(first.value ?? 0);
    } else counts.push(term);
  }
  const total = counts.reduce<Term>((s, t) => addTerms(s, t), 0);
  trace.add('exposure.firearms.counts', 'critical', [first.law, ...(n > 1 ? [stacking.law] : [])], {
    counts: n,
    weapon,
    terms: counts,
    total,
  });
  trace.add('exposure.firearms.every_count_charged', 'info', ['18 U.S.C. 924(c)(1)(D)'], { counts: n });
  if (n > 1 && stacking.value === true)
    trace.add('exposure.firearms.stacked', 'critical', [stacking.law], { counts: n });
  if (n > 1 && stacking.value === false && !prior924c)
    trace.add('exposure.firearms.not_stacked', 'info', [stacking.law], { counts: n });
  if (undetermined) trace.add('exposure.firearms.undetermined', 'warning', [later.law], { counts: n });
  return { counts, total, citations: [...trace.citations], trace };
}
