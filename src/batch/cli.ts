import { ScenarioError } from '../engine/scenarios.ts';
import { writeGenerated } from '../synthetic/index.ts';
import { BatchAborted, BatchInputError, runBatch } from './run.ts';
import { renderValidation, validateUssc } from './validate-ussc.ts';

/** Exit codes, as in src/cli/io.ts (kept here so the CLI stays a thin caller). */
const EXIT = { ok: 0, internal: 1, invalid: 2, interrupted: 130 } as const;

const nonNegativeInt = (name: string, v: unknown): number => {
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || !Number.isSafeInteger(n))
    throw new BatchInputError(`--${name} must be a whole number, got "${String(v)}"`);
  return n;
};

/** `proportion batch`: returns the exit code. Ctrl-C removes the temporary files and exits 130. */
export async function batchCommand(input: string, opts: Record<string, unknown>): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('\ninterrupted: stopping workers and removing temporary files…\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    const format = opts.format as string | undefined;
    if (format !== undefined && !['csv', 'jsonl', 'ussc'].includes(format))
      throw new BatchInputError(`--format must be csv, jsonl or ussc, got "${format}"`);
    const scenarios = String(opts.scenarios)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const { summary, timings } = await runBatch({
      input,
      out: String(opts.out),
      scenarios,
      ...(opts.baseline ? { baseline: String(opts.baseline) } : {}),
      evaluationDate: String(opts.evaluationDate),
      ...(opts.workers !== undefined ? { workers: nonNegativeInt('workers', opts.workers) } : {}),
      ...(format ? { format: format as 'csv' | 'jsonl' | 'ussc' } : {}),
      parquet: opts.parquet !== false,
      progress: opts.progress !== false,
      signal: controller.signal,
    });
    process.stderr.write(
      `${summary.records_read} records read, ${summary.records_evaluated} evaluated, ${summary.records_rejected} rejected${summary.synthetic ? ' (synthetic data)' : ''}; ${timings.seconds_total.toFixed(1)} s; results in ${String(opts.out)}\n`,
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof BatchAborted) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.interrupted;
    }
    if (e instanceof BatchInputError || e instanceof ScenarioError || (e as Error)?.name === 'ReformError') {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      return EXIT.invalid;
    }
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** `proportion generate`: synthetic cases to standard output. */
export async function generateCommand(opts: {
  cases: string;
  seed: string;
  format: string;
  jurisdiction?: string;
}): Promise<number> {
  try {
    const n = nonNegativeInt('cases', opts.cases);
    if (!/^-?\d+$/.test(opts.seed))
      throw new BatchInputError(`--seed must be an integer, got "${opts.seed}"`);
    if (opts.format !== 'csv' && opts.format !== 'jsonl')
      throw new BatchInputError(`--format must be csv or jsonl, got "${opts.format}"`);
    const j = opts.jurisdiction ?? 'US-FED';
    if (!/^US-(FED|[A-Z]{2})$/.test(j))
      throw new BatchInputError(`--jurisdiction must be US-FED or a state as US-XX, got "${j}"`);
    await writeGenerated(n, Number(opts.seed), opts.format, process.stdout, j);
    return EXIT.ok;
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') return EXIT.ok;
    if (e instanceof BatchInputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT.invalid;
    }
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}

/** `proportion validate-ussc`: the agreement report as text or JSON; returns the exit code. */
export function validateUsscCommand(file: string, opts: { json?: boolean; evaluationDate: string }): number {
  try {
    const report = validateUssc(file, { evaluationDate: opts.evaluationDate });
    process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderValidation(report));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof BatchInputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return EXIT.invalid;
    }
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}
