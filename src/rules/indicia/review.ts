import type { Resolved } from '../../law/book.ts';
import { jurisdictionKey } from '../../law/jurisdiction.ts';
import type { LawView } from '../../law/reader.ts';
import type { IndiciumVerdict, Strength } from '../../model/assessment.ts';
import type { Case, Drug } from '../../model/case.ts';
import { dotted } from '../../model/dotted.ts';
import { extend } from '../../model/extend.ts';
import { finding, type RawFinding } from '../../model/finding.ts';
import type { RuleInput } from '../context.ts';
import { formatAmount, formatNumber } from '../format.ts';
import { attributedDrugs, ownDrugs } from '../own-conduct.ts';

/**
 * Indicia-of-sale review (the report's reasoning): one verdict per indicium the state relies on, its default
 * strength from data adjusted by the facts, the quantity weighed against realistic personal-use amounts and
 * against the jurisdiction's presumption-of-sale threshold where the knowledge base has one, and the
 * conclusion: clear, objective evidence of selling, or possession for personal use.
 * Policy values are read at the evaluation date; a jurisdiction's statutory threshold at the offense date.
 */
const P = 'policy.dpa_2019.indicia';
const U = 'policy.dpa_2019.personal_use';

/** A quantity either in grams or in units (pills, doses, blotter units); a threshold may give either or both. */
export interface Amount {
  grams?: number;
  units?: number;
}

export interface PersonalUseItem {
  substance: string;
  basis: 'possessed' | 'transacted';
  amount: Amount;
  daily_grams: number | null;
  supply_days: number | null;
  legal_line: Amount | null;
  personal_use_amount: Amount | null;
  within: boolean | null;
  /** how many personal-use amounts the quantity is */
  multiple: number | null;
  presumption_of_sale: { threshold: Amount; reached: boolean | null; law: string } | null;
  citations: string[];
}

export interface PersonalUseReview {
  /** true when every quantity the person held is within a personal-use amount; null when that cannot be told */
  within_personal_use: boolean | null;
  items: PersonalUseItem[];
}

export interface IndiciaReview {
  verdicts: IndiciumVerdict[];
  clear_evidence_of_sale: boolean;
  personal_use: PersonalUseReview;
  findings: RawFinding[];
}

interface IndiciumPolicy {
  default_strength: Strength;
  reasoning: string;
}
interface QuantityStrength {
  within_personal_use: Strength;
  above_personal_use: Strength;
  strong_at_multiple_of_personal_use: number;
  unknown_personal_use: Strength;
}

const RANK: Record<Strength, number> = { weak: 0, moderate: 1, strong: 2 };
const atLeast = (a: Strength, b: Strength): Strength => (RANK[a] >= RANK[b] ? a : b);

function amountOf(d: Drug): Amount {
  const a: Amount = {};
  if (d.grams !== undefined) a.grams = d.grams;
  const units = d.dosage_units ?? d.count;
  if (units !== undefined) a.units = units;
  return a;
}

/**
 * What tells one quantity's findings from another's in both modes: repeats are dropped by code and values
 * (src/model/finding.ts), so bulk mode, which skips the prose values, must keep these to drop the same ones.
 */
function measured(d: Drug, a: Amount): { substance: string; grams: number | null; units: number | null } {
  return { substance: d.substance, grams: a.grams ?? null, units: a.units ?? null };
}

/** Compares a quantity to a threshold on a shared measure: grams first, then units; null when none is shared. */
function compare(a: Amount, t: Amount): { ratio: number } | null {
  if (a.grams !== undefined && t.grams !== undefined && t.grams > 0) return { ratio: a.grams / t.grams };
  if (a.units !== undefined && t.units !== undefined && t.units > 0) return { ratio: a.units / t.units };
  return null;
}

/** The jurisdiction's presumption-of-sale thresholds: `us_az.presumption_of_sale` (one id per substance under it). */
function presumptionBase(c: Case): string {
  return dotted(jurisdictionKey(c.jurisdiction), 'presumption_of_sale');
}

