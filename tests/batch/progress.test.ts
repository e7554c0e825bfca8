import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { runBatch } from '../../src/batch/run.ts';
import { EVALUATION } from '../helpers/cases.ts';
import { ANGELOS, flatCsv, tmp } from './helpers.ts';

/** A fake terminal: collects what the progress bar draws. */
function terminal(): Writable & { isTTY: true; columns: number; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY: true; columns: number; text: () => string };
  Object.assign(w, {
    isTTY: true,
    columns: 200,
    cursorTo: (_x: number, _y?: number, cb?: () => void) => cb?.(),
    clearLine: (_d: number, cb?: () => void) => cb?.(),
    moveCursor: (_x: number, _y: number, cb?: () => void) => cb?.(),
    text: () => chunks.join(''),
  });
  return w;
}

describe('batch progress in a terminal', () => {
  it('counts records exactly and ends at 100% of the exact total, rejected rows included', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.csv');
    const rows = Array.from({ length: 1203 }, (_, i) =>
      i === 7 ? { ...ANGELOS, id: 'bad', drug1_grams: 'lots' } : { ...ANGELOS, id: `r${i}` },
    );
    writeFileSync(input, flatCsv(rows));
    const tty = terminal();
    const { summary } = await runBatch({
      input,
      out: join(dir, 'out'),
      evaluationDate: EVALUATION,
      scenarios: ['law_at_sentencing'],
      workers: 1,
      batchSize: 100,
      parquet: false,
      progress: true,
      progressStream: tty,
    });
    assert.equal(summary.records_read, 1203);
    const frames = tty
      .text()
      .split(new RegExp(`\r|\n|${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`))
      .filter((f) => f.includes('batch |'));
    assert.ok(frames.length >= 2, 'the bar was drawn');
    const last = frames.at(-1) ?? '';
    assert.match(last, /\| 100% \| 1,203 of 1,203 records \|/);
    // The count never runs ahead of the total and never goes back.
    let before = 0;
    for (const f of frames) {
      const m = /\| ([\d,]+) of (?:about )?([\d,]+) records/.exec(f);
      assert.ok(m, f);
      const [done, total] = [Number(m[1]?.replaceAll(',', '')), Number(m[2]?.replaceAll(',', ''))];
      assert.ok(done <= total, f);
      assert.ok(done >= before, f);
      before = done;
    }
  });
});
