import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { scanCsv } from '../../src/records/csv-scan.ts';
import { prng } from '../../src/synthetic/index.ts';

/**
 * scanCsv decides whether the DuckDB import may read a file (plain CSV) or must leave it to csv-parse;
 * a wrong "plain" would let the two readers disagree on a record. Known files, then the same answer
 * whatever the size of the reads (its fast paths skip through fields and quoted values).
 */
const dir = mkdtempSync(join(tmpdir(), 'proportion-csv-scan-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, text);
  return path;
}

describe('scanCsv', () => {
  // [name, text, its record count when plain; null: not plain]
  const cases: [string, string, number | null][] = [
    ['plain, LF', 'a,b,c\n1,2,3\n4,5,6\n', 2],
    ['plain, CRLF, no final line end', 'a,b\r\n1,2\r\n3,4', 2],
    ['a byte-order mark and blank lines', '\ufeffa,b\n\n1,2\n\n3,4\n', 2],
    ['quoted fields with "" and a line end inside', 'a,b\n"x ""y""","1\n2"\n', 1],
    ['white space and control characters are content', 'a,b\n \t,!\n', 1],
    ['a stray quote inside an unquoted field', 'a,b\n1x"y,2\n', null],
    ['text after a closing quote', 'a,b\n"1"x,2\n', null],
    ['a short record', 'a,b,c\n1,2\n', null],
    ['a trailing comma', 'a,b\n1,2,\n', null],
    ['mixed line ends', 'a,b\n1,2\r\n3,4\n', null],
    ['a lone CR', 'a,b\r1,2\n', null],
    ['an unclosed quote', 'a,b\n"1,2\n', null],
    ['a header of one field', 'a\n1\n', null],
  ];
  for (const [name, text, records] of cases)
    test(name, async () => {
      const r = await scanCsv(file(text));
      assert.equal(r.plain ? r.records : null, records);
      assert.equal(r.sha256, createHash('sha256').update(text).digest('hex'));
    });

  test('the same answer for reads of 3 bytes to 1 MiB, on 800 damaged files', async () => {
    const rnd = prng(41);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const damage = ['a', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'é'];
    let plain = 0;
    for (let i = 0; i < 800; i++) {
      let text = rnd() < 0.1 ? '\ufeff' : '';
      const rows = 1 + Math.floor(rnd() * 5);
      for (let r = 0; r < rows; r++) {
        const fields = [0, 1, 2].map(() =>
          rnd() < 0.7 ? 'x'.repeat(Math.floor(rnd() * 4)) : `"${pick(['a', '""', ',', '\n', ''])}"`,
        );
        text += `${fields.join(',')}${rnd() < 0.9 ? '\n' : '\r\n'}`;
      }
      for (let k = Math.floor(rnd() * 3); k > 0; k--) {
        const at = Math.floor(rnd() * (text.length + 1));
        text = text.slice(0, at) + pick(damage) + text.slice(at);
      }
      const path = file(text);
      const whole = await scanCsv(path);
      if (whole.plain) plain++;
      for (const size of [3, 4, 7])
        assert.deepEqual(await scanCsv(path, size), whole, `${JSON.stringify(text)} in reads of ${size}`);
    }
    assert.ok(plain > 100 && plain < 750, `both kinds of file are drawn (${plain} plain)`);
  });
});
