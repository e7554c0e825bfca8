import type { LawBook, LawSnapshot } from '../../law/book.ts';
import type { Guidelines, RoleResult } from '../../model/assessment.ts';
import { type IsoDate, maxDate } from '../../model/dates.ts';
import type { RawFinding } from '../../model/finding.ts';
import { addTerms, type Term, termGte } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { ChargeResult } from './charge.ts';
import { Trace } from './common.ts';
import { type CriminalHistory, criminalHistory } from './criminal-history.ts';
import { drugQuantityLevel } from './drug-quantity.ts';
import type { FirearmsResult } from './firearms-924c.ts';
import type { SafetyValveResult } from './safety-valve.ts';
import type { StatutoryResult } from './statutory.ts';

type Range = [Term, Term];
type Step = NonNullable<Guidelines['steps']>[number];

/**
 * The Manual edition in force on a date: amendments take effect on the cycle date each year
 * (28 U.S.C. 994(p)), so the edition is the latest cycle date on or before it. Null before the
 * guidelines existed.
 */
export function manualEdition(law: LawBook, date: IsoDate): IsoDate | null {
  const id = 'us_fed.ussg.amendment_cycle';
  const p = law.params.get(id);
  const first = p?.values[0]?.from;
  if (!first || date < first) return null;
  const cycle = law.at(date).get<{ month: number; day: number }>(id).value;
  const md = `${String(cycle.month).padStart(2, '0')}-${String(cycle.day).padStart(2, '0')}`;
  const year = Number(date.slice(0, 4));
  const edition = date.slice(5) >= md ? `${year}-${md}` : `${year - 1}-${md}`;
  return maxDate(edition, first);
}

interface CareerOffender {
  min_age: number;
  min_qualifying_priors: number;
  category: string;
  levels: { stat_max_at_least_months: number | 'life'; level: number }[];
}

export interface GuidelineInputs {
  input: RuleInput;
  charge: ChargeResult;
  statutory: StatutoryResult;
  firearms: FirearmsResult;
  safetyValve: SafetyValveResult;
  role: RoleResult | null;
  /** Criminal history already computed under one Manual (for the safety valve), reused there. */
  known?: KnownHistory | null;
}

export interface KnownHistory {
  manual: IsoDate;
  history: CriminalHistory;
  findings: RawFinding[];
}

export interface GuidelineResult {
  guidelines: Guidelines | null;
  history: CriminalHistory;
  trace: Trace;
}

function bound(range: Range, min: Term, max: Term): Range {
  const [lo, hi] = range;
  // 5G1.1(b): a minimum above the range becomes the guideline sentence.
  if (!termGte(hi, min)) return [min, min];
  // 5G1.1(a): a maximum below the range becomes the guideline sentence.
  if (!termGte(max, lo)) return [max, max];
  // 5G1.1(c): otherwise the range is truncated by the statutory limits.
  return [termGte(lo, min) ? lo : min, termGte(max, hi) ? hi : max];
}

function possessionLevel(c: GuidelineInputs, law: LawSnapshot, trace: Trace): { level: number; law: string } {
  type Levels = { heroin_opiates_or_cocaine_base: number; cocaine_lsd_pcp: number; other: number };
  const r = trace.use(
    law.get<{
      levels: Levels;
      classes: Record<'heroin_opiates_or_cocaine_base' | 'cocaine_lsd_pcp', string[]>;
    }>('us_fed.ussg.2d2_1.base_levels'),
  );
  const { levels, classes } = r.value;
  const of = (s: string) =>
    classes.heroin_opiates_or_cocaine_base.includes(s)
      ? levels.heroin_opiates_or_cocaine_base
      : classes.cocaine_lsd_pcp.includes(s)
        ? levels.cocaine_lsd_pcp
        : levels.other;
  if (c.charge.drugs.some((d) => d.substance === 'cocaine_base'))
    trace.use(law.get('us_fed.ussg.2d2_1.crack_cross_reference'));
  return { level: Math.max(...c.charge.drugs.map((d) => of(d.substance))), law: r.law };
}

