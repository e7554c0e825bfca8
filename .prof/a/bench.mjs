// src/law/errors.ts
var LawDataError = class extends Error {
  constructor(message, path) {
    super(`${path}: ${message}`);
    this.path = path;
    this.name = "LawDataError";
  }
  path;
};
var LawGapError = class extends Error {
  constructor(parameter2, date) {
    super(`no value of ${parameter2} is in force on ${date}`);
    this.parameter = parameter2;
    this.date = date;
    this.name = "LawGapError";
  }
  parameter;
  date;
};

// src/law/loader.ts
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

// src/law/book.ts
function resolved(id, v, reachedBy) {
  return {
    id,
    value: v.value,
    law: v.cite.law,
    sources: v.cite.sources,
    confidence: v.confidence,
    from: v.from,
    to: v.to,
    note: v.note,
    reachedBy
  };
}
var covers = (v, date) => v.from <= date && (v.to === void 0 || date < v.to);
var LawPeriod = class {
  constructor(from, params, resolve) {
    this.from = from;
    for (const [id, p] of params) {
      const v = p.values.find((x) => covers(x, from));
      if (v) this.values.set(id, resolve(id, v));
    }
  }
  from;
  values = /* @__PURE__ */ new Map();
  compiledCache = /* @__PURE__ */ new Map();
  lookup(id) {
    return this.values.get(id);
  }
  /** A structure built once from this period's law (a table made searchable, a list made typed), then shared. */
  compiled(key, build) {
    let c = this.compiledCache.get(key);
    if (c === void 0) {
      c = build();
      this.compiledCache.set(key, c);
    }
    return c;
  }
};
var LawSnapshot = class {
  constructor(date, period) {
    this.date = date;
    this.period = period;
  }
  date;
  period;
  has(id) {
    return this.period.lookup(id) !== void 0;
  }
  get(id) {
    const r = this.period.lookup(id);
    if (!r) throw new LawGapError(id, this.date);
    return r;
  }
};
var LawBook = class _LawBook {
  constructor(params, sources, hash) {
    this.params = params;
    this.sources = sources;
    this.hash = hash;
    const dates = /* @__PURE__ */ new Set();
    for (const [id, p] of params)
      for (const v of p.values) {
        dates.add(v.from);
        if (v.to) dates.add(v.to);
        if (v.reach) this.reaching.add(id);
      }
    this.changes = [...dates].sort();
  }
  params;
  sources;
  hash;
  /**
   * When set (before any read), records the first value of every parameter a rule reads (the reader keeps
   * it, src/law/reader.ts): comparisons use it to explain differences, tests to find law no rule reads.
   */
  readLog;
  /** Sorted dates on which some value starts or ends: the boundaries of the law's periods. */
  changes;
  periods = /* @__PURE__ */ new Map();
  resolvedValues = /* @__PURE__ */ new WeakMap();
  /** parameters with a value that may reach earlier conduct (most have none: their value is the offense date's) */
  reaching = /* @__PURE__ */ new Set();
  /** A view of the same law with its own periods and read log. */
  tracked() {
    const b = new _LawBook(this.params, this.sources, this.hash);
    b.readLog = /* @__PURE__ */ new Map();
    return b;
  }
  has(id) {
    return this.params.has(id);
  }
  /** The first day any value of the parameter is in force (undefined when the book has no such parameter). */
  earliest(id) {
    return this.params.get(id)?.values[0]?.from;
  }
  title(id) {
    return this.params.get(id)?.title;
  }
  families = /* @__PURE__ */ new Map();
  /** The sorted ids equal to `base` or under `base.` (e.g. every Good Samaritan law of a state). */
  family(base) {
    let ids = this.families.get(base);
    if (!ids) {
      ids = [...this.params.keys()].filter((id) => id === base || id.startsWith(`${base}.`)).sort();
      this.families.set(base, ids);
    }
    return ids;
  }
  prefixes = /* @__PURE__ */ new Map();
  /** Whether any parameter id starts with the prefix (a topic the knowledge base covers). */
  hasPrefix(prefix) {
    let found = this.prefixes.get(prefix);
    if (found === void 0) {
      found = [...this.params.keys()].some((id) => id.startsWith(prefix));
      this.prefixes.set(prefix, found);
    }
    return found;
  }
  resolve = (id, v) => {
    let r = this.resolvedValues.get(v);
    if (!r) {
      r = resolved(id, v);
      this.resolvedValues.set(v, r);
    }
    return r;
  };
  /** The index of the period a date falls in: how many change dates are on or before it. */
  periodIndex(date) {
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (this.changes[mid] <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** The law of the period containing the date (built once per period). */
  period(date) {
    const i = this.periodIndex(date);
    let p = this.periods.get(i);
    if (!p) {
      p = new LawPeriod(i === 0 ? date : this.changes[i - 1], this.params, this.resolve);
      this.periods.set(i, p);
    }
    return p;
  }
  sameCache = /* @__PURE__ */ new Map();
  /**
   * Whether every parameter of a family (`us_fed.ussg`) has the same value on two dates: then whatever is
   * computed from that family alone is the same on both (two Manual editions that changed nothing the
   * knowledge base holds). Cached per pair of periods.
   */
  sameFamily(base, a, b) {
    const pa = this.periodIndex(a);
    const pb = this.periodIndex(b);
    if (pa === pb) return true;
    const key = `${base}|${Math.min(pa, pb)}|${Math.max(pa, pb)}`;
    let same = this.sameCache.get(key);
    if (same === void 0) {
      const x = this.period(a);
      const y = this.period(b);
      same = this.family(base).every((id) => x.lookup(id) === y.lookup(id));
      this.sameCache.set(key, same);
    }
    return same;
  }
  at(date) {
    return new LawSnapshot(date, this.period(date));
  }
  /**
   * The value that governs a case: the one in force on the offense date, unless a later value that
   * declares a reach (sentenced or convicted on or after its start) was in force on that later date.
   * Later values without a reach (harsher changes) never apply to earlier conduct (ex post facto).
   */
  applicable(id, dates) {
    if (!this.reaching.has(id)) {
      const r = this.period(dates.offense).lookup(id);
      if (!r) throw new LawGapError(id, dates.offense);
      return r;
    }
    const p = this.params.get(id);
    const base = p.values.find((x) => covers(x, dates.offense));
    let chosen = base;
    for (const v of p.values) {
      if (!v.reach || v.from <= dates.offense) continue;
      const decisive = v.reach.applies_to === "sentenced_on_or_after" ? dates.sentencing : dates.conviction;
      if (v.from <= decisive && (!chosen || v.from > chosen.from)) chosen = v;
    }
    if (!chosen) throw new LawGapError(id, dates.offense);
    if (chosen === base) return this.resolve(id, chosen);
    return this.reachedValue(
      id,
      chosen,
      chosen.reach?.applies_to === "convicted_on_or_after" ? dates.conviction : dates.sentencing
    );
  }
  reached = /* @__PURE__ */ new WeakMap();
  /** A later value as it reaches a case on one date, one object per value and date (reported once). */
  reachedValue(id, v, on) {
    let byDate = this.reached.get(v);
    if (!byDate) {
      byDate = /* @__PURE__ */ new Map();
      this.reached.set(v, byDate);
    }
    let r = byDate.get(on);
    if (!r) {
      r = { ...resolved(id, v, v.reach?.cite), reachedOn: on };
      byDate.set(on, r);
    }
    return r;
  }
};

// src/law/schema.ts
import { z } from "zod";

// src/model/dates.ts
var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function isIsoDate(s) {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}
var DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year, month) {
  const leap = year % 4 === 0 && year % 100 !== 0 || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1] ?? 31;
}
function parts(date) {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}
function format(y, m, d) {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
function addMonths(date, months3) {
  const [y, m, d] = parts(date);
  const total2 = y * 12 + (m - 1) + months3;
  const ny = Math.floor(total2 / 12);
  const nm = total2 % 12 + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
function addYears(date, years2) {
  return addMonths(date, years2 * 12);
}
function addDays(date, days) {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
function daysBetween(from, to) {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 864e5);
}
var maxDate = (a, b) => a > b ? a : b;

// src/law/schema.ts
var isoDate = z.string().refine(isIsoDate, "must be a real calendar date written YYYY-MM-DD");
var confidence = z.enum(["high", "medium", "low"]);
var reach = z.strictObject({
  applies_to: z.enum(["sentenced_on_or_after", "convicted_on_or_after"]),
  cite: z.string().min(1)
});
var lawValue = z.strictObject({
  from: isoDate,
  to: isoDate.optional(),
  /** Any JSON value. `null` means the value is not verified: rules report it, never fill it in. */
  value: z.unknown(),
  cite: z.strictObject({ law: z.string().min(1), sources: z.array(z.string().min(1)).min(1) }),
  confidence,
  note: z.string().optional(),
  reach: reach.optional()
});
var parameter = z.strictObject({
  title: z.string().min(1),
  unit: z.string().optional(),
  values: z.array(lawValue).min(1),
  verified_on: isoDate.optional()
});
var lawFile = z.strictObject({
  unit: z.string().min(1),
  title: z.string().min(1),
  parameters: z.record(
    z.string().regex(/^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+$/, "dotted lower-case id"),
    parameter
  )
});
var sourceEntry = z.strictObject({
  title: z.string().min(1),
  kind: z.string().min(1),
  url: z.string().min(1),
  also: z.array(z.string()).optional()
});
var sourcesFile = z.record(z.string(), sourceEntry);

// src/law/loader.ts
var LAW_DIR = fileURLToPath(new URL("../../law/", import.meta.url));
function yamlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (entry.name.endsWith(".yaml")) out.push(full);
  }
  return out.sort();
}
function zodProblems(error) {
  return error.issues.map((i) => {
    const keys2 = "keys" in i && Array.isArray(i.keys) ? i.keys : [];
    const path = [...i.path, ...keys2.length === 1 ? keys2 : []].join(".");
    const names = keys2.length > 1 ? ` (${keys2.join(", ")})` : "";
    return `${path || "(root)"}: ${i.message}${names}`;
  });
}
function parseYaml(text, path) {
  try {
    return parse(text);
  } catch (e) {
    throw new LawDataError(`not valid YAML: ${e.message}`, path);
  }
}
function checkIntervals(id, p, path) {
  for (let i = 0; i < p.values.length; i++) {
    const v = p.values[i];
    if (!v) continue;
    if (v.to !== void 0 && v.to <= v.from)
      throw new LawDataError(`${id}: interval ${v.from}..${v.to} is empty or reversed`, path);
    const next = p.values[i + 1];
    if (!next) continue;
    if (v.to === void 0)
      throw new LawDataError(`${id}: an open-ended value from ${v.from} is followed by another value`, path);
    if (next.from !== v.to)
      throw new LawDataError(
        `${id}: intervals must be contiguous (${v.to} is followed by ${next.from})`,
        path
      );
  }
}
function loadLawBook(dir = LAW_DIR) {
  const hash = createHash("sha256");
  const files = yamlFiles(dir);
  const sources = {};
  for (const file of files.filter((f) => f.endsWith("sources.yaml"))) {
    const rel = relative(dir, file);
    const text = readFileSync(file, "utf8");
    hash.update(`${rel}
${text}`);
    const parsed = sourcesFile.safeParse(parseYaml(text, rel));
    if (!parsed.success) throw new LawDataError(zodProblems(parsed.error).join("; "), rel);
    for (const [id, s] of Object.entries(parsed.data)) {
      if (id in sources) throw new LawDataError(`source id "${id}" is defined twice`, rel);
      sources[id] = s;
    }
  }
  const params = /* @__PURE__ */ new Map();
  for (const file of files) {
    const rel = relative(dir, file);
    if (rel.endsWith("sources.yaml") || rel.startsWith("scenarios")) continue;
    const text = readFileSync(file, "utf8");
    hash.update(`${rel}
${text}`);
    const parsed = lawFile.safeParse(parseYaml(text, rel));
    if (!parsed.success) throw new LawDataError(zodProblems(parsed.error).join("; "), rel);
    for (const [id, p] of Object.entries(parsed.data.parameters)) {
      if (params.has(id)) throw new LawDataError(`parameter ${id} is defined twice`, rel);
      checkIntervals(id, p, rel);
      for (const v of p.values) {
        for (const s of v.cite.sources) {
          if (!(s in sources)) throw new LawDataError(`${id}: source "${s}" is not in sources.yaml`, rel);
        }
      }
      params.set(id, p);
    }
  }
  return new LawBook(params, sources, `sha256:${hash.digest("hex")}`);
}
var cached;
function defaultLawBook() {
  cached ??= loadLawBook();
  return cached;
}

// src/model/finding.ts
function finding(code, severity2, citations, values) {
  return values ? { code, severity: severity2, citations: [...citations], values, message: "" } : { code, severity: severity2, citations: [...citations], message: "" };
}
var FindingList = class {
  items = [];
  /** first finding of each code; the serialised values of a code are kept only once it repeats */
  first = /* @__PURE__ */ new Map();
  keys = /* @__PURE__ */ new Map();
  add(f) {
    const earlier = this.first.get(f.code);
    if (earlier === void 0) {
      this.first.set(f.code, f);
      this.items.push(f);
      return true;
    }
    let keys2 = this.keys.get(f.code);
    if (!keys2) {
      keys2 = /* @__PURE__ */ new Set([JSON.stringify(earlier.values ?? {})]);
      this.keys.set(f.code, keys2);
    }
    const key = JSON.stringify(f.values ?? {});
    if (keys2.has(key)) return false;
    keys2.add(key);
    this.items.push(f);
    return true;
  }
};

// src/law/reader.ts
var LawNotes = class {
  constructor(log) {
    this.log = log;
  }
  log;
  /** unique by construction: each value is reported once */
  findings = [];
  seen = /* @__PURE__ */ new Set();
  /** While set, every lookup is kept, so a result can be reused under law that gives the same values. */
  capture;
  /** the latest date whose later law reached the case (undefined: the offense date's law alone applied) */
  reachedOn;
  /** Keeps the value in the book's read log, when one is kept (comparisons explain differences with it). */
  record(r) {
    if (this.log && !this.log.has(r.id)) this.log.set(r.id, r);
  }
  note(r, area2) {
    this.record(r);
    if (r.value !== null && r.confidence !== "low" && !r.reachedBy) return;
    if (this.seen.has(r)) return;
    this.seen.add(r);
    const weak = r.value === null ? "law.value_unverified" : r.confidence === "low" ? "law.low_confidence" : null;
    if (weak)
      this.findings.push(
        finding(weak, "warning", [r.law], { parameter: r.id, from: r.from, note: r.note ?? "", area: area2 })
      );
    if (r.reachedOn && (!this.reachedOn || r.reachedOn > this.reachedOn)) this.reachedOn = r.reachedOn;
    if (r.reachedBy)
      this.findings.push(
        finding("law.later_law_reaches_case", "info", [r.reachedBy, r.law], {
          parameter: r.id,
          from: r.from,
          area: area2
        })
      );
  }
};
var LawView = class {
  constructor(book, date, area2, notes) {
    this.book = book;
    this.date = date;
    this.area = area2;
    this.notes = notes;
    this.period = book.period(date);
  }
  book;
  date;
  area;
  notes;
  period;
  look(id) {
    const r = this.period.lookup(id);
    this.notes.capture?.push({ date: this.date, id, area: this.area, value: r });
    return r;
  }
  /** The value in force; a missing interval is an error (LawGapError), never a default. */
  get(id) {
    const r = this.look(id);
    if (!r) throw new LawGapError(id, this.date);
    this.notes.note(r, this.area);
    return r;
  }
  /** Like get, but undefined when no value of the parameter is in force on this date. */
  maybe(id) {
    const r = this.look(id);
    if (r) this.notes.note(r, this.area);
    return r;
  }
  /** Reports a value found without reporting it (`peekFamily`), once the rule has chosen it. */
  use(r) {
    this.notes.note(r, this.area);
    return r;
  }
  /** Whether a value of the parameter is in force on this date. */
  has(id) {
    return this.look(id) !== void 0;
  }
  /** Whether the parameter exists at all, whatever its dates. */
  exists(id) {
    return this.book.has(id);
  }
  /** Whether some parameter id starts with the prefix (a topic the knowledge base covers). */
  covers(prefix) {
    return this.book.hasPrefix(prefix);
  }
  title(id) {
    return this.book.title(id);
  }
  /** Every value in force whose id is `base` or under `base.` (not reported: pick with `use`). */
  peekFamily(base) {
    const out = [];
    for (const id of this.book.family(base)) {
      const r = this.look(id);
      if (r) {
        this.notes.record(r);
        out.push(r);
      }
    }
    return out;
  }
  /** Every value in force whose id is `base` or under `base.`, each reported as read. */
  family(base) {
    return this.peekFamily(base).map((r) => this.use(r));
  }
  /**
   * A structure compiled once per law period from values of this view (a band table made searchable, a
   * list typed): every case of the period shares it. `reads` are the values it was built from; each use
   * reports them, so a compiled read cites and warns exactly like a direct one.
   */
  compiled(key, build) {
    const c = this.period.compiled(key, () => {
      const reads = [];
      const value = build((id) => {
        const r = this.period.lookup(id);
        if (!r) throw new LawGapError(id, this.date);
        reads.push(r);
        return r;
      });
      return { value, reads };
    });
    for (const r of c.reads) {
      this.notes.capture?.push({ date: this.date, id: r.id, area: this.area, value: r });
      this.notes.note(r, this.area);
    }
    return c.value;
  }
};
var StatuteView = class {
  constructor(book, dates, area2, notes) {
    this.book = book;
    this.dates = dates;
    this.area = area2;
    this.notes = notes;
  }
  book;
  dates;
  area;
  notes;
  get(id) {
    const r = this.book.applicable(id, this.dates);
    this.notes.capture?.push({ date: null, id, area: this.area, value: r });
    this.notes.note(r, this.area);
    return r;
  }
  /** Whether the parameter exists at all (a substance without a trigger, a tier without a row). */
  exists(id) {
    return this.book.has(id);
  }
};
var CaseLaw = class {
  constructor(book, dates) {
    this.book = book;
    this.dates = dates;
    this.notes = new LawNotes(book.readLog);
  }
  book;
  dates;
  notes;
  views = /* @__PURE__ */ new Map();
  statutes = /* @__PURE__ */ new Map();
  /** Findings the reads made (unverified and low-confidence values, later law reaching the case). */
  get findings() {
    return this.notes.findings;
  }
  /** The content hash of the law read (a reform's patched law has its own). */
  get hash() {
    return this.book.hash;
  }
  statute(area2) {
    let v = this.statutes.get(area2);
    if (!v) {
      v = new StatuteView(this.book, this.dates, area2, this.notes);
      this.statutes.set(area2, v);
    }
    return v;
  }
  at(date, area2) {
    let byDate = this.views.get(area2);
    if (!byDate) {
      byDate = /* @__PURE__ */ new Map();
      this.views.set(area2, byDate);
    }
    let v = byDate.get(date);
    if (!v) {
      v = new LawView(this.book, date, area2, this.notes);
      byDate.set(date, v);
    }
    return v;
  }
  /** The law in force on the evaluation date. */
  today(area2) {
    return this.at(this.dates.evaluation, area2);
  }
  /** The law in force on the offense date, as a whole (no later value reaches it). */
  atOffense(area2) {
    return this.at(this.dates.offense, area2);
  }
  /**
   * The date whose statute law was applied: the offense date, or the later sentencing (conviction) date
   * when a later law reached the case (the Fair Sentencing Act at a post-Act sentencing, Dorsey).
   */
  get statuteLawDate() {
    return this.notes.reachedOn ?? this.dates.offense;
  }
  /** The first day any value of the parameter is in force. */
  earliest(id) {
    return this.book.earliest(id);
  }
  /** Whether every parameter under `base` has the same value on both dates (see LawBook.sameFamily). */
  sameFamily(base, a, b) {
    return this.book.sameFamily(base, a, b);
  }
  /** Runs a computation and returns what it read with its result (see `reusable`). */
  captured(run) {
    const outer = this.notes.capture;
    const reads = [];
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
  reusable(reads) {
    for (const x of reads) {
      if (x.date === null) return false;
      const mine = this.book.period(x.date).lookup(x.id);
      const theirs = x.value;
      if (mine === theirs) continue;
      if (!mine || !theirs || mine.value !== theirs.value || mine.law !== theirs.law || mine.confidence !== theirs.confidence || mine.from !== theirs.from || mine.note !== theirs.note)
        return false;
    }
    for (const x of reads) if (x.value) this.notes.note(x.value, x.area);
    return true;
  }
};

// src/model/terms.ts
function termGte(a, b) {
  if (a === "life") return true;
  if (b === "life") return false;
  return a >= b;
}
function rangeAbove(a, b) {
  if (a[0] !== b[0]) return termGte(a[0], b[0]);
  return a[1] !== b[1] && termGte(a[1], b[1]);
}
function addTerms(a, b) {
  return a === "life" || b === "life" ? "life" : a + b;
}
function termLabel(t) {
  if (t === "life") return "life";
  if (t === 12) return "1 year (12 months)";
  if (t % 12 === 0 && t >= 12) return `${t / 12} years (${t} months)`;
  return `${t} months`;
}

// src/messages/format.ts
var term = (v) => v === "life" || typeof v === "number" ? termLabel(v) : String(v);
var range = (v) => Array.isArray(v) ? `${term(v[0])} to ${term(v[1])}` : String(v);
var list = (v) => Array.isArray(v) ? v.join(", ") : String(v);
var grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
var money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
var num = (v) => typeof v === "number" ? grouped.format(v) : String(v);
var usd = (v) => typeof v === "number" ? `$${money.format(v)}` : "an unknown amount";

// src/messages/consequences.ts
var years = (v) => v === null || v === void 0 ? "an unknown term" : typeof v === "number" ? `${v} year${v === 1 ? "" : "s"}` : String(v);
var q = (v) => typeof v.question === "string" ? ` What would settle it: ${v.question}` : "";
var when = (v) => v.date ? ` on ${String(v.date)}` : "";
var consequencesMessages = {
  "consequences.evaluation_date": (v) => `Consequences of a ${String(v.charge)} conviction are read from the law in force on the evaluation date, ${String(v.date)}.`,
  "consequences.immigration.not_applicable_citizen": () => "The person is a U.S. citizen: no immigration consequences.",
  "consequences.immigration.not_in_knowledge_base": (v) => `The immigration rules are not in the knowledge base${when(v)}.`,
  "consequences.immigration.citizenship_unknown": (v) => `Citizenship is not recorded; the immigration consequences below apply to anyone who is not a U.S. citizen.${q(v)}`,
  "consequences.immigration.aggravated_felony": () => 'A sale or distribution conviction punishable as a felony under the Controlled Substances Act is "illicit trafficking", an aggravated felony: deportation and a bar to most relief.',
  "consequences.immigration.felony_possession": (v) => `This possession offense is a felony under the Controlled Substances Act (maximum ${v.maximum_months === null || v.maximum_months === void 0 ? "unknown" : termLabel(v.maximum_months)}): an aggravated felony, deportation and a bar to most relief.`,
  "consequences.immigration.conspiracy_aggravated_felony": () => "A conspiracy to commit a drug-trafficking aggravated felony is itself an aggravated felony.",
  "consequences.immigration.moncrieffe_small_marijuana": (v) => `Sharing ${String(v.grams)} g of marijuana without payment is not an aggravated felony (Moncrieffe involved ${String(v.reference_case_grams)} g), but it is still a drug conviction.`,
  "consequences.immigration.small_amount_undetermined": (v) => `Marijuana shared without payment (${String(v.grams ?? "unknown")} g): an aggravated felony only if the conviction establishes payment or more than a "small amount" (Moncrieffe involved ${String(v.reference_case_grams)} g).${q(v)}`,
  "consequences.immigration.recidivist_possession_undetermined": (v) => `With ${String(v.priors)} prior drug conviction(s), possession may count as a federal "drug trafficking crime" and so an aggravated felony.${q(v)}`,
  "consequences.immigration.marijuana_personal_use_exception": (v) => `A single offense of possessing ${String(v.grams)} g of marijuana for one's own use is within the ${String(v.exception_max_grams)} g exception to drug deportability.`,
  "consequences.immigration.deportable": () => "Any controlled-substance conviction after admission makes a noncitizen deportable.",
  "consequences.immigration.mandatory_detention": () => "Mandatory detention: immigration authorities must hold the person on release from criminal custody, without bond.",
  "consequences.immigration.detention_undetermined": (v) => `Mandatory detention is not settled for this conviction.${q(v)}`,
  "consequences.immigration.asylum_bar": () => 'A drug-trafficking aggravated felony bars asylum and is presumed to be a "particularly serious crime" barring withholding of removal.',
  "consequences.immigration.reason_to_believe": (v) => `Before admission, "reason to believe" the person trafficked makes them inadmissible without a conviction; a spouse or child who benefited within ${years(v.family_benefit_lookback_years)} is also inadmissible.`,
  "consequences.benefits.not_in_knowledge_base": (v) => `${String(v.topic)} is not in the knowledge base${when(v)}.`,
  "consequences.benefits.state_choice_depends": (v) => `The lifetime SNAP/TANF ban for drug felonies depends on the state where benefits are sought.${q(v)}`,
  "consequences.benefits.state_full_ban": (v) => `${String(v.jurisdiction)} keeps the federal lifetime ban on ${String(v.program)} for drug felonies.`,
  "consequences.benefits.state_modified": (v) => `${String(v.jurisdiction)} has modified the federal ban on ${String(v.program)}; the conditions decide whether the person loses it.`,
  "consequences.benefits.state_opted_out": (v) => `${String(v.jurisdiction)} has opted out of the federal ban on ${String(v.program)}.`,
  "consequences.benefits.state_choice_not_in_knowledge_base": (v) => `Whether ${String(v.jurisdiction)} opted out of the ${String(v.program)} ban is not in the knowledge base.`,
  "consequences.benefits.felony_undetermined": (v) => `Whether the conviction is a felony is not settled here.${q(v)}`,
  "consequences.benefits.report_discrepancy": () => "The DPA report describes a time-limited SNAP/TANF ban after a first supply conviction and a lifetime ban after a second; the statutes differ: 21 U.S.C. 862a is a lifetime ban for any drug felony that states may remove or modify, and 21 U.S.C. 862 lets a court deny other federal benefits for a period. The statutes are followed.",
  "consequences.benefits.federal_denial_up_to": (v) => `Conviction number ${String(v.conviction_number)} for ${String(v.offense)}: the court ${v.mandatory ? "must" : "may"} deny federal benefits (grants, contracts, loans, licenses) for up to ${years(v.max_years)}.`,
  "consequences.benefits.federal_denial_permanent": (v) => `Conviction number ${String(v.conviction_number)} for ${String(v.offense)}: permanent ineligibility for federal benefits${v.mandatory ? " (mandatory)" : ""}.`,
  "consequences.benefits.public_housing_eviction": () => "Public housing: drug-related criminal activity by a tenant, household member or guest is cause for eviction, even without a conviction or the tenant's knowledge.",
  "consequences.benefits.public_housing_admission_bar": (v) => `Federally assisted housing must refuse admission for ${years(v.bar_years)} after an eviction for drug-related criminal activity, with exceptions.`,
  "consequences.good_samaritan.not_in_knowledge_base": (v) => `No 911 Good Samaritan law for ${String(v.jurisdiction)}${when(v)} is in the knowledge base; protection is not assumed.`,
  "consequences.good_samaritan.protected": (v) => `${String(v.jurisdiction)}'s 911 Good Samaritan law covers this ${String(v.charge)} charge at an overdose scene.`,
  "consequences.good_samaritan.not_protected": (v) => `${String(v.jurisdiction)}'s 911 Good Samaritan law does not cover this ${String(v.charge)} charge.`,
  "consequences.good_samaritan.undetermined": (v) => `Whether ${String(v.jurisdiction)}'s 911 Good Samaritan law covers this ${String(v.charge)} charge is not settled.`,
  "consequences.good_samaritan.scope_unknown": (v) => `The offenses covered by ${String(v.parameter)} are not in the knowledge base.`,
  "consequences.good_samaritan.limited_scope": (v) => `The protection is limited (${String(v.scope)}).${q(v)}`,
  "consequences.good_samaritan.quantity_limit": (v) => `The protection covers possession only below its limits (solid: under ${String(v.solid_grams_lt ?? "n/a")} g; marijuana: under ${String(v.marijuana_grams_lt ?? "n/a")} g); here ${String(v.grams)} g, ${v.within ? "within" : "over"} the limit.`,
  "consequences.good_samaritan.mitigation": () => "Seeking help can also be raised as mitigation at sentencing.",
  "consequences.good_samaritan.conditions": (v) => `Protection depends on the call for help.${q(v)}`,
  "consequences.violent_label.not_in_knowledge_base": (v) => `Whether ${String(v.jurisdiction)} labels drug selling "violent" is not in the knowledge base.`,
  "consequences.violent_label.violent": (v) => `${String(v.jurisdiction)} lists this drug offense as a violent crime.`,
  "consequences.violent_label.not_violent": (v) => `${String(v.jurisdiction)} does not treat this drug offense as violent.`,
  "consequences.violent_label.undetermined": (v) => `Whether ${String(v.jurisdiction)} treats this offense as violent is not settled: ${String(v.scope)}.`,
  "consequences.violent_label.report_conflict": (v) => `The sources for ${String(v.jurisdiction)} conflict with the DPA report's statement that it treats selling as violent.`,
  "consequences.violent_label.firearm_enhancement": (v) => `With a firearm (${String(v.weapon)}), drugs plus a gun is a separate offense: ${years(v.penalty_min_years)} to ${years(v.penalty_max_years)}.`,
  "consequences.violent_label.firearm_enhancement_unenforceable": (v) => `The drugs-plus-firearm minimum (${years(v.penalty_min_years)}) was held unconstitutional and is not enforceable.`,
  "consequences.drug_induced_homicide.not_in_knowledge_base": (v) => `No drug-induced homicide law for ${String(v.jurisdiction)}${when(v)} is in the knowledge base.`,
  "consequences.drug_induced_homicide.exposure": (v) => `A death resulted: exposure to ${String(v.classification ?? "drug-induced homicide")}, ${years(v.penalty_min_years)} to ${years(v.penalty_max_years)}.`,
  "consequences.drug_induced_homicide.unverified": (v) => `A drug-induced homicide route (${String(v.parameter)}) is unverified.`,
  "consequences.drug_induced_homicide.requires_delivery": (v) => `Drug-induced homicide requires a delivery.${q(v)}`,
  "consequences.cost.rate": (v) => `Cost per person-year in ${String(v.jurisdiction)}: ${usd(v.rate_usd_per_year)} (fiscal year ${String(v.fiscal_year)}).`,
  "consequences.cost.rate_latest_available": (v) => `The cost rate is the latest in the knowledge base (fiscal year ${String(v.fiscal_year)}, ended ${String(v.period_end)}), used for ${String(v.date)}.`,
  "consequences.cost.rate_lower_bound": (v) => `Only a lower bound is known for ${String(v.jurisdiction)}: more than ${usd(v.lower_bound_usd)} per person-year (fiscal year ${String(v.fiscal_year)}); no cost is computed.`,
  "consequences.cost.rate_not_in_knowledge_base": (v) => `The cost per person-year for ${String(v.jurisdiction)}${when(v)} is not in the knowledge base${v.state_average_usd ? ` (for context: the average of responding states was ${usd(v.state_average_usd)} in fiscal year ${String(v.state_average_fiscal_year)})` : ""}.`,
  "consequences.cost.no_state_sentencing_engine": (v) => `No state sentencing engine yet for ${String(v.jurisdiction)}: the term, and so the cost, is not computed.`,
  "consequences.cost.no_exposure": () => "No sentencing exposure was computed, so no cost.",
  "consequences.cost.life_term": (v) => `The ${String(v.basis).replaceAll("_", " ")} is life: the cost has no finite total.`,
  "consequences.cost.total": (v) => `The ${String(v.basis).replaceAll("_", " ")} of ${String(v.months)} months (${String(v.person_years)} person-years) at ${usd(v.rate_usd_per_year)} a year costs ${usd(v.usd)}.`
};

// src/model/assessment.ts
var OFFENDER_FUNCTIONS = [
  "importer_high_level_supplier",
  "organizer_leader",
  "grower_manufacturer",
  "wholesaler",
  "manager_supervisor",
  "street_level_dealer",
  "broker",
  "courier",
  "mule",
  "employee_worker",
  "user_possession_only",
  "social_supplier"
];

// src/messages/role.ts
var LABEL = {
  importer_high_level_supplier: "an importer or high-level supplier",
  organizer_leader: "an organizer or leader",
  grower_manufacturer: "a grower or manufacturer",
  wholesaler: "a wholesaler",
  manager_supervisor: "a manager or supervisor",
  street_level_dealer: "a street-level dealer",
  broker: "a broker",
  courier: "a courier",
  mule: "a mule",
  employee_worker: "an employee or worker with a very limited role",
  social_supplier: "a social supplier (sharing or buying for friends)",
  user_possession_only: "a person who uses drugs, with possession only"
};
var functionLabel = (f) => LABEL[f] ?? String(f);
var term2 = (t) => t === "life" ? "life" : typeof t === "number" ? termLabel(t) : String(t);
var functionMessages = Object.fromEntries(
  OFFENDER_FUNCTIONS.map((f) => [
    `role.function.${f}`,
    (v) => `Role in the supply chain: ${LABEL[f]}, decided by ${String(v.decided_by || "the activities listed")}.`
  ])
);
var roleMessages = {
  ...functionMessages,
  "role.default_function": (v) => `None of the activities (${String(v.activities)}) is evidence of a supply function, so the person is treated as ${functionLabel(v.function)}.`,
  "role.outranked": (v) => `The facts also fit ${String(v.others)}; the most culpable function, ${functionLabel(v.function)}, is assigned in the order the policy declares.`,
  "role.ignored.attributed_quantity": (v) => `The attributed network quantity of ${String(v.amount)} of ${String(v.substance)} was not used to decide the role: a role follows what the person did.`,
  "role.ignored.own_quantity": (v) => `The ${String(v.amount)} of ${String(v.substance)} the person handled did not raise the role above ${functionLabel(v.function)}: weight shows no role without selling or ownership.`,
  "role.mismatch.mandatory_minimum": (v) => `The role is ${functionLabel(v.function)}, yet the mandatory minimum is ${term2(v.minimum_months)}, at or above the ${term2(v.threshold_months)} the policy flags for this role: the exposure is far above what the role suggests.`
};

// src/messages/exposure.ts
var SV_FAILED = {
  offense_not_covered: "the offense is not one the safety valve covers",
  criminal_history: "the criminal history is more than the safety valve allows",
  violence_or_weapon: "violence, a credible threat, or a firearm possessed in connection with the offense",
  death_or_injury: "the offense resulted in death or serious bodily injury",
  aggravating_role: "the person organized, led, managed or supervised others",
  no_truthful_disclosure: "no truthful disclosure of the offense to the government",
  not_enacted: "the safety valve did not exist yet"
};
var exposureMessages = {
  "dates.as_of": (v) => `Hypothetical: the same conduct committed, convicted and sentenced on ${v.as_of} (the record keeps its timing relative to the conduct).`,
  "dates.sentencing_defaulted": (v) => `No sentencing date given: the offense date ${v.date} is used.`,
  "charge.conspiracy.network_quantity": (v) => `Charged as a conspiracy (21 U.S.C. 846) with the network's attributed quantity${v.own_conduct ? "" : ", although the person did not themselves distribute"}: the current practice the report criticises.`,
  "charge.distribution.own_conduct": (v) => `Charged with distribution or possession with intent to distribute (21 U.S.C. 841) for: ${list(v.activities)}.`,
  "charge.conspiracy.facilitation": (v) => `Charged as a conspiracy or as aiding and abetting for helping others (${list(v.activities)}), with the principals' penalties.`,
  "charge.possession_only": () => "Only possession: charged as simple possession (21 U.S.C. 844).",
  "exposure.statutory.ice_purity_assumed": (v) => `"Ice" without a stated purity is counted at the defined minimum purity of ${num(v.purity)}.`,
  "exposure.statutory.threshold_reached": (v) => `${num(v.amount)} ${v.unit} of ${v.substance} reaches the 841(b)(1)(${v.tier}) trigger of ${num(v.threshold)} ${v.unit}.`,
  "exposure.statutory.range": (v) => `Statutory range under ${v.offense} (${String(v.row).replaceAll("_", " ")}): ${range([v.min, v.max])}.`,
  "exposure.statutory.undetermined": (v) => `The ${v.row} penalty of 841(b)(1)(${v.tier}) is not verified for these dates; the base row is shown as a lower bound.`,
  "exposure.statutory.crack_possession_minimum": (v) => `Possessing more than ${num(v.threshold)} g of cocaine base (${num(v.grams)} g) carried a mandatory minimum even as simple possession (repealed by the Fair Sentencing Act).`,
  "exposure.statutory.crack_repeat_threshold_unverified": (v) => `With a prior conviction the crack-possession minimum applied at lower amounts that are not in the knowledge base (${num(v.grams)} g here).`,
  "exposure.priors.information_851_assumed": (v) => `Assumes the prosecutor files an 851 information for ${v.priors} qualifying prior(s) (${String(v.predicate).replaceAll("_", " ")}): a choice, not a requirement.`,
  "exposure.priors.no_information_filed": (v) => `No 851 information filed: ${v.priors} prior(s) do not raise the penalty.`,
  "exposure.priors.undetermined": (v) => `${v.known} prior(s) certainly qualify and ${v.possible} may; the worst case is shown. Facts that would settle it: ${list(v.missing)}.`,
  "exposure.priors.enhancements_ended": (v) => `Prior-conviction enhancements do not exist under this law: ${v.priors} prior(s) do not raise the penalty.`,
  "charge.screen.possession": () => "Under the charging screen the case is charged as simple possession (21 U.S.C. 844).",
  "charge.screen.own_conduct": () => "Under the charging screen only the person's own conduct and quantity are charged, not the network's.",
  "exposure.screen.not_charged": (v) => `Under the charging screen the case is not prosecuted (${String(v.recommendation).replaceAll("_", " ")}): no prison exposure.`,
  "exposure.priors.not_valid": (v) => `The prior of ${v.date} is no longer valid (expunged, vacated or reduced) and does not count.`,
  "exposure.firearms.counts": (v) => `${v.counts} count(s) under 18 U.S.C. 924(c) (firearm ${v.weapon}): consecutive terms of ${list(v.terms.map(term))}, ${term(v.total)} in all.`,
  "exposure.firearms.every_count_charged": (v) => `Assumes every one of the ${v.counts} 924(c) count(s) is charged and results in conviction.`,
  "exposure.firearms.stacked": (v) => `The ${v.counts} counts are "stacked": later counts in the same case count as second or subsequent convictions.`,
  "exposure.firearms.not_stacked": (v) => `The ${v.counts} counts are not stacked: the longer term needs a prior 924(c) conviction that had become final.`,
  "exposure.firearms.undetermined": () => "The 924(c) term for later counts is not verified for these dates; the first-count term is shown as a lower bound.",
  "exposure.safety_valve.not_yet_enacted": () => "The safety valve did not exist on these dates.",
  "exposure.safety_valve.too_many_points": (v) => `${v.at_least ? "At least " : ""}${v.countable} countable criminal-history points (more than ${v.max}).`,
  "exposure.safety_valve.three_point_prior": () => "A prior 3-point offense disqualifies on its own (Pulsifer).",
  "exposure.safety_valve.two_point_violent_prior": () => "A prior 2-point violent offense disqualifies on its own (Pulsifer).",
  ...Object.fromEntries(
    Object.entries(SV_FAILED).map(([k, text]) => [
      `exposure.safety_valve.failed.${k}`,
      () => `Safety valve unavailable: ${text}.`
    ])
  ),
  "exposure.safety_valve.eligible": (v) => `Meets all five safety-valve criteria: the ${term(v.minimum)} drug minimum does not apply.`,
  "exposure.safety_valve.undetermined": (v) => `The safety valve (relief from the ${term(v.minimum)} drug minimum) depends on: ${list(v.missing)}. The minimum is shown as if it does not apply.`,
  "exposure.substantial_assistance": (v) => `A government motion for substantial assistance lets the court go below the ${term(v.minimum)} minimum.`,
  "exposure.mandatory_minimum.triggered": (v) => `Mandatory minimum prison term: ${term(v.months)}.`,
  "exposure.mandatory_minimum.best_case": (v) => `If the undetermined facts go the person's way (${v.if === "safety_valve" ? "the safety valve applies" : "the priors do not qualify"}), the mandatory minimum is ${term(v.months)}${v.worst_months !== void 0 ? `, not ${term(v.worst_months)}` : ""}.`,
  "exposure.state_engine_not_available": (v) => `No sentencing engine for ${v.jurisdiction} yet: statutory range and guidelines are not computed.`,
  "guidelines.not_applicable_before_guidelines": (v) => `The Sentencing Guidelines did not apply to offenses before November 1, 1987 (offense ${v.offense}).`,
  "guidelines.manual.sentencing_date_edition": (v) => `Guidelines Manual of ${v.manual} (in force at sentencing) applied as a whole.`,
  "guidelines.manual.offense_date_edition": (v) => `The ${v.sentencing} Manual would give a higher range than the ${v.offense} Manual in force at the offense, so the earlier Manual applies (ex post facto).`,
  "guidelines.manual.offense_edition_unavailable": (v) => `The ${v.offense} Manual in force at the offense is not fully in the knowledge base (${v.parameter}), so the ex post facto comparison could not be made; the Manual at sentencing is used.`,
  "guidelines.manual.not_yet_sentenced": (v) => `No sentencing date is given: the case is taken as sentenced now, under the Guidelines Manual of ${v.manual} in force on ${v.evaluation}.`,
  "guidelines.base_offense_level": (v) => `Base offense level ${v.level_after}.`,
  "guidelines.mitigating_role_cap": (v) => `Mitigating-role cap on the quantity level: ${num(v.levels)} levels.`,
  "guidelines.mitigating_role_cap.death_level": (v) => `The death-or-injury base level ${v.level} applies; the mitigating-role cap limits only the Drug Quantity Table level, not that level.`,
  "guidelines.weapon": (v) => `Dangerous weapon possessed: +${v.levels}.`,
  "guidelines.violence": (v) => `Violence or a credible threat: +${v.levels}.`,
  "guidelines.safety_valve": (v) => `Meets the safety-valve criteria: ${v.levels}.`,
  "guidelines.aggravating_role": (v) => `Aggravating role: +${v.levels}.`,
  "guidelines.mitigating_role.minimal": (v) => `Minimal participant: ${v.levels}.`,
  "guidelines.mitigating_role.minor": (v) => `Minor participant: ${v.levels}.`,
  "guidelines.acceptance": (v) => `Acceptance of responsibility: ${v.levels}.`,
  "guidelines.zero_point_offender": (v) => `Zero-point offender: ${v.levels}.`,
  "guidelines.career_offender": (v) => `Career offender: ${v.priors} prior felony drug-trafficking or violent convictions; level ${v.level} from the statutory maximum of ${term(v.statutory_max)}, category VI.`,
  "guidelines.career_offender.age_assumed": (v) => `Birth year unknown: the person is assumed to have been at least ${v.min_age} at the offense.`,
  "guidelines.career_offender.924c_table": (v) => `Career offender with a 924(c) count: the 4B1.1(c)(3) table range ${range(v.range)} is greater than the range plus the consecutive term (${range(v.otherwise)}), so it applies.`,
  "guidelines.weapon.covered_by_924c": () => "No weapon increase on the drug count: the 924(c) count covers the same firearm.",
  "guidelines.weapon.nearby": () => "A weapon merely nearby (in the home or car) still adds two levels unless it is clearly improbable it was connected with the offense: the report criticises this proxy.",
  "guidelines.acceptance.third_level_assumed": () => "The third acceptance level assumes the government moves for it (timely plea).",
  "guidelines.mitigating_role.discretionary": (v) => `As ${functionLabel(v.function)}, a ${v.kind} role reduction (${v.levels}) may be argued, but this Manual leaves it to the judge; it is not applied.`,
  "guidelines.safety_valve_floor": (v) => v.level ? `Safety-valve floor: offense level at least ${v.level}.` : `Safety-valve floor: range at least ${range(v.range)}.`,
  "guidelines.bounded_by_statute": (v) => `The statutory range bounds the guideline range: ${range(v.from)} becomes ${range(v.to)}.`,
  "guidelines.criminal_history.prior_not_counted": (v) => `Prior #${Number(v.index) + 1} is not counted (no longer valid).`,
  "guidelines.criminal_history.prior_too_old": (v) => `Prior of ${v.date} is outside the look-back period and scores no points.`,
  "guidelines.criminal_history.sentence_unknown": (v) => `Prior #${Number(v.index) + 1} has no sentence length: scored ${v.points} point(s), the lowest possible.`,
  "guidelines.criminal_history.status_points": (v) => `Offense committed under a criminal justice sentence: +${v.points} point(s).`,
  "guidelines.criminal_history.recency_points": (v) => `Offense soon after release from a prior prison term: +${v.points} point(s).`,
  "guidelines.criminal_history.override": (v) => `Criminal-history points given in the case (${v.override}) are used instead of the computed ${v.computed}.`,
  "guidelines.quantity.actual_greater": (v) => `The pure (actual) amount, ${num(v.actual_grams)} g, gives the higher level ${v.level}.`,
  "guidelines.quantity.no_conversion": (v) => `No conversion ratio for ${v.substance} in the knowledge base.`,
  "guidelines.quantity.actual_weight_assumed": (v) => `The grams of ${v.substance} are taken as the weight of the drug itself, not of the pills.`,
  "guidelines.quantity.minimum_level": (v) => `Converted drug weight including these drugs is not placed below level ${v.level}.`,
  "guidelines.quantity.converted_weight": (v) => `Converted drug weight: ${num(v.grams)} g.`,
  "guidelines.quantity.undetermined": (v) => `The Drug Quantity Table level for ${num(v.amount)} g is not in the knowledge base for this Manual; the guideline range is not computed.`
};

// src/model/case.ts
import { z as z2 } from "zod";
var isoDate2 = z2.string().refine(isIsoDate, "must be a real calendar date written YYYY-MM-DD");
var RACES = [
  "white",
  "black",
  "american_indian_alaska_native",
  "asian",
  "native_hawaiian_pacific_islander",
  "multiracial",
  "other",
  "unknown"
];
var ETHNICITIES = ["hispanic", "not_hispanic", "unknown"];
var GENDERS = ["male", "female", "nonbinary", "unknown"];
var CITIZENSHIPS = [
  "us_citizen",
  "lawful_permanent_resident",
  "visa_holder",
  "refugee_or_asylee",
  "undocumented",
  "unknown"
];
var SUBSTANCES = [
  "heroin",
  "cocaine",
  "cocaine_base",
  "methamphetamine",
  "methamphetamine_actual",
  "ice",
  "fentanyl",
  "fentanyl_analogue",
  /** extension: fentanyl-related substances, a class scheduled by the HALT Fentanyl Act (2025) */
  "fentanyl_related_substance",
  "marijuana",
  "marijuana_plants",
  "hashish",
  "pcp",
  "pcp_actual",
  "lsd",
  "oxycodone",
  "hydrocodone",
  "mdma",
  "other_schedule_i_ii"
];
var DRUG_BASES = ["possessed", "transacted", "attributed"];
var ACTIVITIES = [
  "imported",
  "organized",
  "supervised",
  "grew_or_manufactured",
  "sold_wholesale",
  "sold_retail",
  "shared_free",
  "bought_for_friends",
  "brokered",
  "transported_vehicle",
  "carried_on_body",
  "packaged",
  "stored",
  "lookout",
  "ran_errands",
  "took_messages",
  "received_packages",
  "gave_directions",
  "lived_at_premises",
  "possessed"
];
var COMPENSATIONS = ["none", "drugs_only", "subsistence", "profit", "major_profit"];
var WEAPONS = ["none", "nearby", "possessed", "brandished", "discharged"];
var VIOLENCE = ["none", "threat", "bodily_injury"];
var INDICIA = [
  "quantity",
  "separate_packaging",
  "scale",
  "cash",
  "firearm",
  "ledger",
  "phone_records",
  "hand_motions",
  "observed_sale",
  "controlled_buy",
  "informant_statement",
  "co_defendant_testimony",
  "constructive_possession",
  "joint_possession",
  "empty_prescription_bottle",
  "admission"
];
var PRIOR_KINDS = ["drug_possession", "drug_distribution", "violent", "firearm", "other"];
var MAX_GRAMS = 1e12;
var MAX_UNITS = 1e9;
var MAX_MONTHS = 12e3;
var MAX_USD = 1e12;
var months = z2.number().int("must be a whole number of months").nonnegative("must not be negative").max(MAX_MONTHS, `must be at most ${MAX_MONTHS} months`);
var drugSchema = z2.strictObject({
  substance: z2.enum(SUBSTANCES),
  grams: z2.number().positive("must be greater than 0").max(MAX_GRAMS, `must be at most ${MAX_GRAMS} grams (a million tonnes)`).optional(),
  basis: z2.enum(DRUG_BASES),
  purity: z2.number().gt(0, "must be greater than 0").lte(1, "must be at most 1 (a fraction, not a percentage)").optional(),
  count: z2.number().int("must be a whole number").positive("must be greater than 0").max(MAX_UNITS, `must be at most ${MAX_UNITS}`).optional(),
  dosage_units: z2.number().int("must be a whole number").positive("must be greater than 0").max(MAX_UNITS, `must be at most ${MAX_UNITS}`).optional()
});
var priorSchema = z2.strictObject({
  date: isoDate2,
  kind: z2.enum(PRIOR_KINDS),
  felony: z2.boolean(),
  sentence_months: months.optional(),
  served_months: months.optional(),
  release_date: isoDate2.optional(),
  max_term_months: months.optional(),
  still_valid: z2.boolean().optional(),
  /** extension: the prior was itself a conviction under 18 U.S.C. 924(c) (for the "second or subsequent" rule). */
  section_924c: z2.boolean().optional()
});
var caseSchema = z2.strictObject({
  id: z2.string().min(1).max(200).regex(/^[^\p{Cc}]*$/u, "must not contain control characters").optional(),
  /** extension: the case was generated (demo, tests, benchmarks), not taken from a real record */
  synthetic: z2.boolean().optional(),
  jurisdiction: z2.string().regex(/^US-(FED|[A-Z]{2})$/, "must be US-FED or a state as US-XX (ISO 3166-2)"),
  offense_date: isoDate2,
  /** extension: the date the conviction was entered (plea or verdict); defaults to the sentencing date. */
  conviction_date: isoDate2.optional(),
  sentencing_date: isoDate2.optional(),
  person: z2.strictObject({
    birth_year: z2.number().int().min(1900).max(2100).optional(),
    race: z2.enum(RACES).optional(),
    ethnicity: z2.enum(ETHNICITIES).optional(),
    gender: z2.enum(GENDERS).optional(),
    citizenship: z2.enum(CITIZENSHIPS).optional(),
    uses_drugs: z2.boolean().optional(),
    substance_use_disorder: z2.boolean().optional(),
    veteran: z2.boolean().optional()
  }).optional(),
  conduct: z2.strictObject({
    activities: z2.array(z2.enum(ACTIVITIES)).min(1, "at least one activity is required"),
    drugs: z2.array(drugSchema).min(1, "at least one drug is required"),
    compensation: z2.enum(COMPENSATIONS).optional(),
    profit_share: z2.boolean().optional(),
    people_supervised: z2.number().int().nonnegative("must not be negative").max(MAX_UNITS).optional(),
    weapon: z2.enum(WEAPONS).optional(),
    firearm_counts: z2.number().int().nonnegative("must not be negative").max(50).optional(),
    violence: z2.enum(VIOLENCE).optional(),
    death_resulted: z2.boolean().optional(),
    serious_bodily_injury_resulted: z2.boolean().optional(),
    at_overdose_scene: z2.boolean().optional(),
    involved_minors: z2.boolean().optional(),
    school_zone: z2.boolean().optional()
  }),
  evidence: z2.strictObject({
    indicia: z2.array(z2.enum(INDICIA)).optional(),
    cash_usd: z2.number().nonnegative("must not be negative").max(MAX_USD).optional()
  }).optional(),
  history: z2.strictObject({
    priors: z2.array(priorSchema).optional(),
    criminal_history_points: z2.number().int().nonnegative("must not be negative").max(1e3).nullable().optional(),
    /** extension: the offense was committed under a criminal justice sentence (USSG 4A1.1 status points). */
    under_sentence_at_offense: z2.boolean().optional()
  }).optional(),
  cooperation: z2.strictObject({
    truthful_disclosure: z2.boolean().optional(),
    substantial_assistance: z2.boolean().optional(),
    accepted_responsibility: z2.boolean().optional()
  }).optional(),
  /** extension: prosecutorial choices the exposure depends on; when absent the current practice is assumed and said. */
  charging: z2.strictObject({
    information_851: z2.boolean().optional()
  }).optional()
}).superRefine((c, ctx) => {
  const sentencing = c.sentencing_date ?? c.offense_date;
  if (c.sentencing_date && c.sentencing_date < c.offense_date)
    ctx.addIssue({ code: "custom", path: ["sentencing_date"], message: "must not be before offense_date" });
  if (c.conviction_date && c.conviction_date < c.offense_date)
    ctx.addIssue({ code: "custom", path: ["conviction_date"], message: "must not be before offense_date" });
  if (c.conviction_date && c.conviction_date > sentencing)
    ctx.addIssue({
      code: "custom",
      path: ["conviction_date"],
      message: "must not be after sentencing_date"
    });
  const birth = c.person?.birth_year;
  if (birth !== void 0 && birth > Number(c.offense_date.slice(0, 4)))
    ctx.addIssue({
      code: "custom",
      path: ["person", "birth_year"],
      message: "must not be after the year of offense_date"
    });
  c.conduct.drugs.forEach((d, i) => {
    if (d.substance === "marijuana_plants") {
      if (d.count === void 0)
        ctx.addIssue({
          code: "custom",
          path: ["conduct", "drugs", i, "count"],
          message: "marijuana_plants needs a plant count"
        });
    } else if (d.grams === void 0) {
      ctx.addIssue({
        code: "custom",
        path: ["conduct", "drugs", i, "grams"],
        message: "is required (grams > 0)"
      });
    }
  });
  const counts = c.conduct.firearm_counts ?? 0;
  const weapon = c.conduct.weapon ?? "none";
  if (counts > 0 && (weapon === "none" || weapon === "nearby"))
    ctx.addIssue({
      code: "custom",
      path: ["conduct", "firearm_counts"],
      message: "924(c) counts need a weapon that was possessed, brandished or discharged"
    });
  c.history?.priors?.forEach((p, i) => {
    if (p.date > c.offense_date)
      ctx.addIssue({
        code: "custom",
        path: ["history", "priors", i, "date"],
        message: "a prior conviction must come before offense_date"
      });
    if (p.release_date && p.release_date < p.date)
      ctx.addIssue({
        code: "custom",
        path: ["history", "priors", i, "release_date"],
        message: "must not be before the prior date"
      });
    if (p.served_months !== void 0 && p.sentence_months !== void 0 && p.served_months > p.sentence_months)
      ctx.addIssue({
        code: "custom",
        path: ["history", "priors", i, "served_months"],
        message: "must not exceed sentence_months"
      });
  });
});
var CaseRefused = class extends Error {
  constructor(problems) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join("; "));
    this.problems = problems;
    this.name = "CaseRefused";
  }
  problems;
};
function parseCase(input) {
  const r = caseSchema.safeParse(input);
  if (r.success) return { ok: true, case: r.data };
  const problems = [];
  for (const i of r.error.issues) {
    const base = i.path.map(String);
    if (i.code === "unrecognized_keys") {
      for (const k of i.keys) problems.push({ path: [...base, k].join("."), message: "unknown field" });
    } else {
      problems.push({ path: base.join(".") || "(root)", message: i.message });
    }
  }
  return { ok: false, problems };
}

