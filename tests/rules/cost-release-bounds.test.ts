import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultLawBook } from '../../src/law/loader.ts';
import type { Assessment } from '../../src/model/assessment.ts';
import { stateExposureOf } from '../../src/rules/state/sentence.ts';
import type { StateSentence } from '../../src/rules/state/types.ts';
import { Trace } from '../../src/rules/trace.ts';
import { assessCase, readJson } from '../helpers/cases.ts';

/**
 * Issue 11 item 5: where parole is discretionary, time served is bounded by the release rules the law fixes
 * (`<state>.release.parole` `earliest_release`, `latest_release`), and the undetermined cost says both bounds.
 * Each worked cost is months x share / 12 x the state's rate per person-year, the arithmetic written out.
 */
type Case = Record<string, unknown>;
const example = (path: string) =>
  (readJson(new URL(`../examples/${path}`, import.meta.url).pathname) as { case: Case }).case;
const at = (c: Case, offense_date: string) => ({ ...c, offense_date });
const bounds = (a: Assessment) => {
  const f = a.findings.find((x) => x.code === 'consequences.cost.served.share_unknown');
  return {
    range: a.exposure?.state?.expected_term.served_months_range,
    low_months: f?.values?.lower_bound_months,
    low_usd: f?.values?.lower_bound_usd,
    high_months: f?.values?.upper_bound_months,
    high_usd: f?.values?.upper_bound_usd,
  };
};

describe('time served between the earliest release and the latest: Texas, Gov. Code 508.145(f)', () => {
  const TX_RATE = 18265; // FY2012 ($50.04 a day, LBB Uniform Cost Report FY2010-12), the latest Texas figure filed

  it('habitual 25-year minimum (12.42(d)): eligible at one-fourth, 75 months, under the 15-year cap', () => {
    const a = assessCase(example('tx-penal-12-42/tx-ex2-habitual.json'));
    assert.equal(a.consequences?.cost, null);
    // 300 x 1/4 = 75 months; 75 / 12 x 18,265 = 114,156.25; the whole 300 months: 25 x 18,265 = 456,625
    assert.deepEqual(bounds(a), {
      range: [75, 300],
      low_months: 75,
      low_usd: Math.round((300 / 4 / 12) * TX_RATE),
      high_months: 300,
      high_usd: 25 * TX_RATE,
    });
    assert.equal(bounds(a).low_usd, 114156);
    const f = a.findings.find((x) => x.code === 'consequences.cost.served.share_unknown');
    assert.ok(f?.citations.includes("Tex. Gov't Code 508.145(f)"));
  });

  it('the 15-year cap binds a term over 60 years; a Texas range bottom is not served before parole', () => {
    // a 99-year (1188-month) sentence with no probation: one-fourth is 297 months, capped at 180; the Michigan-style
    // floor at the mandatory term applies only where the law says the minimum is served in full
    const s = (mandatory_served_in_full: boolean): StateSentence => ({
      offense: { citation: 'x', description: 'x', conduct: 'distribution', class: 'F1', tier: null },
      counts: [
        {
          citation: 'x',
          description: 'x',
          kind: 'offense',
          row: 'x',
          consecutive: false,
          penalty: { min_months: 1188, max_months: 1188, mandatory_months: 1188, probation: false },
        },
      ],
      enhancements: [],
      grid: null,
      release: {
        parole_eligible: true,
        served_fraction: null,
        earliest_release: { fraction: 0.25, cap_months: 180, mandatory_served_in_full },
        latest_release: 'term',
        rule: 'tx_parole',
        citations: [],
      },
    });
    assert.deepEqual(
      stateExposureOf('US-TX', s(false), new Trace()).state?.expected_term.served_months_range,
      [180, 1188],
    );
    assert.deepEqual(
      stateExposureOf('US-TX', s(true), new Trace()).state?.expected_term.served_months_range,
      [1188, 1188],
    );
  });

  it('before 1997-09-01 (the predecessor rule, not checked) no floor is given: the whole term is the only bound', () => {
    // 400 g or more of a Penalty Group 1 substance: 15 years at least (481.112(f)); 180 x 1/4 = 45 months
    const c = example('tx-hsc-481-112/tx-400g-no-community-supervision.json');
    const before = assessCase(at(c, '1997-08-31'));
    const from = assessCase(at(c, '1997-09-01'));
    assert.equal(bounds(before).range, undefined);
    assert.equal(bounds(before).low_usd, undefined);
    assert.equal(bounds(before).high_usd, 15 * TX_RATE);
    assert.deepEqual(bounds(from).range, [45, 180]);
    assert.equal(bounds(from).low_usd, Math.round((45 / 12) * TX_RATE));
  });

  it('a state jail felony (Penal Code 12.35) is not a parole term: no floor', () => {
    const a = assessCase(example('tx-hsc-481-112/tx-possession-half-gram-state-jail.json'));
    assert.equal(a.exposure?.state?.release.earliest_release, undefined);
  });
});

