/**
 * Benchmark (issue 6): import 1,000,000 records from CSV into the embedded database and publish a
 * 4-dimension release. Prints import rows/s and seconds to publish. Targets: >= 100,000 rows/s and
 * < 10 s on 2 cores. Options: BENCH_RECORDS (default 1000000), BENCH_DIR (default a temp directory).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify';
import { openStore } from '../src/db/store.ts';
import { DEMO_POPULATION, DEMO_POPULATION_SOURCE, demoSourceRecord } from '../src/publish/demo.ts';
import { publish } from '../src/publish/release.ts';
import { mulberry32 } from '../src/publish/suppress.ts';
import { SOURCE_FIELDS } from '../src/records/dictionary.ts';
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

const t2 = performance.now();
const r = await publish(store, {
  by: ['role', 'race_ethnicity', 'gender', 'drug'],
  stage: 'charging_decision',
  out: join(dir, 'site'),
  minCell: 11,
  populations: Object.fromEntries(Object.entries(DEMO_POPULATION).map(([k, v]) => [k, v * 50])),
  populationSource: DEMO_POPULATION_SOURCE,
});
const publishS = (performance.now() - t2) / 1000;
process.stdout.write(
  `publish: 4 dimensions, ${r.publishedCells + r.suppressedCells} cells (${r.suppressedCells} suppressed) in ${publishS.toFixed(2)} s (target < 5)\n`,
);
await store.close();
if (!process.env.BENCH_DIR) rmSync(dir, { recursive: true, force: true });
