import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultLawBook } from '../../src/law/loader.ts';
import type { Assessment } from '../../src/model/assessment.ts';
import { assessCase, readJson } from '../helpers/cases.ts';

/**
 * Issue 11 item 5: state cases priced at the state's own cost per person-year (law/us-xx/consequences.yaml,
 * `cost_per_person_year`, read at the evaluation date), on the time expected to be served under the state's
 * release rule. Each worked cost below is term x share x rate, the arithmetic written out.
 */
const read = (path: string) => {
  const j = readJson(new URL(`../../${path}`, import.meta.url).pathname) as { case?: unknown };
  return j.case ?? j;
};
const finding = (a: Assessment, code: string) => a.findings.find((f) => f.code === code);
const rateOf = (id: string, date: string) =>
  defaultLawBook().at(date).get<{ usd_per_year: number; usd_per_day: number | null; fiscal_year: number }>(id)
    .value;

describe('state cost per person-year: the filed figures', () => {
  const STATES = ['fl', 'nc', 'ga', 'mi', 'la', 'tx', 'il', 'wi', 'ca'];
  it('every filed daily figure is the yearly one over 365 days, rounded to the dollar', () => {
    const law = defaultLawBook();
    for (const s of STATES) {
      const p = law.params.get(`us_${s}.cost_per_person_year`);
      assert.ok(p, s);
      for (const v of p.values) {
        const x = v.value as { usd_per_year: number | null; usd_per_day?: number | null; period_end: string };
        assert.ok(v.confidence, s);
        assert.ok(x.period_end >= v.from, `${s} ${v.from}: period_end ${x.period_end}`);
        if (x.usd_per_day != null)
          assert.equal(x.usd_per_year, Math.round(x.usd_per_day * 365), `${s} ${v.from}`);
      }
    }
  });

  it('read at the evaluation date: the figure of the fiscal year in force, else the latest before it', () => {
    // Florida FY1995-96: $44.51 a day; FY2000-01: $49.75 a day
    assert.equal(rateOf('us_fl.cost_per_person_year', '1998-01-01').usd_per_year, 16246); // 44.51 x 365 = 16,246.15
    assert.equal(rateOf('us_fl.cost_per_person_year', '2026-11-27').usd_per_year, 18159); // 49.75 x 365 = 18,158.75
    // Texas FY2005 (Sept.-Aug.): $40.05 a day; FY2006: $42.54
    assert.equal(rateOf('us_tx.cost_per_person_year', '2005-08-31').usd_per_year, 14618); // 40.05 x 365 = 14,618.25
    assert.equal(rateOf('us_tx.cost_per_person_year', '2005-09-01').usd_per_year, 15527); // 42.54 x 365 = 15,527.10
    assert.equal(rateOf('us_tx.cost_per_person_year', '2010-08-31').usd_per_year, 15527); // in force until FY2011
    assert.equal(rateOf('us_tx.cost_per_person_year', '2010-09-01').usd_per_year, 18944); // 51.90 x 365 = 18,943.50
    assert.equal(rateOf('us_tx.cost_per_person_year', '2011-09-01').usd_per_year, 18265); // 50.04 x 365 = 18,264.60
    // North Carolina FY1997-98: $62.41 a day
    assert.equal(rateOf('us_nc.cost_per_person_year', '1998-06-30').usd_per_year, 22780); // 62.41 x 365 = 22,779.65
    // Michigan (Oct.-Sept.): FY2017 $36,106, FY2022 $47,900
    assert.equal(rateOf('us_mi.cost_per_person_year', '2021-09-30').usd_per_year, 36106);
    assert.equal(rateOf('us_mi.cost_per_person_year', '2021-10-01').usd_per_year, 47900);
    // California: only a lower bound for 2015, then the FY2017-18 budget figure
    assert.equal(rateOf('us_ca.cost_per_person_year', '2016-01-01').usd_per_year, null);
    assert.equal(rateOf('us_ca.cost_per_person_year', '2017-07-01').usd_per_year, 75560);
    assert.equal(rateOf('us_il.cost_per_person_year', '2012-01-01').usd_per_year, 38268);
    assert.equal(rateOf('us_wi.cost_per_person_year', '2012-01-01').usd_per_year, 33414);
    assert.equal(rateOf('us_la.cost_per_person_year', '2012-01-01').usd_per_year, 21838);
    assert.equal(rateOf('us_ga.cost_per_person_year', '2020-01-01').usd_per_year, 23937);
    // Minnesota (July-June): 2001 $36,836 (BJS), FY2010 $41,364 (Vera), both as reported
    assert.equal(rateOf('us_mn.cost_per_person_year', '2009-06-30').usd_per_year, 36836);
    assert.equal(rateOf('us_mn.cost_per_person_year', '2009-07-01').usd_per_year, 41364);
    assert.equal(rateOf('us_mn.cost_per_person_year', '2026-11-27').usd_per_year, 41364);
  });
});

