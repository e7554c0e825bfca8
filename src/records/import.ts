import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { MergeCounts, RecordStore } from '../db/store.ts';
import { repeatedColumnsProblem } from '../model/header.ts';
import type { Missing } from './codes.ts';
import { dataPackageSchema, type Resource } from './datapackage.ts';
import { importCsvInDuckDB } from './import-sql.ts';
import {
  isSourceKey,
  type Mappings,
  normalizeRecord,
  type RoleDeriver,
  type StoredRow,
} from './normalize.ts';

export interface RejectedRow {
  /** physical line of the file (1-based; a CSV header is line 1) */
  line: number;
  record_id: string | null;
  reasons: string[];
}
export interface ImportReport {
  file: string;
  format: 'csv' | 'jsonl';
  rows: number;
  accepted: number;
  rejected: RejectedRow[];
  /** false when nothing was written (rejected rows without allowPartial, or an error) */
  committed: boolean;
  counts: MergeCounts | null;
  file_sha256: string;
  /** where the rows were normalised: in the database (DuckDB, plain CSV) or row by row in JavaScript */
  normalised_in: 'database' | 'javascript';
}
export interface ImportOptions {
  format?: 'csv' | 'jsonl';
  /** Frictionless Data Package descriptor describing the CSV (its data dictionary) */
  descriptor?: string;
  /** import the valid rows even when some are rejected (default: all or nothing) */
  allowPartial?: boolean;
  deriveRole?: RoleDeriver;
  batchSize?: number;
  /**
   * Normalise row by row in JavaScript even where the store could do it in SQL (DuckDB, CSV).
   * Tests use it to compare the two paths.
   */
  rowByRow?: boolean;
  /** test hook, run inside the transaction before commit */
  beforeCommit?: () => void | Promise<void>;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Where an import is, for a terminal's status line: the file being read, its rows being checked (the
 * count so far when rows are checked one by one), the accepted rows being written.
 */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  rows: number | null;
}

/** How often the row-by-row path reports the rows checked so far. */
const PROGRESS_EVERY_ROWS = 50_000;

export class ImportFileError extends Error {}

