import type { Assessment } from '../model/assessment.ts';
import { type Term, termGte } from '../model/terms.ts';

/**
 * The prison term an assessment points to, for comparing scenarios: the larger of the mandatory
 * minimum and the bottom of the guideline range (with consecutive 924(c) terms). Null when the range
 * was not computed (a state case, or a drug the Guidelines data cannot convert), "life" for life.
 */
export function expectedTerm(a: Assessment): Term | null {
  const e = a.exposure;
  if (!e) return null;
  const g = e.guidelines;
  // Without a guideline range the term is unknown, unless nothing can be imposed at all (not prosecuted).
  if (!g) return e.statutory.maximum_months === 0 ? 0 : null;
  const bottom = (g.total_range_months ?? g.range_months)[0];
  const min = e.mandatory_minimum_months;
  if (min === null) return bottom;
  return termGte(bottom, min) ? bottom : min;
}

export interface Relief {
  /** The scenario changes the expected term. */
  changed: boolean;
  /** Months saved (baseline minus scenario); null when either term is unknown or life is involved. */
  months_saved: number | null;
  baseline_term: Term | null;
  scenario_term: Term | null;
  reason_codes: string[];
}

/** Compares a case under the baseline and under a scenario. */
export function compareTerms(baseline: Assessment, scenario: Assessment): Relief {
  const b = expectedTerm(baseline);
  const s = expectedTerm(scenario);
  const reason_codes: string[] = [];
  let months_saved: number | null = null;
  if (b === null || s === null) reason_codes.push('relief.term_unknown');
  else if (b === 'life' || s === 'life') {
    if (b !== s) reason_codes.push(b === 'life' ? 'relief.life_removed' : 'relief.life_added');
  } else months_saved = b - s;
  const changed = b !== s;
  if (months_saved !== null && months_saved > 0) reason_codes.push('relief.shorter_term');
  if (months_saved !== null && months_saved < 0) reason_codes.push('relief.longer_term');
  return { changed, months_saved, baseline_term: b, scenario_term: s, reason_codes };
}
