/**
 * Import benchmark (npm run bench:import): `proportion generate --records N` writes N synthetic case
 * records (not timed); DuckDB's own `CREATE TABLE ... AS SELECT * FROM read_csv(...)` of the same CSV is
 * the reference; then `importFile` loads them into a fresh embedded database with the descriptor and the
 * engine's role rule, as `proportion import` does. Targets: >= 100,000 rows/s, within 2x the reference.
 * Options (environment): BENCH_RECORDS (default 1000000), BENCH_DIR (default a temporary directory),
 * BENCH_ROW_BY_ROW=1 (normalise row by row in JavaScript, the path PostgreSQL and JSON Lines take).
 * Ends with one JSON line.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openStore } from '../src/db/store.ts';
import { importFile } from '../src/records/import.ts';
import { engineRoleDeriver } from '../src/records/role.ts';
import { writeSyntheticRecords } from '../src/synthetic/records.ts';

const N = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'proportion-bench-import-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (t0: number) => (performance.now() - t0) / 1000;

let t0 = performance.now();
const { csv, descriptor } = await writeSyntheticRecords(N, 1, join(dir, 'records'));
process.stdout.write(
  `generated ${fmt(N)} synthetic records, ${(statSync(csv).size / 2 ** 20).toFixed(0)} MiB, in ${seconds(t0).toFixed(1)} s (not timed)\n`,
);

// The reference: DuckDB reading the same CSV into a table of its own, in a fresh database file.
const reference = `CREATE TABLE t AS SELECT * FROM read_csv('${csv}')`;
const refFile = join(dir, 'reference.duckdb');
rmSync(refFile, { force: true });
const instance = await DuckDBInstance.create(refFile);
const conn = await instance.connect();
t0 = performance.now();
await conn.run(reference);
const referenceSeconds = seconds(t0);
conn.closeSync();
instance.closeSync();
rmSync(refFile, { force: true });
process.stdout.write(`reference (${reference}): ${referenceSeconds.toFixed(2)} s\n`);

const dbFile = join(dir, 'bench.duckdb');
rmSync(dbFile, { force: true });
const store = await openStore(`duckdb:${dbFile}`);
const deriveRole = engineRoleDeriver(); // the law is loaded before timing
deriveRole({ activities: 'sold_retail', drug_1_type: 'heroin', drug_1_quantity: 1, drug_1_unit: 'g' });
t0 = performance.now();
const rowByRow = process.env.BENCH_ROW_BY_ROW === '1';
const report = await importFile(store, csv, { descriptor, deriveRole, rowByRow });
const importSeconds = seconds(t0);
await store.close();
if (!report.committed) throw new Error(`import failed: ${JSON.stringify(report.rejected.slice(0, 3))}`);
process.stdout.write(
  `import (normalised in ${report.normalised_in}): ${fmt(report.rows)} rows in ${importSeconds.toFixed(2)} s = ${fmt(report.rows / importSeconds)} rows/s, ${(importSeconds / referenceSeconds).toFixed(2)}x the reference (targets: >= 100,000 rows/s, <= 2x)\n`,
);
if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({
    bench: 'import',
    records: report.rows,
    seconds: Number(importSeconds.toFixed(3)),
    per_s: Math.round(report.rows / importSeconds),
    reference,
    reference_seconds: Number(referenceSeconds.toFixed(3)),
    ratio: Number((importSeconds / referenceSeconds).toFixed(2)),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