function careerOffender(
  c: GuidelineInputs,
  history: CriminalHistory,
  law: LawSnapshot,
  trace: Trace,
): { level: number; law: string } | null {
  if (c.charge.offense === 'usc21_844') return null;
  const r = law.get<CareerOffender>('us_fed.ussg.4b1_1');
  const priors = c.input.case.history?.priors ?? [];
  const qualifying = history.perPrior.filter((s) => {
    const p = priors[s.index];
    return p?.felony === true && s.points > 0 && (p.kind === 'drug_distribution' || p.kind === 'violent');
  }).length;
  if (qualifying < r.value.min_qualifying_priors) return null;
  const birth = c.input.case.person?.birth_year;
  if (birth !== undefined && Number(c.input.dates.offense.slice(0, 4)) - birth < r.value.min_age) return null;
  trace.use(r);
  if (birth === undefined)
    trace.add('guidelines.career_offender.age_assumed', 'info', [r.law], { min_age: r.value.min_age });
  const max = c.statutory.max;
  const row = r.value.levels.find((l) => termGte(max, l.stat_max_at_least_months));
  if (!row) return null;
  trace.add('guidelines.career_offender', 'critical', [r.law], {
    priors: qualifying,
    statutory_max: max,
    level: row.level,
  });
  return { level: row.level, law: r.law };
}

