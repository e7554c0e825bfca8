import type { LawView } from '../../law/reader.ts';
import type { Drug } from '../../model/case.ts';
import type { Trace } from '../trace.ts';

type Levels = { heroin_opiates_or_cocaine_base: number; cocaine_lsd_pcp: number; other: number };
type Classes = Record<'heroin_opiates_or_cocaine_base' | 'cocaine_lsd_pcp', string[]>;

function levelOf(substance: string, levels: Levels, classes: Classes): number {
  if (classes.heroin_opiates_or_cocaine_base.includes(substance))
    return levels.heroin_opiates_or_cocaine_base;
  return classes.cocaine_lsd_pcp.includes(substance) ? levels.cocaine_lsd_pcp : levels.other;
}

/** USSG 2D2.1(a): the base offense level of simple possession, by the most serious substance possessed. */
export function possessionLevel(drugs: Drug[], law: LawView, trace: Trace): { level: number; law: string } {
  const r = trace.cite(law.get<{ levels: Levels; classes: Classes }>('us_fed.ussg.2d2_1.base_levels'));
  const { levels, classes } = r.value;
  if (drugs.some((d) => d.substance === 'cocaine_base'))
    trace.cite(law.get('us_fed.ussg.2d2_1.crack_cross_reference'));
  return { level: Math.max(...drugs.map((d) => levelOf(d.substance, levels, classes))), law: r.law };
}
