import type { LawView } from '../../law/reader.ts';
import type { Case, Drug } from '../../model/case.ts';
import type { Trace } from '../trace.ts';
import { drugQuantityLevel } from './drug-quantity.ts';
import type { StatutoryResult } from './statutory.ts';
import type { MitigatingRole } from './ussg-3b1.ts';

export interface Adjustment {
  code: string;
  levels: number;
  law: string;
}

export interface BaseLevel {
  level: number;
  law: string;
  /** the mitigating-role cap applied to the Drug Quantity Table level, when it lowered it */
  cap: { to: number; law: string } | null;
  /** the converted drug weight the quantity level was read at (several substances, or one without a row) */
  convertedGrams?: number;
}

/**
 * 2D1.1(a): the greatest of the death-or-injury levels of (a)(1)-(2), where the conviction is under a
 * subparagraph carrying the death terms, and the (a)(5) level - the Drug Quantity Table level, capped for
 * a person who receives a mitigating role. The cap limits only the (a)(5) level, never the death levels.
 * Null when the quantity cannot be placed on the table.
 */
export function drugBaseLevel(
  drugs: Drug[],
  statutory: StatutoryResult,
  mitigating: MitigatingRole | null,
  law: LawView,
  trace: Trace,
  kase: Case,
): BaseLevel | null {
  const q = drugQuantityLevel(drugs, law, trace, kase);
  if (q.level === null) {
    trace.add('guidelines.quantity.undetermined', 'critical', [q.law], { amount: q.amount });
    return null;
  }
  const cap = mitigating ? mitigatingRoleCap(mitigating, q.level, law, trace) : null;
  const quantityLevel = cap?.to ?? q.level;
  if (statutory.deathOrSbi) {
    const d = trace.cite(
      law.get<{ death_or_sbi: number; death_or_sbi_with_prior: number; tiers: string[] }>(
        'us_fed.ussg.2d1_1.death_sbi_levels',
      ),
    );
    const special =
      statutory.row === 'one_prior_death_or_sbi' ? d.value.death_or_sbi_with_prior : d.value.death_or_sbi;
    if (statutory.tier && d.value.tiers.includes(statutory.tier) && special > quantityLevel) {
      if (cap)
        trace.add('guidelines.mitigating_role_cap.death_level', 'info', [d.law, cap.law], { level: special });
      return { level: special, law: d.law, cap: null, convertedGrams: q.convertedGrams };
    }
  }
  return { level: q.level, law: q.law, cap, convertedGrams: q.convertedGrams };
}

type CapBand = { min_level: number; max_level: number | null; minus?: number; set_to?: number };

/** 2D1.1(a)(5): the quantity level of a person who receives a mitigating role is capped; the level after it. */
function mitigatingRoleCap(
  role: MitigatingRole,
  level: number,
  law: LawView,
  trace: Trace,
): { to: number; law: string } | null {
  const cap = trace.cite(
    law.get<{ bands: CapBand[]; minimal_ceiling?: number | null }>('us_fed.ussg.2d1_1.mitigating_role_cap'),
  );
  const band = cap.value.bands.find(
    (b) => level >= b.min_level && (b.max_level === null || level <= b.max_level),
  );
  let to = level;
  if (band) to = band.set_to !== undefined ? band.set_to : level - (band.minus ?? 0);
  if (role.kind === 'minimal' && cap.value.minimal_ceiling != null && to > cap.value.minimal_ceiling)
    to = cap.value.minimal_ceiling;
  return to !== level ? { to, law: cap.law } : null;
}

/** 2D1.1(b)(1): a dangerous weapon possessed - not where a 924(c) count punishes the same weapon (2K2.4 n.4). */
export function weaponIncrease(c: Case, law: LawView, trace: Trace): Adjustment | null {
  const weapon = c.conduct.weapon ?? 'none';
  if (weapon === 'none') return null;
  const w = trace.cite(law.get<number>('us_fed.ussg.2d1_1.weapon'));
  const with924c = trace.cite(law.get<{ weapon_increase_with_924c: boolean }>('us_fed.ussg.2k2_4'));
  if ((c.conduct.firearm_counts ?? 0) > 0 && !with924c.value.weapon_increase_with_924c) {
    trace.add('guidelines.weapon.covered_by_924c', 'info', [with924c.law]);
    return null;
  }
  if (weapon === 'nearby') trace.add('guidelines.weapon.nearby', 'warning', [w.law]);
  return { code: 'guidelines.weapon', levels: w.value, law: w.law };
}

/** 2D1.1(b)(2) (Nov. 2010 on): violence, or a credible threat or direction to use it. */
export function violenceIncrease(c: Case, law: LawView, trace: Trace): Adjustment | null {
  if ((c.conduct.violence ?? 'none') === 'none') return null;
  const v = trace.cite(law.get<number>('us_fed.ussg.2d1_1.violence'));
  return v.value ? { code: 'guidelines.violence', levels: v.value, law: v.law } : null;
}

/** 2D1.1(b)(18) (numbered (b)(16)-(b)(17) in earlier Manuals): two levels off for a safety-valve case. */
export function safetyValveDecrease(level: number, law: LawView, trace: Trace): Adjustment | null {
  const sv = trace.cite(
    law.get<{ levels: number; min_offense_level: number | null }>('us_fed.ussg.2d1_1.safety_valve'),
  );
  if (sv.value.levels && (sv.value.min_offense_level === null || level >= sv.value.min_offense_level))
    return { code: 'guidelines.safety_valve', levels: sv.value.levels, law: sv.law };
  return null;
}