describe('Michigan truth in sentencing: the minimum served in full, the maximum the upper bound', () => {
  const MI_RATE = 47900; // FY2022, the latest Michigan figure filed

  it('delivery with felony-firearm (2020): 24 months flat first, then up to the 20-year delivery maximum', () => {
    const a = assessCase(example('mi-750-227b/delivery-with-firearm-2020.json'));
    assert.equal(a.consequences?.cost, null);
    // lower: 24 months x 1 = 2 person-years x 47,900 = 95,800; upper: 24 + 240 = 264 months = 22 x 47,900
    assert.deepEqual(bounds(a), {
      range: [24, 264],
      low_months: 24,
      low_usd: 2 * MI_RATE,
      high_months: 264,
      high_usd: 22 * MI_RATE,
    });
  });

  it('the 10-to-20-year cocaine minimum before 2003-03-01 (2002 offense): 10 to 20 years served', () => {
    const a = assessCase(example('mi-333-7401/cocaine-60g-2002.json'));
    assert.deepEqual(bounds(a), {
      range: [120, 240],
      low_months: 120,
      low_usd: 10 * MI_RATE,
      high_months: 240,
      high_usd: 20 * MI_RATE,
    });
  });

  it('an offense before 2000-12-15 (disciplinary credits could shorten the minimum): no floor; from that day, one', () => {
    const c = example('mi-750-227b/delivery-with-firearm-2020.json');
    const before = assessCase(at(c, '2000-12-14'));
    assert.equal(before.exposure?.state?.expected_term.months, 24); // the engine ran: only the floor is missing
    assert.equal(bounds(before).range, undefined);
    assert.deepEqual(bounds(assessCase(at(c, '2000-12-15'))).range?.[0], 24);
  });

  it('a non-prison lowest term (0 months) has nothing to serve: no range, $0', () => {
    const a = assessCase(example('mi-333-7401/marijuana-second-drug-offense-2020.json'));
    assert.equal(a.exposure?.state?.expected_term.served_months_range, undefined);
    assert.equal(a.consequences?.cost?.usd, 0);
  });
});

describe('Louisiana: parole eligibility at one-fourth (La. R.S. 15:574.4(A)(1)), the term above', () => {
  const LA_RATE = 21838; // FY2008-09, the only Louisiana figure filed

  it('cocaine, 12-month lowest term (2018): 3 months to eligibility, $5,460, up to the whole year, $21,838', () => {
    const a = assessCase(example('la-40-967/cocaine-10g-2018.json'));
    assert.equal(a.consequences?.cost, null);
    // 12 x 1/4 = 3 months; 3 / 12 x 21,838 = 5,459.5
    assert.deepEqual(bounds(a), {
      range: [3, 12],
      low_months: 3,
      low_usd: Math.round((3 / 12) * LA_RATE),
      high_months: 12,
      high_usd: LA_RATE,
    });
    assert.equal(bounds(a).low_usd, 5460);
  });

  it('a second felony under 15:529.1 (2018, 40 months): one-fourth stays the floor, 10 months, $18,198', () => {
    const a = assessCase(example('la-15-529-1/second-felony-2018.json'));
    // 40 x 1/4 = 10 months; 10 / 12 x 21,838 = 18,198.33
    assert.deepEqual(bounds(a).range, [10, 40]);
    assert.equal(bounds(a).low_usd, Math.round((10 / 12) * LA_RATE));
  });

  it('the floor is dated: none before the 2016 text read, none for offenses from 2024-08-01', () => {
    const c = example('la-40-967/cocaine-10g-2018.json');
    const before = assessCase(at(c, '2016-07-31'));
    assert.equal(before.exposure?.state?.expected_term.months, 60); // the engine ran: only the floor is missing
    assert.equal(bounds(before).range, undefined);
    // before 2017 Act 281 the engine's lowest term for this offense is 60 months: 60 x 1/4 = 15
    assert.deepEqual(bounds(assessCase(at(c, '2016-08-01'))).range, [15, 60]);
    assert.ok(bounds(assessCase(at(c, '2024-07-31'))).range);
    assert.equal(bounds(assessCase(at(c, '2024-08-01'))).range, undefined);
  });

  it('Caswick Naverro (2016-06-01, before the text read): still only the whole-term upper bound', () => {
    const j = readJson(
      new URL('../../examples/cases/caswick-naverro.json', import.meta.url).pathname,
    ) as Case;
    const b = bounds(assessCase(j));
    assert.deepEqual({ low: b.low_usd, high: b.high_usd }, { low: undefined, high: 2 * LA_RATE });
  });
});

