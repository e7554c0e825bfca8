import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore } from '../../src/db/store.ts';
import { SOURCE_FIELDS } from '../../src/records/dictionary.ts';
import {
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importFile,
} from '../../src/records/import.ts';
import { engineRoleDeriver } from '../../src/records/role.ts';
import { prng } from '../../src/synthetic/index.ts';

/**
 * The DuckDB import normalises in SQL (src/records/import-sql.ts); the row-by-row import is the
 * reference. On messy files (codes, labels, mapped and unmapped values, odd numbers and dates,
 * padding, quotes, duplicates, blanks) both must store the same rows and report the same rejects.
 */
const dir = mkdtempSync(join(tmpdir(), 'proportion-import-sql-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const deriveRole = engineRoleDeriver(undefined, '2026-01-15');

const NUMBERS = ['1', '2.5', '0', '10', '28', '120.75', '01', '1.50', '1e3', ' 2 ', '-1', '0x10', 'NA', '.5'];
const MORE_NUMBERS = ['0.0000001', '12345678901234567', 'abc', '', '', 'unknown', '3.', '+4', '1e400', '-0'];
const DATES = ['2019-03-04', '2020-02-29', '2019-02-29', '2019-13-01', ' 2021-07-01 ', '19-01-01', '', 'NA'];
const PAD = ['', ' ', '  ', '\u00a0', '\t'];
const UNITS = ['g', 'kg', 'oz', 'lb', 'mg', 'plants', 'G', 'grams', ''];

function value(name: string, r: () => number, i: number): string {
  return r() < 0.97 ? cleanValue(name, r, i) : messyValue(name, r, i);
}

/** A value the import accepts (in one of several spellings). */
function cleanValue(name: string, r: () => number, i: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const d = SOURCE_FIELDS.find((f) => f.name === name);
  if (name === 'record_id') return r() < 0.02 ? `id-${i - 1}` : `id-${i}`;
  if (name === 'jurisdiction') return pick(['US-FED', 'US-NY', 'US-WA']);
  if (name.endsWith('_unit')) return pick(['g', 'kg', 'oz', 'lb', 'mg']);
  if (!d || d.type === 'string') return r() < 0.5 ? '' : `s${Math.floor(r() * 3)}`;
  if (d.type === 'boolean') return pick(['true', 'false', '']);
  if (d.type === 'integer') return pick(['0', '1', '5', '', '12']);
  if (d.type === 'number') return pick(['1', '2.5', '0.35', '28', '120.75', '1000', '']);
  if (d.type === 'date') return pick(['2019-03-04', '2020-02-29', '2021-07-01', '']);
  const c = pick(d.codes?.codes ?? []);
  return r() < 0.8 ? (c?.code ?? '') : pick(['', 'unknown', c?.label ?? '']);
}

/** Anything: valid in odd spellings, or not valid at all. */
function messyValue(name: string, r: () => number, i: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const d = SOURCE_FIELDS.find((f) => f.name === name);
  const pad = (s: string) => (r() < 0.5 ? `${pick(PAD)}${s}${pick(PAD)}` : s);
  if (name === 'record_id') return r() < 0.03 ? '' : r() < 0.05 ? `id-${i - 1}` : `id-${i}`;
  if (name === 'case_id') return r() < 0.02 ? ' ' : `case-${i % 7}`;
  if (name === 'jurisdiction') return pick(['US-FED', 'US-NY', 'US-WA', 'us-ny', 'NY', ' US-OR']);
  if (name.endsWith('_unit')) return pad(pick(UNITS));
  if (!d) return '';
  switch (d.type) {
    case 'string':
      return r() < 0.5 ? '' : pad(`s${Math.floor(r() * 3)}, "x"`);
    case 'boolean':
      return pick(['true', 'false', 'yes', 'N', '', 'maybe', ' 1 ']);
    case 'integer':
    case 'number':
      return r() < 0.8 ? pick(NUMBERS) : pick(MORE_NUMBERS);
    case 'date':
      return pick(DATES);
    case 'code':
    case 'codes': {
      const codes = d.codes?.codes ?? [];
      const c = pick(codes);
      const many = d.type === 'codes' && r() < 0.3;
      const one = (x: { code: string; label: string } | undefined) =>
        r() < 0.15 ? (x?.label ?? '') : r() < 0.1 ? (x?.code ?? '').toUpperCase() : (x?.code ?? '');
      if (r() < 0.12) return pick(['', 'unknown', 'not_collected', 'NA', 'bogus', 'U', 'Z']);
      return pad(many ? `${one(c)};${one(pick(codes))}` : one(c));
    }
  }
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function messyCsv(seed: number, rows: number, columns: string[]): string {
  const r = prng(seed);
  let out = `${columns.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    out += `${columns.map((c) => csvCell(value(c, r, i))).join(',')}\n`;
    if (r() < 0.02) out += '\n'; // blank lines are skipped
  }
  return out;
}

const ALL = SOURCE_FIELDS.map((f) => f.name);
const SOME_COMPANIONS = [...ALL, 'drug_1_type_raw', 'drug_1_quantity_missing', 'offense_date_missing'];
const DESCRIPTOR = {
  name: 'messy',
  resources: [
    {
      name: 'messy',
      path: 'messy.csv',
      schema: {
        missingValues: ['', 'NA'],
        fields: ALL.map((name) => ({
          name,
          ...(name === 'race' ? { 'proportion:values': { B: 'black', w: 'white', Black: 'white' } } : {}),
          ...(name === 'drug_1_quantity' ? { 'proportion:missing': { '-1': 'not_collected' } } : {}),
          ...(name === 'hispanic_origin'
            ? {
                'proportion:values': { Y: 'hispanic', N: 'not_hispanic' },
                'proportion:missing': { U: 'unknown' },
              }
            : {}),
        })),
      },
    },
  ],
};

async function importBoth(file: string, opts: ImportOptions) {
  const out: { report: ImportReport; rows: unknown[]; imports: unknown[] }[] = [];
  for (const rowByRow of [true, false]) {
    const s = await openStore(`duckdb:${join(mkdtempSync(join(dir, 'db-')), 'x.duckdb')}`);
    try {
      const report = await importFile(s, file, { ...opts, deriveRole, rowByRow });
      const rows = await s.exec('SELECT * FROM records ORDER BY record_id');
      const imports = await s.exec(
        'SELECT file_sha256, file_name, rows, inserted, updated, unchanged FROM imports',
      );
      out.push({ report, rows, imports });
    } finally {
      await s.close();
    }
  }
  return out as [(typeof out)[0], (typeof out)[0]];
}

/**
 * The SQL import derives a role once per band of quantity among the role's grams lines (and once per
 * "future or not" of the dates), not per distinct record: the roles must be those of the exact facts.
 * Quantities sit on, just under and just over every line, in every unit of weight.
 */
function roleEdgeCsv(seed: number, rows: number): string {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const lines = deriveRole.keying?.gramsLines ?? [];
  const grams = [0, 0.5, 1, ...lines.flatMap((l) => [l, l - 0.001, l + 0.001, l * 0.999999])];
  const perUnit = { g: 1, kg: 1000, mg: 0.001, oz: 28.349523125, lb: 453.59237 } as const;
  const quantity = (): [string, string] => {
    if (r() < 0.1) return [pick(['', '3', '12']), pick(['plants', 'pills'])];
    const unit = pick(Object.keys(perUnit)) as keyof typeof perUnit;
    return [String(Number((pick(grams) / perUnit[unit]).toPrecision(pick([6, 9, 12])))), unit];
  };
  const acts = [
    'imported',
    'sold_wholesale',
    'sold_retail',
    'brokered',
    'carried_on_body',
    'possessed',
    'shared_free',
    'lookout',
    'supervised',
  ];
  const drugs = [
    'heroin',
    'fentanyl',
    'cocaine_powder',
    'cocaine_base',
    'methamphetamine',
    'marijuana',
    'other_drug',
  ];
  const head = [
    'record_id',
    'case_id',
    'jurisdiction',
    'activities',
    'offense_date',
    'arrest_date',
    'people_supervised',
  ];
  const drugCols = [1, 2].flatMap((k) => [
    `drug_${k}_type`,
    `drug_${k}_quantity`,
    `drug_${k}_unit`,
    `drug_${k}_basis`,
  ]);
  let out = `${[...head, ...drugCols].join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const activities = [pick(acts), ...(r() < 0.4 ? [pick(acts)] : [])].filter(
      (a, j, xs) => xs.indexOf(a) === j,
    );
    const cells = [
      `e-${i}`,
      `c-${i}`,
      pick(['US-FED', 'US-NY']),
      activities.join(';'),
      pick(['2019-03-04', '2026-01-15', '2026-06-01', '']),
      pick(['2018-01-01', '2027-01-01', '']),
      pick(['', '0', '1', '4']),
    ];
    for (const _ of [1, 2]) {
      const [q, unit] = r() < 0.2 ? ['', ''] : quantity();
      cells.push(
        q === '' && unit === '' ? '' : pick(drugs),
        q,
        unit,
        pick(['seized', 'attributed', 'stipulated']),
      );
    }
    out += `${cells.join(',')}\n`;
  }
  return out;
}

describe('the role in SQL, keyed by the lines it reads', () => {
  test('every record gets the role of its exact facts', async () => {
    assert.ok((deriveRole.keying?.gramsLines.length ?? 0) >= 2, 'the role reads grams lines');
    const file = join(dir, 'role-edges.csv');
    writeFileSync(file, roleEdgeCsv(7, 3000));
    const [js, db] = await importBoth(file, { allowPartial: true });
    assert.equal(db.report.normalised_in, 'database');
    assert.ok(js.report.accepted > 2500, `most rows are accepted (${js.report.accepted})`);
    const roles = (x: typeof js) => x.rows.map((row) => (row as Record<string, unknown>).role_final);
    assert.ok(
      new Set(roles(js)).size >= 6,
      `the rows reach many roles (${[...new Set(roles(js))].join(', ')})`,
    );
    assert.deepEqual(roles(db), roles(js));
    assert.deepEqual(db.rows, js.rows);
  });
});

describe('import in SQL (DuckDB) = import row by row', () => {
  for (const [seed, columns, descriptor] of [
    [1, ALL, false],
    [2, SOME_COMPANIONS, false],
    [3, ALL, true],
    [4, ALL, true],
  ] as const) {
    test(`messy file ${seed}${descriptor ? ' with a descriptor' : ''}: same rows, same rejects`, async () => {
      const file = join(dir, `messy-${seed}.csv`);
      writeFileSync(file, messyCsv(seed, 400, [...columns]));
      let desc: string | undefined;
      if (descriptor) {
        desc = join(dir, 'datapackage.json');
        writeFileSync(
          desc,
          JSON.stringify({
            ...DESCRIPTOR,
            resources: [{ ...DESCRIPTOR.resources[0], path: `messy-${seed}.csv` }],
          }),
        );
      }
      const [js, db] = await importBoth(file, { allowPartial: true, ...(desc ? { descriptor: desc } : {}) });
      assert.equal(js.report.normalised_in, 'javascript');
      assert.equal(db.report.normalised_in, 'database');
      const { normalised_in: _a, ...jsReport } = js.report;
      const { normalised_in: _b, ...dbReport } = db.report;
      assert.deepEqual(dbReport, jsReport);
      assert.ok(js.report.rejected.length > 40, 'the file is messy enough to reject rows');
      assert.ok(js.report.accepted > 40, 'and clean enough to accept some');
      assert.deepEqual(db.rows, js.rows);
      assert.deepEqual(db.imports, js.imports);
    });
  }

  test('reports its progress: reading, checking, writing the accepted rows (never writing when nothing is)', async () => {
    const file = join(dir, 'progress.csv');
    writeFileSync(file, messyCsv(5, 200, ALL));
    for (const [allowPartial, rowByRow] of [
      [true, false],
      [true, true],
      [false, false],
      [false, true],
    ] as const) {
      const seen: ImportProgress[] = [];
      const s = await openStore(`duckdb:${join(mkdtempSync(join(dir, 'db-')), 'x.duckdb')}`);
      try {
        const r = await importFile(s, file, {
          allowPartial,
          rowByRow,
          deriveRole,
          onProgress: (p) => seen.push(p),
        });
        assert.ok(r.rejected.length > 0 && r.accepted > 0, 'the file has rejected and accepted rows');
        const writing = allowPartial ? [{ phase: 'writing', rows: r.accepted }] : [];
        assert.deepEqual(
          seen,
          rowByRow
            ? writing
            : [{ phase: 'reading', rows: null }, { phase: 'checking', rows: r.rows }, ...writing],
          `allowPartial ${allowPartial}, rowByRow ${rowByRow}`,
        );
      } finally {
        await s.close();
      }
    }
  });
  test('all or nothing: a rejected row means nothing is written, in SQL too', async () => {
    const file = join(dir, 'messy-5.csv');
    writeFileSync(file, messyCsv(5, 200, ALL));
    const [js, db] = await importBoth(file, {});
    assert.equal(db.report.committed, false);
    assert.deepEqual(db.report.rejected, js.report.rejected);
    assert.deepEqual(db.rows, []);
    assert.deepEqual(db.imports, []);
  });

  test('a file whose every row is rejected, or every value plain, is still imported in SQL', async () => {
    const rejected = join(dir, 'all-rejected.csv');
    writeFileSync(rejected, 'record_id,jurisdiction\nr1,US-NY\nr2,US-NY\n');
    const [js, db] = await importBoth(rejected, { allowPartial: true });
    assert.equal(db.report.normalised_in, 'database');
    assert.deepEqual(db.report.rejected, js.report.rejected);
    assert.deepEqual(
      db.report.rejected.map((r) => [r.line, r.reasons]),
      [
        [2, ['case_id: is required']],
        [3, ['case_id: is required']],
      ],
    );
    const plain = join(dir, 'all-plain.csv');
    writeFileSync(plain, 'record_id,case_id,jurisdiction\nr1,c1,US-NY\nr2,c2,US-NY\n');
    const [js2, db2] = await importBoth(plain, {});
    assert.equal(db2.report.normalised_in, 'database');
    assert.equal(db2.report.accepted, 2);
    assert.deepEqual(db2.rows, js2.rows);
  });

  test('a file outside plain CSV (a trailing comma) is read row by row and reported by line', async () => {
    const file = join(dir, 'trailing.csv');
    writeFileSync(file, 'record_id,case_id,jurisdiction\nr1,c1,US-NY\nr2,c2,US-NY,\n');
    const [js, db] = await importBoth(file, {});
    assert.equal(db.report.normalised_in, 'javascript');
    assert.deepEqual(db.report.rejected, js.report.rejected);
    assert.equal(db.report.rejected[0]?.line, 3);
    assert.match(db.report.rejected[0]?.reasons[0] ?? '', /malformed CSV/);
  });
});
