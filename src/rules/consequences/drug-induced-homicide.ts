import { jurisdictionKey } from '../../law/jurisdiction.ts';
import { dotted } from '../../model/dotted.ts';
import { type Charge, type Collector, uniq } from './common.ts';

interface DihLaw {
  exists: boolean | null;
  citation: string | null;
  classification: string | null;
  penalty_min_years: number | string | null;
  penalty_max_years: number | string | null;
  status: string;
}

export interface DrugInducedHomicide {
  applies: boolean | null;
  value: {
    parameter: string;
    classification: string | null;
    penalty_min_years: unknown;
    penalty_max_years: unknown;
    citation: string;
  }[];
  reasons: string[];
  citations: string[];
}

/**
 * Exposure to drug-induced homicide where a death resulted; null otherwise. A criminal statute: read at the
 * offense date, never a later, harsher one (U.S. Const. art. I, s. 10); a later statute is named as not reaching
 * the conduct.
 */
export function drugInducedHomicide(col: Collector, charge: Charge): DrugInducedHomicide | null {
  const c = col.input.case;
  if (!c.conduct.death_resulted) return null;
  const base = dotted(jurisdictionKey(c.jurisdiction), 'drug_induced_homicide');
  const offense = col.input.dates.offense;
  const laws = col.input.law
    .atOffense('consequences')
    .family<DihLaw>(base)
    .filter((r) => r.value !== null);
  const inForce = new Set(laws.filter((r) => r.value.exists === true).map((r) => r.id));
  for (const r of col.law.family<DihLaw>(base))
    if (r.value?.exists === true && !inForce.has(r.id) && r.from > offense)
      col.add('consequences.drug_induced_homicide.later_law_not_applied', 'info', [r.law], {
        parameter: r.id,
        from: r.from,
        offense_date: offense,
      });
  if (laws.length === 0) {
    col.add('consequences.drug_induced_homicide.not_in_knowledge_base', 'warning', [], {
      jurisdiction: c.jurisdiction,
      date: offense,
    });
    return {
      applies: null,
      value: [],
      reasons: [
        `No drug-induced homicide law for ${c.jurisdiction} on the offense date, ${offense}, is in the knowledge base.`,
      ],
      citations: [],
    };
  }
  const known = laws.filter((r) => r.value.exists === true);
  const reasons: string[] = [];
  for (const r of laws) {
    if (r.value.exists === true) {
      col.add('consequences.drug_induced_homicide.exposure', 'critical', [r.law], {
        classification: r.value.classification,
        penalty_min_years: r.value.penalty_min_years,
        penalty_max_years: r.value.penalty_max_years,
      });
      reasons.push(`${r.law}: ${r.value.classification ?? 'drug-induced homicide'}.`);
    } else {
      col.add('consequences.drug_induced_homicide.unverified', 'warning', [r.law], { parameter: r.id });
      reasons.push(`${r.law}: unverified.`);
    }
  }
  let applies: boolean | null = known.length > 0 ? true : null;
  if (applies && charge === 'possession') {
    applies = null;
    col.add(
      'consequences.drug_induced_homicide.requires_delivery',
      'warning',
      uniq(known.map((r) => r.law)),
      {
        question: 'Did the person deliver or share the drug that caused the death?',
      },
    );
    reasons.push('These offenses require a delivery or distribution; the charge here is possession.');
  }
  return {
    applies,
    value: known.map((r) => ({
      parameter: r.id,
      classification: r.value.classification,
      penalty_min_years: r.value.penalty_min_years,
      penalty_max_years: r.value.penalty_max_years,
      citation: r.law,
    })),
    reasons,
    citations: uniq(laws.map((r) => r.law)),
  };
}
