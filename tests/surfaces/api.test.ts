import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { JobQueue, type RunBatch } from '../../src/api/jobs.ts';
import { ReleaseStore } from '../../src/api/releases.ts';
import { reformCatalog } from '../../src/engine/scenarios.ts';
import { assessmentSchema, comparisonSchema } from '../../src/model/assessment-schema.ts';
import { caseJson, dataDirWithFixture, ROOT, startQuietServer, TODAY } from './helpers.ts';

const TOKEN = 'test-token-123';
const logs: string[] = [];
const dataDir = dataDirWithFixture();
const app = createApp({
  token: TOKEN,
  releases: new ReleaseStore(join(dataDir, 'releases')),
  jobsDir: join(dataDir, 'jobs'),
  batchWorkers: 0,
  today: () => TODAY,
  log: (line) => logs.push(line),
});
const ANGELOS = caseJson('weldon-angelos');
const post = (
  path: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => app.request(path, { method: 'POST', body, headers });
type ErrorBody = { error: string; problems: { path: string; message: string }[] };
const paths = (b: ErrorBody) => b.problems.map((p) => p.path);

describe('GET /health', () => {
  test('answers ok with the engine and law data stamp', async () => {
    const r = await app.request('/health');
    assert.equal(r.status, 200);
    const b = (await r.json()) as Record<string, string>;
    assert.equal(b.status, 'ok');
    assert.match(b.law_data ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(b.write_endpoints, 'enabled');
    assert.equal(b.release, 'ready');
  });
});

describe('POST /v1/assess', () => {
  test('assesses a case: the contract, stamped, with citations', async () => {
    const r = await post('/v1/assess', ANGELOS);
    assert.equal(r.status, 200);
    const a = (await r.json()) as {
      exposure: { mandatory_minimum_months: unknown; statutory: { citations: string[] } };
      dates: { evaluation: string };
    };
    assert.ok(assessmentSchema.safeParse(a).success);
    assert.equal(a.exposure.mandatory_minimum_months, 660);
    assert.equal(a.dates.evaluation, TODAY);
    assert.ok(a.exposure.statutory.citations.length > 0);
  });
  test('as_of asks what the same conduct would get on another date', async () => {
    const r = await post('/v1/assess?as_of=2026-01-01', ANGELOS);
    assert.equal(r.status, 200);
    const a = (await r.json()) as {
      exposure: { mandatory_minimum_months: unknown };
      dates: { offense: string };
    };
    assert.equal(a.dates.offense, '2026-01-01');
    assert.notEqual(a.exposure.mandatory_minimum_months, 660);
  });
  test('explain=none: the same assessment with codes, values and citations, and no rendered prose', async () => {
    const full = (await (await post('/v1/assess', ANGELOS)).json()) as {
      findings: { code: string; message: string; citations: string[] }[];
      exposure: unknown;
    };
    const r = await post('/v1/assess?explain=none', ANGELOS);
    assert.equal(r.status, 200);
    const bare = (await r.json()) as typeof full;
    assert.ok(full.findings.length > 0 && full.findings.every((f) => f.message.length > 0));
    assert.ok(bare.findings.every((f) => f.message === ''));
    assert.deepEqual(
      bare.findings.map((f) => [f.code, f.citations]),
      full.findings.map((f) => [f.code, f.citations]),
    );
    assert.deepEqual(bare.exposure, full.exposure);
    const text = (await (await post('/v1/assess?explain=text', ANGELOS)).json()) as typeof full;
    assert.deepEqual(text, full);
    const bad = await post('/v1/assess?explain=html', ANGELOS);
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(await bad.json()), /explain/);
  });
  test('a bad as_of is a 400 naming the parameter', async () => {
    const r = await post('/v1/assess?as_of=2026-02-30', ANGELOS);
    assert.equal(r.status, 400);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['as_of']);
  });
  test('malformed JSON is a 400', async () => {
    const r = await post('/v1/assess', '{"jurisdiction": "US-FED",');
    assert.equal(r.status, 400);
    const b = (await r.json()) as ErrorBody;
    assert.match(b.error, /malformed JSON/);
    assert.deepEqual(paths(b), ['(body)']);
  });
  test('wrong types and unknown fields are a 422 with each field path and reason', async () => {
    const c = JSON.parse(ANGELOS);
    c.conduct.drugs[0].grams = 'a lot';
    c.conduct.firearm_counts = -1;
    c.offense_date = '2002-02-30';
    c.conduct.wepon = 'none';
    const r = await post('/v1/assess', JSON.stringify(c));
    assert.equal(r.status, 422);
    const b = (await r.json()) as ErrorBody;
    assert.deepEqual(paths(b).sort(), [
      'conduct.drugs.0.grams',
      'conduct.firearm_counts',
      'conduct.wepon',
      'offense_date',
    ]);
    assert.match(b.problems.find((p) => p.path === 'conduct.wepon')?.message ?? '', /unknown field/);
    assert.match(b.problems.find((p) => p.path === 'offense_date')?.message ?? '', /real calendar date/);
  });
  test('cross-field rules are reported at their field', async () => {
    const c = JSON.parse(ANGELOS);
    c.sentencing_date = '2001-01-01';
    const r = await post('/v1/assess', JSON.stringify(c));
    assert.equal(r.status, 422);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['sentencing_date']);
  });
  test('a date the law data does not cover is a 422 naming the field, in assess and in compare', async () => {
    const c = JSON.parse(ANGELOS);
    c.offense_date = '1980-01-01';
    c.sentencing_date = '1981-01-01';
    for (const [path, body] of [
      ['/v1/assess', JSON.stringify(c)],
      ['/v1/compare', JSON.stringify({ case: c, scenarios: ['law_at_sentencing'] })],
    ] as const) {
      const r = await post(path, body);
      assert.equal(r.status, 422, path);
      const b = (await r.json()) as ErrorBody;
      assert.match(b.problems.find((p) => p.path === 'offense_date')?.message ?? '', /law data starts/, path);
    }
  });
  test('a body that is not a case object is a 422', async () => {
    for (const body of ['[]', '42', 'null']) {
      const r = await post('/v1/assess', body);
      assert.equal(r.status, 422, body);
    }
  });
  test('a body that is not JSON by content type is a 415', async () => {
    const r = await post('/v1/assess', ANGELOS, { 'content-type': 'text/plain' });
    assert.equal(r.status, 415);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['(header) Content-Type']);
  });
  test('a body over the limit (1 MiB) is a 413', async () => {
    const big = JSON.stringify({ ...JSON.parse(ANGELOS), id: 'x'.repeat(1024 * 1024 + 10) });
    const r = await post('/v1/assess', big);
    assert.equal(r.status, 413);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['(body)']);
  });
});

