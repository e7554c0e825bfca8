import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StoredRow } from '../records/normalize.ts';
import {
  createTablesSql,
  csvLine,
  type Database,
  mergeSql,
  SCHEMA_VERSION,
  stagingColumnsSql,
} from './schema.ts';
import type { BulkHooks, ImportMeta, MergeCounts, RecordStore } from './store.ts';

// count(*) is int8: read it as a number (counts here stay far below 2^53)
pg.types.setTypeParser(20, (v) => Number(v));
// keep DATE as the ISO text it is (no time-zone shift through a JS Date)
pg.types.setTypeParser(1082, (v) => v);

/**
 * The shared store: PostgreSQL through `pg`. Bulk loads COPY into a temporary staging table and merge in
 * the same transaction, so a failure anywhere leaves the database as it was.
 */
export async function openPostgresStore(url: string): Promise<RecordStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const client = await pool.connect();
  try {
    for (const s of createTablesSql('postgres')) await client.query(s);
    const v = await client.query('SELECT count(*) AS n FROM schema_version');
    if (v.rows[0]?.n === 0) await client.query('INSERT INTO schema_version VALUES ($1)', [SCHEMA_VERSION]);
  } finally {
    client.release();
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    url,
    db,
    async exec(sql) {
      return (await pool.query(sql)).rows;
    },
    async count() {
      return Number((await pool.query('SELECT count(*) AS n FROM records')).rows[0]?.n ?? 0);
    },
    async bulkMerge(batches, meta: () => ImportMeta, hooks: BulkHooks = {}): Promise<MergeCounts | null> {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`CREATE TEMP TABLE staging (${stagingColumnsSql()}) ON COMMIT DROP`);
        async function* lines() {
          for await (const batch of batches as AsyncIterable<StoredRow[]>) {
            let chunk = '';
            for (const r of batch) chunk += csvLine(r);
            yield chunk;
          }
        }
        await pipeline(Readable.from(lines()), c.query(copyFrom(`COPY staging FROM STDIN (FORMAT csv)`)));
        if (hooks.shouldCommit && !(await hooks.shouldCommit())) {
          await c.query('ROLLBACK');
          return null;
        }
        const m = meta();
        const merge = mergeSql('staging');
        const counts = (await c.query(merge.counts)).rows[0] as MergeCounts;
        for (const s of merge.statements) await c.query(s);
        await c.query(
          'INSERT INTO imports VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (file_sha256) DO NOTHING',
          [
            m.fileSha256,
            m.fileName,
            new Date().toISOString(),
            m.rows,
            counts.inserted,
            counts.updated,
            counts.unchanged,
          ],
        );
        await hooks.beforeCommit?.();
        await c.query('COMMIT');
        return counts;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
