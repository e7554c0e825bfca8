import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { isIsoDate } from '../model/dates.ts';
import { LawBook } from './book.ts';
import { zodProblems } from './loader.ts';
import { cachedParse, PARSE_CACHE_DIR } from './parse-cache.ts';
import { confidence, type LawValue, type Parameter } from './schema.ts';

/**
 * A reform is data: a validated patch over the law's parameters plus policy switches, with an
 * effective date and a declared retroactivity. Reforms live in readable YAML or JSON files that an
 * analyst can copy and edit (law/scenarios/).
 */
export const SCENARIO_DIR = fileURLToPath(new URL('../../law/scenarios/', import.meta.url));

const isoDate = z.string().refine(isIsoDate, 'must be a real calendar date written YYYY-MM-DD');

export const provisionSchema = z
  .strictObject({
    /** A parameter id; `*` stands for one whole dotted segment (e.g. us_fed.usc21_841b.penalty.*.base). */
    parameter: z
      .string()
      .regex(
        /^[a-z*][A-Za-z0-9_*]*(\.[A-Za-z0-9_*]+)+$/,
        'a dotted parameter id, with * for a whole segment',
      ),
    /**
     * The new value. An object is merged into each existing object value that has all its keys (so
     * `{min_months: 0}` ends a minimum and keeps the maximum); anything else replaces the value.
     */
    value: z.unknown().optional(),
    /**
     * Instead of a value: the parameter as the law stood on this date (an enacted reform is the law it wrote, so
     * its values come from the dated law data, not copies): its value then, at every date, with that value's
     * citation and confidence; a parameter not in force then is not in force at all (e.g. a tier the act repealed).
     */
    in_force_on: isoDate.optional(),
    /** replace: the value replaces each interval's value instead of merging into it */
    mode: z.enum(['merge', 'replace']).optional(),
    cite: z.string().min(1),
    /** bibliography ids (any sources.yaml under law/); default: the sources of the value it replaces */
    sources: z.array(z.string().min(1)).optional(),
    note: z.string().optional(),
  })
  .refine((p) => (p.value === undefined) !== (p.in_force_on === undefined), {
    message: 'give either value or in_force_on',
    path: ['value'],
  });

export const reformSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  title: z.string().min(1),
  summary: z.string().min(1),
  citation: z.string().min(1),
  /** enacted | bill | proposal (the report's agenda) */
  status: z.enum(['enacted', 'bill', 'proposal']),
  effective: isoDate.optional(),
  /** The law the patch goes over: today's law (default), or the law on a fixed date (e.g. the day before an Act). */
  applies_over: z.union([z.literal('law_today'), z.strictObject({ law_of: isoDate })]).optional(),
  retroactive: z.strictObject({
    applies: z.boolean(),
    /** who may seek a reduced sentence, in words */
    who: z.string().min(1),
    /** sentences imposed before this date may be reduced (defaults to `effective`) */
    sentenced_before: isoDate.optional(),
    cite: z.string().min(1),
  }),
  /** The reform declares it never raises any exposure (checked by property tests). */
  never_harsher: z.boolean(),
  confidence,
  provisions: z.array(provisionSchema),
  /** Parts of the reform that the engine cannot express yet, said plainly. */
  not_modelled: z.array(z.string()).optional(),
  /** extension for parts of a catalog: the ids of the component reforms of an agenda */
  includes: z.array(z.string()).optional(),
});
export type Reform = z.infer<typeof reformSchema>;

export class ReformError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'ReformError';
  }
}

/** A reform file's text as data (.json: JSON; otherwise YAML). */
function parseReformText(text: string, path: string): unknown {
  try {
    return extname(path) === '.json' ? JSON.parse(text) : parse(text);
  } catch (e) {
    throw new ReformError(path, [
      `not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message}`,
    ]);
  }
}

function checkReform(data: unknown, path: string): Reform {
  const r = reformSchema.safeParse(data);
  if (!r.success) throw new ReformError(path, zodProblems(r.error));
  return r.data;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ReformError(path, [`cannot read the file: ${(e as Error).message}`]);
  }
}

/** Reads a reform file (.yaml, .yml or .json); every problem names its path inside the file. */
export function readReformFile(path: string): Reform {
  return checkReform(parseReformText(readText(path), path), path);
}

export function catalogFiles(dir: string = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'sources.yaml')
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The catalog shipped with the product; an agenda that `includes` other reforms gets their provisions.
 * The shipped catalog's parsed files are cached between processes like the law's (src/law/parse-cache.ts).
 */
export function loadCatalog(
  dir: string = SCENARIO_DIR,
  cacheDir: string | null = dir === SCENARIO_DIR ? PARSE_CACHE_DIR : null,
): Map<string, Reform> {
  const files = catalogFiles(dir).map((path) => ({ rel: path, text: readText(path) }));
  const docs = cachedParse('reforms', files, (f) => parseReformText(f.text, f.rel), cacheDir);
  const out = new Map<string, Reform>();
  files.forEach(({ rel: f }, i) => {
    const r = checkReform(docs[i], f);
    if (out.has(r.id)) throw new ReformError(f, [`id "${r.id}" is used by two catalog files`]);
    out.set(r.id, r);
  });
  for (const r of out.values()) if (r.includes) out.set(r.id, withIncludes(r, out));
  return out;
}

