import type { LawView } from '../../law/reader.ts';
import type { RoleResult } from '../../model/assessment.ts';
import type { Case } from '../../model/case.ts';
import type { Trace } from '../trace.ts';
import type { Bound } from './bounds.ts';

interface RoleLevels {
  organizer_leader_five_or_more: number;
  manager_supervisor_five_or_more: number;
  other: number;
  participants_threshold: number;
}

export interface RoleAdjustment {
  levels: number;
  law: string;
}

/** 3B1.1: an organizer, leader, manager or supervisor of others in the offense. */
export function aggravatingRole(c: Case, law: LawView, trace: Trace): RoleAdjustment | null {
  const acts = c.conduct.activities;
  const supervised = c.conduct.people_supervised ?? 0;
  if (!acts.includes('organized') && !acts.includes('supervised') && supervised === 0) return null;
  const r = trace.cite(law.get<RoleLevels>('us_fed.ussg.3b1_1'));
  const large = supervised + 1 >= r.value.participants_threshold;
  const levels =
    acts.includes('organized') && large
      ? r.value.organizer_leader_five_or_more
      : large
        ? r.value.manager_supervisor_five_or_more
        : r.value.other;
  return { levels, law: r.law };
}

export interface MitigatingRole extends RoleAdjustment {
  kind: 'minimal' | 'between' | 'minor';
}

type RoleLaw = { minimal: number; between: number; minor: number };

/**
 * 3B1.2: the mitigating role the case states (the court's finding) under any Manual; 'unknown' reads as none
 * in the worst case and as a minimal role in the best. Without a finding, only what the Manual presumes
 * (2D1.1(e)(2), Nov. 2025 on); earlier Manuals leave it to the judge and the engine does not make it.
 */
export function mitigatingRole(
  role: RoleResult | null,
  c: Case,
  bound: Bound,
  law: LawView,
  trace: Trace,
): MitigatingRole | null {
  const found = c.adjustments?.mitigating_role;
  if (found !== undefined) return foundRole(found, bound, law, trace);
  const fn = role?.function;
  if (!fn) return null;
  const listed = law.get<{ presumed: boolean; minimal: string[]; minor: string[] }>(
    'us_fed.ussg.2d1_1.low_level_functions',
  );
  const levels = law.get<RoleLaw>('us_fed.ussg.3b1_2');
  const kind = listed.value.minimal.includes(fn)
    ? 'minimal'
    : listed.value.minor.includes(fn)
      ? 'minor'
      : null;
  if (!kind) return null;
  if (!listed.value.presumed) {
    trace.add('guidelines.mitigating_role.discretionary', 'info', [levels.law], {
      function: fn,
      kind,
      levels: levels.value[kind],
    });
    return null;
  }
  trace.cite(listed);
  trace.cite(levels);
  return { kind, levels: levels.value[kind], law: `${levels.law}; ${listed.law}` };
}

function foundRole(
  found: NonNullable<NonNullable<Case['adjustments']>['mitigating_role']>,
  bound: Bound,
  law: LawView,
  trace: Trace,
): MitigatingRole | null {
  if (found === 'none') return null;
  const levels = law.get<RoleLaw>('us_fed.ussg.3b1_2');
  let kind: MitigatingRole['kind'];
  if (found === 'unknown') {
    if (bound === 'worst') {
      trace.add('guidelines.mitigating_role.undetermined', 'warning', [levels.law], {
        levels: levels.value.minimal,
        missing: 'adjustments.mitigating_role',
      });
      return null;
    }
    kind = 'minimal';
  } else kind = found;
  trace.cite(levels);
  return { kind, levels: levels.value[kind], law: levels.law };
}
