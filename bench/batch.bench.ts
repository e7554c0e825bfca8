/**
 * Bulk evaluation benchmark (npm run bench:batch): generate N synthetic cases (default 1,000,000;
 * BENCH_CASES to change), run them through law_today and two reforms (BENCH_SCENARIOS, comma-separated ids,
 * to choose others: issue 14 states its target for two), and print records/s end to end, records/s of
 * evaluation alone, and peak RSS. BENCH_DIR sets the scratch folder (default /tmp);
 * BENCH_DECODE_IN_WORKERS=0 decodes every record on the main thread (the path before workers decoded
 * their own lines). The reference is DuckDB counting the same file with read_csv. Ends with one JSON line.
 */
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type BatchPlan, evaluateCase, type Partial } from '../src/batch/evaluate.ts';
import { contextFor } from '../src/batch/process.ts';
import { runBatch } from '../src/batch/run.ts';
import { generateCases, writeGenerated } from '../src/synthetic/index.ts';

const N = Number(process.env.BENCH_CASES ?? 1_000_000);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'law_today,dpa-2019,no-mandatory-minimums').split(',');
const EVALUATION = '2026-11-27';
const dir = process.env.BENCH_DIR ?? '/tmp/proportion-bench';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

mkdirSync(dir, { recursive: true });
const input = join(dir, `cases-${N}.csv`);
let t = process.hrtime.bigint();
const secs = () => Number(process.hrtime.bigint() - t) / 1e9;
const out = createWriteStream(input);
await writeGenerated(N, 1, 'csv', out);
await new Promise<void>((resolve) => out.end(() => resolve()));
console.log(
  `generate: ${fmt(N)} cases, ${(statSync(input).size / 2 ** 20).toFixed(0)} MiB in ${secs().toFixed(1)} s = ${fmt(N / secs())} cases/s`,
);

// Evaluation alone: the engine under the scenarios on one core, no I/O, no parsing.
const plan: BatchPlan = { scenarios: SCENARIOS, baseline: 'law_today', evaluationDate: EVALUATION };
const ctx = contextFor(plan);
const sample = [...generateCases(20_000, 2)];
for (const c of sample.slice(0, 500)) evaluateCase(c, 0, {}, ctx, {});
t = process.hrtime.bigint();
const partial: Partial = {};
for (const c of sample) evaluateCase(c, 0, {}, ctx, partial);
const evalRate = sample.length / secs();
const cores = availableParallelism();
console.log(
  `evaluation alone (${SCENARIOS.length} scenarios, 1 core): ${fmt(evalRate)} records/s = ${fmt(evalRate * SCENARIOS.length)} assessments/s; ceiling on ${cores} cores ≈ ${fmt(evalRate * cores)} records/s`,
);

const reference = `SELECT count(*) FROM read_csv('${input}')`;
const duck = await DuckDBInstance.create(':memory:');
const conn = await duck.connect();
t = process.hrtime.bigint();
await conn.run(reference);
const referenceSeconds = secs();
conn.closeSync();
duck.closeSync();
console.log(`reference (${reference}): ${referenceSeconds.toFixed(2)} s`);

const outDir = join(dir, 'out');
rmSync(outDir, { recursive: true, force: true });
t = process.hrtime.bigint();
const { summary, timings } = await runBatch({
  input,
  out: outDir,
  scenarios: SCENARIOS,
  evaluationDate: EVALUATION,
  progress: process.stderr.isTTY,
  decodeInWorkers: process.env.BENCH_DECODE_IN_WORKERS !== '0',
});
const total = secs();
console.log(
  `end to end (${cores} workers, ${SCENARIOS.length} scenarios): ${fmt(summary.records_read)} records in ${total.toFixed(1)} s = ${fmt(summary.records_read / total)} records/s (Parquet ${timings.seconds_parquet.toFixed(1)} s)`,
);
console.log(`evaluated ${fmt(summary.records_evaluated)}, rejected ${fmt(summary.records_rejected)}`);
console.log(`peak RSS (main + workers): ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`);
console.log(
  JSON.stringify({
    bench: 'batch',
    records: summary.records_read,
    scenarios: SCENARIOS.length,
    seconds: Number(total.toFixed(3)),
    per_s: Math.round(summary.records_read / total),
    reference,
    reference_seconds: Number(referenceSeconds.toFixed(3)),
    ratio: Number((total / referenceSeconds).toFixed(2)),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
