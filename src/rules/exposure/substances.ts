import type { Case, Drug, Substance } from '../../model/case.ts';

/**
 * How a contract substance is named in the statute and in the Guidelines. Naming only: every legal
 * quantity, ratio and purity comes from the law data.
 */
interface SubstanceNames {
  /** 841(b)(1) trigger key for the mixture (or the only) amount */
  statute: string | null;
  /** 841(b)(1) trigger key for the actual (pure) amount, computed from purity */
  statuteActual?: string;
  /** Drug Quantity Table row key; null where the table has no row for it (converted drug weight is used) */
  table: string | null;
  /** Drug Quantity Table row key for the actual amount (greater of mixture and actual, USSG 2D1.1(c) note (B)) */
  tableActual?: string;
  /** converted-drug-weight key */
  cdw: string | null;
  marihuanaType?: 'marihuana' | 'plants' | 'hashish';
}

export const SUBSTANCE_NAMES: Record<Substance, SubstanceNames> = {
  heroin: { statute: 'heroin', table: 'heroin', cdw: 'heroin' },
  cocaine: { statute: 'cocaine', table: 'cocaine', cdw: 'cocaine' },
  cocaine_base: { statute: 'cocaine_base', table: 'cocaine_base', cdw: 'cocaine_base' },
  methamphetamine: {
    statute: 'methamphetamine',
    statuteActual: 'methamphetamine_actual',
    table: 'methamphetamine',
    tableActual: 'methamphetamine_actual',
    cdw: 'methamphetamine',
  },
  methamphetamine_actual: {
    statute: 'methamphetamine_actual',
    table: 'methamphetamine_actual',
    cdw: 'methamphetamine_actual',
  },
  ice: { statute: 'methamphetamine', statuteActual: 'methamphetamine_actual', table: 'ice', cdw: 'ice' },
  fentanyl: { statute: 'fentanyl', table: 'fentanyl', cdw: 'fentanyl' },
  fentanyl_analogue: { statute: 'fentanyl_analogue', table: 'fentanyl_analogue', cdw: 'fentanyl_analogue' },
  // Before the HALT Fentanyl Act these were charged as analogues; the class trigger exists from 2025 on.
  fentanyl_related_substance: {
    statute: 'fentanyl_related_substance',
    table: 'fentanyl_analogue',
    cdw: 'fentanyl_analogue',
  },
  marijuana: { statute: 'marihuana', table: 'marihuana', cdw: 'marihuana', marihuanaType: 'marihuana' },
  marijuana_plants: {
    statute: 'marihuana_plants',
    table: 'marihuana',
    cdw: 'marihuana',
    marihuanaType: 'plants',
  },
  hashish: { statute: 'marihuana', table: 'hashish', cdw: 'hashish', marihuanaType: 'hashish' },
  pcp: { statute: 'pcp', statuteActual: 'pcp_actual', table: 'pcp', tableActual: 'pcp_actual', cdw: 'pcp' },
  pcp_actual: { statute: 'pcp_actual', table: 'pcp_actual', cdw: 'pcp_actual' },
  lsd: { statute: 'lsd', table: 'lsd', cdw: 'lsd' },
  oxycodone: { statute: null, table: null, cdw: 'oxycodone_actual' },
  hydrocodone: { statute: null, table: null, cdw: 'hydrocodone_actual' },
  mdma: { statute: null, table: null, cdw: 'mdma' },
  other_schedule_i_ii: { statute: null, table: null, cdw: null },
};

/** The amount of a drug entry in its natural unit: plants are counted, everything else weighed. */
export function amountOf(d: Drug): number {
  return d.substance === 'marijuana_plants' ? (d.count ?? 0) : (d.grams ?? 0);
}

/** The case path of a field of one of the case's drug entries (`conduct.drugs.2.grams`), for questions. */
export function drugPath(c: Case, d: Drug, field: keyof Drug): string {
  return `conduct.drugs.${c.conduct.drugs.indexOf(d)}.${field}`;
}
