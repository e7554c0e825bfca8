import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COLUMN_NAMES, caseToRow, rowToCase } from '../../src/batch/layout.ts';
import { generateCases } from '../../src/synthetic/generate.ts';
import { ROOT, readJson, validCase } from '../helpers/cases.ts';

const rowObject = (row: string[]) => Object.fromEntries(COLUMN_NAMES.map((c, i) => [c, row[i] as string]));

describe('flat CSV layout of the case contract', () => {
  it('starts with id,jurisdiction,offense_date', () => {
    assert.deepEqual(COLUMN_NAMES.slice(0, 3), ['id', 'jurisdiction', 'offense_date']);
  });

  it('case → row → case is lossless (generated cases and the Angelos example)', () => {
    const cases = [
      ...generateCases(300, 11),
      validCase(readJson(`${ROOT}examples/cases/weldon-angelos.json`)),
    ];
    for (const c of cases) {
      const row = caseToRow(c);
      assert.ok(row.ok);
      const back = rowToCase(rowObject(row.row));
      assert.ok(back.ok, JSON.stringify(!back.ok && back.problems));
      // empty arrays/objects have no cell: compare through the row again
      const again = caseToRow(back.case);
      assert.ok(again.ok);
      assert.deepEqual(again.row, row.row);
    }
  });

  it('reads the motions and findings, "unknown" included, and names a bad value by column', () => {
    const base = {
      jurisdiction: 'US-FED',
      offense_date: '2020-02-01',
      activities: 'sold_retail',
      drug1_substance: 'heroin',
      drug1_grams: '120',
      drug1_basis: 'transacted',
    };
    const r = rowToCase({ ...base, motion_3553e: 'unknown', motion_5k1_1: 'true', mitigating_role: 'minor' });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    assert.equal(r.case.cooperation?.motion_3553e, 'unknown');
    assert.equal(r.case.cooperation?.motion_5k1_1, true);
    assert.equal(r.case.adjustments?.mitigating_role, 'minor');
    const bad = rowToCase({ ...base, obstruction: 'maybe' });
    assert.ok(!bad.ok);
    assert.ok(
      bad.problems.some((p) => p.column === 'obstruction' && /true, false or unknown/.test(p.message)),
    );
  });

  it('reports every problem by column', () => {
    const r = rowToCase({
      jurisdiction: 'US-FED',
      offense_date: '2020-02-31',
      activities: 'sold_retail;juggling',
      drug1_substance: 'kryptonite',
      drug1_grams: 'abc',
      drug1_basis: 'possessed',
      race: 'purple',
      weapon: 'none',
      firearm_counts: '1.5',
      prior2_date: '2010-01-01',
    });
    assert.ok(!r.ok);
    const by = Object.fromEntries(r.problems.map((p) => [p.column, p.message]));
    assert.match(by.activities ?? '', /unknown code "juggling"/);
    assert.match(by.drug1_substance ?? '', /unknown code "kryptonite"/);
    assert.match(by.drug1_grams ?? '', /must be a number, got "abc"/);
    assert.match(by.race ?? '', /unknown code "purple"/);
    assert.match(by.firearm_counts ?? '', /whole number/);
    assert.match(by.prior1_date ?? '', /prior 1 is empty but prior 2 is filled/);
  });

  it('contract problems map back to columns (date, grams, 924(c) counts)', () => {
    const r = rowToCase({
      jurisdiction: 'US-FED',
      offense_date: '2020-02-31',
      activities: 'sold_retail',
      drug1_substance: 'cocaine',
      drug1_basis: 'possessed',
      weapon: 'none',
      firearm_counts: '1',
    });
    assert.ok(!r.ok);
    const cols = r.problems.map((p) => p.column).sort();
    assert.deepEqual(cols, ['drug1_grams', 'firearm_counts', 'offense_date']);
  });
});
