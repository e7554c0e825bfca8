/** A finding: a stable dotted code, the values it read, and the legal citations behind it. */
export type Severity = 'info' | 'warning' | 'critical';

export interface Finding {
  code: string;
  severity: Severity;
  /** Rendered from the message catalog (src/messages) when the assessment is assembled. */
  message: string;
  citations: string[];
  values?: Record<string, unknown>;
}

/** What a rule emits before rendering: the message is produced later from `code` + `values`. */
export type RawFinding = Omit<Finding, 'message'>;

export function finding(
  code: string,
  severity: Severity,
  citations: readonly string[],
  values?: Record<string, unknown>,
): RawFinding {
  return values
    ? { code, severity, citations: [...citations], values }
    : { code, severity, citations: [...citations] };
}
