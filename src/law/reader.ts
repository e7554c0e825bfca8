import type { IsoDate } from '../model/dates.ts';
import { type Finding, finding } from '../model/finding.ts';
import type { CaseDates, LawBook, LawPeriod, Resolved } from './book.ts';
import { LawGapError } from './errors.ts';

/** The part of the engine a read is made for; carried on the findings the read produces. */
export type LawArea =
  | 'charge'
  | 'statute'
  | 'guidelines'
  | 'role'
  | 'indicia'
  | 'screen'
  | 'consequences'
  | 'state';

/** The dates a case is assessed under (see src/engine/dates.ts for how they are chosen). */
export interface AppliedDates extends CaseDates {
  /** The day the assessment is made: consequences and "today" scenarios read the law on this date. */
  evaluation: IsoDate;
  /** The case gives no sentencing date: it is not (known to be) sentenced yet. */
  notYetSentenced?: true;
}

/** A value reported when read: unverified (null), of low confidence, or a later law reaching earlier conduct. */
const isWeak = (r: Resolved): boolean => r.value === null || r.confidence === 'low' || !!r.reachedBy;

/**
 * What one assessment's reads report. A value that is unverified (null) or of low confidence is reported
 * once per assessment however many rules read it, as is a later value that reaches earlier conduct: weak
 * sources are surfaced, never hidden, and never repeated.
 */
export class LawNotes {
  /** unique by construction: each value is reported once */
  readonly findings: Finding[] = [];
  private readonly seen = new Set<Resolved>();
  /** While set, every lookup is kept, so a result can be reused under law that gives the same values. */
  capture: LawRead[] | undefined;
  /** the latest date whose later law reached the case (undefined: the offense date's law alone applied) */
  reachedOn: IsoDate | undefined;
  constructor(private readonly log?: Map<string, Resolved>) {}

  /** Keeps the value in the book's read log, when one is kept (comparisons explain differences with it). */
  record(r: Resolved): void {
    if (this.log && !this.log.has(r.id)) this.log.set(r.id, r);
  }

  /** Whether every value read is kept in the book's read log. */
  get logging(): boolean {
    return this.log !== undefined;
  }

  note(r: Resolved, area: LawArea): void {
    this.record(r);
    // only weak values and reaches are reported: a sound value needs no bookkeeping
    if (!isWeak(r)) return;
    if (this.seen.has(r)) return;
    this.seen.add(r);
    const weak =
      r.value === null ? 'law.value_unverified' : r.confidence === 'low' ? 'law.low_confidence' : null;
    if (weak)
      this.findings.push(
        finding(weak, 'warning', [r.law], { parameter: r.id, from: r.from, note: r.note ?? '', area }),
      );
    if (r.reachedOn && (!this.reachedOn || r.reachedOn > this.reachedOn)) this.reachedOn = r.reachedOn;
    if (r.reachedBy)
      this.findings.push(
        finding('law.later_law_reaches_case', 'info', [r.reachedBy, r.law], {
          parameter: r.id,
          from: r.from,
          area,
        }),
      );
  }
}

/** One lookup: the date and parameter asked, and what the law gave (undefined: nothing in force). */
export interface LawRead {
  /** null for statute law read with its reaches (several dates decide: never reused) */
  date: IsoDate | null;
  id: string;
  area: LawArea;
  value: Resolved | undefined;
}

/** Reading the law as in force on one date, for one area. Every read is reported (see LawNotes). */
export class LawView {
  private readonly period: LawPeriod;
  constructor(
    private readonly book: LawBook,
    readonly date: IsoDate,
    readonly area: LawArea,
    private readonly notes: LawNotes,
  ) {
    this.period = book.period(date);
  }

  private look<T>(id: string): Resolved<T> | undefined {
    const r = this.period.lookup<T>(id);
    this.notes.capture?.push({ date: this.date, id, area: this.area, value: r });
    return r;
  }

  /** The value in force; a missing interval is an error (LawGapError), never a default. */
  get<T>(id: string): Resolved<T> {
    const r = this.look<T>(id);
    if (!r) throw new LawGapError(id, this.date);
    this.notes.note(r, this.area);
    return r;
  }

  /** Like get, but undefined when no value of the parameter is in force on this date. */
  maybe<T>(id: string): Resolved<T> | undefined {
    const r = this.look<T>(id);
    if (r) this.notes.note(r, this.area);
    return r;
  }

  /** Reports a value found without reporting it (`peekFamily`), once the rule has chosen it. */
  use<T>(r: Resolved<T>): Resolved<T> {
    this.notes.note(r, this.area);
    return r;
  }

  /** Whether a value of the parameter is in force on this date. */
  has(id: string): boolean {
    return this.look(id) !== undefined;
  }

  /** Whether the parameter exists at all, whatever its dates. */
  exists(id: string): boolean {
    return this.book.has(id);
  }

  /** Whether some parameter id starts with the prefix (a topic the knowledge base covers). */
  covers(prefix: string): boolean {
    return this.book.hasPrefix(prefix);
  }

  title(id: string): string | undefined {
    return this.book.title(id);
  }

  /** Every value in force whose id is `base` or under `base.` (not reported: pick with `use`). */
  peekFamily<T>(base: string): Resolved<T>[] {
    const out: Resolved<T>[] = [];
    for (const id of this.book.family(base)) {
      const r = this.look<T>(id);
      if (r) {
        this.notes.record(r);
        out.push(r);
      }
    }
    return out;
  }

  /** Every value in force whose id is `base` or under `base.`, each reported as read. */
  family<T>(base: string): Resolved<T>[] {
    return this.peekFamily<T>(base).map((r) => this.use(r));
  }

