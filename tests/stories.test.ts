import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../src/engine/compare.ts';
import { assessUnder, resolveScenario } from '../src/engine/scenarios.ts';
import type { Assessment } from '../src/model/assessment.ts';
import { assessmentSchema } from '../src/model/assessment-schema.ts';
import { termGte } from '../src/model/terms.ts';
import { assessCase, EVALUATION, ROOT, readJson, validCase } from './helpers/cases.ts';

const file = (slug: string) => readJson(`${ROOT}examples/cases/${slug}.json`);
const now = (slug: string): Assessment => assessCase(file(slug));
const today = (slug: string): Assessment => assessCase(file(slug), EVALUATION);
const under = (slug: string, scenario: string): Assessment =>
  assessUnder(validCase(file(slug)), resolveScenario(scenario), { evaluationDate: EVALUATION });
const codes = (a: Assessment) => a.findings.map((f) => f.code);
const range = (a: Assessment) => [
  a.exposure?.statutory.minimum_months,
  a.exposure?.statutory.maximum_months,
  a.exposure?.mandatory_minimum_months,
];
const strength = (a: Assessment, indicium: string) =>
  a.indicia.find((v) => v.indicium === indicium)?.strength;

interface Story {
  slug: string;
}

describe("the report's stories", () => {
  it('every story file is a valid case and assesses to the contract, at its dates and today', () => {
    const stories = readJson(`${ROOT}examples/stories.json`) as Story[];
    assert.ok(stories.length >= 14);
    for (const s of stories) {
      assessmentSchema.parse(now(s.slug));
      assessmentSchema.parse(today(s.slug));
    }
  });

  it('Aron Tuff (GA, 1995): weak indicia, 0.3 g is a personal-use amount, the screen keeps him out of a sale prosecution', () => {
    const a = now('aron-tuff');
    assert.equal(a.role?.function, 'user_possession_only');
    assert.equal(strength(a, 'cash'), 'weak');
    assert.equal(strength(a, 'hand_motions'), 'weak');
    assert.ok(codes(a).includes('indicia.personal_use.within'));
    assert.ok(codes(a).includes('indicia.conclusion.treat_as_possession'));
    assert.ok(['treat_as_possession', 'divert'].includes(a.screen?.recommendation ?? ''));
    assert.ok(a.screen?.rules.some((r) => r.code === 'screen.default.possession'));
    assert.equal(
      a.exposure?.guidelines,
      null,
      'state grids are in exposure.state, never the federal guidelines',
    );
  });

  it('Weldon Angelos (federal): 55 years of 924(c) minimums in 2004, 15 years today', () => {
    assert.deepEqual(now('weldon-angelos').exposure?.firearms.counts_months, [60, 300, 300]);
    assert.equal(now('weldon-angelos').exposure?.mandatory_minimum_months, 660);
    assert.equal(today('weldon-angelos').exposure?.mandatory_minimum_months, 180);
    assert.equal(strength(now('weldon-angelos'), 'firearm'), 'weak');
  });

  it('Corvain Cooper (federal): the network quantity and two possession priors gave mandatory life; today 10 years', () => {
    const a = now('corvain-cooper');
    assert.equal(a.exposure?.mandatory_minimum_months, 'life');
    assert.ok(codes(a).includes('charge.conspiracy.network_quantity'));
    assert.equal(today('corvain-cooper').exposure?.mandatory_minimum_months, 120);
    assert.ok(codes(a).includes('role.ignored.attributed_quantity'));
  });

  it('Crystal Munoz (federal): an employee/worker who drew a map, held to a 1,000 kg conspiracy: 10-year minimum, flagged', () => {
    const a = now('crystal-munoz');
    assert.equal(a.role?.function, 'employee_worker');
    assert.equal(a.exposure?.mandatory_minimum_months, 120);
    assert.ok(codes(a).includes('role.mismatch.mandatory_minimum'));
    assert.equal(a.screen?.recommendation, 'decline');
    assert.equal(today('crystal-munoz').exposure?.mandatory_minimum_months, 120);
    // An 846/841(b)(1)(A) conspiracy is a CSA felony: illicit trafficking (Lopez), conspiracy by 101(a)(43)(U).
    assert.equal(a.consequences?.immigration?.aggravated_felony, true);
    assert.ok(a.consequences?.immigration?.citations.some((x) => x.includes('101(a)(43)(U)')));
    assert.ok(!codes(a).includes('consequences.immigration.moncrieffe_small_marijuana'));
  });

  it('Ramona Brant (federal, 1995): never sold; a conspiracy quantity carried a 10-year minimum, still today', () => {
    const a = now('ramona-brant');
    assert.equal(a.role?.function, 'employee_worker');
    assert.equal(a.exposure?.mandatory_minimum_months, 120);
    assert.equal(a.screen?.recommendation, 'decline');
    assert.equal(today('ramona-brant').exposure?.mandatory_minimum_months, 120);
  });

  it('Erik Scott Brown (federal): sharing 0.1 g with a friend who died carries 20 years; the screen declines drug-induced homicide', () => {
    const a = now('erik-scott-brown');
    assert.equal(a.role?.function, 'social_supplier');
    assert.equal(a.exposure?.statutory.minimum_months, 240);
    assert.equal(today('erik-scott-brown').exposure?.mandatory_minimum_months, 240);
    assert.equal(a.screen?.recommendation, 'decline');
    assert.ok(a.screen?.rules.some((r) => r.code === 'screen.decline.drug_induced_homicide'));
  });

  it('Miguel Perez Jr. (IL): carrying a package makes him a mule; as a permanent resident the sale conviction is an aggravated felony', () => {
    const a = now('miguel-perez-jr');
    assert.equal(a.role?.function, 'mule');
    assert.equal(a.consequences?.immigration?.applies, true);
    assert.equal(a.consequences?.immigration?.aggravated_felony, true);
    assert.equal(a.consequences?.immigration?.mandatory_detention, true);
  });

  it('Jennifer Marie Johnson and Samantha Molkenthen: sharing with someone who died - social supplier, declined by the screen', () => {
    for (const slug of ['jennifer-marie-johnson', 'samantha-molkenthen']) {
      const a = now(slug);
      assert.equal(a.role?.function, 'social_supplier', slug);
      assert.equal(a.screen?.recommendation, 'decline', slug);
    }
  });

  it('Jose: steering customers for Happy Meals is brokering under a conspiracy with a 10-year minimum', () => {
    const a = now('jose');
    assert.equal(a.role?.function, 'broker');
    assert.equal(a.exposure?.mandatory_minimum_months, 120);
  });

  it("Louise Vincent and Kenneth Mack: selling to support one's own use is declined; a methadone patient is a user", () => {
    assert.equal(now('louise-vincent').screen?.recommendation, 'decline');
    assert.equal(now('kenneth-mack').role?.function, 'user_possession_only');
  });

  it('Cynthia Powell and Caswick Naverro are not prosecuted as sellers under the screen', () => {
    assert.notEqual(now('cynthia-powell').screen?.recommendation, 'prosecute');
    assert.notEqual(now('caswick-naverro').screen?.recommendation, 'prosecute');
  });

  it('Aron Tuff (GA, 1995): life without parole derived from former 16-13-30(d) and 17-10-7(c); today 10 years to life, still without parole; no prosecution under the agenda', () => {
    const a = now('aron-tuff');
    assert.equal(a.exposure?.statutory.minimum_months, 'life');
    assert.equal(a.exposure?.mandatory_minimum_months, 'life');
    assert.equal(a.exposure?.state?.release.parole_eligible, false);
    assert.ok(codes(a).includes('charge.state.intent_from_indicia'));
    assert.ok(codes(a).includes('exposure.state.ga.fourth_felony_no_parole'));
    const t = today('aron-tuff');
    assert.equal(t.exposure?.statutory.minimum_months, 120);
    assert.equal(t.exposure?.statutory.maximum_months, 'life');
    assert.equal(t.exposure?.state?.release.parole_eligible, false);
    assert.equal(under('aron-tuff', 'dpa-2019').exposure?.statutory.maximum_months, 0);
  });

  it('Cynthia Powell (FL, 2002): 29.3 g of pills is trafficking with a 25-year minimum; 7 years today; not prosecuted under the agenda', () => {
    const a = now('cynthia-powell');
    assert.equal(a.exposure?.mandatory_minimum_months, 300);
    assert.equal(a.exposure?.state?.offense.conduct, 'trafficking');
    assert.equal(today('cynthia-powell').exposure?.mandatory_minimum_months, 84);
    assert.equal(under('cynthia-powell', 'dpa-2019').exposure?.mandatory_minimum_months, 0);
    assert.equal(under('cynthia-powell', 'no-mandatory-minimums').exposure?.mandatory_minimum_months, 0);
  });

  it('Michael Thompson (MI, 1994): the marijuana counts carry 15 years as a fourth-felony habitual offender; 4 years without the enhancement', () => {
    const a = now('michael-thompson');
    assert.equal(a.exposure?.statutory.maximum_months, 180);
    assert.equal(a.exposure?.mandatory_minimum_months, 0);
    assert.equal(a.exposure?.state?.enhancements[0]?.code, 'mi_769_12');
    assert.equal(today('michael-thompson').exposure?.statutory.maximum_months, 180);
    assert.equal(under('michael-thompson', 'no-prior-enhancements').exposure?.statutory.maximum_months, 48);
    assert.equal(under('michael-thompson', 'dpa-2019').exposure?.statutory.maximum_months, 48);
  });

  it('Caswick Naverro (LA, 2016): 27 g of methamphetamine pills - 2 to 30 years then, 1 to 10 after Act 281, possession under the agenda', () => {
    const a = now('caswick-naverro');
    assert.deepEqual(a.exposure?.state?.counts[0]?.range_months, [24, 360]);
    assert.deepEqual(today('caswick-naverro').exposure?.state?.counts[0]?.range_months, [12, 120]);
    const d = under('caswick-naverro', 'dpa-2019');
    assert.equal(d.exposure?.state?.offense.conduct, 'possession');
    assert.equal(d.exposure?.mandatory_minimum_months, 0);
    assert.equal(d.exposure?.statutory.maximum_months, 60);
  });

  it('the five state stories of issue 11 fill the three exposure numbers with cited values at their offense dates', () => {
    // Tuff: life without parole (former 16-13-30(d), 17-10-7(c)); Powell: the 25-year trafficking minimum, 30-year
    // first-degree maximum; Thompson: 15 years as a habitual fourth, no minimum; Naverro: 2-30 years (967(B), 2014);
    // Vincent: no prison term required (she went to treatment), up to 20 months.
    const expected: Record<string, unknown[]> = {
      'aron-tuff': ['life', 'life', 'life'],
      'cynthia-powell': [300, 360, 300],
      'michael-thompson': [0, 180, 0],
      'caswick-naverro': [24, 360, 24],
      'louise-vincent': [0, 20, 0],
    };
    for (const [slug, numbers] of Object.entries(expected)) {
      const a = now(slug);
      assert.deepEqual(range(a), numbers, slug);
      assert.ok((a.exposure?.statutory.citations.length ?? 0) > 0, `${slug}: the range is cited`);
    }
  });

  it('Louise Vincent (NC, 2003): a Class G sale at prior record level I - no prison term required (she went to residential treatment), up to 20 months then, 29 today; declined under the agenda', () => {
    const a = now('louise-vincent');
    assert.equal(a.exposure?.state?.offense.class, 'G');
    assert.deepEqual(range(a), [0, 20, 0]);
    assert.ok(a.exposure?.statutory.citations.some((c) => c.startsWith('N.C.G.S. 15A-1340.17(c)')));
    // the public record: a guilty plea and residential treatment instead of prison - an intermediate punishment the cell allows
    assert.equal(a.exposure?.state?.grid?.values.dispositions, 'I/A');
    assert.equal(a.exposure?.state?.expected_term.months, 0);
    assert.deepEqual(range(today('louise-vincent')), [0, 29, 0]);
    assert.equal(under('louise-vincent', 'dpa-2019').exposure?.statutory.maximum_months, 0);
  });
});

