import type { Assessment } from '../model/assessment.ts';
import { expectedTerm as termOf } from '../model/expected-term.ts';
import { type Term, termGte } from '../model/terms.ts';

/**
 * The term an assessment points to (src/model/expected-term.ts) and whether it is only a lower bound: a bare
 * minimum with no guideline range (federal) or no grid (a state engine's `expected_term.lower_bound`) says the
 * term is at least that long, not that it is. Life, a case that cannot be prosecuted (maximum 0) and a term
 * equal to the maximum are exact whatever the source. Null when nothing was computed.
 */
export function termEstimate(a: Assessment): { months: Term; at_least: boolean } | null {
  const e = a.exposure;
  const t = termOf(e);
  if (!e || !t) return null;
  const max = e.statutory.maximum_months;
  const exact =
    t.months === 'life' ||
    max === 0 ||
    (max !== null && termGte(t.months, max)) ||
    (e.state ? !e.state.expected_term.lower_bound : e.guidelines !== null && e.guidelines !== undefined);
  return { months: t.months, at_least: !exact };
}

/** The term, when it is known exactly (null for a lower bound: comparing bounds as terms would invent relief or harm). */
export function expectedTerm(a: Assessment): Term | null {
  const t = termEstimate(a);
  return t && !t.at_least ? t.months : null;
}

export interface Relief {
  /** The scenario changes the expected term (or its lower bound). */
  changed: boolean;
  /** Months saved (baseline minus scenario); null when either term is unknown or life is involved. */
  months_saved: number | null;
  /**
   * Months certainly saved: `months_saved` when both terms are known; where the baseline term is only a lower
   * bound and the scenario's is exact, baseline bound minus scenario term (the person serves at least the
   * bound, so saves at least this). Null when no saving is certain.
   */
  months_saved_at_least: number | null;
  baseline_term: Term | null;
  scenario_term: Term | null;
  reason_codes: string[];
}

/** Compares a case under the baseline and under a scenario. */
export function compareTerms(baseline: Assessment, scenario: Assessment): Relief {
  const be = termEstimate(baseline);
  const se = termEstimate(scenario);
  const b = be && !be.at_least ? be.months : null;
  const s = se && !se.at_least ? se.months : null;
  const reason_codes: string[] = [];
  let months_saved: number | null = null;
  let months_saved_at_least: number | null = null;
  if (b !== null && s !== null) {
    if (b === 'life' || s === 'life') {
      if (b !== s) reason_codes.push(b === 'life' ? 'relief.life_removed' : 'relief.life_added');
    } else months_saved_at_least = months_saved = b - s;
  } else if (be && se && typeof be.months === 'number' && typeof se.months === 'number') {
    // one side is a lower bound: only a saving (or a lengthening) beyond the bound is certain
    if (typeof s === 'number' && be.months > s) {
      months_saved_at_least = be.months - s;
      reason_codes.push('relief.shorter_term_at_least');
    } else if (typeof b === 'number' && se.months > b) reason_codes.push('relief.longer_term_at_least');
  }
  if (months_saved === null && months_saved_at_least === null && !reason_codes.length)
    if (be === null || se === null || be.at_least || se.at_least) reason_codes.push('relief.term_unknown');
  if (months_saved !== null && months_saved > 0) reason_codes.push('relief.shorter_term');
  if (months_saved !== null && months_saved < 0) reason_codes.push('relief.longer_term');
  const changed = be?.months !== se?.months || be?.at_least !== se?.at_least;
  return { changed, months_saved, months_saved_at_least, baseline_term: b, scenario_term: s, reason_codes };
}