// src/messages/indicia.ts
var NAME = {
  quantity: "the quantity",
  separate_packaging: "separate packaging",
  scale: "a scale",
  cash: "cash",
  firearm: "a firearm",
  ledger: "a ledger",
  phone_records: "phone records",
  hand_motions: '"hand motions"',
  observed_sale: "an observed sale",
  controlled_buy: "a controlled buy",
  informant_statement: "an informant's statement",
  co_defendant_testimony: "a co-defendant's testimony",
  constructive_possession: "constructive possession",
  joint_possession: "joint possession",
  empty_prescription_bottle: "an empty prescription bottle",
  admission: "an admission"
};
var STRENGTHS = ["weak", "moderate", "strong"];
function detail(i, v) {
  if (i === "cash" && typeof v.cash_usd === "number") return ` (${num(v.cash_usd)} USD)`;
  if (i === "quantity" && v.within_personal_use === true) return " (within a realistic personal-use amount)";
  if (i === "quantity" && v.within_personal_use === false) return " (above a realistic personal-use amount)";
  return "";
}
var verdictMessages = Object.fromEntries(
  INDICIA.flatMap(
    (i) => STRENGTHS.map((s) => [
      `indicia.${s}.${i}`,
      (v) => `As evidence of sale, ${NAME[i]}${detail(i, v)} is ${s}.`
    ])
  )
);
var n = (v) => v === null || v === void 0 ? "unknown" : String(v);
var indiciaMessages = {
  ...verdictMessages,
  "indicia.personal_use.within": (v) => `${n(v.amount)} of ${n(v.substance)} is within a realistic personal-use amount (${n(v.personal_use_amount)}).`,
  "indicia.personal_use.above": (v) => `${n(v.amount)} of ${n(v.substance)} is above a realistic personal-use amount (${n(v.personal_use_amount)}), ${n(v.multiple)} times it; quantity alone still does not show a sale.`,
  "indicia.personal_use.unknown": (v) => `No cited personal-use amount for ${n(v.substance)} can be compared with ${n(v.amount)}; the knowledge base does not say what a personal-use amount is here.`,
  "indicia.presumption_of_sale.reached": (v) => `${n(v.amount)} of ${n(v.substance)} reaches ${n(v.jurisdiction)}'s presumption-of-sale threshold of ${n(v.threshold)}${v.within_personal_use === true ? ", although it is within a realistic personal-use amount" : ""}.`,
  "indicia.presumption_of_sale.not_reached": (v) => `${n(v.amount)} of ${n(v.substance)} is below ${n(v.jurisdiction)}'s presumption-of-sale threshold of ${n(v.threshold)}.`,
  "indicia.presumption_of_sale.not_comparable": (v) => `${n(v.jurisdiction)}'s presumption-of-sale threshold for ${n(v.substance)} (${n(v.threshold)}) is in a measure the case does not give (${n(v.amount)}).`,
  "indicia.presumption_of_sale.not_known_for_date": (v) => `${n(v.jurisdiction)}'s presumption-of-sale threshold for ${n(v.substance)} is not in the knowledge base for ${n(v.date)}.`,
  "indicia.presumption_of_sale.not_in_knowledge_base": (v) => `Presumption-of-sale thresholds for ${n(v.jurisdiction)}: not in the knowledge base.`,
  "indicia.ignored.attributed_quantity": (v) => `The attributed network quantity of ${n(v.amount)} of ${n(v.substance)} was not weighed as the person's own quantity.`,
  "indicia.none_relied_on": () => "The case lists no indicia of sale.",
  "indicia.conduct_shows_sale": (v) => `What the person did, as the case states it, shows selling without any inference from indicia: ${n(v.activities)}.`,
  "indicia.conclusion.clear_evidence_of_sale": (v) => `There is clear, objective evidence of selling: ${v.from_conduct ? `the conduct stated (${n(v.from_conduct)}); ` : ""}indicia ${n(v.strong)} strong, ${n(v.moderate)} moderate, ${n(v.weak)} weak. Whether it was selling for financial gain is the screen's question (compensation, profit share).`,
  "indicia.conclusion.treat_as_possession": (v) => `Neither the indicia (${n(v.strong)} strong, ${n(v.moderate)} moderate, ${n(v.weak)} weak) nor the conduct stated is clear, objective evidence of selling: treat the case as possession for personal use.`
};

// src/messages/labels.ts
var ENUM_LABELS = {
  race: {
    white: "White",
    black: "Black",
    american_indian_alaska_native: "American Indian or Alaska Native",
    asian: "Asian",
    native_hawaiian_pacific_islander: "Native Hawaiian or other Pacific Islander",
    multiracial: "More than one race",
    other: "Some other race",
    unknown: "Not known"
  },
  ethnicity: {
    hispanic: "Hispanic or Latino/a/x",
    not_hispanic: "Not Hispanic or Latino/a/x",
    unknown: "Not known"
  },
  gender: {
    male: "Male",
    female: "Female",
    nonbinary: "Nonbinary",
    unknown: "Not known"
  },
  citizenship: {
    us_citizen: "U.S. citizen",
    lawful_permanent_resident: "Lawful permanent resident (green card)",
    visa_holder: "Visa holder",
    refugee_or_asylee: "Refugee or asylee",
    undocumented: "Undocumented",
    unknown: "Not known"
  },
  substance: {
    heroin: "Heroin",
    cocaine: "Cocaine (powder)",
    cocaine_base: "Cocaine base (crack)",
    methamphetamine: "Methamphetamine (mixture)",
    methamphetamine_actual: "Methamphetamine (actual, pure)",
    ice: "Ice (crystal methamphetamine)",
    fentanyl: "Fentanyl",
    fentanyl_analogue: "Fentanyl analogue",
    fentanyl_related_substance: "Fentanyl-related substance",
    marijuana: "Marijuana",
    marijuana_plants: "Marijuana plants",
    hashish: "Hashish",
    pcp: "PCP (mixture)",
    pcp_actual: "PCP (actual, pure)",
    lsd: "LSD",
    oxycodone: "Oxycodone",
    hydrocodone: "Hydrocodone",
    mdma: "MDMA (ecstasy)",
    other_schedule_i_ii: "Another Schedule I or II drug"
  },
  basis: {
    possessed: "Possessed",
    transacted: "Transacted (sold, delivered, carried)",
    attributed: "Attributed (the network's quantity, through conspiracy)"
  },
  activity: {
    imported: "Imported drugs",
    organized: "Organized or led the operation",
    supervised: "Supervised others",
    grew_or_manufactured: "Grew or manufactured drugs",
    sold_wholesale: "Sold wholesale",
    sold_retail: "Sold small amounts (retail)",
    shared_free: "Shared drugs without payment",
    bought_for_friends: "Bought drugs for friends",
    brokered: "Brokered a deal (go-between)",
    transported_vehicle: "Transported drugs in a vehicle",
    carried_on_body: "Carried drugs on or in the body",
    packaged: "Packaged drugs",
    stored: "Stored drugs",
    lookout: "Acted as a lookout",
    ran_errands: "Ran errands",
    took_messages: "Took messages",
    received_packages: "Received packages",
    gave_directions: "Gave directions",
    lived_at_premises: "Lived where drugs were kept",
    possessed: "Possessed drugs"
  },
  compensation: {
    none: "Nothing",
    drugs_only: "Paid in drugs only",
    subsistence: "Enough to get by (subsistence)",
    profit: "Profit",
    major_profit: "Major profit"
  },
  weapon: {
    none: "No weapon",
    nearby: "Nearby (home or car, not on the person)",
    possessed: "Possessed",
    brandished: "Brandished",
    discharged: "Discharged"
  },
  violence: {
    none: "No violence",
    threat: "A threat of violence",
    bodily_injury: "Bodily injury"
  },
  indicium: {
    quantity: "The quantity",
    separate_packaging: "Separate packaging",
    scale: "A scale",
    cash: "Cash",
    firearm: "A firearm",
    ledger: "A ledger or notes",
    phone_records: "Phone records",
    hand_motions: "Hand motions",
    observed_sale: "A sale an officer observed",
    controlled_buy: "A controlled buy",
    informant_statement: "An informant's statement",
    co_defendant_testimony: "A co-defendant's testimony",
    constructive_possession: "Constructive possession (drugs where the person had access)",
    joint_possession: "Joint possession (drugs shared with others)",
    empty_prescription_bottle: "An empty prescription bottle",
    admission: "An admission"
  },
  prior_kind: {
    drug_possession: "Drug possession",
    drug_distribution: "Drug distribution",
    violent: "A violent offense",
    firearm: "A firearm offense",
    other: "Another offense"
  },
  function: {
    importer_high_level_supplier: "Importer or high-level supplier",
    organizer_leader: "Organizer or leader",
    grower_manufacturer: "Grower or manufacturer",
    wholesaler: "Wholesaler",
    manager_supervisor: "Manager or supervisor",
    street_level_dealer: "Street-level dealer",
    broker: "Broker (go-between)",
    courier: "Courier",
    mule: "Mule (carries drugs on or in the body)",
    employee_worker: "Employee or worker (lookout, errands, packaging)",
    user_possession_only: "A person who uses drugs (possession only)",
    social_supplier: "Social supplier (shares or buys for friends)"
  },
  recommendation: {
    decline: "Decline to prosecute",
    treat_as_possession: "Treat as possession for personal use",
    divert: "Divert (pre-booking or pre-charge)",
    prosecute_own_conduct: "Prosecute only the person's own conduct",
    prosecute: "Prosecute"
  },
  strength: { weak: "Weak", moderate: "Moderate", strong: "Strong" },
  /** steps of the guideline offense level (codes guidelines.<step>) */
  guideline_step: {
    base_offense_level: "Base offense level (drug quantity)",
    mitigating_role_cap: "Cap for a mitigating role",
    weapon: "Weapon",
    violence: "Violence",
    safety_valve: "Safety valve",
    aggravating_role: "Aggravating role",
    "mitigating_role.minor": "Minor role",
    "mitigating_role.minimal": "Minimal role",
    acceptance: "Acceptance of responsibility",
    zero_point_offender: "No criminal history points (zero-point offender)",
    career_offender: "Career offender"
  },
  consequence: {
    immigration: "Immigration",
    benefits: "Public benefits and housing",
    good_samaritan: "911 Good Samaritan protection",
    violent_label: 'Is drug selling labelled "violent"?',
    drug_induced_homicide: "Drug-induced homicide",
    cost: "Cost of the prison term"
  }
};
var FIELD_LABELS = {
  id: "Case label",
  synthetic: "Synthetic (generated) case",
  jurisdiction: "Jurisdiction",
  offense_date: "Date of the conduct",
  conviction_date: "Date of conviction",
  sentencing_date: "Date of sentencing",
  person: "The person",
  "person.birth_year": "Year of birth",
  "person.race": "Race",
  "person.ethnicity": "Ethnicity",
  "person.gender": "Gender",
  "person.citizenship": "Citizenship",
  "person.uses_drugs": "Uses drugs",
  "person.substance_use_disorder": "Has a substance use disorder",
  "person.veteran": "A veteran",
  conduct: "The conduct",
  "conduct.activities": "What the person did",
  "conduct.drugs": "Drugs",
  "conduct.drugs.*.substance": "Substance",
  "conduct.drugs.*.grams": "Grams",
  "conduct.drugs.*.basis": "How the quantity is linked to the person",
  "conduct.drugs.*.purity": "Purity",
  "conduct.drugs.*.count": "Count (plants, pills or doses)",
  "conduct.drugs.*.dosage_units": "Dosage units",
  "conduct.compensation": "What the person got for it",
  "conduct.profit_share": "Shared in the network's profits",
  "conduct.people_supervised": "People supervised",
  "conduct.weapon": "Weapon",
  "conduct.firearm_counts": "Firearm (924(c)) counts charged",
  "conduct.violence": "Violence",
  "conduct.death_resulted": "A death resulted",
  "conduct.serious_bodily_injury_resulted": "Serious bodily injury resulted",
  "conduct.at_overdose_scene": "At an overdose scene (called for help)",
  "conduct.involved_minors": "Involved minors",
  "conduct.school_zone": "In a school zone",
  evidence: "The evidence",
  "evidence.indicia": 'Evidence the state relies on to say "sale"',
  "evidence.cash_usd": "Cash found (USD)",
  history: "Criminal history",
  "history.priors": "Prior convictions",
  "history.priors.*.date": "Date of conviction",
  "history.priors.*.kind": "Kind of offense",
  "history.priors.*.felony": "A felony",
  "history.priors.*.sentence_months": "Sentence (months)",
  "history.priors.*.served_months": "Time served (months)",
  "history.priors.*.release_date": "Release date",
  "history.priors.*.max_term_months": "Maximum the law allowed (months)",
  "history.priors.*.still_valid": "Still valid (not expunged, vacated or reduced)",
  "history.priors.*.section_924c": "A 924(c) firearm conviction",
  "history.criminal_history_points": "Criminal history points",
  "history.under_sentence_at_offense": "Under a criminal sentence at the time (probation, parole)",
  cooperation: "Cooperation",
  "cooperation.truthful_disclosure": "Told the government everything (safety-valve proffer)",
  "cooperation.substantial_assistance": "Government motion for substantial assistance",
  "cooperation.accepted_responsibility": "Accepted responsibility",
  charging: "The prosecutor's choices",
  "charging.information_851": "Prior-conviction enhancement filed (21 U.S.C. 851)"
};
var ID_WORDS = (() => {
  const m = /* @__PURE__ */ new Map();
  for (const kind of Object.keys(ENUM_LABELS))
    for (const [id, label] of Object.entries(ENUM_LABELS[kind]))
      if (id.includes("_")) m.set(id, label.toLowerCase());
  for (const [path, label] of Object.entries(FIELD_LABELS))
    if (path.includes(".") && !path.includes("*")) m.set(path, `"${label.toLowerCase()}"`);
  return m;
})();
var ID_PATTERN = new RegExp(
  `(?<![\\w.])(${[...ID_WORDS.keys()].sort((a, b) => b.length - a.length).map((k) => k.replaceAll(".", "\\.")).join("|")})(?![\\w])`,
  "g"
);
var labelIds = (text) => text.replace(ID_PATTERN, (id) => ID_WORDS.get(id) ?? id);

// src/messages/law.ts
var AREA_TEXT = {
  charge: "the charge",
  statute: "the statutory range",
  guidelines: "the guideline range",
  role: "the role",
  indicia: "the evidence review",
  screen: "the screen",
  consequences: "the consequences"
};
var area = (v) => AREA_TEXT[String(v.area)] ?? "the result";
var note = (v) => v.note ? ` (${String(v.note)})` : "";
var lawMessages = {
  "law.value_unverified": (v) => `The law data has no verified value for ${String(v.parameter)} from ${String(v.from)}${note(v)}; it was not filled in, so ${area(v)} shown is a bound or left open, not a verified answer.`,
  "law.low_confidence": (v) => `Low-confidence law value used for ${area(v)}: ${String(v.parameter)} from ${String(v.from)}${note(v)}; treat it as a lead, not a settled rule.`,
  "law.later_law_reaches_case": (v) => `A later law (in force from ${String(v.from)}) reaches this case although the conduct came first: ${String(v.parameter)}.`,
  "law.gap": (v) => `The law data has no value of ${String(v.parameter)} for ${String(v.date)}; this part cannot be computed.`
};

// src/messages/screen.ts
var n2 = (v) => v === null || v === void 0 ? "unknown" : String(v);
var RECOMMENDATION = {
  decline: "decline to prosecute",
  divert: "refer to pre-booking or pre-charge diversion",
  treat_as_possession: "treat as possession for personal use",
  prosecute_own_conduct: "prosecute only the person's own conduct and quantity",
  prosecute: "prosecute"
};
var recommendationMessages = Object.fromEntries(
  Object.entries(RECOMMENDATION).map(([k, text]) => [
    `screen.recommendation.${k}`,
    (v) => `Under the ${n2(v.policy)} policy (version ${n2(v.version)}), the screen recommends: ${text}.`
  ])
);
var screenMessages = {
  ...recommendationMessages,
  "screen.decline.shared_free": () => "Sharing, giving away or buying for friends at cost is social supply: the policy declines to prosecute it.",
  "screen.decline.subsistence_selling": (v) => `Selling to get by (compensation: ${n2(v.compensation)}) is subsistence selling: the policy declines to prosecute it.`,
  "screen.decline.own_use_struggle": () => "The person sold at a low level while struggling with their own drug use: the policy declines to prosecute and points to treatment.",
  "screen.decline.drug_induced_homicide": () => "A death followed the drugs: the policy does not bring a drug-induced homicide or death-results charge.",
  "screen.decline.conspiracy_low_level": (v) => v.own_quantity ? "No conspiracy charge for a low-level participant: at most, charge what the person handled." : "No conspiracy charge for a low-level participant who handled no drugs: the policy declines to prosecute.",
  "screen.decline.family_peripheral": (v) => `The conduct (${n2(v.activities)}) is peripheral, as with partners and relatives: the policy declines to prosecute it.`,
  "screen.divert.lead": (v) => `The case meets LEAD-style criteria (${n2(v.own_grams)} g held, at most ${n2(v.max_own_grams)} g): refer to pre-booking or pre-charge diversion.`,
  "screen.divert.lead_undetermined": (v) => `Whether LEAD-style diversion applies cannot be told without ${n2(v.missing)}; answering it may open diversion.`,
  "screen.default.possession": () => "There is no clear, objective evidence of selling for financial gain: the policy treats the case as possession for personal use.",
  "screen.prosecute.clear_evidence": (v) => `Clear, objective evidence shows selling for financial gain (compensation: ${n2(v.compensation)}): a sale charge may be considered.`,
  "screen.own_conduct.only": () => "Charge only the person's own conduct and quantity, never the network's quantity through conspiracy or relevant conduct.",
  "screen.no_prior_enhancement": (v) => `The person has ${n2(v.priors)} prior conviction(s): the policy does not seek prior-conviction enhancements.`,
  "screen.immigration.consider": (v) => `Citizenship: ${n2(v.citizenship)}. Weigh immigration consequences in any plea; a sale conviction can mean detention and deportation.`,
  "screen.undetermined.compensation": (v) => `The evidence of selling is clear, but whether it was for financial gain cannot be told without ${n2(v.missing)}; the policy's default applies.`,
  "screen.fallback": (v) => `No screening rule that chooses a disposition applied; the current practice (${n2(v.recommendation)}) stays in place.`
};

