import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessmentSchema } from '../src/model/assessment-schema.ts';
import { assessCase, jsonFiles, ROOT, readJson } from './helpers/cases.ts';
import { boundaryDates, thresholdCases } from './helpers/sweeps.ts';

describe('every 841(b)(1) trigger, hit at its value and missed just below', () => {
  for (const t of thresholdCases()) {
    it(t.label, () => {
      const hit = assessCase(t.case);
      const miss = assessCase(t.belowCase);
      assert.equal(hit.exposure?.statutory.offense, `21 U.S.C. 841(b)(1)(${t.tier})`);
      assert.notEqual(miss.exposure?.statutory.offense, `21 U.S.C. 841(b)(1)(${t.tier})`);
      assert.equal(hit.exposure?.statutory.minimum_months, t.tier === 'A' ? 120 : 60);
    });
  }
});

// Canonical cases: the federal stories and a few plain quantities, at every effective date +-1 day.
const canonical = [
  ...jsonFiles(`${ROOT}examples/cases`)
    .map((f) => readJson(f) as { jurisdiction: string })
    .filter((c) => c.jurisdiction === 'US-FED'),
  {
    jurisdiction: 'US-FED',
    offense_date: '2000-01-01',
    conduct: {
      activities: ['sold_retail'],
      drugs: [{ substance: 'cocaine_base', grams: 50, basis: 'transacted' }],
    },
  },
  {
    jurisdiction: 'US-FED',
    offense_date: '2000-01-01',
    conduct: {
      activities: ['possessed'],
      drugs: [{ substance: 'cocaine_base', grams: 6, basis: 'possessed' }],
    },
  },
  {
    jurisdiction: 'US-FED',
    offense_date: '2000-01-01',
    conduct: {
      activities: ['sold_wholesale'],
      drugs: [{ substance: 'methamphetamine', grams: 60, basis: 'transacted', purity: 0.5 }],
      weapon: 'brandished',
      firearm_counts: 2,
    },
    cooperation: { truthful_disclosure: true, accepted_responsibility: true },
  },
];

describe('temporal sweep: canonical cases at every effective date and the day before', () => {
  const dates = boundaryDates().filter((d) => d >= '1986-10-27');
  it(`${dates.length} dates x ${canonical.length} cases assess without error, contract-valid`, () => {
    for (const date of dates)
      for (const c of canonical) {
        const a = assessCase(c, date);
        assessmentSchema.parse(a);
        assert.equal(a.dates.offense, date);
      }
  });

  it('crack: 50 g carries a 10-year minimum the day before the Fair Sentencing Act and 5 years on its first day', () => {
    const c = canonical.at(-3);
    assert.equal(assessCase(c, '2010-08-02').exposure?.mandatory_minimum_months, 120);
    assert.equal(assessCase(c, '2010-08-03').exposure?.mandatory_minimum_months, 60);
  });

  it('crack possession: the 844 minimum ends with the Fair Sentencing Act', () => {
    const c = canonical.at(-2);
    assert.equal(assessCase(c, '2010-08-02').exposure?.mandatory_minimum_months, 60);
    assert.equal(assessCase(c, '2010-08-03').exposure?.mandatory_minimum_months, 0);
  });

  it('924(c) stacking ends with the First Step Act; brandishing carries 7 years from 1998', () => {
    const c = canonical.at(-1);
    assert.deepEqual(assessCase(c, '2018-12-20').exposure?.firearms.counts_months, [84, 300]);
    assert.deepEqual(assessCase(c, '2018-12-21').exposure?.firearms.counts_months, [84, 84]);
    assert.deepEqual(assessCase(c, '1998-11-12').exposure?.firearms.counts_months, [60, 240]);
  });

  it('the 1994 safety valve starts on 1994-09-23', () => {
    const c = {
      ...canonical.at(-1),
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [{ substance: 'heroin', grams: 150, basis: 'transacted' }],
      },
    };
    assert.equal(assessCase(c, '1994-09-22').exposure?.safety_valve.eligible, false);
    assert.equal(assessCase(c, '1994-09-23').exposure?.safety_valve.eligible, true);
  });
});
