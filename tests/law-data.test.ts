import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LawDataError } from '../src/law/errors.ts';
import { defaultLawBook, LAW_DIR, loadLawBook } from '../src/law/loader.ts';

const law = defaultLawBook();
const fed = [...law.params].filter(([id]) => id.startsWith('us_fed.'));

type Bands = { level: number | null; min: number }[];

describe('law data invariants', () => {
  it('loads, with a content hash', () => {
    assert.match(law.hash, /^sha256:[0-9a-f]{64}$/);
    assert.ok(law.params.size > 100);
  });

  it('every value is cited and every source resolves (checked by the loader) and has a confidence', () => {
    for (const [id, p] of law.params)
      for (const v of p.values) {
        assert.ok(v.cite.law.length > 0, `${id} from ${v.from}: citation`);
        assert.ok(['high', 'medium', 'low'].includes(v.confidence), id);
        for (const s of v.cite.sources) assert.ok(s in law.sources, `${id}: ${s}`);
      }
  });

  it('Drug Quantity Table bands are contiguous from zero and levels rise with quantity', () => {
    for (const [id, p] of fed.filter(
      ([id]) => id.startsWith('us_fed.ussg.dqt.') && !id.endsWith('converted_minimum_level'),
    )) {
      for (const v of p.values) {
        const bands = v.value as Bands;
        assert.equal(bands[0]?.min, 0, `${id} ${v.from}: first band starts at 0`);
        for (let i = 1; i < bands.length; i++) {
          const [a, b] = [bands[i - 1], bands[i]];
          assert.ok(a && b && b.min > a.min, `${id} ${v.from}: quantities ascend`);
          if (a?.level != null && b?.level != null)
            assert.ok(b.level > a.level, `${id} ${v.from}: levels ascend at ${b.min}`);
        }
      }
    }
  });

  it('841(b)(1)(A) triggers are above the (B) triggers on every date they both exist', () => {
    for (const [id, p] of fed.filter(([id]) => id.startsWith('us_fed.usc21_841b.threshold.A.'))) {
      const b = law.params.get(id.replace('.A.', '.B.'));
      assert.ok(b, `${id} has a (B) counterpart`);
      for (const v of p.values) {
        const bv = b.values.find((x) => x.from <= v.from && (x.to === undefined || v.from < x.to));
        if (typeof v.value === 'number' && typeof bv?.value === 'number')
          assert.ok(v.value > bv.value, `${id} from ${v.from}`);
      }
    }
  });

  it('the Sentencing Table is monotone: ranges never fall as level or category rises', () => {
    const table = law
      .at('2026-01-01')
      .get<Record<string, [number | 'life', number | 'life'][]>>('us_fed.ussg.sentencing_table').value;
    const n = (t: number | 'life') => (t === 'life' ? Number.POSITIVE_INFINITY : t);
    for (let level = 1; level <= 43; level++) {
      const row = table[String(level)];
      assert.equal(row?.length, 6, `level ${level}`);
      row?.forEach((cell, c) => {
        assert.ok(n(cell[0]) <= n(cell[1]), `level ${level} cell ${c}`);
        const below = table[String(level - 1)]?.[c];
        if (below) assert.ok(n(cell[0]) >= n(below[0]), `level ${level} cell ${c} vs level ${level - 1}`);
        const left = row[c - 1];
        if (left) assert.ok(n(cell[0]) >= n(left[0]), `level ${level} cell ${c} vs ${c - 1}`);
      });
    }
  });

  it('spot-checks the verified anchors (2D1.1 and the Sentencing Table)', () => {
    const t = law.at('2026-01-01').get<Record<string, unknown[]>>('us_fed.ussg.sentencing_table').value;
    assert.deepEqual(t['22']?.[0], [41, 51]);
    assert.deepEqual(t['24']?.[0], [51, 63]);
    assert.deepEqual(t['30']?.[0], [97, 121]);
    assert.deepEqual(t['38']?.[0], [235, 293]);
    assert.deepEqual(t['37']?.[5], [360, 'life']);
    assert.deepEqual(t['15']?.[2], [24, 30]);
    assert.equal(law.at('2009-01-01').get('us_fed.usc21_841b.threshold.B.cocaine_base').value, 5);
    assert.equal(law.at('2011-01-01').get('us_fed.usc21_841b.threshold.B.cocaine_base').value, 28);
  });

  it('a malformed law file is a load error naming the file and the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'law-'));
    writeFileSync(join(dir, 'sources.yaml'), 'src1: {title: t, kind: k, url: u}\n');
    mkdirSync(join(dir, 'x'));
    writeFileSync(
      join(dir, 'x', 'bad.yaml'),
      'unit: u\ntitle: t\nparameters:\n  a.b:\n    title: t\n    values:\n      - {from: 2020-02-30, value: 1, cite: {law: l, sources: [src1]}, confidence: high}\n',
    );
    assert.throws(
      () => loadLawBook(dir),
      (e: unknown) => e instanceof LawDataError && /x\/bad\.yaml/.test(e.message) && /from/.test(e.message),
    );
    writeFileSync(
      join(dir, 'x', 'bad.yaml'),
      'unit: u\ntitle: t\nparameters:\n  a.b:\n    title: t\n    values:\n      - {from: 2020-01-01, to: 2021-01-01, value: 1, cite: {law: l, sources: [src1]}, confidence: high}\n      - {from: 2021-06-01, value: 2, cite: {law: l, sources: [nope]}, confidence: high}\n',
    );
    assert.throws(() => loadLawBook(dir), /contiguous/);
  });

  it('the parsed-file cache gives the law the YAML gives, and follows every edit', () => {
    const cache = mkdtempSync(join(tmpdir(), 'law-cache-'));
    const parsed = loadLawBook(LAW_DIR, null);
    const first = loadLawBook(LAW_DIR, cache);
    const files = readdirSync(cache);
    assert.equal(files.length, 1);
    const fromCache = loadLawBook(LAW_DIR, cache);
    for (const book of [first, fromCache]) {
      assert.equal(book.hash, parsed.hash);
      assert.deepEqual(book.sources, parsed.sources);
      assert.deepEqual([...book.params], [...parsed.params]);
    }
    // a damaged cache is parsed again and rewritten, never trusted
    writeFileSync(join(cache, files[0] as string), '[{"unit":');
    assert.deepEqual([...loadLawBook(LAW_DIR, cache).params], [...parsed.params]);
    assert.ok(readFileSync(join(cache, files[0] as string), 'utf8').length > 100_000);

    // an edited law file is read as edited, and the stale entry is removed
    const dir = mkdtempSync(join(tmpdir(), 'law-edit-'));
    cpSync(LAW_DIR, dir, { recursive: true });
    const file = join(dir, 'us-fed', 'statutes', '21-usc-841-b.yaml');
    const id = 'us_fed.usc21_841b.threshold.B.cocaine_base';
    const before = loadLawBook(dir, cache).at('2011-01-01').get(id).value;
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(`${id}:`);
    writeFileSync(file, text.slice(0, at) + text.slice(at).replace(/value: 28\b/, 'value: 29'));
    const edited = loadLawBook(dir, cache);
    assert.equal(before, 28);
    assert.equal(edited.at('2011-01-01').get(id).value, 29);
    assert.notEqual(edited.hash, parsed.hash);
    assert.equal(readdirSync(cache).length, 1);
  });

  it('every federal parameter is read by some rule when the golden examples and stories run', async () => {
    const { readLog } = await import('./helpers/read-log.ts');
    const read = await readLog();
    const unread = fed.map(([id]) => id).filter((id) => !read.has(id));
    assert.deepEqual(unread, []);
  });
});
