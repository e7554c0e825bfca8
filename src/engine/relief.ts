import type { Assessment } from '../model/assessment.ts';
import { expectedTerm as termOf } from '../model/expected-term.ts';
import type { Term } from '../model/terms.ts';

/**
 * The term an assessment points to, for comparing scenarios (src/model/expected-term.ts). Unknown (null)
 * when no guideline range was computed, unless nothing can be imposed at all (not prosecuted): a bare
 * minimum is only a lower bound, and comparing bounds would invent relief or harm.
 */
export function expectedTerm(a: Assessment): Term | null {
  const e = a.exposure;
  if (e?.state) return e.state.expected_term.lower_bound ? null : (termOf(e)?.months ?? null);
  if (e && !e.guidelines && e.statutory.maximum_months !== 0) return null;
  return termOf(e)?.months ?? null;
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