// src/messages/state.ts
var stateMessages = {
  "charge.state.attributed_quantity_not_charged": (v) => `A quantity attributed through others is not charged: ${v.jurisdiction} conspiracy and party rules for quantity are not modelled, so only the person's own quantity counts.`,
  "charge.state.distribution": (v) => `Charged with sale, distribution or possession with intent to distribute${Array.isArray(v.activities) && v.activities.length ? ` for: ${list(v.activities)}` : " (a transacted quantity)"}.`,
  "charge.state.intent_from_indicia": (v) => `Only possession was shown, but current practice charges possession with intent to distribute on: ${list(v.indicia)} - the weak evidence the report criticises.`,
  "charge.state.possession": () => "Only possession: charged as possession of a controlled substance.",
  "exposure.state.prior_enhancements_off": (v) => `Prior-conviction enhancements are ended under this scenario: ${v.priors} prior(s) do not raise the penalty.`,
  "exposure.state.probation_unverified": (v) => `Whether the ${String(v.row).replaceAll("_", " ")} term may be probated or suspended is not verified: ${term(v.minimum)} is shown as the worst case.`,
  "exposure.state.maximum_unverified": (v) => `The maximum term of the ${String(v.row).replaceAll("_", " ")} row is not verified in the knowledge base.`,
  "exposure.state.substance_not_covered": (v) => `The state engine does not cover ${list(v.substances)} for this offense (${v.jurisdiction}): no range is computed.`,
  "exposure.state.substance_not_counted": (v) => `${list(v.substances)} is not counted: its penalties are not in the knowledge base.`,
  "exposure.state.no_tier": (v) => `No penalty row of ${v.offense} covers ${num(v.grams)} g in the knowledge base (${v.jurisdiction}): no range is computed.`,
  "exposure.state.recidivist_notice_assumed": (v) => `Assumes the prosecutor gives notice of ${v.priors} prior sale conviction(s) to seek the repeat-offense penalty: a choice, not a requirement.`,
  "exposure.state.trafficking_by_weight": (v) => `${num(v.grams)} g of ${String(v.drug).replaceAll("_", " ")} reaches the trafficking weight of ${num(v.threshold)} g: weight alone makes it trafficking, without proof of selling.`,
  "exposure.state.firearm_reach_undetermined": () => "A weapon nearby may or may not have been within arm's reach: the consecutive firearm term is not counted.",
  "exposure.state.firearm_consecutive": (v) => `A firearm during the drug offense adds a consecutive ${term(v.months)}.`,
  "exposure.state.school_zone_count": (v) => `Within a school zone: a separate, consecutive offense of up to ${term(v.max)}.`,
  "exposure.state.ga.departure_available": () => "The judge may depart below the trafficking minimum (O.C.G.A. 16-13-31(g)): the facts given meet its conditions.",
  "exposure.state.ga.departure_unavailable": (v) => Array.isArray(v.failed) && v.failed.length ? `No departure below the trafficking minimum: ${list(v.failed.map((f) => f.replaceAll("_", " ")))} not met.` : "No departure below the trafficking minimum existed on the offense date.",
  "exposure.state.ga.b1_possession_not_enhanced": () => "A repeat possession conviction: the recidivist rules of 17-10-7(a) and (c) do not apply (17-10-7(b.1)).",
  "exposure.state.ga.longest_term": (v) => `With ${v.priors} prior felony conviction(s), 17-10-7(a) requires the longest term, which the judge may probate or suspend.`,
  "exposure.state.ga.fourth_felony_no_parole": (v) => `With ${v.priors} prior felonies (${v.required} required), 17-10-7(c) requires the term imposed to be served in full, without parole.`,
  "exposure.state.trafficking_penalty_unverified": (v) => `${num(v.grams)} g of ${v.drug} reaches the trafficking weight of ${num(v.threshold)} g, but the trafficking penalty is not verified in the knowledge base (${v.jurisdiction}): no range is computed.`,
  "exposure.state.fl.weapon_reclassified": (v) => `A weapon during the felony reclassifies it one degree up, from ${v.from} to ${String(v.to).replaceAll("_", " ")} (Fla. Stat. 775.087(1)).`,
  "exposure.state.fl.ten_twenty_life": (v) => `A firearm ${v.weapon} during trafficking carries a minimum of ${term(v.months)} (10-20-Life, Fla. Stat. 775.087(2)).`,
  "exposure.state.fl.habitual_felony_offender": (v) => `With ${v.priors} prior felonies the State may seek habitual felony offender sentencing, raising the maximum to ${term(v.max)}: a choice, not a requirement (the worst case is shown).`,
  "exposure.state.fl.offense_level_unverified": () => "The Criminal Punishment Code offense level of this offense on this date is not in the knowledge base: the lowest permissible sentence is not computed.",
  "exposure.state.fl.prior_points_not_scored": (v) => `${v.priors} prior(s) are not scored (their offense levels are not recorded): the scoresheet minimum is a lower bound.`,
  "exposure.state.fl.lowest_permissible": (v) => Number(v.months) > 0 ? `Criminal Punishment Code: offense level ${v.level}, ${num(v.points)} points, lowest permissible sentence ${term(v.months)}.` : `Criminal Punishment Code: offense level ${v.level}, ${num(v.points)} points - a non-prison sanction is permitted.`,
  "exposure.state.mi.repeat_maximum": (v) => `With ${v.priors} prior felony conviction(s) the prosecutor may seek a maximum of ${term(v.max)} (${String(v.rule).replace("mi_", "MCL ").replaceAll("_", ".")}): a choice, not a requirement (the worst case is shown).`,
  "exposure.state.mi.guidelines_not_scored": (v) => `The judge sets the minimum under the MCL 777 guidelines (offense class ${v.offense_class}); their prior-record and offense-variable scoring is not in the knowledge base, so the recommended minimum is not computed.`,
  "exposure.state.nc.habitual_felon": (v) => `With ${v.priors} prior felonies the State may indict as a habitual felon: the Class ${v.from} felony is sentenced as Class ${v.to} (N.C.G.S. 14-7.6) - a choice, not a requirement (the worst case is shown).`,
  "exposure.state.nc.grid_cells_unverified": (v) => `A Class ${v.offense_class} felony is sentenced on the structured sentencing grid, whose cells are not in the knowledge base${Number(v.priors) > 0 ? `, nor is the prior record level (it needs each prior's class)` : ""}: the class's lowest minimum is shown as the worst case and the maximum is undetermined.`,
  "exposure.state.penalty_unverified": (v) => `The penalty that applies (${v.parameter}) is not verified in the knowledge base (${v.jurisdiction}): no range is computed.`,
  "exposure.state.la.cleansing_period_unverified": () => "The habitual-offender cleansing period since Act 282 (2017) is not verified: every prior felony is counted (the worst case).",
  "exposure.state.la.habitual_offender": (v) => `With ${v.priors} prior felonies the district attorney may file a habitual-offender bill: ${term(v.min)} to ${term(v.max)} (La. R.S. 15:529.1) - a choice, not a requirement (the worst case is shown).`,
  "exposure.state.la.firearm_minimum": (v) => `A firearm during the felony sets a minimum of ${term(v.months)} (La. C.Cr.P. art. 893.3).`
};

// src/messages/state-engines.ts
var cls = (v) => String(v).replace("_misd", " misdemeanor").replaceAll("_", "-");
var stateEngineMessages = {
  "exposure.state.weight_unknown": () => "A charged drug has no weight: the lowest weight band is used, so a higher degree may apply.",
  "exposure.state.value_unverified": (v) => `The penalty the case needs (${v.parameter}${v.field ? `, ${v.field}` : ""}) is not verified in the knowledge base: no range is computed rather than a guess.`,
  "exposure.state.not_modelled": (v) => `Not modelled: ${v.rule}. It may raise the exposure.`,
  "exposure.state.not_in_knowledge_base_on_date": (v) => `${v.rule} is in the knowledge base only in its current text, not as in force on ${v.date}: not applied.`,
  "exposure.state.offense_not_covered": (v) => `This engine covers only ${v.covered} in ${v.jurisdiction}: no range is computed for this case.`,
  "exposure.state.dih.charged": (v) => `A death resulted from drugs the person delivered: charged as drug-induced homicide (${v.citation}), ${term(v.min)} to ${term(v.max)} - the statute as in force on the offense date.`,
  "exposure.state.dih.not_in_force": (v) => `No drug-induced homicide statute was in force on ${v.offense_date} (or it is repealed under this scenario): the drug offense itself is sentenced.`,
  "exposure.state.dih.delivery_not_sentenced": (v) => `The delivery itself is not sentenced beside the homicide count (${v.reason}).`,
  "exposure.state.dih.delivery_range_higher": (v) => `The delivery count alone carries more (up to ${term(v.max)}) than the drug-induced homicide range: it is shown as the offense of conviction, with the homicide count concurrent.`,
  "exposure.state.dih.requires_delivery": () => "A death resulted, but the conduct charged is possession: drug-induced homicide needs a delivery.",
  "exposure.state.dih.substance_outside": (v) => `A death resulted, but ${list(v.substances)} is outside the state's drug-induced homicide statute.`,
  "exposure.state.wi.second_offense": (v) => `A prior drug conviction: the maximum may be increased by ${term(v.months)} as a second or subsequent offense (961.48).`,
  "exposure.state.ny.degree": (v) => `N.Y. Penal Law ${v.section}: a class ${cls(v.class)} offense.`,
  "exposure.state.ny.higher_degree_unverified": (v) => `A higher degree (${v.section}, class ${cls(v.class)}) may apply, but its weight is not in the knowledge base: the range shown is for the degree that is verified, and the exposure may be higher.`,
  "exposure.state.ny.predicate_felony": (v) => `${v.priors} prior felony conviction(s) sentenced within ten years (tolled by time incarcerated): sentenced as a second felony drug offender (70.06).`,
  "exposure.state.il.class_by_weight": (v) => `720 ILCS 570/${v.section}: ${num(v.grams)} g makes it a Class ${v.class} felony by weight alone.`,
  "exposure.state.il.habitual_criminal": (v) => `${v.priors} prior Class X convictions: natural life as a habitual criminal (5-4.5-95(a)).`,
  "exposure.state.il.class_x_repeat": (v) => `${v.priors} prior Class 2-or-greater felonies: sentenced as Class X (5-4.5-95(b)), 6 to 30 years without probation.`,
  "exposure.state.il.extended_term": () => "A prior felony of the same or greater class within ten years: the extended-term maximum applies (5-5-3.2(b)(1)).",
  "exposure.state.il.prior_class_unknown": (v) => `${v.rule} may apply, but a prior's class is unknown (give its statutory maximum, max_term_months, to tell whether it was Class ${v.class} or greater): not applied.`,
  "exposure.state.il.armed_violence": (v) => `A weapon during a drug felony is armed violence (720 ILCS 5/33A), Class X from ${term(v.min)}; the weapon is assumed to be Category I (a handgun).`,
  "exposure.state.az.threshold_reached": (v) => `${num(v.grams)} g of ${String(v.drug).replaceAll("_", " ")} reaches Arizona's threshold amount of ${num(v.threshold)} g: a sale offense is prison only.`,
  "exposure.state.az.threshold_unknown": (v) => `No threshold amount for ${String(v.drug).replaceAll("_", " ")} is in the knowledge base: probation eligibility is read as below threshold.`,
  "exposure.state.az.methamphetamine_sale": () => "Methamphetamine sale is taken out of the ordinary class 2 range (13-3407(E)): 5 to 15 years, no probation, flat time.",
  "exposure.state.az.prop_200": () => "Personal possession, first or second conviction: probation with treatment, no prison term (Proposition 200, 13-901.01).",
  "exposure.state.az.repetitive": (v) => `${v.priors} historical prior felony conviction(s): a category ${v.category} repetitive offender (13-703).`,
  "exposure.state.ca.prop_47": () => "Since Proposition 47 (2014-11-05) simple possession is a misdemeanor, up to one year.",
  "exposure.state.ca.prior_enhancement": (v) => `${v.priors} qualifying prior drug conviction(s): a consecutive three-year term each (H&S 11370.2).`,
  "exposure.state.ca.prior_enhancement_repealed": (v) => `${v.priors} prior sale conviction(s) no longer add three years each: SB 180 limited 11370.2 to priors for using a minor (from 2018-01-01).`,
  "exposure.state.ca.armed": () => "Personally armed with a firearm during the drug offense: a consecutive 3, 4 or 5 years (Penal Code 12022(c)).",
  "exposure.state.tx.degree": (v) => `${v.section}: ${num(v.grams)} g of a Penalty Group 1 substance is a ${v.degree} felony.`,
  "exposure.state.tx.drug_free_zone": (v) => `In a drug-free zone the offense is punished as a ${v.degree} felony (481.134).`,
  "exposure.state.tx.one_prior": (v) => `A prior felony: punished as ${v.as} (12.42).`,
  "exposure.state.tx.habitual": (v) => `${v.priors} sequential prior felonies: 25 to 99 years or life as a habitual offender (12.42(d)).`
};

// src/messages/catalog.ts
var catalog = {
  ...lawMessages,
  ...exposureMessages,
  ...roleMessages,
  ...indiciaMessages,
  ...screenMessages,
  ...consequencesMessages,
  ...stateMessages,
  ...stateEngineMessages
};
function renderMessage(code, values = {}) {
  const t = catalog[code];
  if (!t) throw new Error(`no message for finding code ${code}`);
  return t(values);
}
function render(f) {
  return { ...f, message: labelIds(renderMessage(f.code, f.values)) };
}

// src/law/jurisdiction.ts
function jurisdictionKey(jurisdiction) {
  let key = keys.get(jurisdiction);
  if (key === void 0) {
    key = jurisdiction.toLowerCase().replace("-", "_");
    keys.set(jurisdiction, key);
  }
  return key;
}
var keys = /* @__PURE__ */ new Map();

// src/model/dotted.ts
var joined = /* @__PURE__ */ new Map();
function dotted(base, key) {
  let byKey = joined.get(base);
  if (byKey === void 0) {
    byKey = /* @__PURE__ */ new Map();
    joined.set(base, byKey);
  }
  let id = byKey.get(key);
  if (id === void 0) {
    id = `${base}.${key}`;
    byKey.set(key, id);
  }
  return id;
}

// src/rules/trace.ts
var Trace = class {
  /** in the order made; repeats are dropped once, when the assessment is assembled */
  findings = [];
  citations = /* @__PURE__ */ new Set();
  cite(r) {
    this.citations.add(r.law);
    if (r.reachedBy) this.citations.add(r.reachedBy);
    return r;
  }
  /** Takes over findings another computation made (e.g. a reused criminal history) and returns its result. */
  absorb(findings, result2) {
    for (const f of findings) this.findings.push(f);
    return result2;
  }
  add(code, severity2, citations, values) {
    this.findings.push(finding(code, severity2, citations, values));
  }
};

// src/rules/consequences/common.ts
var Collector = class {
  constructor(input) {
    this.input = input;
    this.law = input.law.today("consequences");
  }
  input;
  trace = new Trace();
  law;
  get findings() {
    return this.trace.findings;
  }
  get date() {
    return this.law.date;
  }
  add(code, severity2, citations, values) {
    this.trace.add(code, severity2, citations, values);
  }
};
var uniq = (xs) => [...new Set(xs)];
var SALE_ACTIVITIES = /* @__PURE__ */ new Set([
  "sold_retail",
  "sold_wholesale",
  "brokered",
  "imported",
  "organized",
  "supervised"
]);
var SHARING_ACTIVITIES = /* @__PURE__ */ new Set(["shared_free", "bought_for_friends"]);
function remuneration(c) {
  const comp = c.conduct.compensation;
  if (comp === "profit" || comp === "major_profit" || comp === "subsistence" || comp === "drugs_only")
    return "gain";
  if (c.conduct.activities.some((a) => SALE_ACTIVITIES.has(a))) return "gain";
  if (comp === "none") return "none";
  if (c.conduct.activities.some((a) => SHARING_ACTIVITIES.has(a))) return "none";
  return "unknown";
}
function marijuanaOnly(c) {
  return c.conduct.drugs.every(
    (d) => d.substance === "marijuana" || d.substance === "marijuana_plants" || d.substance === "hashish"
  );
}
function priorCount(c, kind) {
  return (c.history?.priors ?? []).filter((p) => p.kind === kind && p.still_valid !== false).length;
}

// src/rules/consequences/benefits.ts
function felony(col) {
  const statutory = col.input.exposure?.statutory;
  const max = statutory?.maximum_months;
  if (!statutory || max === null || max === void 0) return { felony: null, citations: [] };
  const def = col.law.maybe("us_fed.usc21_802.felony_drug_offense");
  if (!def) return { felony: null, citations: [] };
  const isFelony = max === "life" || max > def.value.punishable_more_than_months;
  return { felony: isFelony, citations: [def.law, ...statutory.citations] };
}
function benefits(col, charge) {
  const c = col.input.case;
  const reasons = [];
  const citations = [];
  const fel = felony(col);
  let snapTanfBan = null;
  const ban = col.law.maybe("us_fed.benefits.usc21_862a");
  const stateChoice = { snap: null, tanf: null };
  if (!ban) {
    col.add("consequences.benefits.not_in_knowledge_base", "warning", [], {
      topic: "SNAP/TANF (21 U.S.C. 862a)",
      date: col.date
    });
  } else {
    citations.push(ban.law);
    reasons.push(
      `A drug felony bars SNAP and TANF for life unless the state has opted out or modified the ban (${ban.law}).`
    );
    if (c.jurisdiction === "US-FED") {
      col.add("consequences.benefits.state_choice_depends", "info", [ban.law], {
        question: "In which state would the person apply for SNAP or TANF? Each state may opt out of or modify the ban."
      });
      reasons.push("For a federal conviction the ban depends on the state where benefits are sought.");
    } else {
      const p = jurisdictionKey(c.jurisdiction);
      const both = col.law.maybe(dotted(dotted(p, "benefits"), "snap_tanf"));
      for (const prog of ["snap", "tanf"]) {
        const r = col.law.maybe(dotted(dotted(p, "benefits"), prog)) ?? both;
        if (r?.value) {
          stateChoice[prog] = r.value.status;
          citations.push(r.law);
          col.add(
            `consequences.benefits.state_${r.value.status}`,
            r.value.status === "full_ban" ? "warning" : "info",
            [r.law],
            {
              program: prog.toUpperCase(),
              jurisdiction: c.jurisdiction
            }
          );
        } else {
          col.add("consequences.benefits.state_choice_not_in_knowledge_base", "warning", [ban.law], {
            program: prog.toUpperCase(),
            jurisdiction: c.jurisdiction
          });
        }
      }
    }
    const statuses = Object.values(stateChoice);
    if (fel.felony === false) {
      snapTanfBan = false;
      reasons.push("The conviction is not a felony, so the SNAP/TANF ban does not apply.");
    } else if (statuses.every((s) => s === "opted_out")) {
      snapTanfBan = false;
      reasons.push("The state has opted out of the ban for both programs.");
    } else if (statuses.some((s) => s === "full_ban")) {
      snapTanfBan = fel.felony === true ? true : null;
      reasons.push(
        fel.felony === true ? "The state keeps the full ban for at least one program: the person loses it for life." : "The state keeps the full ban for at least one program; it applies if the conviction is a felony, which is not settled here."
      );
    } else {
      reasons.push(
        "Whether the ban applies depends on the state's modified rules or on facts not in the knowledge base."
      );
    }
    if (fel.felony === null)
      col.add("consequences.benefits.felony_undetermined", "info", [ban.law], {
        question: "Is the conviction a felony where it is entered?"
      });
    citations.push(...fel.citations);
    col.add("consequences.benefits.report_discrepancy", "info", [ban.law, "DPA 2019"]);
  }
  const priors = priorCount(c, charge === "distribution" ? "drug_distribution" : "drug_possession");
  const n3 = priors + 1;
  const rows = col.law.peekFamily("us_fed.benefits.usc21_862").filter((r) => r.value && r.value.offense === charge);
  const picked = rows.find(
    (r) => r.value.conviction_number === n3 || r.value.or_more && n3 >= r.value.conviction_number
  );
  const row2 = picked ? col.law.use(picked) : void 0;
  let denial = null;
  if (row2) {
    citations.push(row2.law);
    denial = {
      conviction_number: n3,
      max_years: row2.value.max_years,
      permanent: row2.value.permanent,
      mandatory: row2.value.mandatory,
      citations: [row2.law]
    };
    col.add(
      row2.value.permanent ? "consequences.benefits.federal_denial_permanent" : "consequences.benefits.federal_denial_up_to",
      row2.value.permanent ? "critical" : "warning",
      [row2.law],
      {
        offense: charge,
        conviction_number: n3,
        max_years: row2.value.max_years,
        mandatory: row2.value.mandatory
      }
    );
    reasons.push(
      row2.value.permanent ? `A third or later distribution conviction means permanent ineligibility for federal benefits (${row2.law}).` : `The court may deny federal benefits (grants, contracts, loans, licenses) for a limited period (${row2.law}).`
    );
  } else {
    col.add("consequences.benefits.not_in_knowledge_base", "warning", [], {
      topic: "21 U.S.C. 862 federal benefits denial",
      date: col.date
    });
  }
  const lease = col.law.maybe("us_fed.public_housing.lease_termination");
  const bar = col.law.maybe("us_fed.public_housing.admission_bar");
  if (lease) {
    citations.push(lease.law);
    col.add("consequences.benefits.public_housing_eviction", "warning", [lease.law]);
    reasons.push(
      `Drug-related criminal activity by a tenant, household member or guest is cause to end a public-housing lease, without a conviction (${lease.law}).`
    );
  }
  if (bar) {
    citations.push(bar.law);
    col.add("consequences.benefits.public_housing_admission_bar", "warning", [bar.law], {
      bar_years: bar.value.bar_years
    });
  }
  return {
    snap_tanf_ban: snapTanfBan,
    felony: fel.felony,
    state_choice: c.jurisdiction === "US-FED" ? null : stateChoice,
    federal_benefits_denial: denial,
    public_housing: {
      eviction_ground: lease?.value.eviction_ground ?? null,
      admission_bar_years: bar?.value.bar_years ?? null
    },
    reasons,
    citations: uniq(citations)
  };
}

// src/model/expected-term.ts
function expectedTerm(e) {
  if (!e || e.mandatory_minimum_months === null) return null;
  if (e.state) {
    const t = e.state.expected_term;
    if (t.months === null) return null;
    if (t.served_months !== null && t.served_months !== t.months)
      return { months: t.served_months, basis: "expected_time_served" };
    return { months: t.months, basis: t.basis };
  }
  const min = e.mandatory_minimum_months;
  const g = e.guidelines;
  if (!g) return { months: min, basis: "mandatory_minimum" };
  const bottom = (g.total_range_months ?? g.range_months)[0];
  return termGte(min, bottom) ? { months: min, basis: "mandatory_minimum" } : { months: bottom, basis: "guidelines_minimum" };
}

// src/rules/consequences/cost.ts
var round2 = (x) => Math.round(x * 100) / 100;
var MONTHS_PER_YEAR = 12;
function term3(col) {
  const e = col.input.exposure;
  const t = expectedTerm(e);
  if (!e || !t) return null;
  return {
    ...t,
    citations: [
      ...e.statutory.citations,
      ...e.firearms.citations,
      ...e.guidelines?.citations ?? [],
      ...e.state?.release.citations ?? []
    ]
  };
}
function cost(col) {
  const c = col.input.case;
  const p = jurisdictionKey(c.jurisdiction);
  const r = col.law.maybe(dotted(p, "cost_per_person_year"));
  const rate2 = r?.value ?? null;
  if (!r || rate2 === null) {
    const avg = col.law.maybe("us_states.cost_per_person_year_average");
    col.add("consequences.cost.rate_not_in_knowledge_base", "warning", r ? [r.law] : [], {
      jurisdiction: c.jurisdiction,
      date: col.date,
      ...c.jurisdiction !== "US-FED" && avg?.value ? {
        state_average_usd: avg.value.usd_per_year,
        state_average_fiscal_year: avg.value.fiscal_year,
        state_average_citation: avg.law
      } : {}
    });
  } else if (rate2.usd_per_year === null) {
    col.add("consequences.cost.rate_lower_bound", "info", [r.law], {
      jurisdiction: c.jurisdiction,
      lower_bound_usd: rate2.lower_bound_usd ?? null,
      fiscal_year: rate2.fiscal_year
    });
  } else {
    col.add("consequences.cost.rate", "info", [r.law], {
      jurisdiction: c.jurisdiction,
      rate_usd_per_year: rate2.usd_per_year,
      fiscal_year: rate2.fiscal_year
    });
    if (col.date > rate2.period_end)
      col.add("consequences.cost.rate_latest_available", "info", [r.law], {
        fiscal_year: rate2.fiscal_year,
        period_end: rate2.period_end,
        date: col.date
      });
  }
  const t = term3(col);
  if (!t) {
    col.add(
      c.jurisdiction === "US-FED" ? "consequences.cost.no_exposure" : "consequences.cost.no_state_sentencing_engine",
      "info",
      [],
      {
        jurisdiction: c.jurisdiction
      }
    );
    return null;
  }
  if (t.months === "life") {
    col.add("consequences.cost.life_term", "warning", t.citations, { basis: t.basis });
    return null;
  }
  if (!r || rate2 === null || rate2.usd_per_year === null) return null;
  const years2 = t.months / MONTHS_PER_YEAR;
  const out = {
    usd: Math.round(years2 * rate2.usd_per_year),
    person_years: round2(years2),
    rate_usd_per_year: rate2.usd_per_year,
    citations: [r.law, ...t.citations],
    basis: t.basis,
    months: t.months,
    fiscal_year: rate2.fiscal_year
  };
  col.add("consequences.cost.total", "info", out.citations, {
    usd: out.usd,
    person_years: out.person_years,
    months: t.months,
    basis: t.basis,
    rate_usd_per_year: rate2.usd_per_year
  });
  return out;
}

// src/rules/consequences/drug-induced-homicide.ts
function drugInducedHomicide(col, charge) {
  const c = col.input.case;
  if (!c.conduct.death_resulted) return null;
  const base = dotted(jurisdictionKey(c.jurisdiction), "drug_induced_homicide");
  const laws = col.law.family(base).filter((r) => r.value !== null);
  if (laws.length === 0) {
    col.add("consequences.drug_induced_homicide.not_in_knowledge_base", "warning", [], {
      jurisdiction: c.jurisdiction,
      date: col.date
    });
    return {
      applies: null,
      value: [],
      reasons: [
        `No drug-induced homicide law for ${c.jurisdiction} on ${col.date} is in the knowledge base.`
      ],
      citations: []
    };
  }
  const known = laws.filter((r) => r.value.exists === true);
  const reasons = [];
  for (const r of laws) {
    if (r.value.exists === true) {
      col.add("consequences.drug_induced_homicide.exposure", "critical", [r.law], {
        classification: r.value.classification,
        penalty_min_years: r.value.penalty_min_years,
        penalty_max_years: r.value.penalty_max_years
      });
      reasons.push(`${r.law}: ${r.value.classification ?? "drug-induced homicide"}.`);
    } else {
      col.add("consequences.drug_induced_homicide.unverified", "warning", [r.law], { parameter: r.id });
      reasons.push(`${r.law}: unverified.`);
    }
  }
  let applies = known.length > 0 ? true : null;
  if (applies && charge === "possession") {
    applies = null;
    col.add(
      "consequences.drug_induced_homicide.requires_delivery",
      "warning",
      uniq(known.map((r) => r.law)),
      {
        question: "Did the person deliver or share the drug that caused the death?"
      }
    );
    reasons.push("These offenses require a delivery or distribution; the charge here is possession.");
  }
  return {
    applies,
    value: known.map((r) => ({
      parameter: r.id,
      classification: r.value.classification,
      penalty_min_years: r.value.penalty_min_years,
      penalty_max_years: r.value.penalty_max_years,
      citation: r.law
    })),
    reasons,
    citations: uniq(laws.map((r) => r.law))
  };
}

// src/rules/own-conduct.ts
function ownDrugs(c) {
  return c.conduct.drugs.filter((d) => d.basis !== "attributed");
}
function attributedDrugs(c) {
  return c.conduct.drugs.filter((d) => d.basis === "attributed");
}
function ownGrams(c) {
  let total2 = 0;
  for (const d of ownDrugs(c)) {
    if (d.grams === void 0) return null;
    total2 += d.grams;
  }
  return total2;
}

// src/rules/consequences/good-samaritan.ts
var SHARING_SCOPES = /* @__PURE__ */ new Set(["not_for_profit", "sharing", "casual_exchange", "non_commercial"]);
function decide(col, r, charge) {
  const law2 = r.value;
  const c = col.input.case;
  const scope = charge === "possession" ? law2.possession : law2.distribution;
  if (scope === "covered")
    return {
      protected: true,
      reason: `${r.law} covers ${charge === "possession" ? "possession" : "distribution"} at the scene.`
    };
  if (scope === "not_covered")
    return {
      protected: false,
      reason: charge === "distribution" ? `${r.law} protects possession only; a sale or distribution charge is not covered.` : `${r.law} gives no protection from a possession charge${law2.mitigation ? " (only mitigation at sentencing)" : ""}.`
    };
  if (scope === "unknown") {
    col.add("consequences.good_samaritan.scope_unknown", "warning", [r.law], { parameter: r.id });
    return { protected: null, reason: `The scope of ${r.law} is not in the knowledge base.` };
  }
  if (charge === "possession") {
    const lim = law2.possession_limit;
    const grams = ownGrams(c);
    if (lim && grams !== null) {
      const within2 = c.conduct.drugs.every((d) => {
        const g = d.grams ?? Number.POSITIVE_INFINITY;
        const isMj = d.substance === "marijuana" || d.substance === "hashish";
        const cap = isMj ? lim.marijuana_grams_lt : lim.solid_grams_lt;
        return cap !== void 0 && g < cap;
      });
      col.add("consequences.good_samaritan.quantity_limit", "info", [r.law], { grams, ...lim, within: within2 });
      return {
        protected: within2,
        reason: `${r.law} covers possession only below its quantity limits; this amount is ${within2 ? "within" : "over"} them.`
      };
    }
    col.add("consequences.good_samaritan.limited_scope", "warning", [r.law], {
      scope: law2.possession_scope ?? ""
    });
    return {
      protected: null,
      reason: `${r.law} covers only some possession offenses (${law2.possession_scope ?? "scope not recorded"}).`
    };
  }
  const ds = law2.distribution_scope ?? "";
  if (SHARING_SCOPES.has(ds)) {
    const paid = remuneration(c);
    if (paid === "none")
      return { protected: true, reason: `${r.law} also covers sharing or delivery without profit, as here.` };
    if (paid === "gain")
      return {
        protected: false,
        reason: `${r.law} covers only sharing or delivery without profit; this case involves a sale or other gain.`
      };
    col.add("consequences.good_samaritan.limited_scope", "warning", [r.law], {
      scope: ds,
      question: "Was the drug shared or given without payment or other gain?"
    });
    return {
      protected: null,
      reason: `${r.law} covers sharing without profit only; whether there was payment is not recorded.`
    };
  }
  const question = ds === "to_overdose_victim" ? "Was the drug delivered to the person who overdosed?" : ds === "within_amounts" ? "Is the amount within the statutory limits?" : "Does the conduct fall within the covered distribution offenses?";
  col.add("consequences.good_samaritan.limited_scope", "warning", [r.law], { scope: ds, question });
  return { protected: null, reason: `${r.law} covers some distribution (${ds}); ${question}` };
}
function goodSamaritan(col, charge) {
  const c = col.input.case;
  if (!c.conduct.at_overdose_scene) return null;
  const base = dotted(jurisdictionKey(c.jurisdiction), "good_samaritan");
  const laws = col.law.family(base).filter((r) => r.value !== null);
  if (laws.length === 0) {
    col.add("consequences.good_samaritan.not_in_knowledge_base", "warning", [], {
      jurisdiction: c.jurisdiction,
      date: col.date
    });
    return {
      protected: null,
      reasons: [`No 911 Good Samaritan law for ${c.jurisdiction} on ${col.date} is in the knowledge base.`],
      citations: [],
      in_knowledge_base: false
    };
  }
  const answers = laws.map((r) => decide(col, r, charge));
  const prot = answers.some((a) => a.protected === true) ? true : answers.some((a) => a.protected === null) ? null : false;
  const citations = uniq(laws.map((r) => r.law));
  col.add(
    prot === true ? "consequences.good_samaritan.protected" : prot === false ? "consequences.good_samaritan.not_protected" : "consequences.good_samaritan.undetermined",
    prot === false ? "warning" : "info",
    citations,
    { jurisdiction: c.jurisdiction, charge }
  );
  if (laws.some((r) => r.value.mitigation))
    col.add("consequences.good_samaritan.mitigation", "info", citations);
  col.add("consequences.good_samaritan.conditions", "info", citations, {
    question: "Did the person (or another) seek help in good faith, and did the evidence come from that call?"
  });
  return {
    protected: prot,
    scope: laws.map((r) => ({
      parameter: r.id,
      possession: r.value.possession,
      distribution: r.value.distribution,
      distribution_scope: r.value.distribution_scope ?? null
    })),
    reasons: answers.map((a) => a.reason),
    citations
  };
}

// src/rules/consequences/immigration.ts
var NON_CITIZEN = /* @__PURE__ */ new Set([
  "lawful_permanent_resident",
  "visa_holder",
  "refugee_or_asylee",
  "undocumented"
]);
function immigration(col, charge) {
  const c = col.input.case;
  const citizenship = c.person?.citizenship ?? "unknown";
  const reasons = [];
  const citations = [];
  if (citizenship === "us_citizen") {
    col.add("consequences.immigration.not_applicable_citizen", "info", []);
    return {
      applies: false,
      aggravated_felony: null,
      mandatory_detention: null,
      reasons: ["The person is a U.S. citizen: immigration law does not apply."],
      citations: []
    };
  }
  const af = col.law.maybe("us_fed.immigration.aggravated_felony_illicit_trafficking");
  const mon = col.law.maybe("us_fed.immigration.moncrieffe_small_amount_sharing");
  const dep = col.law.maybe("us_fed.immigration.controlled_substance_deportability");
  const det = col.law.maybe("us_fed.immigration.mandatory_detention");
  const rtb = col.law.maybe("us_fed.immigration.reason_to_believe_trafficker");
  const asy = col.law.maybe("us_fed.immigration.asylum_withholding_bar");
  const consp = col.law.maybe("us_fed.immigration.aggravated_felony_attempt_conspiracy");
  if (!af || !dep || !det) {
    col.add("consequences.immigration.not_in_knowledge_base", "warning", [], { date: col.date });
    return {
      applies: NON_CITIZEN.has(citizenship) ? true : null,
      aggravated_felony: null,
      mandatory_detention: null,
      reasons: ["The immigration rules are not in the knowledge base for the evaluation date."],
      citations: []
    };
  }
  const unknownCitizenship = !NON_CITIZEN.has(citizenship);
  if (unknownCitizenship) {
    col.add("consequences.immigration.citizenship_unknown", "warning", [af.law], {
      question: "Is the person a U.S. citizen? If not, the consequences below apply."
    });
    reasons.push(
      "Citizenship is not recorded: the consequences below apply unless the person is a U.S. citizen."
    );
  }
  let aggravated;
  let deportable;
  const exposure = col.input.exposure;
  const conspiracy = convictedOfConspiracy(c, charge, exposure, consp?.value);
  const grams = convictionGrams(c, conspiracy);
  const felony2 = federalFelony(exposure, af.value);
  const paid = remuneration(c);
  if (charge === "distribution") {
    const tier = exposure?.statutory.tier;
    const smallMarijuanaSharing = marijuanaOnly(c) && paid === "none" && (!tier || tier === mon?.value.excepts_from_tier);
    if (smallMarijuanaSharing && mon) {
      citations.push(mon.law);
      if (grams !== null && grams <= mon.value.reference_case_grams) {
        aggravated = mon.value.aggravated_felony;
        col.add("consequences.immigration.moncrieffe_small_marijuana", "info", [mon.law], {
          grams,
          reference_case_grams: mon.value.reference_case_grams
        });
        reasons.push(
          `Sharing a small amount of marijuana without remuneration is not "illicit trafficking" (${mon.law}); it is still a controlled-substance offense.`
        );
      } else {
        aggravated = null;
        col.add("consequences.immigration.small_amount_undetermined", "warning", [mon.law, af.law], {
          grams,
          reference_case_grams: mon.value.reference_case_grams,
          question: "Does the record of conviction establish remuneration or more than a small amount of marijuana?"
        });
        reasons.push(
          `Marijuana shared without remuneration: whether the amount is a "small amount" under ${mon.law} decides whether this is an aggravated felony.`
        );
      }
    } else {
      aggravated = af.value.aggravated_felony;
      citations.push(af.law);
      col.add("consequences.immigration.aggravated_felony", "critical", [af.law], {
        maximum_months: exposure?.statutory.maximum_months ?? null
      });
      reasons.push(
        felony2 ? `A conviction punishable as a felony under the Controlled Substances Act (maximum ${maxLabel(exposure)}) is "illicit trafficking in a controlled substance", an aggravated felony (${af.law}): deportable and barred from most discretionary relief.` : `A sale or distribution conviction is "illicit trafficking in a controlled substance", an aggravated felony (${af.law}): deportable and barred from most discretionary relief.`
      );
    }
    deportable = dep.value.deportable;
  } else if (felony2) {
    aggravated = af.value.aggravated_felony;
    citations.push(af.law);
    col.add("consequences.immigration.felony_possession", "critical", [af.law], {
      maximum_months: exposure?.statutory.maximum_months ?? null
    });
    reasons.push(
      `This possession offense is punishable as a felony under the Controlled Substances Act (maximum ${maxLabel(exposure)}): a "drug trafficking crime" and so an aggravated felony (${af.law}).`
    );
    deportable = dep.value.deportable;
  } else {
    const priors = felony2 === false ? 0 : priorCount(c, "drug_possession") + priorCount(c, "drug_distribution");
    aggravated = priors > 0 ? null : false;
    citations.push(af.law);
    if (priors > 0)
      col.add("consequences.immigration.recidivist_possession_undetermined", "warning", [af.law], {
        priors,
        question: "Would the possession offense be punishable as a felony under the federal Controlled Substances Act?"
      });
    reasons.push(
      priors > 0 ? `Possession with prior drug convictions may be a "drug trafficking crime" and so an aggravated felony (${af.law}); not settled here.` : `Possession for personal use is not "illicit trafficking" (${af.law}).`
    );
    const exception = marijuanaOnly(c) && priors === 0 && grams !== null && grams <= dep.value.exception_max_grams && c.conduct.drugs.every((d) => d.basis === "possessed");
    deportable = exception ? false : dep.value.deportable;
    if (exception)
      col.add("consequences.immigration.marijuana_personal_use_exception", "info", [dep.law], {
        grams,
        exception_max_grams: dep.value.exception_max_grams
      });
  }
  if (aggravated && conspiracy && consp) {
    citations.push(consp.law);
    col.add("consequences.immigration.conspiracy_aggravated_felony", "critical", [consp.law]);
    reasons.push(
      `A conspiracy to commit an aggravated felony is itself an aggravated felony (${consp.law}).`
    );
  }
  citations.push(dep.law);
  if (deportable) {
    col.add("consequences.immigration.deportable", "critical", [dep.law]);
    reasons.push(
      `Any controlled-substance conviction after admission makes a noncitizen deportable (${dep.law}).`
    );
  } else {
    reasons.push(
      `A single offense of possessing a small amount of marijuana for one's own use is excepted from deportability (${dep.law}).`
    );
  }
  let detention;
  if (deportable) {
    detention = det.value.mandatory_detention;
    citations.push(det.law);
    col.add("consequences.immigration.mandatory_detention", "critical", [det.law]);
    reasons.push(
      `Deportable on a drug ground means mandatory detention on release from criminal custody (${det.law}).`
    );
  } else {
    detention = null;
    col.add("consequences.immigration.detention_undetermined", "warning", [det.law], {
      question: "Is the person inadmissible under INA 212(a)(2) (e.g. seeking admission or returning from travel)?"
    });
    reasons.push(
      `Mandatory detention also reaches people inadmissible under INA 212(a)(2), which this case does not settle (${det.law}).`
    );
  }
  if (aggravated && asy) {
    citations.push(asy.law);
    col.add("consequences.immigration.asylum_bar", "warning", [asy.law]);
    reasons.push(
      `A drug-trafficking aggravated felony bars asylum and presumptively bars withholding of removal (${asy.law}).`
    );
  }
  if (charge === "distribution" && rtb) {
    citations.push(rtb.law);
    col.add("consequences.immigration.reason_to_believe", "warning", [rtb.law], {
      family_benefit_lookback_years: rtb.value.family_benefit_lookback_years
    });
    reasons.push(
      `Before admission, "reason to believe" the person is a trafficker makes them inadmissible without any conviction, and reaches a spouse or child who benefited (${rtb.law}).`
    );
  }
  return {
    // Unknown citizenship: whether immigration law applies is itself undetermined (see the finding).
    applies: unknownCitizenship ? null : true,
    aggravated_felony: aggravated,
    mandatory_detention: detention,
    deportable,
    citizenship,
    reasons,
    citations: uniq(citations)
  };
}
function convictedOfConspiracy(c, charge, exposure, consp) {
  if (charge !== "distribution") return false;
  if (exposure?.statutory.maximum_months != null && consp)
    return exposure.statutory.citations.includes(consp.federal_conspiracy_statute);
  return c.conduct.drugs.some((d) => d.basis === "attributed");
}
function convictionGrams(c, conspiracy) {
  const withAttributed = conspiracy || c.conduct.drugs.every((d) => d.basis === "attributed");
  let total2 = 0;
  for (const d of c.conduct.drugs) {
    if (d.basis === "attributed" && !withAttributed) continue;
    if (d.grams === void 0) return null;
    total2 += d.grams;
  }
  return total2;
}
function federalFelony(exposure, af) {
  const max = exposure?.statutory.maximum_months;
  if (max === null || max === void 0) return null;
  return max === "life" || max > af.felony_if_maximum_months_over;
}
var maxLabel = (e) => {
  const max = e?.statutory.maximum_months;
  return max === null || max === void 0 ? "unknown" : termLabel(max);
};

// src/rules/consequences/violent-label.ts
function violentLabel(col, charge) {
  const c = col.input.case;
  const p = jurisdictionKey(c.jurisdiction);
  const d = col.law.maybe(dotted(p, "violent_designation"));
  const reasons = [];
  const citations = [];
  let applies = null;
  if (!d || d.value === null) {
    col.add("consequences.violent_label.not_in_knowledge_base", "info", [], {
      jurisdiction: c.jurisdiction,
      date: col.date
    });
    reasons.push(`Whether ${c.jurisdiction} labels this offense violent is not in the knowledge base.`);
  } else {
    citations.push(d.law);
    applies = charge === "distribution" ? d.value.violent_distribution : d.value.violent_possession;
    if (applies === true) {
      col.add("consequences.violent_label.violent", "warning", [d.law], { jurisdiction: c.jurisdiction });
      reasons.push(`${d.law} lists the offense as violent: ${d.value.scope}.`);
    } else if (applies === false) {
      col.add("consequences.violent_label.not_violent", "info", [d.law], { jurisdiction: c.jurisdiction });
      reasons.push(`${d.law}: ${d.value.scope}.`);
    } else {
      col.add("consequences.violent_label.undetermined", "warning", [d.law], {
        jurisdiction: c.jurisdiction,
        scope: d.value.scope
      });
      reasons.push(`Not settled for a ${charge} charge: ${d.value.scope}.`);
    }
    if (d.value.conflicts_with_report)
      col.add("consequences.violent_label.report_conflict", "info", [d.law, "DPA 2019"], {
        jurisdiction: c.jurisdiction
      });
  }
  let firearm = null;
  const weapon = c.conduct.weapon ?? "none";
  const f = col.law.maybe(dotted(p, "drug_firearm_enhancement"));
  if (f?.value && weapon !== "none") {
    citations.push(f.law);
    firearm = {
      enforceable: f.value.enforceable,
      penalty_min_years: f.value.penalty_min_years,
      penalty_max_years: f.value.penalty_max_years,
      citations: [f.law]
    };
    col.add(
      f.value.enforceable ? "consequences.violent_label.firearm_enhancement" : "consequences.violent_label.firearm_enhancement_unenforceable",
      "warning",
      [f.law],
      {
        weapon,
        penalty_min_years: f.value.penalty_min_years,
        penalty_max_years: f.value.penalty_max_years
      }
    );
    reasons.push(
      f.value.enforceable ? `With a firearm, ${f.law} makes drugs plus a gun a separate, heavier offense.` : `${f.law} (drugs plus a firearm) is no longer enforceable.`
    );
  }
  return { applies, reasons, citations: uniq(citations), firearm_enhancement: firearm };
}

// src/rules/consequences/index.ts
function assessConsequences(input, charge) {
  const col = new Collector(input);
  col.add("consequences.evaluation_date", "info", [], { date: input.dates.evaluation, charge });
  const consequences = {
    immigration: immigration(col, charge),
    benefits: benefits(col, charge),
    good_samaritan: goodSamaritan(col, charge),
    cost: cost(col),
    violent_label: violentLabel(col, charge),
    drug_induced_homicide: drugInducedHomicide(col, charge)
  };
  return { consequences, findings: col.findings };
}

// src/rules/exposure/charge.ts
var STATUTE = {
  usc21_841: "21 U.S.C. 841(a)(1)",
  usc21_844: "21 U.S.C. 844(a)",
  usc21_846: "21 U.S.C. 846"
};
function chargeOf(input, policy) {
  const c = input.case;
  const trace = new Trace();
  const classes = trace.cite(
    input.law.statute("charge").get("us_fed.charging.activity_classes")
  );
  const acts = c.conduct.activities;
  const has = (group) => acts.some((a) => classes.value[group].includes(a));
  const attributed = c.conduct.drugs.some((d) => d.basis === "attributed");
  const transacted = c.conduct.drugs.some((d) => d.basis === "transacted");
  let offense;
  const own = c.conduct.drugs.filter((d) => d.basis !== "attributed");
  if (policy === "possession") {
    offense = "usc21_844";
    trace.add("charge.screen.possession", "info", [
      'DPA, Rethinking the "Drug Dealer" (2019)',
      "21 U.S.C. 844(a)"
    ]);
    return {
      offense,
      statute: STATUTE[offense],
      drugs: own.length ? own : c.conduct.drugs,
      attributed: false,
      trace
    };
  }
  if (policy === "own_conduct" && own.length && (has("distribution") || transacted)) {
    offense = "usc21_841";
    if (attributed)
      trace.add("charge.screen.own_conduct", "info", [
        'DPA, Rethinking the "Drug Dealer" (2019)',
        "21 U.S.C. 841(a)(1)"
      ]);
    return { offense, statute: STATUTE[offense], drugs: own, attributed: false, trace };
  }
  if (attributed) {
    offense = "usc21_846";
    trace.add("charge.conspiracy.network_quantity", "warning", ["21 U.S.C. 846", "USSG 1B1.3(a)(1)(B)"], {
      own_conduct: has("distribution") || transacted
    });
  } else if (has("distribution") || transacted) {
    offense = "usc21_841";
    trace.add("charge.distribution.own_conduct", "info", ["21 U.S.C. 841(a)(1)"], {
      activities: acts.filter((a) => classes.value.distribution.includes(a))
    });
  } else if (has("facilitation")) {
    offense = "usc21_846";
    trace.add("charge.conspiracy.facilitation", "warning", ["21 U.S.C. 846", "18 U.S.C. 2"], {
      activities: acts.filter((a) => classes.value.facilitation.includes(a))
    });
  } else {
    offense = "usc21_844";
    trace.add("charge.possession_only", "info", ["21 U.S.C. 844(a)"]);
  }
  const drugs = offense === "usc21_846" ? c.conduct.drugs : c.conduct.drugs.filter((d) => d.basis !== "attributed");
  return { offense, statute: STATUTE[offense], drugs, attributed, trace };
}

// src/rules/exposure/criminal-history.ts
function criminalHistory(c, offense, law2, trace) {
  const rules = trace.cite(law2.get("us_fed.ussg.4a1_1"));
  const cats = trace.cite(law2.get("us_fed.ussg.chc"));
  const r = rules.value;
  const perPrior = [];
  let cPoints = 0;
  let total2 = 0;
  let recencyRelease = false;
  (c.history?.priors ?? []).forEach((p, index) => {
    if (p.still_valid === false) {
      trace.add(
        "guidelines.criminal_history.prior_not_counted",
        "info",
        ["USSG 4A1.2 comment. (n.6, n.10)", "USSG 4A1.2(j)"],
        { index }
      );
      return;
    }
    const sentence13 = p.sentence_months;
    const uncertain = sentence13 === void 0;
    const isA = sentence13 !== void 0 && sentence13 > r.a_more_than_months;
    const isB = !isA && sentence13 !== void 0 && sentence13 >= r.b_at_least_months;
    const inWindow = isA ? addYears(p.date, r.a_lookback_years) >= offense || p.release_date !== void 0 && addYears(p.release_date, r.a_lookback_years) >= offense : addYears(p.date, r.other_lookback_years) >= offense;
    if (!inWindow) {
      trace.add("guidelines.criminal_history.prior_too_old", "info", ["USSG 4A1.2(e)"], {
        index,
        date: p.date
      });
      return;
    }
    let points2 = isA ? r.a_points : isB ? r.b_points : r.c_points;
    if (!isA && !isB) {
      points2 = Math.min(points2, r.c_max_total - cPoints);
      cPoints += points2;
    }
    if (uncertain)
      trace.add("guidelines.criminal_history.sentence_unknown", "warning", ["USSG 4A1.1"], { index, points: points2 });
    if ((isA || isB) && p.release_date && addMonths(p.release_date, r.recency_within_months) > offense)
      recencyRelease = true;
    total2 += points2;
    perPrior.push({ index, points: points2, kind: p.kind, uncertain });
  });
  const underSentence = c.history?.under_sentence_at_offense === true;
  if (underSentence && r.status_points > 0 && total2 >= r.status_min_other_points) {
    total2 += r.status_points;
    trace.add("guidelines.criminal_history.status_points", "info", [rules.law], { points: r.status_points });
  }
  if (recencyRelease && r.recency_points > 0) {
    const add = underSentence ? r.recency_points_if_status : r.recency_points;
    total2 += add;
    trace.add("guidelines.criminal_history.recency_points", "info", [rules.law], { points: add });
  }
  const override = c.history?.criminal_history_points;
  const overridden = typeof override === "number";
  const points = overridden ? override : total2;
  if (overridden && (c.history?.priors?.length ?? 0) > 0 && override !== total2)
    trace.add("guidelines.criminal_history.override", "info", ["USSG 4A1.1"], { computed: total2, override });
  let category = cats.value[0]?.category ?? "I";
  for (const cat of cats.value) if (points >= cat.min_points) category = cat.category;
  return {
    points,
    category,
    perPrior,
    overridden,
    onePointCap: r.c_max_total,
    citations: [rules.law, cats.law]
  };
}

// src/rules/exposure/firearms-924c.ts
function firearms924c(input) {
  const trace = new Trace();
  const n3 = input.case.conduct.firearm_counts ?? 0;
  const weapon = input.case.conduct.weapon ?? "none";
  if (n3 === 0 || weapon === "none" || weapon === "nearby")
    return { counts: [], total: 0, citations: [], trace };
  const statute = input.law.statute("statute");
  const first = trace.cite(statute.get(dotted("us_fed.usc18_924c.first_term", weapon)));
  const later = trace.cite(statute.get("us_fed.usc18_924c.subsequent_term"));
  const stacking = trace.cite(statute.get("us_fed.usc18_924c.stacking"));
  const prior924c = (input.case.history?.priors ?? []).some(
    (p) => p.section_924c === true && p.still_valid !== false
  );
  const counts = [];
  let undetermined = false;
  for (let i = 0; i < n3; i++) {
    const subsequent = prior924c || i > 0 && stacking.value === true;
    if (i > 0 && stacking.value === null) undetermined = true;
    const term4 = subsequent ? later.value : first.value;
    if (term4 === null) {
      undetermined = true;
      counts.push(first.value ?? 0);
    } else counts.push(term4);
  }
  const total2 = counts.reduce((s, t) => addTerms(s, t), 0);
  trace.add("exposure.firearms.counts", "critical", [first.law, ...n3 > 1 ? [stacking.law] : []], {
    counts: n3,
    weapon,
    terms: counts,
    total: total2
  });
  trace.add("exposure.firearms.every_count_charged", "info", ["18 U.S.C. 924(c)(1)(D)"], { counts: n3 });
  if (n3 > 1 && stacking.value === true)
    trace.add("exposure.firearms.stacked", "critical", [stacking.law], { counts: n3 });
  if (n3 > 1 && stacking.value === false && !prior924c)
    trace.add("exposure.firearms.not_stacked", "info", [stacking.law], { counts: n3 });
  if (undetermined) trace.add("exposure.firearms.undetermined", "warning", [later.law], { counts: n3 });
  return { counts, total: total2, citations: [...trace.citations], trace };
}

// src/rules/exposure/substances.ts
var SUBSTANCE_NAMES = {
  heroin: { statute: "heroin", table: "heroin", cdw: "heroin" },
  cocaine: { statute: "cocaine", table: "cocaine", cdw: "cocaine" },
  cocaine_base: { statute: "cocaine_base", table: "cocaine_base", cdw: "cocaine_base" },
  methamphetamine: {
    statute: "methamphetamine",
    statuteActual: "methamphetamine_actual",
    table: "methamphetamine",
    tableActual: "methamphetamine_actual",
    cdw: "methamphetamine"
  },
  methamphetamine_actual: {
    statute: "methamphetamine_actual",
    table: "methamphetamine_actual",
    cdw: "methamphetamine_actual"
  },
  ice: { statute: "methamphetamine", statuteActual: "methamphetamine_actual", table: "ice", cdw: "ice" },
  fentanyl: { statute: "fentanyl", table: "fentanyl", cdw: "fentanyl" },
  fentanyl_analogue: { statute: "fentanyl_analogue", table: "fentanyl_analogue", cdw: "fentanyl_analogue" },
  // Before the HALT Fentanyl Act these were charged as analogues; the class trigger exists from 2025 on.
  fentanyl_related_substance: {
    statute: "fentanyl_related_substance",
    table: "fentanyl_analogue",
    cdw: "fentanyl_analogue"
  },
  marijuana: { statute: "marihuana", table: "marihuana", cdw: "marihuana", marihuanaType: "marihuana" },
  marijuana_plants: {
    statute: "marihuana_plants",
    table: "marihuana",
    cdw: "marihuana",
    marihuanaType: "plants"
  },
  hashish: { statute: "marihuana", table: "hashish", cdw: "hashish", marihuanaType: "hashish" },
  pcp: { statute: "pcp", statuteActual: "pcp_actual", table: "pcp", tableActual: "pcp_actual", cdw: "pcp" },
  pcp_actual: { statute: "pcp_actual", table: "pcp_actual", cdw: "pcp_actual" },
  lsd: { statute: "lsd", table: "lsd", cdw: "lsd" },
  oxycodone: { statute: null, table: null, cdw: "oxycodone_actual" },
  hydrocodone: { statute: null, table: null, cdw: "hydrocodone_actual" },
  mdma: { statute: null, table: null, cdw: "mdma" },
  other_schedule_i_ii: { statute: null, table: null, cdw: null }
};
function amountOf(d) {
  return d.substance === "marijuana_plants" ? d.count ?? 0 : d.grams ?? 0;
}

// src/rules/exposure/drug-quantity.ts
var CDW = "us_fed.ussg.cdw";
function bandLevel(row2, amount) {
  let lo = 0;
  let hi = row2.mins.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (row2.mins[mid] <= amount) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : row2.levels[lo - 1] ?? null;
}
function compiledRow(key, law2) {
  return law2.compiled(dotted("dqt", key), (read) => {
    const rows = [];
    let r = read(dotted("us_fed.ussg.dqt", key));
    rows.push(r);
    while (!Array.isArray(r.value)) {
      r = read(dotted("us_fed.ussg.dqt", r.value.same_as));
      rows.push(r);
    }
    const bands = r.value;
    return { mins: bands.map((b) => b.min), levels: bands.map((b) => b.level), read: rows };
  });
}
function gramsOf(d, law2, trace) {
  if (d.substance !== "marijuana_plants") return d.grams ?? 0;
  const perPlant = trace.cite(law2.get("us_fed.ussg.marihuana_plant_equivalent_g")).value;
  return (d.count ?? 0) * perPlant;
}
function tableLevel(key, grams, law2, trace) {
  const row2 = compiledRow(key, law2);
  for (const r of row2.read) trace.cite(r);
  return { level: bandLevel(row2, grams), law: row2.read[0].law };
}
function singleSubstance(drugs, law2, trace) {
  const first = drugs[0];
  if (!first) return null;
  const names = SUBSTANCE_NAMES[first.substance];
  if (!names.table) return null;
  const grams = drugs.reduce((s, d) => s + gramsOf(d, law2, trace), 0);
  const mixture = tableLevel(names.table, grams, law2, trace);
  let best = { level: mixture.level, method: "table", amount: grams, law: mixture.law };
  if (names.tableActual && drugs.every((d) => d.purity !== void 0)) {
    const actualGrams = drugs.reduce((s, d) => s + (d.grams ?? 0) * (d.purity ?? 0), 0);
    const actual = tableLevel(names.tableActual, actualGrams, law2, trace);
    if (actual.level !== null && (best.level === null || actual.level > best.level)) {
      trace.add("guidelines.quantity.actual_greater", "info", [actual.law], {
        actual_grams: actualGrams,
        level: actual.level
      });
      best = { level: actual.level, method: "table", amount: actualGrams, law: actual.law };
    }
  }
  return best;
}
function convertedWeight(drugs, law2, trace) {
  let total2 = 0;
  let unknown = false;
  for (const d of drugs) {
    const names = SUBSTANCE_NAMES[d.substance];
    if (!names.cdw || !law2.has(dotted(CDW, names.cdw))) {
      unknown = true;
      trace.add("guidelines.quantity.no_conversion", "warning", ["USSG 2D1.1 comment. (n.8(D))"], {
        substance: d.substance
      });
      continue;
    }
    const ratio = trace.cite(law2.get(dotted(CDW, names.cdw)));
    if (ratio.value === null) {
      unknown = true;
      continue;
    }
    let grams = gramsOf(d, law2, trace) * ratio.value;
    if (names.tableActual && d.purity !== void 0 && law2.has(dotted(CDW, names.tableActual))) {
      const actualRatio = trace.cite(law2.get(dotted(CDW, names.tableActual))).value;
      if (actualRatio !== null) grams = Math.max(grams, (d.grams ?? 0) * d.purity * actualRatio);
    }
    if (d.substance === "oxycodone" || d.substance === "hydrocodone")
      trace.add("guidelines.quantity.actual_weight_assumed", "info", ["USSG 2D1.1(c), note (B)"], {
        substance: d.substance
      });
    total2 += grams;
  }
  const table = tableLevel("marihuana", total2, law2, trace);
  let level = unknown ? null : table.level;
  const floorId = "us_fed.ussg.dqt.converted_minimum_level";
  if (level !== null && law2.has(floorId)) {
    const floor = trace.cite(law2.get(floorId));
    if (level < floor.value.level && drugs.some((d) => floor.value.substances.includes(SUBSTANCE_NAMES[d.substance].cdw ?? ""))) {
      trace.add("guidelines.quantity.minimum_level", "info", [floor.law], { level: floor.value.level });
      level = floor.value.level;
    }
  }
  trace.add("guidelines.quantity.converted_weight", "info", [table.law], {
    grams: Math.round(total2 * 1e3) / 1e3
  });
  return { level, method: "converted", amount: total2, law: table.law };
}
function drugQuantityLevel(drugs, law2, trace) {
  const kinds = new Set(drugs.map((d) => d.substance));
  if (kinds.size === 1) {
    const single = singleSubstance(drugs, law2, trace);
    if (single) return single;
  }
  return convertedWeight(drugs, law2, trace);
}

// src/rules/exposure/ussg-2d1-1.ts
function drugBaseLevel(drugs, statutory, mitigating, law2, trace) {
  const q2 = drugQuantityLevel(drugs, law2, trace);
  if (q2.level === null) {
    trace.add("guidelines.quantity.undetermined", "critical", [q2.law], { amount: q2.amount });
    return null;
  }
  const cap = mitigating ? mitigatingRoleCap(mitigating, q2.level, law2, trace) : null;
  const quantityLevel = cap?.to ?? q2.level;
  if (statutory.deathOrSbi) {
    const d = trace.cite(
      law2.get(
        "us_fed.ussg.2d1_1.death_sbi_levels"
      )
    );
    const special = statutory.row === "one_prior_death_or_sbi" ? d.value.death_or_sbi_with_prior : d.value.death_or_sbi;
    if (statutory.tier && d.value.tiers.includes(statutory.tier) && special > quantityLevel) {
      if (cap)
        trace.add("guidelines.mitigating_role_cap.death_level", "info", [d.law, cap.law], { level: special });
      return { level: special, law: d.law, cap: null };
    }
  }
  return { level: q2.level, law: q2.law, cap };
}
function mitigatingRoleCap(role, level, law2, trace) {
  const cap = trace.cite(
    law2.get("us_fed.ussg.2d1_1.mitigating_role_cap")
  );
  const band = cap.value.bands.find(
    (b) => level >= b.min_level && (b.max_level === null || level <= b.max_level)
  );
  let to = level;
  if (band) to = band.set_to !== void 0 ? band.set_to : level - (band.minus ?? 0);
  if (role.kind === "minimal" && cap.value.minimal_ceiling != null && to > cap.value.minimal_ceiling)
    to = cap.value.minimal_ceiling;
  return to !== level ? { to, law: cap.law } : null;
}
function weaponIncrease(c, law2, trace) {
  const weapon = c.conduct.weapon ?? "none";
  if (weapon === "none") return null;
  const w = trace.cite(law2.get("us_fed.ussg.2d1_1.weapon"));
  const with924c = trace.cite(law2.get("us_fed.ussg.2k2_4"));
  if ((c.conduct.firearm_counts ?? 0) > 0 && !with924c.value.weapon_increase_with_924c) {
    trace.add("guidelines.weapon.covered_by_924c", "info", [with924c.law]);
    return null;
  }
  if (weapon === "nearby") trace.add("guidelines.weapon.nearby", "warning", [w.law]);
  return { code: "guidelines.weapon", levels: w.value, law: w.law };
}
function violenceIncrease(c, law2, trace) {
  if ((c.conduct.violence ?? "none") === "none") return null;
  const v = trace.cite(law2.get("us_fed.ussg.2d1_1.violence"));
  return v.value ? { code: "guidelines.violence", levels: v.value, law: v.law } : null;
}
function safetyValveDecrease(level, law2, trace) {
  const sv = trace.cite(
    law2.get("us_fed.ussg.2d1_1.safety_valve")
  );
  if (sv.value.levels && (sv.value.min_offense_level === null || level >= sv.value.min_offense_level))
    return { code: "guidelines.safety_valve", levels: sv.value.levels, law: sv.law };
  return null;
}

// src/rules/exposure/ussg-2d2-1.ts
function possessionLevel(drugs, law2, trace) {
  const r = trace.cite(law2.get("us_fed.ussg.2d2_1.base_levels"));
  const { levels, classes } = r.value;
  const of = (s) => classes.heroin_opiates_or_cocaine_base.includes(s) ? levels.heroin_opiates_or_cocaine_base : classes.cocaine_lsd_pcp.includes(s) ? levels.cocaine_lsd_pcp : levels.other;
  if (drugs.some((d) => d.substance === "cocaine_base"))
    trace.cite(law2.get("us_fed.ussg.2d2_1.crack_cross_reference"));
  return { level: Math.max(...drugs.map((d) => of(d.substance))), law: r.law };
}

// src/rules/exposure/ussg-3b1.ts
function aggravatingRole(c, law2, trace) {
  const acts = c.conduct.activities;
  const supervised = c.conduct.people_supervised ?? 0;
  if (!acts.includes("organized") && !acts.includes("supervised") && supervised === 0) return null;
  const r = trace.cite(law2.get("us_fed.ussg.3b1_1"));
  const large = supervised + 1 >= r.value.participants_threshold;
  const levels = acts.includes("organized") && large ? r.value.organizer_leader_five_or_more : large ? r.value.manager_supervisor_five_or_more : r.value.other;
  return { levels, law: r.law };
}
function mitigatingRole(role, law2, trace) {
  const fn = role?.function;
  if (!fn) return null;
  const listed = law2.get(
    "us_fed.ussg.2d1_1.low_level_functions"
  );
  const levels = law2.get("us_fed.ussg.3b1_2");
  const kind = listed.value.minimal.includes(fn) ? "minimal" : listed.value.minor.includes(fn) ? "minor" : null;
  if (!kind) return null;
  if (!listed.value.presumed) {
    trace.add("guidelines.mitigating_role.discretionary", "info", [levels.law], {
      function: fn,
      kind,
      levels: levels.value[kind]
    });
    return null;
  }
  trace.cite(listed);
  trace.cite(levels);
  return { kind, levels: levels.value[kind], law: `${levels.law}; ${listed.law}` };
}

// src/rules/exposure/ussg-3e1-1.ts
function acceptance(c, law2, trace) {
  if (c.cooperation?.accepted_responsibility !== true) return null;
  const r = trace.cite(law2.get("us_fed.ussg.3e1_1"));
  const thirdLevel = (level) => level >= r.value.b_min_level;
  return { at: (level) => r.value.a + (thirdLevel(level) ? r.value.b : 0), thirdLevel, law: r.law };
}

// src/rules/exposure/ussg-4b1-1.ts
function careerOffender(c, offense, offenseDate, statutoryMax, history, law2, trace) {
  if (offense === "usc21_844") return null;
  const r = trace.cite(law2.get("us_fed.ussg.4b1_1"));
  const priors = c.history?.priors ?? [];
  const qualifying = history.perPrior.filter((s) => {
    const p = priors[s.index];
    return p?.felony === true && s.points > 0 && (p.kind === "drug_distribution" || p.kind === "violent");
  }).length;
  if (qualifying < r.value.min_qualifying_priors) return null;
  const birth = c.person?.birth_year;
  if (birth !== void 0 && Number(offenseDate.slice(0, 4)) - birth < r.value.min_age) return null;
  if (birth === void 0)
    trace.add("guidelines.career_offender.age_assumed", "info", [r.law], { min_age: r.value.min_age });
  const row2 = r.value.levels.find((l) => termGte(statutoryMax, l.stat_max_at_least_months));
  if (!row2) return null;
  trace.add("guidelines.career_offender", "critical", [r.law], {
    priors: qualifying,
    statutory_max: statutoryMax,
    level: row2.level
  });
  return { level: row2.level, category: r.value.category, law: r.law };
}
function careerOffender924c(withFirearms, reduction, law2, trace) {
  const r = law2.get("us_fed.ussg.4b1_1c");
  if (r.value === "none") return null;
  trace.cite(r);
  const table = r.value.table[reduction];
  if (!rangeAbove(table, withFirearms)) return { range: withFirearms, law: r.law };
  trace.add("guidelines.career_offender.924c_table", "critical", [r.law], {
    range: table,
    otherwise: withFirearms,
    reduction
  });
  return { range: table, law: r.law };
}

// src/rules/exposure/ussg-4c1-1.ts
function zeroPointDecrease(c, points, deathOrSbi, aggravatingRole2, law2, trace) {
  const zp = trace.cite(law2.get("us_fed.ussg.4c1_1"));
  const conduct = c.conduct;
  if (zp.value && points === 0 && (conduct.violence ?? "none") === "none" && !deathOrSbi && (conduct.weapon ?? "none") === "none" && !aggravatingRole2)
    return { levels: zp.value, law: zp.law };
  return null;
}

// src/rules/exposure/ussg-5c1-2.ts
function safetyValveFloor(tableRange, statutoryMin, offenseLevel, cell, law2, trace) {
  const floor = law2.maybe("us_fed.ussg.5c1_2b_floor");
  if (!floor || !termGte(statutoryMin, floor.value.min_statutory_minimum_months))
    return { tableRange, range: tableRange };
  trace.cite(floor);
  if (floor.value.min_offense_level !== void 0 && offenseLevel < floor.value.min_offense_level) {
    const raised = cell(floor.value.min_offense_level) ?? tableRange;
    trace.add("guidelines.safety_valve_floor", "info", [floor.law], { level: floor.value.min_offense_level });
    return { tableRange: raised, range: raised };
  }
  if (floor.value.min_range_months && !termGte(tableRange[0], floor.value.min_range_months[0])) {
    trace.add("guidelines.safety_valve_floor", "info", [floor.law], { range: floor.value.min_range_months });
    return { tableRange, range: floor.value.min_range_months };
  }
  return { tableRange, range: tableRange };
}

// src/rules/exposure/ussg-5g1-1.ts
function boundByStatute(range2, min, max, law2, trace) {
  const g5 = trace.cite(law2.get("us_fed.ussg.5g1_1"));
  const [lo, hi] = range2;
  let bounded;
  if (!termGte(hi, min)) bounded = [min, min];
  else if (!termGte(max, lo)) bounded = [max, max];
  else bounded = [termGte(lo, min) ? lo : min, termGte(max, hi) ? hi : max];
  if (bounded[0] !== range2[0] || bounded[1] !== range2[1])
    trace.add("guidelines.bounded_by_statute", "info", [g5.law], { from: range2, to: bounded });
  return { range: bounded, law: g5.law };
}

// src/rules/exposure/guidelines.ts
var Worksheet = class {
  constructor(level) {
    this.level = level;
  }
  level;
  steps = [];
  add(code, levels, citation) {
    this.level += levels;
    this.steps.push({ code, levels, level_after: this.level, citation });
  }
  setTo(code, to, citation) {
    this.steps.push({ code, levels: to - this.level, level_after: to, citation });
    this.level = to;
  }
};
function sentencingTable(law2, trace) {
  const t = law2.compiled("sentencing_table", (read) => {
    const table = read("us_fed.ussg.sentencing_table");
    const chc = read("us_fed.ussg.chc");
    const cells = [];
    for (const [level, row2] of Object.entries(table.value)) cells[Number(level)] = row2;
    return { cells, categories: chc.value.map((x) => x.category), table, chc };
  });
  trace.cite(t.table);
  trace.cite(t.chc);
  return {
    law: t.table.law,
    cell: (level, category) => t.cells[level]?.[t.categories.indexOf(category)]
  };
}
function guidelinesUnder(manual, c) {
  const law2 = c.input.law.at(manual, "guidelines");
  const trace = new Trace();
  const kase = c.input.case;
  const history = c.known?.manual === manual ? trace.absorb(c.known.findings, c.known.history) : criminalHistory(kase, c.input.dates.offense, law2, trace);
  const possession = c.charge.offense === "usc21_844";
  const mitigating = mitigatingRole(c.role, law2, trace);
  const base = possession ? { ...possessionLevel(c.charge.drugs, law2, trace), cap: null } : drugBaseLevel(c.charge.drugs, c.statutory, mitigating, law2, trace);
  if (!base) return { guidelines: null, history, trace };
  const sheet = new Worksheet(base.level);
  sheet.steps.push({
    code: "guidelines.base_offense_level",
    levels: base.level,
    level_after: base.level,
    citation: base.law
  });
  if (base.cap) sheet.setTo("guidelines.mitigating_role_cap", base.cap.to, base.cap.law);
  if (!possession) {
    for (const adj of [weaponIncrease(kase, law2, trace), violenceIncrease(kase, law2, trace)])
      if (adj) sheet.add(adj.code, adj.levels, adj.law);
  }
  if (c.safetyValve.eligible === true && !possession) {
    const sv = safetyValveDecrease(sheet.level, law2, trace);
    if (sv) sheet.add(sv.code, sv.levels, sv.law);
  }
  const aggravating = aggravatingRole(kase, law2, trace);
  if (aggravating) sheet.add("guidelines.aggravating_role", aggravating.levels, aggravating.law);
  if (mitigating)
    sheet.add(dotted("guidelines.mitigating_role", mitigating.kind), mitigating.levels, mitigating.law);
  const accepted = acceptance(kase, law2, trace);
  if (accepted) {
    if (accepted.thirdLevel(sheet.level))
      trace.add("guidelines.acceptance.third_level_assumed", "info", [accepted.law]);
    sheet.add("guidelines.acceptance", accepted.at(sheet.level), accepted.law);
  }
  const zp = zeroPointDecrease(
    kase,
    history.points,
    c.statutory.deathOrSbi,
    aggravating !== null,
    law2,
    trace
  );
  if (zp) sheet.add("guidelines.zero_point_offender", zp.levels, zp.law);
  let category = history.category;
  const career = careerOffender(
    kase,
    c.charge.offense,
    c.input.dates.offense,
    c.statutory.max,
    history,
    law2,
    trace
  );
  if (career) {
    const careerLevel = career.level + (accepted?.at(career.level) ?? 0);
    if (careerLevel > sheet.level) sheet.setTo("guidelines.career_offender", careerLevel, career.law);
    category = career.category;
  }
  const bounds = trace.cite(law2.get("us_fed.ussg.offense_level_bounds")).value;
  const offenseLevel = Math.min(bounds.max, Math.max(bounds.min, sheet.level));
  const table = sentencingTable(law2, trace);
  const cell = table.cell(offenseLevel, category);
  if (!cell) throw new Error(`sentencing table has no cell for level ${offenseLevel}, category ${category}`);
  const { tableRange, range: range2 } = c.safetyValve.eligible === true ? safetyValveFloor(cell, c.statutory.min, offenseLevel, (l) => table.cell(l, category), law2, trace) : { tableRange: cell, range: cell };
  const statMin = c.safetyValve.eligible === true ? 0 : c.statutory.min;
  const bounded = boundByStatute(range2, statMin, c.statutory.max, law2, trace);
  const fa = c.firearms.total;
  const guidelines2 = {
    offense_level: offenseLevel,
    criminal_history_points: history.points,
    criminal_history_category: category,
    table_range_months: tableRange,
    range_months: bounded.range,
    steps: sheet.steps,
    citations: [
      .../* @__PURE__ */ new Set([
        base.law,
        ...sheet.steps.map((s) => s.citation),
        ...history.citations,
        table.law,
        bounded.law
      ])
    ]
  };
  if (fa !== 0) {
    const withFirearms = [addTerms(bounded.range[0], fa), addTerms(bounded.range[1], fa)];
    guidelines2.total_range_months = withFirearms;
    guidelines2.citations?.push("USSG 2K2.4(b)");
    if (career) {
      const reduction = !accepted ? "none" : accepted.thirdLevel(career.level) ? "a_and_b" : "a";
      const c2 = careerOffender924c(withFirearms, reduction, law2, trace);
      if (c2) {
        guidelines2.total_range_months = c2.range;
        guidelines2.citations?.push(c2.law);
      }
    }
  }
  return { guidelines: guidelines2, history, trace };
}

// src/rules/exposure/safety-valve.ts
var OFFENSE_CODES = { usc21_841: "841", usc21_844: "844", usc21_846: "846" };
function safetyValve(input, charge, history, drugMinimum) {
  const trace = new Trace();
  const statute = input.law.statute("statute");
  const available = trace.cite(statute.get("us_fed.usc18_3553f.available"));
  if (!available.value) {
    trace.add("exposure.safety_valve.not_yet_enacted", "info", [available.law]);
    return { eligible: false, failed: ["not_enacted"], missing: [], citations: [available.law], trace };
  }
  const offenses = trace.cite(statute.get("us_fed.usc18_3553f.offenses"));
  const c1 = trace.cite(statute.get("us_fed.usc18_3553f.criterion_1"));
  const failed = [];
  const missing = [];
  const code = OFFENSE_CODES[charge.offense];
  if (!code || !offenses.value.includes(code)) failed.push("offense_not_covered");
  const v = c1.value;
  if (v.version === "points") {
    if (history.points > v.max_points) failed.push("criminal_history");
  } else if (history.overridden && (input.case.history?.priors?.length ?? 0) === 0) {
    const atLeastCountable = history.onePointCap === null ? null : history.points - history.onePointCap;
    if (atLeastCountable !== null && atLeastCountable > v.max_countable_points) {
      failed.push("criminal_history");
      trace.add("exposure.safety_valve.too_many_points", "info", [c1.law], {
        countable: atLeastCountable,
        max: v.max_countable_points,
        at_least: true
      });
    } else if (history.points >= v.no_violent_prior_of_points) missing.push("history.priors");
  } else {
    const countable2 = history.perPrior.filter((p) => p.points !== v.excluded_point_value).reduce((s, p) => s + p.points, 0);
    const tooMany = countable2 > v.max_countable_points;
    const threePoint = history.perPrior.some((p) => p.points >= v.no_prior_of_points);
    const violentTwo = history.perPrior.some(
      (p) => p.points === v.no_violent_prior_of_points && p.kind === "violent"
    );
    const hits = [tooMany, threePoint, violentTwo].filter(Boolean).length;
    if (v.any_one_disqualifies ? hits > 0 : hits === 3) failed.push("criminal_history");
    if (tooMany)
      trace.add("exposure.safety_valve.too_many_points", "info", [c1.law], {
        countable: countable2,
        max: v.max_countable_points
      });
    if (threePoint) trace.add("exposure.safety_valve.three_point_prior", "info", [c1.law]);
    if (violentTwo) trace.add("exposure.safety_valve.two_point_violent_prior", "info", [c1.law]);
  }
  const conduct = input.case.conduct;
  const weapon = conduct.weapon ?? "none";
  if ((conduct.violence ?? "none") !== "none" || ["possessed", "brandished", "discharged"].includes(weapon) || (conduct.firearm_counts ?? 0) > 0)
    failed.push("violence_or_weapon");
  else if (weapon === "nearby") missing.push("conduct.weapon");
  if (conduct.death_resulted || conduct.serious_bodily_injury_resulted) failed.push("death_or_injury");
  const acts = conduct.activities;
  if (acts.includes("organized") || acts.includes("supervised") || (conduct.people_supervised ?? 0) > 0)
    failed.push("aggravating_role");
  const disclosure = input.case.cooperation?.truthful_disclosure;
  if (disclosure === false) failed.push("no_truthful_disclosure");
  else if (disclosure === void 0) missing.push("cooperation.truthful_disclosure");
  const citations = [...trace.citations];
  const eligible = failed.length ? false : missing.length ? null : true;
  const paragraphs = statute.get("us_fed.usc18_3553f.criteria").value;
  for (const f of failed)
    trace.add(dotted("exposure.safety_valve.failed", f), "info", [
      f === "criminal_history" ? c1.law : paragraphs[f] ?? c1.law
    ]);
  if (eligible === true)
    trace.add("exposure.safety_valve.eligible", "info", citations, { minimum: drugMinimum });
  if (eligible === null)
    trace.add("exposure.safety_valve.undetermined", "warning", citations, { missing, minimum: drugMinimum });
  return { eligible, failed, missing, citations, trace };
}

// src/rules/exposure/csa-851.ts
function priorsCharged(input, count2, trace) {
  const filed = input.case.charging?.information_851;
  if (count2.possible === 0) return 0;
  const statute = input.law.statute("statute");
  const available = trace.cite(statute.get("us_fed.usc21_851.prior_enhancements"));
  if (!available.value) {
    trace.add("exposure.priors.enhancements_ended", "info", [available.law], { priors: count2.possible });
    return 0;
  }
  const required = trace.cite(statute.get("us_fed.usc21_851.information_required"));
  if (!required.value) return count2.possible;
  if (filed === false) {
    trace.add("exposure.priors.no_information_filed", "info", ["21 U.S.C. 851(a)(1)"], {
      priors: count2.possible
    });
    return 0;
  }
  if (filed === void 0) {
    const assume = trace.cite(
      input.law.statute("charge").get("us_fed.charging.assume_851_information_when_priors_qualify")
    );
    if (!assume.value) return 0;
    trace.add("exposure.priors.information_851_assumed", "warning", ["21 U.S.C. 851(a)(1)"], {
      priors: count2.possible,
      predicate: count2.predicate
    });
  }
  if (count2.missing.length)
    trace.add("exposure.priors.undetermined", "warning", ["21 U.S.C. 802(57)", "21 U.S.C. 802(58)"], {
      known: count2.known,
      possible: count2.possible,
      missing: count2.missing
    });
  return count2.possible;
}

// src/rules/exposure/priors.ts
var isDrug = (p) => p.kind === "drug_possession" || p.kind === "drug_distribution";
var valid = (p) => p.still_valid !== false;
function felonyDrugOffense(p, offense) {
  return valid(p) && isDrug(p) && p.felony && p.date < offense;
}
function seriousDrugFelony(p, offense, def, missing, i) {
  if (!valid(p) || p.kind !== "drug_distribution" || !p.felony || p.date >= offense) return false;
  const checks = [
    p.max_term_months === void 0 ? void 0 : p.max_term_months >= def.min_statutory_max_months,
    p.served_months === void 0 ? void 0 : p.served_months > def.served_more_than_months,
    p.release_date === void 0 ? void 0 : addYears(p.release_date, def.released_within_years) >= offense
  ];
  if (checks.includes(false)) return false;
  if (checks.includes(void 0)) {
    if (p.max_term_months === void 0) missing.push(`history.priors.${i}.max_term_months`);
    if (p.served_months === void 0) missing.push(`history.priors.${i}.served_months`);
    if (p.release_date === void 0) missing.push(`history.priors.${i}.release_date`);
    return void 0;
  }
  return true;
}
function seriousViolentFelony(p, offense, servedMoreThan, missing, i) {
  if (!valid(p) || p.kind !== "violent" || !p.felony || p.date >= offense) return false;
  if (p.served_months === void 0) {
    missing.push(`history.priors.${i}.served_months`);
    return void 0;
  }
  return p.served_months > servedMoreThan;
}
function countQualifyingPriors(input, predicate, trace) {
  const priors = input.case.history?.priors ?? [];
  const offense = input.dates.offense;
  const missing = [];
  let known = 0;
  let possible = 0;
  let sdf;
  let svf;
  if (predicate !== "felony_drug_offense") {
    const law2 = input.law.atOffense("statute");
    sdf = trace.cite(law2.get("us_fed.usc21_802.serious_drug_felony")).value;
    svf = trace.cite(
      law2.get("us_fed.usc21_802.serious_violent_felony")
    ).value;
  } else {
    trace.cite(input.law.statute("statute").get("us_fed.usc21_802.felony_drug_offense"));
  }
  priors.forEach((p, i) => {
    let q2;
    if (predicate === "felony_drug_offense") q2 = felonyDrugOffense(p, offense);
    else if (sdf && svf) {
      const a = seriousDrugFelony(p, offense, sdf, missing, i);
      const b = seriousViolentFelony(p, offense, svf.served_more_than_months, missing, i);
      q2 = a === true || b === true ? true : a === void 0 || b === void 0 ? void 0 : false;
    }
    if (q2 === true) known++;
    if (q2 !== false) possible++;
    if (p.still_valid === false && (isDrug(p) || p.kind === "violent"))
      trace.add("exposure.priors.not_valid", "info", ["21 U.S.C. 851(c)"], { index: i, date: p.date });
  });
  return { known, possible, missing, predicate };
}

// src/rules/exposure/csa-841b.ts
var TIER_ORDER = ["A", "B"];
function thresholdId(tier, key) {
  return dotted(dotted("us_fed.usc21_841b.threshold", tier), key);
}
function statutoryAmounts(drugs, input, trace) {
  const totals = /* @__PURE__ */ new Map();
  const add = (k, v) => totals.set(k, (totals.get(k) ?? 0) + v);
  for (const d of drugs) {
    const names = SUBSTANCE_NAMES[d.substance];
    if (!names.statute) continue;
    add(names.statute, amountOf(d));
    if (names.statuteActual) {
      let purity = d.purity;
      if (purity === void 0 && d.substance === "ice") {
        purity = trace.cite(input.law.atOffense("statute").get("us_fed.ussg.ice_min_purity")).value;
        trace.add("exposure.statutory.ice_purity_assumed", "info", ["USSG 2D1.1(c), note (C)"], { purity });
      }
      if (purity !== void 0) add(names.statuteActual, (d.grams ?? 0) * purity);
    }
  }
  return totals;
}
function tierOf(drugs, input, trace) {
  const statute = input.law.statute("statute");
  const amounts = statutoryAmounts(drugs, input, trace);
  for (const tier of TIER_ORDER) {
    for (const [key, amount] of amounts) {
      const id = thresholdId(tier, key);
      if (!statute.exists(id)) continue;
      const t = statute.get(id);
      if (t.reachedBy) trace.cite(t);
      if (t.value === "none" || t.value === null) continue;
      if (amount >= t.value) {
        trace.cite(t);
        trace.add("exposure.statutory.threshold_reached", "info", [t.law], {
          tier,
          substance: key,
          amount,
          threshold: t.value,
          unit: key === "marihuana_plants" ? "plants" : "g"
        });
        return tier;
      }
    }
  }
  const ceiling = trace.cite(
    statute.get(
      "us_fed.usc21_841b.tier_D.ceiling"
    )
  ).value;
  const allMarihuana = drugs.every((d) => SUBSTANCE_NAMES[d.substance].marihuanaType);
  const sum = (t) => drugs.filter((d) => SUBSTANCE_NAMES[d.substance].marihuanaType === t).reduce((s, d) => s + amountOf(d), 0);
  if (allMarihuana && sum("marihuana") < ceiling.marihuana_g && sum("plants") < ceiling.marihuana_plants && sum("hashish") < ceiling.hashish_g)
    return "D";
  return "C";
}
function rowOrder(deathOrSbi, priors) {
  if (deathOrSbi && priors >= 1) return ["one_prior_death_or_sbi", "death_or_sbi", "one_prior", "base"];
  if (deathOrSbi) return ["death_or_sbi", "base"];
  if (priors >= 2) return ["two_or_more_priors", "one_prior", "base"];
  if (priors === 1) return ["one_prior", "base"];
  return ["base"];
}
function penaltyRow(tier, rows, input, trace) {
  const statute = input.law.statute("statute");
  for (const row2 of rows) {
    let r = statute.get(dotted(dotted("us_fed.usc21_841b.penalty", tier), row2));
    if (r.value !== null && typeof r.value === "object" && "same_as" in r.value) {
      r = statute.get(dotted(dotted("us_fed.usc21_841b.penalty", tier), r.value.same_as));
    }
    if (r.value === "none") continue;
    trace.cite(r);
    if (r.value === null) return null;
    if (typeof r.value === "object" && "min_months" in r.value) {
      if (r.value.min_months === null || r.value.max_months === null) return null;
      return { row: row2, min: r.value.min_months, max: r.value.max_months, law: r.law };
    }
  }
  return null;
}
function statutory841(input, charge) {
  const trace = new Trace();
  const tier = tierOf(charge.drugs, input, trace);
  const conduct = input.case.conduct;
  const deathOrSbi = conduct.death_resulted === true || conduct.serious_bodily_injury_resulted === true;
  const statute = input.law.statute("statute");
  const predicate = trace.cite(statute.get(dotted("us_fed.usc21_841b.prior_predicate", tier))).value;
  const count2 = countQualifyingPriors(input, predicate, trace);
  const priors = priorsCharged(input, count2, trace);
  const row2 = penaltyRow(tier, rowOrder(deathOrSbi, priors), input, trace);
  const best = count2.known < priors ? penaltyRow(tier, rowOrder(deathOrSbi, count2.known), input, new Trace()) : null;
  const offense = `21 U.S.C. 841(b)(1)(${tier})`;
  const citations = [...trace.citations];
  if (charge.offense === "usc21_846")
    citations.unshift(trace.cite(statute.get("us_fed.usc21_846.same_penalty_as_object")).law);
  if (priors > 0) citations.push("21 U.S.C. 851");
  if (!row2) {
    const base = penaltyRow(tier, ["base"], input, trace);
    trace.add("exposure.statutory.undetermined", "critical", [offense], {
      tier,
      row: rowOrder(deathOrSbi, priors)[0]
    });
    return {
      offense,
      tier,
      row: "base (lower bound)",
      min: base?.min ?? 0,
      max: base?.max ?? "life",
      priorsUsed: priors,
      deathOrSbi,
      citations: [...new Set(citations)],
      trace
    };
  }
  const result2 = {
    offense,
    tier,
    row: row2.row,
    min: row2.min,
    max: row2.max,
    priorsUsed: priors,
    deathOrSbi,
    citations: [...new Set(citations)],
    trace
  };
  if (best && !termGte(best.min, row2.min)) result2.bestCaseMin = best.min;
  trace.add("exposure.statutory.range", "info", [row2.law], {
    offense,
    row: row2.row,
    min: row2.min,
    max: row2.max
  });
  return result2;
}

// src/rules/exposure/csa-844.ts
function countDrugPriors(input) {
  return (input.case.history?.priors ?? []).filter(
    (p) => p.still_valid !== false && (p.kind === "drug_possession" || p.kind === "drug_distribution") && p.date < input.dates.offense
  ).length;
}
function statutory844(input, charge) {
  const trace = new Trace();
  const statute = input.law.statute("statute");
  trace.cite(statute.get("us_fed.usc21_844.in_force"));
  const drugPriors = countDrugPriors(input);
  const priors = priorsCharged(
    input,
    { known: drugPriors, possible: drugPriors, missing: [], predicate: "prior_drug_conviction" },
    trace
  );
  const row2 = priors >= 2 ? "two_or_more_priors" : priors === 1 ? "one_prior" : "no_prior";
  const general = trace.cite(statute.get(dotted("us_fed.usc21_844.penalty", row2)));
  const crack = trace.cite(statute.get("us_fed.usc21_844.crack_minimum"));
  const crackGrams = charge.drugs.filter((d) => d.substance === "cocaine_base").reduce((s, d) => s + (d.grams ?? 0), 0);
  const citations = [...trace.citations];
  if (crack.value.in_force && crackGrams > 0 && crack.value.more_than_g !== void 0) {
    if (priors > 0)
      trace.add("exposure.statutory.crack_repeat_threshold_unverified", "warning", [crack.law], {
        grams: crackGrams
      });
    if (crackGrams > crack.value.more_than_g) {
      trace.add("exposure.statutory.crack_possession_minimum", "critical", [crack.law], {
        grams: crackGrams,
        threshold: crack.value.more_than_g
      });
      return {
        offense: "21 U.S.C. 844(a)",
        tier: null,
        row: "crack_possession",
        min: crack.value.min_months ?? 0,
        max: crack.value.max_months ?? general.value.max_months,
        priorsUsed: priors,
        deathOrSbi: false,
        citations: [crack.law],
        trace
      };
    }
  }
  trace.add("exposure.statutory.range", "info", [general.law], {
    offense: "21 U.S.C. 844(a)",
    row: row2,
    min: 0,
    max: general.value.max_months
  });
  return {
    offense: "21 U.S.C. 844(a)",
    tier: null,
    row: row2,
    min: 0,
    minDays: general.value.min_days,
    max: general.value.max_months,
    priorsUsed: priors,
    deathOrSbi: false,
    citations,
    trace
  };
}

// src/rules/exposure/statutory.ts
function statutoryRange(input, charge) {
  return charge.offense === "usc21_844" ? statutory844(input, charge) : statutory841(input, charge);
}

// src/rules/exposure/ussg-1b1-11.ts
var CYCLE = "us_fed.ussg.amendment_cycle";
var GUIDELINES = "us_fed.ussg";
function manualEdition(law2, date) {
  const first = law2.earliest(CYCLE);
  if (!first || date < first) return null;
  const cycle = law2.at(date, "guidelines").get(CYCLE).value;
  const md = `${String(cycle.month).padStart(2, "0")}-${String(cycle.day).padStart(2, "0")}`;
  const year = Number(date.slice(0, 4));
  const edition = date.slice(5) >= md ? `${year}-${md}` : `${year - 1}-${md}`;
  return maxDate(edition, first);
}
function sentencingManual(input) {
  return manualEdition(
    input.law,
    input.dates.notYetSentenced ? input.dates.evaluation : input.dates.sentencing
  );
}
function chooseManual(input, run, trace) {
  const atSentencing = sentencingManual(input);
  if (input.dates.notYetSentenced && atSentencing)
    trace.add("guidelines.manual.not_yet_sentenced", "info", ["USSG 1B1.11(a)"], {
      manual: atSentencing,
      evaluation: input.dates.evaluation
    });
  const atOffense = manualEdition(input.law, input.dates.offense);
  if (!atOffense || !atSentencing) {
    trace.add(
      "guidelines.not_applicable_before_guidelines",
      "info",
      ["Sentencing Reform Act of 1984; USSG 1B1.11"],
      { offense: input.dates.offense }
    );
    return { manual: null, result: null };
  }
  const sentencing = run(atSentencing);
  if (atOffense === atSentencing || input.law.sameFamily(GUIDELINES, atOffense, atSentencing)) {
    if (atOffense !== atSentencing)
      trace.add("guidelines.manual.sentencing_date_edition", "info", ["USSG 1B1.11(a)"], {
        manual: atSentencing
      });
    return { manual: atSentencing, result: sentencing };
  }
  let offense;
  try {
    offense = run(atOffense);
  } catch (e) {
    if (!(e instanceof LawGapError)) throw e;
    trace.add("guidelines.manual.offense_edition_unavailable", "warning", ["USSG 1B1.11(b)(1)"], {
      offense: atOffense,
      parameter: e.parameter
    });
    return { manual: atSentencing, result: sentencing };
  }
  const s = sentencing.guidelines?.range_months;
  const o = offense.guidelines?.range_months;
  if (s && o && rangeAbove(s, o)) {
    trace.add(
      "guidelines.manual.offense_date_edition",
      "info",
      ["USSG 1B1.11(b)(1)", "Peugh v. United States, 569 U.S. 530 (2013)"],
      { sentencing: atSentencing, offense: atOffense }
    );
    return { manual: atOffense, result: offense };
  }
  trace.add("guidelines.manual.sentencing_date_edition", "info", ["USSG 1B1.11(a)"], {
    manual: atSentencing
  });
  return { manual: atSentencing, result: sentencing };
}

// src/rules/exposure/index.ts
function givenHistory(input) {
  const points = input.case.history?.criminal_history_points ?? 0;
  return { points, category: "I", perPrior: [], overridden: true, onePointCap: null, citations: [] };
}
function pointsForSafetyValve(input, trace) {
  const manual = sentencingManual(input);
  if (!manual) return null;
  try {
    const own = new Trace();
    const history = criminalHistory(input.case, input.dates.offense, input.law.at(manual, "guidelines"), own);
    return { manual, history, findings: own.findings };
  } catch (e) {
    if (!(e instanceof LawGapError)) throw e;
    trace.add("law.gap", "critical", ["USSG 4A1.1"], { parameter: e.parameter, date: e.date });
    return null;
  }
}
function federalExposure(input, role, policy) {
  const trace = new Trace();
  const charge = chargeOf(input, policy);
  const statutory = statutoryRange(input, charge);
  const firearms = firearms924c(input);
  const known = pointsForSafetyValve(input, trace);
  const sv = safetyValve(input, charge, known?.history ?? givenHistory(input), statutory.min);
  let guidelines2 = null;
  let manual = null;
  try {
    const chosen = chooseManual(
      input,
      (m) => guidelinesUnder(m, { input, charge, statutory, firearms, safetyValve: sv, role, known }),
      trace
    );
    guidelines2 = chosen.result;
    manual = chosen.manual;
  } catch (e) {
    if (!(e instanceof LawGapError)) throw e;
    trace.add("law.gap", "critical", ["USSG 1B1.11"], { parameter: e.parameter, date: e.date });
  }
  const assistance = input.case.cooperation?.substantial_assistance === true;
  let drugMinimum = statutory.min;
  if (sv.eligible === true) drugMinimum = 0;
  let total2 = addTerms(drugMinimum, firearms.total);
  if (assistance && termGte(total2, 1)) {
    const e = trace.cite(
      input.law.statute("statute").get("us_fed.usc18_3553e.below_minimum_on_motion")
    );
    if (e.value) {
      trace.add("exposure.substantial_assistance", "info", [e.law], { minimum: total2 });
      total2 = 0;
    }
  }
  if (termGte(total2, 1))
    trace.add("exposure.mandatory_minimum.triggered", "critical", statutory.citations, { months: total2 });
  const bestDrug = sv.eligible !== false ? 0 : statutory.bestCaseMin ?? drugMinimum;
  const best = addTerms(bestDrug, firearms.total);
  if (!assistance && total2 !== best && termGte(total2, best))
    trace.add("exposure.mandatory_minimum.best_case", "warning", [...statutory.citations, ...sv.citations], {
      months: best,
      worst_months: total2,
      if: sv.eligible === null ? "safety_valve" : "priors"
    });
  const exposure = {
    statutory: {
      minimum_months: statutory.min,
      maximum_months: statutory.max,
      citations: statutory.citations,
      offense: statutory.offense,
      row: statutory.row,
      ...statutory.tier ? { tier: statutory.tier } : {},
      ...statutory.minDays ? { minimum_days: statutory.minDays } : {}
    },
    firearms: {
      consecutive_minimum_months: firearms.total,
      citations: firearms.citations,
      counts_months: firearms.counts
    },
    safety_valve: {
      eligible: sv.eligible,
      reasons: [...sv.failed, ...sv.missing.map((m) => `needs ${m}`)],
      citations: sv.citations
    },
    mandatory_minimum_months: total2,
    guidelines: guidelines2?.guidelines ?? null
  };
  const findings = [
    ...charge.trace.findings,
    ...statutory.trace.findings,
    ...firearms.trace.findings,
    ...sv.trace.findings,
    ...guidelines2?.trace.findings ?? [],
    ...trace.findings
  ];
  return { exposure, charge, manual, findings };
}

// src/rules/format.ts
var intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });
function formatNumber(n3) {
  if (!Number.isFinite(n3) || Math.abs(n3) >= 1e21) return intl.format(n3);
  const sign = n3 < 0 || Object.is(n3, -0) ? "-" : "";
  const { whole, fraction } = roundTo3(Math.abs(n3));
  const grouped2 = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${sign}${grouped2}.${fraction}` : `${sign}${grouped2}`;
}
function roundTo3(abs) {
  const text = String(abs);
  if (text.includes("e")) return { whole: "0", fraction: "" };
  const [w = "0", f = ""] = text.split(".");
  if (f.length <= 3) return { whole: w, fraction: f };
  const digits = BigInt(w + f.slice(0, 3)) + (f.charCodeAt(3) >= 53 ? 1n : 0n);
  const all = digits.toString().padStart(4, "0");
  return { whole: all.slice(0, -3), fraction: all.slice(-3).replace(/0+$/, "") };
}
function formatGrams(grams) {
  return grams >= 1e3 ? `${formatNumber(grams / 1e3)} kg` : `${formatNumber(grams)} g`;
}

// src/rules/indicia/review.ts
var P = "policy.dpa_2019.indicia";
var U = "policy.dpa_2019.personal_use";
var RANK = { weak: 0, moderate: 1, strong: 2 };
var atLeast = (a, b) => RANK[a] >= RANK[b] ? a : b;
function amountOf2(d) {
  const a = {};
  if (d.grams !== void 0) a.grams = d.grams;
  const units = d.dosage_units ?? d.count;
  if (units !== void 0) a.units = units;
  return a;
}
function formatAmount(a) {
  const parts2 = [];
  if (a.grams !== void 0) parts2.push(formatGrams(a.grams));
  if (a.units !== void 0) parts2.push(`${formatNumber(a.units)} units`);
  return parts2.join(" or ") || "an unstated amount";
}
function compare(a, t) {
  if (a.grams !== void 0 && t.grams !== void 0 && t.grams > 0) return { ratio: a.grams / t.grams };
  if (a.units !== void 0 && t.units !== void 0 && t.units > 0) return { ratio: a.units / t.units };
  return null;
}
function presumptionBase(c) {
  return dotted(jurisdictionKey(c.jurisdiction), "presumption_of_sale");
}
function personalUse(input, read, statute, findings) {
  const c = input.case;
  const items = [];
  const base = presumptionBase(c);
  const jurisdictionCovered = statute.covers(dotted(base, ""));
  if (!jurisdictionCovered)
    findings.push(
      finding("indicia.presumption_of_sale.not_in_knowledge_base", "info", [], {
        jurisdiction: c.jurisdiction
      })
    );
  for (const d of ownDrugs(c)) {
    const basis = d.basis;
    const amount = amountOf2(d);
    const citations = [];
    const days = read.get(dotted(U, "supply_days"));
    const daily = read.maybe(dotted(dotted(U, "daily_grams"), d.substance));
    const line = read.maybe(dotted(dotted(U, "legal_line"), d.substance));
    let pu = null;
    const dailyGrams = daily?.value ?? null;
    if (dailyGrams !== null && days.value !== null) {
      pu = { grams: dailyGrams * days.value };
      citations.push(daily?.law ?? "", days.law);
    }
    if (line?.value) {
      citations.push(line.law);
      const g = line.value.grams;
      const merged = { ...pu ?? {} };
      if (g !== void 0 && (merged.grams === void 0 || g > merged.grams)) merged.grams = g;
      if (line.value.units !== void 0) merged.units = line.value.units;
      pu = merged;
    }
    const cmp = pu ? compare(amount, pu) : null;
    const within2 = cmp ? cmp.ratio <= 1 : null;
    let presumption = null;
    const tid = dotted(base, d.substance);
    const threshold = statute.maybe(tid);
    if (threshold?.value) {
      const t = compare(amount, threshold.value);
      presumption = { threshold: threshold.value, reached: t ? t.ratio >= 1 : null, law: threshold.law };
      const values2 = {
        jurisdiction: c.jurisdiction,
        substance: d.substance,
        amount: formatAmount(amount),
        threshold: formatAmount(threshold.value),
        within_personal_use: within2
      };
      if (presumption.reached === true)
        findings.push(finding("indicia.presumption_of_sale.reached", "warning", [threshold.law], values2));
      else if (presumption.reached === false)
        findings.push(finding("indicia.presumption_of_sale.not_reached", "info", [threshold.law], values2));
      else
        findings.push(finding("indicia.presumption_of_sale.not_comparable", "info", [threshold.law], values2));
    } else if (statute.exists(tid) && !threshold) {
      findings.push(
        finding("indicia.presumption_of_sale.not_known_for_date", "info", [], {
          jurisdiction: c.jurisdiction,
          substance: d.substance,
          date: statute.date
        })
      );
    }
    const item = {
      substance: d.substance,
      basis,
      amount,
      daily_grams: dailyGrams,
      supply_days: dailyGrams !== null ? days.value : null,
      legal_line: line?.value ?? null,
      personal_use_amount: pu,
      within: within2,
      multiple: cmp ? cmp.ratio : null,
      presumption_of_sale: presumption,
      citations: [...new Set(citations.filter(Boolean))]
    };
    items.push(item);
    const values = {
      substance: d.substance,
      amount: formatAmount(amount),
      personal_use_amount: pu ? formatAmount(pu) : null,
      daily_grams: dailyGrams,
      supply_days: item.supply_days,
      multiple: cmp ? Number(cmp.ratio.toFixed(2)) : null
    };
    if (within2 === true)
      findings.push(finding("indicia.personal_use.within", "info", item.citations, values));
    else if (within2 === false)
      findings.push(finding("indicia.personal_use.above", "warning", item.citations, values));
    else findings.push(finding("indicia.personal_use.unknown", "warning", item.citations, values));
  }
  for (const d of attributedDrugs(c)) {
    findings.push(
      finding("indicia.ignored.attributed_quantity", "info", [], {
        substance: d.substance,
        amount: formatAmount(amountOf2(d))
      })
    );
  }
  const flags = items.map((i) => i.within);
  const within_personal_use = items.length === 0 ? null : flags.includes(false) ? false : flags.every((f) => f === true) ? true : null;
  return { within_personal_use, items };
}
function quantityVerdict(pu, base, read) {
  const q2 = read.get(dotted(P, "quantity_strength"));
  const effect = read.get(dotted(P, "presumption_of_sale_effect"));
  const reasons = [base.value.reasoning];
  const citations = [base.law, q2.law];
  let strength;
  if (pu.items.length === 0) {
    strength = base.value.default_strength;
    reasons.push(
      "The person held no drugs themselves; the quantity relied on is a network quantity attributed to them."
    );
  } else if (pu.within_personal_use === true) {
    strength = q2.value.within_personal_use;
    for (const i of pu.items)
      reasons.push(
        `${formatAmount(i.amount)} of ${i.substance} is within a realistic personal-use amount (${i.personal_use_amount ? formatAmount(i.personal_use_amount) : "unknown"}).`
      );
  } else if (pu.within_personal_use === false) {
    const worst = Math.max(...pu.items.map((i) => i.multiple ?? 0));
    strength = worst >= q2.value.strong_at_multiple_of_personal_use ? "strong" : q2.value.above_personal_use;
    for (const i of pu.items.filter((x) => x.within === false))
      reasons.push(
        `${formatAmount(i.amount)} of ${i.substance} is ${formatNumber(Number((i.multiple ?? 0).toFixed(1)))} times a realistic personal-use amount (${i.personal_use_amount ? formatAmount(i.personal_use_amount) : "unknown"}).`
      );
  } else {
    strength = q2.value.unknown_personal_use;
    reasons.push(
      "No cited personal-use amount exists for this substance and measure, so the quantity cannot be weighed against personal use."
    );
  }
  for (const i of pu.items) {
    if (!i.presumption_of_sale?.reached) continue;
    citations.push(i.presumption_of_sale.law, effect.law);
    reasons.push(
      `${formatAmount(i.amount)} of ${i.substance} reaches the jurisdiction's presumption-of-sale threshold of ${formatAmount(i.presumption_of_sale.threshold)} (${i.presumption_of_sale.law})${effect.value.raises_strength ? "" : "; under the policy that alone does not make the quantity stronger evidence"}.`
    );
    if (effect.value.raises_strength) strength = atLeast(strength, "moderate");
  }
  for (const i of pu.items) citations.push(...i.citations);
  return { strength, reasons, citations };
}
function conductShowingSale(c, read) {
  const r = read.get(
    dotted(P, "conduct_showing_sale")
  );
  const activities = c.conduct.activities.filter((a) => r.value.activities.includes(a));
  if ((c.conduct.people_supervised ?? 0) >= r.value.people_supervised_at_least && !activities.includes("supervised"))
    activities.push("supervised");
  return { activities, law: r.law };
}
function reviewIndicia(input) {
  const c = input.case;
  const read = input.law.today("indicia");
  const statute = input.law.atOffense("indicia");
  const findings = [];
  const pu = personalUse(input, read, statute, findings);
  const verdicts = [];
  const listed = [...new Set(c.evidence?.indicia ?? [])];
  for (const indicium of listed) {
    const base = read.get(dotted(P, indicium));
    let strength = base.value.default_strength;
    let reasons = [base.value.reasoning];
    let citations = [base.law];
    const values = { indicium };
    if (indicium === "quantity") {
      const q2 = quantityVerdict(pu, base, read);
      ({ strength, reasons, citations } = q2);
      values.within_personal_use = pu.within_personal_use;
    } else if (indicium === "cash") {
      const line = read.get(dotted(P, "cash_large_usd"));
      citations.push(line.law);
      const cash = c.evidence?.cash_usd;
      values.cash_usd = cash ?? null;
      values.large_cash_usd = line.value;
      if (cash === void 0) reasons.push("The amount of cash is not stated.");
      else if (line.value !== null && cash >= line.value) {
        strength = atLeast(strength, "moderate");
        reasons.push(
          `${formatNumber(cash)} USD reaches the large-cash line of ${formatNumber(line.value)} USD.`
        );
      } else reasons.push(`${formatNumber(cash)} USD is a modest sum, below the large-cash line.`);
    }
    values.strength = strength;
    const cited = [...new Set(citations)];
    verdicts.push({ indicium, strength, reasons, citations: cited });
    findings.push(
      finding(
        dotted(dotted("indicia", strength), indicium),
        strength === "weak" ? "info" : "warning",
        cited,
        values
      )
    );
  }
  const rule = read.get(dotted(P, "clear_evidence"));
  const strong = verdicts.filter((v) => v.strength === "strong").length;
  const moderate = verdicts.filter((v) => v.strength === "moderate").length;
  const fromIndicia = strong >= rule.value.strong_at_least || moderate >= rule.value.moderate_at_least;
  const conduct = conductShowingSale(c, read);
  const clear = fromIndicia || conduct.activities.length > 0;
  const counts = {
    strong,
    moderate,
    weak: verdicts.length - strong - moderate,
    within_personal_use: pu.within_personal_use,
    from_conduct: conduct.activities.join(", ")
  };
  if (conduct.activities.length)
    findings.push(
      finding("indicia.conduct_shows_sale", "warning", [conduct.law], {
        activities: conduct.activities.join(", ")
      })
    );
  if (verdicts.length === 0 && !clear)
    findings.push(finding("indicia.none_relied_on", "info", [rule.law], counts));
  findings.push(
    clear ? finding("indicia.conclusion.clear_evidence_of_sale", "warning", [rule.law], counts) : finding("indicia.conclusion.treat_as_possession", "info", [rule.law], counts)
  );
  return { verdicts, clear_evidence_of_sale: clear, personal_use: pu, findings };
}