describe('POST /v1/compare', () => {
  const reform = () => structuredClone(reformCatalog().get('first-step-act-2018'));
  test('defaults to the law at sentencing, today and the report agenda, with explained differences', async () => {
    const r = await post('/v1/compare', JSON.stringify({ case: JSON.parse(ANGELOS) }));
    assert.equal(r.status, 200);
    const c = (await r.json()) as {
      assessments: { scenario: string }[];
      differences: { field: string; because: unknown[] }[];
    };
    assert.ok(comparisonSchema.safeParse(c).success);
    assert.deepEqual(
      c.assessments.map((a) => a.scenario),
      ['law_at_sentencing', 'law_today', 'dpa-2019'],
    );
    const mm = c.differences.find((d) => d.field === 'exposure.mandatory_minimum_months');
    assert.ok(mm && mm.because.length > 0);
  });
  test('named catalog scenarios and an uploaded reform', async () => {
    const mine = { ...reform(), id: 'my-reform', title: 'My reform' };
    const r = await post(
      '/v1/compare',
      JSON.stringify({ case: JSON.parse(ANGELOS), scenarios: ['law_at_sentencing'], reform: mine }),
    );
    assert.equal(r.status, 200);
    const c = (await r.json()) as { assessments: { scenario: string }[] };
    assert.deepEqual(
      c.assessments.map((a) => a.scenario),
      ['law_at_sentencing', 'my-reform'],
    );
  });
  test('unknown scenarios, and file paths, are refused with the index', async () => {
    const r = await post(
      '/v1/compare',
      JSON.stringify({ case: JSON.parse(ANGELOS), scenarios: ['law_today', 'nope', '/etc/passwd.json'] }),
    );
    assert.equal(r.status, 422);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['scenarios.1', 'scenarios.2']);
  });
  test('an uploaded reform that reuses a catalog id, or is malformed, names the field', async () => {
    let r = await post('/v1/compare', JSON.stringify({ case: JSON.parse(ANGELOS), reform: reform() }));
    assert.equal(r.status, 422);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['reform.id']);
    const bad = { ...reform(), id: 'bad', provisions: [{ parameter: 'NOT AN ID', value: 1, cite: 'x' }] };
    r = await post('/v1/compare', JSON.stringify({ case: JSON.parse(ANGELOS), reform: bad }));
    assert.equal(r.status, 422);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['reform.provisions.0.parameter']);
  });
  test('a reform over an unknown parameter is refused with the reason', async () => {
    const bad = {
      ...reform(),
      id: 'bad',
      provisions: [{ parameter: 'us_fed.no_such.thing', value: 1, cite: 'x' }],
    };
    const r = await post('/v1/compare', JSON.stringify({ case: JSON.parse(ANGELOS), reform: bad }));
    assert.equal(r.status, 422);
    const b = (await r.json()) as ErrorBody;
    assert.ok(b.problems.length > 0 && b.problems.every((p) => p.path.startsWith('reform')));
  });
  test('case problems are prefixed with case.; unknown envelope keys are named', async () => {
    const c = JSON.parse(ANGELOS);
    c.conduct.drugs = [];
    const r = await post('/v1/compare', JSON.stringify({ case: c, scenario: ['x'] }));
    assert.equal(r.status, 422);
    assert.deepEqual(paths((await r.json()) as ErrorBody).sort(), ['case.conduct.drugs', 'scenario']);
  });
  test('malformed JSON is a 400', async () => {
    const r = await post('/v1/compare', '{');
    assert.equal(r.status, 400);
  });
});

