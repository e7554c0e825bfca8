import type { Drug } from '../../model/case.ts';
import { dotted } from '../../model/dotted.ts';
import { type Term, termGte } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import { Trace } from '../trace.ts';
import type { ChargeResult } from './charge.ts';
import { priorsCharged } from './csa-851.ts';
import { countQualifyingPriors } from './priors.ts';
import type { StatutoryResult, Tier } from './statutory.ts';
import { amountOf, drugPath, SUBSTANCE_NAMES } from './substances.ts';

type Row = 'base' | 'death_or_sbi' | 'one_prior' | 'one_prior_death_or_sbi' | 'two_or_more_priors';
type RowValue = { min_months: Term; max_months: Term } | { same_as: Row } | 'none' | null;

const TIER_ORDER: Tier[] = ['A', 'B'];

/** `us_fed.usc21_841b.threshold.A.heroin` */
function thresholdId(tier: Tier, key: string): string {
  return dotted(dotted('us_fed.usc21_841b.threshold', tier), key);
}

function addTo(totals: Map<string, number>, key: string, amount: number): void {
  totals.set(key, (totals.get(key) ?? 0) + amount);
}

/** The amounts compared with the 841(b)(1) triggers: mixture and, where purity is known, actual. */
function statutoryAmounts(drugs: Drug[], input: RuleInput, trace: Trace): Map<string, number> {
  const totals = new Map<string, number>();
  for (const d of drugs) {
    const names = SUBSTANCE_NAMES[d.substance];
    if (!names.statute) continue;
    addTo(totals, names.statute, amountOf(d));
    if (names.statuteActual) {
      let purity = d.purity;
      if (purity === undefined && d.substance === 'ice') {
        purity = trace.cite(input.law.atOffense('statute').get<number>('us_fed.ussg.ice_min_purity')).value;
        trace.add('exposure.statutory.ice_purity_assumed', 'info', ['USSG 2D1.1(c), note (C)'], { purity });
      }
      if (purity !== undefined) addTo(totals, names.statuteActual, (d.grams ?? 0) * purity);
    }
  }
  return totals;
}

/**
 * Drugs the statute weighs with their carrier (Chapman; Neal) given only as a dose count: their 841(b)
 * amount is unknown, so the tier is open between the tier without them and the highest they could reach.
 */
function unweighed(drugs: Drug[], input: RuleInput, trace: Trace): Drug[] {
  const dosed = drugs.filter((d) => d.dosage_units !== undefined);
  if (!dosed.length) return dosed;
  const rule = input.law.statute('statute').get<string[]>('us_fed.usc21_841b.weighs_carrier');
  const carried = dosed.filter((d) => rule.value.includes(d.substance));
  if (!carried.length) return carried;
  trace.cite(rule);
  for (const d of carried)
    if (d.grams !== undefined)
      trace.add('exposure.statutory.carrier_weighed', 'info', [rule.law], {
        grams: d.grams,
        doses: d.dosage_units,
      });
  return carried.filter((d) => d.grams === undefined);
}

const NONE_OPEN: ReadonlySet<string> = new Set();

/** The statute's amount of the drugs of one marihuana type (marihuana, plants, hashish). */
function amountOfType(drugs: Drug[], type: string): number {
  let sum = 0;
  for (const d of drugs) if (SUBSTANCE_NAMES[d.substance].marihuanaType === type) sum += amountOf(d);
  return sum;
}

/**
 * 841(b)(1)(A)-(D): the highest tier any substance reaches (triggers are inclusive, "or more"). The keys in
 * `open` have no known amount: `reached` says whether to take them as reaching every trigger (the worst
 * case) or none (the best).
 */
function tierOf(
  drugs: Drug[],
  input: RuleInput,
  trace: Trace,
  open: ReadonlySet<string> = NONE_OPEN,
  reached = false,
): Tier {
  const statute = input.law.statute('statute');
  const amounts = statutoryAmounts(drugs, input, trace);
  for (const tier of TIER_ORDER) {
    for (const [key, amount] of amounts) {
      const id = thresholdId(tier, key);
      if (!statute.exists(id)) continue;
      const t = statute.get<number | 'none' | null>(id);
      // a later, lower-reaching law that decided the tier is cited even where its amount was not reached (Dorsey)
      if (t.reachedBy) trace.cite(t);
      if (t.value === 'none' || t.value === null) continue;
      if (open.has(key) && reached) {
        trace.cite(t);
        return tier;
      }
      if (amount >= t.value) {
        trace.cite(t);
        trace.add('exposure.statutory.threshold_reached', 'info', [t.law], {
          tier,
          substance: key,
          amount,
          threshold: t.value,
          unit: key === 'marihuana_plants' ? 'plants' : 'g',
        });
        return tier;
      }
    }
  }
  // Below the (B) triggers: (D) only where every drug is marihuana-type below the (D) ceilings.
  const ceiling = trace.cite(
    statute.get<{ marihuana_g: number; marihuana_plants: number; hashish_g: number }>(
      'us_fed.usc21_841b.tier_D.ceiling',
    ),
  ).value;
  const allMarihuana = drugs.every((d) => SUBSTANCE_NAMES[d.substance].marihuanaType);
  if (
    allMarihuana &&
    amountOfType(drugs, 'marihuana') < ceiling.marihuana_g &&
    amountOfType(drugs, 'plants') < ceiling.marihuana_plants &&
    amountOfType(drugs, 'hashish') < ceiling.hashish_g
  )
    return 'D';
  return 'C';
}

