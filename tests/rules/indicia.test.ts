import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reviewIndicia } from '../../src/rules/indicia/review.ts';
import { CASES, inputOf, law, makeCase, patchedBook, value } from './helpers.ts';

/** The review with the findings its law reads made (unverified or low-confidence values). */
const review = (c: ReturnType<typeof makeCase>, book = law) => {
  const input = inputOf(c, book);
  const r = reviewIndicia(input);
  return { ...r, findings: [...r.findings, ...input.law.findings] };
};
const strengthOf = (r: ReturnType<typeof review>, i: string) =>
  r.verdicts.find((v) => v.indicium === i)?.strength;
const heroinCase = (grams: number, indicia: string[] = ['quantity']) =>
  makeCase({
    conduct: { activities: ['possessed'], drugs: [{ substance: 'heroin', grams, basis: 'possessed' }] },
    evidence: { indicia },
  });

describe("reviewIndicia: the report's reasoning on indicia of sale", () => {
  it('Aron Tuff: 0.3 g cocaine, $90 cash, "hand motions" -> weak indicia, a personal-use amount, treat as possession', () => {
    const r = review(CASES.aronTuff());
    assert.equal(strengthOf(r, 'hand_motions'), 'weak');
    assert.equal(strengthOf(r, 'cash'), 'weak');
    assert.equal(r.clear_evidence_of_sale, false);
    assert.equal(r.personal_use.within_personal_use, true);
    const codes = r.findings.map((f) => f.code);
    for (const code of [
      'indicia.weak.cash',
      'indicia.weak.hand_motions',
      'indicia.personal_use.within',
      'indicia.conclusion.treat_as_possession',
    ])
      assert.ok(codes.includes(code), code);
    // Georgia has no presumption-of-sale threshold in the knowledge base: said, not defaulted
    assert.ok(codes.includes('indicia.presumption_of_sale.not_in_knowledge_base'));
    const cash = r.findings.find((f) => f.code === 'indicia.weak.cash');
    assert.equal(cash?.values?.cash_usd, 90);
    // every verdict carries reasons and citations
    for (const v of r.verdicts) assert.ok(v.reasons.length > 0 && v.citations.length > 0);
  });

  it('cash is weak below the large-cash line and moderate at it (line read from data)', () => {
    const line = value<number>('policy.dpa_2019.indicia.cash_large_usd');
    const withCash = (cash_usd: number) => review(makeCase({ evidence: { indicia: ['cash'], cash_usd } }));
    assert.equal(strengthOf(withCash(line - 1), 'cash'), 'weak');
    const at = withCash(line);
    assert.equal(strengthOf(at, 'cash'), 'moderate');
    assert.ok(at.findings.some((f) => f.code === 'indicia.moderate.cash'));
    // the line is a low-confidence placeholder and the review says so
    assert.ok(
      at.findings.some(
        (f) =>
          f.code === 'law.low_confidence' &&
          f.values?.area === 'indicia' &&
          f.values?.parameter === 'policy.dpa_2019.indicia.cash_large_usd',
      ),
    );
  });

  it('an observed sale or a controlled buy is strong and makes the evidence clear', () => {
    for (const i of ['observed_sale', 'controlled_buy']) {
      const r = review(makeCase({ evidence: { indicia: [i, 'scale'] } }));
      assert.equal(strengthOf(r, i), 'strong');
      assert.equal(strengthOf(r, 'scale'), 'weak');
      assert.equal(r.clear_evidence_of_sale, true);
      assert.ok(r.findings.some((f) => f.code === 'indicia.conclusion.clear_evidence_of_sale'));
    }
  });

  it('weak indicia never add up to clear evidence; two moderate ones do', () => {
    const weak = review(
      makeCase({
        evidence: {
          indicia: [
            'scale',
            'separate_packaging',
            'firearm',
            'informant_statement',
            'empty_prescription_bottle',
          ],
        },
      }),
    );
    assert.equal(weak.clear_evidence_of_sale, false);
    const moderate = review(makeCase({ evidence: { indicia: ['ledger', 'phone_records'] } }));
    assert.equal(moderate.clear_evidence_of_sale, true);
  });

  it('quantity is weighed against a realistic personal-use amount (daily amount x days of supply)', () => {
    const daily = value<number>('policy.dpa_2019.personal_use.daily_grams.heroin');
    const days = value<number>('policy.dpa_2019.personal_use.supply_days');
    const limit = daily * days;
    const within = review(heroinCase(limit));
    assert.equal(within.personal_use.within_personal_use, true);
    assert.equal(strengthOf(within, 'quantity'), 'weak');
    assert.deepEqual(within.personal_use.items[0]?.personal_use_amount, { grams: limit });

    const above = review(heroinCase(limit * 2));
    assert.equal(above.personal_use.within_personal_use, false);
    assert.equal(strengthOf(above, 'quantity'), 'moderate');
    assert.ok(above.findings.some((f) => f.code === 'indicia.personal_use.above'));

    const q = value<{ strong_at_multiple_of_personal_use: number }>(
      'policy.dpa_2019.indicia.quantity_strength',
    );
    assert.equal(
      strengthOf(review(heroinCase(limit * q.strong_at_multiple_of_personal_use)), 'quantity'),
      'strong',
    );
  });

  it('the personal-use table is configurable: an office that halves the days of supply changes the outcome', () => {
    const daily = value<number>('policy.dpa_2019.personal_use.daily_grams.heroin');
    const days = value<number>('policy.dpa_2019.personal_use.supply_days');
    const grams = daily * days;
    const stricter = patchedBook({ 'policy.dpa_2019.personal_use.supply_days': days / 2 });
    assert.equal(review(heroinCase(grams)).personal_use.within_personal_use, true);
    assert.equal(review(heroinCase(grams), stricter).personal_use.within_personal_use, false);
  });

  it("pills are compared by count with a legislature's personal-possession line", () => {
    const r = review(
      makeCase({
        conduct: {
          activities: ['possessed'],
          drugs: [{ substance: 'oxycodone', grams: 10, count: 35, basis: 'possessed' }],
        },
      }),
    );
    assert.equal(r.personal_use.within_personal_use, true);
  });

  it('a substance without a cited personal-use amount is unknown, not guessed', () => {
    const r = review(
      makeCase({
        conduct: {
          activities: ['possessed'],
          drugs: [{ substance: 'fentanyl', grams: 1, basis: 'possessed' }],
        },
        evidence: { indicia: ['quantity'] },
      }),
    );
    assert.equal(r.personal_use.within_personal_use, null);
    assert.ok(r.findings.some((f) => f.code === 'indicia.personal_use.unknown'));
    assert.ok(
      r.findings.some(
        (f) =>
          f.code === 'law.value_unverified' &&
          f.values?.area === 'indicia' &&
          String(f.values?.parameter).endsWith('daily_grams.fentanyl'),
      ),
    );
    assert.equal(
      strengthOf(r, 'quantity'),
      value<{ unknown_personal_use: string }>('policy.dpa_2019.indicia.quantity_strength')
        .unknown_personal_use,
    );
  });

  it('Arizona: 1.5 g heroin reaches the 1 g threshold amount although it is a personal-use amount', () => {
    const r = review(CASES.arizonaHeroin());
    const reached = r.findings.find((f) => f.code === 'indicia.presumption_of_sale.reached');
    assert.ok(reached);
    assert.equal(reached.values?.within_personal_use, true);
    assert.ok(reached.citations.some((c) => c.includes('A.R.S. 13-3401(36)')));
    assert.equal(r.personal_use.items[0]?.presumption_of_sale?.reached, true);
    // reaching the threshold alone does not make the quantity stronger evidence under the policy
    assert.equal(strengthOf(r, 'quantity'), 'weak');
    assert.equal(r.clear_evidence_of_sale, false);
  });

  it('Arizona below the threshold, and before the first sourced date, are told apart', () => {
    const below = review(
      makeCase({
        jurisdiction: 'US-AZ',
        offense_date: '2018-05-01',
        conduct: { drugs: [{ substance: 'cocaine', grams: 2, basis: 'possessed' }] },
      }),
    );
    assert.ok(below.findings.some((f) => f.code === 'indicia.presumption_of_sale.not_reached'));
    const early = review(makeCase({ jurisdiction: 'US-AZ', offense_date: '2010-01-01' }));
    assert.ok(early.findings.some((f) => f.code === 'indicia.presumption_of_sale.not_known_for_date'));
  });

  it("an attributed network quantity is not the person's quantity", () => {
    const r = review(CASES.lookout1000kg());
    assert.equal(r.personal_use.items.length, 0);
    assert.ok(r.findings.some((f) => f.code === 'indicia.ignored.attributed_quantity'));
    assert.equal(strengthOf(r, 'co_defendant_testimony'), 'weak');
    assert.equal(strengthOf(r, 'informant_statement'), 'weak');
    assert.equal(r.clear_evidence_of_sale, false);
  });

  it('no indicia listed: nothing to weigh, no clear evidence', () => {
    const r = review(CASES.possessionOnly());
    assert.deepEqual(r.verdicts, []);
    assert.equal(r.clear_evidence_of_sale, false);
    assert.ok(r.findings.some((f) => f.code === 'indicia.none_relied_on'));
  });
});