function matches(pattern: string, id: string): boolean {
  const p = pattern.split('.');
  const s = id.split('.');
  return p.length === s.length && p.every((part, i) => part === '*' || part === s[i]);
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value of the same kind: numbers (or "life"/"none") for numbers, objects with known keys, lists for lists. */
function shapeProblem(old: Json, next: Json, path: string): string | undefined {
  if (old === null || next === null) return undefined;
  const kind = (v: Json) =>
    Array.isArray(v)
      ? 'list'
      : isObject(v)
        ? 'object'
        : typeof v === 'number' || v === 'life' || v === 'none'
          ? 'term'
          : typeof v;
  if (kind(old) !== kind(next))
    return `${path}: expected ${kind(old)} like the law's current value, got ${kind(next)}`;
  if (isObject(old) && isObject(next))
    for (const k of Object.keys(next)) {
      if (!(k in old))
        return `${path}.${k}: the law's value has no such field (fields: ${Object.keys(old).join(', ')})`;
      const p = shapeProblem(old[k], next[k], `${path}.${k}`);
      if (p) return p;
    }
  return undefined;
}

/**
 * Applies a reform over a law book. Every provision must name existing parameters and fit their
 * values' shape; otherwise the reform is rejected with the path of each problem.
 */
export function applyReform(book: LawBook, reform: Reform, source = reform.id): LawBook {
  const params = new Map(book.params);
  const problems: string[] = [];
  let start = '9999-12-31';
  for (const p of book.params.values()) for (const v of p.values) if (v.from < start) start = v.from;
  if (reform.provisions.length === 0) problems.push('provisions: a reform changes at least one parameter');
  reform.provisions.forEach((prov, i) => {
    const where = `provisions.${i}`;
    for (const src of prov.sources ?? [])
      if (!(src in book.sources)) problems.push(`${where}.sources: "${src}" is not in the bibliography`);
    const ids = [...book.params.keys()].filter((id) => matches(prov.parameter, id));
    if (ids.length === 0) {
      problems.push(`${where}.parameter: no law parameter is named ${prov.parameter}`);
      return;
    }
    if (prov.in_force_on !== undefined) {
      if (!enacted(params, ids, prov.in_force_on, start, reform.id, prov.sources))
        problems.push(`${where}.in_force_on: none of ${prov.parameter} is in force on ${prov.in_force_on}`);
      return;
    }
    let changedAny = false;
    for (const id of ids) {
      const p = params.get(id) as Parameter;
      const values: LawValue[] = p.values.map((v) => {
        const merge = prov.mode !== 'replace' && isObject(prov.value);
        if (merge) {
          // Merge only into values that have every field being set (e.g. skip "none" and "same as" rows).
          if (!isObject(v.value) || !Object.keys(prov.value as object).every((k) => k in (v.value as object)))
            return v;
          const problem = shapeProblem(v.value, prov.value, `${where}.value`);
          if (problem) {
            problems.push(problem);
            return v;
          }
        } else if (!prov.parameter.includes('*')) {
          const problem = shapeProblem(v.value, prov.value, `${where}.value`);
          if (problem && prov.mode !== 'replace') {
            problems.push(problem);
            return v;
          }
        }
        changedAny = true;
        return {
          ...v,
          value: merge ? { ...(v.value as object), ...(prov.value as object) } : prov.value,
          cite: { law: prov.cite, sources: prov.sources ?? v.cite.sources },
          confidence: reform.confidence,
          note: prov.note ?? `changed by scenario ${reform.id}`,
        };
      });
      params.set(id, { ...p, values });
    }
    if (!changedAny) problems.push(`${where}.value: fits none of the values of ${prov.parameter}`);
  });
  if (problems.length) throw new ReformError(source, [...new Set(problems)]);
  // The stamp's law hash covers the base law and the reform, so every output says what it was computed on.
  const hash = createHash('sha256').update(book.hash).update(JSON.stringify(reform)).digest('hex');
  return new LawBook(params, book.sources, `sha256:${hash}`);
}

/**
 * Sets each parameter to its value in force on `date`, from `start` (the book's first date) on, or removes it
 * when it has none then. Whether any of them was in force.
 */
function enacted(
  params: Map<string, Parameter>,
  ids: readonly string[],
  date: string,
  start: string,
  reform: string,
  sources: string[] | undefined,
): boolean {
  let found = false;
  for (const id of ids) {
    const p = params.get(id) as Parameter;
    const v = p.values.find((x) => x.from <= date && (x.to === undefined || date < x.to));
    if (!v) {
      params.delete(id);
      continue;
    }
    found = true;
    const { reach: _, to: __, ...kept } = v;
    params.set(id, {
      ...p,
      values: [
        {
          ...kept,
          from: start,
          cite: { law: v.cite.law, sources: sources ?? v.cite.sources },
          note: `the law in force on ${date} (from ${v.from}), applied by scenario ${reform}`,
        },
      ],
    });
  }
  return found;
}

/** An agenda's provisions: those of every reform it `includes` (from the catalog), then its own. */
export function withIncludes(r: Reform, catalog: ReadonlyMap<string, Reform>): Reform {
  if (!r.includes) return r;
  const parts = r.includes.map((id) => {
    const part = catalog.get(id);
    if (!part || part.includes)
      throw new ReformError(r.id, [`includes: "${id}" is not a catalog reform without includes`]);
    return part;
  });
  // Idempotent: a provision already present (an agenda expanded before) is not added twice.
  const seen = new Set<string>();
  const provisions = [...parts.flatMap((p) => p.provisions), ...r.provisions].filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...r, provisions };
}

/** The parameter ids a reform changes (patterns expanded). */
export function changedParameters(book: LawBook, reform: Reform): string[] {
  const out = new Set<string>();
  for (const prov of reform.provisions)
    for (const id of book.params.keys()) if (matches(prov.parameter, id)) out.add(id);
  return [...out].sort();
}