function personalUse(
  input: RuleInput,
  read: LawView,
  statute: LawView,
  findings: RawFinding[],
): PersonalUseReview {
  const c = input.case;
  const explain = input.explain !== false;
  const items: PersonalUseItem[] = [];
  const base = presumptionBase(c);
  const jurisdictionCovered = statute.covers(dotted(base, ''));
  if (!jurisdictionCovered)
    findings.push(
      finding('indicia.presumption_of_sale.not_in_knowledge_base', 'info', [], {
        jurisdiction: c.jurisdiction,
      }),
    );

  for (const d of ownDrugs(c)) {
    const basis = d.basis as 'possessed' | 'transacted';
    const amount = amountOf(d);
    const citations: string[] = [];
    const days = read.get<number | null>(dotted(U, 'supply_days'));
    const daily = read.maybe<number | null>(dotted(dotted(U, 'daily_grams'), d.substance));
    const line = read.maybe<Amount | null>(dotted(dotted(U, 'legal_line'), d.substance));
    let pu: Amount | null = null;
    const dailyGrams = daily?.value ?? null;
    if (dailyGrams !== null && days.value !== null) {
      pu = { grams: dailyGrams * days.value };
      citations.push(daily?.law ?? '', days.law);
    }
    if (line?.value) {
      citations.push(line.law);
      const g = line.value.grams;
      const merged: Amount = { ...(pu ?? {}) };
      if (g !== undefined && (merged.grams === undefined || g > merged.grams)) merged.grams = g;
      if (line.value.units !== undefined) merged.units = line.value.units;
      pu = merged;
    }
    const cmp = pu ? compare(amount, pu) : null;
    const within = cmp ? cmp.ratio <= 1 : null;

    let presumption: PersonalUseItem['presumption_of_sale'] = null;
    const tid = dotted(base, d.substance);
    const threshold = statute.maybe<Amount | null>(tid);
    if (threshold?.value) {
      const t = compare(amount, threshold.value);
      presumption = { threshold: threshold.value, reached: t ? t.ratio >= 1 : null, law: threshold.law };
      const values = explain
        ? extend(measured(d, amount), {
            jurisdiction: c.jurisdiction,
            amount,
            threshold: threshold.value,
            within_personal_use: within,
          })
        : measured(d, amount);
      if (presumption.reached === true)
        findings.push(finding('indicia.presumption_of_sale.reached', 'warning', [threshold.law], values));
      else if (presumption.reached === false)
        findings.push(finding('indicia.presumption_of_sale.not_reached', 'info', [threshold.law], values));
      else
        findings.push(finding('indicia.presumption_of_sale.not_comparable', 'info', [threshold.law], values));
    } else if (statute.exists(tid) && !threshold) {
      findings.push(
        finding('indicia.presumption_of_sale.not_known_for_date', 'info', [], {
          jurisdiction: c.jurisdiction,
          substance: d.substance,
          date: statute.date,
        }),
      );
    }

    const item: PersonalUseItem = {
      substance: d.substance,
      basis,
      amount,
      daily_grams: dailyGrams,
      supply_days: dailyGrams !== null ? days.value : null,
      legal_line: line?.value ?? null,
      personal_use_amount: pu,
      within,
      multiple: cmp ? cmp.ratio : null,
      presumption_of_sale: presumption,
      citations: [...new Set(citations.filter(Boolean))],
    };
    items.push(item);
    const values = explain
      ? extend(measured(d, amount), {
          amount,
          personal_use_amount: pu,
          daily_grams: dailyGrams,
          supply_days: item.supply_days,
          multiple: cmp ? Number(cmp.ratio.toFixed(2)) : null,
        })
      : measured(d, amount);
    if (within === true)
      findings.push(finding('indicia.personal_use.within', 'info', item.citations, values));
    else if (within === false)
      findings.push(finding('indicia.personal_use.above', 'warning', item.citations, values));
    else findings.push(finding('indicia.personal_use.unknown', 'warning', item.citations, values));
  }
  for (const d of attributedDrugs(c)) {
    findings.push(
      finding(
        'indicia.ignored.attributed_quantity',
        'info',
        [],
        explain ? extend(measured(d, amountOf(d)), { amount: amountOf(d) }) : measured(d, amountOf(d)),
      ),
    );
  }
  const flags = items.map((i) => i.within);
  const within_personal_use =
    items.length === 0 ? null : flags.includes(false) ? false : flags.every((f) => f === true) ? true : null;
  return { within_personal_use, items };
}

/** The quantity's strength as evidence of selling; its reasons go to `reasons` when an explanation is made. */
function quantityVerdict(
  pu: PersonalUseReview,
  base: Resolved<IndiciumPolicy>,
  read: LawView,
  reasons: string[] | undefined,
): { strength: Strength; citations: string[] } {
  const q = read.get<QuantityStrength>(dotted(P, 'quantity_strength'));
  const effect = read.get<{ raises_strength: boolean }>(dotted(P, 'presumption_of_sale_effect'));
  const citations = [base.law, q.law];
  let strength: Strength;
  if (pu.items.length === 0) {
    strength = base.value.default_strength;
    reasons?.push(
      'The person held no drugs themselves; the quantity relied on is a network quantity attributed to them.',
    );
  } else if (pu.within_personal_use === true) {
    strength = q.value.within_personal_use;
    for (const i of pu.items)
      reasons?.push(
        `${formatAmount(i.amount)} of ${i.substance} is within a realistic personal-use amount (${i.personal_use_amount ? formatAmount(i.personal_use_amount) : 'unknown'}).`,
      );
  } else if (pu.within_personal_use === false) {
    const worst = Math.max(...pu.items.map((i) => i.multiple ?? 0));
    strength = worst >= q.value.strong_at_multiple_of_personal_use ? 'strong' : q.value.above_personal_use;
    for (const i of pu.items.filter((x) => x.within === false))
      reasons?.push(
        `${formatAmount(i.amount)} of ${i.substance} is ${formatNumber(Number((i.multiple ?? 0).toFixed(1)))} times a realistic personal-use amount (${i.personal_use_amount ? formatAmount(i.personal_use_amount) : 'unknown'}).`,
      );
  } else {
    strength = q.value.unknown_personal_use;
    reasons?.push(
      'No cited personal-use amount exists for this substance and measure, so the quantity cannot be weighed against personal use.',
    );
  }
  for (const i of pu.items) {
    if (!i.presumption_of_sale?.reached) continue;
    citations.push(i.presumption_of_sale.law, effect.law);
    reasons?.push(
      `${formatAmount(i.amount)} of ${i.substance} reaches the jurisdiction's presumption-of-sale threshold of ${formatAmount(i.presumption_of_sale.threshold)} (${i.presumption_of_sale.law})${effect.value.raises_strength ? '' : '; under the policy that alone does not make the quantity stronger evidence'}.`,
    );
    if (effect.value.raises_strength) strength = atLeast(strength, 'moderate');
  }
  for (const i of pu.items) citations.push(...i.citations);
  return { strength, citations };
}