describe('California: a 1170(h) term at half-time (Penal Code 4019(f)), the term above', () => {
  const CA_RATE = 75560; // FY2017-18 (budgeted), the latest California figure filed

  it('sale of cocaine with two priors (2019, 36 months): 18 months at full credit, $113,340, to $226,680', () => {
    const a = assessCase(example('ca-hs-11352/ca-ex1-sale-cocaine-two-priors-2019.json'));
    assert.equal(a.consequences?.cost, null);
    // 36 x 1/2 = 18 months = 1.5 person-years x 75,560 = 113,340; the whole 3 years: 226,680
    assert.deepEqual(bounds(a), {
      range: [18, 36],
      low_months: 18,
      low_usd: 1.5 * CA_RATE,
      high_months: 36,
      high_usd: 3 * CA_RATE,
    });
  });

  it('before 2011-10-01 (no 1170(h) credit rule captured): no floor', () => {
    const c = example('ca-hs-11351/ca-methamphetamine-for-sale.json');
    assert.deepEqual(bounds(assessCase(c)).range, [8, 16]);
    const before = assessCase(at(c, '2011-09-30'));
    assert.equal(before.exposure?.state?.expected_term.months, 16); // the engine ran: only the floor is missing
    assert.equal(bounds(before).range, undefined);
    assert.deepEqual(bounds(assessCase(at(c, '2011-10-01'))).range?.[0], 8);
  });
});

describe('New York: good time to six-sevenths of a determinate drug term (Correction Law 803(1)(c)), the term above', () => {
  const NY_RATE = 69355; // Vera FY2015, the only New York figure filed

  it('A-I possession, 9 oz cocaine (2010, 8-year determinate minimum): 82 months by good time, $473,926, to $554,840', () => {
    const a = assessCase(example('ny-penal-220/ny-ex2-possession-9oz-cocaine-2010.json'));
    assert.equal(a.consequences?.cost, null);
    // 96 x 6/7 = 82.29, 82 months; 82 / 12 x 69,355 = 473,925.83; the whole 8 years: 8 x 69,355 = 554,840
    assert.deepEqual(bounds(a), {
      range: [82, 96],
      low_months: 82,
      low_usd: Math.round((82 / 12) * NY_RATE),
      high_months: 96,
      high_usd: 8 * NY_RATE,
    });
    assert.equal(bounds(a).low_usd, 473926);
    const f = a.findings.find((x) => x.code === 'consequences.cost.served.share_unknown');
    assert.ok(f?.citations.some((c) => c.startsWith('N.Y. Correction Law 803(1)(a), (c)')));
  });

  it('a determinate term only for offenses from 2005-01-13 (Drug Law Reform Act): no floor the day before', () => {
    const c = example('ny-penal-220/ny-ex2-possession-9oz-cocaine-2010.json');
    const before = assessCase(at(c, '2005-01-12'));
    assert.equal(before.exposure?.state?.expected_term.months, 12); // the engine ran: only the floor is missing
    assert.equal(bounds(before).range, undefined);
    assert.deepEqual(bounds(assessCase(at(c, '2005-01-13'))).range, [82, 96]);
  });

  it('a one-year term (B sale, 2010): 12 x 6/7 = 10.29, 10 months, $57,796', () => {
    const a = assessCase(example('ny-penal-220/ny-ex1-sale-heroin-2010.json'));
    assert.deepEqual(bounds(a).range, [10, 12]);
    assert.equal(bounds(a).low_usd, Math.round((10 / 12) * NY_RATE));
  });
});