function rowOrder(deathOrSbi: boolean, priors: number): Row[] {
  if (deathOrSbi && priors >= 1) return ['one_prior_death_or_sbi', 'death_or_sbi', 'one_prior', 'base'];
  if (deathOrSbi) return ['death_or_sbi', 'base'];
  if (priors >= 2) return ['two_or_more_priors', 'one_prior', 'base'];
  if (priors === 1) return ['one_prior', 'base'];
  return ['base'];
}

/** Reads a penalty row, following "same as" links and skipping rows the subparagraph does not have. */
function penaltyRow(
  tier: Tier,
  rows: Row[],
  input: RuleInput,
  trace: Trace,
): { row: Row; min: Term; max: Term; law: string } | null {
  const statute = input.law.statute('statute');
  for (const row of rows) {
    let r = statute.get<RowValue>(dotted(dotted('us_fed.usc21_841b.penalty', tier), row));
    if (r.value !== null && typeof r.value === 'object' && 'same_as' in r.value) {
      r = statute.get<RowValue>(dotted(dotted('us_fed.usc21_841b.penalty', tier), r.value.same_as));
    }
    if (r.value === 'none') continue;
    trace.cite(r);
    if (r.value === null) return null;
    if (typeof r.value === 'object' && 'min_months' in r.value) {
      if (r.value.min_months === null || r.value.max_months === null) return null;
      return { row, min: r.value.min_months, max: r.value.max_months, law: r.law };
    }
  }
  return null;
}

/** 21 U.S.C. 841(b)(1) and 846: the statutory range for the quantity, the priors and any death or injury. */
export function statutory841(input: RuleInput, charge: ChargeResult): StatutoryResult {
  const trace = new Trace();
  const open = unweighed(charge.drugs, input, trace);
  const openKeys = new Set(open.map((d) => SUBSTANCE_NAMES[d.substance].statute ?? d.substance));
  const tier = tierOf(charge.drugs, input, trace, openKeys, true);
  const bestTier = open.length ? tierOf(charge.drugs, input, new Trace(), openKeys, false) : tier;
  if (bestTier !== tier)
    trace.add('exposure.statutory.weight_undetermined', 'warning', [...trace.citations], {
      missing: open.map((d) => drugPath(input.case, d, 'grams')),
      doses: open.reduce((n, d) => n + (d.dosage_units ?? 0), 0),
      tier,
      best_tier: bestTier,
    });
  const conduct = input.case.conduct;
  const deathOrSbi = conduct.death_resulted === true || conduct.serious_bodily_injury_resulted === true;
  const statute = input.law.statute('statute');
  const predicate = trace.cite(statute.get<string>(dotted('us_fed.usc21_841b.prior_predicate', tier))).value;
  const count = countQualifyingPriors(input, predicate, trace);
  const priors = priorsCharged(input, count, trace);
  const row = penaltyRow(tier, rowOrder(deathOrSbi, priors), input, trace);
  // The best case: the priors that are not certain not qualifying, and any unweighed drug below every trigger.
  const best =
    count.known < priors || bestTier !== tier
      ? penaltyRow(bestTier, rowOrder(deathOrSbi, count.known), input, new Trace())
      : null;
  const offense = `21 U.S.C. 841(b)(1)(${tier})`;
  const citations = [...trace.citations];
  if (charge.offense === 'usc21_846')
    citations.unshift(trace.cite(statute.get('us_fed.usc21_846.same_penalty_as_object')).law);
  if (priors > 0) citations.push('21 U.S.C. 851');
  if (!row) {
    // The row is not verified for this date: fall back to the base row as a lower bound and say so.
    const base = penaltyRow(tier, ['base'], input, trace);
    trace.add('exposure.statutory.undetermined', 'critical', [offense], {
      tier,
      row: rowOrder(deathOrSbi, priors)[0],
    });
    return {
      offense,
      tier,
      row: 'base (lower bound)',
      min: base?.min ?? 0,
      max: base?.max ?? 'life',
      priorsUsed: priors,
      deathOrSbi,
      citations: [...new Set(citations)],
      trace,
    };
  }
  const result: StatutoryResult = {
    offense,
    tier,
    row: row.row,
    min: row.min,
    max: row.max,
    priorsUsed: priors,
    deathOrSbi,
    citations: [...new Set(citations)],
    trace,
  };
  if (best && !termGte(best.min, row.min)) {
    result.bestCaseMin = best.min;
    if (bestTier !== tier) result.bestCaseIf = 'weight';
  }
  trace.add('exposure.statutory.range', 'info', [row.law], {
    offense,
    row: row.row,
    min: row.min,
    max: row.max,
  });
  return result;
}
