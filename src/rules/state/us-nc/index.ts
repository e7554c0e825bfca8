import type { Prior } from '../../../model/case.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { enhancingPriors, recordPriors } from '../priors.ts';
import type {
  AppliedEnhancement,
  PenaltyRow,
  Release,
  StateCharge,
  StateEngine,
  StateSentence,
} from '../types.ts';
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
): { cls: string; enhancement: AppliedEnhancement } | undefined {
  const h = trace.cite(input.law.statute('state').get<Habitual>('us_nc.nc14_7_6.habitual_felon'));
  const felonies = priors.filter((p) => p.felony).length;
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
  };
}

function release(input: RuleInput, trace: Trace): Release {
  const r = trace.cite(
    input.law
      .statute('state')
      .get<{ parole_eligible: boolean; served_fraction: number }>('us_nc.release.structured'),
  );
  return { ...r.value, rule: 'nc_minimum_served', citations: [r.law] };
}

/**
 * North Carolina: trafficking at the fixed 90-95(h) terms; other felonies on the structured sentencing grid
 * (class x prior record level), with the habitual-felon class raise. The grid's cells and the prior record
 * level (which needs each prior's class) are not in the knowledge base: the class's span of minimum terms is
 * shown, the maximum is undetermined, and both are said.
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
  const row = trace.cite(
    input.law
      .statute('state')
      .get<PenaltyRow & { highest_minimum_months: number }>(`us_nc.nc15a_1340_17.penalty.class_${cls}`),
  );
  const cells = trace.cite(input.law.statute('state').get<unknown>('us_nc.nc15a_1340_17.grid_cells'));
  trace.add('exposure.state.nc.grid_cells_unverified', 'warning', [cells.law], {
    offense_class: cls,
    priors: recordPriors(input).length,
  });
  // Whether a non-prison sentence is allowed depends on the cell (unknown): the class's lowest minimum is the worst case.
  const { highest_minimum_months: high, ...penalty } = row.value;
  const low = penalty.min_months;
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
        row: `class_${cls}`,
        penalty,
        consecutive: true,
      },
    ],
    enhancements: habitual ? [habitual.enhancement] : [],
    grid: {
      kind: 'nc_structured_sentencing',
      minimum_months: null,
      maximum_months: null,
      binding: true,
      values: { offense_class: cls, minimum_span_months: [low, high], prior_record_level: null },
      citations: [row.law, cells.law],
    },
    release: release(input, trace),
  };
}

export const northCarolina: StateEngine = { jurisdiction: 'US-NC', sentence };