describe('New York merit time (Correction Law 803(1)(d)): eligible, amount not verified, not applied', () => {
  const merit = (a: Assessment) =>
    a.findings.find((f) => f.code === 'exposure.state.ny.merit_time_not_applied');

  it('a determinate drug term of a year or more says merit time is not applied; the floor stays six-sevenths', () => {
    const a = assessCase(example('ny-penal-220/ny-ex2-possession-9oz-cocaine-2010.json'));
    assert.deepEqual(merit(a)?.values, { term_months: 96 });
    assert.ok(merit(a)?.citations.some((c) => c.startsWith('N.Y. Correction Law 803(1)(d)(i)')));
    assert.deepEqual(bounds(a).range, [82, 96]);
    // one year is enough (803(1)(d)(i): "one year or more")
    assert.deepEqual(merit(assessCase(example('ny-penal-220/ny-ex1-sale-heroin-2010.json')))?.values, {
      term_months: 12,
    });
  });

  it('an indeterminate term (offense before 2005-01-13) gets no such finding', () => {
    const c = example('ny-penal-220/ny-ex2-possession-9oz-cocaine-2010.json');
    assert.equal(merit(assessCase(at(c, '2005-01-12'))), undefined);
  });
});

describe('Illinois: day-for-day sentence credit (730 ILCS 5/3-6-3(a)(2.1)), half the term, the term above', () => {
  const IL_RATE = 38268; // FY2010 (Vera 2012), the only Illinois figure filed

  it('delivery of 20 g heroin (2010, Class X 6-year minimum): 36 months, $114,804, to $229,608', () => {
    const a = assessCase(example('il-720-ilcs-570-401/il-ex1-delivery-20g-heroin.json'));
    assert.equal(a.consequences?.cost, null);
    // 72 x 1/2 = 36 months = 3 person-years x 38,268 = 114,804; the whole 6 years: 229,608
    assert.deepEqual(bounds(a), {
      range: [36, 72],
      low_months: 36,
      low_usd: 3 * IL_RATE,
      high_months: 72,
      high_usd: 6 * IL_RATE,
    });
  });

  it('a 15-year minimum (900 g tier, 2008): one-half stays the floor, 90 months; a 75% offense would only raise it', () => {
    const a = assessCase(example('il-720-ilcs-570-401/il-delivery-2kg-cocaine-900g-tier.json'));
    assert.deepEqual(bounds(a).range, [90, 180]);
    assert.equal(bounds(a).low_usd, 7.5 * IL_RATE);
  });

  it('a probationable term (0 months) has nothing to serve: no range, $0', () => {
    const a = assessCase(example('il-720-ilcs-570-401/il-delivery-half-gram-cocaine-class-2.json'));
    assert.equal(bounds(a).range, undefined);
    assert.equal(a.consequences?.cost?.usd, 0);
  });
});

describe('Minnesota: two-thirds in prison, one-third supervised release (Minn. Stat. 244.101), the term above', () => {
  it('the engine reads the rule; its lowest term for 609.195(b) is 0, so the range is shown on an executed 74 months', () => {
    const a = assessCase(example('mn-609-195-b/mn-methadone-death-2015.json'));
    const release = a.exposure?.state?.release;
    assert.deepEqual(release?.earliest_release, {
      fraction: 2 / 3,
      cap_months: null,
      mandatory_served_in_full: false,
    });
    assert.equal(release?.latest_release, 'term');
    assert.equal(a.exposure?.state?.expected_term.served_months_range, undefined); // lowest term 0
    // State v. Johnson (Minn. Ct. App. 2017): 74 months executed for third-degree murder by methadone;
    // 74 x 2/3 = 49.33, 49 months in prison at the least; at the FY2010 rate (Vera, as quoted, $41,364):
    // 49 / 12 x 41,364 = $168,903 to 74 / 12 x 41,364 = $255,078
    const s: StateSentence = {
      offense: { citation: 'x', description: 'x', conduct: 'distribution', class: null, tier: null },
      counts: [
        {
          citation: 'x',
          description: 'x',
          kind: 'offense',
          row: 'x',
          consecutive: false,
          penalty: { min_months: 74, max_months: 74, mandatory_months: 74, probation: false },
        },
      ],
      enhancements: [],
      grid: null,
      release: release as StateSentence['release'],
    };
    assert.deepEqual(
      stateExposureOf('US-MN', s, new Trace()).state?.expected_term.served_months_range,
      [49, 74],
    );
    const rate = a.findings.find((f) => f.code === 'consequences.cost.rate')?.values?.rate_usd_per_year;
    assert.equal(rate, 41364);
    assert.deepEqual([Math.round((49 / 12) * 41364), Math.round((74 / 12) * 41364)], [168903, 255078]);
  });
});