describe('GET /v1/reforms', () => {
  test('lists the built-in scenarios and the catalog', async () => {
    const r = await app.request('/v1/reforms');
    assert.equal(r.status, 200);
    const b = (await r.json()) as { built_in: { id: string }[]; reforms: { id: string; url: string }[] };
    assert.deepEqual(
      b.built_in.map((x) => x.id),
      ['law_at_sentencing', 'law_today'],
    );
    assert.ok(b.reforms.some((x) => x.id === 'dpa-2019' && x.url === '/v1/reforms/dpa-2019'));
  });
  test('one reform with its provisions; unknown is a 404', async () => {
    let r = await app.request('/v1/reforms/first-step-act-2018');
    assert.equal(r.status, 200);
    assert.ok(((await r.json()) as { provisions: unknown[] }).provisions.length > 0);
    r = await app.request('/v1/reforms/no-such-reform');
    assert.equal(r.status, 404);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['id']);
  });
});

describe('GET /v1/law', () => {
  type Law = {
    jurisdiction: string;
    parameters: {
      id: string;
      in_force: { value: unknown; law: string; sources: unknown[] } | null;
      history: { from: string; value: unknown }[];
    }[];
    jurisdictions: { code: string }[];
  };
  test('the law in force on a date with citations and each value history', async () => {
    const r = await app.request(
      '/v1/law?jurisdiction=US-FED&date=2009-01-01&parameter=us_fed.usc21_841b.threshold.B.cocaine_base',
    );
    assert.equal(r.status, 200);
    const b = (await r.json()) as Law;
    const p = b.parameters[0];
    assert.equal(p?.id, 'us_fed.usc21_841b.threshold.B.cocaine_base');
    assert.equal(p?.in_force?.value, 5);
    assert.match(p?.in_force?.law ?? '', /841\(b\)/);
    assert.ok((p?.in_force?.sources.length ?? 0) > 0);
    assert.ok(p?.history.some((h) => h.from === '2010-08-03' && h.value === 28));
    assert.ok(b.jurisdictions.some((j) => j.code === 'DPA-2019'));
  });
  test('states and the report policy are jurisdictions too; unknown is a 404, a bad date a 400', async () => {
    assert.equal((await app.request('/v1/law?jurisdiction=US-GA')).status, 200);
    assert.equal((await app.request('/v1/law?jurisdiction=DPA-2019')).status, 200);
    assert.equal((await app.request('/v1/law?jurisdiction=US-ZZ')).status, 404);
    const r = await app.request('/v1/law?date=2009-13-01');
    assert.equal(r.status, 400);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['date']);
  });
});

