import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DuplicateIds } from '../../src/batch/duplicates.ts';

describe('duplicate ids in a batch', () => {
  test('counts every repeat, with the first lines of the first five, across table growth', () => {
    const d = new DuplicateIds();
    const firstLine = new Map<string, number>();
    const expected: { id: string; line: number; first: number }[] = [];
    let repeats = 0;
    for (let line = 2; line < 300_002; line++) {
      // every 97th record repeats an earlier id; ids of every length and shape otherwise
      const id = line % 97 === 0 ? `case-${(line * 31) % (line - 1)}` : `case-${line}`;
      const first = firstLine.get(id);
      if (first === undefined) firstLine.set(id, line);
      else {
        repeats++;
        if (expected.length < 5) expected.push({ id, line, first });
      }
      d.add(id, line);
    }
    assert.ok(repeats > 3000);
    assert.equal(d.count, repeats);
    assert.deepEqual(d.examples, expected);
  });

  test('an empty id and line 1 are ids and lines like any other', () => {
    const d = new DuplicateIds();
    d.add('', 1);
    d.add('a', 2);
    d.add('', 3);
    assert.equal(d.count, 1);
    assert.deepEqual(d.examples, [{ id: '', line: 3, first: 1 }]);
  });
});
