import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { openStore, type RecordStore } from '../../src/db/store.ts';
import { loadDemo } from '../../src/publish/demo.ts';
import { publish } from '../../src/publish/release.ts';
import { protect } from '../../src/publish/suppress.ts';

/**
 * The attacker: knows every published number of a release (the full crossing and every total) and
 * solves for the suppressed cells exactly (rational arithmetic, no rounding). A suppressed number is
 * recovered when its vector over the unknown cells lies in the span of the published equations, i.e.
 * when adding it as a row does not raise the rank.
 */
function rank(rows: bigint[][]): number {
  const m = rows.map((r) => [...r]);
  let rk = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && rk < m.length; c++) {
    const p = m.findIndex((r, i) => i >= rk && r[c] !== 0n);
    if (p < 0) continue;
    [m[rk], m[p]] = [m[p] as bigint[], m[rk] as bigint[]];
    const pr = m[rk] as bigint[];
    for (let i = 0; i < m.length; i++) {
      if (i === rk) continue;
      const r = m[i] as bigint[];
      const f = r[c] as bigint;
      if (f === 0n) continue;
      const pv = pr[c] as bigint;
      for (let k = 0; k < cols; k++) r[k] = (r[k] as bigint) * pv - f * (pr[k] as bigint);
    }
    rk++;
  }
  return rk;
}

interface Published {
  coords: Record<string, string>;
  n: string;
}
/** Returns the suppressed numbers the attacker can recover exactly. */
function attack(cross: Published[], others: Published[], dims: string[]): string[] {
  const baseCells = cross.filter((c) => c.coords.outcome !== 'all');
  const unknownIdx = baseCells.flatMap((c, i) => (c.n === 'suppressed' ? [i] : []));
  const covers = (p: Published, c: Published) =>
    [...dims, 'outcome'].every(
      (d) => p.coords[d] === undefined || p.coords[d] === 'all' || p.coords[d] === c.coords[d],
    );
  const vector = (p: Published) => unknownIdx.map((i) => (covers(p, baseCells[i] as Published) ? 1n : 0n));
  const all = [...cross.filter((c) => c.coords.outcome === 'all'), ...others];
  const equations = all
    .filter((p) => p.n !== 'suppressed')
    .map(vector)
    .filter((v) => v.some((x) => x !== 0n));
  const base = rank(equations);
  const recovered: string[] = [];
  const queries = [
    ...unknownIdx.map((i) => baseCells[i] as Published),
    ...all.filter((p) => p.n === 'suppressed'),
  ];
  for (const q of queries) {
    const v = vector(q);
    if (v.every((x) => x === 0n) || rank([...equations, v]) === base)
      recovered.push(JSON.stringify(q.coords));
  }
  return recovered;
}

test('the attacker works: with primary suppression alone a hidden cell is recovered by subtraction', () => {
  // a 2x2 table with row and column totals, one small cell
  const cross: Published[] = [
    { coords: { g: 'a', outcome: 'x' }, n: 'suppressed' },
    { coords: { g: 'a', outcome: 'y' }, n: '40' },
    { coords: { g: 'b', outcome: 'x' }, n: '30' },
    { coords: { g: 'b', outcome: 'y' }, n: '50' },
    { coords: { g: 'a', outcome: 'all' }, n: '45' },
    { coords: { g: 'b', outcome: 'all' }, n: '80' },
  ];
  assert.deepEqual(attack(cross, [], ['g']), [JSON.stringify({ g: 'a', outcome: 'x' })]);
});

test('complementary suppression protects a 2x2 table with totals: four cells hidden', () => {
  // a:x=5 a:y=40 b:x=30 b:y=50, margins rows, columns, total
  const values = [5, 40, 30, 50];
  const margins = [
    { key: 'a,*', members: [0, 1] },
    { key: 'b,*', members: [2, 3] },
    { key: '*,x', members: [0, 2] },
    { key: '*,y', members: [1, 3] },
    { key: '*,*', members: [0, 1, 2, 3] },
  ];
  const p = protect(values, margins, 11);
  assert.deepEqual(p.base, [true, true, true, true]);
  assert.deepEqual(p.margins, [false, false, false, false, false]);
});

let dir: string;
let store: RecordStore;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'proportion-suppress-'));
  store = await openStore('duckdb::memory:');
  await loadDemo(store, 600, 7);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

for (const dims of [
  ['race_ethnicity', 'gender'],
  ['race_ethnicity', 'gender', 'drug'],
] as const) {
  test(`no suppressed cell of a published release can be recovered from its totals (${dims.join(' x ')})`, async () => {
    const out = join(dir, dims.join('-'));
    await publish(store, { by: [...dims], stage: 'charging_decision', out, minCell: 11, parquet: false });
    const read = (name: string, cols: string[]): Published[] =>
      (
        parse(readFileSync(join(out, 'data', `${name}.csv`)), { columns: true }) as Record<string, string>[]
      ).map((r) => ({
        coords: Object.fromEntries(cols.map((c) => [c, r[c] as string])),
        n: r.n as string,
      }));
    const cross = read(`charging_decision_by_${dims.join('_')}`, [...dims, 'outcome']);
    const others = dims.flatMap((d) => read(`charging_decision_by_${d}`, [d, 'outcome']));
    const suppressed = [...cross, ...others].filter((c) => c.n === 'suppressed');
    assert.ok(suppressed.length > 0, 'the release should have suppressed cells to attack');
    // never 0 for a suppressed cell, and no published count between 1 and 10
    for (const c of [...cross, ...others])
      if (c.n !== 'suppressed') assert.ok(Number(c.n) === 0 || Number(c.n) >= 11, `published ${c.n}`);
    assert.deepEqual(attack(cross, others, [...dims]), []);
  });
}