/** The guideline range under one Manual, applied as a whole (USSG 1B1.11(b)(2)). */
export function guidelinesUnder(manual: IsoDate, c: GuidelineInputs): GuidelineResult {
  const law = c.input.law.at(manual);
  const trace = new Trace();
  const history =
    c.known?.manual === manual
      ? trace.absorb(c.known.findings, c.known.history)
      : criminalHistory(c.input.case, c.input.dates.offense, law, trace);
  const conduct = c.input.case.conduct;
  const steps: Step[] = [];
  let level: number;
  const push = (code: string, levels: number, citation: string) => {
    level += levels;
    steps.push({ code, levels, level_after: level, citation });
  };

  // Chapter Two: base offense level and specific offense characteristics.
  let baseLaw: string;
  if (c.charge.offense === 'usc21_844') {
    const p = possessionLevel(c, law, trace);
    level = p.level;
    baseLaw = p.law;
  } else {
    const q = drugQuantityLevel(c.charge.drugs, law, trace);
    if (q.level === null) {
      trace.add('guidelines.quantity.undetermined', 'critical', [q.law], { amount: q.amount });
      return { guidelines: null, history, trace };
    }
    level = q.level;
    baseLaw = q.law;
    if (c.statutory.deathOrSbi) {
      const d = trace.use(
        law.get<{ death_or_sbi: number; death_or_sbi_with_prior: number; tiers: string[] }>(
          'us_fed.ussg.2d1_1.death_sbi_levels',
        ),
      );
      const special =
        c.statutory.row === 'one_prior_death_or_sbi' ? d.value.death_or_sbi_with_prior : d.value.death_or_sbi;
      // (a)(1)-(2) apply only to convictions under the subparagraphs that carry the death terms.
      if (c.statutory.tier && d.value.tiers.includes(c.statutory.tier) && special > level) {
        level = special;
        baseLaw = d.law;
      }
    }
  }
  steps.push({ code: 'guidelines.base_offense_level', levels: level, level_after: level, citation: baseLaw });

  const mitigating = mitigatingRole(c, law, trace);
  if (mitigating && c.charge.offense !== 'usc21_844')
    applyRoleCap(
      mitigating,
      law,
      trace,
      () => level,
      (to, cite) => {
        steps.push({
          code: 'guidelines.mitigating_role_cap',
          levels: to - level,
          level_after: to,
          citation: cite,
        });
        level = to;
      },
    );

  const weapon = conduct.weapon ?? 'none';
  if (c.charge.offense !== 'usc21_844' && weapon !== 'none') {
    const w = trace.use(law.get<number>('us_fed.ussg.2d1_1.weapon'));
    const with924c = trace.use(law.get<{ weapon_increase_with_924c: boolean }>('us_fed.ussg.2k2_4'));
    if ((conduct.firearm_counts ?? 0) > 0 && !with924c.value.weapon_increase_with_924c)
      trace.add('guidelines.weapon.covered_by_924c', 'info', [with924c.law]);
    else {
      push('guidelines.weapon', w.value, w.law);
      if (weapon === 'nearby') trace.add('guidelines.weapon.nearby', 'warning', [w.law]);
    }
  }
  if (c.charge.offense !== 'usc21_844' && (conduct.violence ?? 'none') !== 'none') {
    const v = trace.use(law.get<number>('us_fed.ussg.2d1_1.violence'));
    if (v.value) push('guidelines.violence', v.value, v.law);
  }
  if (c.safetyValve.eligible === true && c.charge.offense !== 'usc21_844') {
    const sv = trace.use(
      law.get<{ levels: number; min_offense_level: number | null }>('us_fed.ussg.2d1_1.safety_valve'),
    );
    if (sv.value.levels && (sv.value.min_offense_level === null || level >= sv.value.min_offense_level))
      push('guidelines.safety_valve', sv.value.levels, sv.law);
  }

  // Chapter Three: role and acceptance.
  const aggravating = aggravatingRole(c, law, trace);
  if (aggravating) push('guidelines.aggravating_role', aggravating.levels, aggravating.law);
  if (mitigating) push(`guidelines.mitigating_role.${mitigating.kind}`, mitigating.levels, mitigating.law);
  // 3E1.1: two levels, and a third when the level before acceptance is high enough (and the government moves).
  const accepted = c.input.case.cooperation?.accepted_responsibility === true;
  const acceptance = accepted
    ? trace.use(law.get<{ a: number; b: number; b_min_level: number }>('us_fed.ussg.3e1_1'))
    : null;
  const acceptanceAt = (before: number): number =>
    acceptance ? acceptance.value.a + (before >= acceptance.value.b_min_level ? acceptance.value.b : 0) : 0;
  if (acceptance) {
    if (level >= acceptance.value.b_min_level)
      trace.add('guidelines.acceptance.third_level_assumed', 'info', [acceptance.law]);
    push('guidelines.acceptance', acceptanceAt(level), acceptance.law);
  }
  // Chapter Four, Part C: zero-point offenders.
  const zp = trace.use(law.get<number>('us_fed.ussg.4c1_1'));
  if (
    zp.value &&
    history.points === 0 &&
    (conduct.violence ?? 'none') === 'none' &&
    !c.statutory.deathOrSbi &&
    weapon === 'none' &&
    !aggravating
  )
    push('guidelines.zero_point_offender', zp.value, zp.law);

  let category = history.category;
  const career = careerOffender(c, history, law, trace);
  if (career) {
    // 4B1.1(b): the acceptance reduction is taken from the career-offender level itself.
    const careerLevel = career.level + acceptanceAt(career.level);
    if (careerLevel > level) {
      steps.push({
        code: 'guidelines.career_offender',
        levels: careerLevel - level,
        level_after: careerLevel,
        citation: career.law,
      });
      level = careerLevel;
    }
    // 4B1.1(b): a career offender's category is VI in every case, whichever level is higher.
    category = law.get<CareerOffender>('us_fed.ussg.4b1_1').value.category;
    if ((conduct.firearm_counts ?? 0) > 0)
      trace.add('guidelines.career_offender.924c_table_not_covered', 'warning', [career.law]);
  }

  const bounds = trace.use(law.get<{ min: number; max: number }>('us_fed.ussg.offense_level_bounds')).value;
  const offenseLevel = Math.min(bounds.max, Math.max(bounds.min, level));
  const table = trace.use(law.get<Record<string, Range[]>>('us_fed.ussg.sentencing_table'));
  const categories = law.get<{ category: string }[]>('us_fed.ussg.chc').value.map((x) => x.category);
  let tableRange = table.value[String(offenseLevel)]?.[categories.indexOf(category)];
  if (!tableRange)
    throw new Error(`sentencing table has no cell for level ${offenseLevel}, category ${category}`);

  // 5C1.2(b): a floor for safety-valve cases whose statutory minimum is at least five years.
  let range: Range = tableRange;
  if (c.safetyValve.eligible === true && law.has('us_fed.ussg.5c1_2b_floor')) {
    const floor = law.get<{
      min_statutory_minimum_months: number;
      min_offense_level?: number;
      min_range_months?: Range;
    }>('us_fed.ussg.5c1_2b_floor');
    if (termGte(c.statutory.min, floor.value.min_statutory_minimum_months)) {
      trace.use(floor);
      if (floor.value.min_offense_level !== undefined && offenseLevel < floor.value.min_offense_level) {
        tableRange =
          table.value[String(floor.value.min_offense_level)]?.[categories.indexOf(category)] ?? tableRange;
        range = tableRange;
        trace.add('guidelines.safety_valve_floor', 'info', [floor.law], {
          level: floor.value.min_offense_level,
        });
      } else if (floor.value.min_range_months && !termGte(tableRange[0], floor.value.min_range_months[0])) {
        range = floor.value.min_range_months;
        trace.add('guidelines.safety_valve_floor', 'info', [floor.law], {
          range: floor.value.min_range_months,
        });
      }
    }
  }
  const g5 = trace.use(law.get('us_fed.ussg.5g1_1'));
  const statMin: Term = c.safetyValve.eligible === true ? 0 : c.statutory.min;
  const bounded = bound(range, statMin, c.statutory.max);
  if (bounded[0] !== range[0] || bounded[1] !== range[1])
    trace.add('guidelines.bounded_by_statute', 'info', [g5.law], { from: range, to: bounded });
  const fa = c.firearms.total;
  const guidelines: Guidelines = {
    offense_level: offenseLevel,
    criminal_history_points: history.points,
    criminal_history_category: category,
    table_range_months: tableRange,
    range_months: bounded,
    steps,
    citations: [
      ...new Set([baseLaw, ...steps.map((s) => s.citation), ...history.citations, table.law, g5.law]),
    ],
  };
  if (fa !== 0) {
    guidelines.total_range_months = [addTerms(bounded[0], fa), addTerms(bounded[1], fa)];
    guidelines.citations?.push('USSG 2K2.4(b)');
  }
  return { guidelines, history, trace };
}

