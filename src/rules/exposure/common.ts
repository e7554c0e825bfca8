import type { Resolved } from '../../law/book.ts';
import { FindingList, finding, type RawFinding } from '../../model/finding.ts';

/** Collects the findings and citations a computation produces, so every number keeps its reasons. */
export class Trace {
  private readonly list = new FindingList();
  readonly citations = new Set<string>();

  get findings(): RawFinding[] {
    return this.list.items;
  }

  cite(r: Resolved): void {
    this.citations.add(r.law);
    if (r.reachedBy) this.citations.add(r.reachedBy);
  }

  /** Reads a value, cites it, and reports it when it is unverified (null) or of low confidence. */
  use<T>(r: Resolved<T>): Resolved<T> {
    this.cite(r);
    if (r.value === null) {
      this.add('law.value_unverified', 'warning', [r.law], {
        parameter: r.id,
        from: r.from,
        note: r.note ?? '',
      });
    } else if (r.confidence === 'low') {
      this.add('law.low_confidence', 'warning', [r.law], {
        parameter: r.id,
        from: r.from,
        note: r.note ?? '',
      });
    }
    if (r.reachedBy)
      this.add('law.later_law_reaches_case', 'info', [r.reachedBy, r.law], { parameter: r.id, from: r.from });
    return r;
  }

  /** Takes over findings another computation made (e.g. a reused criminal history) and returns its result. */
  absorb<T>(findings: readonly RawFinding[], result: T): T {
    for (const f of findings) this.list.add(f);
    return result;
  }

  add(
    code: string,
    severity: 'info' | 'warning' | 'critical',
    citations: readonly string[],
    values?: Record<string, unknown>,
  ): void {
    // The same law value read twice is reported once.
    this.list.add(finding(code, severity, citations, values));
  }
}
