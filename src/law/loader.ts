import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { LawBook } from './book.ts';
import { LawDataError } from './errors.ts';
import { cachedParse, PARSE_CACHE_DIR } from './parse-cache.ts';
import { lawFile, type Parameter, sourcesFile } from './schema.ts';

export const LAW_DIR = fileURLToPath(new URL('../../law/', import.meta.url));

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (entry.name.endsWith('.yaml')) out.push(full);
  }
  return out.sort();
}

export function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const keys = 'keys' in i && Array.isArray(i.keys) ? i.keys : [];
    const path = [...i.path, ...(keys.length === 1 ? keys : [])].join('.');
    const names = keys.length > 1 ? ` (${keys.join(', ')})` : '';
    return `${path || '(root)'}: ${i.message}${names}`;
  });
}

function parseYaml(text: string, path: string): unknown {
  try {
    return parse(text);
  } catch (e) {
    throw new LawDataError(`not valid YAML: ${(e as Error).message}`, path);
  }
}

/** Checks one parameter's history: ordered, non-overlapping and without gaps. */
function checkIntervals(id: string, p: Parameter, path: string): void {
  for (let i = 0; i < p.values.length; i++) {
    const v = p.values[i];
    if (!v) continue;
    if (v.to !== undefined && v.to <= v.from)
      throw new LawDataError(`${id}: interval ${v.from}..${v.to} is empty or reversed`, path);
    const next = p.values[i + 1];
    if (!next) continue;
    if (v.to === undefined)
      throw new LawDataError(`${id}: an open-ended value from ${v.from} is followed by another value`, path);
    if (next.from !== v.to)
      throw new LawDataError(
        `${id}: intervals must be contiguous (${v.to} is followed by ${next.from})`,
        path,
      );
  }
}

/**
 * Loads and validates every law file; any defect is a LawDataError naming the file and the path inside it.
 * `cacheDir` keeps the parsed files between processes (null: parse every time); only the shipped law is
 * cached unless asked, so that other law directories (a test's fixtures) do not evict it.
 */
export function loadLawBook(
  dir: string = LAW_DIR,
  cacheDir: string | null = dir === LAW_DIR ? PARSE_CACHE_DIR : null,
): LawBook {
  const hash = createHash('sha256');
  const files = yamlFiles(dir)
    .map((file) => ({ rel: relative(dir, file), text: readFileSync(file, 'utf8') }))
    // the scenarios' own files are reforms (law/reform.ts), not law; their bibliography is the law's
    .filter((f) => f.rel.endsWith('sources.yaml') || !f.rel.startsWith('scenarios'));
  const docs = cachedParse('law', files, (f) => parseYaml(f.text, f.rel), cacheDir);
  const read = files.map((f, i) => ({ rel: f.rel, text: f.text, doc: docs[i] }));
  // Bibliographies: law/sources.yaml and any sources.yaml beside a group of law files.
  const sources: Record<string, z.infer<typeof sourcesFile>[string]> = {};
  for (const { rel, text, doc } of read.filter((f) => f.rel.endsWith('sources.yaml'))) {
    hash.update(`${rel}\n${text}`);
    const parsed = sourcesFile.safeParse(doc);
    if (!parsed.success) throw new LawDataError(zodProblems(parsed.error).join('; '), rel);
    for (const [id, s] of Object.entries(parsed.data)) {
      if (id in sources) throw new LawDataError(`source id "${id}" is defined twice`, rel);
      sources[id] = s;
    }
  }

  const params = new Map<string, Parameter>();
  for (const { rel, text, doc } of read) {
    if (rel.endsWith('sources.yaml')) continue;
    hash.update(`${rel}\n${text}`);
    const parsed = lawFile.safeParse(doc);
    if (!parsed.success) throw new LawDataError(zodProblems(parsed.error).join('; '), rel);
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
  return new LawBook(params, sources, `sha256:${hash.digest('hex')}`);
}

let cached: LawBook | undefined;
/** The law shipped with the product, loaded once per process. */
export function defaultLawBook(): LawBook {
  cached ??= loadLawBook();
  return cached;
}

/** The parsed law as plain data: handed to worker threads (structured clone) instead of parsing it again. */
export interface LawBookData {
  params: [string, Parameter][];
  sources: LawBook['sources'];
  hash: string;
}

export function lawBookData(book: LawBook): LawBookData {
  return { params: [...book.params], sources: book.sources, hash: book.hash };
}

/** In a worker: the law the main thread loaded (and validated) becomes this thread's default law. */
export function adoptLawBook(data: LawBookData): LawBook {
  cached = new LawBook(new Map(data.params), data.sources, data.hash);
  return cached;
}
