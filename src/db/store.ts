import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { StoredRow } from '../records/normalize.ts';
import type { Database, MergePlan } from './schema.ts';

/** What an import changed. */
export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}
export interface ImportMeta {
  fileSha256: string;
  fileName: string;
  rows: number;
}
export interface BulkHooks {
  /** Called after staging is loaded; return false to abandon the import (nothing is written). */
  shouldCommit?: () => boolean | Promise<boolean>;
  /** Called inside the transaction after the merge, before commit (tests use it to simulate a failure). */
  beforeCommit?: () => void | Promise<void>;
}

/**
 * Direct SQL on an embedded DuckDB store, for imports that normalise where the data is (see
 * src/records/import-sql.ts). Tables it creates are temporary; `merge` runs a merge plan in the
 * same all-or-nothing transaction as bulkMerge.
 */
export interface SqlSession {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** The result of a query as columns of JavaScript values (for large results). */
  columns(sql: string): Promise<unknown[][]>;
  /** Appends rows of text (or null) to a table through DuckDB's appender. */
  append(table: string, rows: Iterable<(string | null)[]>): Promise<void>;
  /** Runs a merge plan in one transaction (all or nothing) and logs the import, as bulkMerge does. */
  merge(plan: MergePlan, meta: () => ImportMeta, hooks?: BulkHooks): Promise<MergeCounts | null>;
}

/**
 * The storage interface: one implementation per backend, chosen by URL. Everything a caller needs goes
 * through it: a typed Kysely instance for queries and a transactional, idempotent bulk merge for imports.
 */
export interface RecordStore {
  readonly kind: 'duckdb' | 'postgres';
  readonly url: string;
  readonly db: Kysely<Database>;
  /** Loads rows into staging, then merges them in one transaction (all or nothing). */
  bulkMerge(
    batches: AsyncIterable<StoredRow[]> | Iterable<StoredRow[]>,
    meta: () => ImportMeta,
    hooks?: BulkHooks,
  ): Promise<MergeCounts | null>;
  /** DuckDB only: direct SQL for imports that normalise inside the database. */
  readonly sql?: SqlSession;
  /** Runs raw SQL (used by the publisher for DuckDB-only steps). */
  exec(sql: string): Promise<Record<string, unknown>[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'duckdb:./data/proportion.duckdb';

/** Opens the store named by a URL: `duckdb:PATH` (or `duckdb::memory:`), or `postgres://...`. */
export async function openStore(
  url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
): Promise<RecordStore> {
  if (url.startsWith('duckdb:')) {
    const path = url.slice('duckdb:'.length);
    const { openDuckDBStore } = await import('./duckdb.ts');
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true, mode: 0o700 });
    return openDuckDBStore(url, path);
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const { openPostgresStore } = await import('./postgres.ts');
    return openPostgresStore(url);
  }
  throw new Error(`unsupported database URL "${url}" (expected duckdb:PATH or postgres://...)`);
}