describe('Wisconsin: a bifurcated sentence (Wis. Stat. 973.01), the confinement term without parole', () => {
  it('no parole from 1999-12-31, no share of the total as the floor, $0 at 0 months', () => {
    const a = assessCase(example('wi-961-41/wi-heroin-delivery-no-death-class-f.json'));
    const release = a.exposure?.state?.release;
    assert.equal(release?.parole_eligible, false);
    assert.equal(release?.served_fraction, null);
    assert.equal(release?.earliest_release, undefined);
    assert.equal(a.exposure?.state?.expected_term.months, 0);
    assert.equal(a.consequences?.cost?.usd, 0);
  });

  // The release of an assessed Wisconsin case, applied to a term the court could impose (the engine's own lowest
  // term is 0: no Wisconsin drug felony in the knowledge base has a minimum).
  const onTerm = (release: StateSentence['release'], months: number) =>
    stateExposureOf(
      'US-WI',
      {
        offense: { citation: 'x', description: 'x', conduct: 'distribution', class: null, tier: null },
        counts: [
          {
            citation: 'x',
            description: 'x',
            kind: 'offense',
            row: 'x',
            consecutive: false,
            penalty: { min_months: months, max_months: months, mandatory_months: months, probation: false },
          },
        ],
        enhancements: [],
        grid: null,
        release,
      },
      new Trace(),
    ).state?.expected_term.served_months_range;
  const WI_RATE = 33414; // FY2011-12 (Legislative Fiscal Bureau paper 56, as quoted), the only Wisconsin figure filed

  it('Class F delivery (2014): the confinement term is the time in prison, at most 7.5 of the 12.5 years (973.01(2)(b))', () => {
    const a = assessCase(example('wi-961-41/wi-heroin-delivery-no-death-class-f.json'));
    const release = a.exposure?.state?.release as StateSentence['release'];
    assert.deepEqual(release.confinement, {
      minimum_months: 12,
      maximum_months: 90,
      supervision_maximum_months: 60,
      supervision_minimum_share: 0.25,
    });
    assert.ok(release.citations.some((c) => c.startsWith('Wis. Stat. 973.01(2)(b)')));
    // a 10-year sentence: supervision at most 5 years, so confinement at least 60 months; at most 120 / 1.25 = 96,
    // capped at the 90-month Class F maximum: 60 to 90 months, 5 x 33,414 = $167,070 to 7.5 x 33,414 = $250,605
    assert.deepEqual(onTerm(release, 120), [60, 90]);
    assert.equal(5 * WI_RATE, 167070);
    // the whole 12.5 years: 7.5 years of confinement and 5 of supervision, the only split the law allows
    assert.deepEqual(onTerm(release, 150), [90, 90]);
    // 3 years: at least the one-year minimum, at most 36 / 1.25 = 28.8, 28 months (29 would leave supervision
    // under a quarter of the confinement)
    assert.deepEqual(onTerm(release, 36), [12, 28]);
  });

  it('drug-induced homicide (940.02(2)(a), Class C): confinement up to 25 of the 40 years', () => {
    const a = assessCase(example('wi-940-02-2-a/wi-delivery-death-2014.json'));
    const release = a.exposure?.state?.release as StateSentence['release'];
    assert.equal(release.confinement?.maximum_months, 300);
    assert.equal(release.confinement?.supervision_maximum_months, 180);
    assert.equal(a.exposure?.state?.expected_term.served_months_range, undefined); // the lowest term is 0
    assert.equal(a.consequences?.cost?.usd, 0);
    // the 40-year maximum is 25 years in prison and 15 on supervision: 300 months, 25 x 33,414 = $835,350
    assert.deepEqual(onTerm(release, 480), [300, 300]);
    // 10 years: supervision may be up to 15 years, so only the one-year minimum binds below; 96 months above
    assert.deepEqual(onTerm(release, 120), [12, 96]);
  });

  it('each class: the confinement and supervision maxima add up to its 939.50(3) total; none before 2003-02-01', () => {
    const law = defaultLawBook().at('2014-06-01');
    type B = {
      classes: Record<string, { confinement_maximum_months: number; supervision_maximum_months: number }>;
    };
    const b = law.get<B>('us_wi.wis973_01.bifurcation').value;
    for (const cls of ['C', 'D', 'E', 'F', 'G', 'H', 'I']) {
      const total = law.get<{ max_months: number }>(`us_wi.wis939_50.penalty.class_${cls}`).value.max_months;
      const limits = b.classes[cls];
      assert.equal(
        (limits?.confinement_maximum_months ?? 0) + (limits?.supervision_maximum_months ?? 0),
        total,
        cls,
      );
    }
    // truth in sentencing I (1999-12-31 to 2003-02-01, unclassified felonies) is not covered
    assert.equal(defaultLawBook().at('2003-01-31').has('us_wi.wis973_01.bifurcation'), false);
    const c = example('wi-940-02-2-a/wi-delivery-death-2014.json');
    assert.equal(assessCase(at(c, '2003-02-01')).exposure?.state?.release.confinement?.maximum_months, 300);
  });

  it('a second offense (961.48 raises the maximum): no confinement bounds, since the raise was not read', () => {
    const a = assessCase(example('wi-961-41/wi-cocaine-delivery-second-offense.json'));
    assert.equal(a.exposure?.state?.release.parole_eligible, false);
    assert.equal(a.exposure?.state?.release.confinement, undefined);
  });

  it('the no-parole rule is dated: none for felonies before 1999-12-31', () => {
    const law = defaultLawBook();
    const before = law.at('1999-12-30').get<{ parole_eligible: boolean | null }>('us_wi.release.parole');
    const from = law.at('1999-12-31').get<{ parole_eligible: boolean | null }>('us_wi.release.parole');
    assert.equal(before.value.parole_eligible, null);
    assert.equal(from.value.parole_eligible, false);
  });
});

