import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectedTerm } from '../src/engine/relief.ts';
import { assessUnder, reformCatalog, resolveScenario } from '../src/engine/scenarios.ts';
import type { Assessment } from '../src/model/assessment.ts';
import type { Case } from '../src/model/case.ts';
import { type Term, termGte } from '../src/model/terms.ts';
import { EVALUATION, ROOT, readJson, validCase } from './helpers/cases.ts';
import { fc, runs } from './helpers/fc.ts';

/** The reforms of issue 13 the catalog lacked: the safety valve, the career offender, methamphetamine purity. */
const REFORMS = ['safety-valve-expansion', 'career-offender-violent-only', 'meth-purity-equalization'];

const under = (c: Case, scenario: string, messages = true): Assessment =>
  assessUnder(c, resolveScenario(scenario), { evaluationDate: EVALUATION, messages });
const golden = (path: string): Case =>
  validCase((readJson(`${ROOT}tests/examples/${path}`) as { case: unknown }).case);
const codes = (a: Assessment) => a.findings.map((f) => f.code);

describe('issue-13 reforms in the catalog', () => {
  it('each is a proposal with its sources, an effective rule and a retroactivity stated', () => {
    const catalog = reformCatalog();
    for (const id of REFORMS) {
      const r = catalog.get(id);
      assert.ok(r, id);
      assert.equal(r.never_harsher, true, id);
      assert.ok(r.retroactive.who.length > 0 && r.retroactive.cite.length > 0, id);
      for (const p of r.provisions)
        assert.ok((p.sources ?? []).length > 0, `${id}: ${p.parameter} cites sources`);
    }
  });
});

describe('a worked case per reform', () => {
  it('safety valve without the history bar: a 3-point prior no longer keeps the 10-year minimum', () => {
    const c = validCase({
      jurisdiction: 'US-FED',
      offense_date: '2024-03-01',
      sentencing_date: '2024-09-01',
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [{ substance: 'heroin', grams: 1000, basis: 'transacted' }],
      },
      history: {
        priors: [
          {
            date: '2016-01-01',
            kind: 'drug_distribution',
            felony: true,
            sentence_months: 36,
            served_months: 30,
            release_date: '2018-06-01',
            max_term_months: 240,
          },
        ],
      },
      cooperation: {
        truthful_disclosure: true,
        accepted_responsibility: true,
        acceptance_government_motion: true,
      },
      charging: { information_851: false },
    });
    const today = under(c, 'law_today');
    assert.equal(today.exposure?.safety_valve.eligible, false);
    assert.ok(codes(today).includes('exposure.safety_valve.failed.criminal_history'));
    assert.equal(today.exposure?.mandatory_minimum_months, 120);
    const reformed = under(c, 'safety-valve-expansion');
    assert.equal(reformed.exposure?.safety_valve.eligible, true);
    assert.ok(codes(reformed).includes('exposure.safety_valve.no_history_criterion'));
    assert.equal(reformed.exposure?.mandatory_minimum_months, 0);
    // 30 - 3 (acceptance) = 27, and the 2-level safety-valve reduction: 25, category II, 63-78.
    assert.equal(reformed.exposure?.guidelines?.offense_level, 25);
    assert.deepEqual(reformed.exposure?.guidelines?.range_months, [63, 78]);
  });

  it('career offender for violent offenders only: two drug priors no longer make EX14 a career offender; a violent one still does', () => {
    const ex14 = golden('ussg-4b1-1/ex14-career-offender.json');
    const today = under(ex14, 'law_today').exposure?.guidelines;
    assert.equal(today?.offense_level, 31);
    assert.equal(today?.criminal_history_category, 'VI');
    const reformed = under(ex14, 'career-offender-violent-only');
    assert.ok(codes(reformed).includes('guidelines.career_offender.drug_only_excluded'));
    // 28 g crack: 24 - 3 = 21, category III (3 + 3 points), 46-57, raised to the 60-month minimum.
    assert.equal(reformed.exposure?.guidelines?.offense_level, 21);
    assert.equal(reformed.exposure?.guidelines?.criminal_history_category, 'III');
    assert.deepEqual(reformed.exposure?.guidelines?.range_months, [60, 60]);

    const priors = ex14.history?.priors ?? [];
    const mixed = validCase({ ...ex14, history: { priors: [{ ...priors[0], kind: 'violent' }, priors[1]] } });
    assert.equal(under(mixed, 'career-offender-violent-only').exposure?.guidelines?.offense_level, 31);
  });

  it('methamphetamine purity equalization: 4.5 g actual and 60 g of Ice read on the mixture rows', () => {
    const actual = golden('ussg-2d1-1/ex11-meth-actual-4-5g-current.json');
    // law today: actual row level 22, zero-point -2 = 20 (33-41); mixture row: 12 - 2 = 10 (6-12)
    assert.equal(under(actual, 'law_today').exposure?.guidelines?.offense_level, 20);
    const reformed = under(actual, 'meth-purity-equalization').exposure?.guidelines;
    assert.equal(reformed?.offense_level, 10);
    assert.deepEqual(reformed?.range_months, [6, 12]);

    const ice = validCase({
      jurisdiction: 'US-FED',
      offense_date: '2024-03-01',
      sentencing_date: '2024-09-01',
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [{ substance: 'ice', grams: 60, basis: 'transacted' }],
      },
      cooperation: {
        truthful_disclosure: false,
        accepted_responsibility: true,
        acceptance_government_motion: true,
      },
    });
    // Ice 50-150 g: 30 - 3 - 2 = 25 (57-71, 60-71 after the minimum); mixture 50-200 g: 24 - 3 - 2 = 19 (30-37)
    assert.equal(under(ice, 'law_today').exposure?.guidelines?.offense_level, 25);
    const iceReformed = under(ice, 'meth-purity-equalization').exposure;
    assert.equal(iceReformed?.guidelines?.offense_level, 19);
    assert.deepEqual(iceReformed?.guidelines?.table_range_months, [30, 37]);
    // The statute's purity triggers are Congress's and unchanged: the 5-year minimum stays.
    assert.equal(iceReformed?.mandatory_minimum_months, 60);
  });
});