describe('POST /v1/batch (token-protected)', () => {
  const jsonl = `${caseJson('weldon-angelos').replace(/\n\s*/g, '')}\n{"jurisdiction":"US-FED"}\n`;
  test('without a configured token, write endpoints are disabled (403)', async () => {
    const closed = createApp({ log: false, jobsDir: mkdtempSync(join(tmpdir(), 'jobs-')) });
    const r = await closed.request('/v1/batch', {
      method: 'POST',
      body: jsonl,
      headers: { 'content-type': 'application/x-ndjson', authorization: 'Bearer x' },
    });
    assert.equal(r.status, 403);
    assert.match(((await r.json()) as ErrorBody).error, /PROPORTION_TOKEN/);
  });
  test('a missing token is a 401 with WWW-Authenticate; a wrong one a 403', async () => {
    let r = await post('/v1/batch', jsonl, { 'content-type': 'application/x-ndjson' });
    assert.equal(r.status, 401);
    assert.match(r.headers.get('www-authenticate') ?? '', /Bearer/);
    r = await post('/v1/batch', jsonl, {
      'content-type': 'application/x-ndjson',
      authorization: 'Bearer wrong',
    });
    assert.equal(r.status, 403);
    r = await app.request('/v1/batch/anything');
    assert.equal(r.status, 401);
  });
  const auth = { authorization: `Bearer ${TOKEN}` };
  test('runs a JSON Lines upload as a job: progress, summary, result files', async () => {
    const r = await post('/v1/batch?scenarios=law_at_sentencing,dpa-2019', jsonl, {
      'content-type': 'application/x-ndjson',
      ...auth,
    });
    assert.equal(r.status, 202);
    const job = (await r.json()) as { id: string; url: string; progress: { records_total: number } };
    assert.equal(r.headers.get('location'), job.url);
    assert.equal(job.progress.records_total, 2);
    let state = '';
    let body:
      | {
          state: string;
          error: string | null;
          summary: { records_read: number; records_rejected: number };
          files: { name: string; url: string }[];
        }
      | undefined;
    for (let i = 0; i < 200 && !['succeeded', 'failed'].includes(state); i++) {
      await new Promise((res) => setTimeout(res, 100));
      const s = await app.request(job.url, { headers: auth });
      body = (await s.json()) as typeof body;
      state = body?.state ?? '';
    }
    assert.equal(state, 'succeeded', body?.error ?? '');
    assert.equal(body?.summary.records_read, 2);
    assert.equal(body?.summary.records_rejected, 1);
    const results = body?.files.find((f) => f.name === 'results.csv');
    assert.ok(results);
    const f = await app.request(results.url, { headers: auth });
    assert.equal(f.status, 200);
    assert.match(await f.text(), /weldon-angelos/);
    assert.equal((await app.request(results.url)).status, 401, 'result files need the token too');
    assert.equal((await app.request(`${job.url}/files/input.jsonl`, { headers: auth })).status, 404);
  });
  test('jobs run one after another on worker threads the queue keeps', async () => {
    const q = new JobQueue({ dir: mkdtempSync(join(tmpdir(), 'jobs-')), today: () => TODAY, workers: 1 });
    try {
      const input = `${ANGELOS.replace(/\s*\n\s*/g, ' ')}\n`.repeat(3);
      const jobs = [q.create(input, 'jsonl', ['law_today']), q.create(input, 'jsonl', ['law_today'])];
      await q.idle();
      const results = jobs.map((j) => {
        const done = q.get(j.id);
        assert.equal(done?.state, 'succeeded', done?.error ?? '');
        assert.equal(done?.progress.records_done, 3);
        return readFileSync(q.file(j.id, 'results.csv') as string, 'utf8');
      });
      assert.equal(results[0], results[1]);
      assert.equal(results[0]?.trim().split('\n').length, 4);
    } finally {
      await q.close();
    }
  });
  /** An app whose batch jobs run `stub`, with one job posted as a JSON envelope (202). */
  async function submitWithStub(stub: RunBatch) {
    const a = createApp({
      log: false,
      token: TOKEN,
      jobsDir: mkdtempSync(join(tmpdir(), 'jobs-')),
      runBatch: stub,
      today: () => TODAY,
    });
    const r = await a.request('/v1/batch', {
      method: 'POST',
      body: JSON.stringify({ cases: [JSON.parse(ANGELOS)], scenarios: ['law_today'] }),
      headers: { 'content-type': 'application/json', ...auth },
    });
    assert.equal(r.status, 202);
    return { a, url: ((await r.json()) as { url: string }).url };
  }
  test('a JSON envelope {cases, scenarios} with a stub runner', async () => {
    let seen: Parameters<RunBatch>[0] | undefined;
    const stub: RunBatch = async (o) => {
      seen = o;
      return { summary: { records_read: 1 } };
    };
    const { a, url } = await submitWithStub(stub);
    await new Promise((res) => setTimeout(res, 20));
    const s = (await (await a.request(url, { headers: auth })).json()) as { state: string };
    assert.equal(s.state, 'succeeded');
    assert.deepEqual(seen?.scenarios, ['law_today']);
    assert.equal(seen?.evaluationDate, TODAY);
    assert.equal(seen?.format, 'jsonl');
  });
  test("a running job reports the runner's progress", async () => {
    let release = () => {};
    const gate = new Promise<void>((res) => {
      release = res;
    });
    const stub: RunBatch = async (o) => {
      o.onProgress?.({ records: 1000 });
      await gate;
      return { summary: { records_read: 2500 } };
    };
    const { a, url } = await submitWithStub(stub);
    await new Promise((res) => setTimeout(res, 20));
    type State = { state: string; progress: { records_done: number | null } };
    const running = (await (await a.request(url, { headers: auth })).json()) as State;
    assert.equal(running.state, 'running');
    assert.equal(running.progress.records_done, 1000);
    release();
    await new Promise((res) => setTimeout(res, 20));
    const done = (await (await a.request(url, { headers: auth })).json()) as State;
    assert.equal(done.state, 'succeeded');
    assert.equal(done.progress.records_done, 2500);
  });
  test('refuses unknown scenarios (422), other content types (415), oversized uploads (413), unknown jobs (404)', async () => {
    let r = await post('/v1/batch?scenarios=nope', jsonl, {
      'content-type': 'application/x-ndjson',
      ...auth,
    });
    assert.equal(r.status, 422);
    assert.deepEqual(paths((await r.json()) as ErrorBody), ['scenarios.0']);
    r = await post('/v1/batch', jsonl, { 'content-type': 'text/plain', ...auth });
    assert.equal(r.status, 415);
    const small = createApp({
      log: false,
      token: TOKEN,
      jobsDir: mkdtempSync(join(tmpdir(), 'jobs-')),
      batchLimitBytes: 100,
    });
    r = await small.request('/v1/batch', {
      method: 'POST',
      body: jsonl,
      headers: { 'content-type': 'application/x-ndjson', ...auth },
    });
    assert.equal(r.status, 413);
    r = await app.request('/v1/batch/00000000-0000-0000-0000-000000000000', { headers: auth });
    assert.equal(r.status, 404);
    r = await post('/v1/batch', '{"cases": []}', { 'content-type': 'application/json', ...auth });
    assert.equal(r.status, 422);
    r = await post('/v1/batch', '{"cases": [', { 'content-type': 'application/json', ...auth });
    assert.equal(r.status, 400);
  });
});

