import {
  createReadStream,
  createWriteStream,
  existsSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Piscina } from 'piscina';
import { ENGINE_VERSION } from '../engine/stamp.ts';
import { defaultLawBook, lawBookData } from '../law/loader.ts';
import { repeatedColumnsProblem } from '../model/header.ts';
import { CsvReader, DEFAULT_MAX_RECORD_BYTES } from './csv-reader.ts';
import { DuplicateIds } from './duplicates.ts';
import {
  type BatchPlan,
  csvLine,
  mergePartial,
  type Partial,
  planScenarios,
  resultColumns,
  SYNTHETIC_KEY,
} from './evaluate.ts';
import { COLUMN_NAMES } from './layout.ts';
import { csvToParquet } from './parquet.ts';
import {
  type BatchResult,
  type BatchTask,
  fieldCountReject,
  type InputFormat,
  processBatch,
  type Reject,
} from './process.ts';
import { type Progress, progressBar } from './progress.ts';
import { makeStaging } from './staging.ts';
import { buildScenarioSummaries, RELIEF_RULE, renderSummary, type Summary } from './summary.ts';
import { isUsscHeader } from './ussc.ts';

/**
 * Each worker's young generation, larger than V8's default: what a task keeps until it ends survives the
 * default's scavenges and is copied each time. Measured again once result lines were flat and records were
 * evaluated as decoded: V8's default 1.15x slower over three interleaved pairs of 200,000 records, 128 MB no
 * faster than 64 MB for ~150 MB more RSS; the 5M-record peak with 64 MB is 777 MB, within the 1 GB budget.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/**
 * Input bytes times scenarios under which, when the number of workers is not given, the main thread alone
 * evaluates the input: starting a worker (its TypeScript loader and the engine's modules) costs about a
 * second, more than small inputs take. Measured with 3 scenarios: 3,000 records 1.9 s on the main thread
 * against 3.1 s with 2 workers, 20,000 records (6.7 MB) 4.2 s against 5.1 s, 50,000 (16.7 MB) 8.5 s against
 * 7.6-8.3 s; the bound sits well below that crossing, so a larger input never waits much longer.
 */
const MAIN_THREAD_BYTE_SCENARIOS = 12 * 2 ** 20;

/**
 * Batch worker threads. A run starts its own unless it is given a pool that outlives it: starting a worker
 * costs about half a second (its TypeScript loader and the engine's modules), so a server running one job
 * after another keeps one, whose threads start with its first task and end after `idleMs` without work.
 * The pool carries the law this process loaded, so it serves runs of that law only.
 */
