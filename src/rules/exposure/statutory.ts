import type { Drug } from '../../model/case.ts';
import { type Term, termGte } from '../../model/terms.ts';
import type { RuleInput } from '../context.ts';
import type { ChargeResult } from './charge.ts';
import { Trace } from './common.ts';
import { countQualifyingPriors, type PriorCount } from './priors.ts';
import { amountOf, SUBSTANCE_NAMES } from './substances.ts';

export type Tier = 'A' | 'B' | 'C' | 'D';
type Row = 'base' | 'death_or_sbi' | 'one_prior' | 'one_prior_death_or_sbi' | 'two_or_more_priors';
type RowValue = { min_months: Term; max_months: Term } | { same_as: Row } | 'none' | null;

export interface StatutoryResult {
  offense: string;
  tier: Tier | null;
  row: string;
  min: Term;
  max: Term;
  minDays?: number;
  /** Qualifying priors assumed charged (851 information), and the best case if that is uncertain. */
  priorsUsed: number;
  /** A lower minimum that applies if undetermined facts go the person's way. */
  bestCaseMin?: Term;
  deathOrSbi: boolean;
  citations: string[];
  trace: Trace;
}

const TIER_ORDER: Tier[] = ['A', 'B'];

/** The amounts compared with the 841(b)(1) triggers: mixture and, where purity is known, actual. */
function statutoryAmounts(drugs: Drug[], input: RuleInput, trace: Trace): Map<string, number> {
  const totals = new Map<string, number>();
  const add = (k: string, v: number) => totals.set(k, (totals.get(k) ?? 0) + v);
  for (const d of drugs) {
    const names = SUBSTANCE_NAMES[d.substance];
    if (!names.statute) continue;
    add(names.statute, amountOf(d));
    if (names.statuteActual) {
      let purity = d.purity;
      if (purity === undefined && d.substance === 'ice') {
        purity = trace.use(input.law.at(input.dates.offense).get<number>('us_fed.ussg.ice_min_purity')).value;
        trace.add('exposure.statutory.ice_purity_assumed', 'info', ['USSG 2D1.1(c), note (C)'], { purity });
      }
      if (purity !== undefined) add(names.statuteActual, (d.grams ?? 0) * purity);
    }
  }
  return totals;
}