  /**
   * A structure compiled once per law period from values of this view (a band table made searchable, a
   * list typed): every case of the period shares it. `reads` are the values it was built from; each use
   * reports them, so a compiled read cites and warns exactly like a direct one.
   */
  compiled<T>(key: string, build: (read: <V>(id: string) => Resolved<V>) => T): T {
    // keyed by what is compiled, not by who reads it: the reads are reported under this view's area
    const c = this.period.compiled(key, () => {
      const reads: Resolved[] = [];
      const value = build(<V>(id: string) => {
        const r = this.period.lookup<V>(id);
        if (!r) throw new LawGapError(id, this.date);
        reads.push(r);
        return r;
      });
      return { value, reads, weak: reads.filter(isWeak) };
    });
    // Only weak values make findings; every read matters only while reads are captured or logged.
    if (this.notes.capture || this.notes.logging)
      for (const r of c.reads) {
        this.notes.capture?.push({ date: this.date, id: r.id, area: this.area, value: r });
        this.notes.note(r, this.area);
      }
    else for (const r of c.weak) this.notes.note(r, this.area);
    return c.value;
  }
}

/**
 * Statute law for a case: the value in force on the offense date, unless a later, more lenient value
 * declares that it reaches people sentenced or convicted after it (Dorsey; First Step Act s.401(c)).
 */
export class StatuteView {
  constructor(
    private readonly book: LawBook,
    private readonly dates: CaseDates,
    readonly area: LawArea,
    private readonly notes: LawNotes,
  ) {}

  get<T>(id: string): Resolved<T> {
    const r = this.book.applicable<T>(id, this.dates);
    this.notes.capture?.push({ date: null, id, area: this.area, value: r });
    this.notes.note(r, this.area);
    return r;
  }

  /** Whether the parameter exists at all (a substance without a trigger, a tier without a row). */
  exists(id: string): boolean {
    return this.book.has(id);
  }
}

/**
 * The one way rules read the law: built once per assessment from the law book (a scenario's book is a
 * patched one), the case's dates, and one set of notes. Statute law by offense date with its reaches;
 * any Manual or date as a whole view (the Guidelines Manual chosen under 1B1.11); the law at the
 * evaluation date for consequences and the report's framework.
 */
export class CaseLaw {
  readonly notes: LawNotes;
  private readonly views = new Map<LawArea, Map<IsoDate, LawView>>();
  private readonly statutes = new Map<LawArea, StatuteView>();

  constructor(
    private readonly book: LawBook,
    readonly dates: AppliedDates,
  ) {
    this.notes = new LawNotes(book.readLog);
  }

  /** Findings the reads made (unverified and low-confidence values, later law reaching the case). */
  get findings(): Finding[] {
    return this.notes.findings;
  }

  /** The content hash of the law read (a reform's patched law has its own). */
  get hash(): string {
    return this.book.hash;
  }

  statute(area: LawArea): StatuteView {
    let v = this.statutes.get(area);
    if (!v) {
      v = new StatuteView(this.book, this.dates, area, this.notes);
      this.statutes.set(area, v);
    }
    return v;
  }

  at(date: IsoDate, area: LawArea): LawView {
    let byDate = this.views.get(area);
    if (!byDate) {
      byDate = new Map();
      this.views.set(area, byDate);
    }
    let v = byDate.get(date);
    if (!v) {
      v = new LawView(this.book, date, area, this.notes);
      byDate.set(date, v);
    }
    return v;
  }

  /** The law in force on the evaluation date. */
  today(area: LawArea): LawView {
    return this.at(this.dates.evaluation, area);
  }

  /** The law in force on the offense date, as a whole (no later value reaches it). */
  atOffense(area: LawArea): LawView {
    return this.at(this.dates.offense, area);
  }

  /**
   * The date whose statute law was applied: the offense date, or the later sentencing (conviction) date
   * when a later law reached the case (the Fair Sentencing Act at a post-Act sentencing, Dorsey).
   */
  get statuteLawDate(): IsoDate {
    return this.notes.reachedOn ?? this.dates.offense;
  }

  /** The first day any value of the parameter is in force. */
  earliest(id: string): IsoDate | undefined {
    return this.book.earliest(id);
  }

  /** Whether every parameter under `base` has the same value on both dates (see LawBook.sameFamily). */
  sameFamily(base: string, a: IsoDate, b: IsoDate): boolean {
    return this.book.sameFamily(base, a, b);
  }

  /** Runs a computation and returns what it read with its result (see `reusable`). */
  captured<T>(run: () => T): { value: T; reads: LawRead[] } {
    const outer = this.notes.capture;
    const reads: LawRead[] = [];
    this.notes.capture = reads;
    try {
      return { value: run(), reads };
    } finally {
      this.notes.capture = outer;
      outer?.push(...reads);
    }
  }

  /**
   * Whether this law gives exactly what another computation read (same values, same citations, same
   * confidence, same absences): a pure rule then gives the same result, so it need not run again. The
   * reads are reported here as they were there.
   */
  reusable(reads: readonly LawRead[]): boolean {
    // reads come in runs of one date: find each date's period once (a binary search), not once per read
    let date: IsoDate | undefined;
    let period: LawPeriod | undefined;
    for (const x of reads) {
      if (x.date === null) return false;
      if (x.date !== date) {
        date = x.date;
        period = this.book.period(date);
      }
      const mine = (period as LawPeriod).lookup(x.id);
      const theirs = x.value;
      if (mine === theirs) continue;
      if (
        !mine ||
        !theirs ||
        mine.value !== theirs.value ||
        mine.law !== theirs.law ||
        mine.confidence !== theirs.confidence ||
        mine.from !== theirs.from ||
        mine.note !== theirs.note
      )
        return false;
    }
    for (const x of reads) if (x.value) this.notes.note(x.value, x.area);
    return true;
  }
}