describe('state cases get a cost, or the missing piece named (the five stories of issue 11)', () => {
  it('Cynthia Powell (Florida trafficking): 300 months served in full (mandatory) x $18,159 = $453,975', () => {
    const a = assessCase(read('examples/cases/cynthia-powell.json'));
    const c = a.consequences?.cost;
    // 300 months = 25 person-years; the mandatory term is served in full (85% never shortens it): 25 x 18,159
    assert.deepEqual(
      {
        usd: c?.usd,
        months: c?.months,
        rate: c?.rate_usd_per_year,
        fy: c?.fiscal_year,
        rule: c?.release_rule,
      },
      { usd: 25 * 18159, months: 300, rate: 18159, fy: 2001, rule: 'fl_85_percent' },
    );
    assert.ok(finding(a, 'consequences.cost.rate_latest_available'));
  });

  it('North Carolina habitual felon (golden): the 44-month minimum served in full x $23,232 = $85,184', () => {
    const a = assessCase(read('tests/examples/nc-14-7-6/habitual-felon-pwid-2010.json'));
    const c = a.consequences?.cost;
    // 44 / 12 = 3.667 person-years x 23,232 = 85,184
    assert.deepEqual({ usd: c?.usd, months: c?.months }, { usd: Math.round((44 / 12) * 23232), months: 44 });
    assert.equal(c?.usd, 85184);
  });

  it('Caswick Naverro (Louisiana): share served unknown; upper bound 24 months x $21,838 = $43,676', () => {
    const a = assessCase(read('examples/cases/caswick-naverro.json'));
    assert.equal(a.consequences?.cost, null);
    const f = finding(a, 'consequences.cost.served.share_unknown');
    assert.deepEqual(
      {
        missing: f?.values?.missing_law,
        rule: f?.values?.rule,
        months: f?.values?.months,
        ub: f?.values?.upper_bound_usd,
      },
      { missing: 'state_release_share', rule: 'la_parole', months: 24, ub: 2 * 21838 },
    );
  });

  it('Aron Tuff (Georgia, life): no finite cost, said; the Georgia rate is known', () => {
    const a = assessCase(read('examples/cases/aron-tuff.json'));
    assert.equal(a.consequences?.cost, null);
    assert.ok(finding(a, 'consequences.cost.life_term'));
    assert.equal(finding(a, 'consequences.cost.rate')?.values?.rate_usd_per_year, 23937);
  });

  it('Michael Thompson (Michigan) and Louise Vincent (North Carolina): the lowest term the law allows is 0 months, so $0 at the state rate', () => {
    for (const [file, rate] of [
      ['examples/cases/michael-thompson.json', 47900],
      ['examples/cases/louise-vincent.json', 23232],
    ] as const) {
      const a = assessCase(read(file));
      const c = a.consequences?.cost;
      assert.deepEqual(
        { usd: c?.usd, months: c?.months, rate: c?.rate_usd_per_year },
        { usd: 0, months: 0, rate },
        file,
      );
    }
  });
});