/** Reads mappings (source value -> code, source value -> missingness) from a descriptor's resource. */
export function mappingsFromDescriptor(
  path: string,
  csvPath: string,
): { mappings: Mappings; fields: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ImportFileError(`cannot read the descriptor ${path}: ${(e as Error).message}`);
  }
  const r = dataPackageSchema.safeParse(json);
  if (!r.success)
    throw new ImportFileError(
      `${path} is not a Data Package descriptor: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const target = resolve(csvPath);
  const res: Resource | undefined =
    r.data.resources.find((x) => resolve(dirname(path), x.path) === target) ??
    r.data.resources.find((x) => basename(x.path) === basename(csvPath)) ??
    (r.data.resources.length === 1 ? r.data.resources[0] : undefined);
  if (!res?.schema)
    throw new ImportFileError(`${path} has no resource with a schema for ${basename(csvPath)}`);
  const unknown = res.schema.fields.filter((f) => !isSourceKey(f.name)).map((f) => f.name);
  if (unknown.length)
    throw new ImportFileError(
      `${path}: fields not in the record dictionary: ${unknown.join(', ')} (see docs/records.md)`,
    );
  const mappings: Mappings = {};
  const schemaMissing = res.schema.missingValues ?? [];
  for (const f of res.schema.fields) {
    const missing: Record<string, Missing> = {};
    for (const mv of schemaMissing) if (mv !== '') missing[mv] = 'unknown';
    Object.assign(missing, f['proportion:missing'] ?? {});
    mappings[f.name] = {
      ...(f['proportion:values'] ? { values: f['proportion:values'] } : {}),
      ...(Object.keys(missing).length ? { missing } : {}),
    };
  }
  return { mappings, fields: res.schema.fields.map((f) => f.name) };
}

interface SourceRow {
  line: number;
  value: Record<string, unknown> | null;
  error?: string;
}

function checkColumns(path: string, cols: string[], expected?: string[]): void {
  const unknown = cols.filter((c) => !isSourceKey(c) || (expected && !expected.includes(c)));
  if (unknown.length)
    throw new ImportFileError(
      `${path}: columns not in the ${expected ? 'descriptor' : 'record dictionary'}: ${unknown.join(', ')}`,
    );
}

/** The header record of a CSV file (null when it cannot be read: the row-by-row import reports why). */
async function readHeader(path: string): Promise<string[] | null> {
  const parser = createReadStream(path).pipe(parse({ bom: true, to: 1 }));
  try {
    for await (const rec of parser as AsyncIterable<string[]>) return rec;
  } catch {
    return null;
  } finally {
    parser.destroy();
  }
  return null;
}

async function* csvRows(
  path: string,
  hash: ReturnType<typeof createHash>,
  expected?: string[],
): AsyncGenerator<SourceRow> {
  const input = createReadStream(path);
  input.on('data', (b) => hash.update(b));
  const parser = input.pipe(
    parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: false }),
  );
  let headerChecked = false;
  try {
    for await (const rec of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (!headerChecked) {
        headerChecked = true;
        checkColumns(path, Object.keys(rec.record), expected);
      }
      yield { line: rec.info.lines, value: rec.record };
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    const err = e as Error & { lines?: number; code?: string };
    // csv-parse stops at a malformed record: report it with its line, then stop (the rest is unreadable)
    yield {
      line: err.lines ?? 0,
      value: null,
      error: `malformed CSV (${err.code ?? 'error'}): ${err.message}`,
    };
  }
}

async function* jsonlRows(path: string, hash: ReturnType<typeof createHash>): AsyncGenerator<SourceRow> {
  const input = createReadStream(path);
  input.on('data', (b) => hash.update(b));
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === '') continue;
    try {
      const v = JSON.parse(text) as unknown;
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        yield { line, value: null, error: 'not a JSON object' };
      else yield { line, value: v as Record<string, unknown> };
    } catch (e) {
      yield { line, value: null, error: `not valid JSON: ${(e as Error).message}` };
    }
  }
}

/**
 * Imports a CSV (with an optional Data Package descriptor as its data dictionary) or JSON Lines file.
 * Transactional: nothing is written unless the whole merge commits; by default any rejected row means
 * nothing is written (allowPartial imports the valid rows). Idempotent: rows are keyed by record_id and
 * the hash of their content, so re-importing the same file changes nothing. Every rejected row is
 * reported with its line and reasons.
 */
export async function importFile(
  store: RecordStore,
  path: string,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const format = opts.format ?? (/\.jsonl?$|\.ndjson$/i.test(path) ? 'jsonl' : 'csv');
  let mappings: Mappings = {};
  let expected: string[] | undefined;
  if (opts.descriptor) {
    if (format !== 'csv') throw new ImportFileError('a descriptor applies to CSV imports only');
    ({ mappings, fields: expected } = mappingsFromDescriptor(opts.descriptor, path));
  }
  const header = format === 'csv' ? await readHeader(path) : null;
  const twice = header && repeatedColumnsProblem(header); // csv-parse would keep the last of the two
  if (twice) throw new ImportFileError(`${path}: ${twice}`);
  if (format === 'csv' && store.sql && !opts.rowByRow) {
    const r =
      header &&
      (await importCsvInDuckDB(
        store.sql,
        path,
        header,
        (cols) => checkColumns(path, cols, expected),
        mappings,
        opts.deriveRole,
        {
          fileName: basename(path),
          shouldCommit: (rejected) => rejected === 0 || opts.allowPartial === true,
          ...(opts.beforeCommit ? { beforeCommit: opts.beforeCommit } : {}),
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        },
      ));
    if (r) return { file: path, format, ...r, committed: r.counts !== null, normalised_in: 'database' };
  }
  const hash = createHash('sha256');
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  let accepted = 0;
  const batchSize = opts.batchSize ?? 5000;
  const shouldCommit = () => rejected.length === 0 || opts.allowPartial === true;
  const source = format === 'csv' ? csvRows(path, hash, expected) : jsonlRows(path, hash);

  async function* batches(): AsyncGenerator<StoredRow[]> {
    let batch: StoredRow[] = [];
    for await (const s of source) {
      rows++;
      if (rows % PROGRESS_EVERY_ROWS === 0) opts.onProgress?.({ phase: 'checking', rows });
      if (!s.value) {
        rejected.push({ line: s.line, record_id: null, reasons: [s.error ?? 'unreadable'] });
        continue;
      }
      const r = normalizeRecord(s.value, mappings, opts.deriveRole);
      const id =
        typeof s.value.record_id === 'string' || typeof s.value.record_id === 'number'
          ? String(s.value.record_id)
          : null;
      if (!r.ok) {
        rejected.push({ line: s.line, record_id: id, reasons: r.reasons });
        continue;
      }
      const first = seen.get(r.row.record_id as string);
      if (first !== undefined) {
        rejected.push({
          line: s.line,
          record_id: id,
          reasons: [`record_id: duplicate of the row on line ${first}`],
        });
        continue;
      }
      seen.set(r.row.record_id as string, s.line);
      accepted++;
      batch.push(r.row);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    if (shouldCommit()) opts.onProgress?.({ phase: 'writing', rows: accepted });
  }

  let digest: string | undefined;
  const fileHash = () => {
    digest ??= hash.digest('hex');
    return digest;
  };
  const counts = await store.bulkMerge(
    batches(),
    () => ({ fileSha256: fileHash(), fileName: basename(path), rows }),
    {
      shouldCommit,
      ...(opts.beforeCommit ? { beforeCommit: opts.beforeCommit } : {}),
    },
  );
  return {
    file: path,
    format,
    rows,
    accepted,
    rejected,
    committed: counts !== null,
    counts,
    file_sha256: fileHash(),
    normalised_in: 'javascript',
  };
}
