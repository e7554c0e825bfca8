import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../src/engine/compare.ts';
import { assessUnder, reformCatalog, resolveScenario, type Scenario } from '../src/engine/scenarios.ts';
import { defaultLawBook } from '../src/law/loader.ts';
import { applyReform, type Reform, ReformError, reformSchema } from '../src/law/reform.ts';
import { termGte } from '../src/model/terms.ts';
import { generateCases } from '../src/synthetic/generate.ts';
import { EVALUATION, ROOT, readJson, validCase } from './helpers/cases.ts';

const story = (slug: string) => validCase(readJson(`${ROOT}examples/cases/${slug}.json`));
const exposure = (slug: string, scenario: string) => {
  const e = assessUnder(story(slug), resolveScenario(scenario), { evaluationDate: EVALUATION }).exposure;
  return [e?.statutory.minimum_months, e?.statutory.maximum_months, e?.mandatory_minimum_months];
};
const ENACTED = [
  'ga-hb-1176-2012',
  'mi-pa-665-2002',
  'la-acts-281-282-2017',
  'nc-jra-2011',
  'fl-sb-360-2014',
];

// The five states' own reforms (issue 11 item 4), written as the law they enacted: each provision names the
// parameters and the date their enacted value is read from, so the scenario cannot drift from the dated law.
describe("the states' enacted reforms as scenarios", () => {
  it('each is in the catalog, enacted, not retroactive, and patches the law of the day before it took effect', () => {
    const catalog = reformCatalog();
    for (const id of ENACTED) {
      const r = catalog.get(id) as Reform;
      assert.ok(r, id);
      assert.equal(r.status, 'enacted');
      assert.equal(r.retroactive.applies, false, id);
      assert.ok(typeof r.applies_over === 'object' && r.applies_over.law_of < (r.effective as string), id);
      for (const p of r.provisions) assert.ok(p.in_force_on && p.in_force_on >= (r.effective as string), id);
    }
  });

  it('Cynthia Powell (FL 2002, 29.3 g hydrocodone): 25-30 years then; under SB 360 the 28-50 g tier, 7-30 years', () => {
    assert.deepEqual(exposure('cynthia-powell', 'law_at_sentencing'), [300, 360, 300]);
    assert.deepEqual(exposure('cynthia-powell', 'fl-sb-360-2014'), [84, 360, 84]);
  });

  it('Caswick Naverro (LA 2016, 27 g Schedule II): 2-30 years then; 1-10 under Act 281', () => {
    assert.deepEqual(exposure('caswick-naverro', 'la-acts-281-282-2017'), [12, 120, 12]);
  });

  it('Louise Vincent (NC 2003, Class G, level I): the JRA adds 9 months of post-release supervision to the maximum', () => {
    assert.deepEqual(exposure('louise-vincent', 'law_at_sentencing'), [0, 20, 0]);
    assert.deepEqual(exposure('louise-vincent', 'nc-jra-2011'), [0, 29, 0]);
  });

  it('a repealed tier is not in force under the scenario: Michigan 1994, 100 g of cocaine delivered', () => {
    const c = validCase({
      id: 'mi-100g',
      jurisdiction: 'US-MI',
      offense_date: '1994-05-01',
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [{ substance: 'cocaine', grams: 100, basis: 'transacted' }],
        compensation: 'profit',
        weapon: 'none',
        firearm_counts: 0,
        violence: 'none',
      },
      evidence: { indicia: ['controlled_buy'] },
      history: { priors: [] },
    });
    const at = (s: string) =>
      assessUnder(c, resolveScenario(s), { evaluationDate: EVALUATION }).exposure?.mandatory_minimum_months;
    assert.ok(termGte(at('law_at_sentencing') as number, 1), 'a mandatory minimum before 2003');
    assert.equal(at('mi-pa-665-2002'), 0);
    const cmp = compare(c, ['law_at_sentencing', 'mi-pa-665-2002'], { evaluationDate: EVALUATION });
    assert.equal(cmp.retroactivity[0]?.may_seek_reduction, false);
  });

  it('a reform declared never harsher never raises the lowest term or the maximum over the law of the day before it', () => {
    const law = defaultLawBook();
    const jurisdictions = ['US-GA', 'US-MI', 'US-LA', 'US-FL'];
    for (const id of ENACTED) {
      const reform = reformCatalog().get(id) as Reform;
      if (!reform.never_harsher || typeof reform.applies_over !== 'object') continue;
      const before: Scenario = {
        id: 'before',
        title: 'before',
        kind: 'built_in',
        law,
        dates: reform.applies_over,
      };
      let compared = 0;
      for (const j of jurisdictions)
        for (const c of generateCases(150, 11, { jurisdiction: j })) {
          const b = assessUnder(c, before, { evaluationDate: EVALUATION, messages: false }).exposure;
          const a = assessUnder(c, resolveScenario(id), {
            evaluationDate: EVALUATION,
            messages: false,
          }).exposure;
          // the lowest term and the maximum (a state term without a grid is a lower bound on both sides)
          for (const [x, y] of [
            [b?.statutory.minimum_months, a?.statutory.minimum_months],
            [b?.statutory.maximum_months, a?.statutory.maximum_months],
          ]) {
            if (x === null || x === undefined || y === null || y === undefined) continue;
            compared++;
            assert.ok(termGte(x, y), `${id} on ${c.id} (${j}): ${String(y)} > ${String(x)}`);
          }
        }
      assert.ok(compared > 0, id);
    }
  });

  it('in_force_on: a date on which none of the parameters is in force, or a value beside it, is an error', () => {
    const base = reformCatalog().get('ga-hb-1176-2012') as Reform;
    const early = {
      ...base,
      provisions: [
        { parameter: 'us_ga.ga16_13_30.penalty.possession_lt_1g', in_force_on: '2000-01-01', cite: 'c' },
      ],
    };
    assert.throws(
      () => applyReform(defaultLawBook(), early),
      (e: unknown) =>
        e instanceof ReformError &&
        /provisions\.0\.in_force_on: none of .* is in force on 2000-01-01/.test(e.message),
    );
    const both = reformSchema.safeParse({
      ...base,
      provisions: [{ ...base.provisions[0], value: 'weight_tiers' }],
    });
    assert.equal(both.success, false);
    assert.match(JSON.stringify(both.error?.issues), /give either value or in_force_on/);
  });
});
