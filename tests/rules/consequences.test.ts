import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { defaultLawBook } from '../../src/law/loader.ts';
import { CaseLaw } from '../../src/law/reader.ts';
import { hasMessage, renderMessage } from '../../src/messages/catalog.ts';
import type { Exposure } from '../../src/model/assessment.ts';
import { type Case, parseCase } from '../../src/model/case.ts';
import type { RawFinding } from '../../src/model/finding.ts';
import type { Term } from '../../src/model/terms.ts';
import { assessConsequences, type Charge } from '../../src/rules/consequences/index.ts';
import type { RuleInputWithResults } from '../../src/rules/context.ts';

const law = defaultLawBook();
const TODAY = '2026-11-27';

function makeCase(over: Record<string, unknown> & { conduct?: Record<string, unknown> }): Case {
  const { conduct, ...rest } = over;
  const r = parseCase({
    jurisdiction: 'US-FED',
    offense_date: '2020-01-15',
    ...rest,
    conduct: {
      activities: ['possessed'],
      drugs: [{ substance: 'cocaine', grams: 0.3, basis: 'possessed' }],
      ...conduct,
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.case;
}

function exposure(mandatory: Term | null, range: [Term, Term] | null, max: Term | null = 240): Exposure {
  return {
    statutory: { minimum_months: mandatory, maximum_months: max, citations: ['21 U.S.C. 841(b)(1)(B)'] },
    firearms: { consecutive_minimum_months: 0, citations: [] },
    safety_valve: { eligible: false, reasons: [], citations: [] },
    mandatory_minimum_months: mandatory,
    guidelines: range
      ? {
          offense_level: 30,
          criminal_history_points: 0,
          criminal_history_category: 'I',
          table_range_months: range,
          range_months: range,
          citations: ['USSG 2D1.1'],
        }
      : null,
  };
}

const allCodes = new Set<string>();
function run(c: Case, charge: Charge, opts: { evaluation?: string; exposure?: Exposure | null } = {}) {
  const dates = {
    offense: c.offense_date,
    conviction: c.offense_date,
    sentencing: c.offense_date,
    evaluation: opts.evaluation ?? TODAY,
  };
  const input: RuleInputWithResults = {
    case: c,
    law: new CaseLaw(law, dates),
    dates,
    role: null,
    exposure: opts.exposure ?? null,
  };
  const out = assessConsequences(input, charge);
  // the findings of the law read (unverified or low-confidence values) with the rules' own
  const findings = [...out.findings, ...input.law.findings];
  for (const f of findings) allCodes.add(f.code);
  return { ...out, findings };
}
const codes = (fs: RawFinding[]) => fs.map((f) => f.code);

// Miguel Perez Jr. (DPA 2019): Illinois, 2008; carried a 2 kg cocaine package across the street; LPR and veteran.
const perez = (citizenship: 'lawful_permanent_resident' | 'us_citizen') =>
  makeCase({
    id: 'miguel-perez-jr',
    jurisdiction: 'US-IL',
    offense_date: '2008-06-01',
    person: { citizenship, veteran: true },
    conduct: {
      activities: ['carried_on_body'],
      drugs: [{ substance: 'cocaine', grams: 2000, basis: 'transacted' }],
    },
  });

describe('immigration', () => {
  it('Perez (LPR, veteran, sale charge): aggravated felony, deportable, mandatory detention', () => {
    const { consequences: c, findings } = run(perez('lawful_permanent_resident'), 'distribution');
    assert.equal(c.immigration?.applies, true);
    assert.equal(c.immigration?.aggravated_felony, true);
    assert.equal(c.immigration?.mandatory_detention, true);
    assert.ok(c.immigration?.citations.some((x) => x.includes('101(a)(43)(B)')));
    assert.ok(c.immigration?.citations.some((x) => x.includes('236(c)')));
    for (const code of [
      'consequences.immigration.aggravated_felony',
      'consequences.immigration.deportable',
      'consequences.immigration.mandatory_detention',
      'consequences.immigration.asylum_bar',
    ])
      assert.ok(codes(findings).includes(code), code);
  });

  it('the same conduct by a U.S. citizen: immigration does not apply', () => {
    const { consequences: c, findings } = run(perez('us_citizen'), 'distribution');
    assert.equal(c.immigration?.applies, false);
    assert.equal(c.immigration?.aggravated_felony, null);
    assert.ok(codes(findings).includes('consequences.immigration.not_applicable_citizen'));
    assert.ok(!codes(findings).includes('consequences.immigration.aggravated_felony'));
  });

  it('sharing a small amount of marijuana without payment: not an aggravated felony (Moncrieffe), still deportable', () => {
    const c = makeCase({
      jurisdiction: 'US-GA',
      person: { citizenship: 'lawful_permanent_resident' },
      conduct: {
        activities: ['shared_free'],
        compensation: 'none',
        drugs: [{ substance: 'marijuana', grams: 1.3, basis: 'transacted' }],
      },
    });
    const { consequences: r, findings } = run(c, 'distribution');
    assert.equal(r.immigration?.aggravated_felony, false);
    assert.equal(r.immigration?.mandatory_detention, true);
    assert.ok(r.immigration?.citations.some((x) => x.includes('Moncrieffe')));
    assert.ok(codes(findings).includes('consequences.immigration.moncrieffe_small_marijuana'));
    assert.ok(codes(findings).includes('consequences.immigration.deportable'));
  });

  it('sharing a larger amount of marijuana: aggravated felony undetermined, with the question that settles it', () => {
    const c = makeCase({
      person: { citizenship: 'visa_holder' },
      conduct: {
        activities: ['shared_free'],
        compensation: 'none',
        drugs: [{ substance: 'marijuana', grams: 20, basis: 'transacted' }],
      },
    });
    const { consequences: r, findings } = run(c, 'distribution');
    assert.equal(r.immigration?.aggravated_felony, null);
    const f = findings.find((x) => x.code === 'consequences.immigration.small_amount_undetermined');
    assert.ok(f && typeof f.values?.question === 'string');
  });

  it('selling marijuana for money is illicit trafficking', () => {
    const c = makeCase({
      person: { citizenship: 'undocumented' },
      conduct: {
        activities: ['sold_retail'],
        compensation: 'profit',
        drugs: [{ substance: 'marijuana', grams: 1, basis: 'transacted' }],
      },
    });
    assert.equal(run(c, 'distribution').consequences.immigration?.aggravated_felony, true);
  });

  it('possession of 10 g of marijuana for own use: the 30 g exception to deportability', () => {
    const c = makeCase({
      person: { citizenship: 'lawful_permanent_resident' },
      conduct: { drugs: [{ substance: 'marijuana', grams: 10, basis: 'possessed' }] },
    });
    const { consequences: r, findings } = run(c, 'possession');
    assert.equal(r.immigration?.aggravated_felony, false);
    assert.equal(r.immigration?.mandatory_detention, null);
    assert.ok(codes(findings).includes('consequences.immigration.marijuana_personal_use_exception'));
  });

  // Federal statute of conviction as the engine reports it (Exposure.statutory), for the Lopez felony test.
  const federalExposure = (max: Term, citations: string[], tier?: string): Exposure => {
    const e = exposure(null, null, max);
    return { ...e, statutory: { ...e.statutory, citations, tier } };
  };

  it('Crystal Munoz (DPA 2019): an 846/841(b)(1)(A) marijuana conspiracy, 1,000 kg attributed, no pay of her own, is an aggravated felony (Lopez; 43(U))', () => {
    const c = makeCase({
      person: { citizenship: 'lawful_permanent_resident' },
      offense_date: '2005-06-01',
      conduct: {
        activities: ['gave_directions'],
        compensation: 'none',
        drugs: [{ substance: 'marijuana', grams: 1_000_000, basis: 'attributed' }],
      },
    });
    const e = federalExposure('life', ['21 U.S.C. 846', '21 U.S.C. 841(b)(1)(A)'], 'A');
    const { consequences: r, findings } = run(c, 'distribution', { exposure: e });
    assert.equal(r.immigration?.aggravated_felony, true);
    assert.ok(r.immigration?.citations.some((x) => x.includes('101(a)(43)(B)') && x.includes('Lopez')));
    assert.ok(r.immigration?.citations.some((x) => x.includes('101(a)(43)(U)')));
    assert.ok(codes(findings).includes('consequences.immigration.conspiracy_aggravated_felony'));
    for (const code of ['moncrieffe_small_marijuana', 'small_amount_undetermined'])
      assert.ok(!codes(findings).includes(`consequences.immigration.${code}`), code);
    assert.ok(!r.immigration?.reasons.some((x) => x.includes('Sharing')));
  });

  it('the same network quantity in a state conspiracy: the conviction carries 1,000 kg, not 0 g (never the Moncrieffe answer)', () => {
    const c = makeCase({
      jurisdiction: 'US-GA',
      person: { citizenship: 'lawful_permanent_resident' },
      conduct: {
        activities: ['gave_directions'],
        compensation: 'none',
        drugs: [
          { substance: 'marijuana', grams: 1, basis: 'possessed' },
          { substance: 'marijuana', grams: 1_000_000, basis: 'attributed' },
        ],
      },
    });
    const { consequences: r, findings } = run(c, 'distribution');
    assert.notEqual(r.immigration?.aggravated_felony, false);
    const f = findings.find((x) => x.code === 'consequences.immigration.small_amount_undetermined');
    assert.equal(f?.values?.grams, 1_000_001);
    assert.ok(!codes(findings).includes('consequences.immigration.moncrieffe_small_marijuana'));
  });

  it('Moncrieffe in a federal court: 1.3 g shared free is 841(b)(4) conduct, not a felony, although the engine cites (b)(1)(D)', () => {
    const c = makeCase({
      person: { citizenship: 'lawful_permanent_resident' },
      conduct: {
        activities: ['shared_free'],
        compensation: 'none',
        drugs: [{ substance: 'marijuana', grams: 1.3, basis: 'transacted' }],
      },
    });
    const e = federalExposure(60, ['21 U.S.C. 841(b)(1)(D)'], 'D');
    const { consequences: r, findings } = run(c, 'distribution', { exposure: e });
    assert.equal(r.immigration?.aggravated_felony, false);
    assert.ok(codes(findings).includes('consequences.immigration.moncrieffe_small_marijuana'));
  });

  it('marijuana shared free but in a quantity of a higher 841(b) tier: outside 841(b)(4) ("notwithstanding (1)(D)"), an aggravated felony', () => {
    const c = makeCase({
      person: { citizenship: 'visa_holder' },
      conduct: {
        activities: ['shared_free'],
        compensation: 'none',
        drugs: [{ substance: 'marijuana', grams: 150_000, basis: 'transacted' }],
      },
    });
    const e = federalExposure(480, ['21 U.S.C. 841(b)(1)(B)'], 'B');
    const { consequences: r, findings } = run(c, 'distribution', { exposure: e });
    assert.equal(r.immigration?.aggravated_felony, true);
    assert.ok(!codes(findings).includes('consequences.immigration.conspiracy_aggravated_felony'));
  });

  it('Lopez v. Gonzales: a state felony for conduct the CSA treats as a misdemeanor (possessing cocaine) is not an aggravated felony', () => {
    const c = makeCase({
      jurisdiction: 'US-SD',
      person: { citizenship: 'lawful_permanent_resident' },
      conduct: { drugs: [{ substance: 'cocaine', grams: 1, basis: 'possessed' }] },
    });
    const { consequences: r, findings } = run(c, 'possession');
    assert.equal(r.immigration?.aggravated_felony, false);
    assert.ok(codes(findings).includes('consequences.immigration.deportable'));
  });

  it('a federal possession offense punishable as a felony (pre-2010 crack clause, 20-year maximum) is an aggravated felony', () => {
    const c = makeCase({
      offense_date: '2008-06-01',
      person: { citizenship: 'lawful_permanent_resident' },
      conduct: { drugs: [{ substance: 'cocaine_base', grams: 10, basis: 'possessed' }] },
    });
    const e = federalExposure(240, ['21 U.S.C. 844(a) (crack clause, 1988-2010)']);
    const { consequences: r, findings } = run(c, 'possession', { exposure: e });
    assert.equal(r.immigration?.aggravated_felony, true);
    assert.ok(codes(findings).includes('consequences.immigration.felony_possession'));
  });

  it('Carachuri-Rosendo: federal possession with a prior but no 851 enhancement (12-month maximum) is a misdemeanor, not an aggravated felony', () => {
    const c = makeCase({
      person: { citizenship: 'lawful_permanent_resident' },
      conduct: { drugs: [{ substance: 'cocaine', grams: 1, basis: 'possessed' }] },
      history: {
        priors: [{ kind: 'drug_possession', date: '2015-01-01', felony: false, still_valid: true }],
      },
    });
    const { consequences: r, findings } = run(c, 'possession', {
      exposure: federalExposure(12, ['21 U.S.C. 844(a)']),
    });
    assert.equal(r.immigration?.aggravated_felony, false);
    assert.ok(!codes(findings).includes('consequences.immigration.recidivist_possession_undetermined'));
    // Without the federal statute of conviction the same priors leave it open.
    assert.equal(run(c, 'possession').consequences.immigration?.aggravated_felony, null);
  });

  it('unknown citizenship: says what would settle it', () => {
    const { findings } = run(makeCase({ conduct: { activities: ['sold_retail'] } }), 'distribution');
    const f = findings.find((x) => x.code === 'consequences.immigration.citizenship_unknown');
    assert.ok(f && String(f.values?.question).includes('citizen'));
  });
});

describe('Good Samaritan', () => {
  const scene = (
    jurisdiction: string,
    activities: string[],
    compensation = 'none',
    over: Record<string, unknown> = {},
  ) =>
    makeCase({
      jurisdiction,
      offense_date: '2024-01-15',
      conduct: {
        activities,
        compensation,
        at_overdose_scene: true,
        drugs: [{ substance: 'heroin', grams: 0.5, basis: 'transacted' }],
      },
      ...over,
    });

  it('not at an overdose scene: null', () => {
    assert.equal(run(makeCase({ jurisdiction: 'US-VT' }), 'possession').consequences.good_samaritan, null);
  });

  it('Vermont covers any drug offense at the scene, also sharing', () => {
    const { consequences: c, findings } = run(scene('US-VT', ['shared_free']), 'distribution');
    assert.equal(c.good_samaritan?.protected, true);
    assert.ok(c.good_samaritan?.citations.some((x) => x.includes('18 V.S.A. 4254')));
    assert.ok(codes(findings).includes('consequences.good_samaritan.protected'));
  });

  it('Florida protects possession only: distribution not protected, possession protected', () => {
    const d = run(scene('US-FL', ['shared_free']), 'distribution');
    assert.equal(d.consequences.good_samaritan?.protected, false);
    assert.ok(d.consequences.good_samaritan?.citations.some((x) => x.includes('893.21')));
    assert.ok(codes(d.findings).includes('consequences.good_samaritan.not_protected'));
    assert.equal(
      run(scene('US-FL', ['possessed']), 'possession').consequences.good_samaritan?.protected,
      true,
    );
  });

  it('New York covers sharing but not sale for gain', () => {
    assert.equal(
      run(scene('US-NY', ['shared_free']), 'distribution').consequences.good_samaritan?.protected,
      true,
    );
    assert.equal(
      run(scene('US-NY', ['sold_retail'], 'profit'), 'distribution').consequences.good_samaritan?.protected,
      false,
    );
  });

  it('Georgia: possession below the 4 g limit is covered, above it is not', () => {
    const small = scene('US-GA', ['possessed'], 'none', {});
    assert.equal(run(small, 'possession').consequences.good_samaritan?.protected, true);
    const big = makeCase({
      jurisdiction: 'US-GA',
      conduct: {
        activities: ['possessed'],
        at_overdose_scene: true,
        drugs: [{ substance: 'cocaine', grams: 5, basis: 'possessed' }],
      },
    });
    assert.equal(run(big, 'possession').consequences.good_samaritan?.protected, false);
  });

  it('no sourced fact on the date (Wyoming before its 2025 law; the federal system): "not in the knowledge base"', () => {
    const wy = run(scene('US-WY', ['possessed']), 'possession', { evaluation: '2024-06-01' });
    assert.equal(wy.consequences.good_samaritan?.protected, null);
    assert.ok(codes(wy.findings).includes('consequences.good_samaritan.not_in_knowledge_base'));
    // from 2025-07-01 Wyoming's law exists but covers misdemeanor possession only: undetermined, not "not in the KB"
    const wyNow = run(scene('US-WY', ['possessed']), 'possession');
    assert.ok(!codes(wyNow.findings).includes('consequences.good_samaritan.not_in_knowledge_base'));
    assert.ok(codes(wyNow.findings).includes('consequences.good_samaritan.limited_scope'));
    const fed = run(scene('US-FED', ['possessed']), 'possession');
    assert.equal(fed.consequences.good_samaritan?.protected, null);
    assert.ok(codes(fed.findings).includes('consequences.good_samaritan.not_in_knowledge_base'));
  });
});

describe('violent label and drug-induced homicide', () => {
  it('South Carolina lists trafficking as violent; Alabama sources conflict with the report', () => {
    const sc = run(
      makeCase({ jurisdiction: 'US-SC', conduct: { activities: ['sold_retail'] } }),
      'distribution',
    );
    const label = sc.consequences.violent_label as { applies: boolean | null; citations: string[] };
    assert.equal(label.applies, true);
    assert.ok(label.citations.some((x) => x.includes('16-1-60')));
    const al = run(
      makeCase({ jurisdiction: 'US-AL', conduct: { activities: ['sold_retail'] } }),
      'distribution',
    );
    assert.equal((al.consequences.violent_label as { applies: boolean | null }).applies, false);
    assert.ok(codes(al.findings).includes('consequences.violent_label.report_conflict'));
    const ga = run(
      makeCase({ jurisdiction: 'US-GA', conduct: { activities: ['sold_retail'] } }),
      'distribution',
    );
    assert.ok(codes(ga.findings).includes('consequences.violent_label.not_in_knowledge_base'));
  });

  it('death resulted: Louisiana second-degree murder (life); federal 841(b) 20 years to life; Georgia not in the KB', () => {
    // Drug-induced homicide is read at the offense date (issue 13 item 11). Louisiana's 14:30.1(A)(3) interval
    // starts at its earliest dated source (2021-01-01), so the conduct is dated after it; a 2020 death gets no
    // Louisiana law from the knowledge base (asserted below) rather than a statute not shown to be in force.
    const death = (jurisdiction: string, offense_date = '2022-01-15') =>
      makeCase({
        jurisdiction,
        offense_date,
        conduct: {
          activities: ['sold_retail'],
          death_resulted: true,
          drugs: [{ substance: 'heroin', grams: 0.1, basis: 'transacted' }],
        },
      });
    const la = run(death('US-LA'), 'distribution').consequences.drug_induced_homicide as {
      applies: boolean;
      value: { penalty_min_years: unknown }[];
    };
    assert.equal(la.applies, true);
    assert.equal(la.value[0]?.penalty_min_years, 'life');
    const fed = run(death('US-FED'), 'distribution').consequences.drug_induced_homicide as {
      applies: boolean;
      value: { penalty_min_years: unknown }[];
    };
    assert.equal(fed.applies, true);
    assert.equal(fed.value[0]?.penalty_min_years, 20);
    const ga = run(death('US-GA'), 'distribution');
    assert.equal((ga.consequences.drug_induced_homicide as { applies: unknown }).applies, null);
    assert.ok(codes(ga.findings).includes('consequences.drug_induced_homicide.not_in_knowledge_base'));
    const la2020 = run(death('US-LA', '2020-01-15'), 'distribution');
    assert.equal((la2020.consequences.drug_induced_homicide as { applies: unknown }).applies, null);
    assert.ok(codes(la2020.findings).includes('consequences.drug_induced_homicide.later_law_not_applied'));
    assert.equal(
      run(makeCase({ jurisdiction: 'US-LA' }), 'possession').consequences.drug_induced_homicide,
      null,
    );
  });
});

describe('benefits', () => {
  it('federal distribution felony: 862a depends on the state; 862 up to 5 years on a first conviction; report discrepancy noted', () => {
    const c = makeCase({ conduct: { activities: ['sold_retail'] } });
    const { consequences: r, findings } = run(c, 'distribution', { exposure: exposure(0, [12, 18]) });
    assert.equal(r.benefits?.snap_tanf_ban, null);
    assert.equal((r.benefits as unknown as { felony: boolean }).felony, true);
    const f = findings.find((x) => x.code === 'consequences.benefits.federal_denial_up_to');
    assert.equal(f?.values?.max_years, 5);
    assert.ok(codes(findings).includes('consequences.benefits.report_discrepancy'));
    assert.ok(codes(findings).includes('consequences.benefits.state_choice_depends'));
  });

  it('third distribution conviction: permanent federal benefits ineligibility', () => {
    const priors = [
      { date: '2010-01-01', kind: 'drug_distribution', felony: true },
      { date: '2014-01-01', kind: 'drug_distribution', felony: true },
    ];
    const c = makeCase({ conduct: { activities: ['sold_retail'] }, history: { priors } });
    const { findings } = run(c, 'distribution');
    assert.ok(codes(findings).includes('consequences.benefits.federal_denial_permanent'));
  });

  it('a misdemeanor possession conviction does not trigger the SNAP/TANF ban', () => {
    const { consequences: r } = run(makeCase({}), 'possession', { exposure: exposure(0, [0, 6], 12) });
    assert.equal(r.benefits?.snap_tanf_ban, false);
  });

  it('South Carolina keeps the full ban; Mississippi opted out of SNAP', () => {
    const sc = run(
      makeCase({ jurisdiction: 'US-SC', conduct: { activities: ['sold_retail'] } }),
      'distribution',
    );
    assert.ok(codes(sc.findings).includes('consequences.benefits.state_full_ban'));
    const ms = run(
      makeCase({ jurisdiction: 'US-MS', conduct: { activities: ['sold_retail'] } }),
      'distribution',
    );
    assert.ok(codes(ms.findings).includes('consequences.benefits.state_opted_out'));
  });
});

describe('cost', () => {
  const fedCase = makeCase({ conduct: { activities: ['sold_retail'] } });
  const cost = (r: { consequences: { cost: unknown } }) =>
    r.consequences.cost as {
      usd: number;
      person_years: number;
      rate_usd_per_year: number;
      basis: string;
      months: number;
      expected_served_months: number;
      release_rule: string;
      cost_of_term_imposed: { usd: number; person_years: number; months: number; basis: string };
    } | null;

  it('federal 120-month minimum today: the term imposed at the federal rate, and the time served after good conduct time', () => {
    const rate = law.at(TODAY).get<{ usd_per_year: number }>('us_fed.cost_per_person_year')
      .value.usd_per_year;
    const r = run(fedCase, 'distribution', { exposure: exposure(120, null) });
    const c = cost(r);
    assert.deepEqual(
      {
        usd: c?.cost_of_term_imposed.usd,
        person_years: c?.cost_of_term_imposed.person_years,
        rate: c?.rate_usd_per_year,
      },
      { usd: Math.round(10 * rate), person_years: 10, rate },
    );
    assert.ok(codes(r.findings).includes('consequences.cost.rate_latest_available'));
    // 18 U.S.C. 3624(b) after the First Step Act: 54 days for each of the 10 years imposed = 540 days;
    // 3650 - 540 = 3110 days = 8.52 years = 102.25 months; at the FY2024 fee of $47,162: $401,846.
    assert.equal(rate, 47162);
    assert.deepEqual(
      { usd: c?.usd, person_years: c?.person_years, months: c?.months, basis: c?.basis },
      { usd: 401846, person_years: 8.52, months: 102.25, basis: 'expected_time_served' },
    );
    assert.equal(c?.expected_served_months, 102.25);
    const gct = r.findings.find((f) => f.code === 'consequences.cost.served.good_conduct_time');
    assert.equal(gct?.values?.credit_days, 540);
    assert.ok(gct?.citations.some((x) => x.includes('3624(b)') && x.includes('First Step Act')));
    assert.equal(gct?.values?.earned_time_credits, '18 U.S.C. 3632(d)(4)');
  });

  it('FY2017 fee: the official $36,299.25 (the report rounds to $36,300), priced on the term imposed as the report does', () => {
    const r = run(fedCase, 'distribution', { exposure: exposure(120, null), evaluation: '2017-06-01' });
    const c = cost(r);
    assert.equal(c?.rate_usd_per_year, 36299.25);
    assert.equal(c?.cost_of_term_imposed.usd, 362993);
    assert.equal(c?.cost_of_term_imposed.months, 120);
  });

  it('before the First Step Act (2017): the BOP time-served reading, 470 days on a ten-year term (Barber v. Thomas)', () => {
    const r = run(fedCase, 'distribution', { exposure: exposure(120, null), evaluation: '2017-06-01' });
    const c = cost(r);
    // Barber v. Thomas, 560 U.S. 474 (2010): the BOP method gives 470 days (not 540) on a 10-year term;
    // 3650 - 470 = 3180 days = 8.71 years = 104.55 months; at $36,299.25: $316,251.
    const gct = r.findings.find((f) => f.code === 'consequences.cost.served.good_conduct_time');
    assert.equal(gct?.values?.credit_days, 470);
    assert.equal(gct?.values?.accrues_on, 'time_served');
    assert.deepEqual({ usd: c?.usd, months: c?.months }, { usd: 316251, months: 104.55 });
    assert.equal(gct?.values?.earned_time_credits, null);
  });

  it('uses the bottom of the guideline range when it is above the minimum', () => {
    const r = run(fedCase, 'distribution', { exposure: exposure(60, [151, 188]), evaluation: '2017-06-01' });
    const c = cost(r);
    assert.equal(c?.cost_of_term_imposed.person_years, 12.58);
    assert.equal(c?.cost_of_term_imposed.basis, 'guidelines_minimum');
    assert.equal(c?.cost_of_term_imposed.usd, Math.round((151 / 12) * 36299.25));
    // 151 months = 4592.92 days; x 54/419 = 591.93, so 591 days; 151/12 - 591/365 = 10.96 years.
    assert.deepEqual(
      { usd: c?.usd, person_years: c?.person_years, basis: c?.basis },
      { usd: 397991, person_years: 10.96, basis: 'expected_time_served' },
    );
  });

  it('a partial year is prorated (FSA): 151 months earn 679 days (54 x 151/12 = 679.5, the fraction dropped)', () => {
    const r = run(fedCase, 'distribution', { exposure: exposure(60, [151, 188]) });
    const gct = r.findings.find((f) => f.code === 'consequences.cost.served.good_conduct_time');
    assert.equal(gct?.values?.credit_days, 679);
    assert.equal(cost(r)?.months, Math.round((151 - (679 * 12) / 365) * 100) / 100);
  });

  it('a term of one year or less earns no good conduct time: served in full', () => {
    const r = run(fedCase, 'distribution', { exposure: exposure(12, null) });
    const c = cost(r);
    assert.equal(c?.months, 12);
    assert.equal(c?.usd, c?.cost_of_term_imposed.usd);
    assert.equal(c?.basis, 'mandatory_minimum');
    assert.ok(codes(r.findings).includes('consequences.cost.served.no_good_conduct_time'));
    const longer = cost(run(fedCase, 'distribution', { exposure: exposure(13, null) }));
    assert.ok((longer?.months ?? 13) < 13);
  });

  it('an offense before 1987-11-01 (parole law): the cost is undetermined, the missing piece named', () => {
    const old = makeCase({ offense_date: '1987-06-01', conduct: { activities: ['sold_retail'] } });
    const r = run(old, 'distribution', { exposure: exposure(120, null) });
    assert.equal(r.consequences.cost, null);
    const f = r.findings.find((x) => x.code === 'consequences.cost.served.share_unknown');
    assert.equal(f?.values?.missing_law, 'parole_under_pre_1987_law');
    assert.equal(f?.values?.upper_bound_usd, Math.round(10 * 47162));
  });

  it('life: no finite cost; FY2011 (a gap): not in the knowledge base', () => {
    const life = run(fedCase, 'distribution', { exposure: exposure('life', null) });
    assert.equal(life.consequences.cost, null);
    assert.ok(codes(life.findings).includes('consequences.cost.life_term'));
    const gap = run(fedCase, 'distribution', { exposure: exposure(120, null), evaluation: '2011-03-01' });
    assert.equal(gap.consequences.cost, null);
    assert.ok(
      gap.findings.some((f) => f.code === 'law.value_unverified' && f.values?.area === 'consequences'),
    );
  });

  it('state case: cost null with "no state sentencing engine yet"', () => {
    const ny = run(
      makeCase({ jurisdiction: 'US-NY', conduct: { activities: ['sold_retail'] } }),
      'distribution',
    );
    assert.equal(ny.consequences.cost, null);
    assert.ok(codes(ny.findings).includes('consequences.cost.no_state_sentencing_engine'));
    const rate = ny.findings.find((f) => f.code === 'consequences.cost.rate');
    assert.equal(rate?.values?.rate_usd_per_year, 69355);
  });
});

describe('law data and messages', () => {
  const REF = '/work/shared/reference/jurisdictions.json';
  const LISTED = [
    'US-AK',
    'US-AL',
    'US-AR',
    'US-AZ',
    'US-CA',
    'US-CO',
    'US-CT',
    'US-DC',
    'US-DE',
    'US-FED',
    'US-FL',
    'US-GA',
    'US-IL',
    'US-KS',
    'US-LA',
    'US-MD',
    'US-MI',
    'US-NJ',
    'US-NM',
    'US-NY',
    'US-OK',
    'US-OR',
    'US-PA',
    'US-RI',
    'US-SC',
    'US-UT',
    'US-VA',
    'US-VT',
    'US-WA',
    'US-WV',
    'US-WY',
  ];
  it('every jurisdiction in jurisdictions.json has at least one consequence parameter', () => {
    const listed = existsSync(REF)
      ? Object.keys(JSON.parse(readFileSync(REF, 'utf8')).jurisdictions)
      : LISTED;
    for (const j of new Set([...listed, ...LISTED])) {
      const p = `${j.toLowerCase().replace('-', '_')}.`;
      const ids = [...law.params.keys()].filter(
        (id) =>
          id.startsWith(p) &&
          /\.(good_samaritan|drug_induced_homicide|violent_designation|drug_firearm_enhancement|benefits|cost_per_person_year|immigration|public_housing)/.test(
            id,
          ),
      );
      assert.ok(ids.length > 0, j);
    }
  });

  it('every consequence value cites a known source and has a confidence', () => {
    for (const [id, p] of law.params) {
      if (
        !/\.(good_samaritan|drug_induced_homicide|violent_designation|drug_firearm_enhancement|benefits|cost_per_person_year|immigration|public_housing)/.test(
          id,
        )
      )
        continue;
      for (const v of p.values) {
        for (const s of v.cite.sources) assert.ok(s in law.sources, `${id}: ${s}`);
        assert.ok(v.confidence);
      }
    }
  });

  it('every finding code has a message (emitted here and written in the rules)', () => {
    const dir = fileURLToPath(new URL('../../src/rules/consequences/', import.meta.url));
    const written = new Set<string>();
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/'(consequences\.[a-z_]+\.[a-z_.]+)'/g)) if (m[1]) written.add(m[1]);
    }
    for (const s of ['full_ban', 'modified', 'opted_out']) written.add(`consequences.benefits.state_${s}`);
    written.add('consequences.evaluation_date');
    for (const code of [...written, ...allCodes]) {
      assert.ok(hasMessage(code), code);
      assert.equal(typeof renderMessage(code, {}), 'string');
    }
  });
});