// src/rules/role/classify.ts
var P2 = "policy.dpa_2019.role";
var FUNCTION_ID = Object.fromEntries(OFFENDER_FUNCTIONS.map((f) => [f, `${P2}.function.${f}`]));
var UNIT_SUBSTANCES = `${P2}.line.substances_counted_in_units`;
function largestOwn(c, bases, unitSubstances) {
  let best;
  for (const d of ownDrugs(c)) {
    if (!bases.includes(d.basis) || unitSubstances.includes(d.substance) || d.grams === void 0) continue;
    if (!best || d.grams > (best.grams ?? 0)) best = d;
  }
  return best;
}
function test(cr, c, read, units) {
  const facts = [];
  if (cr.activities_any) {
    const hit = cr.activities_any.filter((a) => c.conduct.activities.includes(a));
    if (hit.length === 0) return void 0;
    facts.push(`activity: ${hit.join(", ")}`);
  }
  for (const key of ["transaction_grams_at_least", "possessed_grams_at_least"]) {
    const id = cr[key];
    if (!id) continue;
    const line = read.get(id);
    const bases = key === "transaction_grams_at_least" ? ["transacted"] : ["possessed", "transacted"];
    const big = largestOwn(c, bases, units);
    if (line.value === null || !big?.grams || big.grams < line.value) return void 0;
    const what = key === "transaction_grams_at_least" ? "own quantity per transaction" : "own quantity held";
    facts.push(
      `${what}: ${formatGrams(big.grams)} of ${big.substance}, at or above ${formatGrams(line.value)} (${line.law})`
    );
  }
  if (cr.people_supervised_at_least !== void 0) {
    const n3 = c.conduct.people_supervised ?? 0;
    if (n3 < cr.people_supervised_at_least) return void 0;
    facts.push(`people supervised: ${n3}`);
  }
  if (cr.profit_share !== void 0) {
    if ((c.conduct.profit_share ?? false) !== cr.profit_share) return void 0;
    facts.push(cr.profit_share ? "shares in the profits" : "no share in the profits");
  }
  const comp = c.conduct.compensation;
  if (cr.compensation_in) {
    if (comp === void 0 || !cr.compensation_in.includes(comp)) return void 0;
    facts.push(`compensation: ${comp}`);
  }
  if (cr.compensation_not_in) {
    if (comp !== void 0 && cr.compensation_not_in.includes(comp)) return void 0;
    facts.push(`compensation: ${comp ?? "not stated"}`);
  }
  return facts;
}
function checkPrecedence(precedence, id) {
  const missing = OFFENDER_FUNCTIONS.filter((f) => !precedence.includes(f));
  const unknown = precedence.filter((f) => !OFFENDER_FUNCTIONS.includes(f));
  const twice = precedence.filter((f, i) => precedence.indexOf(f) !== i);
  if (missing.length || unknown.length || twice.length)
    throw new LawDataError(
      `precedence must list every function exactly once (missing: ${missing.join(", ") || "none"}; unknown: ${unknown.join(", ") || "none"}; repeated: ${twice.join(", ") || "none"})`,
      id
    );
}
function rolePolicy(read) {
  return read.compiled("role.policy", (get) => {
    const precedence = get(dotted(P2, "precedence"));
    checkPrecedence(precedence.value, precedence.id);
    const functions = OFFENDER_FUNCTIONS.map((fn) => {
      const r = get(FUNCTION_ID[fn]);
      return { fn, r, title: read.title(r.id) ?? fn };
    });
    return { precedence, functions, units: get(UNIT_SUBSTANCES).value };
  });
}
function classifyRole(input) {
  const c = input.case;
  const read = input.law.today("role");
  const findings = [];
  const { precedence, functions, units } = rolePolicy(read);
  const matched = /* @__PURE__ */ new Map();
  const usedQuantity = /* @__PURE__ */ new Set();
  for (const { fn, r, title } of functions) {
    for (const cr of r.value.any_of) {
      const facts = test(cr, c, read, units);
      if (!facts) continue;
      matched.set(fn, { facts, def: r.value, law: r.law, title });
      if (cr.transaction_grams_at_least || cr.possessed_grams_at_least) usedQuantity.add(fn);
      break;
    }
  }
  const reasons = [];
  const decided_by = [];
  const ignored = [];
  const citations = [];
  let chosen = precedence.value.find((f) => matched.has(f));
  if (chosen) {
    const m = matched.get(chosen);
    if (m) {
      reasons.push(`${m.title}: ${m.def.definition} (${m.law}).`);
      decided_by.push(...m.facts);
      citations.push(m.law);
    }
    const others = precedence.value.filter((f) => f !== chosen && matched.has(f));
    if (others.length) {
      reasons.push(
        `The facts also fit ${others.join(", ")}; the most culpable function is assigned, in the order the policy declares (${precedence.law}).`
      );
      citations.push(precedence.law);
      findings.push(
        finding("role.outranked", "info", [precedence.law], { function: chosen, others: others.join(", ") })
      );
    }
  } else {
    const def = read.get(dotted(P2, "default_function"));
    chosen = def.value;
    const r = read.get(FUNCTION_ID[chosen]);
    const title = read.title(r.id) ?? chosen;
    reasons.push(
      `No activity is evidence of a supply function, so the person is treated as ${title}: ${r.value.definition} (${def.law}).`
    );
    decided_by.push(`activities: ${c.conduct.activities.join(", ")}`);
    citations.push(def.law, r.law);
    findings.push(
      finding("role.default_function", "info", [def.law], {
        function: chosen,
        activities: c.conduct.activities.join(", ")
      })
    );
  }
  const peripheral = read.get(dotted(P2, "no_function_activities"));
  const inert = c.conduct.activities.filter((a) => peripheral.value.includes(a) && a !== "possessed");
  if (inert.length) ignored.push(`${inert.join(", ")}: evidence of no supply function (${peripheral.law})`);
  for (const d of attributedDrugs(c)) {
    const amount = d.grams !== void 0 ? formatGrams(d.grams) : `${d.count ?? 0} plants`;
    ignored.push(
      `the attributed network quantity of ${amount} of ${d.substance} was not used: a role follows what the person did, not what the network handled`
    );
    findings.push(
      finding("role.ignored.attributed_quantity", "info", [precedence.law], {
        substance: d.substance,
        grams: d.grams ?? null,
        amount
      })
    );
  }
  const big = largestOwn(c, ["possessed", "transacted"], units);
  if (big?.grams !== void 0 && !usedQuantity.has(chosen)) {
    const line = read.get(dotted(dotted(P2, "line"), "wholesale_transaction_grams"));
    if (line.value !== null && big.grams >= line.value) {
      const amount = formatGrams(big.grams);
      ignored.push(
        `the ${amount} of ${big.substance} the person handled did not raise the function: weight does not show a role without selling or ownership`
      );
      findings.push(
        finding("role.ignored.own_quantity", "info", [line.law], {
          function: chosen,
          substance: big.substance,
          grams: big.grams,
          amount
        })
      );
    }
  }
  findings.unshift(
    finding(dotted("role.function", chosen), "info", citations, {
      function: chosen,
      decided_by: decided_by.join("; ")
    })
  );
  return {
    role: { function: chosen, reasons, citations: [...new Set(citations)], decided_by, ignored },
    findings
  };
}