describe('GET /v1/releases (aggregates only)', () => {
  test('lists releases with their aggregate tables and charts, labelled synthetic', async () => {
    const r = await app.request('/v1/releases');
    assert.equal(r.status, 200);
    const b = (await r.json()) as {
      status: string;
      releases: {
        id: string;
        synthetic: boolean;
        resources: { name: string; url: string }[];
        charts: { url: string }[];
      }[];
    };
    assert.equal(b.status, 'ready');
    const demo = b.releases[0];
    assert.equal(demo?.id, 'demo');
    assert.equal(demo?.synthetic, true);
    assert.deepEqual(
      demo?.resources.map((x) => x.name),
      ['mandatory-minimums'],
      'the row-level resource is withheld',
    );
    assert.equal(demo?.charts.length, 1);
  });
  test('serves listed files only: tables, charts, the descriptor; never row-level files or paths outside', async () => {
    let r = await app.request('/v1/releases/latest/files/tables/mandatory-minimums.csv');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(await r.text(), /^role,race_ethnicity/);
    r = await app.request('/v1/releases/demo/files/charts/people-by-role.svg');
    assert.equal(r.status, 200);
    assert.equal((await app.request('/v1/releases/demo/files/datapackage.json')).status, 200);
    assert.equal((await app.request('/v1/releases/demo/files/tables/records.csv')).status, 404);
    assert.equal((await app.request('/v1/releases/demo/files/..%2F..%2Fetc%2Fpasswd')).status, 404);
    assert.equal((await app.request('/v1/releases/demo/files/../../../etc/passwd')).status, 404);
    assert.equal((await app.request('/v1/releases/nope')).status, 404);
    assert.equal((await app.request('/v1/releases/demo')).status, 200);
  });
  test('with no release, the list says so and the Data page is honest', async () => {
    const empty = createApp({ log: false, releases: new ReleaseStore(mkdtempSync(join(tmpdir(), 'rel-'))) });
    const b = (await (await empty.request('/v1/releases')).json()) as { status: string; releases: unknown[] };
    assert.equal(b.status, 'none');
    assert.deepEqual(b.releases, []);
    const page = await (await empty.request('/data')).text();
    assert.match(page, /No release yet/);
  });
});