interface RoleLevels {
  organizer_leader_five_or_more: number;
  manager_supervisor_five_or_more: number;
  other: number;
  participants_threshold: number;
}

/** 3B1.1: an organizer, leader, manager or supervisor of others in the offense. */
function aggravatingRole(
  c: GuidelineInputs,
  law: LawSnapshot,
  trace: Trace,
): { levels: number; law: string } | null {
  const acts = c.input.case.conduct.activities;
  const supervised = c.input.case.conduct.people_supervised ?? 0;
  if (!acts.includes('organized') && !acts.includes('supervised') && supervised === 0) return null;
  const r = trace.use(law.get<RoleLevels>('us_fed.ussg.3b1_1'));
  const large = supervised + 1 >= r.value.participants_threshold;
  const levels =
    acts.includes('organized') && large
      ? r.value.organizer_leader_five_or_more
      : large
        ? r.value.manager_supervisor_five_or_more
        : r.value.other;
  return { levels, law: r.law };
}

/** 3B1.2 as far as the Manual presumes it (2D1.1(e)(2), Nov. 2025 on); earlier it is a judgment the engine does not make. */
function mitigatingRole(
  c: GuidelineInputs,
  law: LawSnapshot,
  trace: Trace,
): { kind: 'minimal' | 'minor'; levels: number; law: string } | null {
  const fn = c.role?.function;
  if (!fn) return null;
  const listed = law.get<{ presumed: boolean; minimal: string[]; minor: string[] }>(
    'us_fed.ussg.2d1_1.low_level_functions',
  );
  const levels = law.get<{ minimal: number; between: number; minor: number }>('us_fed.ussg.3b1_2');
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
  trace.use(listed);
  trace.use(levels);
  return { kind, levels: levels.value[kind], law: `${levels.law}; ${listed.law}` };
}

type CapBand = { min_level: number; max_level: number | null; minus?: number; set_to?: number };

function applyRoleCap(
  role: { kind: 'minimal' | 'minor' },
  law: LawSnapshot,
  trace: Trace,
  current: () => number,
  set: (to: number, cite: string) => void,
) {
  const cap = trace.use(
    law.get<{ bands: CapBand[]; minimal_ceiling?: number | null }>('us_fed.ussg.2d1_1.mitigating_role_cap'),
  );
  const level = current();
  const band = cap.value.bands.find(
    (b) => level >= b.min_level && (b.max_level === null || level <= b.max_level),
  );
  let to = level;
  if (band) to = band.set_to !== undefined ? band.set_to : level - (band.minus ?? 0);
  if (role.kind === 'minimal' && cap.value.minimal_ceiling != null && to > cap.value.minimal_ceiling)
    to = cap.value.minimal_ceiling;
  if (to !== level) set(to, cap.law);
}
