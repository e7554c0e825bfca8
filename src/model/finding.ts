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

/**
 * A finding as data. It is made with an empty message so that an assessment whose prose is not asked for
 * can hand its findings out as they are (src/messages renders a copy when a surface asks for prose).
 */
export function finding(
  code: string,
  severity: Severity,
  citations: readonly string[],
  values?: Record<string, unknown>,
): Finding {
  return values
    ? { code, severity, citations: [...citations], values, message: '' }
    : { code, severity, citations: [...citations], message: '' };
}

/**
 * An ordered list of findings without exact repeats (same code and values): the same law value is
 * often read by several rules. Values are serialised only when a code repeats, which is rare.
 */
export class FindingList<F extends RawFinding = RawFinding> {
  readonly items: F[] = [];
  /** first finding of each code; the serialised values of a code are kept only once it repeats */
  private readonly first = new Map<string, F>();
  private readonly keys = new Map<string, Set<string>>();

  add(f: F): boolean {
    const earlier = this.first.get(f.code);
    if (earlier === undefined) {
      this.first.set(f.code, f);
      this.items.push(f);
      return true;
    }
    let keys = this.keys.get(f.code);
    if (!keys) {
      keys = new Set([JSON.stringify(earlier.values ?? {})]);
      this.keys.set(f.code, keys);
    }
    const key = JSON.stringify(f.values ?? {});
    if (keys.has(key)) return false;
    keys.add(key);
    this.items.push(f);
    return true;
  }
}