// src/rules/role/mismatch.ts
function roleExposureMismatch(input) {
  const role = input.role;
  const exposure = input.exposure;
  if (!role || !exposure) return [];
  const minimum = exposure.mandatory_minimum_months;
  if (minimum === null || minimum === void 0) return [];
  const read = input.law.today("role");
  const table = read.get(
    "policy.dpa_2019.role.mismatch.mandatory_minimum_months"
  );
  const threshold = table.value?.[role.function];
  if (threshold === void 0 || !termGte(minimum, threshold)) return [];
  return [
    finding("role.mismatch.mandatory_minimum", "warning", [...exposure.statutory.citations, table.law], {
      function: role.function,
      minimum_months: minimum,
      threshold_months: threshold
    })
  ];
}

// src/rules/screen/charging-policy.ts
var SCREEN_GOVERNS = "policy.dpa_2019.screen.governs_charging";
function chargingDecision(input, recommendation) {
  const governs = input.law.today("screen").maybe(SCREEN_GOVERNS);
  if (!governs?.value) return { kind: "current_practice" };
  const citation = governs.law;
  switch (recommendation) {
    case "decline":
    case "divert":
      return { kind: "not_charged", recommendation, citation };
    case "treat_as_possession":
      return { kind: "policy", policy: "possession", citation };
    case "prosecute_own_conduct":
      return { kind: "policy", policy: "own_conduct", citation };
    case "prosecute":
      return { kind: "current_practice" };
  }
}

// src/rules/screen/screen.ts
var P3 = "policy.dpa_2019.screen";
var RECOMMENDATIONS = [
  "decline",
  "divert",
  "treat_as_possession",
  "prosecute_own_conduct",
  "prosecute"
];
var inList = (list2, v) => list2 === void 0 || v !== void 0 && list2.includes(v);
var notInList = (list2, v) => list2 === void 0 || v === void 0 || !list2.includes(v);
var fire = (r, values) => r.effect ? { effect: r.effect, values } : void 0;
var RULES = [
  ["decline.shared_free", (r, f) => inList(r.functions, f.fn) ? fire(r, { function: f.fn }) : void 0],
  [
    "decline.subsistence_selling",
    (r, f) => {
      const comp = f.c.conduct.compensation;
      return comp !== void 0 && inList(r.functions, f.fn) && inList(r.compensation_in, comp) ? fire(r, { function: f.fn, compensation: comp }) : void 0;
    }
  ],
  [
    "decline.own_use_struggle",
    (r, f) => {
      if (r.requires_substance_use_disorder && f.c.person?.substance_use_disorder !== true) return void 0;
      if (!inList(r.functions, f.fn) || !notInList(r.compensation_not_in, f.c.conduct.compensation))
        return void 0;
      return fire(r, { function: f.fn });
    }
  ],
  ["decline.drug_induced_homicide", (r, f) => f.c.conduct.death_resulted === true ? fire(r) : void 0],
  [
    "decline.conspiracy_low_level",
    (r, f) => {
      if (!f.hasAttributed || !inList(r.functions, f.fn)) return void 0;
      const effect = f.hasOwn ? r.effect_with_own_quantity : r.effect_without_own_quantity;
      return effect ? { effect, values: { function: f.fn, own_quantity: f.hasOwn } } : void 0;
    }
  ],
  [
    "decline.family_peripheral",
    (r, f) => {
      const acts = f.c.conduct.activities;
      return r.peripheral_activities && acts.every((a) => r.peripheral_activities?.includes(a)) ? fire(r, { activities: acts.join(", ") }) : void 0;
    }
  ],
  [
    "divert.lead",
    (r, f, extra, cite) => {
      const c = f.c;
      const own = ownDrugs(c);
      if (own.some((d) => d.grams === void 0)) {
        extra.push(
          finding("screen.divert.lead_undetermined", "info", [cite], { missing: "conduct.drugs.grams" })
        );
        return void 0;
      }
      const grams = own.reduce((s, d) => s + (d.grams ?? 0), 0);
      if (r.max_own_grams !== void 0 && grams > r.max_own_grams) return void 0;
      const comp = c.conduct.compensation;
      if (comp !== void 0 && !inList(r.compensation_in, comp)) return void 0;
      if (r.excluded_violence?.includes(c.conduct.violence ?? "none")) return void 0;
      if (r.excluded_weapons?.includes(c.conduct.weapon ?? "none")) return void 0;
      if (r.excludes_minors && c.conduct.involved_minors === true) return void 0;
      const since = r.prior_lookback_years !== void 0 ? addYears(c.offense_date, -r.prior_lookback_years) : void 0;
      const disqualifying = (c.history?.priors ?? []).filter(
        (p) => p.still_valid !== false && r.excluded_prior_kinds?.includes(p.kind) && (since === void 0 || p.date >= since)
      );
      if (disqualifying.length) return void 0;
      if (r.requires_drug_involvement) {
        const person = c.person;
        const involved = person?.uses_drugs === true || person?.substance_use_disorder === true || comp === "subsistence" || comp === "drugs_only";
        if (!involved) {
          if (person?.uses_drugs === void 0 && person?.substance_use_disorder === void 0)
            extra.push(
              finding("screen.divert.lead_undetermined", "info", [cite], { missing: "person.uses_drugs" })
            );
          return void 0;
        }
      }
      return fire(r, { own_grams: grams, max_own_grams: r.max_own_grams ?? null });
    }
  ],
  [
    "default.possession",
    (r, f, extra, cite) => {
      if (f.review.clear_evidence_of_sale && f.extensiveGain === true) return void 0;
      if (f.review.clear_evidence_of_sale && f.extensiveGain === null)
        extra.push(
          finding("screen.undetermined.compensation", "info", [cite], { missing: "conduct.compensation" })
        );
      const situation = !f.review.clear_evidence_of_sale ? "no_clear_evidence" : f.extensiveGain === null ? "selling_gain_unknown" : "selling_without_gain";
      return fire(r, {
        clear_evidence_of_sale: f.review.clear_evidence_of_sale,
        extensive_gain: f.extensiveGain,
        situation
      });
    }
  ],
  [
    "prosecute.clear_evidence",
    (r, f) => f.review.clear_evidence_of_sale && f.extensiveGain === true ? fire(r, { compensation: f.c.conduct.compensation ?? null }) : void 0
  ],
  ["own_conduct.only", (r, f) => f.hasAttributed ? fire(r, { own_quantity: f.hasOwn }) : void 0],
  [
    "no_prior_enhancement",
    (r, f) => {
      const priors = (f.c.history?.priors ?? []).filter((p) => p.still_valid !== false).length;
      return priors > 0 || f.c.charging?.information_851 === true ? fire(r, { priors }) : void 0;
    }
  ],
  [
    "immigration.consider",
    (r, f) => {
      const citizenship = f.c.person?.citizenship ?? "unknown";
      return r.citizenships_exempt?.includes(citizenship) ? void 0 : fire(r, { citizenship });
    }
  ]
];
function messageOf(r, out) {
  const situation = out.values?.situation;
  return typeof situation === "string" && r.messages_when?.[situation] || r.message;
}
var RULE_ID = Object.fromEntries(
  RULES.map(([name]) => [name, `${P3}.rule.${name}`])
);
function checkEffect(e, id) {
  if (e !== void 0 && e !== "advisory" && !RECOMMENDATIONS.includes(e))
    throw new LawDataError(`unknown effect "${e}"`, id);
}
function screenPolicy(read) {
  return read.compiled("screen.policy", (get) => {
    const policy = get(dotted(P3, "policy"));
    const precedence = get(dotted(P3, "outcome_precedence"));
    const missing = RECOMMENDATIONS.filter((rec) => !precedence.value.includes(rec));
    if (missing.length)
      throw new LawDataError(
        `outcome precedence must rank every recommendation (missing: ${missing.join(", ")})`,
        precedence.id
      );
    const rules = RULES.map(([name, test2]) => {
      const r = get(RULE_ID[name]);
      checkEffect(r.value.effect, r.id);
      checkEffect(r.value.effect_with_own_quantity, r.id);
      checkEffect(r.value.effect_without_own_quantity, r.id);
      return { name, test: test2, r };
    });
    return { policy, precedence, gain: get(dotted(P3, "extensive_gain_compensation")), rules };
  });
}
function applyScreen(input, review) {
  const c = input.case;
  const read = input.law.today("screen");
  const { policy, precedence, gain, rules: ruleData } = screenPolicy(read);
  const comp = c.conduct.compensation;
  const extensiveGain = c.conduct.profit_share === true ? true : comp === void 0 ? null : gain.value.includes(comp);
  const facts = {
    c,
    fn: (input.role ?? classifyRole(input).role).function,
    review,
    extensiveGain,
    hasOwn: ownDrugs(c).length > 0,
    hasAttributed: attributedDrugs(c).length > 0,
    dates: input.dates
  };
  const rules = [];
  const findings = [];
  const extra = [];
  const effects = /* @__PURE__ */ new Set();
  for (const { name, test: test2, r } of ruleData) {
    if (!r.value.enabled) continue;
    const out = test2(r.value, facts, extra, r.law);
    if (!out) continue;
    const code = dotted("screen", name);
    const citations = [r.law];
    effects.add(out.effect);
    rules.push({ code, message: messageOf(r.value, out), citations });
    findings.push(finding(code, "info", citations, { effect: out.effect, ...out.values ?? {} }));
  }
  let recommendation = precedence.value.find((rec) => effects.has(rec));
  if (!recommendation) {
    const fallback = read.get(dotted(P3, "fallback_outcome"));
    recommendation = fallback.value;
    findings.push(finding("screen.fallback", "warning", [fallback.law], { recommendation }));
  }
  findings.unshift(
    finding(
      dotted("screen.recommendation", recommendation),
      recommendation === "prosecute" ? "warning" : "info",
      [.../* @__PURE__ */ new Set([policy.law, precedence.law])],
      {
        recommendation,
        policy: policy.value.id,
        version: policy.value.version
      }
    )
  );
  findings.push(...extra);
  return { screen: { policy: policy.value.id, recommendation, rules }, findings };
}

