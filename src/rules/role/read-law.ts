import type { LawBook, Resolved } from '../../law/book.ts';
import type { IsoDate } from '../../model/dates.ts';
import { finding, type RawFinding } from '../../model/finding.ts';

/**
 * Reads law parameters for one rule and keeps their provenance: every citation read, and a finding for
 * every value that is low-confidence or unverified (null), so weak sources are surfaced, never hidden.
 * Shared by the role, indicia and screen rules.
 */
export class LawReader {
  private readonly cited = new Set<string>();
  private readonly seen = new Set<string>();
  readonly findings: RawFinding[] = [];

  constructor(
    private readonly law: LawBook,
    readonly date: IsoDate,
    private readonly area: 'role' | 'indicia' | 'screen',
  ) {}

  /** The value in force on this reader's date; a missing interval is an error (LawGapError), never a default. */
  get<T>(id: string): Resolved<T> {
    return this.record(this.law.at(this.date).get<T>(id));
  }

  /** Like get, but undefined when the parameter does not exist at all (e.g. a jurisdiction without such a rule). */
  maybe<T>(id: string): Resolved<T> | undefined {
    if (!this.law.has(id) || !this.law.at(this.date).has(id)) return undefined;
    return this.get<T>(id);
  }

  /** True when the parameter exists in the law book, whatever its dates. */
  exists(id: string): boolean {
    return this.law.has(id);
  }

  /** True when some parameter id starts with the prefix (a topic the knowledge base covers). */
  covers(prefix: string): boolean {
    return this.law.hasPrefix(prefix);
  }

  /** Citations of everything read, in reading order, without duplicates. */
  citations(): string[] {
    return [...this.cited];
  }

  private record<T>(r: Resolved<T>): Resolved<T> {
    this.cited.add(r.law);
    if (!this.seen.has(r.id)) {
      this.seen.add(r.id);
      const values = { parameter: r.id, law: r.law, note: r.note ?? '' };
      if (r.value === null)
        this.findings.push(finding(`${this.area}.data.unverified`, 'warning', [r.law], values));
      else if (r.confidence === 'low')
        this.findings.push(finding(`${this.area}.data.low_confidence`, 'info', [r.law], values));
    }
    return r;
  }
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** A quantity for prose: grams below a kilogram, kilograms above. */
export function formatGrams(grams: number): string {
  return grams >= 1000 ? `${numberFormat.format(grams / 1000)} kg` : `${numberFormat.format(grams)} g`;
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
