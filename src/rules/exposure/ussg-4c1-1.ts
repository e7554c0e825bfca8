import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import type { Trace } from '../trace.ts';

/**
 * USSG 4C1.1 (Nov. 2023 on): a decrease for an offender with no criminal history points whose offense
 * involved no violence, no weapon, no death or serious injury and no aggravating role. 0 where the
 * Manual has no such provision.
 */
export function zeroPointDecrease(
  c: Case,
  points: number,
  deathOrSbi: boolean,
  aggravatingRole: boolean,
  law: LawView,
  trace: Trace,
): { levels: number; law: string } | null {
  const zp = trace.cite(law.get<number>('us_fed.ussg.4c1_1'));
  const conduct = c.conduct;
  if (
    zp.value &&
    points === 0 &&
    (conduct.violence ?? 'none') === 'none' &&
    !deathOrSbi &&
    (conduct.weapon ?? 'none') === 'none' &&
    !aggravatingRole
  )
    return { levels: zp.value, law: zp.law };
  return null;
}
