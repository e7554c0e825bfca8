import type { Prior } from '../../../model/case.ts';
import { extend } from '../../../model/extend.ts';
import type { RuleInput } from '../../context.ts';
import { Trace } from '../../trace.ts';
import { enhancingPriors, recordPriors } from '../priors.ts';
import { lowestTerm } from '../sentence.ts';
import type {
  AppliedEnhancement,
  PenaltyRow,
  Release,
  StateCharge,
  StateEngine,
  StateSentence,
} from '../types.ts';
import { gridPenalty, levelName, nc15a_1340_14, type ScoredPrior } from './nc-15a-1340.ts';
import { nc90_95Class, nc90_95h } from './nc-90-95.ts';

/** Felony classes from least to most serious (N.C.G.S. 14-1.1, 15A-1340.17). */
const CLASS_ORDER = ['I', 'H', 'G', 'F', 'E', 'D', 'C', 'B2', 'B1', 'A'];

interface Habitual {
  priors_required: number;
  as_class: string | null;
  steps_up: number | null;
  cap_class: string;
}

/** N.C.G.S. 14-7.6: a habitual felon is sentenced as Class C (before 2011-12-01) or four classes higher, capped at C. */
function nc14_7_6(
  input: RuleInput,
  cls: string,
  priors: readonly Prior[],
  trace: Trace,
): { cls: string; enhancement: AppliedEnhancement; used: Prior[] } | undefined {
  const h = trace.cite(input.law.statute('state').get<Habitual>('us_nc.nc14_7_6.habitual_felon'));
  const felonyPriors = priors.filter((p) => p.felony).sort((a, b) => a.date.localeCompare(b.date));
  const felonies = felonyPriors.length;
  if (felonies < h.value.priors_required) return undefined;
  const cap = CLASS_ORDER.indexOf(h.value.cap_class);
  const from = CLASS_ORDER.indexOf(cls);
  const to =
    h.value.as_class !== null
      ? CLASS_ORDER.indexOf(h.value.as_class)
      : Math.min(from + (h.value.steps_up ?? 0), cap);
  const next = CLASS_ORDER[Math.max(to, from)] as string;
  trace.add('exposure.state.nc.habitual_felon', 'warning', [h.law], {
    from: cls,
    to: next,
    priors: felonies,
  });
  return {
    cls: next,
    enhancement: { code: 'nc_14_7_6', citation: h.law, effect: `sentenced_as_class_${next}` },
    used: felonyPriors.slice(0, h.value.priors_required),
  };
}

function release(input: RuleInput, trace: Trace): Release {
  const r = trace.cite(
    input.law
      .statute('state')
      .get<{ parole_eligible: boolean; served_fraction: number }>('us_nc.release.structured'),
  );
  return extend(r.value, { rule: 'nc_minimum_served', citations: [r.law] });
}

/** The priors the record scores, with their place in the case: entered before the offense, not set aside. */
function scoredPriors(input: RuleInput, exclude: ReadonlySet<Prior>): ScoredPrior[] {
  return (input.case.history?.priors ?? [])
    .map((prior, index) => ({ prior, index }))
    .filter(
      ({ prior }) => prior.still_valid !== false && prior.date < input.dates.offense && !exclude.has(prior),
    );
}

/** A prior of the same kind as this offense may include all its elements (15A-1340.14(b)(6)). */
const sameKindAs =
  (conduct: string) =>
  (p: Prior): boolean =>
    conduct === 'possession' ? p.kind === 'drug_possession' : p.kind === 'drug_distribution';

/**
 * North Carolina: trafficking at the fixed 90-95(h) terms; other felonies on the structured sentencing chart
 * (class x prior record level, 15A-1340.17(c)), with the habitual-felon class raise. The prior record level
 * comes from each prior's class (15A-1340.14); a prior whose class is not given carries its best and worst
 * points, and the class is asked. The range is the chart's between the best and the worst level: the lowest
 * minimum (0 where the cell allows a non-prison sentence) and the maximum that follows the highest minimum.
 */
