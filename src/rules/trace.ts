import type { Resolved } from '../law/book.ts';
import { FindingList, finding, type RawFinding, type Severity } from '../model/finding.ts';

/**
 * Collects the findings and citations one computation produces, so every number keeps its reasons. Reading
 * a value reports its weaknesses already (src/law/reader.ts); `cite` adds it to this computation's sources.
 */
export class Trace {
  private readonly list = new FindingList();
  readonly citations = new Set<string>();

  get findings(): RawFinding[] {
    return this.list.items;
  }

  cite<T>(r: Resolved<T>): Resolved<T> {
    this.citations.add(r.law);
    if (r.reachedBy) this.citations.add(r.reachedBy);
    return r;
  }

  /** Takes over findings another computation made (e.g. a reused criminal history) and returns its result. */
  absorb<T>(findings: readonly RawFinding[], result: T): T {
    for (const f of findings) this.list.add(f);
    return result;
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
