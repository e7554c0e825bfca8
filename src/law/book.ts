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
  /** the date (sentencing or conviction) whose law reached the case, with `reachedBy` */
  reachedOn?: IsoDate;
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

const NO_VALUES: readonly LawValue[] = [];

const covers = (v: LawValue, date: IsoDate) => v.from <= date && (v.to === undefined || date < v.to);

/**
 * The law of one period: every parameter's value between two consecutive change dates of the book. All
 * dates of a period share one object (and whatever is compiled from it), so a bulk run over thousands of
 * dates builds only as many as the law has periods.
 */
export class LawPeriod {
  /** by the book's slot of each parameter (see LawBook.slots); undefined where no value is in force */
  private readonly values: (Resolved | undefined)[];
  private readonly compiledCache = new Map<string, unknown>();
  constructor(
    /** the first day of the period */
    readonly from: IsoDate,
    params: ReadonlyMap<string, Parameter>,
    private readonly slots: ReadonlyMap<string, number>,
    resolve: (id: string, v: LawValue) => Resolved,
  ) {
    this.values = new Array(slots.size).fill(undefined);
    for (const [id, p] of params) {
      const v = p.values.find((x) => covers(x, from));
      if (v) this.values[slots.get(id) as number] = resolve(id, v);
    }
  }
  lookup<T = unknown>(id: string): Resolved<T> | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : (this.values[slot] as Resolved<T> | undefined);
  }
  /** A structure built once from this period's law (a table made searchable, a list made typed), then shared. */
  compiled<T>(key: string, build: () => T): T {
    let c = this.compiledCache.get(key) as T | undefined;
    if (c === undefined) {
      c = build();
      this.compiledCache.set(key, c);
    }
    return c;
  }
}

/** A snapshot: every parameter's value on one date (the period's values, with the date asked kept for errors). */
export class LawSnapshot {
  constructor(
    readonly date: IsoDate,
    readonly period: LawPeriod,
  ) {}
  has(id: string): boolean {
    return this.period.lookup(id) !== undefined;
  }
  get<T = unknown>(id: string): Resolved<T> {
    const r = this.period.lookup<T>(id);
    if (!r) throw new LawGapError(id, this.date);
    return r;
  }
}

/** All law parameters with their dated histories. Immutable; a reform produces a new book (src/law/reform.ts). */
export class LawBook {
  /**
   * When set (before any read), records the first value of every parameter a rule reads (the reader keeps
   * it, src/law/reader.ts): comparisons use it to explain differences, tests to find law no rule reads.
   */
  readLog: Map<string, Resolved> | undefined;

  /** Sorted dates on which some value starts or ends: the boundaries of the law's periods. */
  private readonly changes: IsoDate[];
  private readonly periods = new Map<number, LawPeriod>();
  private readonly resolvedValues = new WeakMap<LawValue, Resolved>();
  /**
   * The values that may reach earlier conduct, by parameter (most parameters have none: their value is the
   * offense date's).
   */
  private readonly reaching = new Map<string, LawValue[]>();
  /**
   * Each parameter's place in every period's array of values: one map shared by all periods (and kept in
   * cache by every read) and a plain array per period, instead of a map per period (there are over a hundred).
   */
  private readonly slots: ReadonlyMap<string, number>;

  constructor(
    readonly params: ReadonlyMap<string, Parameter>,
    readonly sources: Readonly<Record<string, { title: string; kind: string; url: string }>>,
    readonly hash: string,
  ) {
    this.slots = new Map([...params.keys()].map((id, i) => [id, i]));
    const dates = new Set<IsoDate>();
    for (const [id, p] of params)
      for (const v of p.values) {
        dates.add(v.from);
        if (v.to) dates.add(v.to);
        if (v.reach) {
          const list = this.reaching.get(id);
          if (list) list.push(v);
          else this.reaching.set(id, [v]);
        }
      }
    this.changes = [...dates].sort();
  }