function sentence(input: RuleInput, charge: StateCharge, trace: Trace): StateSentence {
  const priors = enhancingPriors(input, 'us_nc', trace);
  const t = nc90_95h(input, charge, trace);
  if (t) {
    const row = t.row.id.split('.').at(-1) as string;
    const description = `trafficking in ${t.drug} (by weight)`;
    return {
      offense: {
        citation: t.row.law,
        description,
        conduct: 'trafficking',
        class: t.row.value.class,
        tier: row,
      },
      counts: [
        { citation: t.row.law, description, kind: 'offense', row, penalty: t.row.value, consecutive: true },
      ],
      enhancements: [],
      grid: null,
      release: release(input, trace),
    };
  }
  const base = nc90_95Class(input, charge, trace);
  const habitual = nc14_7_6(input, base.offenseClass, priors, trace);
  const cls = habitual?.cls ?? base.offenseClass;
  // 14-7.6: the convictions that make the habitual-felon status are not scored again for the record.
  const used = new Set(habitual?.used ?? []);
  const sameKind = sameKindAs(charge.conduct);
  const record = nc15a_1340_14(input, scoredPriors(input, used), sameKind, trace);
  // Where prior-conviction enhancements are ended (a reform), the record no longer raises the range: the
  // chart is read at the record the enhancing priors make (none), and the scored record is still shown.
  const enhancing = new Set(priors);
  const range =
    priors.length === recordPriors(input).length
      ? record
      : nc15a_1340_14(
          input,
          scoredPriors(input, used).filter((p) => enhancing.has(p.prior)),
          sameKind,
          new Trace(),
        );
  const grid = gridPenalty(input, cls, range.levels, trace);
  // A reform that lets every state penalty be probated (no-mandatory-minimums) reaches the chart through
  // the class's penalty row: its `probation` is null in the law as enacted (the cell decides).
  const classRow = trace.cite(
    input.law.statute('state').get<PenaltyRow>(`us_nc.nc15a_1340_17.penalty.class_${cls}`),
  );
  const penalty: PenaltyRow =
    classRow.value.probation === true
      ? { ...grid.penalty, probation: true, mandatory_months: classRow.value.mandatory_months }
      : grid.penalty;
  const [lo, hi] = range.levels;
  const levels = lo === hi ? levelName(lo) : `${levelName(lo)}-${levelName(hi)}`;
  trace.add('exposure.state.nc.grid_cell', 'info', [grid.law], {
    offense_class: cls,
    level: levels,
    points: record.points[0] === record.points[1] ? record.points[0] : record.points.join('-'),
    dispositions: grid.best.dispositions,
    presumptive: grid.best.presumptive.join('-'),
    max: penalty.max_months ?? 'not verified',
  });
  return {
    offense: {
      citation: base.citation,
      description: base.description,
      conduct: charge.conduct,
      class: cls,
      tier: null,
    },
    counts: [
      {
        citation: base.citation,
        description: base.description,
        kind: 'offense',
        row: `class_${cls}_level_${levels}`,
        penalty,
        consecutive: true,
      },
    ],
    enhancements: habitual ? [habitual.enhancement] : [],
    grid: {
      kind: 'nc_structured_sentencing',
      minimum_months: lowestTerm(penalty),
      maximum_months: penalty.max_months,
      binding: true,
      values: {
        offense_class: cls,
        prior_record_points: record.points,
        prior_record_level: [levelName(record.levels[0]), levelName(record.levels[1])],
        range_level: [levelName(lo), levelName(hi)],
        dispositions: grid.best.dispositions,
        aggravated_months: grid.best.aggravated,
        presumptive_months: grid.best.presumptive,
        mitigated_months: grid.best.mitigated,
      },
      citations: [grid.law, ...record.citations],
    },
    release: release(input, trace),
    rangeCitations: [grid.law],
  };
}

export const northCarolina: StateEngine = { jurisdiction: 'US-NC', sentence };