describe('OpenAPI 3.1 document', () => {
  test('generated from the same schemas, with every endpoint', async () => {
    const r = await app.request('/v1/openapi.json');
    assert.equal(r.status, 200);
    const doc = (await r.json()) as {
      openapi: string;
      components: {
        schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }>;
      };
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<string, { schema: { $ref?: string } }>;
            };
          }
        >
      >;
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const p of [
      '/v1/assess',
      '/v1/compare',
      '/v1/reforms',
      '/v1/reforms/{id}',
      '/v1/law',
      '/v1/batch',
      '/v1/batch/{id}',
      '/v1/releases',
      '/v1/releases/{id}',
      '/health',
    ])
      assert.ok(p in doc.paths, p);
    const ref = doc.paths['/v1/assess']?.post?.requestBody?.content['application/json']?.schema.$ref;
    assert.equal(ref, '#/components/schemas/Case', 'the case is a named component');
    const caseSchema = doc.components.schemas.Case;
    assert.ok(caseSchema?.properties && 'conduct' in caseSchema.properties);
    assert.equal(caseSchema?.additionalProperties, false, 'strict: unknown fields are errors');
  });
  test('unknown API paths answer JSON 404', async () => {
    const r = await app.request('/v1/nope');
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type') ?? '', /json/);
  });
});

describe('request log', () => {
  test('method, path, status and duration; never case contents or query strings', async () => {
    logs.length = 0;
    await post('/v1/assess?as_of=2020-01-01', ANGELOS);
    await app.request('/assess?story=weldon-angelos');
    assert.equal(logs.length, 2);
    const line = JSON.parse(logs[0] as string) as Record<string, unknown>;
    assert.deepEqual(Object.keys(line).sort(), ['method', 'ms', 'path', 'status', 'time']);
    assert.equal(line.path, '/v1/assess');
    assert.equal(line.status, 200);
    for (const l of logs) assert.doesNotMatch(l, /marijuana|angelos|as_of|story/);
  });
});

