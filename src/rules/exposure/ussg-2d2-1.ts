import type { LawView } from '../../law/reader.ts';
import type { Drug } from '../../model/case.ts';
import type { Trace } from '../trace.ts';

type Levels = { heroin_opiates_or_cocaine_base: number; cocaine_lsd_pcp: number; other: number };
type Classes = Record<'heroin_opiates_or_cocaine_base' | 'cocaine_lsd_pcp', string[]>;

/** USSG 2D2.1(a): the base offense level of simple possession, by the most serious substance possessed. */
export function possessionLevel(drugs: Drug[], law: LawView, trace: Trace): { level: number; law: string } {
  const r = trace.cite(law.get<{ levels: Levels; classes: Classes }>('us_fed.ussg.2d2_1.base_levels'));
  const { levels, classes } = r.value;
  const of = (s: string) =>
    classes.heroin_opiates_or_cocaine_base.includes(s)
      ? levels.heroin_opiates_or_cocaine_base
      : classes.cocaine_lsd_pcp.includes(s)
        ? levels.cocaine_lsd_pcp
        : levels.other;
  if (drugs.some((d) => d.substance === 'cocaine_base'))
    trace.cite(law.get('us_fed.ussg.2d2_1.crack_cross_reference'));
  return { level: Math.max(...drugs.map((d) => of(d.substance))), law: r.law };
}