// src/rules/state/charge.ts
function stateCharge(input, trace, policy) {
  const c = input.case;
  const p = jurisdictionKey(c.jurisdiction);
  const law2 = input.law.statute("charge");
  const own = c.conduct.drugs.filter((d) => d.basis !== "attributed");
  if (own.length < c.conduct.drugs.length)
    trace.add("charge.state.attributed_quantity_not_charged", "warning", [], {
      jurisdiction: c.jurisdiction
    });
  const drugs = own.length ? own : c.conduct.drugs;
  if (policy === "possession") {
    trace.add("charge.screen.possession", "info", ['DPA, Rethinking the "Drug Dealer" (2019)']);
    return { conduct: "possession", drugs, policy };
  }
  const classes = trace.cite(law2.get(dotted(dotted(p, "charging"), "activity_classes")));
  const acts = c.conduct.activities.filter((a) => classes.value.distribution.includes(a));
  if (acts.length || drugs.some((d) => d.basis === "transacted")) {
    trace.add("charge.state.distribution", "info", [classes.law], { activities: acts });
    return { conduct: "distribution", drugs, ...policy ? { policy } : {} };
  }
  const practice = trace.cite(law2.get(dotted(dotted(p, "charging"), "intent_indicia")));
  const shown = (c.evidence?.indicia ?? []).filter((i) => practice.value.indicia.includes(i));
  if (shown.length) {
    trace.add("charge.state.intent_from_indicia", "warning", [practice.law], { indicia: shown });
    return { conduct: "distribution", drugs, ...policy ? { policy } : {} };
  }
  trace.add("charge.state.possession", "info", [classes.law]);
  return { conduct: "possession", drugs, ...policy ? { policy } : {} };
}

// src/rules/state/sentence.ts
var maxTerm = (a, b) => termGte(a, b) ? a : b;
function lowestTerm(row2) {
  return row2.probation === true ? row2.mandatory_months : maxTerm(row2.min_months, row2.mandatory_months);
}
function countResult(c) {
  return {
    citation: c.citation,
    description: c.description,
    kind: c.kind,
    row: c.row,
    consecutive: c.consecutive,
    range_months: [c.penalty.min_months, c.penalty.max_months],
    minimum_months: lowestTerm(c.penalty),
    mandatory_months: c.penalty.mandatory_months,
    probation_allowed: c.penalty.probation
  };
}
function total(counts, of) {
  let consecutive = 0;
  let concurrent = 0;
  for (const c of counts)
    if (c.consecutive) consecutive = addTerms(consecutive, of(c));
    else concurrent = maxTerm(concurrent, of(c));
  return addTerms(consecutive, concurrent);
}
var wholeMonths = (m) => Math.round(m);
function stateExposureOf(jurisdiction, s, trace) {
  const offense = s.counts[0];
  if (!offense) throw new Error("a state sentence has the offense of conviction as its first count");
  const unverified = s.counts.filter((c) => c.penalty.probation === null);
  for (const c of unverified)
    trace.add("exposure.state.probation_unverified", "warning", [c.citation], {
      row: c.row,
      minimum: lowestTerm(c.penalty)
    });
  const mandatory = total(s.counts, (c) => lowestTerm(c.penalty));
  const best = s.bestCaseMandatory ?? (unverified.length ? total(s.counts, (c) => c.penalty.mandatory_months) : void 0);
  if (best !== void 0 && best !== mandatory)
    trace.add("exposure.mandatory_minimum.best_case", "warning", [...trace.citations], { months: best });
  if (termGte(mandatory, 1))
    trace.add("exposure.mandatory_minimum.triggered", "critical", [offense.citation], { months: mandatory });
  const firearms = s.counts.filter((c) => c.kind === "firearm");
  const firearmTotal = total(firearms, (c) => lowestTerm(c.penalty));
  const max = offense.penalty.max_months;
  if (max === null)
    trace.add("exposure.state.maximum_unverified", "warning", [offense.citation], { row: offense.row });
  trace.add("exposure.statutory.range", "info", [offense.citation], {
    offense: offense.citation,
    row: offense.row,
    min: lowestTerm(offense.penalty),
    max: max ?? "not verified"
  });
  const grid = s.grid;
  const gridMin = grid?.binding ? grid.minimum_months : null;
  const byGrid = gridMin !== null && gridMin !== void 0 && !termGte(mandatory, gridMin);
  const months3 = byGrid ? gridMin : mandatory;
  const allMax = total(s.counts, (c) => c.penalty.max_months ?? "life");
  const gridKnown = grid?.binding === true && grid.minimum_months !== null;
  const fixed = months3 === allMax && s.counts.every((c) => c.penalty.max_months !== null);
  const lowerBound = !gridKnown && !fixed;
  const fraction = s.release.parole_eligible === false ? 1 : s.release.served_fraction;
  const served = months3 === "life" ? "life" : fraction === null ? null : maxTerm(wholeMonths(months3 * fraction), mandatory);
  const state = {
    engine: jurisdiction,
    offense: s.offense,
    counts: s.counts.map(countResult),
    enhancements: s.enhancements,
    grid,
    release: s.release,
    expected_term: {
      months: months3,
      basis: byGrid ? "grid_minimum" : "mandatory_minimum",
      lower_bound: lowerBound,
      served_months: served
    },
    citations: [...trace.citations]
  };
  return {
    statutory: {
      minimum_months: lowestTerm(offense.penalty),
      maximum_months: max,
      citations: [offense.citation],
      offense: offense.citation,
      row: offense.row,
      ...s.offense.tier ? { tier: s.offense.tier } : {}
    },
    firearms: {
      consecutive_minimum_months: firearmTotal,
      citations: firearms.map((c) => c.citation),
      counts_months: firearms.map((c) => lowestTerm(c.penalty))
    },
    safety_valve: {
      eligible: null,
      reasons: ["the federal safety valve does not apply to a state case"],
      citations: []
    },
    mandatory_minimum_months: mandatory,
    guidelines: null,
    state
  };
}
function releaseRule(input, state, rule, trace) {
  const r = trace.cite(
    input.law.statute("state").get(`${state}.release.parole`)
  );
  return { ...r.value, rule, citations: [r.law] };
}

// src/rules/state/types.ts
var StateRefusal = class extends Error {
  constructor(code, values) {
    super(code);
    this.code = code;
    this.values = values;
    this.name = "StateRefusal";
  }
  code;
  values;
};

// src/rules/state/priors.ts
function enhancingPriors(input, prefix, trace) {
  const on = trace.cite(input.law.statute("state").get(`${prefix}.recidivism.prior_enhancements`));
  const priors = recordPriors(input);
  if (!on.value) {
    if (priors.length)
      trace.add("exposure.state.prior_enhancements_off", "info", [on.law], { priors: priors.length });
    return [];
  }
  return priors;
}
function recordPriors(input) {
  return (input.case.history?.priors ?? []).filter(
    (p) => p.still_valid !== false && p.date < input.dates.offense
  );
}

// src/rules/state/bands.ts
function bandFor(bands, grams) {
  return bands.find((b) => grams >= b.from_g && (b.to_g === void 0 || grams < b.to_g));
}
function splitCovered(drugs, covered) {
  const inside = drugs.filter(covered);
  return { covered: inside, left: drugs.filter((d) => !covered(d)).map((d) => d.substance) };
}
function missingWeight(drugs) {
  return drugs.some((d) => d.grams === void 0);
}

// src/rules/state/us-az/az-13-3407-3408.ts
function row(input, id, trace) {
  const r = trace.cite(input.law.statute("state").get(id));
  if (r.value === null) throw new StateRefusal("exposure.state.value_unverified", { parameter: r.id });
  return { ...r, value: r.value };
}
function atThreshold(input, drugs, trace) {
  const view = input.law.atOffense("state");
  let reached = false;
  for (const d of drugs) {
    const t = view.maybe(`us_az.presumption_of_sale.${d.substance}`);
    if (!t || t.value.grams === void 0) {
      trace.add("exposure.state.az.threshold_unknown", "warning", t ? [t.law] : [], { drug: d.substance });
      continue;
    }
    trace.cite(t);
    if ((d.grams ?? 0) >= t.value.grams) {
      trace.add("exposure.state.az.threshold_reached", "critical", [t.law], {
        drug: d.substance,
        grams: d.grams,
        threshold: t.value.grams
      });
      reached = true;
    }
  }
  return reached;
}
function az3407(input, charge, priors, trace) {
  const law2 = input.law.statute("state");
  const kinds = trace.cite(law2.get("us_az.ars13_3401.drug_kind"));
  const { covered, left } = splitCovered(charge.drugs, (d) => kinds.value[d.substance] !== void 0);
  if (!covered.length) throw new StateRefusal("exposure.state.substance_not_covered", { substances: left });
  if (left.length)
    trace.add("exposure.state.substance_not_counted", "warning", [kinds.law], { substances: left });
  if (missingWeight(covered)) trace.add("exposure.state.weight_unknown", "warning", [kinds.law]);
  const classes = trace.cite(law2.get("us_az.ars13_3407.class"));
  const meth = covered.some((d) => kinds.value[d.substance] === "methamphetamine");
  const historical = priors.filter((p) => p.felony).length;
  const category = historical === 0 ? null : historical === 1 ? "two" : "three";
  if (category) trace.add("exposure.state.az.repetitive", "warning", [], { priors: historical, category });
  let id;
  let cls2;
  if (charge.conduct === "possession") {
    cls2 = classes.value.possession;
    const p200 = trace.cite(law2.get("us_az.ars13_901_01.eligibility"));
    const possessionPriors = priors.filter((p) => p.kind === "drug_possession").length;
    const excluded = covered.some((d) => p200.value.excluded_substances.includes(d.substance));
    if (!excluded && possessionPriors <= p200.value.max_prior_possession_convictions) {
      trace.add("exposure.state.az.prop_200", "info", [p200.law]);
      id = "us_az.ars13_3408.penalty.possession_prop200";
    } else
      id = category ? `us_az.ars13_703.penalty.class_${cls2}_category_${category}` : `us_az.ars13_702.penalty.class_${cls2}`;
  } else {
    cls2 = classes.value.sale;
    if (meth) {
      trace.add("exposure.state.az.methamphetamine_sale", "critical", []);
      id = `us_az.ars13_3407.penalty.methamphetamine_sale_${historical === 0 ? "first" : historical === 1 ? "one_prior" : "two_priors"}`;
    } else if (category) id = `us_az.ars13_703.penalty.class_${cls2}_category_${category}`;
    else
      id = atThreshold(input, covered, trace) ? "us_az.ars13_3408.penalty.sale_at_threshold_first" : `us_az.ars13_702.penalty.class_${cls2}`;
  }
  const r = row(input, id, trace);
  const section = meth ? "13-3407" : "13-3408";
  return {
    count: {
      citation: r.law,
      description: `${charge.conduct === "possession" ? "possession" : "possession for sale, sale or transport"} of a ${meth ? "dangerous drug (methamphetamine)" : "narcotic or dangerous drug"} (A.R.S. ${section}, class ${cls2})`,
      kind: "offense",
      row: id.split(".").at(-1) ?? id,
      penalty: r.value,
      consecutive: true
    },
    class: cls2,
    flatTime: r.value.flat_time === true,
    repetitive: historical
  };
}

// src/rules/state/us-az/index.ts
function release(input, flatTime, trace) {
  const p = trace.cite(
    input.law.statute("state").get("us_az.release.parole")
  );
  return flatTime ? { parole_eligible: false, served_fraction: 1, rule: "az_flat_time", citations: [p.law] } : { ...p.value, rule: "az_truth_in_sentencing", citations: [p.law] };
}
function sentence(input, charge, trace) {
  const priors = enhancingPriors(input, "us_az", trace);
  const o = az3407(input, charge, priors, trace);
  const weapon = input.case.conduct.weapon ?? "none";
  if (weapon === "brandished" || weapon === "discharged")
    trace.add("exposure.state.not_modelled", "warning", [], { rule: "A.R.S. 13-704 (dangerous offense)" });
  return {
    offense: {
      citation: o.count.citation,
      description: o.count.description,
      conduct: charge.conduct,
      class: o.class,
      tier: o.count.row
    },
    counts: [o.count],
    enhancements: o.repetitive ? [
      {
        code: "az_13_703_repetitive",
        citation: o.count.citation,
        effect: o.repetitive === 1 ? "category_two" : "category_three"
      }
    ] : [],
    grid: null,
    release: release(input, o.flatTime, trace)
  };
}
var arizona = { jurisdiction: "US-AZ", sentence };

// src/rules/state/us-ca/ca-health-and-safety-11350-11379.ts
var SECTION = {
  possession: {
    narcotic: "hs11350.penalty.narcotic",
    cocaine_base: "hs11350.penalty.narcotic",
    methamphetamine: "hs11377.penalty.methamphetamine"
  },
  for_sale: {
    narcotic: "hs11351.penalty.narcotic",
    cocaine_base: "hs11351_5.penalty.cocaine_base",
    methamphetamine: "hs11378.penalty.methamphetamine"
  },
  sale: {
    narcotic: "hs11352.penalty.narcotic",
    cocaine_base: "hs11352.penalty.narcotic",
    methamphetamine: "hs11379.penalty.methamphetamine"
  }
};
var MODE_LABEL = {
  possession: "possession",
  for_sale: "possession for sale",
  sale: "sale, furnishing or transport for sale"
};
function caOffense(input, charge, trace) {
  const law2 = input.law.statute("state");
  const kinds = trace.cite(law2.get("us_ca.hs.drug_kind"));
  const { covered, left } = splitCovered(charge.drugs, (d) => kinds.value[d.substance] !== void 0);
  if (!covered.length) throw new StateRefusal("exposure.state.substance_not_covered", { substances: left });
  if (left.length)
    trace.add("exposure.state.substance_not_counted", "warning", [kinds.law], { substances: left });
  let mode = "possession";
  if (charge.conduct !== "possession") {
    const sale = trace.cite(law2.get("us_ca.hs11352.sale_activities"));
    mode = input.case.conduct.activities.some((a) => sale.value.includes(a)) ? "sale" : "for_sale";
  }
  const candidates = [...new Set(covered.map((d) => kinds.value[d.substance]))].map((k) => {
    const id = `us_ca.${SECTION[mode][k]}`;
    return trace.cite(law2.get(id));
  });
  const unverified = candidates.find((r2) => r2.value === null);
  if (unverified) throw new StateRefusal("exposure.state.value_unverified", { parameter: unverified.id });
  const rows = candidates;
  const r = rows.reduce((a, b) => (b.value.max_months ?? 0) > (a.value.max_months ?? 0) ? b : a);
  if (mode === "possession" && r.value.probation === true)
    trace.add("exposure.state.ca.prop_47", "info", [r.law]);
  const section = r.id.split(".")[1] ?? r.id;
  return {
    count: {
      citation: r.law,
      description: `${MODE_LABEL[mode]} of a controlled substance`,
      kind: "offense",
      row: r.id.split(".").at(-1) ?? r.id,
      penalty: r.value,
      consecutive: true
    },
    section,
    offenseClass: r.value.offense_class ?? null
  };
}
function ca11370_2(input, charge, priors, trace) {
  if (charge.conduct === "possession") return [];
  const law2 = input.law.statute("state");
  const kinds = trace.cite(law2.get("us_ca.hs11370_2.qualifying_prior_kinds"));
  const sale = priors.filter((p) => p.kind === "drug_distribution");
  const qualifying = priors.filter((p) => kinds.value.includes(p.kind));
  if (sale.length && !qualifying.length)
    trace.add("exposure.state.ca.prior_enhancement_repealed", "info", [kinds.law], { priors: sale.length });
  if (!qualifying.length) return [];
  const r = trace.cite(law2.get("us_ca.hs11370_2.penalty.per_prior"));
  trace.add("exposure.state.ca.prior_enhancement", "critical", [kinds.law], { priors: qualifying.length });
  return qualifying.map((p) => ({
    citation: r.law,
    description: `prior drug conviction (${p.date}) enhancement`,
    kind: "offense",
    row: "per_prior",
    penalty: r.value,
    consecutive: true
  }));
}
function ca12022c(input, charge, trace) {
  const weapon = input.case.conduct.weapon ?? "none";
  if (weapon === "none" || charge.conduct === "possession") return void 0;
  if (weapon === "nearby") {
    trace.add("exposure.state.firearm_reach_undetermined", "warning", [], { weapon });
    return void 0;
  }
  const r = trace.cite(input.law.statute("state").get("us_ca.pc12022_c.penalty.armed"));
  trace.add("exposure.state.ca.armed", "critical", [r.law]);
  return {
    citation: r.law,
    description: "personally armed with a firearm",
    kind: "firearm",
    row: "armed",
    penalty: r.value,
    consecutive: true
  };
}

// src/rules/state/us-ca/index.ts
function sentence2(input, charge, trace) {
  const priors = enhancingPriors(input, "us_ca", trace);
  const o = caOffense(input, charge, trace);
  const counts = [o.count, ...ca11370_2(input, charge, priors, trace)];
  const armed = ca12022c(input, charge, trace);
  if (armed) counts.push(armed);
  if (charge.conduct !== "possession" && charge.drugs.some((d) => (d.grams ?? 0) >= 1e3))
    trace.add("exposure.state.not_modelled", "warning", [], {
      rule: "Cal. H&S 11370.4 (weight enhancements from 1 kg)"
    });
  if (priors.some((p) => p.felony && p.kind === "violent"))
    trace.add("exposure.state.not_modelled", "warning", [], {
      rule: "Three Strikes (Penal Code 667(b)-(i), 1170.12)"
    });
  return {
    offense: {
      citation: o.count.citation,
      description: o.count.description,
      conduct: charge.conduct,
      class: o.offenseClass,
      tier: o.section
    },
    counts,
    enhancements: counts.filter((c) => c.row === "per_prior").map((c) => ({ code: "ca_11370_2", citation: c.citation, effect: "consecutive_prior_term" })),
    grid: null,
    release: releaseRule(input, "us_ca", "ca_1170h", trace)
  };
}
var california = { jurisdiction: "US-CA", sentence: sentence2 };

// src/rules/state/weights.ts
function gramsOf2(drugs, substances) {
  return drugs.filter((d) => substances.includes(d.substance)).reduce((s, d) => s + (d.grams ?? 0), 0);
}
function weightRows(view, family) {
  return view.peekFamily(family);
}
function inBand(row2, grams, drug) {
  return (drug === void 0 || row2.drug === drug) && grams >= row2.from_g && (row2.to_g === void 0 || grams < row2.to_g);
}
function rowFor(view, rows, grams, trace, drug) {
  const r = rows.find((x) => inBand(x.value, grams, drug));
  return r ? trace.cite(view.use(r)) : void 0;
}
function severity(r) {
  const t = (x) => x === "life" ? Number.POSITIVE_INFINITY : x ?? 0;
  return t(r.mandatory_months) * 1e6 + t(r.max_months);
}
function heaviestRow(view, rows, groups, drugs, trace) {
  let best;
  for (const [drug, substances] of Object.entries(groups)) {
    const grams = gramsOf2(drugs, substances);
    const row2 = grams > 0 ? rows.find((x) => inBand(x.value, grams, drug)) : void 0;
    if (row2 && (!best || severity(row2.value) > severity(best.row.value))) best = { drug, grams, row: row2 };
  }
  if (best) trace.cite(view.use(best.row));
  return best;
}
function refuseUnverifiedWeights(view, id, drugs, trace) {
  const u = trace.cite(view.get(id));
  for (const [drug, t] of Object.entries(u.value)) {
    const grams = gramsOf2(drugs, t.substances);
    if (grams >= t.from_g)
      throw new StateRefusal("exposure.state.trafficking_penalty_unverified", {
        drug,
        grams,
        threshold: t.from_g
      });
  }
}
function traffickingByWeight(view, unit, charge, trace, unverifiedWeights) {
  if (charge.policy === "possession") return void 0;
  const groups = trace.cite(view.get(`${unit}.drugs`)).value;
  if (unverifiedWeights)
    refuseUnverifiedWeights(view, `${unit}.tiers_without_verified_penalty`, charge.drugs, trace);
  const rows = weightRows(view, `${unit}.penalty`);
  const best = heaviestRow(view, rows, groups, charge.drugs, trace);
  if (best)
    trace.add("exposure.state.trafficking_by_weight", "warning", [best.row.law], {
      drug: best.drug,
      grams: best.grams,
      threshold: best.row.value.from_g
    });
  return best;
}
function coveredGroups(groups, drugs) {
  const found = Object.entries(groups).map(([drug, subs]) => ({ drug, grams: gramsOf2(drugs, subs) })).filter((x) => x.grams > 0);
  if (!found.length)
    throw new StateRefusal("exposure.state.substance_not_covered", {
      substances: drugs.map((d) => d.substance)
    });
  return found;
}

// src/rules/state/us-fl/fl-893-13.ts
function fl893_13(input, charge, trace) {
  const law2 = input.law.statute("state");
  const g = trace.cite(law2.get("us_fl.fl893_13.groups")).value;
  const subs = charge.drugs.map((d) => d.substance);
  const read = (name, description) => ({
    row: trace.cite(law2.get(`us_fl.fl893_13.penalty.${name}`)),
    name,
    description
  });
  if (charge.conduct === "possession") {
    const covered = charge.drugs.filter((d) => g.possession.includes(d.substance));
    if (!covered.length) throw new StateRefusal("exposure.state.substance_not_covered", { substances: subs });
    const onlyCannabis = covered.every((d) => d.substance === "marijuana");
    const limit = trace.cite(law2.get("us_fl.fl893_13.cannabis_misdemeanor_max_g"));
    if (onlyCannabis && gramsOf2(covered, ["marijuana"]) <= limit.value)
      return read("possession_cannabis_misdemeanor", "possession of 20 g of cannabis or less");
    return read("possession", "possession of a controlled substance");
  }
  const second = subs.some((s) => g.second_degree.includes(s));
  if (second && input.case.conduct.school_zone === true) {
    trace.add("exposure.state.school_zone_count", "warning", [], { max: "first-degree felony" });
    return read("school_zone", "sale or possession with intent within 1,000 feet of a school");
  }
  if (second) return read("sale_second_degree", "sale, delivery or possession with intent to sell");
  if (subs.some((s) => g.third_degree.includes(s)))
    return read("sale_third_degree", "sale, delivery or possession with intent to sell");
  throw new StateRefusal("exposure.state.substance_not_covered", { substances: subs });
}

// src/rules/state/us-fl/fl-893-135.ts
function fl893_135(input, charge, trace) {
  return traffickingByWeight(input.law.atOffense("state"), "us_fl.fl893_135", charge, trace, true);
}

// src/rules/state/us-fl/fl-sentencing.ts
function fl775_087_1(input, degree, trace) {
  const w = input.case.conduct.weapon ?? "none";
  if (w === "none" || w === "nearby") return void 0;
  const d = trace.cite(input.law.statute("state").get("us_fl.fl775_082.degrees"));
  const next = d.value[degree]?.reclassified;
  const to = next ? d.value[next] : void 0;
  if (!next || !to) return void 0;
  trace.add("exposure.state.fl.weapon_reclassified", "warning", [d.law], { from: degree, to: next });
  return { degree: next, max: to.max_months, levelPlus: true };
}
function fl775_087_2(input, trace) {
  const w = input.case.conduct.weapon ?? "none";
  const t = trace.cite(
    input.law.statute("state").get("us_fl.fl775_087.ten_twenty_life")
  );
  if (!t.value.in_force || w === "none") return void 0;
  if (w === "nearby") {
    trace.add("exposure.state.firearm_reach_undetermined", "warning", [t.law], { weapon: w });
    return void 0;
  }
  const months3 = t.value[w];
  if (months3 === void 0) return void 0;
  trace.add("exposure.state.fl.ten_twenty_life", "critical", [t.law], { months: months3, weapon: w });
  return months3;
}
function fl775_084(input, conduct, degree, priors, trace) {
  const felonies = priors.filter((p) => p.felony);
  if (conduct === "possession" || !felonies.length) return void 0;
  const h = trace.cite(
    input.law.statute("state").get("us_fl.fl775_084.habitual_felony_offender")
  );
  const last = felonies.map((p) => p.release_date ?? p.date).sort().at(-1);
  const recent = input.dates.offense < addMonths(last, h.value.window_months);
  const notPossession = felonies.some((p) => p.kind !== "drug_possession");
  const max = h.value.max_by_degree[degree];
  if (felonies.length < h.value.priors_required || !recent || !notPossession || max === void 0)
    return void 0;
  trace.add("exposure.state.fl.habitual_felony_offender", "warning", [h.law], {
    priors: felonies.length,
    max
  });
  return { max, enhancement: { code: "fl_775_084_hfo", citation: h.law, effect: "maximum_raised" } };
}
function fl921_0024(input, level, levelPlus, priors, trace) {
  const s = trace.cite(input.law.statute("state").get("us_fl.fl921_0024.scoresheet"));
  const citations = [s.law];
  if (level === null) {
    trace.add("exposure.state.fl.offense_level_unverified", "warning", citations);
    return {
      kind: "fl_cpc",
      minimum_months: null,
      maximum_months: null,
      binding: true,
      values: {},
      citations
    };
  }
  const scored = levelPlus ? level + s.value.reclassified_level_plus : level;
  const points = s.value.primary_points[String(scored)] ?? null;
  if (points === null)
    return {
      kind: "fl_cpc",
      minimum_months: null,
      maximum_months: null,
      binding: true,
      values: { level: scored },
      citations
    };
  const lps = points > s.value.prison_threshold_points ? Math.round((points - s.value.subtract_points) * s.value.months_per_point) : 0;
  if (priors) trace.add("exposure.state.fl.prior_points_not_scored", "warning", citations, { priors });
  trace.add("exposure.state.fl.lowest_permissible", "info", citations, {
    level: scored,
    points,
    months: lps
  });
  return {
    kind: "fl_cpc",
    minimum_months: lps,
    maximum_months: null,
    binding: true,
    values: {
      offense_level: scored,
      total_points: points,
      prior_points_scored: false,
      non_prison_permitted: lps === 0
    },
    citations
  };
}

// src/rules/state/us-fl/index.ts
function release2(input, trace) {
  const r = trace.cite(
    input.law.statute("state").get("us_fl.release.gain_time")
  );
  return { ...r.value, rule: "fl_85_percent", citations: [r.law] };
}
function sentence3(input, charge, trace) {
  const priors = enhancingPriors(input, "us_fl", trace);
  const enhancements = [];
  const trafficking = fl893_135(input, charge, trace);
  let penalty;
  let citation;
  let description;
  let row2;
  let conduct = charge.conduct;
  let levelPlus = false;
  if (trafficking) {
    conduct = "trafficking";
    penalty = trafficking.row.value;
    citation = trafficking.row.law;
    row2 = trafficking.row.id.split(".").at(-1);
    description = `trafficking in ${trafficking.drug.replaceAll("_", " ")} (by weight)`;
    const gun = fl775_087_2(input, trace);
    if (gun !== void 0 && (penalty.mandatory_months === "life" || gun > penalty.mandatory_months)) {
      penalty = { ...penalty, min_months: gun, mandatory_months: gun };
      enhancements.push({
        code: "fl_775_087_2",
        citation: "Fla. Stat. 775.087(2)",
        effect: "minimum_raised"
      });
    }
  } else {
    const r = fl893_13(input, charge, trace);
    penalty = r.row.value;
    citation = r.row.law;
    row2 = r.name;
    description = r.description;
    const re = penalty.class === "M1" ? void 0 : fl775_087_1(input, penalty.class, trace);
    if (re) {
      penalty = { ...penalty, class: re.degree, max_months: re.max };
      levelPlus = true;
      enhancements.push({ code: "fl_775_087_1", citation: "Fla. Stat. 775.087(1)", effect: "reclassified" });
    }
  }
  const hfo = fl775_084(input, conduct, penalty.class, priors, trace);
  if (hfo) {
    penalty = { ...penalty, max_months: hfo.max };
    enhancements.push(hfo.enhancement);
  }
  const grid = penalty.class === "M1" ? null : fl921_0024(input, penalty.cpc_level, levelPlus, recordPriors(input).length, trace);
  return {
    offense: { citation, description, conduct, class: penalty.class, tier: trafficking ? row2 : null },
    counts: [{ citation, description, kind: "offense", row: row2, penalty, consecutive: true }],
    enhancements,
    grid,
    release: release2(input, trace)
  };
}
var florida = { jurisdiction: "US-FL", sentence: sentence3 };

// src/rules/state/us-ga/ga-16-13-30.ts
var P4 = "us_ga.ga16_13_30";
function coveredGrams(input, charge, trace) {
  const covered = trace.cite(input.law.statute("state").get(`${P4}.substances`));
  const left = charge.drugs.filter((d) => !covered.value.includes(d.substance)).map((d) => d.substance);
  const grams = gramsOf2(charge.drugs, covered.value);
  if (grams <= 0) throw new StateRefusal("exposure.state.substance_not_covered", { substances: left });
  if (left.length)
    trace.add("exposure.state.substance_not_counted", "warning", [covered.law], { substances: left });
  return grams;
}
function repeatSale(input, priors, trace) {
  const sale = priors.filter((p) => p.felony && p.kind === "drug_distribution");
  if (!sale.length) return false;
  const notice = trace.cite(
    input.law.statute("state").get("us_ga.charging.assume_recidivist_notice")
  );
  if (!notice.value) return false;
  trace.add("exposure.state.recidivist_notice_assumed", "warning", [notice.law], { priors: sale.length });
  return true;
}
function count(r, row2, description) {
  return { citation: r.law, description, kind: "offense", row: row2, penalty: r.value, consecutive: true };
}
function ga16_13_30(input, charge, priors, trace) {
  const law2 = input.law.statute("state");
  const grams = coveredGrams(input, charge, trace);
  if (charge.conduct !== "possession") {
    const repeat = repeatSale(input, priors, trace);
    const row3 = repeat ? "pwid_repeat" : "pwid_first";
    const r2 = trace.cite(law2.get(`${P4}.penalty.${row3}`));
    return {
      count: count(
        r2,
        row3,
        "sale, distribution or possession with intent to distribute a controlled substance"
      ),
      repeat,
      grams
    };
  }
  const scheme = trace.cite(law2.get(`${P4}.possession_scheme`));
  if (scheme.value === "first_or_repeat") {
    const repeat = priors.some((p) => p.kind === "drug_possession" || p.kind === "drug_distribution");
    const row3 = repeat ? "possession_repeat" : "possession_first";
    const r2 = trace.cite(law2.get(`${P4}.penalty.${row3}`));
    return { count: count(r2, row3, "possession of a controlled substance"), repeat, grams };
  }
  const view = input.law.atOffense("state");
  const tiers = weightRows(view, `${P4}.penalty`).filter((r2) => r2.value.from_g !== void 0);
  const r = rowFor(view, tiers, grams, trace);
  if (!r) throw new StateRefusal("exposure.state.no_tier", { offense: "O.C.G.A. 16-13-30(c)", grams });
  const row2 = r.id.slice(`${P4}.penalty.`.length);
  return { count: count(r, row2, "possession of a controlled substance"), repeat: false, grams };
}

// src/rules/state/us-ga/ga-16-13-31.ts
function ga16_13_31(input, charge, trace) {
  return traffickingByWeight(input.law.atOffense("state"), "us_ga.ga16_13_31", charge, trace);
}
function departureAvailable(input, felonyPriors, trace) {
  const d = trace.cite(
    input.law.statute("state").get("us_ga.ga16_13_31.departure")
  );
  if (!d.value.in_force) return false;
  const c = input.case.conduct;
  const met = {
    no_aggravating_role: !c.activities.some((a) => a === "organized" || a === "supervised") && (c.people_supervised ?? 0) === 0,
    no_weapon: (c.weapon ?? "none") === "none",
    no_death_or_injury: c.death_resulted !== true && c.serious_bodily_injury_resulted !== true,
    no_prior_felony: felonyPriors === 0
  };
  const failed = (d.value.requires ?? []).filter((r) => met[r] !== true);
  trace.add(
    failed.length ? "exposure.state.ga.departure_unavailable" : "exposure.state.ga.departure_available",
    "info",
    [d.law],
    { failed }
  );
  return failed.length === 0;
}

// src/rules/state/us-ga/ga-17-10-7.ts
function ga17_10_7(input, conduct, priors, repeatSale2, trace) {
  const law2 = input.law.statute("state");
  const felonies = priors.filter((p) => p.felony);
  const out = { enhancements: [], noParole: false, citations: [] };
  if (!felonies.length) return out;
  if (conduct === "possession") {
    const b1 = trace.cite(law2.get("us_ga.ga17_10_7.b1_possession_not_enhanced"));
    const repeatPossession = priors.some((p) => p.kind === "drug_possession");
    if (b1.value && repeatPossession) {
      trace.add("exposure.state.ga.b1_possession_not_enhanced", "info", [b1.law]);
      return out;
    }
  }
  const a = trace.cite(law2.get("us_ga.ga17_10_7.a_longest_term"));
  if (a.value.in_force && !repeatSale2) {
    out.enhancements.push({
      code: "ga_17_10_7_a",
      citation: a.law,
      effect: "longest_term_may_be_probated"
    });
    trace.add("exposure.state.ga.longest_term", "warning", [a.law], { priors: felonies.length });
  }
  const c = trace.cite(
    law2.get("us_ga.ga17_10_7.c_fourth_felony")
  );
  if (felonies.length >= c.value.priors_required && !c.value.parole_eligible) {
    out.noParole = true;
    out.citations.push(c.law);
    out.enhancements.push({ code: "ga_17_10_7_c", citation: c.law, effect: "served_in_full_without_parole" });
    trace.add("exposure.state.ga.fourth_felony_no_parole", "critical", [c.law], {
      priors: felonies.length,
      required: c.value.priors_required
    });
  }
  return out;
}
function gaRelease(input, recidivism, trace) {
  if (recidivism.noParole)
    return {
      parole_eligible: false,
      served_fraction: 1,
      rule: "ga_17_10_7_c",
      citations: recidivism.citations
    };
  const p = trace.cite(
    input.law.statute("state").get("us_ga.release.parole")
  );
  return { ...p.value, rule: "ga_parole", citations: [p.law] };
}

// src/rules/state/us-ga/ga-add-ons.ts
function ga16_11_106(input, trace) {
  const weapon = input.case.conduct.weapon ?? "none";
  if (weapon === "none") return void 0;
  const r = trace.cite(input.law.statute("state").get("us_ga.ga16_11_106.penalty.first"));
  if (weapon === "nearby") {
    trace.add("exposure.state.firearm_reach_undetermined", "warning", [r.law], { weapon });
    return void 0;
  }
  trace.add("exposure.state.firearm_consecutive", "critical", [r.law], { months: r.value.min_months });
  return {
    citation: r.law,
    description: "possession of a firearm during a felony drug offense",
    kind: "firearm",
    row: "first",
    penalty: r.value,
    consecutive: true
  };
}
function ga16_13_32_4(input, conduct, trace) {
  if (input.case.conduct.school_zone !== true || conduct === "possession") return void 0;
  const law2 = input.law.statute("state");
  const on = trace.cite(law2.get("us_ga.ga16_13_32_4.in_force"));
  if (!on.value) return void 0;
  const r = trace.cite(law2.get("us_ga.ga16_13_32_4.penalty.first"));
  trace.add("exposure.state.school_zone_count", "warning", [r.law], { max: r.value.max_months });
  return {
    citation: r.law,
    description: "distribution or possession with intent within 1,000 feet of a school",
    kind: "school_zone",
    row: "first",
    penalty: r.value,
    consecutive: true
  };
}

