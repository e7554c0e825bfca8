import type { Resolved } from '../../law/book.ts';
import type { LawView } from '../../law/reader.ts';
import type { Guidelines, RoleResult } from '../../model/assessment.ts';
import type { IsoDate } from '../../model/dates.ts';
import { dotted } from '../../model/dotted.ts';
import { extend } from '../../model/extend.ts';
import type { RawFinding } from '../../model/finding.ts';
import { addTerms, type Term, termGte } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';
import type { Bound } from './bounds.ts';
import type { ChargeResult } from './charge.ts';
import { type CriminalHistory, criminalHistory } from './criminal-history.ts';
import type { FirearmsResult } from './firearms-924c.ts';
import type { SafetyValveResult } from './safety-valve.ts';
import type { StatutoryResult } from './statutory.ts';
import type { FelonInPossessionResult } from './usc18-922g.ts';
import {
  type BaseLevel,
  drugBaseLevel,
  safetyValveDecrease,
  violenceIncrease,
  weaponIncrease,
} from './ussg-2d1-1.ts';
import { possessionLevel } from './ussg-2d2-1.ts';
import { firearmCount } from './ussg-2k2-1.ts';
import { aggravatingRole, mitigatingRole } from './ussg-3b1.ts';
import { obstruction } from './ussg-3c1-1.ts';
import { groupDrugAndFirearm } from './ussg-3d1.ts';
import { acceptance } from './ussg-3e1-1.ts';
import { careerOffender, careerOffender924c } from './ussg-4b1-1.ts';
import { armedCareerCriminalFloor } from './ussg-4b1-4.ts';
import { zeroPointDecrease } from './ussg-4c1-1.ts';
import { safetyValveFloor } from './ussg-5c1-2.ts';
import { boundByStatute, type Range } from './ussg-5g1-1.ts';

type Step = NonNullable<Guidelines['steps']>[number];

