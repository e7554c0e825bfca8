import type { Prior } from '../../../model/case.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { type PenaltyRow, StateRefusal } from '../types.ts';

/** One cell of the felony punishment chart: dispositions ("C/I/A") and three ranges of minimum terms. */
export interface Cell {
  dispositions: string;
  aggravated: [number, number];
  presumptive: [number, number];
  mitigated: [number, number];
}

interface MaximumRule {
  percent: number;
  add_months: Record<string, number>;
  corrections: Record<string, number>;
}

interface Points {
  felony: Record<string, number>;
  misdemeanor: Record<string, number>;
  same_elements: number;
  under_sentence: number;
}

const LEVELS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

/** The prior record: points and levels as [best, worst] (equal when every prior's class is known). */
export interface PriorRecord {
  points: [number, number];
  levels: [number, number];
  /** case paths of the facts that would settle the points (each prior's class) */
  missing: string[];
  citations: string[];
}

/** A prior scored for the record, with its place in the case (for the question that asks its class). */
export interface ScoredPrior {
  prior: Prior;
  index: number;
}

/**
 * N.C.G.S. 15A-1340.14: prior record points from the class of each prior conviction, and the level they make.
 * A prior without its class counts as the least and the most its kind can score (felony: Class H or I to A;
 * misdemeanor: 0 or 1), and the class is asked. A prior of the same kind as this offense may carry the
 * (b)(6) same-elements point: the worst case counts it. The (b)(7) point counts when the case says the offense
 * was committed under a sentence (`history.under_sentence_at_offense`).
 */
export function nc15a_1340_14(
  input: RuleInput,
  priors: readonly ScoredPrior[],
  sameKind: (p: Prior) => boolean,
  trace: Trace,
): PriorRecord {
  const law = input.law.statute('state');
  const table = trace.cite(law.get<Points>('us_nc.nc15a_1340_14.points'));
  const bounds = trace.cite(law.get<number[]>('us_nc.nc15a_1340_14.levels'));
  const felonyPoints = Object.values(table.value.felony);
  let best = 0;
  let worst = 0;
  const missing: string[] = [];
  for (const { prior, index } of priors) {
    const scale = prior.felony ? table.value.felony : table.value.misdemeanor;
    const cls = prior.offense_class;
    if (cls === undefined) {
      const range = prior.felony ? felonyPoints : Object.values(table.value.misdemeanor);
      best += Math.min(...range);
      worst += Math.max(...range);
      missing.push(`history.priors.${index}.offense_class`);
      continue;
    }
    const points = scale[cls];
    if (points === undefined)
      throw new StateRefusal('exposure.state.nc.prior_class_not_covered', {
        class: cls,
        felony: prior.felony,
        path: `history.priors.${index}.offense_class`,
      });
    best += points;
    worst += points;
  }
  if (priors.some((p) => sameKind(p.prior))) {
    worst += table.value.same_elements;
    trace.add('exposure.state.nc.same_elements_point', 'info', [table.law], {
      points: table.value.same_elements,
    });
  }
  if (input.case.history?.under_sentence_at_offense === true) {
    best += table.value.under_sentence;
    worst += table.value.under_sentence;
  }
  if (missing.length)
    trace.add('exposure.state.nc.prior_class_undetermined', 'warning', [table.law], {
      missing,
      points: `${best}-${worst}`,
    });
  const level = (points: number) => bounds.value.filter((least) => points >= least).length;
  return {
    points: [best, worst],
    levels: [level(best), level(worst)],
    missing,
    citations: [table.law, bounds.law],
  };
}

export const levelName = (level: number): string => LEVELS[level - 1] ?? String(level);

/** 15A-1340.17(d), (e): the maximum that follows a minimum term for the offense class on the offense date. */
export function maximumFor(input: RuleInput, cls: string, minimum: number, trace: Trace): number {
  const rule = trace.cite(input.law.statute('state').get<MaximumRule>('us_nc.nc15a_1340_17.maximum'));
  const add = rule.value.add_months[cls];
  if (add === undefined)
    throw new StateRefusal('exposure.state.nc.class_not_covered', { offense_class: cls });
  // "twenty percent of the minimum, rounded to the next highest month": whole-month arithmetic, no float error
  const percent = Math.floor((minimum * rule.value.percent + 99) / 100);
  return minimum + percent + add + (rule.value.corrections[String(minimum)] ?? 0);
}

/** The chart row of a class on the offense date (15A-1340.17(c)); a class not filed is refused. */
export function chartRow(
  input: RuleInput,
  cls: string,
  trace: Trace,
): { cells: (Cell | null)[]; law: string } {
  const id = `us_nc.nc15a_1340_17.chart.class_${cls}`;
  const law = input.law.statute('state');
  if (!law.exists(id)) throw new StateRefusal('exposure.state.nc.class_not_covered', { offense_class: cls });
  const row = trace.cite(law.get<(Cell | null)[]>(id));
  return { cells: row.value, law: row.law };
}

/** Whether a cell lets the court impose a non-prison sentence (a community or intermediate punishment). */
export const allowsNonActive = (cell: Cell): boolean =>
  cell.dispositions.split('/').some((d) => d === 'C' || d === 'I');

/**
 * The penalty the chart allows between the best and the worst prior record level: the lowest minimum is the
 * mitigated bottom of the best cell (0 where that cell allows a non-prison sentence), the highest maximum the one
 * that follows the aggravated top of the worst cell. A best cell not in the knowledge base is refused; a worst
 * one leaves the maximum undetermined (said).
 */
export function gridPenalty(
  input: RuleInput,
  cls: string,
  levels: [number, number],
  trace: Trace,
): { penalty: PenaltyRow; best: Cell; worst: Cell | null; law: string } {
  const row = chartRow(input, cls, trace);
  const [lo, hi] = levels;
  const best = row.cells[lo - 1] ?? null;
  if (!best)
    throw new StateRefusal('exposure.state.nc.grid_cell_not_verified', {
      offense_class: cls,
      level: levelName(lo),
    });
  const worst = row.cells[hi - 1] ?? null;
  if (!worst)
    trace.add('exposure.state.nc.grid_cell_not_verified', 'warning', [row.law], {
      offense_class: cls,
      level: levelName(hi),
    });
  const nonActive = allowsNonActive(best);
  const bottom = best.mitigated[0];
  return {
    penalty: {
      min_months: bottom,
      max_months: worst ? maximumFor(input, cls, worst.aggravated[1], trace) : null,
      mandatory_months: nonActive ? 0 : bottom,
      probation: nonActive,
    },
    best,
    worst,
    law: row.law,
  };
}
