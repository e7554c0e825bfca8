import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

/** Where parsed law and reform files are kept between processes. */
export const PARSE_CACHE_DIR = fileURLToPath(
  new URL('../../node_modules/.cache/proportion/', import.meta.url),
);
const YAML_VERSION: string = createRequire(import.meta.url)('yaml/package.json').version;

/** A file of the law's directory: its path there, and its text. */
export interface SourceText {
  rel: string;
  text: string;
}

/**
 * What `parse` makes of each file, from the cache when the same texts were parsed before. Parsing the
 * law's YAML takes ~0.6 s, most of the start of every process (a CLI command, the server, each test
 * file), and JSON.parse of the same data ~5 ms. An entry is keyed by the sha256 of every file's path and
 * text and by the YAML parser's version, and holds only the parser's output: the schemas and checks still
 * run on every load, so a change to them needs no invalidation. A cache that cannot be read or written is
 * skipped (it is never the only copy of anything), a result JSON cannot carry unchanged is not cached, and
 * writing an entry removes the older entries of its kind (the law as it was before an edit).
 */
export function cachedParse(
  kind: 'law' | 'reforms',
  files: readonly SourceText[],
  parse: (file: SourceText) => unknown,
  cacheDir: string | null,
): unknown[] {
  if (!cacheDir) return files.map(parse);
  const key = createHash('sha256').update(`yaml ${YAML_VERSION}\n`);
  for (const f of files) key.update(`${f.rel}\n${f.text.length}\n${f.text}`);
  const name = `${kind}-${key.digest('hex')}.json`;
  const file = join(cacheDir, name);
  try {
    const docs: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(docs) && docs.length === files.length) return docs;
  } catch {
    // no entry yet, or an unreadable one: parse the files
  }
  const docs = files.map(parse);
  const json = JSON.stringify(docs);
  if (!isDeepStrictEqual(JSON.parse(json), docs)) return docs;
  try {
    mkdirSync(cacheDir, { recursive: true });
    // written aside and renamed, so that a process reading at the same time sees all of it or nothing
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, json);
    renameSync(partial, file);
    const stale = new RegExp(`^${kind}-[0-9a-f]{64}\\.json$`);
    for (const old of readdirSync(cacheDir))
      if (stale.test(old) && old !== name) rmSync(join(cacheDir, old), { force: true });
  } catch {
    // a read-only install: every load parses the files
  }
  return docs;
}
