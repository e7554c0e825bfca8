import { randomUUID } from 'node:crypto';
import { chmodSync, createWriteStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { Kysely } from 'kysely';
import type { StoredRow } from '../records/normalize.ts';
import { DuckDBDialect } from './duckdb-dialect.ts';
import {
  createTablesSql,
  csvLine,
  type Database,
  type MergePlan,
  mergeSql,
  SCHEMA_VERSION,
  stagingColumnsSql,
} from './schema.ts';
import type { BulkHooks, ImportMeta, MergeCounts, RecordStore, SqlSession } from './store.ts';

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const r = await c.runAndReadAll(sql);
  return r.getRowObjectsJS().map((o) => {
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (typeof v === 'bigint') o[k] = Number(v);
      else if (v instanceof Date) o[k] = v.toISOString().slice(0, 10);
    }
    return o as Record<string, unknown>;
  });
}

/**
 * DuckDB's memory limit for the embedded store (PROPORTION_DUCKDB_MEMORY_LIMIT, default 2GB; DuckDB's own
 * default is 80% of the machine). Beyond it DuckDB spills to its temporary directory, so an import's RSS
 * stays bounded at any file size instead of growing with the file.
 */
export const DUCKDB_MEMORY_LIMIT = process.env.PROPORTION_DUCKDB_MEMORY_LIMIT || '2GB';

/**
 * The embedded store: one DuckDB file, owned by this process (DuckDB allows one process per file).
 * Bulk loads stream rows to a temporary CSV file that DuckDB's parallel reader copies into a staging
 * table; the merge into `records` then runs in one transaction.
 */
export async function openDuckDBStore(url: string, path: string): Promise<RecordStore> {
  const instance = await DuckDBInstance.create(path, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    memory_limit: DUCKDB_MEMORY_LIMIT,
  });
  // the records are row-level data: readable by the owner only
  if (path !== ':memory:') chmodSync(path, 0o600);
  const conn = await instance.connect();
  for (const s of createTablesSql('duckdb')) await conn.run(s);
  const v = await rows(conn, 'SELECT count(*) AS n FROM schema_version');
  if (v[0]?.n === 0) await conn.run(`INSERT INTO schema_version VALUES (${SCHEMA_VERSION})`);
  const db = new Kysely<Database>({ dialect: new DuckDBDialect(conn) });

  /** Runs a merge (counts, then its statements) in one transaction, all or nothing, and logs the import. */
  async function merge(
    plan: MergePlan,
    meta: () => ImportMeta,
    hooks: BulkHooks = {},
  ): Promise<MergeCounts | null> {
    if (hooks.shouldCommit && !(await hooks.shouldCommit())) return null;
    const m = meta();
    await conn.run('BEGIN TRANSACTION');
    try {
      const counts = (await rows(conn, plan.counts))[0] as unknown as MergeCounts;
      for (const s of plan.statements) await conn.run(s);
      await logImport(conn, m, counts);
      await hooks.beforeCommit?.();
      await conn.run('COMMIT');
      return counts;
    } catch (e) {
      await conn.run('ROLLBACK');
      throw e;
    }
  }

  const sql: SqlSession = {
    async run(text) {
      await conn.run(text);
    },
    rows: (text) => rows(conn, text),
    async columns(text) {
      const r = await conn.runAndReadAll(text);
      const columns = r.getColumnsJS() as unknown[][];
      // an empty result has no chunks, and so no columns: give each its empty array
      return columns.length ? columns : Array.from({ length: r.columnCount }, () => []);
    },
    async append(table, values) {
      const a = await conn.createAppender(table);
      try {
        for (const r of values) {
          for (const v of r) {
            if (v === null) a.appendNull();
            else a.appendVarchar(v);
          }
          a.endRow();
        }
        a.flushSync();
      } finally {
        a.closeSync();
      }
    },
    merge,
  };

  const store: RecordStore = {
    kind: 'duckdb',
    url,
    db,
    sql,
    exec: (sql) => rows(conn, sql),
    async count() {
      return Number((await rows(conn, 'SELECT count(*) AS n FROM records'))[0]?.n ?? 0);
    },
    async bulkMerge(batches, meta: () => ImportMeta, hooks: BulkHooks = {}): Promise<MergeCounts | null> {
      const file = join(tmpdir(), `proportion-staging-${randomUUID()}.csv`);
      const staging = `staging_${randomUUID().replace(/-/g, '')}`;
      try {
        const out = createWriteStream(file, { mode: 0o600 });
        for await (const batch of batches as AsyncIterable<StoredRow[]>) {
          let chunk = '';
          for (const r of batch) chunk += csvLine(r);
          if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
        await conn.run(`CREATE TEMP TABLE ${staging} (${stagingColumnsSql()})`);
        await conn.run(
          `COPY ${staging} FROM '${file.replace(/'/g, "''")}' (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', ALLOW_QUOTED_NULLS false, AUTO_DETECT false)`,
        );
        return await merge(mergeSql(staging), meta, hooks);
      } finally {
        rmSync(file, { force: true });
        await conn.run(`DROP TABLE IF EXISTS ${staging}`);
      }
    },
    async close() {
      await db.destroy();
      conn.closeSync();
      instance.closeSync();
    },
  };
  return store;
}

async function logImport(conn: DuckDBConnection, m: ImportMeta, c: MergeCounts) {
  const esc = (s: string) => `'${s.replace(/'/g, "''")}'`;
  await conn.run(
    `INSERT INTO imports SELECT ${esc(m.fileSha256)}, ${esc(m.fileName)}, ${esc(new Date().toISOString())}, ${m.rows}, ${c.inserted}, ${c.updated}, ${c.unchanged} WHERE NOT EXISTS (SELECT 1 FROM imports WHERE file_sha256 = ${esc(m.fileSha256)})`,
  );
}
