import type { Resolved } from '../../law/book.ts';
import type { Case } from '../../model/case.ts';
import { FindingList, finding, type RawFinding, type Severity } from '../../model/finding.ts';
import type { RuleInputWithResults } from '../context.ts';

export type Charge = 'possession' | 'distribution';

/** Collects findings and citations for the consequence rules; every law value read is cited and its confidence surfaced. */
export class Collector {
  private readonly list = new FindingList();

  get findings(): RawFinding[] {
    return this.list.items;
  }

  constructor(readonly input: RuleInputWithResults) {}

  get date(): string {
    return this.input.dates.evaluation;
  }

  /** Reads a parameter at the evaluation date; undefined when the knowledge base has no value on that date. */
  read<T>(id: string): Resolved<T> | undefined {
    const snap = this.input.law.at(this.date);
    if (!snap.has(id)) return undefined;
    return this.use(snap.get<T>(id));
  }

  /** Every parameter in force at the evaluation date whose id is `base` or starts with `base.` (each reported as read). */
  readAll<T>(base: string): Resolved<T>[] {
    return this.peekAll<T>(base).map((r) => this.use(r));
  }

  /** Like readAll, but nothing is reported: the caller picks one and passes it to `use`. */
  peekAll<T>(base: string): Resolved<T>[] {
    const snap = this.input.law.at(this.date);
    return this.input.law
      .family(base)
      .filter((id) => snap.has(id))
      .map((id) => snap.get<T>(id));
  }

  use<T>(r: Resolved<T>): Resolved<T> {
    if (r.value === null) {
      this.add('consequences.law.value_unverified', 'warning', [r.law], {
        parameter: r.id,
        from: r.from,
        note: r.note ?? '',
      });
    } else if (r.confidence === 'low') {
      this.add('consequences.law.low_confidence', 'warning', [r.law], {
        parameter: r.id,
        from: r.from,
        note: r.note ?? '',
      });
    }
    return r;
  }

  add(
    code: string,
    severity: Severity,
    citations: readonly string[],
    values?: Record<string, unknown>,
  ): void {
    this.list.add(finding(code, severity, citations, values));
  }
}

/** `US-FED` -> `us_fed`, `US-GA` -> `us_ga`: the prefix of a jurisdiction's parameters. */
export function jurisdictionPrefix(jurisdiction: string): string {
  return jurisdiction.toLowerCase().replace('-', '_');
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

/** Total grams of the drugs possessed or transacted (not the attributed network quantity); null when a drug has no weight. */
export function ownGrams(c: Case): number | null {
  let total = 0;
  for (const d of c.conduct.drugs) {
    if (d.basis === 'attributed') continue;
    if (d.grams === undefined) return null;
    total += d.grams;
  }
  return total;
}

/** Prior drug convictions still valid, by kind. */
export function priorCount(c: Case, kind: 'drug_possession' | 'drug_distribution'): number {
  return (c.history?.priors ?? []).filter((p) => p.kind === kind && p.still_valid !== false).length;
}
