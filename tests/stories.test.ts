import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Assessment } from '../src/model/assessment.ts';
import { assessmentSchema } from '../src/model/assessment-schema.ts';
import { assessCase, EVALUATION, ROOT, readJson } from './helpers/cases.ts';

const file = (slug: string) => readJson(`${ROOT}examples/cases/${slug}.json`);
const now = (slug: string): Assessment => assessCase(file(slug));
const today = (slug: string): Assessment => assessCase(file(slug), EVALUATION);
const codes = (a: Assessment) => a.findings.map((f) => f.code);
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
    assert.equal(a.exposure?.guidelines, null, 'no state sentencing engine yet');
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
});