const priorArb = fc.record({
  kind: fc.constantFrom('drug_distribution', 'violent', 'drug_possession'),
  sentence: fc.constantFrom(6, 18, 36, 60),
  yearsBefore: fc.integer({ min: 2, max: 12 }),
});
const caseArb = fc.record({
  year: fc.integer({ min: 2011, max: 2026 }),
  substance: fc.constantFrom(
    'methamphetamine',
    'methamphetamine_actual',
    'ice',
    'heroin',
    'cocaine_base',
    'fentanyl',
  ),
  grams: fc.double({ min: 0.5, max: 20_000, noNaN: true }),
  purity: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
  activity: fc.constantFrom('sold_retail', 'sold_wholesale', 'carried_on_body', 'organized'),
  priors: fc.array(priorArb, { maxLength: 3 }),
  truthful: fc.boolean(),
  accepted: fc.boolean(),
  weapon: fc.constantFrom('none', 'possessed'),
});
const toCase = (g: typeof caseArb extends fc.Arbitrary<infer T> ? T : never): Case =>
  validCase({
    jurisdiction: 'US-FED',
    offense_date: `${g.year}-05-01`,
    conduct: {
      activities: [g.activity],
      drugs: [
        {
          substance: g.substance,
          grams: g.grams,
          basis: 'transacted',
          ...(g.substance === 'methamphetamine' && g.purity !== undefined ? { purity: g.purity } : {}),
        },
      ],
      weapon: g.weapon,
    },
    history: {
      priors: g.priors.map((p) => ({
        date: `${g.year - p.yearsBefore}-01-01`,
        kind: p.kind,
        felony: true,
        sentence_months: p.sentence,
        served_months: p.sentence,
        release_date: `${g.year - p.yearsBefore + Math.ceil(p.sentence / 12)}-02-01`,
        max_term_months: 240,
      })),
    },
    cooperation: { truthful_disclosure: g.truthful, accepted_responsibility: g.accepted },
  });

const notAbove = (reformed: Term | null | undefined, base: Term | null | undefined, what: string) => {
  if (reformed === null || reformed === undefined || base === null || base === undefined) return;
  assert.ok(termGte(base, reformed), `${what}: ${String(reformed)} > ${String(base)}`);
};

describe('issue-13 reform properties', () => {
  it('none of them raises the minimum, the guideline range or the expected term over the law it patches', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...REFORMS), (g, id) => {
        const c = toCase(g);
        const base = under(c, 'law_today', false);
        const reformed = under(c, id, false);
        const [b, r] = [base.exposure, reformed.exposure];
        notAbove(r?.mandatory_minimum_months, b?.mandatory_minimum_months, `${id} minimum`);
        const bg = b?.guidelines;
        const rg = r?.guidelines;
        if (bg && rg) {
          notAbove(rg.offense_level, bg.offense_level, `${id} offense level`);
          const [br, rr] = [
            bg.total_range_months ?? bg.range_months,
            rg.total_range_months ?? rg.range_months,
          ];
          notAbove(rr[0], br[0], `${id} range floor`);
          notAbove(rr[1], br[1], `${id} range top`);
        }
        notAbove(expectedTerm(reformed), expectedTerm(base), `${id} expected term`);
      }),
      { numRuns: runs(150) },
    );
  });
});