  /** A view of the same law with its own periods and read log. */
  tracked(): LawBook {
    const b = new LawBook(this.params, this.sources, this.hash);
    b.readLog = new Map();
    return b;
  }

  has(id: string): boolean {
    return this.params.has(id);
  }

  /** The first day any value of the parameter is in force (undefined when the book has no such parameter). */
  earliest(id: string): IsoDate | undefined {
    return this.params.get(id)?.values[0]?.from;
  }

  title(id: string): string | undefined {
    return this.params.get(id)?.title;
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

  private resolve = (id: string, v: LawValue): Resolved => {
    let r = this.resolvedValues.get(v);
    if (!r) {
      r = resolved(id, v);
      this.resolvedValues.set(v, r);
    }
    return r;
  };

  /** The index of the period a date falls in: how many change dates are on or before it. */
  private periodIndex(date: IsoDate): number {
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.changes[mid] as IsoDate) <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The law of the period containing the date (built once per period). */
  period(date: IsoDate): LawPeriod {
    const i = this.periodIndex(date);
    let p = this.periods.get(i);
    if (!p) {
      // Before the first change date nothing is in force: the period starts at the date asked.
      p = new LawPeriod(
        i === 0 ? date : (this.changes[i - 1] as IsoDate),
        this.params,
        this.slots,
        this.resolve,
      );
      this.periods.set(i, p);
    }
    return p;
  }

  private readonly sameCache = new Map<string, boolean>();
  /**
   * Whether every parameter of a family (`us_fed.ussg`) has the same value on two dates: then whatever is
   * computed from that family alone is the same on both (two Manual editions that changed nothing the
   * knowledge base holds). Cached per pair of periods.
   */
  sameFamily(base: string, a: IsoDate, b: IsoDate): boolean {
    const pa = this.periodIndex(a);
    const pb = this.periodIndex(b);
    if (pa === pb) return true;
    const key = `${base}|${Math.min(pa, pb)}|${Math.max(pa, pb)}`;
    let same = this.sameCache.get(key);
    if (same === undefined) {
      const x = this.period(a);
      const y = this.period(b);
      same = this.family(base).every((id) => x.lookup(id) === y.lookup(id));
      this.sameCache.set(key, same);
    }
    return same;
  }

  at(date: IsoDate): LawSnapshot {
    return new LawSnapshot(date, this.period(date));
  }

  /**
   * The value that governs a case: the one in force on the offense date, unless a later value that
   * declares a reach (sentenced or convicted on or after its start) was in force on that later date.
   * Later values without a reach (harsher changes) never apply to earlier conduct (ex post facto).
   */
  applicable<T = unknown>(id: string, dates: CaseDates): Resolved<T> {
    const base = this.period(dates.offense).lookup<T>(id);
    let chosen: LawValue | undefined;
    let from = base?.from;
    for (const v of this.reaching.get(id) ?? NO_VALUES) {
      if (v.from <= dates.offense) continue;
      const decisive = v.reach?.applies_to === 'sentenced_on_or_after' ? dates.sentencing : dates.conviction;
      if (v.from <= decisive && (from === undefined || v.from > from)) {
        chosen = v;
        from = v.from;
      }
    }
    if (chosen)
      return this.reachedValue(
        id,
        chosen,
        chosen.reach?.applies_to === 'convicted_on_or_after' ? dates.conviction : dates.sentencing,
      ) as Resolved<T>;
    if (!base) throw new LawGapError(id, dates.offense);
    return base;
  }

  private readonly reached = new WeakMap<LawValue, Map<IsoDate, Resolved>>();
  /** A later value as it reaches a case on one date, one object per value and date (reported once). */
  private reachedValue(id: string, v: LawValue, on: IsoDate): Resolved {
    let byDate = this.reached.get(v);
    if (!byDate) {
      byDate = new Map();
      this.reached.set(v, byDate);
    }
    let r = byDate.get(on);
    if (!r) {
      r = { ...resolved(id, v, v.reach?.cite), reachedOn: on };
      byDate.set(on, r);
    }
    return r;
  }
}