describe('Georgia: parole consideration (42-9-45(b)(2)) is not a floor on time served (17-14-4)', () => {
  const GA_RATE = 23937; // FY2018 (state audit 18-12, as reported), the only Georgia figure filed
  const consideration = (a: Assessment) =>
    a.findings.find((f) => f.code === 'exposure.state.ga.parole_floor_discretionary')?.values;

  it('second sale (2020, 10-year minimum): considered after 40 months, but no lower bound; the whole term above', () => {
    const a = assessCase(example('ga-16-13-30/second-sale-2020.json'));
    // 120 / 3 = 40 months, more than nine
    assert.deepEqual(consideration(a), {
      term_months: 120,
      consideration_months: 40,
      earlier_release: ['restitution_condition_17_14_4', 'board_policy_lower_severity'],
    });
    assert.equal(a.exposure?.state?.expected_term.served_months_range, undefined);
    assert.equal(a.consequences?.cost, null);
    // the upper bound is unchanged: 10 x 23,937 = 239,370
    const f = a.findings.find((x) => x.code === 'consequences.cost.served.share_unknown');
    assert.equal(f?.values?.upper_bound_usd, 10 * GA_RATE);
    assert.equal(f?.values?.lower_bound_usd, undefined);
    const c = a.findings.find((x) => x.code === 'exposure.state.ga.parole_floor_discretionary');
    assert.ok(c?.citations.some((x) => x.startsWith('O.C.G.A. 42-9-45(b)(2)')));
  });

  it('seven years at most (a sentence of 21 years or more): 400 g of cocaine, a 25-year minimum, 84 months', () => {
    const c = example('ga-16-13-31/cocaine-30g-possession-2020.json');
    const big = {
      ...c,
      conduct: {
        activities: ['possessed'],
        drugs: [{ substance: 'cocaine', grams: 400, basis: 'possessed' }],
      },
    };
    const a = assessCase(big);
    assert.equal(a.exposure?.state?.expected_term.months, 300);
    // one-third of 300 is 100 months, but 42-9-45(b)(2) considers a sentence of 21 years or more after seven years
    assert.equal(consideration(a)?.consideration_months, 84);
  });

  it('dated from the 2015 text read: nothing reported the day before', () => {
    const c = example('ga-16-13-30/second-sale-2020.json');
    assert.equal(consideration(assessCase(at(c, '2015-07-05')))?.consideration_months, 40);
    assert.equal(consideration(assessCase(at(c, '2015-07-04'))), undefined);
  });

  it('none where 17-10-7(c) bars parole, nor on a term of 0 or life', () => {
    assert.equal(consideration(assessCase(example('ga-16-13-30/butler-1994-fourth-sale.json'))), undefined);
    assert.equal(consideration(assessCase(example('ga-16-13-30/first-sale-2020.json'))), undefined);
    assert.equal(consideration(assessCase(example('ga-16-13-30/second-sale-1995.json'))), undefined);
  });
});