// src/rules/state/us-ga/index.ts
function sentence4(input, charge, trace) {
  const priors = enhancingPriors(input, "us_ga", trace);
  const trafficking = ga16_13_31(input, charge, trace);
  let offense;
  let conduct = charge.conduct;
  let repeatSale2 = false;
  let tier = null;
  let bestCaseMandatory;
  if (trafficking) {
    conduct = "trafficking";
    tier = trafficking.row.id.split(".").at(-1) ?? null;
    offense = {
      citation: trafficking.row.law,
      description: `trafficking in ${trafficking.drug.replaceAll("_", " ")} (by weight)`,
      kind: "offense",
      row: tier ?? "trafficking",
      penalty: trafficking.row.value,
      consecutive: true
    };
    if (departureAvailable(input, priors.filter((p) => p.felony).length, trace)) bestCaseMandatory = 0;
  } else {
    const r = ga16_13_30(input, charge, priors, trace);
    offense = r.count;
    repeatSale2 = r.repeat && conduct !== "possession";
  }
  const recidivism = ga17_10_7(input, conduct, priors, repeatSale2, trace);
  const counts = [offense];
  const firearm = ga16_11_106(input, trace);
  if (firearm) counts.push(firearm);
  const zone = ga16_13_32_4(input, conduct, trace);
  if (zone) counts.push(zone);
  if (bestCaseMandatory !== void 0 && counts.length > 1) bestCaseMandatory = void 0;
  return {
    offense: { citation: offense.citation, description: offense.description, conduct, class: "felony", tier },
    counts,
    enhancements: [
      ...repeatSale2 ? [{ code: "ga_16_13_30_d_repeat", citation: offense.citation, effect: "repeat_offense_row" }] : [],
      ...recidivism.enhancements
    ],
    grid: null,
    release: gaRelease(input, recidivism, trace),
    ...bestCaseMandatory !== void 0 ? { bestCaseMandatory } : {}
  };
}
var georgia = { jurisdiction: "US-GA", sentence: sentence4 };

// src/rules/state/drug-induced-homicide.ts
var months2 = (years2) => years2 === "life" ? "life" : years2 * 12;
function drugInducedHomicide2(input, charge, dih, trace) {
  if (input.case.conduct.death_resulted !== true) return void 0;
  const view = input.law.atOffense("state");
  const s = view.maybe(dih.statute);
  if (!s || s.value === null || s.value.exists !== true) {
    trace.add("exposure.state.dih.not_in_force", "info", s ? [s.law] : [], {
      offense_date: input.dates.offense
    });
    return void 0;
  }
  trace.cite(s);
  if (charge.conduct === "possession") {
    trace.add("exposure.state.dih.requires_delivery", "info", [s.law]);
    return void 0;
  }
  const covered = trace.cite(view.get(`${dih.unit}.substances`));
  if (!charge.drugs.some((d) => covered.value.includes(d.substance))) {
    trace.add("exposure.state.dih.substance_outside", "info", [covered.law], {
      substances: charge.drugs.map((d) => d.substance)
    });
    return void 0;
  }
  const probation = trace.cite(view.get(`${dih.unit}.probation`));
  const row2 = penaltyOf(s, probation.value);
  trace.add("exposure.state.dih.charged", "critical", [s.law, probation.law], {
    citation: s.value.citation,
    min: row2.min_months,
    max: row2.max_months ?? "not verified"
  });
  return {
    citation: s.law,
    description: `drug-induced homicide (${s.value.classification})`,
    kind: "offense",
    row: "drug_induced_homicide",
    penalty: row2,
    consecutive: true
  };
}
function penaltyOf(s, probation) {
  if (s.value.penalty_min_years === null)
    throw new StateRefusal("exposure.state.value_unverified", {
      parameter: s.id,
      field: "penalty_min_years"
    });
  const min = months2(s.value.penalty_min_years);
  return {
    min_months: min,
    max_months: s.value.penalty_max_years === null ? null : months2(s.value.penalty_max_years),
    mandatory_months: probation === false ? min : 0,
    probation
  };
}
function withDelivery(dih, delivery, trace) {
  if (!dih) return [delivery()];
  let other;
  try {
    other = delivery();
  } catch (e) {
    if (e instanceof StateRefusal || e instanceof LawGapError) {
      trace.add("exposure.state.dih.delivery_not_sentenced", "info", [], {
        reason: e instanceof StateRefusal ? e.code : "law.gap"
      });
      return [dih];
    }
    throw e;
  }
  const dMax = dih.penalty.max_months;
  const oMax = other.penalty.max_months;
  const deliveryFirst = oMax !== null && (dMax === null ? false : !termGte(dMax, oMax));
  if (deliveryFirst)
    trace.add("exposure.state.dih.delivery_range_higher", "warning", [other.citation], { max: oMax });
  const [first, second] = deliveryFirst ? [other, dih] : [dih, other];
  return [
    { ...first, consecutive: false },
    { ...second, consecutive: false }
  ];
}

// src/rules/state/us-il/il-720-ilcs-570-401.ts
function il570(input, charge, trace) {
  const law2 = input.law.statute("state");
  const subs = trace.cite(law2.get("us_il.ilcs570_401.substances"));
  const { covered, left } = splitCovered(charge.drugs, (d) => subs.value.includes(d.substance));
  if (!covered.length) throw new StateRefusal("exposure.state.substance_not_covered", { substances: left });
  if (left.length)
    trace.add("exposure.state.substance_not_counted", "warning", [subs.law], { substances: left });
  if (missingWeight(covered)) trace.add("exposure.state.weight_unknown", "warning", [subs.law]);
  const section = charge.conduct === "possession" ? "402" : "401";
  const unit = `us_il.ilcs570_${section}`;
  const bands = trace.cite(law2.get(`${unit}.class_bands`));
  const grams = covered.reduce((s, d) => s + (d.grams ?? 0), 0);
  const band = bandFor(bands.value, grams);
  if (!band) throw new StateRefusal("exposure.state.no_tier", { offense: `720 ILCS 570/${section}`, grams });
  const row2 = band.penalty_row ? trace.cite(law2.get(`${unit}.penalty.${band.penalty_row}`)) : null;
  trace.add("exposure.state.il.class_by_weight", "info", [bands.law], { section, class: band.class, grams });
  return {
    section,
    class: band.class,
    grams,
    row: row2 ? { id: row2.id, law: row2.law, value: row2.value } : null,
    citation: `720 ILCS 570/${section}`
  };
}

// src/rules/state/us-il/il-730-ilcs-5-4-5-95.ts
var CLASSES = "us_il.ucc5_4_5";
function classRow(input, cls2, trace) {
  return trace.cite(input.law.statute("state").get(`${CLASSES}.penalty.class_${cls2}`));
}
function atLeastClass(input, p, cls2, trace) {
  if (p.max_term_months === void 0) return void 0;
  const max = classRow(input, cls2, trace).value.max_months;
  return max === null ? void 0 : termGte(p.max_term_months, max);
}
function il95(input, cls2, priors, trace) {
  const law2 = input.law.statute("state");
  const out = { sentenceAs: null, naturalLife: false, extended: false, enhancements: [] };
  const felonies = priors.filter((p) => p.felony);
  if (!felonies.length) return out;
  const count2 = (c) => {
    const known = felonies.map((p) => atLeastClass(input, p, c, trace));
    return {
      yes: known.filter((k) => k === true).length,
      unknown: known.filter((k) => k === void 0).length
    };
  };
  if (cls2 === "X") {
    const a = trace.cite(law2.get("us_il.ucc5_4_5_95.a"));
    const x = count2("X");
    if (x.yes >= a.value.priors_needed) {
      out.naturalLife = true;
      out.enhancements.push({ code: "il_5_4_5_95_a", citation: a.law, effect: "natural_life" });
      trace.add("exposure.state.il.habitual_criminal", "critical", [a.law], { priors: x.yes });
      return out;
    }
    if (x.yes + x.unknown >= a.value.priors_needed)
      trace.add("exposure.state.il.prior_class_unknown", "warning", [a.law], {
        rule: "5-4.5-95(a)",
        class: "X"
      });
  }
  const b = trace.cite(law2.get("us_il.ucc5_4_5_95.b"));
  if (b.value.applies_to_classes.includes(cls2)) {
    const two = count2("2");
    if (two.yes >= b.value.priors_needed) {
      out.sentenceAs = b.value.sentence_as;
      out.enhancements.push({
        code: "il_5_4_5_95_b",
        citation: b.law,
        effect: `sentenced_as_class_${b.value.sentence_as}`
      });
      trace.add("exposure.state.il.class_x_repeat", "critical", [b.law], { priors: two.yes });
    } else if (two.yes + two.unknown >= b.value.priors_needed)
      trace.add("exposure.state.il.prior_class_unknown", "warning", [b.law], {
        rule: "5-4.5-95(b)",
        class: "2"
      });
  }
  const ext = trace.cite(law2.get("us_il.ucc5_5_3_2.b_1"));
  const recent = felonies.filter((p) => addYears(p.date, ext.value.lookback_years) > input.dates.offense);
  const sameClass = recent.map((p) => atLeastClass(input, p, out.sentenceAs ?? cls2, trace));
  if (sameClass.includes(true)) {
    out.extended = true;
    out.enhancements.push({ code: "il_5_5_3_2_b_1", citation: ext.law, effect: "extended_term_maximum" });
    trace.add("exposure.state.il.extended_term", "warning", [ext.law]);
  } else if (sameClass.includes(void 0))
    trace.add("exposure.state.il.prior_class_unknown", "warning", [ext.law], {
      rule: "5-5-3.2(b)(1)",
      class: cls2
    });
  return out;
}

// src/rules/state/us-il/index.ts
var DIH = { statute: "us_il.drug_induced_homicide.drug_induced_homicide", unit: "us_il.ilcs5_9_3_3" };
function armedViolence(input, trace) {
  const weapon = input.case.conduct.weapon ?? "none";
  if (weapon === "none") return void 0;
  if (weapon === "nearby") {
    trace.add("exposure.state.firearm_reach_undetermined", "warning", [], { weapon });
    return void 0;
  }
  const r = input.law.atOffense("state").maybe("us_il.ilcs5_33a.penalty.category_I");
  if (!r) {
    trace.add("exposure.state.not_in_knowledge_base_on_date", "warning", [], {
      rule: "720 ILCS 5/33A-3 (armed violence)",
      date: input.dates.offense
    });
    return void 0;
  }
  trace.cite(r);
  trace.add("exposure.state.il.armed_violence", "critical", [r.law], { min: r.value.min_months, weapon });
  return {
    citation: r.law,
    description: "armed violence (a drug felony while armed; Category I weapon assumed)",
    kind: "offense",
    row: "category_I",
    penalty: r.value,
    consecutive: true
  };
}
function sentence5(input, charge, trace) {
  const priors = enhancingPriors(input, "us_il", trace);
  const dih = drugInducedHomicide2(input, charge, DIH, trace);
  const seen = {};
  const delivery = () => {
    const drug = il570(input, charge, trace);
    seen.drug = drug;
    const armed = armedViolence(input, trace);
    if (armed) {
      seen.armed = true;
      return armed;
    }
    const rec = il95(input, drug.class, priors, trace);
    seen.rec = rec;
    if (rec.naturalLife) {
      const r = trace.cite(
        input.law.statute("state").get("us_il.ucc5_4_5_95.penalty.natural_life")
      );
      return {
        citation: r.law,
        description: "habitual criminal",
        kind: "offense",
        row: "natural_life",
        penalty: r.value,
        consecutive: true
      };
    }
    const cls2 = rec.sentenceAs ?? drug.class;
    const own = rec.sentenceAs ? null : drug.row;
    const base = own ?? classRow(input, cls2, trace);
    let penalty = base.value;
    if (rec.extended) {
      if (own)
        trace.add("exposure.state.not_modelled", "warning", [own.law], {
          rule: "extended term on a 401(a)/402(a) range"
        });
      else {
        const ext = trace.cite(
          input.law.statute("state").get(`us_il.ucc5_4_5.extended.class_${cls2}`)
        );
        penalty = { ...penalty, max_months: ext.value.max_months };
      }
    }
    return {
      citation: own ? own.law : `${drug.citation}, sentenced under ${base.law}`,
      description: `${charge.conduct === "possession" ? "possession" : "delivery or possession with intent to deliver"} of a controlled substance (Class ${cls2})`,
      kind: "offense",
      row: own ? own.id.split(".").at(-1) ?? cls2 : `class_${cls2}`,
      penalty,
      consecutive: true
    };
  };
  const counts = withDelivery(dih, delivery, trace);
  const offense = counts[0];
  const drugClass = seen.armed ? "X" : seen.rec?.sentenceAs ?? seen.drug?.class ?? null;
  return {
    offense: {
      citation: offense.citation,
      description: offense.description,
      conduct: charge.conduct,
      class: offense === dih ? "X" : drugClass,
      tier: seen.drug?.row ? seen.drug.row.id.split(".").at(-1) ?? null : null
    },
    counts,
    enhancements: seen.rec?.enhancements ?? [],
    grid: null,
    release: releaseRule(input, "us_il", "il_release", trace)
  };
}
var illinois = { jurisdiction: "US-IL", sentence: sentence5 };

// src/rules/state/us-la/la-40-967.ts
function la40_967(input, charge, trace) {
  const view = input.law.atOffense("state");
  const groups = trace.cite(view.get("us_la.la40_967.drugs")).value;
  const kind = charge.conduct === "possession" ? "possession" : "distribution";
  const rows = [
    ...weightRows(view, "us_la.la40_967.penalty"),
    ...weightRows(view, "us_la.la40_966.penalty")
  ].filter((r) => r.id.split(".").at(-1)?.startsWith(kind));
  const found = coveredGroups(groups, charge.drugs);
  for (const f of found) {
    const r = rows.find((x) => inBand(x.value, f.grams, f.drug));
    if (r && (r.value.min_months === null || r.value.max_months === null)) {
      trace.cite(view.use(r));
      throw new StateRefusal("exposure.state.penalty_unverified", { parameter: r.id });
    }
  }
  const best = heaviestRow(view, rows, groups, charge.drugs, trace);
  if (!best)
    throw new StateRefusal("exposure.state.no_tier", {
      offense: "La. R.S. 40:966-967",
      grams: found[0]?.grams ?? 0
    });
  const row2 = best.row;
  const trafficking = kind === "possession" && row2.value.mandatory_months !== 0;
  if (trafficking)
    trace.add("exposure.state.trafficking_by_weight", "warning", [row2.law], {
      drug: best.drug,
      grams: best.grams,
      threshold: row2.value.from_g
    });
  return { ...best, row: row2, trafficking };
}

// src/rules/state/us-la/index.ts
var times = (t, k) => t === "life" ? "life" : Math.round(t * k);
function countable(input, priors, years2, trace, law2) {
  const felonies = priors.filter((p) => p.felony);
  if (years2 === null) {
    if (felonies.length) trace.add("exposure.state.la.cleansing_period_unverified", "warning", [law2]);
    return felonies;
  }
  return felonies.filter((p) => input.dates.offense < addYears(p.release_date ?? p.date, years2));
}
function laRepeat(input, penalty, priors, trace) {
  const law2 = input.law.statute("state");
  const h = trace.cite(law2.get("us_la.la15_529_1.habitual_offender"));
  const n3 = countable(input, priors, h.value.cleansing_period_years, trace, h.law).length;
  const max = penalty.max_months;
  if (max === null) return void 0;
  if (n3 >= 3 && h.value.fourth === null)
    throw new StateRefusal("exposure.state.penalty_unverified", {
      parameter: "us_la.la15_529_1.habitual_offender.fourth"
    });
  let out;
  if (n3 >= 1) {
    const tier = n3 >= 3 ? h.value.fourth : n3 === 2 ? h.value.third : h.value.second;
    const life = tier.life_if_cds_max_at_least_months != null && max !== "life" && max >= tier.life_if_cds_max_at_least_months;
    const bar = h.value.without_benefit;
    const p = life ? bar ? { ...penalty, min_months: "life", max_months: "life", mandatory_months: "life", probation: false } : { ...penalty, min_months: 0, max_months: "life", mandatory_months: 0, probation: true } : {
      ...penalty,
      min_months: times(max, tier.min_fraction),
      max_months: times(max, tier.max_multiplier),
      probation: !bar
    };
    out = {
      penalty: p,
      enhancement: {
        code: n3 === 2 ? "la_15_529_1_third" : "la_15_529_1_second",
        citation: h.law,
        effect: life ? "life" : "range_raised"
      }
    };
    trace.add("exposure.state.la.habitual_offender", "warning", [h.law], {
      priors: n3,
      min: p.min_months,
      max: p.max_months
    });
  }
  const drug = priors.some((p) => p.kind === "drug_possession" || p.kind === "drug_distribution");
  if (drug) {
    const d = trace.cite(law2.get("us_la.la40_982.repeat_drug_offense"));
    const doubled = times(max, d.value.max_multiplier);
    if (!out || out.penalty.max_months !== "life" && doubled !== "life" && doubled > out.penalty.max_months)
      out = {
        penalty: { ...penalty, max_months: doubled },
        enhancement: { code: "la_40_982", citation: d.law, effect: "maximum_doubled" }
      };
  }
  return out;
}
function la893_3(input, penalty, trace) {
  const w = input.case.conduct.weapon ?? "none";
  if (w === "none") return void 0;
  const f = trace.cite(
    input.law.statute("state").get("us_la.ccrp893_3.firearm_minimum")
  );
  if (w === "nearby") {
    trace.add("exposure.state.firearm_reach_undetermined", "warning", [f.law], { weapon: w });
    return void 0;
  }
  const months3 = f.value[w];
  if (months3 === void 0) return void 0;
  const capped = penalty.max_months !== null && penalty.max_months !== "life" ? Math.min(months3, penalty.max_months) : months3;
  trace.add("exposure.state.la.firearm_minimum", "critical", [f.law], { months: capped });
  const mand = penalty.mandatory_months === "life" || penalty.mandatory_months >= capped ? penalty.mandatory_months : capped;
  return { ...penalty, mandatory_months: mand };
}
function sentence6(input, charge, trace) {
  const priors = enhancingPriors(input, "us_la", trace);
  const t = la40_967(input, charge, trace);
  let penalty = t.row.value;
  const enhancements = [];
  const repeat = laRepeat(input, penalty, priors, trace);
  if (repeat) {
    penalty = repeat.penalty;
    enhancements.push(repeat.enhancement);
  }
  const gun = la893_3(input, penalty, trace);
  if (gun) {
    penalty = gun;
    enhancements.push({
      code: "la_ccrp_893_3",
      citation: "La. C.Cr.P. art. 893.3",
      effect: "minimum_raised"
    });
  }
  const row2 = t.row.id.split(".").at(-1);
  const conduct = t.trafficking ? "trafficking" : charge.conduct;
  const description = charge.conduct === "possession" ? `possession of ${t.drug.replaceAll("_", " ")}` : `distribution or possession with intent to distribute ${t.drug.replaceAll("_", " ")}`;
  return {
    offense: { citation: t.row.law, description, conduct, class: "felony", tier: row2 },
    counts: [{ citation: t.row.law, description, kind: "offense", row: row2, penalty, consecutive: true }],
    enhancements,
    grid: null,
    release: releaseRule(input, "us_la", "la_parole", trace)
  };
}
var louisiana = { jurisdiction: "US-LA", sentence: sentence6 };

// src/rules/state/us-mi/mi-333-7401.ts
function mi333_7401(input, charge, trace) {
  const view = input.law.atOffense("state");
  const groups = trace.cite(view.get("us_mi.mcl333_7401.drugs")).value;
  const section = charge.conduct === "possession" ? "mcl333_7403" : "mcl333_7401";
  const rows = weightRows(view, `us_mi.${section}.penalty`);
  const found = coveredGroups(groups, charge.drugs);
  const best = heaviestRow(view, rows, groups, charge.drugs, trace);
  if (!best)
    throw new StateRefusal("exposure.state.no_tier", {
      offense: section === "mcl333_7403" ? "MCL 333.7403" : "MCL 333.7401",
      grams: found[0]?.grams ?? 0
    });
  return { ...best, section };
}

// src/rules/state/us-mi/mi-recidivism.ts
var scale = (t, k) => t === "life" ? "life" : Math.round(t * k);
function miRepeatMaximum(input, max, priors, trace) {
  const law2 = input.law.statute("state");
  const felonies = priors.filter((p) => p.felony);
  const drug = priors.filter((p) => p.kind === "drug_possession" || p.kind === "drug_distribution");
  const options = [];
  if (drug.length) {
    const r = trace.cite(law2.get("us_mi.mcl333_7413.repeat_drug_offense"));
    options.push({
      max: scale(max, r.value.max_multiplier),
      enhancement: { code: "mi_333_7413", citation: r.law, effect: "maximum_doubled" }
    });
  }
  if (felonies.length) {
    const h = trace.cite(law2.get("us_mi.mcl769.habitual_offender"));
    const n3 = felonies.length;
    const raised = n3 >= 3 ? max === "life" || max >= h.value.fourth.life_if_max_at_least_months ? "life" : h.value.fourth.otherwise_max_months : scale(max, n3 === 2 ? h.value.third.multiplier : h.value.second.multiplier);
    const code = n3 >= 3 ? "mi_769_12" : n3 === 2 ? "mi_769_11" : "mi_769_10";
    options.push({ max: raised, enhancement: { code, citation: h.law, effect: "maximum_raised" } });
  }
  const best = options.reduce(
    (a, o) => !a || o.max === "life" || a.max !== "life" && o.max > a.max ? o : a,
    void 0
  );
  if (best)
    trace.add("exposure.state.mi.repeat_maximum", "warning", [best.enhancement.citation], {
      rule: best.enhancement.code,
      max: best.max,
      priors: felonies.length
    });
  return best;
}
function mi750_227b(input, priors, trace) {
  const w = input.case.conduct.weapon ?? "none";
  if (w === "none") return void 0;
  const r = trace.cite(
    input.law.statute("state").get("us_mi.mcl750_227b.felony_firearm")
  );
  if (w === "nearby") {
    trace.add("exposure.state.firearm_reach_undetermined", "warning", [r.law], { weapon: w });
    return void 0;
  }
  const earlier = priors.filter((p) => p.kind === "firearm").length;
  const months3 = earlier >= 2 ? r.value.third : earlier === 1 ? r.value.second : r.value.first;
  trace.add("exposure.state.firearm_consecutive", "critical", [r.law], { months: months3 });
  return months3;
}

// src/rules/state/us-mi/index.ts
function guidelines(input, offenseClass, trace) {
  const g = trace.cite(
    input.law.statute("state").get("us_mi.mcl777.guidelines")
  );
  if (!g.value.in_force) return null;
  trace.add("exposure.state.mi.guidelines_not_scored", "warning", [g.law], {
    offense_class: offenseClass ?? "unknown"
  });
  return {
    kind: "mi_guidelines",
    minimum_months: null,
    maximum_months: null,
    binding: g.value.binding,
    values: { offense_class: offenseClass },
    citations: [g.law]
  };
}
function release3(input, trace) {
  const r = trace.cite(
    input.law.statute("state").get("us_mi.release.parole")
  );
  return { ...r.value, rule: "mi_parole_at_minimum", citations: [r.law] };
}
function sentence7(input, charge, trace) {
  const priors = enhancingPriors(input, "us_mi", trace);
  const t = mi333_7401(input, charge, trace);
  let penalty = t.row.value;
  const enhancements = [];
  if (penalty.max_months !== null) {
    const repeat = miRepeatMaximum(input, penalty.max_months, priors, trace);
    if (repeat) {
      penalty = { ...penalty, max_months: repeat.max };
      enhancements.push(repeat.enhancement);
    }
  }
  const row2 = t.row.id.split(".").at(-1);
  const description = t.section === "mcl333_7403" ? `possession of ${t.drug} (by weight)` : `delivery, manufacture or possession with intent to deliver ${t.drug} (by weight)`;
  const counts = [
    { citation: t.row.law, description, kind: "offense", row: row2, penalty, consecutive: true }
  ];
  const gun = mi750_227b(input, priors, trace);
  if (gun !== void 0)
    counts.push({
      citation: "MCL 750.227b",
      description: "felony-firearm (served before the felony sentence)",
      kind: "firearm",
      row: "felony_firearm",
      penalty: { min_months: gun, max_months: gun, mandatory_months: gun, probation: false },
      consecutive: true
    });
  return {
    offense: { citation: t.row.law, description, conduct: charge.conduct, class: penalty.class, tier: row2 },
    counts,
    enhancements,
    grid: guidelines(input, penalty.class, trace),
    release: release3(input, trace)
  };
}
var michigan = { jurisdiction: "US-MI", sentence: sentence7 };

// src/rules/state/us-mn/index.ts
var DIH2 = {
  statute: "us_mn.drug_induced_homicide.third_degree_murder_distribution",
  unit: "us_mn.mn609_195_b"
};
function sentence8(input, charge, trace) {
  const dih = drugInducedHomicide2(input, charge, DIH2, trace);
  if (!dih)
    throw new StateRefusal("exposure.state.offense_not_covered", {
      covered: "third-degree murder by distribution (Minn. Stat. 609.195(b))"
    });
  return {
    offense: {
      citation: dih.citation,
      description: dih.description,
      conduct: charge.conduct,
      class: null,
      tier: null
    },
    counts: [dih],
    enhancements: [],
    grid: null,
    release: releaseRule(input, "us_mn", "mn_release", trace)
  };
}
var minnesota = { jurisdiction: "US-MN", sentence: sentence8 };

// src/rules/state/us-nc/nc-90-95.ts
function nc90_95h(input, charge, trace) {
  return traffickingByWeight(input.law.atOffense("state"), "us_nc.nc90_95_h", charge, trace, true);
}
function nc90_95Class(input, charge, trace) {
  const c = trace.cite(input.law.statute("state").get("us_nc.nc90_95.classes"));
  const subs = charge.drugs.map((d) => d.substance);
  const group = Object.entries(c.value.substances).find(
    ([, list2]) => subs.some((s) => list2.includes(s))
  )?.[0];
  const sold = input.case.conduct.activities.some((a) => a === "sold_retail" || a === "sold_wholesale");
  const table = charge.conduct === "possession" ? c.value.possession : sold ? c.value.sale : c.value.pwid;
  const cls2 = group ? table[group] : void 0;
  if (!cls2) throw new StateRefusal("exposure.state.substance_not_covered", { substances: subs });
  if (charge.conduct !== "possession" && input.case.conduct.school_zone === true) {
    trace.add("exposure.state.school_zone_count", "warning", [c.law], {
      max: `Class ${c.value.school_zone}`
    });
    return {
      offenseClass: c.value.school_zone,
      citation: c.law,
      description: "sale or possession with intent within 1,000 feet of a school"
    };
  }
  const description = charge.conduct === "possession" ? "possession of a controlled substance" : sold ? "sale of a controlled substance" : "manufacture, delivery or possession with intent to sell or deliver";
  return { offenseClass: cls2, citation: c.law, description };
}

// src/rules/state/us-nc/index.ts
var CLASS_ORDER = ["I", "H", "G", "F", "E", "D", "C", "B2", "B1", "A"];
function nc14_7_6(input, cls2, priors, trace) {
  const h = trace.cite(input.law.statute("state").get("us_nc.nc14_7_6.habitual_felon"));
  const felonies = priors.filter((p) => p.felony).length;
  if (felonies < h.value.priors_required) return void 0;
  const cap = CLASS_ORDER.indexOf(h.value.cap_class);
  const from = CLASS_ORDER.indexOf(cls2);
  const to = h.value.as_class !== null ? CLASS_ORDER.indexOf(h.value.as_class) : Math.min(from + (h.value.steps_up ?? 0), cap);
  const next = CLASS_ORDER[Math.max(to, from)];
  trace.add("exposure.state.nc.habitual_felon", "warning", [h.law], {
    from: cls2,
    to: next,
    priors: felonies
  });
  return {
    cls: next,
    enhancement: { code: "nc_14_7_6", citation: h.law, effect: `sentenced_as_class_${next}` }
  };
}
function release4(input, trace) {
  const r = trace.cite(
    input.law.statute("state").get("us_nc.release.structured")
  );
  return { ...r.value, rule: "nc_minimum_served", citations: [r.law] };
}
function sentence9(input, charge, trace) {
  const priors = enhancingPriors(input, "us_nc", trace);
  const t = nc90_95h(input, charge, trace);
  if (t) {
    const row3 = t.row.id.split(".").at(-1);
    const description = `trafficking in ${t.drug} (by weight)`;
    return {
      offense: {
        citation: t.row.law,
        description,
        conduct: "trafficking",
        class: t.row.value.class,
        tier: row3
      },
      counts: [
        { citation: t.row.law, description, kind: "offense", row: row3, penalty: t.row.value, consecutive: true }
      ],
      enhancements: [],
      grid: null,
      release: release4(input, trace)
    };
  }
  const base = nc90_95Class(input, charge, trace);
  const habitual = nc14_7_6(input, base.offenseClass, priors, trace);
  const cls2 = habitual?.cls ?? base.offenseClass;
  const row2 = trace.cite(
    input.law.statute("state").get(`us_nc.nc15a_1340_17.penalty.class_${cls2}`)
  );
  const cells = trace.cite(input.law.statute("state").get("us_nc.nc15a_1340_17.grid_cells"));
  trace.add("exposure.state.nc.grid_cells_unverified", "warning", [cells.law], {
    offense_class: cls2,
    priors: recordPriors(input).length
  });
  const { highest_minimum_months: high, ...penalty } = row2.value;
  const low = penalty.min_months;
  return {
    offense: {
      citation: base.citation,
      description: base.description,
      conduct: charge.conduct,
      class: cls2,
      tier: null
    },
    counts: [
      {
        citation: base.citation,
        description: base.description,
        kind: "offense",
        row: `class_${cls2}`,
        penalty,
        consecutive: true
      }
    ],
    enhancements: habitual ? [habitual.enhancement] : [],
    grid: {
      kind: "nc_structured_sentencing",
      minimum_months: null,
      maximum_months: null,
      binding: true,
      values: { offense_class: cls2, minimum_span_months: [low, high], prior_record_level: null },
      citations: [row2.law, cells.law]
    },
    release: release4(input, trace)
  };
}
var northCarolina = { jurisdiction: "US-NC", sentence: sentence9 };

// src/rules/state/us-ny/ny-penal-70.ts
var P5 = "us_ny.pl70";
function predicates(input, priors, trace) {
  const look = trace.cite(input.law.statute("state").get(`${P5}.predicate_lookback`));
  return priors.filter((p) => {
    if (!p.felony) return false;
    const tolled = look.value.tolled_by_incarceration ? p.served_months ?? 0 : 0;
    return addMonths(addYears(p.date, look.value.years), tolled) > input.dates.offense;
  });
}
function ny70(input, degree, priors, trace) {
  const law2 = input.law.statute("state");
  const misdemeanor = degree.class === "A_misd";
  const preds = misdemeanor ? [] : predicates(input, priors, trace);
  const row2 = misdemeanor ? "A_misd" : `${degree.class}_${preds.length ? "second" : "first"}`;
  const r = trace.cite(law2.get(`${P5}.penalty.${row2}`));
  if (preds.length)
    trace.add("exposure.state.ny.predicate_felony", "warning", [r.law], { priors: preds.length });
  if (r.value === null) throw new StateRefusal("exposure.state.value_unverified", { parameter: r.id });
  return {
    citation: `${degree.citation}, sentenced under ${r.law}`,
    description: `${degree.citation} (class ${degree.class.replace("_", "-").replace("-misd", " misdemeanor")})`,
    kind: "offense",
    row: row2,
    penalty: r.value,
    consecutive: true
  };
}

// src/rules/state/us-ny/ny-penal-220.ts
var P6 = "us_ny.pl220";
var CLASS_ORDER2 = ["A_misd", "E", "D", "C", "B", "A_II", "A_I"];
function drugsFor(d, drugs, group) {
  return drugs.filter(
    (x) => d.groups.some((g) => g === "any" || g === x.substance || g === group(x.substance))
  );
}
function ny220(input, charge, trace) {
  const law2 = input.law.statute("state");
  const groups = trace.cite(law2.get(`${P6}.substance_group`));
  const group = (s) => groups.value[s];
  const left = charge.drugs.filter((d) => !group(d.substance)).map((d) => d.substance);
  const drugs = charge.drugs.filter((d) => group(d.substance));
  if (!drugs.length) throw new StateRefusal("exposure.state.substance_not_covered", { substances: left });
  if (left.length)
    trace.add("exposure.state.substance_not_counted", "warning", [groups.law], { substances: left });
  if (missingWeight(drugs)) trace.add("exposure.state.weight_unknown", "warning", [groups.law]);
  const tables = charge.conduct === "possession" ? ["possession"] : ["possession", "sale", "pwid"];
  let best;
  let unverified;
  for (const t of tables) {
    const r = trace.cite(law2.get(`${P6}.degrees.${t}`));
    for (const d of r.value) {
      const matching = drugsFor(d, drugs, group);
      if (!matching.length) continue;
      const grams = matching.reduce((sum, x) => sum + (x.grams ?? 0), 0);
      if (d.grams_min === null) {
        if (!unverified || rank(d.class) > rank(unverified.d.class)) unverified = { d, law: r.law };
      } else if (grams >= d.grams_min && (!best || rank(d.class) > rank(best.d.class)))
        best = { d, law: r.law };
    }
  }
  if (!best) throw new StateRefusal("exposure.state.no_tier", { offense: "N.Y. Penal Law article 220" });
  const higher = unverified && rank(unverified.d.class) > rank(best.d.class) ? unverified : void 0;
  if (higher)
    trace.add("exposure.state.ny.higher_degree_unverified", "warning", [higher.law], {
      section: higher.d.section,
      class: higher.d.class
    });
  trace.add("exposure.state.ny.degree", "info", [best.law], { section: best.d.section, class: best.d.class });
  return {
    section: best.d.section,
    class: best.d.class,
    higherUnverified: higher ? higher.d.section : null,
    citation: `N.Y. Penal Law ${best.d.section}`
  };
}
function rank(cls2) {
  const i = CLASS_ORDER2.indexOf(cls2);
  if (i < 0) throw new Error(`unknown New York class ${cls2} in ${P6}`);
  return i;
}

// src/rules/state/us-ny/index.ts
function sentence10(input, charge, trace) {
  const priors = enhancingPriors(input, "us_ny", trace);
  const degree = ny220(input, charge, trace);
  const offense = ny70(input, degree, priors, trace);
  if (input.case.conduct.school_zone === true && charge.conduct !== "possession")
    trace.add("exposure.state.not_modelled", "warning", [], {
      rule: "N.Y. Penal Law 220.44 (sale near school grounds)"
    });
  if ((input.case.conduct.weapon ?? "none") !== "none")
    trace.add("exposure.state.not_modelled", "warning", [], {
      rule: "New York weapon charges with a drug offense"
    });
  return {
    offense: {
      citation: degree.citation,
      description: offense.description,
      conduct: charge.conduct,
      class: degree.class.replace("_", "-"),
      tier: degree.section
    },
    counts: [offense],
    enhancements: offense.row.endsWith("_second") ? [
      {
        code: "ny_70_70_second_felony_drug_offender",
        citation: offense.citation,
        effect: "predicate_range"
      }
    ] : [],
    grid: null,
    release: releaseRule(input, "us_ny", "ny_release", trace)
  };
}
var newYork = { jurisdiction: "US-NY", sentence: sentence10 };

// src/rules/state/us-tx/tx-health-and-safety-481.ts
function tx481(input, charge, trace) {
  const law2 = input.law.statute("state");
  const pg1 = trace.cite(law2.get("us_tx.hsc481_102.penalty_group_1"));
  const { covered, left } = splitCovered(charge.drugs, (d) => pg1.value.includes(d.substance));
  if (!covered.length) throw new StateRefusal("exposure.state.substance_not_covered", { substances: left });
  if (left.length)
    trace.add("exposure.state.substance_not_counted", "warning", [pg1.law], { substances: left });
  if (missingWeight(covered)) trace.add("exposure.state.weight_unknown", "warning", [pg1.law]);
  const unit = charge.conduct === "possession" ? "hsc481_115" : "hsc481_112";
  const section = `Tex. Health & Safety Code ${unit === "hsc481_115" ? "481.115" : "481.112"}`;
  const bands = trace.cite(law2.get(`us_tx.${unit}.degree_bands`));
  const grams = covered.reduce((s, d) => s + (d.grams ?? 0), 0);
  const band = bandFor(bands.value, grams);
  if (!band) throw new StateRefusal("exposure.state.no_tier", { offense: section, grams });
  trace.add("exposure.state.tx.degree", "info", [bands.law], { section, grams, degree: band.degree });
  let degree = band.degree;
  let ownRow = band.penalty_row ? `us_tx.${unit}.penalty.${band.penalty_row}` : null;
  if (input.case.conduct.school_zone === true && charge.conduct !== "possession") {
    const zone = trace.cite(law2.get("us_tx.hsc481_134.zone"));
    const up = zone.value[degree];
    if (up) {
      degree = up;
      ownRow = null;
      trace.add("exposure.state.tx.drug_free_zone", "warning", [zone.law], { degree });
    } else
      trace.add("exposure.state.not_modelled", "warning", [zone.law], {
        rule: "481.134(c) raised minimum for a first-degree offense in a zone"
      });
  }
  return { section, degree, grams, ownRow };
}
function tx12_42(input, o, priors, trace) {
  const law2 = input.law.statute("state");
  const felonies = [...new Set(priors.filter((p) => p.felony).map((p) => p.date))];
  const base = o.ownRow ?? `us_tx.pc12.penalty.${o.degree}`;
  if (!felonies.length) return { id: base, enhancement: null };
  if (o.degree === "SJF") {
    if (felonies.length < 2) return { id: base, enhancement: null };
    const r = trace.cite(law2.get("us_tx.pc12_425.two_prior_felonies"));
    if (r.value === null) throw new StateRefusal("exposure.state.value_unverified", { parameter: r.id });
    trace.add("exposure.state.tx.one_prior", "critical", [r.law], { as: r.value.punished_as });
    return { id: `us_tx.pc12.penalty.${r.value.punished_as}`, enhancement: "tx_12_425_b" };
  }
  if (felonies.length >= 2) {
    trace.add("exposure.state.tx.habitual", "critical", [], { priors: felonies.length });
    return { id: "us_tx.pc12_42.penalty.habitual", enhancement: "tx_12_42_d" };
  }
  const one = trace.cite(law2.get("us_tx.pc12_42.one_prior"));
  const to = one.value[o.degree];
  if (!to) return { id: base, enhancement: null };
  if (o.ownRow) {
    trace.add("exposure.state.not_modelled", "warning", [one.law], {
      rule: "12.42 on a 481.112(e),(f) or 481.115(f) range"
    });
    return { id: base, enhancement: null };
  }
  trace.add("exposure.state.tx.one_prior", "critical", [one.law], { as: to });
  return {
    id: to.startsWith("F") ? `us_tx.pc12.penalty.${to}` : `us_tx.pc12_42.penalty.${to}`,
    enhancement: "tx_12_42"
  };
}
function txCount(input, o, id, trace) {
  const r = trace.cite(input.law.statute("state").get(id));
  return {
    citation: `${o.section}, punished under ${r.law}`,
    description: `${o.section.endsWith("481.115") ? "possession" : "manufacture, delivery or possession with intent to deliver"} of a Penalty Group 1 substance (${o.degree})`,
    kind: "offense",
    row: id.split(".").at(-1) ?? id,
    penalty: r.value,
    consecutive: true
  };
}

