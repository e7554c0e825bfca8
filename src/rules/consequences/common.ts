import type { LawView } from '../../law/reader.ts';
import type { Case } from '../../model/case.ts';
import type { RawFinding, Severity } from '../../model/finding.ts';
import type { RuleInputWithResults } from '../context.ts';
import { Trace } from '../trace.ts';

export type Charge = 'possession' | 'distribution';

/**
 * What the consequence rules share: the case and earlier results, the law in force on the evaluation date
 * (every read cited and its weaknesses reported by the reader), and the findings made.
 */
export class Collector {
  private readonly trace = new Trace();
  readonly law: LawView;

  get findings(): RawFinding[] {
    return this.trace.findings;
  }

  constructor(readonly input: RuleInputWithResults) {
    this.law = input.law.today('consequences');
  }

  get date(): string {
    return this.law.date;
  }

  add(
    code: string,
    severity: Severity,
    citations: readonly string[],
    values?: Record<string, unknown>,
  ): void {
    this.trace.add(code, severity, citations, values);
  }
}

export const uniq = (xs: readonly string[]): string[] => [...new Set(xs)];

const SALE_ACTIVITIES = new Set([
  'sold_retail',
  'sold_wholesale',
  'brokered',
  'imported',
  'organized',
  'supervised',
]);
const SHARING_ACTIVITIES = new Set(['shared_free', 'bought_for_friends']);

/** What the case says about remuneration: 'none' (sharing without gain), 'gain', or 'unknown'. */
export function remuneration(c: Case): 'none' | 'gain' | 'unknown' {
  const comp = c.conduct.compensation;
  if (comp === 'profit' || comp === 'major_profit' || comp === 'subsistence' || comp === 'drugs_only')
    return 'gain';
  if (c.conduct.activities.some((a) => SALE_ACTIVITIES.has(a))) return 'gain';
  if (comp === 'none') return 'none';
  if (c.conduct.activities.some((a) => SHARING_ACTIVITIES.has(a))) return 'none';
  return 'unknown';
}

/** Marijuana-only cases (marijuana, plants or hashish). */
export function marijuanaOnly(c: Case): boolean {
  return c.conduct.drugs.every(
    (d) => d.substance === 'marijuana' || d.substance === 'marijuana_plants' || d.substance === 'hashish',
  );
}

/** Prior drug convictions still valid, by kind. */
export function priorCount(c: Case, kind: 'drug_possession' | 'drug_distribution'): number {
  return (c.history?.priors ?? []).filter((p) => p.kind === kind && p.still_valid !== false).length;
}