describe('web pages through the app', () => {
  test('Crystal Munoz: both bounds of the mandatory minimum, with the safety-valve question that settles it', async () => {
    const r = await app.request('/assess?story=crystal-munoz');
    assert.equal(r.status, 200);
    const page = await r.text();
    assert.match(page, /data-field="mandatory-minimum">10 years \(120 months\)/);
    assert.match(page, /If the open questions go the person's way: <strong>0 months<\/strong>/);
    assert.match(page, /safety-valve proffer/);
    // the answer first: the law applied, today, the report's agenda, and the bound that depends on a fact
    const answer = page.slice(
      page.indexOf('data-testid="answer-first"'),
      page.indexOf('data-testid="keyfacts"'),
    );
    assert.ok(answer.length > 0, 'the answer comes before the key facts');
    assert.equal((answer.match(/<li>/g) ?? []).length, 3);
    assert.match(answer, /mandatory minimum is <strong>0 months<\/strong>/);
  });
  test('every page answers HTML with a doctype', async () => {
    for (const p of [
      '/',
      '/assess',
      '/assess?story=aron-tuff',
      '/stories',
      '/stories/aron-tuff',
      '/compare',
      '/compare?story=aron-tuff',
      '/law',
      '/law?jurisdiction=US-GA&date=2020-01-01',
      '/data',
      '/data?role=courier',
    ]) {
      const r = await app.request(p);
      assert.equal(r.status, 200, p);
      assert.match(await r.text(), /^<!doctype html>/, p);
    }
    assert.equal((await app.request('/stories/nobody')).status, 404);
    assert.equal((await app.request('/no-such-page')).status, 404);
  });
  test('the form posts, assesses and re-renders with the result', async () => {
    const form = new URLSearchParams({
      jurisdiction: 'US-FED',
      offense_date: '2020-01-01',
      'conduct.activities': 'sold_retail',
      'conduct.drugs.0.substance': 'cocaine_base',
      'conduct.drugs.0.grams': '30',
      'conduct.drugs.0.basis': 'transacted',
    });
    const posted = await app.request('/assess', {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    // Without JavaScript the browser is sent to the result's permalink (post/redirect/get).
    assert.equal(posted.status, 303);
    const location = posted.headers.get('location') ?? '';
    assert.match(location, /^\/assess\?c=[A-Za-z0-9_-]+&law=[0-9a-f]{12}$/);
    const r = await app.request(location);
    assert.equal(r.status, 200);
    const page = await r.text();
    assert.match(page, /data-field="mandatory-minimum">5 years \(60 months\)/);
    assert.match(page, /Questions that would settle the result/);
    assert.match(page, /class="field needed"[\s\S]*?f-cooperation-truthful_disclosure/);
  });
  test('an invalid form answer is shown at its field', async () => {
    const form = new URLSearchParams({
      jurisdiction: 'US-FED',
      offense_date: '2020-01-01',
      'conduct.drugs.0.substance': 'cocaine',
      'conduct.drugs.0.grams': 'abc',
      'conduct.drugs.0.basis': 'possessed',
    });
    const page = await (
      await app.request('/assess', {
        method: 'POST',
        body: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    ).text();
    assert.match(page, /id="f-conduct-drugs-0-grams-err">expected number/);
    assert.match(page, /id="f-conduct-activities-err">at least one activity is required/);
  });
  test('PDF export, by story and by posted JSON', async () => {
    let r = await app.request('/assess.pdf?story=weldon-angelos');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await r.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    r = await app.request('/assess.pdf', {
      method: 'POST',
      body: ANGELOS,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(r.status, 200);
    r = await app.request('/assess.pdf');
    assert.equal(r.status, 400);
  });
  test('compare with an uploaded YAML reform through the form', async () => {
    const yaml = readFileSync(join(ROOT, 'law/scenarios/no-924c-stacking.yaml'), 'utf8').replace(
      /^id: .*$/m,
      'id: my-upload',
    );
    const fd = new FormData();
    fd.set('story', 'weldon-angelos');
    fd.append('scenarios', 'law_at_sentencing');
    fd.set('reform_text', yaml);
    const page = await (await app.request('/compare', { method: 'POST', body: fd })).text();
    assert.match(page, /data-testid="comparison-table"/);
    assert.match(page, /<th scope="col" data-scenario="my-upload">No stacking of 924\(c\) counts</);
    assert.match(page, /data-differs="true"/);
  });
  test('static assets are served locally', async () => {
    const js = await app.request('/static/htmx.min.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.equal((await app.request('/static/app.css')).status, 200);
  });
});

describe('the body limit on a real socket', () => {
  // app.request() never declares a length, so the declared-length path is only reached over HTTP.
  test('a declared length over the limit, a chunked body over it, and a body under it', async () => {
    const server = await startQuietServer(dataDir);
    try {
      const url = `${server.url}/v1/assess`;
      const headers = { 'content-type': 'application/json' };
      const big = JSON.stringify({ ...JSON.parse(ANGELOS), id: 'x'.repeat(1024 * 1024 + 10) });
      const declared = await fetch(url, { method: 'POST', headers, body: big });
      assert.equal(declared.status, 413);
      assert.deepEqual(paths((await declared.json()) as ErrorBody), ['(body)']);
      const bytes = new TextEncoder().encode(big);
      const chunked = await fetch(url, {
        method: 'POST',
        headers,
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.subarray(i, i + 64 * 1024));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      assert.equal(chunked.status, 413);
      assert.deepEqual(paths((await chunked.json()) as ErrorBody), ['(body)']);
      const ok = await fetch(url, { method: 'POST', headers, body: ANGELOS });
      assert.equal(ok.status, 200);
      assert.ok(assessmentSchema.safeParse(await ok.json()).success);
    } finally {
      await server.close();
    }
  });
});