// src/rules/state/us-tx/index.ts
var DIH3 = { statute: "us_tx.drug_induced_homicide.fentanyl_murder", unit: "us_tx.pc19_02_b_4" };
function sentence11(input, charge, trace) {
  const priors = enhancingPriors(input, "us_tx", trace);
  const dih = drugInducedHomicide2(input, charge, DIH3, trace);
  if ((input.case.conduct.weapon ?? "none") !== "none")
    trace.add("exposure.state.not_modelled", "warning", [], {
      rule: "Texas deadly-weapon finding (parole and community supervision)"
    });
  const seen = {};
  const delivery = () => {
    const o = tx481(input, charge, trace);
    const { id, enhancement } = tx12_42(input, o, priors, trace);
    seen.o = o;
    seen.enhancement = enhancement;
    return txCount(input, o, id, trace);
  };
  const counts = withDelivery(dih, delivery, trace);
  const offense = counts[0];
  const drugCount = counts.find((c) => c !== dih);
  return {
    offense: {
      citation: offense === dih ? dih.citation : seen.o?.section ?? offense.citation,
      description: offense.description,
      conduct: charge.conduct,
      class: offense === dih ? "F1" : seen.o?.degree ?? null,
      tier: offense === dih ? null : seen.o?.ownRow?.split(".").at(-1) ?? null
    },
    counts,
    enhancements: seen.enhancement && drugCount ? [{ code: seen.enhancement, citation: drugCount.citation, effect: drugCount.row }] : [],
    grid: null,
    release: releaseRule(input, "us_tx", "tx_parole", trace)
  };
}
var texas = { jurisdiction: "US-TX", sentence: sentence11 };

// src/rules/state/us-wi/wi-961-41.ts
var within = (t, g) => (t.over_g === 0 ? g >= 0 : g > t.over_g) && (t.upto_g === null || g <= t.upto_g);
function wi961_41(input, charge, priors, trace) {
  if (charge.conduct === "possession")
    throw new StateRefusal("exposure.state.offense_not_covered", {
      covered: "delivery (961.41(1)) and drug-induced homicide (940.02(2)(a))"
    });
  const law2 = input.law.statute("state");
  const drugs = trace.cite(law2.get("us_wi.wis961_41.drugs"));
  const { covered, left } = splitCovered(charge.drugs, (d) => drugs.value[d.substance] !== void 0);
  if (!covered.length) throw new StateRefusal("exposure.state.substance_not_covered", { substances: left });
  if (left.length)
    trace.add("exposure.state.substance_not_counted", "warning", [drugs.law], { substances: left });
  if (missingWeight(covered)) trace.add("exposure.state.weight_unknown", "warning", [drugs.law]);
  let best;
  for (const group of new Set(covered.map((d) => drugs.value[d.substance]))) {
    const grams = covered.filter((d) => drugs.value[d.substance] === group).reduce((s, d) => s + (d.grams ?? 0), 0);
    const r = trace.cite(law2.get(`us_wi.wis961_41.classes.${group}`));
    const t = r.value.find((x) => within(x, grams));
    if (!t) throw new StateRefusal("exposure.state.no_tier", { offense: r.law, grams });
    const row3 = trace.cite(law2.get(`us_wi.wis939_50.penalty.class_${t.class}`));
    const max = row3.value.max_months === "life" || row3.value.max_months === null ? Number.POSITIVE_INFINITY : row3.value.max_months;
    if (!best || max > best.max) best = { cls: t.class, law: r.law, max };
  }
  const cls2 = best.cls;
  const row2 = trace.cite(law2.get(`us_wi.wis939_50.penalty.class_${cls2}`));
  let penalty = row2.value;
  if (priors.some((p) => p.kind === "drug_possession" || p.kind === "drug_distribution")) {
    const inc = trace.cite(law2.get("us_wi.wis961_48.increase_months"));
    const add = inc.value[cls2] ?? 0;
    if (typeof penalty.max_months === "number")
      penalty = { ...penalty, max_months: penalty.max_months + add };
    trace.add("exposure.state.wi.second_offense", "warning", [inc.law], { months: add });
  }
  return {
    citation: `${best.law}, sentenced under ${row2.law}`,
    description: `manufacture, distribution or delivery of a controlled substance (Class ${cls2} felony)`,
    kind: "offense",
    row: `class_${cls2}`,
    penalty,
    consecutive: true
  };
}

// src/rules/state/us-wi/index.ts
var DIH4 = {
  statute: "us_wi.drug_induced_homicide.len_bias_first_degree_reckless_homicide",
  unit: "us_wi.wis940_02_2_a"
};
function sentence12(input, charge, trace) {
  const priors = enhancingPriors(input, "us_wi", trace);
  const dih = drugInducedHomicide2(input, charge, DIH4, trace);
  const counts = withDelivery(dih, () => wi961_41(input, charge, priors, trace), trace);
  const offense = counts[0];
  return {
    offense: {
      citation: offense.citation,
      description: offense.description,
      conduct: charge.conduct,
      class: null,
      tier: offense.row
    },
    counts,
    enhancements: [],
    grid: null,
    release: releaseRule(input, "us_wi", "wi_release", trace)
  };
}
var wisconsin = { jurisdiction: "US-WI", sentence: sentence12 };

// src/rules/state/index.ts
var ENGINES = new Map(
  [
    georgia,
    florida,
    michigan,
    northCarolina,
    louisiana,
    newYork,
    illinois,
    arizona,
    california,
    texas,
    wisconsin,
    minnesota
  ].map((e) => [e.jurisdiction, e])
);
function hasStateEngine(jurisdiction) {
  return ENGINES.has(jurisdiction);
}
function stateExposure(input, policy) {
  const engine = ENGINES.get(input.case.jurisdiction);
  if (!engine) return void 0;
  const trace = new Trace();
  let kind = "possession";
  try {
    const charge = stateCharge(input, trace, policy);
    kind = charge.conduct === "possession" ? "possession" : "distribution";
    const sentence13 = engine.sentence(input, charge, trace);
    if (sentence13.offense.conduct !== "possession") kind = "distribution";
    const exposure = stateExposureOf(engine.jurisdiction, sentence13, trace);
    const charges = sentence13.counts.map((c) => ({
      statute: c.citation,
      description: c.description,
      citations: [c.citation]
    }));
    return { exposure, charges, kind, findings: trace.findings };
  } catch (e) {
    if (e instanceof StateRefusal) {
      trace.add(e.code, "critical", [], { jurisdiction: input.case.jurisdiction, ...e.values });
    } else if (e instanceof LawGapError) {
      trace.add("law.gap", "critical", [], { parameter: e.parameter, date: e.date });
    } else throw e;
    return { exposure: null, charges: [], kind, findings: trace.findings };
  }
}

// src/engine/dates.ts
function chooseDates(c, evaluation, asOf) {
  const findings = [];
  const future = futureDates(c, evaluation, asOf);
  if (future.length) throw new CaseRefused(future);
  if (asOf) {
    findings.push(finding("dates.as_of", "info", [], { as_of: asOf, offense: c.offense_date }));
    return { dates: { offense: asOf, conviction: asOf, sentencing: asOf, evaluation }, findings };
  }
  const sentencing = c.sentencing_date ?? c.offense_date;
  if (!c.sentencing_date)
    findings.push(finding("dates.sentencing_defaulted", "info", [], { date: sentencing }));
  const conviction = c.conviction_date ?? sentencing;
  const dates = { offense: c.offense_date, conviction, sentencing, evaluation };
  if (!c.sentencing_date) dates.notYetSentenced = true;
  return { dates, findings };
}
function shiftPriors(c, asOf) {
  const priors = c.history?.priors;
  if (!priors?.length || asOf === c.offense_date) return c;
  const days = daysBetween(c.offense_date, asOf);
  return {
    ...c,
    history: {
      ...c.history,
      priors: priors.map((p) => ({
        ...p,
        date: addDays(p.date, days),
        ...p.release_date ? { release_date: addDays(p.release_date, days) } : {}
      }))
    }
  };
}
function futureDates(c, evaluation, asOf) {
  const dates = asOf ? [["as_of", asOf]] : [
    ["offense_date", c.offense_date],
    ["conviction_date", c.conviction_date],
    ["sentencing_date", c.sentencing_date]
  ];
  return dates.flatMap(
    ([path, d]) => d && d > evaluation ? [
      {
        path,
        code: "dates.future",
        message: `${d} is after the evaluation date ${evaluation}: the law of a future date is not known`
      }
    ] : []
  );
}

// src/engine/questions.ts
var ASKING = /* @__PURE__ */ new Map([
  ["exposure.safety_valve.undetermined", null],
  ["exposure.priors.undetermined", null],
  ["screen.divert.lead_undetermined", null],
  ["screen.undetermined.compensation", null],
  ["consequences.immigration.citizenship_unknown", "person.citizenship"],
  // a state firearm term needs the weapon on the person or within reach, not only nearby
  ["exposure.state.firearm_reach_undetermined", "conduct.weapon"]
]);
function questionCode(path) {
  return `question.${path.replace(/\.\d+(?=\.|$)/g, "")}`;
}
function pathsOf(f, field) {
  if (field) return [field];
  const missing = f.values?.missing;
  const paths = typeof missing === "string" ? [missing] : Array.isArray(missing) ? missing : [];
  return paths.filter((p) => typeof p === "string");
}
function questionsOf(findings) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const f of findings) {
    const field = ASKING.get(f.code);
    if (field === void 0) continue;
    for (const path of pathsOf(f, field)) {
      if (seen.has(path)) continue;
      seen.add(path);
      out.push({ path, code: questionCode(path), finding: f.code });
    }
  }
  return out;
}

// src/engine/stamp.ts
import { readFileSync as readFileSync2 } from "node:fs";
var pkg = JSON.parse(readFileSync2(new URL("../../package.json", import.meta.url), "utf8"));
var ENGINE_VERSION = pkg.version;

// src/engine/assess.ts
var FEDERAL = "US-FED";
function notChargedExposure(citation) {
  return {
    statutory: { minimum_months: 0, maximum_months: 0, citations: [citation] },
    firearms: { consecutive_minimum_months: 0, citations: [] },
    safety_valve: { eligible: null, reasons: ["not prosecuted"], citations: [citation] },
    mandatory_minimum_months: 0,
    guidelines: null
  };
}
function unavailableExposure(reason = "not computed: see findings") {
  return {
    statutory: { minimum_months: null, maximum_months: null, citations: [] },
    firearms: { consecutive_minimum_months: 0, citations: [] },
    safety_valve: { eligible: null, reasons: [reason], citations: [] },
    mandatory_minimum_months: null,
    guidelines: null
  };
}
function collect(raw, law2, options) {
  const list2 = new FindingList();
  for (const f of raw) list2.add(f);
  const all = list2.items.concat(law2.findings);
  if (options.mode === "bulk")
    return all.map((f) => ({ code: f.code, severity: f.severity, citations: [], message: "" }));
  return options.messages === false ? all : all.map(render);
}
function conductKind(input) {
  return chargeOf(input).offense === "usc21_844" ? "possession" : "distribution";
}
function federalPart(input, role, policy) {
  try {
    const fed = federalExposure(input, role, policy);
    const statute = fed.charge.statute;
    return {
      exposure: fed.exposure,
      manual: fed.manual,
      charges: [{ statute, description: fed.exposure.statutory.offense ?? statute, citations: [statute] }],
      kind: fed.charge.offense === "usc21_844" ? "possession" : "distribution",
      findings: fed.findings
    };
  } catch (e) {
    if (!(e instanceof LawGapError)) throw e;
    return {
      exposure: unavailableExposure(),
      manual: null,
      charges: [],
      kind: conductKind(input),
      findings: [finding("law.gap", "critical", [], { parameter: e.parameter, date: e.date })]
    };
  }
}
function statePart(input, policy) {
  const result2 = stateExposure(input, policy);
  if (result2)
    return {
      exposure: result2.exposure ?? unavailableExposure("the federal safety valve does not apply to a state case"),
      manual: null,
      charges: result2.charges,
      kind: result2.kind,
      findings: result2.findings
    };
  const kind = conductKind(input);
  return {
    exposure: unavailableExposure("the federal safety valve does not apply to a state case"),
    manual: null,
    charges: [
      {
        statute: "not modelled",
        description: `a ${kind} offense under ${input.case.jurisdiction} law (state charging rules are not modelled yet)`,
        citations: []
      }
    ],
    kind,
    findings: [
      finding("exposure.state_engine_not_available", "info", [], { jurisdiction: input.case.jurisdiction })
    ]
  };
}
function exposurePart(input, role, policy) {
  return input.case.jurisdiction === FEDERAL ? federalPart(input, role, policy) : statePart(input, policy);
}
function assess(input, options) {
  const book = options.law ?? defaultLawBook();
  const { dates, findings: dateFindings } = chooseDates(input, options.evaluationDate, options.asOf);
  const c = options.asOf ? shiftPriors(input, options.asOf) : input;
  const law2 = new CaseLaw(book, dates);
  const ruleInput = { case: c, law: law2, dates };
  const raw = [...dateFindings];
  const memo = options.memo;
  const classified = memo ? memo.get(`role@${dates.evaluation}`, law2, () => classifyRole(ruleInput)) : classifyRole(ruleInput);
  const role = classified.role;
  raw.push(...classified.findings);
  const review = memo ? memo.get(`indicia@${dates.evaluation}@${dates.offense}`, law2, () => reviewIndicia(ruleInput)) : reviewIndicia(ruleInput);
  raw.push(...review.findings);
  let part = exposurePart(ruleInput, role);
  const mismatch = roleExposureMismatch({ ...ruleInput, role, exposure: part.exposure });
  const screened = applyScreen({ ...ruleInput, role, exposure: part.exposure }, review);
  const decision = c.jurisdiction === FEDERAL || hasStateEngine(c.jurisdiction) ? chargingDecision(ruleInput, screened.screen.recommendation) : null;
  if (decision?.kind === "not_charged")
    part = {
      exposure: notChargedExposure(decision.citation),
      manual: null,
      charges: [],
      kind: part.kind,
      findings: [
        finding("exposure.screen.not_charged", "info", [decision.citation], {
          recommendation: decision.recommendation
        })
      ]
    };
  else if (decision?.kind === "policy") part = exposurePart(ruleInput, role, decision.policy);
  raw.push(...part.findings, ...mismatch, ...screened.findings);
  const consequences = assessConsequences({ ...ruleInput, role, exposure: part.exposure }, part.kind);
  raw.push(...consequences.findings);
  const findings = collect(raw, law2, options);
  return {
    case_id: c.id ?? null,
    jurisdiction: c.jurisdiction,
    dates: {
      offense: dates.offense,
      sentencing: dates.sentencing,
      evaluation: dates.evaluation,
      statute_law: law2.statuteLawDate,
      guidelines_manual: part.manual,
      conviction: dates.conviction
    },
    scenario: options.scenario ?? "law_in_force",
    stamp: { engine: ENGINE_VERSION, law_data: book.hash },
    role,
    exposure: part.exposure,
    indicia: review.verdicts,
    screen: screened.screen,
    consequences: consequences.consequences,
    findings,
    charges: part.charges,
    ...options.mode === "bulk" ? {} : { questions: questionsOf(findings) }
  };
}

// src/engine/memo.ts
var CaseMemo = class {
  entries = /* @__PURE__ */ new Map();
  get(key, law2, compute) {
    let list2 = this.entries.get(key);
    if (list2) {
      for (const e of list2) if (law2.reusable(e.reads)) return e.value;
    }
    const { value, reads } = law2.captured(compute);
    if (!list2) {
      list2 = [];
      this.entries.set(key, list2);
    }
    list2.push({ reads, value });
    return value;
  }
};

// src/engine/scenarios.ts
import { existsSync } from "node:fs";

// src/law/reform.ts
import { createHash as createHash2 } from "node:crypto";
import { readdirSync as readdirSync2, readFileSync as readFileSync3 } from "node:fs";
import { extname, join as join2 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { parse as parse2 } from "yaml";
import { z as z3 } from "zod";
var SCENARIO_DIR = fileURLToPath2(new URL("../../law/scenarios/", import.meta.url));
var isoDate3 = z3.string().refine(isIsoDate, "must be a real calendar date written YYYY-MM-DD");
var provisionSchema = z3.strictObject({
  /** A parameter id; `*` stands for one whole dotted segment (e.g. us_fed.usc21_841b.penalty.*.base). */
  parameter: z3.string().regex(/^[a-z*][A-Za-z0-9_*]*(\.[A-Za-z0-9_*]+)+$/, "a dotted parameter id, with * for a whole segment"),
  /**
   * The new value. An object is merged into each existing object value that has all its keys (so
   * `{min_months: 0}` ends a minimum and keeps the maximum); anything else replaces the value.
   */
  value: z3.unknown(),
  /** replace: the value replaces each interval's value instead of merging into it */
  mode: z3.enum(["merge", "replace"]).optional(),
  cite: z3.string().min(1),
  /** bibliography ids (any sources.yaml under law/); default: the sources of the value it replaces */
  sources: z3.array(z3.string().min(1)).optional(),
  note: z3.string().optional()
});
var reformSchema = z3.strictObject({
  id: z3.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens"),
  title: z3.string().min(1),
  summary: z3.string().min(1),
  citation: z3.string().min(1),
  /** enacted | bill | proposal (the report's agenda) */
  status: z3.enum(["enacted", "bill", "proposal"]),
  effective: isoDate3.optional(),
  /** The law the patch goes over: today's law (default), or the law on a fixed date (e.g. the day before an Act). */
  applies_over: z3.union([z3.literal("law_today"), z3.strictObject({ law_of: isoDate3 })]).optional(),
  retroactive: z3.strictObject({
    applies: z3.boolean(),
    /** who may seek a reduced sentence, in words */
    who: z3.string().min(1),
    /** sentences imposed before this date may be reduced (defaults to `effective`) */
    sentenced_before: isoDate3.optional(),
    cite: z3.string().min(1)
  }),
  /** The reform declares it never raises any exposure (checked by property tests). */
  never_harsher: z3.boolean(),
  confidence,
  provisions: z3.array(provisionSchema),
  /** Parts of the reform that the engine cannot express yet, said plainly. */
  not_modelled: z3.array(z3.string()).optional(),
  /** extension for parts of a catalog: the ids of the component reforms of an agenda */
  includes: z3.array(z3.string()).optional()
});
var ReformError = class extends Error {
  constructor(source, problems) {
    super(`${source}: ${problems.join("; ")}`);
    this.source = source;
    this.problems = problems;
    this.name = "ReformError";
  }
  source;
  problems;
};
function readReformFile(path) {
  let text;
  try {
    text = readFileSync3(path, "utf8");
  } catch (e) {
    throw new ReformError(path, [`cannot read the file: ${e.message}`]);
  }
  let data;
  try {
    data = extname(path) === ".json" ? JSON.parse(text) : parse2(text);
  } catch (e) {
    throw new ReformError(path, [
      `not valid ${extname(path) === ".json" ? "JSON" : "YAML"}: ${e.message}`
    ]);
  }
  const r = reformSchema.safeParse(data);
  if (!r.success) throw new ReformError(path, zodProblems(r.error));
  return r.data;
}
function catalogFiles(dir = SCENARIO_DIR) {
  return readdirSync2(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== "sources.yaml").sort().map((f) => join2(dir, f));
}
function loadCatalog(dir = SCENARIO_DIR) {
  const out = /* @__PURE__ */ new Map();
  for (const f of catalogFiles(dir)) {
    const r = readReformFile(f);
    if (out.has(r.id)) throw new ReformError(f, [`id "${r.id}" is used by two catalog files`]);
    out.set(r.id, r);
  }
  for (const r of out.values()) if (r.includes) out.set(r.id, withIncludes(r, out));
  return out;
}
function matches(pattern, id) {
  const p = pattern.split(".");
  const s = id.split(".");
  return p.length === s.length && p.every((part, i) => part === "*" || part === s[i]);
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function shapeProblem(old, next, path) {
  if (old === null || next === null) return void 0;
  const kind = (v) => Array.isArray(v) ? "list" : isObject(v) ? "object" : typeof v === "number" || v === "life" || v === "none" ? "term" : typeof v;
  if (kind(old) !== kind(next))
    return `${path}: expected ${kind(old)} like the law's current value, got ${kind(next)}`;
  if (isObject(old) && isObject(next))
    for (const k of Object.keys(next)) {
      if (!(k in old))
        return `${path}.${k}: the law's value has no such field (fields: ${Object.keys(old).join(", ")})`;
      const p = shapeProblem(old[k], next[k], `${path}.${k}`);
      if (p) return p;
    }
  return void 0;
}
function applyReform(book, reform, source = reform.id) {
  const params = new Map(book.params);
  const problems = [];
  if (reform.provisions.length === 0) problems.push("provisions: a reform changes at least one parameter");
  reform.provisions.forEach((prov, i) => {
    const where = `provisions.${i}`;
    for (const src of prov.sources ?? [])
      if (!(src in book.sources)) problems.push(`${where}.sources: "${src}" is not in the bibliography`);
    const ids = [...book.params.keys()].filter((id) => matches(prov.parameter, id));
    if (ids.length === 0) {
      problems.push(`${where}.parameter: no law parameter is named ${prov.parameter}`);
      return;
    }
    let changedAny = false;
    for (const id of ids) {
      const p = params.get(id);
      const values = p.values.map((v) => {
        const merge = prov.mode !== "replace" && isObject(prov.value);
        if (merge) {
          if (!isObject(v.value) || !Object.keys(prov.value).every((k) => k in v.value))
            return v;
          const problem = shapeProblem(v.value, prov.value, `${where}.value`);
          if (problem) {
            problems.push(problem);
            return v;
          }
        } else if (!prov.parameter.includes("*")) {
          const problem = shapeProblem(v.value, prov.value, `${where}.value`);
          if (problem && prov.mode !== "replace") {
            problems.push(problem);
            return v;
          }
        }
        changedAny = true;
        return {
          ...v,
          value: merge ? { ...v.value, ...prov.value } : prov.value,
          cite: { law: prov.cite, sources: prov.sources ?? v.cite.sources },
          confidence: reform.confidence,
          note: prov.note ?? `changed by scenario ${reform.id}`
        };
      });
      params.set(id, { ...p, values });
    }
    if (!changedAny) problems.push(`${where}.value: fits none of the values of ${prov.parameter}`);
  });
  if (problems.length) throw new ReformError(source, [...new Set(problems)]);
  const hash = createHash2("sha256").update(book.hash).update(JSON.stringify(reform)).digest("hex");
  return new LawBook(params, book.sources, `sha256:${hash}`);
}
function withIncludes(r, catalog3) {
  if (!r.includes) return r;
  const parts2 = r.includes.map((id) => {
    const part = catalog3.get(id);
    if (!part || part.includes)
      throw new ReformError(r.id, [`includes: "${id}" is not a catalog reform without includes`]);
    return part;
  });
  const seen = /* @__PURE__ */ new Set();
  const provisions = [...parts2.flatMap((p) => p.provisions), ...r.provisions].filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...r, provisions };
}

// src/engine/scenarios.ts
var ScenarioError = class extends Error {
};
var BUILT_IN_SCENARIOS = ["law_at_sentencing", "law_today"];
function builtInScenario(id, law2 = defaultLawBook()) {
  if (id === "law_at_sentencing")
    return { id, title: "The law at the time of the case", kind: "built_in", law: law2, dates: "case" };
  if (id === "law_today")
    return {
      id,
      title: "The same conduct under the law in force today",
      kind: "built_in",
      law: law2,
      dates: "evaluation"
    };
  return void 0;
}
var catalog2;
var reformBooks = /* @__PURE__ */ new WeakMap();
function reformCatalog() {
  catalog2 ??= loadCatalog();
  return catalog2;
}
function reformScenario(given, law2 = defaultLawBook()) {
  const reform = withIncludes(given, reformCatalog());
  let books = reformBooks.get(law2);
  if (!books) {
    books = /* @__PURE__ */ new Map();
    reformBooks.set(law2, books);
  }
  const key = JSON.stringify(reform);
  let book = books.get(key);
  if (!book) {
    book = applyReform(law2, reform);
    books.set(key, book);
  }
  const over = reform.applies_over ?? "law_today";
  return {
    id: reform.id,
    title: reform.title,
    kind: "reform",
    law: book,
    dates: over === "law_today" ? "evaluation" : over,
    reform
  };
}
function resolveScenario(idOrPath, law2 = defaultLawBook()) {
  const builtIn = builtInScenario(idOrPath, law2);
  if (builtIn) return builtIn;
  const fromCatalog = reformCatalog().get(idOrPath);
  if (fromCatalog) return reformScenario(fromCatalog, law2);
  if (/\.(ya?ml|json)$/.test(idOrPath) || idOrPath.includes("/")) {
    if (!existsSync(idOrPath)) throw new ScenarioError(`no reform file at ${idOrPath}`);
    return reformScenario(readReformFile(idOrPath), law2);
  }
  throw new ScenarioError(
    `unknown scenario "${idOrPath}" (built in: ${BUILT_IN_SCENARIOS.join(", ")}; catalog: ${[...reformCatalog().keys()].join(", ")}; or a path to a reform file)`
  );
}
function assessUnder(c, scenario, options) {
  const asOf = scenario.dates === "case" ? void 0 : scenario.dates === "evaluation" ? options.evaluationDate : scenario.dates.law_of;
  return assess(c, {
    evaluationDate: options.evaluationDate,
    law: scenario.law,
    scenario: scenario.id,
    ...asOf ? { asOf } : {},
    ...options.messages === false ? { messages: false } : {},
    ...options.mode ? { mode: options.mode } : {},
    ...options.memo ? { memo: options.memo } : {}
  });
}

// src/synthetic/generate.ts
function prng(seed) {
  let s = seed >>> 0;
  const split = () => {
    s = s + 2654435769 >>> 0;
    let z4 = s;
    z4 = Math.imul(z4 ^ z4 >>> 16, 2246822507) >>> 0;
    z4 = Math.imul(z4 ^ z4 >>> 13, 3266489909) >>> 0;
    return (z4 ^ z4 >>> 16) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (a + b >>> 0) + d >>> 0;
    d = d + 1 >>> 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) >>> 0;
    c = c << 21 | c >>> 11;
    c = c + t >>> 0;
    return t / 4294967296;
  };
}
function pickWeighted(r, table) {
  let total2 = 0;
  for (const [, w] of table) total2 += w;
  let x = r() * total2;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) return v;
  }
  return table[table.length - 1][0];
}
var CALIBRATION = {
  functions: {
    source: "report-figures.md: 2016, 12.5% high-level suppliers or importers; 2009, 14% importers/high-level suppliers/organizers/leaders and 58.6% street-level sellers, brokers, couriers, mules and secondary roles. The split inside those groups is an assumption.",
    shares: [
      ["importer_high_level_supplier", 12.5],
      ["organizer_leader", 3],
      ["grower_manufacturer", 3],
      ["wholesaler", 17],
      ["manager_supervisor", 4],
      ["street_level_dealer", 24],
      ["broker", 5],
      ["courier", 12],
      ["mule", 6],
      ["employee_worker", 11.5],
      ["social_supplier", 2]
    ]
  },
  mandatory_minimum_by_function: {
    source: "report-figures.md, 2016: one in two brokers and employees/workers, one in three street-level dealers and couriers, one in four mules convicted of an offense carrying a mandatory minimum; almost half overall. Higher functions: assumption (0.7), social suppliers: assumption (0.05).",
    shares: {
      importer_high_level_supplier: 0.7,
      organizer_leader: 0.7,
      grower_manufacturer: 0.6,
      wholesaler: 0.6,
      manager_supervisor: 0.65,
      street_level_dealer: 1 / 3,
      broker: 0.5,
      courier: 1 / 3,
      mule: 0.25,
      employee_worker: 0.5,
      social_supplier: 0.05
    }
  },
  race_ethnicity: {
    source: "report-figures.md: sentenced for federal drug trafficking 2016, 50.8% Latinx, 23.3% Black, 22.9% white, 3% other. Race of Hispanic people: assumption (90% white, 10% other).",
    shares: [
      ["hispanic", 50.8],
      ["black", 23.3],
      ["white", 22.9],
      ["other", 3]
    ]
  },
  citizenship: {
    source: "report-figures.md: 28.9% non-citizens (2016). Concentration among Hispanic people (50% vs 6%) and the status split are assumptions.",
    noncitizen_if_hispanic: 0.5,
    noncitizen_otherwise: 0.0713,
    status: [
      ["undocumented", 60],
      ["lawful_permanent_resident", 32],
      ["visa_holder", 5],
      ["refugee_or_asylee", 3]
    ]
  },
  drugs: {
    source: "report-figures.md: 36.9% methamphetamine (federal drug sentencing 2017). Other shares: assumption.",
    shares: [
      ["methamphetamine", 36.9],
      ["cocaine", 19],
      ["cocaine_base", 8],
      ["heroin", 12],
      ["marijuana", 10],
      ["fentanyl", 8],
      ["oxycodone", 3.1],
      ["other_schedule_i_ii", 3]
    ]
  },
  gender: {
    source: "assumption (the report gives no share of women among people sentenced for supply)",
    female: 0.14
  },
  drug_use: {
    source: "report-figures.md: NSDUH 2012, 87.5% of sellers used drugs; 43.1% met SUD criteria",
    uses: 0.875,
    sud: 0.431
  },
  weapon: {
    source: "report-figures.md: 2012, 76% no weapon involved. Split of the rest: assumption.",
    shares: [
      ["none", 76],
      ["nearby", 14],
      ["possessed", 9],
      ["brandished", 1]
    ]
  },
  criminal_history: {
    source: "report-figures.md: 2016, 38% of people with a mandatory-minimum conviction had no criminal history. Prior kinds and counts: assumption.",
    none: 0.38
  },
  trial: {
    source: "report-figures.md: 2016, 2.4% went to trial (no acceptance of responsibility)",
    share: 0.024
  },
  bodily_injury: {
    source: "report-figures.md: 2016, 4.2% of mandatory-minimum convictions involved bodily injury",
    share: 0.042
  }
};
var ACTIVITIES_OF = {
  importer_high_level_supplier: [["imported"], ["imported", "sold_wholesale"]],
  organizer_leader: [["organized", "supervised"], ["organized"]],
  grower_manufacturer: [["grew_or_manufactured"]],
  wholesaler: [["sold_wholesale"]],
  manager_supervisor: [["supervised", "sold_wholesale"], ["supervised"]],
  street_level_dealer: [["sold_retail"]],
  broker: [["brokered"]],
  courier: [["transported_vehicle"]],
  mule: [["carried_on_body"]],
  employee_worker: [
    ["lookout"],
    ["ran_errands"],
    ["packaged"],
    ["took_messages"],
    ["received_packages"],
    ["stored"]
  ],
  social_supplier: [["shared_free"], ["bought_for_friends"]]
};
var TRIGGER_KEY = {
  heroin: "heroin",
  cocaine: "cocaine",
  cocaine_base: "cocaine_base",
  methamphetamine: "methamphetamine",
  fentanyl: "fentanyl",
  marijuana: "marihuana"
};
var EPOCH_DAY = Date.UTC(2012, 0, 1) / 864e5;
var SPAN_DAYS = Date.UTC(2024, 0, 1) / 864e5 - EPOCH_DAY;
function isoDay(day) {
  return new Date(day * 864e5).toISOString().slice(0, 10);
}
var round3 = (x) => Math.round(x * 1e3) / 1e3;
function* generateCases(n3, seed, options = {}) {
  const law2 = options.law ?? defaultLawBook();
  const r = prng(seed);
  const triggerCache = /* @__PURE__ */ new Map();
  const trigger = (substance, date) => {
    const key = TRIGGER_KEY[substance];
    if (!key) return null;
    const id = `us_fed.usc21_841b.threshold.B.${key}`;
    const values = law2.params.get(id)?.values ?? [];
    const hit = values.find((x) => x.from <= date && (x.to === void 0 || date < x.to));
    const k = `${id}@${hit?.from ?? ""}`;
    let v = triggerCache.get(k);
    if (v === void 0) {
      v = typeof hit?.value === "number" ? hit.value : null;
      triggerCache.set(k, v);
    }
    return v;
  };
  const C = CALIBRATION;
  for (let i = 0; i < n3; i++) {
    const fn = pickWeighted(r, C.functions.shares);
    const acts = ACTIVITIES_OF[fn];
    const activities = acts[Math.floor(r() * acts.length)];
    const offenseDay = EPOCH_DAY + Math.floor(r() * SPAN_DAYS);
    const offense = isoDay(offenseDay);
    const convictionDay = offenseDay + 90 + Math.floor(r() * 270);
    const sentencing = isoDay(convictionDay + 60 + Math.floor(r() * 120));
    const conviction = isoDay(convictionDay);
    const group = pickWeighted(r, C.race_ethnicity.shares);
    const hispanic = group === "hispanic";
    const race = group === "hispanic" ? r() < 0.9 ? "white" : "other" : group === "other" ? pickWeighted(r, [
      ["asian", 45],
      ["american_indian_alaska_native", 35],
      ["native_hawaiian_pacific_islander", 10],
      ["multiracial", 10]
    ]) : group;
    const noncitizen = r() < (hispanic ? C.citizenship.noncitizen_if_hispanic : C.citizenship.noncitizen_otherwise);
    const citizenship = noncitizen ? pickWeighted(r, C.citizenship.status) : "us_citizen";
    const gender = r() < C.gender.female ? "female" : "male";
    const uses = r() < C.drug_use.uses;
    const sud = uses && r() < C.drug_use.sud / C.drug_use.uses;
    let substance = pickWeighted(r, C.drugs.shares);
    if (fn === "grower_manufacturer" && substance !== "marijuana" && substance !== "methamphetamine")
      substance = r() < 0.5 ? "marijuana" : "methamphetamine";
    const mm = r() < C.mandatory_minimum_by_function.shares[fn];
    const t = trigger(substance, offense);
    let grams;
    if (t !== null) {
      grams = mm ? t * (1 + r() * (r() < 0.3 ? 29 : 4)) : t * (0.02 + r() * 0.9);
      if (fn === "street_level_dealer" || fn === "social_supplier" || fn === "mule")
        grams = Math.max(0.1, grams);
    } else {
      grams = mm ? 500 + r() * 5e3 : 1 + r() * 100;
    }
    const basis = fn === "courier" || fn === "mule" ? "possessed" : fn === "employee_worker" || fn === "broker" ? "attributed" : r() < 0.3 ? "attributed" : "transacted";
    const drugs = [{ substance, grams: round3(Math.max(1e-3, grams)), basis }];
    if (r() < 0.12) {
      const second = pickWeighted(r, C.drugs.shares);
      if (second !== substance && second !== "other_schedule_i_ii" && second !== "oxycodone")
        drugs.push({ substance: second, grams: round3(0.5 + r() * 50), basis });
    }
    let weapon = pickWeighted(r, C.weapon.shares);
    if (fn === "social_supplier") weapon = "none";
    const firearm_counts = weapon === "possessed" || weapon === "brandished" ? r() < 0.35 ? 1 : 0 : 0;
    const noHistory = r() < C.criminal_history.none;
    const priors = [];
    if (!noHistory) {
      const k = 1 + Math.floor(r() * r() * 4);
      for (let p = 0; p < k; p++) {
        const day = offenseDay - 365 * (1 + p * 3) - Math.floor(r() * 700);
        const felony2 = r() < 0.55;
        const sentence13 = felony2 ? 6 + Math.floor(r() * 48) : Math.floor(r() * 12);
        priors.push({
          date: isoDay(day),
          kind: pickWeighted(r, [
            ["drug_possession", 40],
            ["drug_distribution", 25],
            ["other", 25],
            ["violent", 7],
            ["firearm", 3]
          ]),
          felony: felony2,
          sentence_months: sentence13,
          served_months: Math.floor(sentence13 * (0.5 + r() * 0.5))
        });
      }
      priors.sort((a, b) => a.date < b.date ? -1 : 1);
    }
    const indiciaPool = [
      "quantity",
      "separate_packaging",
      "scale",
      "cash",
      "phone_records",
      "controlled_buy",
      "informant_statement",
      "co_defendant_testimony"
    ];
    const indicia = indiciaPool.filter(() => r() < 0.25);
    const profit = fn === "importer_high_level_supplier" || fn === "organizer_leader" ? "major_profit" : fn === "social_supplier" ? "none" : fn === "employee_worker" || fn === "mule" ? "subsistence" : "profit";
    const raw = {
      id: `syn-${seed}-${String(i + 1).padStart(7, "0")}`,
      synthetic: true,
      jurisdiction: options.jurisdiction ?? "US-FED",
      offense_date: offense,
      conviction_date: conviction,
      sentencing_date: sentencing,
      person: {
        birth_year: Number(offense.slice(0, 4)) - (19 + Math.floor(r() * r() * 45)),
        race,
        ethnicity: hispanic ? "hispanic" : "not_hispanic",
        gender,
        citizenship,
        uses_drugs: uses,
        substance_use_disorder: sud
      },
      conduct: {
        activities,
        drugs,
        compensation: profit,
        ...fn === "organizer_leader" || fn === "manager_supervisor" ? { people_supervised: 1 + Math.floor(r() * 8), profit_share: true } : {},
        weapon,
        firearm_counts,
        violence: r() < C.bodily_injury.share * (mm ? 1 : 0.3) ? "bodily_injury" : "none"
      },
      evidence: indicia.length ? { indicia: [...indicia] } : {},
      history: { priors },
      cooperation: {
        truthful_disclosure: r() < 0.55,
        substantial_assistance: r() < 0.12,
        accepted_responsibility: r() >= C.trial.share
      }
    };
    const parsed = parseCase(raw);
    if (!parsed.ok) throw new Error(`generator produced an invalid case: ${JSON.stringify(parsed.problems)}`);
    yield parsed.case;
  }
}

// bench/assess.bench.ts
var EVALUATION = "2026-11-27";
var law = defaultLawBook();
var json = process.argv.includes("--json");
var cases = [...generateCases(1e4, 1, { law })];
function rate(run, rounds) {
  for (const c of cases) run(c);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let k = 0; k < rounds; k++) for (const c of cases) run(c);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  const n3 = rounds * cases.length;
  if (!json) console.error(`  ${Math.round(n3 / wall).toLocaleString("en-US")}/s wall clock`);
  return Math.round(n3 / seconds);
}
var explained = rate((c) => assess(c, { evaluationDate: EVALUATION, law, messages: false }), 3);
var bulk = rate((c) => assess(c, { evaluationDate: EVALUATION, law, mode: "bulk" }), 3);
var rendered = rate((c) => assess(c, { evaluationDate: EVALUATION, law }), 1);
var scenarios = ["law_at_sentencing", "law_today", "dpa-2019"].map((id) => resolveScenario(id, law));
var underAll = rate((c) => {
  const memo = new CaseMemo();
  for (const s of scenarios) assessUnder(c, s, { evaluationDate: EVALUATION, mode: "bulk", memo });
}, 1);
var result = {
  bench: "assess",
  cases: cases.length,
  assess_per_s_explained: explained,
  assess_per_s_bulk: bulk,
  assess_per_s_rendered: rendered,
  cases_per_s_three_scenarios_bulk: underAll,
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024)
};
if (json) console.log(JSON.stringify(result));
else
  for (const [k, v] of Object.entries(result))
    console.log(`${k}: ${typeof v === "number" ? v.toLocaleString("en-US") : v}`);
