/**
 * Benchmark: publish a 4-dimension release over 1,000,000 imported records (the import is set up, not
 * timed here: `bench:import` measures it), beside DuckDB's own `GROUP BY CUBE` of the same dimensions and
 * outcome over the same table. Target: < 5 s and within 10x the cube. Ends with one JSON line.
 * Options: BENCH_RECORDS (default 1000000), BENCH_DIR (default a temp directory).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify';
import { sql } from 'kysely';
import { openStore } from '../src/db/store.ts';
import { DEMO_POPULATION, DEMO_POPULATION_SOURCE, demoSourceRecord } from '../src/publish/demo.ts';
import { publish } from '../src/publish/release.ts';
import { mulberry32 } from '../src/publish/suppress.ts';
import { reachedSql } from '../src/publish/tables.ts';
import { DIMENSIONS, SOURCE_FIELDS } from '../src/records/dictionary.ts';
import { importFile } from '../src/records/import.ts';
import { engineRoleDeriver } from '../src/records/role.ts';

const N = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const dir = process.env.BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'proportion-bench-'));
const csv = join(dir, 'records.csv');

const t0 = performance.now();
await new Promise<void>((resolve, reject) => {
  const out = createWriteStream(csv);
  const s = stringify({ header: true, columns: SOURCE_FIELDS.map((f) => f.name) });
  s.pipe(out);
  out.on('finish', resolve);
  out.on('error', reject);
  const rnd = mulberry32(42);
  let i = 0;
  const write = () => {
    while (i < N) {
      const r = demoSourceRecord(i++, rnd);
      if (!s.write(r)) {
        s.once('drain', write);
        return;
      }
    }
    s.end();
  };
  write();
});
process.stdout.write(
  `generated ${N} records in ${((performance.now() - t0) / 1000).toFixed(1)} s (not timed)\n`,
);

const store = await openStore(`duckdb:${join(dir, 'bench.duckdb')}`);
const deriveRole = engineRoleDeriver(); // law book loaded before timing
const t1 = performance.now();
const report = await importFile(store, csv, { deriveRole });
const importS = (performance.now() - t1) / 1000;
if (!report.committed) throw new Error(`import failed: ${JSON.stringify(report.rejected.slice(0, 3))}`);
process.stdout.write(
  `import: ${report.rows} rows in ${importS.toFixed(2)} s = ${Math.round(report.rows / importS)} rows/s (target >= 100000)\n`,
);

const BY = ['role', 'race_ethnicity', 'gender', 'drug'] as const;
const STAGE = 'charging_decision';
const t2 = performance.now();
const r = await publish(store, {
  by: [...BY],
  stage: STAGE,
  out: join(dir, 'site'),
  minCell: 11,
  populations: Object.fromEntries(Object.entries(DEMO_POPULATION).map(([k, v]) => [k, v * 50])),
  populationSource: DEMO_POPULATION_SOURCE,
});
const publishS = (performance.now() - t2) / 1000;
process.stdout.write(
  `publish: 4 dimensions, ${r.publishedCells + r.suppressedCells} cells (${r.suppressedCells} suppressed) in ${publishS.toFixed(2)} s (target < 5)\n`,
);

// The reference: every margin of the same table family in one DuckDB statement, the query a database would
// run to publish these counts without protecting any cell.
const cube = [...BY.map((d) => DIMENSIONS[d].column), `${STAGE}_outcome`];
const reference = `SELECT ${cube.join(', ')}, count(*) FROM records WHERE <reached ${STAGE}> GROUP BY CUBE (${cube.join(', ')})`;
const t3 = performance.now();
const cells = await sql<{ n: number }>`
  SELECT ${sql.join(cube.map((c) => sql.ref(c)))}, count(*) AS n FROM records WHERE ${reachedSql(STAGE)}
  GROUP BY CUBE (${sql.join(cube.map((c) => sql.ref(c)))})`.execute(store.db);
const referenceS = (performance.now() - t3) / 1000;
process.stdout.write(`reference (${cells.rows.length} cube cells): ${referenceS.toFixed(2)} s\n`);
await store.close();
if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({
    bench: 'publish',
    records: report.rows,
    seconds: Number(publishS.toFixed(3)),
    per_s: Math.round(report.rows / publishS),
    reference,
    reference_seconds: Number(referenceS.toFixed(3)),
    ratio: Number((publishS / referenceS).toFixed(2)),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