export class BatchPool {
  private readonly piscina: Piscina;
  constructor(
    readonly threads: number,
    idleMs = 5 * 60_000,
    /** threads started at once (a run's own pool starts them all) */
    minThreads = 0,
  ) {
    this.piscina = new Piscina({
      filename: new URL('./worker-entry.mjs', import.meta.url).href,
      minThreads,
      maxThreads: threads,
      idleTimeout: idleMs,
      workerData: { law: lawBookData(defaultLawBook()) },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
  }
  run(task: BatchTask, signal: AbortSignal): Promise<BatchResult> {
    return this.piscina.run(task, { signal }) as Promise<BatchResult>;
  }
  /** Ends the threads at once (work in flight is dropped); closing again does nothing. */
  close(): Promise<void> {
    return this.piscina.destroy();
  }
}

export interface BatchOptions {
  input: string;
  out: string;
  scenarios: string[];
  /** Relief is measured against this scenario; default: the first listed. */
  baseline?: string;
  evaluationDate: string;
  /**
   * Worker threads; 0 evaluates on the main thread. Default: available cores, or the main thread for a
   * small input (MAIN_THREAD_BYTE_SCENARIOS).
   */
  workers?: number;
  /** Threads kept between runs (a server's jobs); when given, `workers` is ignored and the pool stays open. */
  pool?: BatchPool;
  /** Called as results are written, with the records done so far (in input order). */
  onProgress?: (p: { records: number }) => void;
  /** csv (flat layout or USSC layout, detected from the header), jsonl, or ussc; default from the extension. */
  format?: 'csv' | 'jsonl' | 'ussc';
  /** Records per message to a worker. */
  batchSize?: number;
  /** Write results.parquet (default true). */
  parquet?: boolean;
  /** Show a progress bar (only ever on a terminal, never in CI). */
  progress?: boolean;
  /** Where the progress bar is drawn (default stderr); drawn only when it is a terminal. */
  progressStream?: Writable;
  signal?: AbortSignal;
  maxRecordBytes?: number;
  /**
   * CSV lines without a quote go to the workers undecoded (default true); false decodes every record on
   * the main thread. The outputs are the same either way (tests compare them).
   */
  decodeInWorkers?: boolean;
}

export class BatchInputError extends Error {}
export class BatchAborted extends Error {
  constructor() {
    super('interrupted: no output files were left behind');
  }
}

export const OUTPUT_FILES = [
  'results.csv',
  'results.parquet',
  'rejected.csv',
  'summary.json',
  'summary.md',
] as const;

/** Timing of a run (not part of any output file, which must not depend on the clock). */
export interface BatchTimings {
  seconds_total: number;
  seconds_parquet: number;
  peak_rss_mib: number;
}

async function writeChunk(stream: WriteStream, text: string): Promise<void> {
  if (!text) return;
  if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

async function closeStream(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

function detectFormat(opts: BatchOptions): 'csv' | 'jsonl' | 'ussc' {
  if (opts.format) return opts.format;
  const ext = extname(opts.input).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.csv') return 'csv';
  throw new BatchInputError(
    `cannot tell the format of ${opts.input} from its extension: use .csv or .jsonl, or --format`,
  );
}

/**
 * Runs a caseload through every scenario: streams the input, validates each record, evaluates in
 * worker threads, writes results (CSV, Parquet), rejects and summaries into `out`. Files are written
 * under temporary names and renamed at the end: an interrupted run leaves none of them.
 */
export async function runBatch(opts: BatchOptions): Promise<{ summary: Summary; timings: BatchTimings }> {
  const started = process.hrtime.bigint();
  const format = detectFormat(opts);
  if (!existsSync(opts.input)) throw new BatchInputError(`cannot read ${opts.input}: no such file`);
  if (!opts.scenarios.length) throw new BatchInputError('no scenarios given');
  const plan: BatchPlan = {
    scenarios: opts.scenarios,
    baseline: opts.baseline ?? (opts.scenarios[0] as string),
    evaluationDate: opts.evaluationDate,
  };
  const law = defaultLawBook();
  const { info } = planScenarios(plan, law); // unknown scenarios fail here, before any file is written
  const columns = resultColumns(info);
  const batchSize = opts.batchSize ?? 1000;
  const inputBytes = statSync(opts.input).size;
  if (inputBytes === 0)
    throw new BatchInputError(`${opts.input} is empty: expected a header line and records`);
  const workers =
    opts.pool?.threads ??
    opts.workers ??
    (inputBytes * info.length < MAIN_THREAD_BYTE_SCENARIOS ? 0 : availableParallelism());
  const tmp = makeStaging(opts.out);
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });

  // this run's own threads, unless the caller keeps a pool
  const owned = !opts.pool && workers > 0 ? new BatchPool(workers, 1000, workers) : null;
  const pool = opts.pool ?? owned;
  const stop = new AbortController();
  const evaluate = (task: BatchTask): Promise<BatchResult> =>
    pool ? pool.run(task, stop.signal) : Promise.resolve(processBatch(task));

  let aborted = false;
  const onAbort = () => {
    aborted = true;
    // stop at once: work in flight is dropped (its promises reject and are handled below); a kept pool
    // ends only this run's tasks
    stop.abort();
    void owned?.close();
  };
  opts.signal?.addEventListener('abort', onAbort);

  try {
    const results = createWriteStream(join(tmp, 'results.csv'));
    const rejected = createWriteStream(join(tmp, 'rejected.csv'));
    await writeChunk(results, csvLine(columns.map((c) => c.name)));
    await writeChunk(rejected, csvLine(['line', 'id', 'field', 'reason']));

    const partial: Partial = {};
    const rejectsByField = new Map<string, number>();
    let recordsRead = 0;
    let evaluated = 0;
    let rejectedCount = 0;
    const rejectedLines = new Set<number>();
    const duplicates = new DuplicateIds();

    // ---- ordered write-back of batch results
    const pending = new Map<number, { result: BatchResult; pre: Reject[]; records: number }>();
    let nextToWrite = 0;
    let recordsDone = 0;
    let progress: Progress | null = null;
    const flushReady = async () => {
      for (;;) {
        const p = pending.get(nextToWrite);
        if (!p) return;
        pending.delete(nextToWrite);
        nextToWrite++;
        await writeChunk(results, p.result.csv);
        const all = p.pre.length
          ? [...p.pre, ...p.result.rejects].sort((a, b) => a.line - b.line)
          : p.result.rejects;
        let text = '';
        for (const r of all) {
          text += csvLine([String(r.line), r.id, r.field, r.reason]);
          rejectsByField.set(r.field, (rejectsByField.get(r.field) ?? 0) + 1);
          rejectedLines.add(r.line);
        }
        rejectedCount += rejectedLines.size;
        rejectedLines.clear();
        await writeChunk(rejected, text);
        evaluated += p.result.evaluated;
        mergePartial(partial, p.result.partial);
        recordsDone += p.records;
        progress?.done(recordsDone);
        opts.onProgress?.({ records: recordsDone });
        p.result.ids.forEach((id, i) => {
          duplicates.add(id, p.result.idLines[i] as number);
        });
      }
    };

    // ---- batching and dispatch (bounded in flight: memory stays flat whatever the input size)
    const inFlight = new Set<Promise<void>>();
    const maxInFlight = Math.max(2, workers * 3);
    let seq = 0;
    let header: string[] = [];
    let taskFormat: InputFormat = format === 'jsonl' ? 'jsonl' : 'flat';
    let lines: number[] = [];
    let cells: string[] = [];
    let pre: Reject[] = [];
    /** Sends one batch (decoded records, or a raw run of lines); waits while too many are unwritten. */
    const dispatch = async (
      bLines: number[],
      bCells: string[],
      bPre: Reject[],
      raw?: { task: BatchTask['raw']; records: number },
    ) => {
      const task: BatchTask = {
        seq: seq++,
        plan,
        format: taskFormat,
        header,
        lines: bLines,
        cells: bCells,
        ...(raw ? { raw: raw.task } : {}),
      };
      const tracked: Promise<void> = evaluate(task)
        .then((result) => {
          pending.set(result.seq, {
            result,
            pre: bPre,
            records: raw?.records ?? bLines.length + bPre.length,
          });
        })
        .finally(() => inFlight.delete(tracked));
      tracked.catch(() => {}); // a rejection is seen where the promise is awaited; never unhandled
      inFlight.add(tracked);
      while (seq - nextToWrite >= maxInFlight && inFlight.size) {
        await Promise.race(inFlight);
        await flushReady();
      }
      await flushReady();
    };
    // Runs of whole lines without a quote go to the workers undecoded (the reader hands them over in
    // input order); the records decoded here before a run are closed into a batch of their own first.
    const queued: {
      lines: number[];
      cells: string[];
      pre: Reject[];
      raw?: { task: BatchTask['raw']; records: number };
    }[] = [];
    const onRaw = (text: string, line: number, _lines: number, records: number) => {
      recordsRead += records;
      if (lines.length || pre.length) queued.push({ lines, cells, pre });
      lines = [];
      cells = [];
      pre = [];
      queued.push({
        lines: [],
        cells: [],
        pre: [],
        raw: { task: { text, line, maxRecordChars: maxRecord }, records },
      });
    };
    /** Dispatches what is queued, then full batches of exactly batchSize records (all that is left at the end). */
    const dispatchReady = async (final: boolean) => {
      for (const q of queued.splice(0)) {
        await dispatch(q.lines, q.cells, q.pre, q.raw);
        if (aborted) return;
      }
      const w = taskFormat === 'jsonl' ? 1 : width;
      while (lines.length >= batchSize || (final && (lines.length > 0 || pre.length > 0))) {
        const n = Math.min(batchSize, lines.length);
        const bLines = lines.slice(0, n);
        const bCells = cells.slice(0, n * w);
        lines = lines.slice(n);
        cells = cells.slice(n * w);
        const last = final && lines.length === 0 ? Number.POSITIVE_INFINITY : (bLines[n - 1] ?? 0);
        const bPre = pre.filter((r) => r.line <= last);
        pre = pre.filter((r) => r.line > last);
        await dispatch(bLines, bCells, bPre);
        if (aborted) return;
      }
    };

    // ---- progress (terminal only; never in CI)
    const size = statSync(opts.input).size;
    const stream = opts.progressStream ?? process.stderr;
    const tty = (stream as { isTTY?: boolean }).isTTY === true;
    if ((opts.progress ?? true) && tty && (opts.progressStream !== undefined || !process.env.CI))
      progress = await progressBar(stream, size);

    // ---- reading
    const input = createReadStream(opts.input, { highWaterMark: 1 << 20 });
    const decoder = new StringDecoder('utf8');
    let width = 0;
    let headerSeen = false;
    let fatal: Error | null = null;
    const maxRecord = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;

    const onRecordCsv = (rec: string[], line: number) => {
      if (!headerSeen) {
        headerSeen = true;
        header = rec.map((h) => h.trim());
        if (format === 'ussc' || isUsscHeader(header)) taskFormat = 'ussc';
        else {
          const known = new Set(COLUMN_NAMES);
          const unknown = header.filter((h) => !known.has(h));
          if (unknown.length)
            fatal = new BatchInputError(
              `line ${line}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (see docs/data-dictionary.md)`,
            );
          const missing = [
            'jurisdiction',
            'offense_date',
            'activities',
            'drug1_substance',
            'drug1_basis',
          ].filter((m) => !header.includes(m));
          if (missing.length && !fatal)
            fatal = new BatchInputError(
              `line ${line}: the header lacks required column(s) ${missing.join(', ')}`,
            );
          const twice = repeatedColumnsProblem(header);
          if (twice && !fatal) fatal = new BatchInputError(`line ${line}: ${twice}`);
        }
        width = header.length;
        if (!fatal && opts.decodeInWorkers !== false)
          csv.raw = { onRaw, maxLines: batchSize, minLines: Math.min(64, batchSize) };
        return;
      }
      recordsRead++;
      if (rec.length !== width) {
        pre.push(fieldCountReject(line, rec.length, width));
        return;
      }
      lines.push(line);
      for (const c of rec) cells.push(c);
    };
    const onBad = (line: number, reason: string) => {
      if (!headerSeen) {
        fatal = new BatchInputError(`line ${line}: the header cannot be read: ${reason}`);
        headerSeen = true;
        return;
      }
      recordsRead++;
      pre.push({ line, id: '', field: '(row)', reason });
    };

    // JSON Lines: split on newlines, bounded line length
    let jsonBuf = '';
    let jsonLine = 1;
    let jsonSkipping = false;
    const jsonFeed = (text: string, eof: boolean) => {
      jsonBuf += text;
      let pos = 0;
      for (;;) {
        const nl = jsonBuf.indexOf('\n', pos);
        if (nl < 0) {
          if (eof && pos < jsonBuf.length) {
            const t = jsonBuf.slice(pos);
            if (jsonSkipping) onBadJson(jsonLine, `line longer than ${maxRecord} characters`);
            else if (t.trim()) onJson(t, jsonLine);
            jsonSkipping = false;
            jsonLine++;
            pos = jsonBuf.length;
          } else if (jsonBuf.length - pos > maxRecord) {
            jsonSkipping = true;
            pos = jsonBuf.length;
          }
          break;
        }
        if (jsonSkipping) {
          onBadJson(jsonLine, `line longer than ${maxRecord} characters`);
          jsonSkipping = false;
        } else {
          const t = jsonBuf.slice(pos, nl);
          if (t.length > maxRecord) onBadJson(jsonLine, `line longer than ${maxRecord} characters`);
          else if (t.trim()) onJson(t, jsonLine);
        }
        jsonLine++;
        pos = nl + 1;
      }
      jsonBuf = jsonBuf.slice(pos);
    };
    const onJson = (t: string, line: number) => {
      recordsRead++;
      lines.push(line);
      cells.push(t);
    };
    const onBadJson = (line: number, reason: string) => {
      recordsRead++;
      pre.push({ line, id: '', field: '(row)', reason });
    };

    const onUnreadable = (line: number, reason: string) => {
      fatal ??= new BatchInputError(`line ${line}: ${reason}; fix the quoting and run again`);
    };
    const csv = new CsvReader({ onRecord: onRecordCsv, onBad, onUnreadable }, maxRecord);
    let first = true;
    let lastProgress = 0;
    for await (const chunk of input) {
      if (aborted) break;
      let text = decoder.write(chunk as Buffer);
      // a UTF-8 byte-order mark (spreadsheet exports) is not part of the first column's name
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      if (format === 'jsonl') jsonFeed(text, false);
      else csv.write(text);
      if (fatal) break;
      await dispatchReady(false);
      if (progress && Date.now() - lastProgress > 200) {
        lastProgress = Date.now();
        progress.read(input.bytesRead, recordsRead);
      }
    }
    if (!aborted && !fatal) {
      const tail = decoder.end();
      if (format === 'jsonl') jsonFeed(tail, true);
      else {
        csv.write(tail);
        csv.end();
      }
      progress?.inputEnded(recordsRead);
      await dispatchReady(true);
    }
    input.destroy();
    await Promise.all(inFlight);
    await flushReady();
    progress?.stop();
    if (fatal) throw fatal;
    if (aborted) throw new BatchAborted();
    // Every result is in: the workers and their heaps go now, not after the Parquet conversion, whose own
    // memory came on top of theirs and set the run's peak RSS (`finally` closes again, which does nothing).
    await owned?.close();

    await closeStream(results);
    await closeStream(rejected);

    const parquetStart = process.hrtime.bigint();
    if (opts.parquet !== false)
      await csvToParquet(join(tmp, 'results.csv'), join(tmp, 'results.parquet'), columns);
    const parquetSeconds = Number(process.hrtime.bigint() - parquetStart) / 1e9;
    if (aborted) throw new BatchAborted();

    const syntheticRecords = partial[SYNTHETIC_KEY]?.[0] ?? 0;
    const notes: string[] = [];
    if (recordsRead === 0) notes.push('The input has no records.');
    if (duplicates.count)
      notes.push(
        `${duplicates.count} record${duplicates.count === 1 ? '' : 's'} repeat an id used earlier in the file (${duplicates.examples.map((d) => `"${d.id}" on line ${d.line}, first on line ${d.first}`).join('; ')}${duplicates.count > duplicates.examples.length ? '; …' : ''}): each was evaluated as its own record.`,
      );
    if ((taskFormat as InputFormat) === 'ussc')
      notes.push(
        'Input in the U.S. Sentencing Commission individual-offender layout: offense dates, offender functions and prior convictions are not in that file and were assumed (see import_notes in results.csv and docs/data-dictionary.md).',
      );
    const summary: Summary = {
      synthetic: syntheticRecords > 0,
      synthetic_records: syntheticRecords,
      input: basename(opts.input),
      format: taskFormat === 'flat' ? 'csv' : taskFormat,
      evaluation_date: opts.evaluationDate,
      stamp: { engine: ENGINE_VERSION, law_data: law.hash },
      records_read: recordsRead,
      records_evaluated: evaluated,
      records_rejected: rejectedCount,
      ...(duplicates.count ? { duplicate_ids: duplicates.count } : {}),
      rejections_by_field: Object.fromEntries(
        [...rejectsByField.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
      baseline: plan.baseline,
      relief_rule: RELIEF_RULE,
      scenarios: buildScenarioSummaries(partial, info),
      notes,
    };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(tmp, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(join(tmp, 'summary.md'), renderSummary(summary));
    if (aborted) throw new BatchAborted();
    for (const f of OUTPUT_FILES) {
      if (f === 'results.parquet' && opts.parquet === false) continue;
      renameSync(join(tmp, f), join(opts.out, f));
    }
    cleanup();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      summary,
      timings: {
        seconds_total: seconds,
        seconds_parquet: parquetSeconds,
        peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
      },
    };
  } catch (e) {
    cleanup();
    if (aborted) throw new BatchAborted();
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await owned?.close();
  }
}
