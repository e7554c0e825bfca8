import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';

/**
 * A small Kysely dialect for DuckDB: DuckDB's SQL is close to PostgreSQL's, so the PostgreSQL compiler,
 * adapter and introspector are reused; only the driver is DuckDB's (one connection, queries serialised).
 */
export class DuckDBDialect implements Dialect {
  constructor(private readonly connection: DuckDBConnection) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new DuckDBDriver(this.connection);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}

/** Converts DuckDB's BIGINT/HUGEINT (bigint) results to numbers; counts here are far below 2^53. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(row)) {
    const v = row[k];
    if (typeof v === 'bigint') row[k] = Number(v);
    else if (v instanceof Date) row[k] = v.toISOString().slice(0, 10);
  }
  return row;
}

class DuckDBConnectionAdapter implements DatabaseConnection {
  constructor(private readonly c: DuckDBConnection) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const reader = await this.c.runAndReadAll(q.sql, q.parameters as DuckDBValue[]);
    return { rows: reader.getRowObjectsJS().map(plain) as R[] };
  }
  // biome-ignore lint/correctness/useYield: streaming is not supported by this small dialect
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported by the DuckDB dialect');
  }
}

class DuckDBDriver implements Driver {
  private readonly conn: DuckDBConnectionAdapter;
  private queue: Promise<void> = Promise.resolve();
  constructor(connection: DuckDBConnection) {
    this.conn = new DuckDBConnectionAdapter(connection);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    // one connection: hand it out to one user at a time
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise((r) => {
      release = r;
    });
    await previous;
    this.releasers.push(release);
    return this.conn;
  }
  private releasers: (() => void)[] = [];
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('BEGIN TRANSACTION'));
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection() {
    this.releasers.shift()?.();
  }
  async destroy() {}
}
