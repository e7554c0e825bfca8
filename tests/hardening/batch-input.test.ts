import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BatchInputError, runBatch } from '../../src/batch/run.ts';
import { ANGELOS, flatCsv, json, read, tmp } from '../batch/helpers.ts';
import { EVALUATION } from '../helpers/cases.ts';

const base = {
  evaluationDate: EVALUATION,
  progress: false,
  scenarios: ['law_today'],
  workers: 0,
  parquet: false,
};

describe('batch input: nothing slips through', () => {
  it('an unclosed quote on line 401 of 2,000 rows rejects that line and reads the 1,599 after it', async () => {
    const dir = tmp();
    const rows = Array.from({ length: 2000 }, (_, i) => ({ ...ANGELOS, id: `r${i}` }));
    const lines = flatCsv(rows).split('\n');
    lines[400] = (lines[400] as string).replace('r399', '"r399'); // line 401: a quote never closed
    const input = join(dir, 'cases.csv');
    writeFileSync(input, lines.join('\n'));
    const out = join(dir, 'out');
    const { summary } = await runBatch({ ...base, input, out });
    assert.equal(summary.records_read, 2000);
    assert.equal(summary.records_evaluated, 1999);
    assert.equal(summary.records_rejected, 1);
    assert.match(read(out, 'rejected.csv'), /^401,,\(row\),.*never closed/m);
  });

  it('an over-long quoted field never closed fails the run rather than losing lines', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.csv');
    writeFileSync(input, `${flatCsv([{ ...ANGELOS, id: 'a' }])}"x${'y\n'.repeat(6000)}`);
    await assert.rejects(
      runBatch({ ...base, input, out: join(dir, 'out'), maxRecordBytes: 5000 }),
      (e: unknown) =>
        e instanceof BatchInputError && /line 3: a quote opened on line 3 is never closed/.test(e.message),
    );
  });

  it('repeated ids are reported in the summary; control bytes in an id reject the record', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.csv');
    writeFileSync(
      input,
      flatCsv([
        { ...ANGELOS, id: 'a' },
        { ...ANGELOS, id: 'b' },
        { ...ANGELOS, id: 'a' },
        { ...ANGELOS, id: 'nul\u0000id' },
      ]),
    );
    const out = join(dir, 'out');
    const { summary } = await runBatch({ ...base, input, out });
    assert.equal(summary.duplicate_ids, 1);
    assert.ok(
      summary.notes.some((n) => /"a" on line 4, first on line 2/.test(n)),
      summary.notes.join('|'),
    );
    assert.equal(summary.records_rejected, 1);
    assert.match(read(out, 'rejected.csv'), /^5,.*,id,must not contain control characters/m);
    assert.ok(!read(out, 'results.csv').includes('\u0000'));
    assert.equal(json(out, 'summary.json').duplicate_ids, 1);
  });

  it('an empty file is an error', async () => {
    const dir = tmp();
    const input = join(dir, 'empty.csv');
    writeFileSync(input, '');
    await assert.rejects(runBatch({ ...base, input, out: join(dir, 'out') }), BatchInputError);
  });

  it('a header saved with a byte-order mark is read', async () => {
    const dir = tmp();
    const input = join(dir, 'bom.csv');
    writeFileSync(input, `\uFEFF${flatCsv([{ ...ANGELOS, id: 'a' }])}`);
    const { summary } = await runBatch({ ...base, input, out: join(dir, 'out') });
    assert.equal(summary.records_evaluated, 1);
  });

  it("a killed run's staging folder is removed by the next run; a live run's is kept", async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const dead = join(out, '.proportion-batch-999999999-1');
    const live = join(out, `.proportion-batch-${process.ppid}-1`);
    mkdirSync(dead, { recursive: true });
    mkdirSync(live, { recursive: true });
    writeFileSync(join(dead, 'results.csv'), 'partial');
    const input = join(dir, 'cases.csv');
    writeFileSync(input, flatCsv([{ ...ANGELOS, id: 'a' }]));
    await runBatch({ ...base, input, out });
    assert.ok(!existsSync(dead));
    assert.ok(existsSync(live));
    assert.deepEqual(
      readdirSync(out).filter((f) => f.startsWith('.proportion-batch-') && !f.includes(`-${process.ppid}-`)),
      [],
    );
  });
});
