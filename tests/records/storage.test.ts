import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openStore, type RecordStore } from '../../src/db/store.ts';
import { importFile } from '../../src/records/import.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';

const dir = mkdtempSync(join(tmpdir(), 'proportion-storage-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const base = {
  case_id: 'c1',
  jurisdiction: 'US-NY',
  drug_1_type: 'heroin',
  drug_1_quantity: 2,
  drug_1_unit: 'g',
  drug_1_basis: 'seized',
  arrest_outcome: 'booked',
};
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const GOOD = file(
  'good.jsonl',
  jsonl([
    {
      ...base,
      record_id: 'r1',
      race: ['black'],
      hispanic_origin: 'not_hispanic',
      charging_decision_outcome: 'sale_charged',
    },
    {
      ...base,
      record_id: 'r2',
      race: 'white',
      hispanic_origin: 'not_hispanic',
      charging_decision_outcome: 'possession_charged',
    },
    { ...base, record_id: 'r3', race: 'white;black', hispanic_origin: 'hispanic', arrest_date: '2021-03-04' },
  ]),
);
const CHANGED = file(
  'changed.jsonl',
  jsonl([
    {
      ...base,
      record_id: 'r1',
      race: ['black'],
      hispanic_origin: 'not_hispanic',
      charging_decision_outcome: 'declined',
    },
    { ...base, record_id: 'r4', race: 'asian', hispanic_origin: 'not_hispanic' },
  ]),
);
const BAD = file(
  'bad.jsonl',
  `${jsonl([
    { ...base, record_id: 'r9' },
    { ...base, record_id: 'r10', race: 'purple' },
  ])}\n{not json\n${jsonl([{ ...base, record_id: 'r9' }])}`,
);
const CSV = file(
  'agency.csv',
  'record_id,case_id,jurisdiction,race,hispanic_origin,drug_1_type,drug_1_quantity,drug_1_unit,arrest_outcome\n' +
    'a1,k1,US-WA,B,N,crack,1.5,g,booked\n' +
    'a2,k2,US-WA,W,U,heroin,,,booked\n' +
    'a3,k3,US-WA,Z,N,heroin,3,g,booked\n',
);
const DESCRIPTOR = file(
  'datapackage.json',
  JSON.stringify({
    name: 'agency-extract',
    resources: [
      {
        name: 'cases',
        path: 'agency.csv',
        schema: {
          missingValues: ['', 'NA'],
          fields: [
            { name: 'record_id', type: 'string' },
            { name: 'case_id', type: 'string' },
            { name: 'jurisdiction', type: 'string' },
            { name: 'race', type: 'string', 'proportion:values': { B: 'black', W: 'white' } },
            {
              name: 'hispanic_origin',
              type: 'string',
              'proportion:values': { Y: 'hispanic', N: 'not_hispanic' },
              'proportion:missing': { U: 'unknown' },
            },
            { name: 'drug_1_type', type: 'string', 'proportion:values': { crack: 'cocaine_base' } },
            { name: 'drug_1_quantity', type: 'number' },
            { name: 'drug_1_unit', type: 'string' },
            { name: 'arrest_outcome', type: 'string' },
          ],
        },
      },
    ],
  }),
);

async function snapshot(s: RecordStore) {
  const rows = await s.db
    .selectFrom('records')
    .select(['record_id', 'source_hash', 'charging_decision_outcome'])
    .orderBy('record_id')
    .execute();
  const imports = await s.db
    .selectFrom('imports')
    .select(['file_sha256', 'inserted'])
    .orderBy('file_sha256')
    .execute();
  return { rows, imports };
}

let server: TestPostgres | null = null;
const backends: { name: string; url: () => Promise<string> }[] = [
  { name: 'duckdb', url: async () => `duckdb:${join(mkdtempSync(join(dir, 'db-')), 'test.duckdb')}` },
];
if (process.env.PROPORTION_SKIP_PG !== '1')
  backends.push({ name: 'postgres', url: async () => (server as TestPostgres).newDatabase() });

before(async () => {
  if (backends.some((b) => b.name === 'postgres')) server = await startPostgres();
});
after(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

for (const backend of backends) {
  describe(`storage (${backend.name})`, () => {
    let s: RecordStore;
    before(async (t) => {
      if (backend.name === 'postgres' && !server) {
        (t as unknown as { skip: (m: string) => void }).skip?.('PostgreSQL binaries not installed');
        return;
      }
      s = await openStore(await backend.url());
    });
    after(async () => {
      await s?.close();
    });
    const maybe = (name: string, fn: () => Promise<void>) =>
      test(name, async (t) => {
        if (!s) return t.skip('PostgreSQL not available');
        await fn();
      });

    maybe('imports JSON Lines, and re-importing the same file changes nothing', async () => {
      const first = await importFile(s, GOOD);
      assert.equal(first.committed, true);
      assert.deepEqual(first.counts, { inserted: 3, updated: 0, unchanged: 0 });
      const before = await snapshot(s);
      const again = await importFile(s, GOOD);
      assert.deepEqual(again.counts, { inserted: 0, updated: 0, unchanged: 3 });
      assert.deepEqual(await snapshot(s), before);
    });

    maybe('derived columns are computed and codes keep their raw value', async () => {
      const r3 = await s.db
        .selectFrom('records')
        .select(['race', 'race_raw', 'race_ethnicity', 'arrest_date', 'quantity_band'])
        .where('record_id', '=', 'r3')
        .executeTakeFirstOrThrow();
      assert.deepEqual(r3, {
        race: 'black;white',
        race_raw: 'white;black',
        race_ethnicity: 'hispanic',
        arrest_date: '2021-03-04',
        quantity_band: 'retail',
      });
    });

    maybe('a changed record is replaced (same id, new hash); a new one is added', async () => {
      const r = await importFile(s, CHANGED);
      assert.deepEqual(r.counts, { inserted: 1, updated: 1, unchanged: 1 - 1 });
      const r1 = await s.db
        .selectFrom('records')
        .select('charging_decision_outcome')
        .where('record_id', '=', 'r1')
        .executeTakeFirstOrThrow();
      assert.equal(r1.charging_decision_outcome, 'declined');
      assert.equal(await s.count(), 4);
    });

    maybe('every rejected row is reported with its line and reason, and nothing is written', async () => {
      const before = await snapshot(s);
      const r = await importFile(s, BAD);
      assert.equal(r.committed, false);
      assert.deepEqual(
        r.rejected.map((x) => [x.line, x.record_id]),
        [
          [2, 'r10'],
          [3, null],
          [4, 'r9'],
        ],
      );
      assert.match(r.rejected[0]?.reasons[0] ?? '', /race: "purple" is not a code of race/);
      assert.match(r.rejected[1]?.reasons[0] ?? '', /not valid JSON/);
      assert.match(r.rejected[2]?.reasons[0] ?? '', /duplicate of the row on line 1/);
      assert.deepEqual(await snapshot(s), before);
      const partial = await importFile(s, BAD, { allowPartial: true });
      assert.equal(partial.committed, true);
      assert.equal(partial.counts?.inserted, 1);
    });

    maybe('a CSV header naming a column twice is refused, on both import paths', async () => {
      const before = await snapshot(s);
      const f = file('twice.csv', 'record_id,jurisdiction,race,race\nt1,US-FED,white,black\n');
      for (const rowByRow of [false, true])
        await assert.rejects(
          importFile(s, f, { rowByRow }),
          /column "race" named more than once in the header/,
        );
      assert.deepEqual(await snapshot(s), before);
    });

    maybe('a failure inside the import transaction leaves the database as it was', async () => {
      const before = await snapshot(s);
      await assert.rejects(
        importFile(s, CHANGED.replace('changed', 'changed'), {
          beforeCommit: () => {
            throw new Error('simulated failure');
          },
        }),
        /simulated failure/,
      );
      const f = file(
        'more.jsonl',
        jsonl([
          { ...base, record_id: 'r5' },
          { ...base, record_id: 'r1', charging_decision_outcome: 'diverted' },
        ]),
      );
      await assert.rejects(
        importFile(s, f, { beforeCommit: () => Promise.reject(new Error('disk full')) }),
        /disk full/,
      );
      assert.deepEqual(await snapshot(s), before);
    });

    maybe(
      'CSV with a Data Package descriptor: source values mapped, missingness labelled, rows rejected by line',
      async () => {
        const r = await importFile(s, CSV, { descriptor: DESCRIPTOR, allowPartial: true });
        assert.deepEqual(
          r.rejected.map((x) => [x.line, x.record_id]),
          [[4, 'a3']],
        );
        assert.match(r.rejected[0]?.reasons.join(' ') ?? '', /race: "Z"/);
        const rows = await s.db
          .selectFrom('records')
          .select([
            'record_id',
            'race',
            'race_raw',
            'hispanic_origin',
            'drug',
            'drug_1_quantity',
            'drug_1_quantity_missing',
          ])
          .where('record_id', 'in', ['a1', 'a2'])
          .orderBy('record_id')
          .execute();
        assert.deepEqual(rows, [
          {
            record_id: 'a1',
            race: 'black',
            race_raw: 'B',
            hispanic_origin: 'not_hispanic',
            drug: 'cocaine_base',
            drug_1_quantity: 1.5,
            drug_1_quantity_missing: null,
          },
          {
            record_id: 'a2',
            race: 'white',
            race_raw: 'W',
            hispanic_origin: 'unknown',
            drug: 'heroin',
            drug_1_quantity: null,
            drug_1_quantity_missing: 'unknown',
          },
        ]);
      },
    );

    maybe('the same aggregate query gives the same answer on every backend', async () => {
      const rows = await s.db
        .selectFrom('records')
        .select(['race_ethnicity', sql<number>`cast(count(*) as integer)`.as('n')])
        .groupBy('race_ethnicity')
        .orderBy('race_ethnicity')
        .execute();
      assert.deepEqual(rows, [
        { race_ethnicity: 'hispanic', n: 1 },
        { race_ethnicity: 'nh_asian', n: 1 },
        { race_ethnicity: 'nh_black', n: 2 },
        { race_ethnicity: 'nh_white', n: 1 },
        { race_ethnicity: 'unknown', n: 2 },
      ]);
    });
  });
}
