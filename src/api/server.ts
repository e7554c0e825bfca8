import { join, resolve } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { reformCatalog } from '../engine/scenarios.ts';
import { defaultLawBook } from '../law/loader.ts';
import { type AppOptions, createApp } from './app.ts';
import { ReleaseStore } from './releases.ts';

/**
 * Starts the API and the web app in one process (`proportion serve`, `npm start`).
 * Configuration: PORT (default 3000), PROPORTION_TOKEN (write endpoints), DATABASE_URL (used by the
 * publishing step that loads the demo data), PROPORTION_DATA_DIR (default ./data: releases/ and jobs/),
 * PROPORTION_JOB_TTL_HOURS (how long a batch job's input and results are kept; default 24).
 */
export interface ServeOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  token?: string | undefined;
  /** Generate the demo release at startup with `proportion publish --demo` (default true). */
  demo?: boolean;
  log?: AppOptions['log'];
  today?: () => string;
  /** Print "Proportion is running at URL" (default true). */
  announce?: boolean;
  batchWorkers?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  releases: ReleaseStore;
  /** Resolves when the demo release has been generated (or has failed, or was not asked for). */
  demoReady: Promise<void>;
  close(): Promise<void>;
}

function jobTtl(): { jobTtlMs?: number } {
  const v = process.env.PROPORTION_JOB_TTL_HOURS;
  if (v === undefined || v === '') return {};
  const hours = Number(v);
  if (!Number.isFinite(hours) || hours <= 0)
    throw new Error(`PROPORTION_JOB_TTL_HOURS must be a positive number of hours, got "${v}"`);
  return { jobTtlMs: hours * 60 * 60 * 1000 };
}

export async function startServer(opts: ServeOptions = {}): Promise<RunningServer> {
  // Load the law and the reform catalog before the first request (the first assessment would pay for it).
  defaultLawBook();
  reformCatalog();
  const dataDir = resolve(opts.dataDir ?? process.env.PROPORTION_DATA_DIR ?? 'data');
  const releases = new ReleaseStore(join(dataDir, 'releases'));
  const token = opts.token ?? (process.env.PROPORTION_TOKEN || undefined);
  const app = createApp({
    token,
    releases,
    jobsDir: join(dataDir, 'jobs'),
    ...jobTtl(),
    ...(opts.log !== undefined ? { log: opts.log } : {}),
    ...(opts.today ? { today: opts.today } : {}),
    ...(opts.batchWorkers !== undefined ? { batchWorkers: opts.batchWorkers } : {}),
  });
  const host = opts.host ?? (process.env.HOST || '127.0.0.1');
  const port = opts.port ?? Number(process.env.PORT || 3000);
  const server: ServerType = await new Promise((done, fail) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => done(s));
    s.once('error', fail);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${actual}`;
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (opts.announce !== false) {
    process.stdout.write(`Proportion is running at ${url}  (API: ${url}/v1/openapi.json)\n`);
    if (!token) say('PROPORTION_TOKEN is not set: write endpoints (POST /v1/batch) answer 403.');
  }
  const demoReady =
    opts.demo === false
      ? Promise.resolve()
      : releases.generateDemo({ log: opts.announce === false ? () => {} : say }).catch((e: unknown) => {
          say(`demo release: ${e instanceof Error ? e.message : String(e)}`);
        });
  return {
    url,
    port: actual,
    releases,
    demoReady,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
