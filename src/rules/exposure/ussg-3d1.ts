import type { LawView } from '../../law/reader.ts';
import type { Trace } from '../trace.ts';

interface UnitsLaw {
  full_unit_within: number;
  half_unit_within: number;
  increase: { units_at_least: number; levels: number }[];
}

export interface Grouping {
  level: number;
  /** one group (3D1.2(c), highest level, 3D1.3(a)) or separate groups combined by units (3D1.4) */
  grouped: boolean;
  law: string;
}

/** 3D1.4: one unit for the most serious group, one for each within 4 levels, a half within 8; levels by total units. */
export function combineGroups(
  levels: number[],
  law: LawView,
  trace: Trace,
): { level: number; units: number; law: string } {
  const r = trace.cite(law.get<UnitsLaw>('us_fed.ussg.3d1_4'));
  const top = Math.max(...levels);
  const units = levels.reduce((sum, l) => {
    const below = top - l;
    return sum + (below <= r.value.full_unit_within ? 1 : below <= r.value.half_unit_within ? 0.5 : 0);
  }, 0);
  const row = [...r.value.increase].reverse().find((x) => units >= x.units_at_least);
  return { level: top + (row?.levels ?? 0), units, law: r.law };
}

/**
 * The drug count and the 922(g) count: one group under 3D1.2(c) when the weapon is a specific offense characteristic
 * of either (2D1.1(b)(1) or 2K2.1's "another felony"), the group at the higher level (3D1.3(a)); otherwise two groups
 * combined by units (3D1.4). With a 924(c) count neither characteristic applies; whether they still group is read
 * from the law (`null`: divided authority, the separate groups shown and the one group as the best case).
 */
export function groupDrugAndFirearm(
  drug: number,
  firearm: number,
  weaponCharacteristic: boolean,
  with924c: boolean,
  law: LawView,
  trace: Trace,
): Grouping & { bestLevel: number } {
  const rule = trace.cite(
    law.get<{ group_when_weapon_characteristic: boolean }>('us_fed.ussg.3d1_2c.drug_and_firearm'),
  );
  const oneGroup = Math.max(drug, firearm);
  let group: boolean | null = weaponCharacteristic && rule.value.group_when_weapon_characteristic;
  let groupLaw = rule.law;
  if (!weaponCharacteristic && with924c) {
    const with924c = law.get<boolean | null>('us_fed.ussg.3d1_2c.with_924c');
    trace.cite(with924c);
    group = with924c.value;
    groupLaw = with924c.law;
  }
  if (group === true) {
    trace.add('guidelines.grouping.one_group', 'info', [groupLaw], {
      drug_level: drug,
      firearm_level: firearm,
      level: oneGroup,
    });
    return { level: oneGroup, grouped: true, law: groupLaw, bestLevel: oneGroup };
  }
  const combined = combineGroups([drug, firearm], law, trace);
  trace.add('guidelines.grouping.separate_groups', 'info', [groupLaw, combined.law], {
    drug_level: drug,
    firearm_level: firearm,
    units: combined.units,
    level: combined.level,
  });
  if (group === null)
    trace.add('guidelines.grouping.undetermined', 'warning', [groupLaw], {
      level: combined.level,
      best_level: oneGroup,
    });
  return {
    level: combined.level,
    grouped: false,
    law: combined.law,
    bestLevel: group === null ? oneGroup : combined.level,
  };
}
