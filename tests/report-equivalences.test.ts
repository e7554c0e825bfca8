import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessCase } from './helpers/cases.ts';

// sentenced on the offense date, so the Manual read is the one of that date (a case without a
// sentencing date would be sentenced now, under today's Manual)
const one = (date: string, substance: string, grams: number) => ({
  jurisdiction: 'US-FED',
  offense_date: date,
  sentencing_date: date,
  conduct: { activities: ['sold_retail'], drugs: [{ substance, grams, basis: 'transacted' }] },
  history: { criminal_history_points: 1 },
  cooperation: { truthful_disclosure: false, accepted_responsibility: false },
});
const baseLevel = (date: string, substance: string, grams: number) =>
  assessCase(one(date, substance, grams)).exposure?.guidelines?.steps?.find(
    (s) => s.code === 'guidelines.base_offense_level',
  )?.levels;

describe("the report's equivalences (DPA 2019, checked against the Guidelines)", () => {
  const row: [string, number, number][] = [
    ['methamphetamine_actual', 4, 4.99],
    ['cocaine_base', 22.4, 27.99],
    ['heroin', 80, 99.99],
    ['cocaine', 400, 499.99],
  ];
  it('4-5 g methamphetamine (actual) = 22.4-28 g crack = 80-100 g heroin = 400-500 g cocaine: level 22 in the 2014-2025 Manuals', () => {
    for (const [s, lo, hi] of row) {
      assert.equal(baseLevel('2019-06-01', s, lo), 22, `${s} ${lo} g`);
      assert.equal(baseLevel('2026-06-01', s, hi), 22, `${s} ${hi} g`);
    }
  });
  it('the same row is level 24 in the Nov. 2010 - Oct. 2014 Manuals', () => {
    for (const [s, lo, hi] of row) {
      assert.equal(baseLevel('2012-06-01', s, lo), 24, `${s} ${lo} g`);
      assert.equal(baseLevel('2013-06-01', s, hi), 24, `${s} ${hi} g`);
    }
  });
  it('the 10-year quantities today: 50 g methamphetamine, 100 g PCP (actual), 280 g crack, 5,000 g cocaine, 1,000 g heroin', () => {
    for (const [s, g] of [
      ['methamphetamine_actual', 50],
      ['pcp_actual', 100],
      ['cocaine_base', 280],
      ['cocaine', 5000],
      ['heroin', 1000],
    ] as const) {
      const e = assessCase(one('2026-06-01', s, g)).exposure;
      assert.equal(e?.statutory.minimum_months, 120, s);
      assert.equal(e?.statutory.maximum_months, 'life', s);
    }
  });
  it('100:1 before the Fair Sentencing Act: 5 g crack = 500 g powder = 5 years; 50 g = 5 kg = 10 years', () => {
    for (const [s, g, min] of [
      ['cocaine_base', 5, 60],
      ['cocaine', 500, 60],
      ['cocaine_base', 50, 120],
      ['cocaine', 5000, 120],
    ] as const)
      assert.equal(assessCase(one('2009-06-01', s, g)).exposure?.statutory.minimum_months, min, `${s} ${g}`);
  });
  it("the report's 0.1 g fentanyl claim matches no enacted law: 0.1 g is 841(b)(1)(C), no minimum", () => {
    const e = assessCase(one('2019-06-01', 'fentanyl', 0.1)).exposure;
    assert.equal(e?.statutory.offense, '21 U.S.C. 841(b)(1)(C)');
    assert.equal(e?.mandatory_minimum_months, 0);
  });
});
