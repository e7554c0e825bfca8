import { jurisdictionKey } from '../../law/jurisdiction.ts';
import { dotted } from '../../model/dotted.ts';
import { type Charge, type Collector, uniq } from './common.ts';

interface Designation {
  violent_distribution: boolean | null;
  violent_possession: boolean | null;
  scope: string;
  conflicts_with_report?: boolean;
}
interface FirearmRule {
  penalty_min_years: number | string | null;
  penalty_max_years: number | string | null;
  enforceable: boolean;
  citation: string | null;
}

export interface ViolentLabel {
  applies: boolean | null;
  reasons: string[];
  citations: string[];
  firearm_enhancement?: {
    enforceable: boolean;
    penalty_min_years: unknown;
    penalty_max_years: unknown;
    citations: string[];
  } | null;
}

/**
 * Is the offense labelled "violent" in the jurisdiction (read at the evaluation date), and does a weapon change
 * it (the drugs-plus-firearm statute in force at the offense date)?
 */
export function violentLabel(col: Collector, charge: Charge): ViolentLabel {
  const c = col.input.case;
  const p = jurisdictionKey(c.jurisdiction);
  const d = col.law.maybe<Designation>(dotted(p, 'violent_designation'));
  const reasons: string[] = [];
  const citations: string[] = [];
  let applies: boolean | null = null;
  if (!d || d.value === null) {
    col.add('consequences.violent_label.not_in_knowledge_base', 'info', [], {
      jurisdiction: c.jurisdiction,
      date: col.date,
    });
    reasons.push(`Whether ${c.jurisdiction} labels this offense violent is not in the knowledge base.`);
  } else {
    citations.push(d.law);
    applies = charge === 'distribution' ? d.value.violent_distribution : d.value.violent_possession;
    if (applies === true) {
      col.add('consequences.violent_label.violent', 'warning', [d.law], { jurisdiction: c.jurisdiction });
      reasons.push(`${d.law} lists the offense as violent: ${d.value.scope}.`);
    } else if (applies === false) {
      col.add('consequences.violent_label.not_violent', 'info', [d.law], { jurisdiction: c.jurisdiction });
      reasons.push(`${d.law}: ${d.value.scope}.`);
    } else {
      col.add('consequences.violent_label.undetermined', 'warning', [d.law], {
        jurisdiction: c.jurisdiction,
        scope: d.value.scope,
      });
      reasons.push(`Not settled for a ${charge} charge: ${d.value.scope}.`);
    }
    if (d.value.conflicts_with_report)
      col.add('consequences.violent_label.report_conflict', 'info', [d.law, 'DPA 2019'], {
        jurisdiction: c.jurisdiction,
      });
  }

  let firearm: ViolentLabel['firearm_enhancement'] = null;
  const weapon = c.conduct.weapon ?? 'none';
  // A penalty statute: the one in force at the offense date; a court's later holding that it is unenforceable
  // (e.g. Pennsylvania after Commonwealth v. Newman) reaches the case, so enforceability is read today.
  const id = dotted(p, 'drug_firearm_enhancement');
  const then = weapon === 'none' ? undefined : col.input.law.atOffense('consequences').maybe<FirearmRule>(id);
  const now = weapon === 'none' ? undefined : col.law.maybe<FirearmRule>(id);
  const f = now?.value?.enforceable === false ? now : then;
  if (f?.value && weapon !== 'none') {
    citations.push(f.law);
    firearm = {
      enforceable: f.value.enforceable,
      penalty_min_years: f.value.penalty_min_years,
      penalty_max_years: f.value.penalty_max_years,
      citations: [f.law],
    };
    col.add(
      f.value.enforceable
        ? 'consequences.violent_label.firearm_enhancement'
        : 'consequences.violent_label.firearm_enhancement_unenforceable',
      'warning',
      [f.law],
      {
        weapon,
        penalty_min_years: f.value.penalty_min_years,
        penalty_max_years: f.value.penalty_max_years,
      },
    );
    reasons.push(
      f.value.enforceable
        ? `With a firearm, ${f.law} makes drugs plus a gun a separate, heavier offense.`
        : `${f.law} (drugs plus a firearm) is no longer enforceable.`,
    );
  }
  return { applies, reasons, citations: uniq(citations), firearm_enhancement: firearm };
}
