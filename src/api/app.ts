import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { assess } from '../engine/assess.ts';
import { DEFAULT_SCENARIOS } from '../engine/compare.ts';
import { lawGapProblem } from '../engine/dates.ts';
import { BUILT_IN_SCENARIOS, builtInScenario, reformCatalog } from '../engine/scenarios.ts';
import { ENGINE_VERSION } from '../engine/stamp.ts';
import { LawGapError } from '../law/errors.ts';
import { defaultLawBook } from '../law/loader.ts';
import { type Case, CaseRefused } from '../model/case.ts';
import { todayUtc } from '../model/dates.ts';
import { extend } from '../model/extend.ts';
import { renderError, webRoutes } from '../web/routes.ts';
import { ApiError, errorBody, type Problem, zodToProblems } from './errors.ts';
import { type BatchFormat, JobQueue, type RunBatch } from './jobs.ts';
import { jurisdictions, lawView } from './law-view.ts';
import type { Release, ReleaseStore } from './releases.ts';
import { compareWith, unknownScenarios } from './scenarios.ts';
import {
  AssessmentSchema,
  assessQuerySchema,
  batchJsonSchema,
  CaseSchema,
  ComparisonSchema,
  compareRequestSchema,
  errorSchema,
  healthSchema,
  jobSchema,
  lawQuerySchema,
  lawResponseSchema,
  ReformSchema,
  reformListSchema,
  releaseListSchema,
  releaseSchema,
} from './schemas.ts';

export interface AppOptions {
  /** Bearer token for write endpoints (PROPORTION_TOKEN); when unset they answer 403. */
  token?: string | undefined;
  /** Published releases (a directory of release directories). */
  releases?: ReleaseStore;
  /** Where batch jobs keep their files; batch is unavailable (503) without it. */
  jobsDir?: string;
  /** The batch runner (default: src/batch's runBatch); tests may pass a stub. */
  runBatch?: RunBatch;
  /** Worker threads of batch jobs, kept from one job to the next (default 1; 0 runs jobs on the event loop). */
  batchWorkers?: number;
  /** How long a batch job (its uploaded input and its results) is kept, in ms; default 24 hours. */
  jobTtlMs?: number;
  /** The evaluation date (surfaces read the clock, rules never do). */
  today?: () => string;
  /** One line per request: method, path, status, duration; never bodies or query strings. */
  log?: ((line: string) => void) | false;
  /** Largest request body, in bytes (default 1 MiB); batch uploads have their own (default 50 MiB). */
  bodyLimitBytes?: number;
  batchLimitBytes?: number;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_BATCH_LIMIT = 50 * 1024 * 1024;

const json = (schema: unknown) => ({ 'application/json': { schema } }) as never;
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [code, { description: ERROR_TEXT[code] ?? 'error', content: json(errorSchema) }]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: 'malformed request (JSON syntax, query parameters)',
  401: 'no bearer token',
  403: 'wrong token, or write endpoints disabled',
  404: 'not found',
  409: 'conflict with the current state (e.g. the job is running)',
  413: 'request body too large',
  415: 'unsupported content type',
  422: 'the body does not match the schema: each problem names the field',
  503: 'not available on this server',
};

const sha = (s: string) => createHash('sha256').update(s).digest();

/** Write endpoints: Authorization: Bearer <PROPORTION_TOKEN>. */
function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token)
      throw new ApiError(403, 'write endpoints are disabled: the operator has not set PROPORTION_TOKEN', [
        { path: '(header) Authorization', message: 'no token is configured on this server' },
      ]);
    const header = c.req.header('authorization');
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m)
      throw new ApiError(
        401,
        'this endpoint needs a token: send Authorization: Bearer <token>',
        [{ path: '(header) Authorization', message: header ? 'not a Bearer token' : 'missing' }],
        { 'WWW-Authenticate': 'Bearer realm="proportion"' },
      );
    if (!timingSafeEqual(sha(m[1] as string), sha(token)))
      throw new ApiError(403, 'the token is not valid', [
        { path: '(header) Authorization', message: 'wrong token' },
      ]);
    await next();
  };
}

function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      throw new ApiError(415, 'send the body as JSON with Content-Type: application/json', [
        { path: '(header) Content-Type', message: type ? `"${type}" is not application/json` : 'missing' },
      ]);
    await next();
  };
}

