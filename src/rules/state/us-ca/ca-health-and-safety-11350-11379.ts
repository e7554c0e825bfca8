import type { Prior } from '../../../model/case.ts';
import type { RuleInput } from '../../context.ts';
import type { Trace } from '../../trace.ts';
import { splitCovered } from '../bands.ts';
import { type PenaltyRow, type StateCharge, type StateCount, StateRefusal } from '../types.ts';

type Kind = 'narcotic' | 'cocaine_base' | 'methamphetamine';

/** Which section a conduct and drug kind fall under: possession, possession for sale, or sale/transport. */
const SECTION: Record<'possession' | 'for_sale' | 'sale', Record<Kind, string>> = {
  possession: {
    narcotic: 'hs11350.penalty.narcotic',
    cocaine_base: 'hs11350.penalty.narcotic',
    methamphetamine: 'hs11377.penalty.methamphetamine',
  },
  for_sale: {
    narcotic: 'hs11351.penalty.narcotic',
    cocaine_base: 'hs11351_5.penalty.cocaine_base',
    methamphetamine: 'hs11378.penalty.methamphetamine',
  },
  sale: {
    narcotic: 'hs11352.penalty.narcotic',
    cocaine_base: 'hs11352.penalty.narcotic',
    methamphetamine: 'hs11379.penalty.methamphetamine',
  },
};

const MODE_LABEL = {
  possession: 'possession',
  for_sale: 'possession for sale',
  sale: 'sale, furnishing or transport for sale',
} as const;

export interface CaOffense {
  count: StateCount;
  section: string;
  /** felony, wobbler or misdemeanor, as filed with the row */
  offenseClass: string | null;
}

interface CaRow extends PenaltyRow {
  offense_class?: string;
}

/**
 * Cal. H&S 11350-11379: simple possession (11350, 11377: misdemeanors since Proposition 47), possession for sale
 * (11351, 11351.5, 11378) or sale, furnishing and transport for sale (11352, 11379), each with its triad; the
 * range runs from the low to the upper term. The most serious drug kind charged decides the section.
 */
export function caOffense(input: RuleInput, charge: StateCharge, trace: Trace): CaOffense {
  const law = input.law.statute('state');
  const kinds = trace.cite(law.get<Record<string, Kind>>('us_ca.hs.drug_kind'));
  const { covered, left } = splitCovered(charge.drugs, (d) => kinds.value[d.substance] !== undefined);
  if (!covered.length) throw new StateRefusal('exposure.state.substance_not_covered', { substances: left });
  if (left.length)
    trace.add('exposure.state.substance_not_counted', 'warning', [kinds.law], { substances: left });
  let mode: keyof typeof SECTION = 'possession';
  if (charge.conduct !== 'possession') {
    const sale = trace.cite(law.get<string[]>('us_ca.hs11352.sale_activities'));
    mode = input.case.conduct.activities.some((a) => sale.value.includes(a)) ? 'sale' : 'for_sale';
  }
  // The kind whose row has the longest upper term leads (cocaine base for sale before narcotic, etc.).
  const candidates = [...new Set(covered.map((d) => kinds.value[d.substance] as Kind))].map((k) => {
    const id = `us_ca.${SECTION[mode][k]}`;
    return trace.cite(law.get<CaRow | null>(id));
  });
  const unverified = candidates.find((r) => r.value === null);
  if (unverified) throw new StateRefusal('exposure.state.value_unverified', { parameter: unverified.id });
  const rows = candidates as { id: string; law: string; value: CaRow }[];
  const r = rows.reduce((a, b) => ((b.value.max_months ?? 0) > (a.value.max_months ?? 0) ? b : a));
  if (mode === 'possession' && r.value.probation === true)
    trace.add('exposure.state.ca.prop_47', 'info', [r.law]);
  const section = r.id.split('.')[1] ?? r.id;
  return {
    count: {
      citation: r.law,
      description: `${MODE_LABEL[mode]} of a controlled substance`,
      kind: 'offense',
      row: r.id.split('.').at(-1) ?? r.id,
      penalty: r.value,
      consecutive: true,
    },
    section,
    offenseClass: r.value.offense_class ?? null,
  };
}

/**
 * Cal. H&S 11370.2: a consecutive three-year term for each qualifying prior drug conviction - sale and
 * possession-for-sale priors before SB 180, only 11380 priors (using a minor) after it. Possession offenses do not
 * carry it.
 */
export function ca11370_2(
  input: RuleInput,
  charge: StateCharge,
  priors: readonly Prior[],
  trace: Trace,
): StateCount[] {
  if (charge.conduct === 'possession') return [];
  const law = input.law.statute('state');
  const kinds = trace.cite(law.get<string[]>('us_ca.hs11370_2.qualifying_prior_kinds'));
  const sale = priors.filter((p) => p.kind === 'drug_distribution');
  const qualifying = priors.filter((p) => kinds.value.includes(p.kind));
  if (sale.length && !qualifying.length)
    trace.add('exposure.state.ca.prior_enhancement_repealed', 'info', [kinds.law], { priors: sale.length });
  if (!qualifying.length) return [];
  const r = trace.cite(law.get<PenaltyRow>('us_ca.hs11370_2.penalty.per_prior'));
  trace.add('exposure.state.ca.prior_enhancement', 'critical', [kinds.law], { priors: qualifying.length });
  return qualifying.map((p) => ({
    citation: r.law,
    description: `prior drug conviction (${p.date}) enhancement`,
    kind: 'offense' as const,
    row: 'per_prior',
    penalty: r.value,
    consecutive: true,
  }));
}

/** Penal Code 12022(c): personally armed with a firearm during a sale or possession-for-sale offense. */
export function ca12022c(input: RuleInput, charge: StateCharge, trace: Trace): StateCount | undefined {
  const weapon = input.case.conduct.weapon ?? 'none';
  if (weapon === 'none' || charge.conduct === 'possession') return undefined;
  if (weapon === 'nearby') {
    trace.add('exposure.state.firearm_reach_undetermined', 'warning', [], { weapon });
    return undefined;
  }
  const r = trace.cite(input.law.statute('state').get<PenaltyRow>('us_ca.pc12022_c.penalty.armed'));
  trace.add('exposure.state.ca.armed', 'critical', [r.law]);
  return {
    citation: r.law,
    description: 'personally armed with a firearm',
    kind: 'firearm',
    row: 'armed',
    penalty: r.value,
    consecutive: true,
  };
}
