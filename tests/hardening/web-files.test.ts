import assert from 'node:assert/strict';
import { rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { JobQueue, type RunBatch } from '../../src/api/jobs.ts';
import { ReleaseStore } from '../../src/api/releases.ts';
import { tmp } from '../batch/helpers.ts';
import { caseJson, dataDirWithFixture, TODAY } from '../surfaces/helpers.ts';

const TOKEN = 'hardening-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const mode = (p: string) => statSync(p).mode & 0o777;

describe('files: only regular files whose real path is inside the release', () => {
  test('a symbolic link in a release folder to a file outside it is not served', async () => {
    const dataDir = dataDirWithFixture();
    const release = join(dataDir, 'releases', 'demo');
    const secret = join(dataDir, 'secret.csv');
    writeFileSync(secret, 'id,ssn\n1,123-45-6789\n');
    // replace a listed resource by a link outside the release: it is listed, but must not be served
    const listed = join(release, 'tables', 'mandatory-minimums.csv');
    rmSync(listed);
    symlinkSync(secret, listed);
    symlinkSync('/etc/passwd', join(release, 'charts', 'people-by-role.svg.lnk'));
    const app = createApp({
      releases: new ReleaseStore(join(dataDir, 'releases')),
      log: false,
      today: () => TODAY,
    });
    const r = await app.request('/v1/releases/demo/files/tables/mandatory-minimums.csv');
    assert.equal(r.status, 404);
    assert.doesNotMatch(await r.text(), /123-45/);
    assert.equal((await app.request('/v1/releases/demo/files/charts/people-by-role.svg.lnk')).status, 404);
    assert.equal((await app.request('/v1/releases/demo/files/charts/people-by-role.svg')).status, 200);
  });
});

describe('security headers on every response', () => {
  const dataDir = dataDirWithFixture();
  const app = createApp({
    releases: new ReleaseStore(join(dataDir, 'releases')),
    log: false,
    today: () => TODAY,
  });
  for (const [path, init] of [
    ['/', {}],
    ['/assess', {}],
    ['/static/app.css', {}],
    ['/health', {}],
    ['/v1/openapi.json', {}],
    ['/v1/nope', {}],
    ['/no-such-page', {}],
    ['/v1/assess', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }],
    ['/v1/releases/demo/files/charts/people-by-role.svg', {}],
  ] as [string, RequestInit][]) {
    test(`${init.method ?? 'GET'} ${path}`, async () => {
      const r = await app.request(path, init);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src '(self|none)'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
    });
  }
  test('pages use no inline script or handler (the CSP would block it)', async () => {
    for (const path of ['/', '/assess', '/stories', '/compare', '/law', '/data']) {
      const body = await (await app.request(path)).text();
      assert.doesNotMatch(body, /<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+="|javascript:/i, path);
      assert.doesNotMatch(body, /<style|\sstyle="/i, path);
    }
  });
});

describe('batch jobs: owner-only files, expiry, deletion', () => {
  const stub: RunBatch = async () => ({ summary: { records_read: 1 } });
  test('job folders are 0700 and uploads 0600; DELETE removes a job with its files', async () => {
    const dataDir = tmp('proportion-jobs-');
    const jobsDir = join(dataDir, 'jobs');
    const app = createApp({ token: TOKEN, jobsDir, runBatch: stub, log: false, today: () => TODAY });
    const r = await app.request('/v1/batch', {
      method: 'POST',
      body: `${JSON.stringify(JSON.parse(caseJson('weldon-angelos')))}\n`,
      headers: { 'content-type': 'application/x-ndjson', ...auth },
    });
    assert.equal(r.status, 202);
    const job = (await r.json()) as { id: string; url: string };
    assert.equal(mode(jobsDir), 0o700);
    assert.equal(mode(join(jobsDir, job.id)), 0o700);
    assert.equal(mode(join(jobsDir, job.id, 'input.jsonl')), 0o600);
    for (let i = 0; i < 50; i++) {
      const s = (await (await app.request(job.url, { headers: auth })).json()) as { state: string };
      if (s.state === 'succeeded') break;
      await new Promise((res) => setTimeout(res, 20));
    }
    assert.equal((await app.request(job.url, { method: 'DELETE' })).status, 401);
    assert.equal((await app.request(job.url, { method: 'DELETE', headers: auth })).status, 204);
    assert.throws(() => statSync(join(jobsDir, job.id)));
    assert.equal((await app.request(job.url, { headers: auth })).status, 404);
    assert.equal((await app.request(job.url, { method: 'DELETE', headers: auth })).status, 404);
    const doc = (await (await app.request('/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    assert.ok(doc.paths['/v1/batch/{id}']?.delete, 'DELETE documented in the OpenAPI');
  });

  test('a job expires with its input after the time to live (default 24 hours)', async () => {
    const dir = join(tmp('proportion-jobs-'), 'jobs');
    let now = 1_000_000;
    const q = new JobQueue({ dir, today: () => TODAY, run: stub, now: () => now });
    const job = q.create('{}\n', 'jsonl', ['law_today']);
    await q.idle();
    now += 23 * 3600 * 1000;
    assert.ok(q.get(job.id));
    now += 3600 * 1000;
    assert.equal(q.get(job.id), undefined);
    assert.throws(() => statSync(join(dir, job.id)));
    await q.close();
  });
});
