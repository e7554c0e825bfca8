import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore } from '../../src/db/store.ts';
import { importFile } from '../../src/records/import.ts';
import { writeSyntheticRecords } from '../../src/synthetic/records.ts';
import { ROOT } from '../helpers/cases.ts';

const dir = mkdtempSync(join(tmpdir(), 'proportion-generate-records-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('proportion generate --records', () => {
  test('records.csv and a descriptor marked synthetic, the same for the same seed, that import cleanly', async () => {
    const a = await writeSyntheticRecords(300, 7, join(dir, 'a'));
    const b = await writeSyntheticRecords(300, 7, join(dir, 'b'));
    const c = await writeSyntheticRecords(300, 8, join(dir, 'c'));
    assert.equal(readFileSync(a.csv, 'utf8'), readFileSync(b.csv, 'utf8'));
    assert.notEqual(readFileSync(a.csv, 'utf8'), readFileSync(c.csv, 'utf8'));
    const descriptor = JSON.parse(readFileSync(a.descriptor, 'utf8'));
    assert.equal(descriptor['proportion:synthetic'], true);
    assert.match(descriptor.title, /SYNTHETIC/);
    assert.equal(readFileSync(a.csv, 'utf8').trim().split('\n').length, 301);

    const store = await openStore(`duckdb:${join(dir, 'a.duckdb')}`);
    try {
      const r = await importFile(store, a.csv, { descriptor: a.descriptor });
      assert.deepEqual(
        [r.committed, r.rejected, r.counts],
        [true, [], { inserted: 300, updated: 0, unchanged: 0 }],
      );
      const rows = await store.exec(
        'SELECT count(*) AS n, bool_and(synthetic) AS all_synthetic FROM records',
      );
      assert.deepEqual(rows, [{ n: 300, all_synthetic: true }]);
    } finally {
      await store.close();
    }
  });

  test('the CLI writes the files, and asks for --out with --records', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [`${ROOT}bin/proportion.mjs`, ...args], { encoding: 'utf8' });
    const out = join(dir, 'cli');
    const g = run('generate', '--records', '50', '--seed', '2', '--out', out);
    assert.equal(g.status, 0, g.stderr);
    const i = run(
      'import',
      join(out, 'records.csv'),
      '--descriptor',
      join(out, 'datapackage.json'),
      '--database',
      `duckdb:${join(dir, 'cli.duckdb')}`,
    );
    assert.equal(i.status, 0, i.stderr);
    assert.match(i.stderr, /50 rows, 50 inserted, 0 updated, 0 unchanged, 0 rejected/);
    const bad = run('generate', '--records', '50', '--seed', '2');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--records N with --out DIR/);
  });
});