/** 841(b)(1)(A)-(D): the highest tier any substance reaches (triggers are inclusive, "or more"). */
function tierOf(drugs: Drug[], input: RuleInput, trace: Trace): Tier {
  const amounts = statutoryAmounts(drugs, input, trace);
  for (const tier of TIER_ORDER) {
    for (const [key, amount] of amounts) {
      const id = `us_fed.usc21_841b.threshold.${tier}.${key}`;
      if (!input.law.has(id)) continue;
      const t = input.law.applicable<number | 'none' | null>(id, input.dates);
      if (t.value === 'none') continue;
      if (t.value === null) {
        trace.use(t);
        continue;
      }
      if (amount >= t.value) {
        trace.use(t);
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
  const ceiling = trace.use(
    input.law.applicable<{ marihuana_g: number; marihuana_plants: number; hashish_g: number }>(
      'us_fed.usc21_841b.tier_D.ceiling',
      input.dates,
    ),
  ).value;
  const allMarihuana = drugs.every((d) => SUBSTANCE_NAMES[d.substance].marihuanaType);
  const sum = (t: string) =>
    drugs
      .filter((d) => SUBSTANCE_NAMES[d.substance].marihuanaType === t)
      .reduce((s, d) => s + amountOf(d), 0);
  if (
    allMarihuana &&
    sum('marihuana') < ceiling.marihuana_g &&
    sum('plants') < ceiling.marihuana_plants &&
    sum('hashish') < ceiling.hashish_g
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
  for (const row of rows) {
    let r = input.law.applicable<RowValue>(`us_fed.usc21_841b.penalty.${tier}.${row}`, input.dates);
    if (r.value !== null && typeof r.value === 'object' && 'same_as' in r.value) {
      r = input.law.applicable<RowValue>(`us_fed.usc21_841b.penalty.${tier}.${r.value.same_as}`, input.dates);
    }
    if (r.value === 'none') continue;
    trace.use(r);
    if (r.value === null) return null;
    if (typeof r.value === 'object' && 'min_months' in r.value) {
      if (r.value.min_months === null || r.value.max_months === null) return null;
      return { row, min: r.value.min_months, max: r.value.max_months, law: r.law };
    }
  }
  return null;
}

function information851(input: RuleInput, count: PriorCount, trace: Trace): number {
  const filed = input.case.charging?.information_851;
  if (count.possible === 0) return 0;
  const available = trace.use(
    input.law.applicable<boolean>('us_fed.usc21_851.prior_enhancements', input.dates),
  );
  if (!available.value) {
    trace.add('exposure.priors.enhancements_ended', 'info', [available.law], { priors: count.possible });
    return 0;
  }
  const required = trace.use(
    input.law.applicable<boolean>('us_fed.usc21_851.information_required', input.dates),
  );
  if (!required.value) return count.possible;
  if (filed === false) {
    trace.add('exposure.priors.no_information_filed', 'info', ['21 U.S.C. 851(a)(1)'], {
      priors: count.possible,
    });
    return 0;
  }
  if (filed === undefined) {
    const assume = trace.use(
      input.law.applicable<boolean>(
        'us_fed.charging.assume_851_information_when_priors_qualify',
        input.dates,
      ),
    );
    if (!assume.value) return 0;
    trace.add('exposure.priors.information_851_assumed', 'warning', ['21 U.S.C. 851(a)(1)'], {
      priors: count.possible,
      predicate: count.predicate,
    });
  }
  if (count.missing.length)
    trace.add('exposure.priors.undetermined', 'warning', ['21 U.S.C. 802(57)', '21 U.S.C. 802(58)'], {
      known: count.known,
      possible: count.possible,
      missing: count.missing,
    });
  return count.possible;
}

/** 21 U.S.C. 841(b)(1) and 846: the statutory range for the quantity, the priors and any death or injury. */
function statutory841(input: RuleInput, charge: ChargeResult): StatutoryResult {
  const trace = new Trace();
  const tier = tierOf(charge.drugs, input, trace);
  const conduct = input.case.conduct;
  const deathOrSbi = conduct.death_resulted === true || conduct.serious_bodily_injury_resulted === true;
  const predicate = trace.use(
    input.law.applicable<string>(`us_fed.usc21_841b.prior_predicate.${tier}`, input.dates),
  ).value;
  const count = countQualifyingPriors(input, predicate, trace);
  const priors = information851(input, count, trace);
  const row = penaltyRow(tier, rowOrder(deathOrSbi, priors), input, trace);
  const best =
    count.known < priors ? penaltyRow(tier, rowOrder(deathOrSbi, count.known), input, new Trace()) : null;
  const offense = `21 U.S.C. 841(b)(1)(${tier})`;
  const citations = [...trace.citations];
  if (charge.offense === 'usc21_846')
    citations.unshift(
      trace.use(input.law.applicable('us_fed.usc21_846.same_penalty_as_object', input.dates)).law,
    );
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
  if (best && !termGte(best.min, row.min)) result.bestCaseMin = best.min;
  trace.add('exposure.statutory.range', 'info', [row.law], {
    offense,
    row: row.row,
    min: row.min,
    max: row.max,
  });
  return result;
}

interface Row844 {
  min_days: number;
  max_months: number;
}
interface Crack844 {
  in_force: boolean;
  more_than_g?: number;
  min_months?: number;
  max_months?: number;
}

/** 21 U.S.C. 844(a): simple possession, with the 1988-2010 crack clause. */
function statutory844(input: RuleInput, charge: ChargeResult): StatutoryResult {
  const trace = new Trace();
  trace.use(input.law.applicable('us_fed.usc21_844.in_force', input.dates));
  const drugPriors = countDrugPriors(input);
  const priors = information851(
    input,
    { known: drugPriors, possible: drugPriors, missing: [], predicate: 'prior_drug_conviction' },
    trace,
  );
  const row = priors >= 2 ? 'two_or_more_priors' : priors === 1 ? 'one_prior' : 'no_prior';
  const general = trace.use(input.law.applicable<Row844>(`us_fed.usc21_844.penalty.${row}`, input.dates));
  const crack = trace.use(input.law.applicable<Crack844>('us_fed.usc21_844.crack_minimum', input.dates));
  const crackGrams = charge.drugs
    .filter((d) => d.substance === 'cocaine_base')
    .reduce((s, d) => s + (d.grams ?? 0), 0);
  const citations = [...trace.citations];
  if (crack.value.in_force && crackGrams > 0 && crack.value.more_than_g !== undefined) {
    // With priors the clause applied at lower amounts that are not in the knowledge base: above the
    // first-offense amount it applies all the more; at or below it the answer is undetermined.
    if (priors > 0)
      trace.add('exposure.statutory.crack_repeat_threshold_unverified', 'warning', [crack.law], {
        grams: crackGrams,
      });
    if (crackGrams > crack.value.more_than_g) {
      trace.add('exposure.statutory.crack_possession_minimum', 'critical', [crack.law], {
        grams: crackGrams,
        threshold: crack.value.more_than_g,
      });
      return {
        offense: '21 U.S.C. 844(a)',
        tier: null,
        row: 'crack_possession',
        min: crack.value.min_months ?? 0,
        max: crack.value.max_months ?? general.value.max_months,
        priorsUsed: priors,
        deathOrSbi: false,
        citations: [crack.law],
        trace,
      };
    }
  }
  trace.add('exposure.statutory.range', 'info', [general.law], {
    offense: '21 U.S.C. 844(a)',
    row,
    min: 0,
    max: general.value.max_months,
  });
  return {
    offense: '21 U.S.C. 844(a)',
    tier: null,
    row,
    min: 0,
    minDays: general.value.min_days,
    max: general.value.max_months,
    priorsUsed: priors,
    deathOrSbi: false,
    citations,
    trace,
  };
}

function countDrugPriors(input: RuleInput): number {
  return (input.case.history?.priors ?? []).filter(
    (p) =>
      p.still_valid !== false &&
      (p.kind === 'drug_possession' || p.kind === 'drug_distribution') &&
      p.date < input.dates.offense,
  ).length;
}

export function statutoryRange(input: RuleInput, charge: ChargeResult): StatutoryResult {
  return charge.offense === 'usc21_844' ? statutory844(input, charge) : statutory841(input, charge);
}
