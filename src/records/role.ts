import { chooseDates } from '../engine/dates.ts';
import type { LawBook } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';
import { CaseLaw } from '../law/reader.ts';
import type { Activity, Case, Drug, Substance } from '../model/case.ts';
import { todayUtc } from '../model/dates.ts';
import { classifyRole, roleQuantityLines } from '../rules/role/classify.ts';
import type { RoleDeriver, StoredRow } from './normalize.ts';

const SUBSTANCE: Record<string, Substance> = {
  heroin: 'heroin',
  fentanyl: 'fentanyl',
  cocaine_powder: 'cocaine',
  cocaine_base: 'cocaine_base',
  methamphetamine: 'methamphetamine',
  marijuana: 'marijuana',
  prescription_opioid: 'oxycodone',
  other_drug: 'other_schedule_i_ii',
};
const GRAMS: Record<string, number> = { g: 1, kg: 1000, mg: 0.001, oz: 28.349523125, lb: 453.59237 };
const SELLING = new Set([
  'sold_wholesale',
  'sold_retail',
  'brokered',
  'transported_vehicle',
  'carried_on_body',
  'imported',
]);

/** The stored columns caseFromRecord reads: two records equal in these get the same derived role. */
export const ROLE_FACT_COLUMNS = [
  'activities',
  ...[1, 2, 3].flatMap((k) => [`drug_${k}_type`, `drug_${k}_quantity`, `drug_${k}_unit`, `drug_${k}_basis`]),
  'offense_date',
  'arrest_date',
  'jurisdiction',
  'people_supervised',
] as const;

/** Builds a contract case from a record's facts (activities, drugs, people supervised); null when too thin. */
export function caseFromRecord(row: StoredRow): Case | null {
  const acts = String(row.activities ?? '').split(';');
  if (acts.length === 0 || acts.some((a) => ['unknown', 'not_collected', 'not_applicable', ''].includes(a)))
    return null;
  const activities = acts as Activity[];
  const transacted = activities.some((a) => SELLING.has(a));
  const drugs: Drug[] = [];
  for (let k = 1; k <= 3; k++) {
    const type = String(row[`drug_${k}_type`]);
    const substance = SUBSTANCE[type];
    const q = row[`drug_${k}_quantity`] as number | null;
    const unit = String(row[`drug_${k}_unit`]);
    if (!substance || q === null || q <= 0) continue;
    const basis =
      row[`drug_${k}_basis`] === 'attributed' ? 'attributed' : transacted ? 'transacted' : 'possessed';
    if (unit === 'plants' && type === 'marijuana')
      drugs.push({ substance: 'marijuana_plants', count: Math.max(1, Math.round(q)), basis });
    else if (GRAMS[unit] !== undefined) drugs.push({ substance, grams: q * (GRAMS[unit] as number), basis });
  }
  if (drugs.length === 0) return null;
  const date = (row.offense_date as string | null) ?? (row.arrest_date as string | null) ?? todayUtc();
  const supervised = row.people_supervised as number | null;
  return {
    jurisdiction: String(row.jurisdiction),
    offense_date: date,
    conduct: { activities, drugs, ...(supervised !== null ? { people_supervised: supervised } : {}) },
  };
}

/** A role deriver backed by the engine's classifyRole (memoised: many records share the same facts). */
export function engineRoleDeriver(law: LawBook = defaultLawBook(), evaluation = todayUtc()): RoleDeriver {
  const memo = new Map<string, string | null>();
  const derive: RoleDeriver = (row) => {
    const c = caseFromRecord(row);
    if (!c) return null;
    const key = JSON.stringify(c);
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let fn: string | null = null;
    try {
      const { dates } = chooseDates(c, evaluation);
      fn = classifyRole({ case: c, law: new CaseLaw(law, dates), dates }).role.function;
    } catch {
      fn = null;
    }
    if (memo.size < 100_000) memo.set(key, fn);
    return fn;
  };
  // classifyRole reads the framework at the evaluation date, compares own quantities with its grams lines,
  // and caseFromRecord's dates only decide whether the case is refused as lying in the future.
  const today = new CaseLaw(law, {
    offense: evaluation,
    conviction: evaluation,
    sentencing: evaluation,
    evaluation,
  });
  derive.keying = { gramsLines: roleQuantityLines(today.today('role')), gramsPerUnit: GRAMS, evaluation };
  return derive;
}