function limit(bytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new ApiError(413, `the request body is larger than the limit of ${bytes} bytes`, [
      { path: '(body)', message: `larger than ${bytes} bytes` },
    ]);
  };
  const streamed = bodyLimit({ maxSize: bytes, onError: tooLarge });
  return (c, next) => {
    // A declared length is enforced by Node's parser, so the header is enough. Checking it here, without
    // touching the body (Hono's bodyLimit wraps it in a counting stream), lets the Node adapter read the
    // body directly: a tenth of an assessment request's cost. Chunked bodies are still counted.
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(declared))
      return Number(declared) > bytes ? tooLarge() : next();
    return streamed(c, next);
  };
}

function releaseJson(r: Release) {
  const base = `/v1/releases/${encodeURIComponent(r.id)}`;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    created: r.created,
    synthetic: r.synthetic,
    resources: r.resources.map((x) => ({
      name: x.name,
      title: x.title ?? null,
      url: `${base}/files/${x.path}`,
    })),
    charts: r.charts.map((f) => ({ name: f, url: `${base}/files/${f}` })),
    datapackage: `${base}/files/datapackage.json`,
  };
}

const MEDIA: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
  png: 'image/png',
};

/** Scripts, styles and images only from this server; never framed; no referrer sent elsewhere. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function sendFile(c: Context, path: string, download: string | null): Response {
  const ext = path.split('.').pop() ?? '';
  const headers: Record<string, string> = {
    'Content-Type': MEDIA[ext] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
  };
  if (download) headers['Content-Disposition'] = `attachment; filename="${download.replace(/"/g, '')}"`;
  // a release's own page and charts carry their styles inline: allowed there, and nothing else
  if (ext === 'svg' || ext === 'html')
    headers['Content-Security-Policy'] =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'";
  const stream = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream;
  return c.body(stream, 200, headers);
}

/** The HTTP API and the web app, one Hono app. Routes are testable with app.request() (no port). */
export function createApp(options: AppOptions = {}) {
  const today = options.today ?? todayUtc;
  const log =
    options.log === false
      ? undefined
      : (options.log ?? ((line: string) => process.stderr.write(`${line}\n`)));
  const releases = options.releases;
  const jobs = options.jobsDir
    ? new JobQueue({
        dir: options.jobsDir,
        today,
        ...(options.runBatch ? { run: options.runBatch } : {}),
        ...(options.batchWorkers !== undefined ? { workers: options.batchWorkers } : {}),
        ...(options.jobTtlMs !== undefined ? { ttlMs: options.jobTtlMs } : {}),
      })
    : undefined;

  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (result.success) return;
      const status = result.target === 'json' || result.target === 'form' ? 422 : 400;
      const prefix = result.target === 'query' ? ['(query)'] : [];
      throw new ApiError(
        status,
        status === 422 ? 'the request does not match the schema' : 'invalid request parameters',
        zodToProblems(result.error, prefix).map((p) =>
          result.target === 'query' ? { ...p, path: p.path.replace('(query).', '') } : p,
        ),
      );
    },
  });

  // ---- security headers on every response (a route may set a stricter CSP of its own)
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(k)) c.res.headers.set(k, v);
  });

  // ---- logging: method, path (never the query string), status, duration; never bodies
  if (log)
    app.use('*', async (c, next) => {
      const t0 = performance.now();
      await next();
      log(
        JSON.stringify({
          time: new Date().toISOString(),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round((performance.now() - t0) * 100) / 100,
        }),
      );
    });

  app.onError((thrown, c) => {
    // a valid case the engine refuses (a future date) is the client's to fix, with the field named
    const err =
      thrown instanceof CaseRefused
        ? new ApiError(
            422,
            'the case cannot be assessed',
            thrown.problems.map((p) => ({ path: p.path, message: p.message })),
          )
        : thrown;
    const web = !c.req.path.startsWith('/v1/') && c.req.path !== '/health';
    if (web && (err instanceof ApiError || err instanceof HTTPException)) {
      const status = err instanceof ApiError ? err.status : err.status;
      return c.html(renderError(status, err.message, err instanceof ApiError ? err.problems : []), status);
    }
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(errorBody(err.message, err.problems), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const message = status === 400 ? 'malformed JSON in the request body' : err.message || 'request error';
      return c.json(errorBody(message, [{ path: '(body)', message: err.message }]), status);
    }
    if (err instanceof LawGapError)
      return c.json(
        errorBody('the law data does not cover this case', [{ path: '(case)', message: err.message }]),
        422,
      );
    // Unexpected: log the error (never the request body) and answer without internals.
    process.stderr.write(`internal error on ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
    return c.json(errorBody('internal error', []), 500);
  });

  // ---- limits and content types on the API's write paths
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  app.use('/v1/assess', limit(bodyLimitBytes), requireJson());
  app.use('/v1/compare', limit(bodyLimitBytes), requireJson());
  app.on(
    'POST',
    '/v1/batch',
    requireToken(options.token),
    limit(options.batchLimitBytes ?? DEFAULT_BATCH_LIMIT),
  );
  app.use('/v1/batch/*', requireToken(options.token));

  // ---- POST /v1/assess
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/assess',
      summary: 'Assess one case',
      description:
        'Role, indicia review, exposure with citations, the report\'s screen, consequences and cost for one case (contract v1). `as_of` asks "what would this conduct get on that date".',
      request: {
        query: assessQuerySchema,
        body: { content: json(CaseSchema), required: true, description: 'a case (contract v1)' },
      },
      responses: {
        200: { description: 'the assessment', content: json(AssessmentSchema) },
        ...errors(400, 413, 415, 422),
      },
    }),
    (c) => {
      const query = c.req.valid('query') as { as_of?: string; explain?: 'text' | 'none' };
      // the route's schema has validated and parsed the body (caseSchema): it is a Case, validated once
      const body = c.req.valid('json' as never) as Case;
      try {
        const a = assess(body, {
          evaluationDate: today(),
          ...(query.as_of ? { asOf: query.as_of } : {}),
          messages: query.explain !== 'none',
        });
        return c.json(a as never, 200);
      } catch (e) {
        // a law-data gap names the case field whose date the law data does not cover
        if (e instanceof LawGapError)
          throw new CaseRefused([lawGapProblem(e, body, defaultLawBook(), query.as_of)]);
        throw e;
      }
    },
  );

  // ---- POST /v1/compare
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/compare',
      summary: 'Compare one case under several scenarios',
      description:
        'One assessment per scenario (built in: law_at_sentencing, law_today; or catalog reforms; or one uploaded reform), the fields that differ, and the law values that explain each difference.',
      request: { body: { content: json(compareRequestSchema), required: true } },
      responses: {
        200: { description: 'the comparison', content: json(ComparisonSchema) },
        ...errors(400, 413, 415, 422),
      },
    }),
    (c) => {
      const body = c.req.valid('json' as never) as {
        case: Case;
        scenarios?: string[];
        reform?: import('../law/reform.ts').Reform;
      };
      // validated once, by the route's schema (compareRequestSchema holds caseSchema)
      const ids = body.scenarios ?? (body.reform ? ['law_today'] : DEFAULT_SCENARIOS);
      return c.json(compareWith(body.case, ids, body.reform, today()) as never, 200);
    },
  );

  // ---- reforms
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reforms',
      summary: 'The reform catalog',
      responses: {
        200: { description: 'built-in scenarios and catalog reforms', content: json(reformListSchema) },
      },
    }),
    (c) => {
      const reforms = [...reformCatalog().values()].map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        summary: r.summary,
        citation: r.citation,
        effective: r.effective ?? null,
        retroactive: r.retroactive.applies,
        never_harsher: r.never_harsher,
        url: `/v1/reforms/${r.id}`,
      }));
      const built_in = BUILT_IN_SCENARIOS.map((id) => ({ id, title: builtInScenario(id)?.title ?? id }));
      return c.json({ built_in, reforms } as never, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reforms/{id}',
      summary: 'One reform with its provisions',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: { description: 'the reform', content: json(ReformSchema) }, ...errors(404) },
    }),
    (c) => {
      const { id } = c.req.valid('param') as { id: string };
      const r = reformCatalog().get(id);
      if (!r)
        throw new ApiError(404, `no reform "${id}" in the catalog`, [
          { path: 'id', message: `known: ${[...reformCatalog().keys()].join(', ')}` },
        ]);
      return c.json(r as never, 200);
    },
  );

  // ---- GET /v1/law
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/law',
      summary: "The law in force on a date, with citations and each value's history",
      request: { query: lawQuerySchema },
      responses: {
        200: { description: 'parameters of the jurisdiction', content: json(lawResponseSchema) },
        ...errors(400, 404),
      },
    }),
    (c) => {
      const q = c.req.valid('query') as { jurisdiction?: string; date?: string; parameter?: string };
      const code = q.jurisdiction ?? 'US-FED';
      const view = lawView(code, q.date ?? today());
      const list = jurisdictions().map((j) => ({ code: j.code, parameters: j.parameters }));
      if (!view)
        throw new ApiError(404, `no law data for jurisdiction "${code}"`, [
          { path: 'jurisdiction', message: `known: ${list.map((j) => j.code).join(', ')}` },
        ]);
      const parameters = q.parameter
        ? view.parameters.filter((p) => p.id.startsWith(q.parameter as string))
        : view.parameters;
      return c.json(extend(view, { jurisdictions: list, parameters }) as never, 200);
    },
  );

  // ---- batch jobs
  const jobJson = (id: string) => {
    const job = jobs?.get(id);
    if (!job)
      throw new ApiError(404, `no batch job "${id}"`, [{ path: 'id', message: 'unknown or expired job' }]);
    const url = `/v1/batch/${job.id}`;
    return extend(job, { url, files: job.files.map((name) => ({ name, url: `${url}/files/${name}` })) });
  };
  // Documented from the same schemas, validated by hand: the body is CSV, JSON Lines or JSON.
  app.openAPIRegistry.registerPath(
    createRoute({
      method: 'post',
      path: '/v1/batch',
      summary: 'Start a bulk run (asynchronous)',
      description:
        'Upload a caseload as CSV (the flat layout of docs/data-dictionary.md), JSON Lines (one case per line) or JSON `{cases, scenarios}`; scenarios by `?scenarios=a,b`. Answers 202 with the job; poll its URL for progress, then download results.csv, results.parquet, rejected.csv, summary.json, summary.md. Needs `Authorization: Bearer <PROPORTION_TOKEN>`.',
      security: [{ bearer: [] }],
      request: {
        query: z.object({ scenarios: z.string().optional() }),
        body: {
          content: {
            'text/csv': { schema: z.string() },
            'application/x-ndjson': { schema: z.string() },
            'application/json': { schema: batchJsonSchema },
          } as never,
          required: true,
        },
      },
      responses: {
        202: { description: 'the job, queued', content: json(jobSchema) },
        ...errors(400, 401, 403, 413, 415, 422, 503),
      },
    }) as never,
  );
  app.post('/v1/batch', async (c) => {
    if (!jobs) throw new ApiError(503, 'bulk runs are not available on this server (no jobs directory)');
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    let format: BatchFormat;
    let input: string;
    let scenarios = (c.req.query('scenarios') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (type === 'text/csv') {
      format = 'csv';
      input = await c.req.text();
    } else if (
      type === 'application/x-ndjson' ||
      type === 'application/jsonl' ||
      type === 'application/jsonlines'
    ) {
      format = 'jsonl';
      input = await c.req.text();
    } else if (type === 'application/json') {
      let data: unknown;
      try {
        data = JSON.parse(await c.req.text());
      } catch (e) {
        throw new ApiError(400, 'malformed JSON in the request body', [
          { path: '(body)', message: (e as Error).message },
        ]);
      }
      const r = batchJsonSchema.safeParse(data);
      if (!r.success)
        throw new ApiError(422, 'the request does not match the schema', zodToProblems(r.error));
      format = 'jsonl';
      input = `${r.data.cases.map((x) => JSON.stringify(x)).join('\n')}\n`;
      if (r.data.scenarios) scenarios = r.data.scenarios;
    } else
      throw new ApiError(415, 'send text/csv, application/x-ndjson or application/json', [
        { path: '(header) Content-Type', message: type ? `"${type}" is not supported` : 'missing' },
      ]);
    if (!scenarios.length) scenarios = [...DEFAULT_SCENARIOS];
    const bad = unknownScenarios(scenarios);
    if (bad.length) throw new ApiError(422, 'unknown scenario', bad);
    if (!input.trim())
      throw new ApiError(422, 'the upload is empty', [{ path: '(body)', message: 'no records' }]);
    const job = jobs.create(input, format, scenarios);
    c.header('Location', `/v1/batch/${job.id}`);
    return c.json(jobJson(job.id) as never, 202);
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/batch/{id}',
      summary: 'A bulk run: state, progress, summary and result files',
      security: [{ bearer: [] }],
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: { description: 'the job', content: json(jobSchema) }, ...errors(401, 403, 404) },
    }),
    (c) => c.json(jobJson((c.req.valid('param') as { id: string }).id) as never, 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/batch/{id}',
      summary: 'Delete a bulk run: its uploaded input and its results',
      description:
        'Jobs are also deleted on their own when they expire (default 24 hours after upload; `PROPORTION_JOB_TTL_HOURS`). A running job cannot be deleted (409): wait until it has finished.',
      security: [{ bearer: [] }],
      request: { params: z.object({ id: z.string() }) },
      responses: { 204: { description: 'deleted' }, ...errors(401, 403, 404, 409) },
    }),
    (c) => {
      const { id } = c.req.valid('param') as { id: string };
      const r = jobs?.delete(id) ?? 'unknown';
      if (r === 'unknown')
        throw new ApiError(404, `no batch job "${id}"`, [{ path: 'id', message: 'unknown or expired job' }]);
      if (r === 'running')
        throw new ApiError(409, `batch job "${id}" is running`, [
          { path: 'id', message: 'a running job cannot be deleted; wait until it has finished' },
        ]);
      return c.body(null, 204) as never;
    },
  );
  app.get('/v1/batch/:id/files/:name', (c) => {
    const { id, name } = c.req.param();
    jobJson(id);
    const path = jobs?.file(id, name);
    if (!path)
      throw new ApiError(404, `no file "${name}" for job ${id}`, [
        { path: 'name', message: 'not an output of this job, or not finished' },
      ]);
    return sendFile(c, path, name);
  });

  // ---- published releases (aggregates only)
  const releaseOr404 = (id: string): Release => {
    const r = releases?.get(id);
    if (!r)
      throw new ApiError(404, `no release "${id}"`, [
        {
          path: 'id',
          message:
            releases?.status.state === 'ready' ? 'unknown release' : 'no release has been published yet',
        },
      ]);
    return r;
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/releases',
      summary: 'Published releases (aggregate statistics only)',
      responses: { 200: { description: 'the releases', content: json(releaseListSchema) } },
    }),
    (c) => {
      const status = releases?.status ?? {
        state: 'none' as const,
        message: 'no release directory is configured',
      };
      return c.json(
        {
          status: status.state,
          message: 'message' in status ? status.message : null,
          releases: (releases?.list() ?? []).map(releaseJson),
        } as never,
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/releases/{id}',
      summary: 'One release ("latest" for the newest)',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: { description: 'the release', content: json(releaseSchema) }, ...errors(404) },
    }),
    (c) => c.json(releaseJson(releaseOr404((c.req.valid('param') as { id: string }).id)) as never, 200),
  );
  app.get('/v1/releases/:id/files/:file{.+}', (c) => {
    const r = releaseOr404(c.req.param('id'));
    const rel = c.req.param('file');
    const path = releases?.file(r, rel);
    if (!path)
      throw new ApiError(404, `no published file "${rel}" in release ${r.id}`, [
        { path: 'file', message: 'not an aggregate file of this release' },
      ]);
    return sendFile(
      c,
      path,
      rel.endsWith('.csv') || rel.endsWith('.parquet') ? (rel.split('/').pop() ?? rel) : null,
    );
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/v1/releases/{id}/files/{file}',
    summary: 'A file of a release: an aggregate table (CSV, Parquet), a chart (SVG), datapackage.json',
    request: { params: z.object({ id: z.string(), file: z.string() }) as never },
    responses: {
      200: { description: 'the file' },
      404: { description: 'not a published file', content: json(errorSchema) },
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/v1/batch/{id}/files/{name}',
    summary: 'A result file of a finished bulk run',
    security: [{ bearer: [] }],
    request: { params: z.object({ id: z.string(), name: z.string() }) as never },
    responses: {
      200: { description: 'the file' },
      404: { description: 'no such file', content: json(errorSchema) },
    },
  });

  // ---- health
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      summary: 'Liveness and what is loaded',
      responses: { 200: { description: 'ok', content: json(healthSchema) } },
    }),
    (c) =>
      c.json(
        {
          status: 'ok',
          engine: ENGINE_VERSION,
          law_data: defaultLawBook().hash,
          release: releases?.status.state ?? 'none',
          write_endpoints: options.token ? 'enabled' : 'disabled',
        } as never,
        200,
      ),
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Proportion API',
      version: ENGINE_VERSION,
      description:
        'Drug-supply cases under the law of any date, explained and cited (framework: Drug Policy Alliance, Rethinking the "Drug Dealer", 2019). Errors are `{error, problems: [{path, message}]}`.',
    },
  });

  // API paths that match nothing answer JSON, not the web's HTML page.
  app.all('/v1/*', () => {
    throw new ApiError(404, 'no such endpoint: see /v1/openapi.json', []);
  });

  // ---- the web app (same process, same core functions)
  app.route('/', webRoutes({ today, releases, bodyLimitBytes }));
  return app;
}

export type App = ReturnType<typeof createApp>;
export type { Problem };
