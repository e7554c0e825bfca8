import type { ResultColumn } from './evaluate.ts';

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Converts results.csv to Parquet with DuckDB, streaming (DuckDB reads the CSV in chunks under a
 * memory limit; nothing is held whole). Column types are explicit: months and dollars are integers.
 * One thread keeps row groups, and so the bytes, the same on every run.
 */
export async function csvToParquet(
  csvPath: string,
  parquetPath: string,
  columns: readonly ResultColumn[],
): Promise<void> {
  // loaded here, not with the module: every CLI command imports batch, and the native library takes
  // ~140 ms to load, which `proportion assess` and the others would pay for nothing
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', {
    threads: '1',
    memory_limit: '256MB',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'true',
  });
  const con = await db.connect();
  try {
    const types = columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
    await con.run(
      `COPY (SELECT * FROM read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${types}})) TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
