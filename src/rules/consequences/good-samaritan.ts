import type { Resolved } from '../../law/book.ts';
import { jurisdictionKey } from '../../law/jurisdiction.ts';
import type { Consequences } from '../../model/assessment.ts';
import { dotted } from '../../model/dotted.ts';
import { ownGrams } from '../own-conduct.ts';
import { type Charge, type Collector, remuneration, uniq } from './common.ts';

type GoodSamaritan = NonNullable<Consequences['good_samaritan']>;
type Scope = 'covered' | 'limited' | 'not_covered' | 'unknown';

interface GsLaw {
  citation: string | null;
  possession: Scope;
  distribution: Scope;
  possession_scope?: string;
  distribution_scope?: string;
  possession_limit?: { solid_grams_lt?: number; marijuana_grams_lt?: number };
  mitigation: boolean;
}

const SHARING_SCOPES = new Set(['not_for_profit', 'sharing', 'casual_exchange', 'non_commercial']);

/** One law's answer for this case: protected, not protected, or undetermined (with the question that settles it). */
function decide(
  col: Collector,
  r: Resolved<GsLaw>,
  charge: Charge,
): { protected: boolean | null; reason: string } {
  const law = r.value;
  const c = col.input.case;
  const scope = charge === 'possession' ? law.possession : law.distribution;
  if (scope === 'covered')
    return {
      protected: true,
      reason: `${r.law} covers ${charge === 'possession' ? 'possession' : 'distribution'} at the scene.`,
    };
  if (scope === 'not_covered')
    return {
      protected: false,
      reason:
        charge === 'distribution'
          ? `${r.law} protects possession only; a sale or distribution charge is not covered.`
          : `${r.law} gives no protection from a possession charge${law.mitigation ? ' (only mitigation at sentencing)' : ''}.`,
    };
  if (scope === 'unknown') {
    col.add('consequences.good_samaritan.scope_unknown', 'warning', [r.law], { parameter: r.id });
    return { protected: null, reason: `The scope of ${r.law} is not in the knowledge base.` };
  }
  // limited
  if (charge === 'possession') {
    const lim = law.possession_limit;
    const grams = ownGrams(c);
    if (lim && grams !== null) {
      const within = c.conduct.drugs.every((d) => {
        const g = d.grams ?? Number.POSITIVE_INFINITY;
        const isMj = d.substance === 'marijuana' || d.substance === 'hashish';
        const cap = isMj ? lim.marijuana_grams_lt : lim.solid_grams_lt;
        return cap !== undefined && g < cap;
      });
      col.add('consequences.good_samaritan.quantity_limit', 'info', [r.law], { grams, ...lim, within });
      return {
        protected: within,
        reason: `${r.law} covers possession only below its quantity limits; this amount is ${within ? 'within' : 'over'} them.`,
      };
    }
    col.add('consequences.good_samaritan.limited_scope', 'warning', [r.law], {
      scope: law.possession_scope ?? '',
    });
    return {
      protected: null,
      reason: `${r.law} covers only some possession offenses (${law.possession_scope ?? 'scope not recorded'}).`,
    };
  }
  const ds = law.distribution_scope ?? '';
  if (SHARING_SCOPES.has(ds)) {
    const paid = remuneration(c);
    if (paid === 'none')
      return { protected: true, reason: `${r.law} also covers sharing or delivery without profit, as here.` };
    if (paid === 'gain')
      return {
        protected: false,
        reason: `${r.law} covers only sharing or delivery without profit; this case involves a sale or other gain.`,
      };
    col.add('consequences.good_samaritan.limited_scope', 'warning', [r.law], {
      scope: ds,
      question: 'Was the drug shared or given without payment or other gain?',
    });
    return {
      protected: null,
      reason: `${r.law} covers sharing without profit only; whether there was payment is not recorded.`,
    };
  }
  const question =
    ds === 'to_overdose_victim'
      ? 'Was the drug delivered to the person who overdosed?'
      : ds === 'within_amounts'
        ? 'Is the amount within the statutory limits?'
        : 'Does the conduct fall within the covered distribution offenses?';
  col.add('consequences.good_samaritan.limited_scope', 'warning', [r.law], { scope: ds, question });
  return { protected: null, reason: `${r.law} covers some distribution (${ds}); ${question}` };
}

/** 911 Good Samaritan protection at an overdose scene, read at the evaluation date. null when the case was not at an overdose scene. */
export function goodSamaritan(
  col: Collector,
  charge: Charge,
): (GoodSamaritan & Record<string, unknown>) | null {
  const c = col.input.case;
  if (!c.conduct.at_overdose_scene) return null;
  const base = dotted(jurisdictionKey(c.jurisdiction), 'good_samaritan');
  const laws = col.law.family<GsLaw>(base).filter((r) => r.value !== null);
  if (laws.length === 0) {
    col.add('consequences.good_samaritan.not_in_knowledge_base', 'warning', [], {
      jurisdiction: c.jurisdiction,
      date: col.date,
    });
    return {
      protected: null,
      reasons: [`No 911 Good Samaritan law for ${c.jurisdiction} on ${col.date} is in the knowledge base.`],
      citations: [],
      in_knowledge_base: false,
    };
  }
  const answers = laws.map((r) => decide(col, r, charge));
  const prot = answers.some((a) => a.protected === true)
    ? true
    : answers.some((a) => a.protected === null)
      ? null
      : false;
  const citations = uniq(laws.map((r) => r.law));
  col.add(
    prot === true
      ? 'consequences.good_samaritan.protected'
      : prot === false
        ? 'consequences.good_samaritan.not_protected'
        : 'consequences.good_samaritan.undetermined',
    prot === false ? 'warning' : 'info',
    citations,
    { jurisdiction: c.jurisdiction, charge },
  );
  if (laws.some((r) => r.value.mitigation))
    col.add('consequences.good_samaritan.mitigation', 'info', citations);
  col.add('consequences.good_samaritan.conditions', 'info', citations, {
    question:
      'Did the person (or another) seek help in good faith, and did the evidence come from that call?',
  });
  return {
    protected: prot,
    scope: laws.map((r) => ({
      parameter: r.id,
      possession: r.value.possession,
      distribution: r.value.distribution,
      distribution_scope: r.value.distribution_scope ?? null,
    })),
    reasons: answers.map((a) => a.reason),
    citations,
  };
}