/** The activities (and supervision) the case states that show selling by themselves, from the policy's list. */
function conductShowingSale(c: Case, read: LawView): { activities: string[]; law: string } {
  const r = read.get<{ activities: string[]; people_supervised_at_least: number }>(
    dotted(P, 'conduct_showing_sale'),
  );
  const activities = c.conduct.activities.filter((a) => r.value.activities.includes(a));
  if (
    (c.conduct.people_supervised ?? 0) >= r.value.people_supervised_at_least &&
    !activities.includes('supervised')
  )
    activities.push('supervised');
  return { activities, law: r.law };
}

export function reviewIndicia(input: RuleInput): IndiciaReview {
  const c = input.case;
  const read = input.law.today('indicia');
  const statute = input.law.atOffense('indicia');
  const explain = input.explain !== false;
  const findings: RawFinding[] = [];
  const pu = personalUse(input, read, statute, findings);

  const verdicts: IndiciumVerdict[] = [];
  const listed = [...new Set(c.evidence?.indicia ?? [])];
  for (const indicium of listed) {
    const base = read.get<IndiciumPolicy>(dotted(P, indicium));
    let strength = base.value.default_strength;
    const reasons: string[] | undefined = explain ? [base.value.reasoning] : undefined;
    let citations = [base.law];
    const values: Record<string, unknown> = { indicium };
    if (indicium === 'quantity') {
      ({ strength, citations } = quantityVerdict(pu, base, read, reasons));
      values.within_personal_use = pu.within_personal_use;
    } else if (indicium === 'cash') {
      const line = read.get<number | null>(dotted(P, 'cash_large_usd'));
      citations.push(line.law);
      const cash = c.evidence?.cash_usd;
      values.cash_usd = cash ?? null;
      values.large_cash_usd = line.value;
      if (cash === undefined) reasons?.push('The amount of cash is not stated.');
      else if (line.value !== null && cash >= line.value) {
        strength = atLeast(strength, 'moderate');
        reasons?.push(
          `${formatNumber(cash)} USD reaches the large-cash line of ${formatNumber(line.value)} USD.`,
        );
      } else reasons?.push(`${formatNumber(cash)} USD is a modest sum, below the large-cash line.`);
    }
    values.strength = strength;
    const cited = [...new Set(citations)];
    verdicts.push({ indicium, strength, reasons: reasons ?? [], citations: cited });
    findings.push(
      finding(
        dotted(dotted('indicia', strength), indicium),
        strength === 'weak' ? 'info' : 'warning',
        cited,
        values,
      ),
    );
  }

  const rule = read.get<{ strong_at_least: number; moderate_at_least: number }>(dotted(P, 'clear_evidence'));
  const strong = verdicts.filter((v) => v.strength === 'strong').length;
  const moderate = verdicts.filter((v) => v.strength === 'moderate').length;
  const fromIndicia = strong >= rule.value.strong_at_least || moderate >= rule.value.moderate_at_least;
  // What the person did is evidence too: a sale stated as fact needs no inference from indicia.
  const conduct = conductShowingSale(c, read);
  const clear = fromIndicia || conduct.activities.length > 0;
  const counts = {
    strong,
    moderate,
    weak: verdicts.length - strong - moderate,
    within_personal_use: pu.within_personal_use,
    from_conduct: conduct.activities.join(', '),
  };
  if (conduct.activities.length)
    findings.push(
      finding('indicia.conduct_shows_sale', 'warning', [conduct.law], {
        activities: conduct.activities.join(', '),
      }),
    );
  if (verdicts.length === 0 && !clear)
    findings.push(finding('indicia.none_relied_on', 'info', [rule.law], counts));
  findings.push(
    clear
      ? finding('indicia.conclusion.clear_evidence_of_sale', 'warning', [rule.law], counts)
      : finding('indicia.conclusion.treat_as_possession', 'info', [rule.law], counts),
  );
  return { verdicts, clear_evidence_of_sale: clear, personal_use: pu, findings };
}
