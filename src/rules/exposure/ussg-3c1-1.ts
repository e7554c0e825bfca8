import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import type { Trace } from '../trace.ts';
import type { Bound } from './bounds.ts';
import type { RoleAdjustment } from './ussg-3b1.ts';

/**
 * 3C1.1: two levels for obstructing or impeding the administration of justice - a finding the court makes,
 * so it is applied only as the case states it; 'unknown' adds the levels in the worst case only.
 */
export function obstruction(c: Case, bound: Bound, law: LawView, trace: Trace): RoleAdjustment | null {
  const found = c.adjustments?.obstruction;
  if (found === undefined || found === false) return null;
  const r = law.get<{ levels: number }>('us_fed.ussg.3c1_1');
  if (found === 'unknown') {
    if (bound === 'worst')
      trace.add('guidelines.obstruction.undetermined', 'warning', [r.law], {
        levels: r.value.levels,
        missing: 'adjustments.obstruction',
      });
    if (bound === 'best') return null;
  }
  trace.cite(r);
  // 3E1.1 n.4: obstruction ordinarily means no acceptance; a case stating both is the extraordinary one.
  if (c.cooperation?.accepted_responsibility === true)
    trace.add('guidelines.obstruction.with_acceptance', 'info', ['USSG 3E1.1 comment. (n.4)']);
  return { levels: r.value.levels, law: r.law };
}
