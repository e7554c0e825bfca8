import { lawGapProblem } from '../engine/dates.ts';
import { LawGapError } from '../law/errors.ts';
import { defaultLawBook } from '../law/loader.ts';
import { type Case, CaseRefused, parseCase } from '../model/case.ts';
import { CsvReader } from './csv-reader.ts';
import {
  type BatchPlan,
  csvLine,
  type EvalContext,
  evaluateCase,
  type Partial,
  planScenarios,
} from './evaluate.ts';
import { decodeRow, rowPlan } from './layout.ts';
import { usscRowToCase } from './ussc.ts';

export type InputFormat = 'flat' | 'jsonl' | 'ussc';

/** One rejected record: its line in the input, the field (column) at fault and why. */
export interface Reject {
  line: number;
  id: string;
  field: string;
  reason: string;
}

/** A batch of raw records, as the reader sends it to a worker (flat arrays: cheap to clone). */
export interface BatchTask {
  seq: number;
  plan: BatchPlan;
  format: InputFormat;
  /** CSV header (flat and ussc formats). */
  header: string[];
  lines: number[];
  /** CSV: header.length cells per record, concatenated. JSONL: one text per record. */
  cells: string[];
  /**
   * CSV records still undecoded, instead of lines and cells: whole lines without a quote starting on
   * line `line` (see RawRuns in csv-reader.ts), which the worker reads as the main thread's reader would.
   */
  raw?: { text: string; line: number; maxRecordChars: number };
}

export interface BatchResult {
  seq: number;
  csv: string;
  rejects: Reject[];
  partial: Partial;
  evaluated: number;
  /** every non-empty record id with its line, for the duplicate check (done in input order) */
  ids: string[];
  idLines: number[];
}

/** A record in the CSV whose number of fields is not the header's. */
export function fieldCountReject(line: number, fields: number, width: number): Reject {
  return {
    line,
    id: '',
    field: '(row)',
    reason: `has ${fields} field${fields === 1 ? '' : 's'}, the header has ${width}`,
  };
}

const contexts = new Map<string, EvalContext>();

export function contextFor(plan: BatchPlan): EvalContext {
  const key = JSON.stringify(plan);
  let ctx = contexts.get(key);
  if (!ctx) {
    const { scenarios, info } = planScenarios(plan);
    ctx = { scenarios, info, evaluationDate: plan.evaluationDate };
    contexts.set(key, ctx);
  }
  return ctx;
}

const short = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/**
 * Validates and evaluates one batch; a bad record becomes a Reject, never an exception. A raw task's
 * records are evaluated as they are decoded (as the main thread's reader would decode them), so that a
 * record's cells die young instead of living, with the whole batch's, until its last record is done.
 */
export function processBatch(task: BatchTask): BatchResult {
  const batch = new BatchEvaluation(task);
  const raw = task.raw;
  const width = task.header.length;
  if (!raw) {
    for (let r = 0; r < task.lines.length; r++)
      batch.record(task.lines[r] as number, task.cells, task.format === 'jsonl' ? r : r * width);
    return batch.result();
  }
  const reader = new CsvReader(
    {
      onRecord(rec, line) {
        if (rec.length !== width) batch.reject(fieldCountReject(line, rec.length, width));
        else batch.record(line, rec, 0);
      },
      onBad(line, reason) {
        batch.reject({ line, id: '', field: '(row)', reason });
      },
      onUnreadable(line, reason) {
        // a run holds no quote, so no quote can be left open
        throw new Error(`line ${line}: ${reason}`);
      },
    },
    raw.maxRecordChars,
    raw.line,
  );
  reader.write(raw.text);
  reader.end();
  return batch.result();
}

/** One batch's results, built record by record in input order. */
class BatchEvaluation {
  private readonly ctx: EvalContext;
  private readonly plan: ReturnType<typeof rowPlan>;
  private readonly idCell: number;
  private readonly partial: Partial = {};
  private readonly rejects: Reject[] = [];
  private readonly ids: string[] = [];
  private readonly idLines: number[] = [];
  private csv = '';
  private evaluated = 0;

  constructor(private readonly task: BatchTask) {
    this.ctx = contextFor(task.plan);
    this.plan = rowPlan(task.header);
    this.idCell = task.header.indexOf('id');
  }

  reject(r: Reject): void {
    this.rejects.push(r);
  }

  result(): BatchResult {
    const { partial, rejects, csv, evaluated, ids, idLines } = this;
    return { seq: this.task.seq, csv, rejects, partial, evaluated, ids, idLines };
  }

  /** The record on `line` whose cells start at `at` in `cells` (JSON Lines: its text is `cells[at]`). */
  record(line: number, cells: readonly string[], at: number): void {
    const { task, rejects } = this;
    const width = task.header.length;
    let id = '';
    let valid: Case | undefined;
    try {
      let c: ReturnType<typeof parseCase>;
      let source = {};
      if (task.format === 'jsonl') {
        const text = cells[at] as string;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (e) {
          rejects.push({ line, id, field: '(row)', reason: `not valid JSON: ${(e as Error).message}` });
          return;
        }
        if (json && typeof json === 'object' && typeof (json as { id?: unknown }).id === 'string')
          id = (json as { id: string }).id;
        c = parseCase(json);
        if (!c.ok) {
          for (const p of c.problems) rejects.push({ line, id, field: p.path, reason: p.message });
          return;
        }
      } else {
        if (task.format === 'ussc') {
          const row: Record<string, string> = {};
          for (let k = 0; k < width; k++) row[task.header[k] as string] = cells[at + k] as string;
          id = row.USSCIDN ?? '';
          const u = usscRowToCase(row);
          if (!u.ok) {
            for (const p of u.problems) rejects.push({ line, id, field: p.column, reason: p.message });
            return;
          }
          c = { ok: true, case: u.value.case };
          source = {
            source_sentence: u.value.source_sentence,
            source_mandatory_minimum: u.value.source_mandatory_minimum,
            notes: u.value.notes,
            recorded: u.value.recorded,
          };
        } else {
          // the flat layout is read straight from the cells by the header's plan (no record object per row)
          id = this.idCell < 0 ? '' : (cells[at + this.idCell] ?? '');
          const f = decodeRow(this.plan, cells, at);
          if (!f.ok) {
            for (const p of f.problems) rejects.push({ line, id, field: p.column, reason: p.message });
            return;
          }
          c = f;
        }
      }
      valid = c.case;
      const out = evaluateCase(c.case, line, source, this.ctx, this.partial);
      this.csv += csvLine(out);
      this.evaluated++;
    } catch (e) {
      const refused =
        e instanceof CaseRefused
          ? e.problems
          : e instanceof LawGapError && valid
            ? [lawGapProblem(e, valid, defaultLawBook())]
            : null;
      if (refused) {
        for (const p of refused) rejects.push({ line, id, field: p.path, reason: p.message });
        return;
      }
      rejects.push({
        line,
        id,
        field: '(engine)',
        reason: short(`the engine failed on this record: ${(e as Error).message ?? String(e)}`),
      });
    } finally {
      // also on every `return` above: rejected records count for duplicates too
      if (id) {
        this.ids.push(id);
        this.idLines.push(line);
      }
    }
  }
}
