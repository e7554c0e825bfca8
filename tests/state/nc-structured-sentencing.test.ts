import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Assessment } from '../../src/model/assessment.ts';
import { assessCase } from '../helpers/cases.ts';

/** PWID (or, with `sold`, a sale) of 2 g of cocaine in North Carolina with priors of the given classes. */
function nc(date: string, classes: (string | undefined)[], o: { sold?: boolean } = {}): Assessment {
  return assessCase({
    jurisdiction: 'US-NC',
    offense_date: date,
    conduct: {
      activities: [o.sold ? 'sold_retail' : 'packaged'],
      drugs: [{ substance: 'cocaine', grams: 2, basis: 'possessed' }],
    },
    history: {
      priors: classes.map((c, i) => ({
        date: `200${i}-01-01`,
        kind: 'other',
        felony: c === undefined || !/^(A1|[123])$/.test(c),
        ...(c ? { offense_class: c } : {}),
      })),
    },
  });
}
const grid = (a: Assessment) => a.exposure?.state?.grid?.values as Record<string, unknown> | undefined;
const max = (a: Assessment) => a.exposure?.statutory.maximum_months;

describe('North Carolina structured sentencing (15A-1340.14, 15A-1340.17)', () => {
  it('prior record points: one point is level I from 2009-12-01 (S.L. 2009-555), level II before', () => {
    assert.deepEqual(grid(nc('2009-11-30', ['1']))?.range_level, ['II', 'II']);
    assert.deepEqual(grid(nc('2009-12-01', ['1']))?.range_level, ['I', 'I']);
    // two Class D felonies and two Class 1 misdemeanors: 14 points, level IV before (9-14), V from 2009-12-01
    // (two felonies only: three would make habitual-felon status, whose priors are not scored again)
    const fourteen = ['D', 'D', '1', '1'];
    assert.deepEqual(grid(nc('2009-11-30', fourteen, { sold: false }))?.prior_record_points, [14, 14]);
    assert.deepEqual(grid(nc('2010-06-01', fourteen))?.range_level, ['V', 'V']);
    // a Class 2 misdemeanor scores nothing
    assert.deepEqual(grid(nc('2015-06-01', ['2', '2', '2']))?.prior_record_points, [0, 0]);
  });

  it('the maximum follows the highest minimum: 120% rounded up, plus 9 months for F-I from 2011-12-01 (JRA)', () => {
    // Class H level I: aggravated top 8 -> 8 + 2 = 10 before the JRA, 19 after
    assert.equal(max(nc('2011-11-30', [])), 10);
    assert.equal(max(nc('2011-12-01', [])), 19);
    // Class G (a sale) level I: 16 -> 20 before, 29 after
    assert.equal(max(nc('2011-11-30', [], { sold: true })), 20);
    assert.equal(max(nc('2011-12-01', [], { sold: true })), 29);
  });

  it('a prior without its class carries its best and worst points and is asked', () => {
    const a = nc('2020-06-01', [undefined]);
    assert.deepEqual(grid(a)?.prior_record_points, [2, 10]);
    assert.ok(a.questions?.some((q) => q.path === 'history.priors.0.offense_class'));
    assert.ok(a.questions?.some((q) => q.code === 'question.history.priors.offense_class'));
  });

  it('a class the points table does not know is a coded refusal naming the field', () => {
    const a = nc('2020-06-01', ['Z']);
    assert.equal(a.exposure?.statutory.maximum_months ?? null, null);
    const f = a.findings.find((x) => x.code === 'exposure.state.nc.prior_class_not_covered');
    assert.equal(f?.values?.path, 'history.priors.0.offense_class');
  });

  it('a cell of the 1995-2009 chart that is not in the knowledge base is refused, never guessed', () => {
    const a = nc('2005-06-01', ['H']); // level II of Class H is known (unchanged in 2009)
    assert.equal(max(a), 12); // aggravated top 10 -> 10 + 2
    const g = nc('2005-06-01', ['H'], { sold: true }); // Class G level II on the 1995 chart: not retrieved
    assert.ok(g.findings.some((x) => x.code === 'exposure.state.nc.grid_cell_not_verified'));
    assert.equal(g.exposure?.statutory.maximum_months, null);
    assert.equal(g.exposure?.mandatory_minimum_months, null);
  });

  it('the chart boundaries move the numbers the way the law did (S.L. 2009-556 on 2009-12-01)', () => {
    // a sale (Class G) with one prior Class H felony: 2 points, level II under both point scales
    const before = nc('2009-11-30', ['H'], { sold: true });
    assert.ok(before.findings.some((x) => x.code === 'exposure.state.nc.grid_cell_not_verified'));
    assert.equal(max(before), null); // the 1995 Class G level II cell is not in the knowledge base
    const after = nc('2009-12-01', ['H'], { sold: true });
    assert.deepEqual(grid(after)?.range_level, ['II', 'II']);
    assert.equal(max(after), 22); // aggravated top 18 -> 18 + 4, no post-release supervision for G before the JRA
    // the Class H row did not change: PWID with the same record has the same maximum on both days
    assert.equal(max(nc('2009-11-30', ['H'])), max(nc('2009-12-01', ['H'])));
  });

  it('before the 1995-12-01 chart the law data has a gap (a coded finding), not a guess', () => {
    const a = nc('1995-06-01', []);
    assert.ok(a.findings.some((x) => x.code === 'law.gap'));
  });
});
