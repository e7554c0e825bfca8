import type { Resolved } from '../law/book.ts';
import { type Finding, finding, type RawFinding, type Severity } from '../model/finding.ts';

/**
 * Collects the findings and citations one computation produces, so every number keeps its reasons. Reading
 * a value reports its weaknesses already (src/law/reader.ts); `cite` adds it to this computation's sources.
 */
export class Trace {
  /** in the order made; repeats are dropped once, when the assessment is assembled */
  readonly findings: Finding[] = [];
  readonly citations = new Set<string>();

  cite<T>(r: Resolved<T>): Resolved<T> {
    this.citations.add(r.law);
    if (r.reachedBy) this.citations.add(r.reachedBy);
    return r;
  }

  /** Takes over findings another computation made (e.g. a reused criminal history) and returns its result. */
  absorb<T>(findings: readonly RawFinding[], result: T): T {
    for (const f of findings) this.findings.push(f as Finding);
    return result;
  }

  add(
    code: string,
    severity: Severity,
    citations: readonly string[],
    values?: Record<string, unknown>,
  ): void {
    this.findings.push(finding(code, severity, citations, values));
  }
}