export interface GuidelineInputs {
  input: RuleInput;
  charge: ChargeResult;
  statutory: StatutoryResult;
  firearms: FirearmsResult;
  safetyValve: SafetyValveResult;
  role: RoleResult | null;
  /** 18 U.S.C. 922(g) counts charged with the drug count (null: none) */
  felonInPossession?: FelonInPossessionResult | null;
  /** Criminal history already computed under one Manual (for the safety valve), reused there. */
  known?: KnownHistory | null;
  /** where the court's findings are unknown, the end of the range to read them at (default: worst) */
  bound?: Bound;
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

/** The worksheet: the offense level as each step changes it, each step with its citation. */
class Worksheet {
  readonly steps: Step[] = [];
  constructor(public level: number) {}
  add(code: string, levels: number, citation: string): void {
    this.level += levels;
    this.steps.push({ code, levels, level_after: this.level, citation });
  }
  setTo(code: string, to: number, citation: string): void {
    this.steps.push({ code, levels: to - this.level, level_after: to, citation });
    this.level = to;
  }
}

/** The Sentencing Table compiled once per law period (its methods too: they are made once, not per case). */
interface CompiledTable {
  law: string;
  table: Resolved;
  chc: Resolved;
  /** the higher of two criminal history categories */
  higher(a: string, b: string): string;
  cell(level: number, category: string): Range | undefined;
}

/** 5A: the Sentencing Table cell of an offense level and a criminal history category. */
function sentencingTable(law: LawView, trace: Trace): CompiledTable {
  const t = law.compiled<CompiledTable>('sentencing_table', (read) => {
    const table = read<Record<string, Range[]>>('us_fed.ussg.sentencing_table');
    const chc = read<{ category: string }[]>('us_fed.ussg.chc');
    // cells[level][category index]
    const cells: (Range[] | undefined)[] = [];
    for (const [level, row] of Object.entries(table.value)) cells[Number(level)] = row;
    const categories = chc.value.map((x) => x.category);
    return {
      law: table.law,
      table,
      chc,
      higher: (a, b) => (categories.indexOf(b) > categories.indexOf(a) ? b : a),
      cell: (level, category) => cells[level]?.[categories.indexOf(category)],
    };
  });
  trace.cite(t.table);
  trace.cite(t.chc);
  return t;
}

/** What Chapter Five reads besides the worksheet level. */
interface ChapterFive {
  bounds: { min: number; max: number };
  table: CompiledTable;
  category: string;
  inputs: GuidelineInputs;
  statMin: Term;
  statMax: Term;
  law: LawView;
}

/** Chapter Five from a worksheet level: the table cell, the safety-valve floor, the statutory bounds. */
function rangeFor(level: number, k: ChapterFive, t: Trace) {
  const { bounds, table, category, law } = k;
  const offenseLevel = Math.min(bounds.max, Math.max(bounds.min, level));
  const cell = table.cell(offenseLevel, category);
  if (!cell) throw new Error(`sentencing table has no cell for level ${offenseLevel}, category ${category}`);
  const { tableRange, range } =
    k.inputs.safetyValve.eligible === true
      ? safetyValveFloor(cell, k.inputs.statutory.min, offenseLevel, (l) => table.cell(l, category), law, t)
      : { tableRange: cell, range: cell };
  return { offenseLevel, tableRange, bounded: boundByStatute(range, k.statMin, k.statMax, law, t) };
}

/** The guideline range under one Manual, applied as a whole (USSG 1B1.11(b)(2)). */
export function guidelinesUnder(manual: IsoDate, c: GuidelineInputs): GuidelineResult {
  const law = c.input.law.at(manual, 'guidelines');
  const trace = new Trace();
  const kase = c.input.case;
  const history =
    c.known?.manual === manual
      ? trace.absorb(c.known.findings, c.known.history)
      : criminalHistory(kase, c.input.dates.offense, law, trace);
  const possession = c.charge.offense === 'usc21_844';

  // Chapter Two: base offense level and specific offense characteristics.
  const bound = c.bound ?? 'worst';
  const mitigating = mitigatingRole(c.role, kase, bound, law, trace);
  const base: BaseLevel | null = possession
    ? extend(possessionLevel(c.charge.drugs, law, trace), { cap: null })
    : drugBaseLevel(c.charge.drugs, c.statutory, mitigating, law, trace, kase);
  if (!base) return { guidelines: null, history, trace };
  const sheet = new Worksheet(base.level);
  sheet.steps.push({
    code: 'guidelines.base_offense_level',
    levels: base.level,
    level_after: base.level,
    citation: base.law,
  });
  if (base.cap) sheet.setTo('guidelines.mitigating_role_cap', base.cap.to, base.cap.law);
  let weaponApplied = false;
  if (!possession)
    for (const adj of [weaponIncrease(kase, law, trace), violenceIncrease(kase, law, trace)])
      if (adj) {
        sheet.add(adj.code, adj.levels, adj.law);
        if (adj.code === 'guidelines.weapon') weaponApplied = true;
      }
  if (c.safetyValve.eligible === true && !possession) {
    const sv = safetyValveDecrease(sheet.level, law, trace);
    if (sv) sheet.add(sv.code, sv.levels, sv.law);
  }

  // Chapter Three: role, obstruction and acceptance.
  const aggravating = aggravatingRole(kase, law, trace);
  if (aggravating) sheet.add('guidelines.aggravating_role', aggravating.levels, aggravating.law);
  if (mitigating)
    sheet.add(dotted('guidelines.mitigating_role', mitigating.kind), mitigating.levels, mitigating.law);
  const obstructed = obstruction(kase, bound, law, trace);
  if (obstructed) sheet.add('guidelines.obstruction', obstructed.levels, obstructed.law);

  // Chapter Three, Part D: a 922(g) count beside the drug count, scored under 2K2.1 with the same Part B-C
  // adjustments, then grouped with it (3D1.2(c)) or combined by units (3D1.4).
  const fip = c.felonInPossession ?? null;
  const with924c = (kase.conduct.firearm_counts ?? 0) > 0;
  if (fip) {
    const count = firearmCount(kase, !possession, history, law, trace);
    if (count) {
      const adjustments = (aggravating?.levels ?? 0) + (mitigating?.levels ?? 0) + (obstructed?.levels ?? 0);
      const g = groupDrugAndFirearm(
        sheet.level,
        count.level + adjustments,
        weaponApplied || count.anotherFelony,
        with924c,
        law,
        trace,
      );
      // Where authority divides on grouping, the best case reads it the person's way (one group).
      const level = bound === 'best' ? g.bestLevel : g.level;
      const grouped = g.grouped || level !== g.level;
      if (level !== sheet.level)
        sheet.setTo(
          grouped ? 'guidelines.grouping.firearm_count' : 'guidelines.grouping.units',
          level,
          g.law,
        );
    }
  }
  const accepted = acceptance(kase, law, trace);
  // Levels the third acceptance level would still take off if the government moves for it (the best case).
  let openLevels = 0;
  if (accepted) {
    const before = sheet.level;
    if (accepted.thirdLevel(before))
      trace.add(
        accepted.needsMotion
          ? 'guidelines.acceptance.third_level_on_motion'
          : 'guidelines.acceptance.third_level_assumed',
        'info',
        [accepted.law],
      );
    openLevels = accepted.bestAt(before) - accepted.at(before);
    sheet.add('guidelines.acceptance', accepted.at(before), accepted.law);
  }
  // Chapter Four, Part C: zero-point offenders.
  const zp = zeroPointDecrease(
    kase,
    history.points,
    c.statutory.deathOrSbi,
    aggravating !== null,
    law,
    trace,
  );
  if (zp) sheet.add('guidelines.zero_point_offender', zp.levels, zp.law);

  let category = history.category;
  let bestLevel = sheet.level + openLevels;
  const career = careerOffender(
    kase,
    c.charge.offense,
    c.input.dates.offense,
    c.statutory.max,
    history,
    law,
    trace,
  );
  if (career) {
    // 4B1.1(b): the acceptance reduction is taken from the career-offender level itself.
    const careerLevel = career.level + (accepted?.at(career.level) ?? 0);
    bestLevel = Math.max(bestLevel, career.level + (accepted?.bestAt(career.level) ?? 0));
    if (careerLevel > sheet.level) sheet.setTo('guidelines.career_offender', careerLevel, career.law);
    // 4B1.1(b): a career offender's category is VI in every case, whichever level is higher.
    category = career.category;
  }

  const bounds = trace.cite(law.get<{ min: number; max: number }>('us_fed.ussg.offense_level_bounds')).value;
  const table = sentencingTable(law, trace);
  // 4B1.4: an armed career criminal. Where a missing fact decides 924(e), the worst case applies it, the best not.
  const armed = fip?.acca.applies === true || (fip?.acca.applies === null && bound === 'worst');
  const acc = armed ? armedCareerCriminalFloor(!possession && !with924c, law, trace) : null;
  if (acc) {
    const accLevel = acc.level + (accepted?.at(acc.level) ?? 0);
    bestLevel = Math.max(bestLevel, acc.level + (accepted?.bestAt(acc.level) ?? 0));
    if (accLevel > sheet.level) sheet.setTo('guidelines.armed_career_criminal', accLevel, acc.law);
    category = table.higher(category, acc.category);
    trace.add('guidelines.armed_career_criminal', 'critical', [acc.law], {
      level: acc.level,
      category: acc.category,
    });
  }
  // With a 922(g) count the range answers to the greatest minimum and the counts' maximums together (5G1.2).
  const drugMin: Term = c.safetyValve.eligible === true ? 0 : c.statutory.min;
  const statMin: Term = fip && termGte(fip.min, drugMin) ? fip.min : drugMin;
  const statMax: Term = fip ? addTerms(c.statutory.max, fip.max) : c.statutory.max;
  const five: ChapterFive = { bounds, table, category, inputs: c, statMin, statMax, law };
  const { offenseLevel, tableRange, bounded } = rangeFor(sheet.level, five, trace);
  if (accepted && bestLevel < sheet.level) {
    const best = rangeFor(bestLevel, five, new Trace());
    trace.add('guidelines.acceptance.third_level_undetermined', 'warning', [accepted.law], {
      missing: 'cooperation.acceptance_government_motion',
      offense_level: best.offenseLevel,
      range: best.bounded.range,
      worst_offense_level: offenseLevel,
      worst_range: bounded.range,
    });
  }
  const fa = c.firearms.total;
  const guidelines: Guidelines = {
    offense_level: offenseLevel,
    criminal_history_points: history.points,
    criminal_history_category: category,
    table_range_months: tableRange,
    range_months: bounded.range,
    steps: sheet.steps,
    citations: [
      ...new Set([
        base.law,
        ...sheet.steps.map((s) => s.citation),
        ...history.citations,
        table.law,
        bounded.law,
      ]),
    ],
  };
  if (base.convertedGrams !== undefined) guidelines.converted_drug_weight_grams = base.convertedGrams;
  if (fa !== 0) {
    const withFirearms: Range = [addTerms(bounded.range[0], fa), addTerms(bounded.range[1], fa)];
    guidelines.total_range_months = withFirearms;
    guidelines.citations?.push('USSG 2K2.4(b)');
    if (career) {
      const reduction = !accepted ? 'none' : accepted.thirdLevel(career.level) ? 'a_and_b' : 'a';
      const c = careerOffender924c(withFirearms, reduction, law, trace);
      if (c) {
        guidelines.total_range_months = c.range;
        guidelines.citations?.push(c.law);
      }
    }
  }
  return { guidelines, history, trace };
}
