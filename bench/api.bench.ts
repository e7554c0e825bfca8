/**
 * Load check for the HTTP API: starts the server as `npm start` does (a separate process, request log
 * on), then POSTs the Weldon Angelos case to /v1/assess on 127.0.0.1 with autocannon for 30 s and prints
 * requests/s and p50/p99 latency. Target: >= 2,000 req/s, p99 < 50 ms.
 * Options (environment): BENCH_SECONDS (default 30), BENCH_CONNECTIONS (default 10), BENCH_EXPLAIN
 * (text, the default: the full contract with rendered messages; none: codes without prose).
 * Ends with one JSON line.
 */

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readFileSync as readProc, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const body = readFileSync(join(ROOT, 'examples/cases/weldon-angelos.json'), 'utf8');
const explain = process.env.BENCH_EXPLAIN ?? 'text';
if (explain !== 'text' && explain !== 'none') throw new Error('BENCH_EXPLAIN must be text or none');

const port: number = await new Promise((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => done(typeof a === 'object' && a ? a.port : 0));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), 'proportion-bench-'));
const server = spawn(
  process.execPath,
  [
    join(ROOT, 'bin/proportion.mjs'),
    'serve',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--no-demo',
    '--data-dir',
    dataDir,
  ],
  { stdio: ['ignore', 'ignore', 'ignore'] },
);
const url = `http://127.0.0.1:${port}`;
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
/** The server's user and system CPU time so far (Linux: /proc/PID/stat, fields 14 and 15). */
function serverCpuSeconds(): number {
  const fields = readProc(`/proc/${server.pid}/stat`, 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (i > 300) throw new Error('the server did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const target = `${url}/v1/assess?explain=${explain}`;
  const check = await fetch(target, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  if (check.status !== 200) throw new Error(`POST /v1/assess answered ${check.status}`);
  const size = (await check.text()).length;

  process.stdout.write(
    `POST /v1/assess?explain=${explain} (Weldon Angelos, ${size.toLocaleString('en-US')}-byte response) for ${seconds} s, ${connections} connections, on ${url}\n`,
  );
  const cpu0 = serverCpuSeconds();
  const result = await autocannon({
    url: target,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  const serverCpuUs = ((serverCpuSeconds() - cpu0) / Math.max(result.requests.total, 1)) * 1e6;
  const errors = result.errors + result.timeouts + result.non2xx;
  const rps = result.requests.average;
  const p50 = result.latency.p50;
  const p99 = result.latency.p99;
  process.stdout.write(
    `requests/s: ${Math.round(rps).toLocaleString('en-US')}  latency p50: ${p50} ms  p99: ${p99} ms  (${result.requests.total.toLocaleString('en-US')} requests, ${errors} errors)\n`,
  );
  // Where the server's time goes: its CPU per request against the same assessment in this process, without
  // HTTP (wall time per request would mix in the load generator, which shares the cores).
  const { assess } = await import('../src/engine/assess.ts');
  const { parseCase } = await import('../src/model/case.ts');
  const parsed = parseCase(JSON.parse(body));
  if (parsed.ok) {
    const per = (messages: boolean) => {
      for (let i = 0; i < 200; i++) assess(parsed.case, { evaluationDate: '2026-11-28', messages });
      const t0 = performance.now();
      for (let i = 0; i < 2000; i++) assess(parsed.case, { evaluationDate: '2026-11-28', messages });
      return ((performance.now() - t0) / 2000) * 1000;
    };
    process.stdout.write(
      `server CPU: ${serverCpuUs.toFixed(0)} µs per request; the engine alone (same case, no HTTP, this process): ${per(true).toFixed(0)} µs per assessment with messages, ${per(false).toFixed(0)} µs without; HTTP, validation and JSON are the rest\n`,
    );
  }
  const ok = rps >= 2000 && p99 < 50 && errors === 0;
  process.stdout.write(`target (>= 2,000 req/s, p99 < 50 ms, no errors): ${ok ? 'met' : 'NOT met'}\n`);
  // the server's peak resident set (Linux: VmHWM), read before it stops
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readProc(`/proc/${server.pid}/status`, 'utf8'))?.[1];
  process.stdout.write(
    `${JSON.stringify({
      bench: 'api',
      records: result.requests.total,
      seconds,
      per_s: Math.round(rps),
      explain,
      req_per_s: Math.round(rps),
      p50_ms: p50,
      p99_ms: p99,
      server_cpu_us_per_req: Math.round(serverCpuUs),
      errors,
      peak_rss_mb: hwm ? Math.round(Number(hwm) / 1024) : null,
    })}\n`,
  );
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
