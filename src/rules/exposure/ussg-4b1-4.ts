import type { LawView } from '../../law/reader.ts';
import type { Trace } from '../trace.ts';

interface ArmedCareerCriminalLaw {
  in_connection_level: number;
  otherwise_level: number;
  in_connection_category: string;
  otherwise_category: string;
}

/**
 * USSG 4B1.4: for a defendant subject to 924(e), level 34 and category VI when the firearm was possessed in connection
 * with a controlled substance offense (the drug count), 33 and IV otherwise - and always 33 and IV beside a 924(c)
 * count, which already punishes that connection (n.2). The caller takes the greatest with the other levels.
 */
export function armedCareerCriminalFloor(
  inConnection: boolean,
  law: LawView,
  trace: Trace,
): { level: number; category: string; law: string } | null {
  const r = law.get<ArmedCareerCriminalLaw | 'none'>('us_fed.ussg.4b1_4');
  if (r.value === 'none') return null;
  trace.cite(r);
  const v = r.value;
  return inConnection
    ? { level: v.in_connection_level, category: v.in_connection_category, law: r.law }
    : { level: v.otherwise_level, category: v.otherwise_category, law: r.law };
}
