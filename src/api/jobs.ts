import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchPool } from '../batch/run.ts';

/**
 * Bulk runs as asynchronous jobs for POST /v1/batch. The work is done by src/batch's runBatch (the same
 * function as `proportion batch`); this module only queues jobs, runs one at a time, and keeps their
 * output directories. Results are row-level data: only token holders can create, read or delete jobs,
 * the files are readable by the server's user only (folders 0700, files 0600), and a job with its
 * uploaded input is deleted when it expires (default 24 hours after it was created).
 */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';
export type BatchFormat = 'csv' | 'jsonl';

export interface JobProgress {
  /** Records in the upload (counted on receipt: non-empty lines, less the header for CSV). */
  records_total: number;
  /** Records processed so far, when the batch runner reports it; at the end, the records read. */
  records_done: number | null;
  elapsed_seconds: number;
}

export interface Job {
  id: string;
  state: JobState;
  created: string;
  started: string | null;
  finished: string | null;
  scenarios: string[];
  format: BatchFormat;
  input_bytes: number;
  progress: JobProgress;
  error: string | null;
  summary: unknown;
  files: string[];
}

/** What the batch runner needs; matches src/batch/run.ts's runBatch. */
export type RunBatch = (opts: {
  input: string;
  out: string;
  scenarios: string[];
  evaluationDate: string;
  workers?: number;
  pool?: BatchPool;
  format?: 'csv' | 'jsonl';
  progress?: boolean;
  onProgress?: (p: { records: number }) => void;
}) => Promise<{ summary: unknown }>;

export interface JobQueueOptions {
  dir: string;
  today: () => string;
  workers?: number;
  /** Jobs kept (oldest finished ones are deleted with their files). */
  keep?: number;
  /** Milliseconds a job (its input and results) is kept after it was created; default 24 hours. */
  ttlMs?: number;
  /** The clock (tests). */
  now?: () => number;
  /** The runner; default: src/batch/run.ts's runBatch, imported when the first job starts. */
  run?: RunBatch;
}

export const DEFAULT_JOB_TTL_MS = 24 * 60 * 60 * 1000;

const RESULT_FILES = ['results.csv', 'results.parquet', 'rejected.csv', 'summary.json', 'summary.md'];

function countRecords(text: string, format: BatchFormat): number {
  let n = 0;
  for (const line of text.split('\n')) if (line.trim()) n++;
  return format === 'csv' ? Math.max(0, n - 1) : n;
}

export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly startedAt = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();

  private readonly createdAt = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;
  /** The default runner's threads, kept from one job to the next (each would cost ~0.5 s to start). */
  private pool: BatchPool | null = null;

  constructor(private readonly opts: JobQueueOptions) {
    mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
    // jobs live in memory: folders left by an earlier process are unreachable; remove the expired ones
    for (const name of readdirSync(opts.dir)) {
      const path = join(opts.dir, name);
      if (statSync(path).mtimeMs < this.now() - this.ttl) rmSync(path, { recursive: true, force: true });
    }
    this.sweeper = setInterval(() => this.expire(), Math.min(this.ttl, 60_000));
    this.sweeper.unref();
  }

  private get ttl(): number {
    return this.opts.ttlMs ?? DEFAULT_JOB_TTL_MS;
  }
  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  create(input: string, format: BatchFormat, scenarios: string[]): Job {
    this.expire();
    const id = randomUUID();
    const dir = join(this.opts.dir, id);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, format === 'csv' ? 'input.csv' : 'input.jsonl');
    writeFileSync(file, input, { mode: 0o600 });
    this.createdAt.set(id, this.now());
    const job: Job = {
      id,
      state: 'queued',
      created: new Date().toISOString(),
      started: null,
      finished: null,
      scenarios,
      format,
      input_bytes: Buffer.byteLength(input),
      progress: { records_total: countRecords(input, format), records_done: null, elapsed_seconds: 0 },
      error: null,
      summary: null,
      files: [],
    };
    this.jobs.set(id, job);
    this.prune();
    this.chain = this.chain.then(() => this.execute(job, file, join(dir, 'out')));
    return job;
  }

  get(id: string): Job | undefined {
    this.expire();
    const job = this.jobs.get(id);
    if (job?.state === 'running') {
      const t = this.startedAt.get(id);
      if (t !== undefined) job.progress.elapsed_seconds = Math.round((Date.now() - t) / 100) / 10;
    }
    return job;
  }

  /** The path of a finished job's output file, or undefined (unknown job, unfinished, or not an output). */
  file(id: string, name: string): string | undefined {
    const job = this.jobs.get(id);
    if (job?.state !== 'succeeded' || !job.files.includes(name)) return undefined;
    return join(this.opts.dir, id, 'out', name);
  }

  /**
   * Deletes a job with its input and results. A running job cannot be deleted (it is writing its
   * files); a queued one is dropped before it starts.
   */
  delete(id: string): 'deleted' | 'running' | 'unknown' {
    const job = this.jobs.get(id);
    if (!job) return 'unknown';
    if (job.state === 'running') return 'running';
    this.remove(id);
    return 'deleted';
  }

  /** Stops the expiry timer and the batch threads (server shutdown, tests). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.pool?.close();
    this.pool = null;
  }

  private remove(id: string): void {
    this.jobs.delete(id);
    this.createdAt.delete(id);
    rmSync(join(this.opts.dir, id), { recursive: true, force: true });
  }

  /** Deletes every job older than the time to live, except one still running (deleted when expired next). */
  private expire(): void {
    const limit = this.now() - this.ttl;
    for (const [id, t] of this.createdAt)
      if (t <= limit && this.jobs.get(id)?.state !== 'running') this.remove(id);
  }

  /** Resolves when every job queued so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    await this.chain;
  }

  private async execute(job: Job, input: string, out: string): Promise<void> {
    if (!this.jobs.has(job.id)) return; // deleted or expired while queued
    job.state = 'running';
    job.started = new Date().toISOString();
    const t0 = Date.now();
    this.startedAt.set(job.id, t0);
    try {
      // one worker by default: the server's event loop must not wait on the engine (0 runs on it: tests)
      const workers = this.opts.workers ?? 1;
      let run = this.opts.run;
      if (!run) {
        const batch = await import('../batch/run.ts');
        run = batch.runBatch;
        if (workers > 0) this.pool ??= new batch.BatchPool(workers);
      }
      const { summary } = await run({
        input,
        out,
        scenarios: job.scenarios,
        evaluationDate: this.opts.today(),
        ...(this.pool ? { pool: this.pool } : { workers }),
        format: job.format,
        progress: false,
        onProgress: (p) => {
          job.progress.records_done = p.records;
        },
      });
      job.summary = summary;
      const read = (summary as { records_read?: unknown })?.records_read;
      job.progress.records_done = typeof read === 'number' ? read : job.progress.records_total;
      job.files = RESULT_FILES.filter((f) => existsSync(join(out, f)) && statSync(join(out, f)).isFile());
      job.state = 'succeeded';
    } catch (e) {
      job.state = 'failed';
      job.error = e instanceof Error ? e.message : String(e);
    } finally {
      job.finished = new Date().toISOString();
      job.progress.elapsed_seconds = Math.round((Date.now() - t0) / 100) / 10;
      this.startedAt.delete(job.id);
    }
  }

  private prune(): void {
    const keep = this.opts.keep ?? 50;
    const done = [...this.jobs.values()].filter((j) => j.state === 'succeeded' || j.state === 'failed');
    while (this.jobs.size > keep && done.length) this.remove((done.shift() as Job).id);
  }
}
