import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { openStore, type RecordStore } from '../../src/db/store.ts';
import { runPublish } from '../../src/publish/command.ts';
import { demoSourceRecord, loadDemo } from '../../src/publish/demo.ts';
import { publish } from '../../src/publish/release.ts';
import { mulberry32 } from '../../src/publish/suppress.ts';
import { normalizeRecord } from '../../src/records/normalize.ts';
import { engineRoleDeriver } from '../../src/records/role.ts';
import { attackRelease } from './lp-attacker.ts';

type Row = Record<string, string>;
const read = (dir: string, name: string) =>
  parse(readFileSync(join(dir, 'data', `${name}.csv`)), { columns: true }) as Row[];

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'proportion-terms-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A hand-made caseload: demo records with the sentence, gender and term set by hand. */
async function fixtureStore(
  people: { gender: string; outcome: string; months: number | null }[],
): Promise<RecordStore> {
  const store = await openStore('duckdb::memory:');
  const rnd = mulberry32(5);
  const derive = engineRoleDeriver();
  const rows = people.map((p, i) => {
    const src = {
      ...demoSourceRecord(i, rnd, 'nh_black'),
      gender: p.gender,
      sentence_outcome: p.outcome,
      sentence_months: p.months,
    };
    const r = normalizeRecord(src, {}, derive);
    if (!r.ok) throw new Error(r.reasons.join('; '));
    return r.row;
  });
  await store.bulkMerge(
    (async function* () {
      yield rows;
    })(),
    () => ({ fileSha256: 'terms-fixture', fileName: 'terms fixture', rows: rows.length }),
  );
  return store;
}

test('the term table of a small fixture: quartiles by hand (R type 7: linear between order statistics), whole months, withheld below the minimum', async () => {
  const store = await fixtureStore([
    ...[12, 24, 36, 48, 60].map((months) => ({ gender: 'female', outcome: 'prison', months })),
    ...[40, 10, 30, 20].map((months) => ({ gender: 'male', outcome: 'prison', months })),
    { gender: 'male', outcome: 'prison', months: null }, // counted, no term to rank
    { gender: 'female', outcome: 'jail', months: 3 },
    { gender: 'male', outcome: 'probation', months: 0 }, // not custodial: not in the table
  ]);
  try {
    const out = join(dir, 'fixture');
    await publish(store, {
      by: ['gender'],
      stage: 'sentence',
      out,
      minCell: 1,
      minQuantileN: 4,
      parquet: false,
    });
    const rows = read(out, 'sentence_term_by_gender');
    const at = (g: string, o: string) => {
      const r = rows.find((x) => x.gender === g && x.outcome === o) as Row;
      return [r.n, r.q1_months, r.median_months, r.q3_months, r.quantile_note];
    };
    // female prison 12,24,36,48,60: positions 1, 2, 3
    assert.deepEqual(at('female', 'prison'), ['5', '24', '36', '48', '']);
    // male prison 10,20,30,40 (and one unknown): 17.5 -> 18, 25, 32.5 -> 33 (halves up)
    assert.deepEqual(at('male', 'prison'), ['5', '18', '25', '33', '']);
    // one recorded term is fewer than 4: the count is published, the quartiles are not
    assert.deepEqual(at('female', 'jail'), ['1', 'suppressed', 'suppressed', 'suppressed', 'few_terms']);
    assert.deepEqual(at('male', 'jail'), ['0', '', '', '', '']);
    // all prison: 10,12,20,24,30,36,40,48,60 -> positions 2, 4, 6
    assert.deepEqual(at('all', 'prison'), ['10', '20', '30', '40', '']);
    assert.ok(!rows.some((r) => r.outcome === 'probation'));
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    assert.equal(pkg['proportion:release'].min_quantile_n, 4);
    assert.equal(pkg['proportion:release'].term_field, 'sentence_months');
    const res = pkg.resources.find((r: { name: string }) => r.name === 'sentence_term_by_gender');
    assert.match(res.description, /sentence_months/);
    assert.match(res.description, /[Ll]ife/);
  } finally {
    await store.close();
  }
});

let demo: RecordStore;
before(async () => {
  demo = await openStore('duckdb::memory:');
  await loadDemo(demo, 3000, 11);
});
after(async () => demo.close());

const dims = ['race_ethnicity', 'gender'] as const;
const coordsOf = (r: Row, cols: readonly string[]) => cols.map((c) => r[c]).join('|');

test('term rows carry the count tables’ own numbers: hidden where they are hidden, quartiles only where n is published and large', async () => {
  const sentence = join(dir, 'sentence');
  await publish(demo, { by: [...dims], stage: 'sentence', out: sentence, minCell: 11, parquet: false });
  const charging = join(dir, 'charging');
  await publish(demo, {
    by: [...dims],
    stage: 'charging_decision',
    out: charging,
    minCell: 11,
    parquet: false,
  });
  let suppressed = 0;
  let quartilesShown = 0;
  for (const [name, cols] of [
    [dims.join('_'), [...dims, 'outcome']],
    ...dims.map((d) => [d, [d, 'outcome']] as const),
  ] as const) {
    const counts = new Map(read(sentence, `sentence_by_${name}`).map((r) => [coordsOf(r, cols), r.n]));
    const terms = read(sentence, `sentence_term_by_${name}`);
    assert.ok(terms.length > 0);
    // a release at another stage publishes the same term tables (the sentence family, protected alike)
    assert.deepEqual(read(charging, `sentence_term_by_${name}`), terms);
    for (const r of terms) {
      assert.ok(['prison', 'jail'].includes(r.outcome as string));
      assert.equal(r.n, counts.get(coordsOf(r, cols)), `n of ${coordsOf(r, cols)} is the count table's`);
      if (r.n === 'suppressed') {
        suppressed++;
        assert.equal(r.median_months, 'suppressed');
        assert.equal(r.quantile_note, 'count_suppressed');
      } else if (r.median_months !== 'suppressed' && r.median_months !== '') {
        quartilesShown++;
        assert.ok(Number(r.n) >= 44, `quartiles of ${r.n} people`);
        assert.ok(Number(r.q1_months) <= Number(r.median_months));
        assert.ok(Number(r.median_months) <= Number(r.q3_months));
        for (const q of [r.q1_months, r.median_months, r.q3_months]) assert.match(q as string, /^\d+$/);
      }
    }
  }
  assert.ok(suppressed > 0, 'the demo should hide some term rows');
  assert.ok(quartilesShown > 0, 'the demo should show some quartiles');
});

test('an LP attacker on the term tables finds no hidden count narrower than the threshold', async () => {
  const out = join(dir, 'attack');
  await publish(demo, {
    by: ['race_ethnicity', 'gender', 'drug'],
    stage: 'charging_decision',
    out,
    minCell: 11,
    parquet: false,
  });
  const { family, terms } = attackRelease(out, 11);
  assert.ok(terms.suppressed > 0, 'the term tables should have hidden counts to attack');
  assert.deepEqual(terms.narrow, []);
  assert.deepEqual(family.narrow, []);
});

test('--min-quantile-n below --min-cell is refused, naming the option', async () => {
  await assert.rejects(
    runPublish({
      by: 'gender',
      stage: 'sentence',
      out: join(dir, 'refused'),
      minCell: '11',
      minQuantileN: '5',
      demo: true,
      demoSize: '100',
    }),
    /--min-quantile-n: expected a whole number of at least --min-cell \(11\)/,
  );
});