// Issue 12: the New York, Illinois, Wisconsin and Minnesota stories at the law of their dates, today, under the
// report's agenda, and - for the two drug-induced homicide cases - with those laws repealed.
describe("the report's state stories with exposure (NY, IL, WI, MN)", () => {
  const under = (slug: string, scenario: string) =>
    compare(validCase(file(slug)), [scenario], { evaluationDate: EVALUATION }).assessments[0] as Assessment;
  const months = (slug: string) =>
    (
      readJson(`${ROOT}examples/stories.json`) as { slug: string; sentence_of_record: { months: number } }[]
    ).find((s) => s.slug === slug)?.sentence_of_record.months as number;

  it('Kenneth Mack (NY, 2017): one dose possessed is a class A misdemeanor, 0-12 months, then and today; not charged under dpa-2019', () => {
    const a = now('kenneth-mack');
    assert.deepEqual(range(a), [0, 12, 0]);
    assert.equal(a.exposure?.state?.offense.tier, '220.03');
    assert.ok(a.exposure?.statutory.citations.some((c) => c.includes('N.Y. Penal Law 220.03')));
    assert.deepEqual(range(today('kenneth-mack')), [0, 12, 0]);
    const dpa = under('kenneth-mack', 'dpa-2019');
    assert.ok(codes(dpa).includes('exposure.screen.not_charged'));
    assert.equal(dpa.exposure?.statutory.maximum_months, 0);
  });

  it('Miguel Perez Jr. (IL, 2008): 2 kg of cocaine is Class X 15-60 years; his 15-year sentence is the minimum; dpa-2019 declines', () => {
    const a = now('miguel-perez-jr');
    assert.deepEqual(range(a), [180, 720, 180]);
    assert.equal(a.exposure?.mandatory_minimum_months, months('miguel-perez-jr'));
    assert.equal(a.exposure?.state?.offense.tier, 'x_900g');
    assert.ok(codes(a).includes('role.mismatch.mandatory_minimum'), 'a mule facing a trafficker minimum');
    assert.deepEqual(range(today('miguel-perez-jr')), [180, 720, 180]);
    assert.equal(under('miguel-perez-jr', 'no-mandatory-minimums').exposure?.mandatory_minimum_months, 0);
    assert.ok(codes(under('miguel-perez-jr', 'dpa-2019')).includes('exposure.screen.not_charged'));
  });

  it('Samantha Molkenthen (WI, 2014): drug-induced homicide up to 40 years, at the offense date and today; repealed, the delivery is up to 12.5 years', () => {
    const a = now('samantha-molkenthen');
    assert.deepEqual(range(a), [0, 480, 0]);
    assert.ok(codes(a).includes('exposure.state.dih.charged'));
    assert.ok(termGte(480, months('samantha-molkenthen')), 'her 15 years is within the range');
    assert.deepEqual(range(today('samantha-molkenthen')), [0, 480, 0]);
    const c = compare(validCase(file('samantha-molkenthen')), ['law_today', 'dih-repealed'], {
      evaluationDate: EVALUATION,
    });
    assert.deepEqual(range(c.assessments[1] as Assessment), [0, 150, 0]);
    const row = c.differences.find((d) => d.field.includes('maximum'));
    assert.ok(row, `compare shows the maximum changing (${c.differences.map((d) => d.field).join(', ')})`);
    assert.ok(codes(under('samantha-molkenthen', 'dpa-2019')).includes('exposure.screen.not_charged'));
  });

  it('Jennifer Marie Johnson (MN, 2015): third-degree murder up to 25 years; repealed, no Minnesota sale range is in the knowledge base (said)', () => {
    const a = now('jennifer-marie-johnson');
    assert.deepEqual(range(a), [0, 300, 0]);
    assert.ok(termGte(300, months('jennifer-marie-johnson')));
    assert.ok(codes(a).includes('law.low_confidence'), 'the 2015 interval rests on the case itself');
    assert.deepEqual(range(today('jennifer-marie-johnson')), [0, 300, 0]);
    const repealed = under('jennifer-marie-johnson', 'dih-repealed');
    assert.equal(repealed.exposure?.statutory.maximum_months, null);
    assert.ok(codes(repealed).includes('exposure.state.dih.not_in_force'));
    assert.ok(codes(repealed).includes('exposure.state.offense_not_covered'));
    assert.ok(codes(under('jennifer-marie-johnson', 'dpa-2019')).includes('exposure.screen.not_charged'));
  });
});
