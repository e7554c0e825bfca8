import type { IsoDate } from '../model/dates.ts';
import { LawGapError } from './errors.ts';
import type { Confidence, LawValue, Parameter } from './schema.ts';

/** One value of one parameter, as read for a date, with everything needed to cite it. */
export interface Resolved<T = unknown> {
  id: string;
  value: T;
  law: string;
  sources: string[];
  confidence: Confidence;
  from: IsoDate;
  to: IsoDate | undefined;
  note: string | undefined;
  /** Set when a later value reached a case whose offense predates it (e.g. Dorsey for the FSA 2010). */
  reachedBy: string | undefined;
}

/** The dates that can govern a rule (see src/engine/dates.ts for how they are chosen). */
export interface CaseDates {
  offense: IsoDate;
  conviction: IsoDate;
  sentencing: IsoDate;
}

function resolved(id: string, v: LawValue, reachedBy?: string): Resolved {
  return {
    id,
    value: v.value,
    law: v.cite.law,
    sources: v.cite.sources,
    confidence: v.confidence,
    from: v.from,
    to: v.to,
    note: v.note,
    reachedBy,
  };
}

const covers = (v: LawValue, date: IsoDate) => v.from <= date && (v.to === undefined || date < v.to);

/** A snapshot: every parameter's value on one date. Built once per date and reused (see LawBook.at). */
export class LawSnapshot {
  private readonly values = new Map<string, Resolved>();
  constructor(
    readonly date: IsoDate,
    params: ReadonlyMap<string, Parameter>,
    private readonly log?: Map<string, Resolved>,
  ) {
    for (const [id, p] of params) {
      const v = p.values.find((x) => covers(x, date));
      if (v) this.values.set(id, resolved(id, v));
    }
  }
  has(id: string): boolean {
    return this.values.has(id);
  }
  get<T = unknown>(id: string): Resolved<T> {
    const r = this.values.get(id);
    if (!r) throw new LawGapError(id, this.date);
    if (this.log && !this.log.has(id)) this.log.set(id, r);
    return r as Resolved<T>;
  }
  all(): Resolved[] {
    return [...this.values.values()];
  }
}

/** All law parameters with their dated histories. Immutable; a reform produces a new book (src/law/patch.ts). */
export class LawBook {
  private readonly snapshots = new Map<IsoDate, LawSnapshot>();
  /**
   * When set (before any read), records the first value of every parameter a rule reads: comparisons
   * use it to explain differences, tests to find law that no rule reads.
   */
  readLog: Map<string, Resolved> | undefined;

  /** A view of the same law with its own snapshots and read log. */
  tracked(): LawBook {
    const b = new LawBook(this.params, this.sources, this.hash);
    b.readLog = new Map();
    return b;
  }
  constructor(
    readonly params: ReadonlyMap<string, Parameter>,
    readonly sources: Readonly<Record<string, { title: string; kind: string; url: string }>>,
    readonly hash: string,
  ) {}

  has(id: string): boolean {
    return this.params.has(id);
  }

  private readonly families = new Map<string, string[]>();
  /** The sorted ids equal to `base` or under `base.` (e.g. every Good Samaritan law of a state). */
  family(base: string): string[] {
    let ids = this.families.get(base);
    if (!ids) {
      ids = [...this.params.keys()].filter((id) => id === base || id.startsWith(`${base}.`)).sort();
      this.families.set(base, ids);
    }
    return ids;
  }

  private readonly prefixes = new Map<string, boolean>();
  /** Whether any parameter id starts with the prefix (a topic the knowledge base covers). */
  hasPrefix(prefix: string): boolean {
    let found = this.prefixes.get(prefix);
    if (found === undefined) {
      found = [...this.params.keys()].some((id) => id.startsWith(prefix));
      this.prefixes.set(prefix, found);
    }
    return found;
  }

  at(date: IsoDate): LawSnapshot {
    let s = this.snapshots.get(date);
    if (!s) {
      if (this.snapshots.size > 4096) this.snapshots.clear(); // bound memory in long bulk runs
      s = new LawSnapshot(date, this.params, this.readLog);
      this.snapshots.set(date, s);
    }
    return s;
  }

  /**
   * The value that governs a case: the one in force on the offense date, unless a later value that
   * declares a reach (sentenced or convicted on or after its start) was in force on that later date.
   * Later values without a reach (harsher changes) never apply to earlier conduct (ex post facto).
   */
  applicable<T = unknown>(id: string, dates: CaseDates): Resolved<T> {
    const p = this.params.get(id);
    if (!p) throw new LawGapError(id, dates.offense);
    const base = p.values.find((x) => covers(x, dates.offense));
    let chosen: LawValue | undefined = base;
    for (const v of p.values) {
      if (!v.reach || v.from <= dates.offense) continue;
      const decisive = v.reach.applies_to === 'sentenced_on_or_after' ? dates.sentencing : dates.conviction;
      if (v.from <= decisive && (!chosen || v.from > chosen.from)) chosen = v;
    }
    if (!chosen) throw new LawGapError(id, dates.offense);
    const r = resolved(id, chosen, chosen !== base ? chosen.reach?.cite : undefined);
    if (this.readLog && !this.readLog.has(id)) this.readLog.set(id, r);
    return r as Resolved<T>;
  }
}
