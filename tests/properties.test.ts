import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Assessment } from '../src/model/assessment.ts';
import { type Term, termGte } from '../src/model/terms.ts';
import { assessCase } from './helpers/cases.ts';
import { fc, runs } from './helpers/fc.ts';

const SUBSTANCES = [
  'heroin',
  'cocaine',
  'cocaine_base',
  'methamphetamine',
  'fentanyl',
  'marijuana',
  'lsd',
  'pcp',
] as const;
const ACTIVITIES = [
  'sold_retail',
  'sold_wholesale',
  'transported_vehicle',
  'possessed',
  'carried_on_body',
] as const;

const date = fc.integer({ min: 1995, max: 2026 }).chain((y) => fc.constant(`${y}-0${(y % 9) + 1}-15`));
const prior = fc.record({
  year: fc.integer({ min: 1980, max: 1994 }),
  kind: fc.constantFrom('drug_possession', 'drug_distribution', 'violent', 'other'),
  felony: fc.boolean(),
  sentence_months: fc.integer({ min: 0, max: 120 }),
});

const caseArb = fc.record({
  date,
  substance: fc.constantFrom(...SUBSTANCES),
  grams: fc.double({ min: 0.01, max: 2_000_000, noNaN: true }),
  activity: fc.constantFrom(...ACTIVITIES),
  attributed: fc.boolean(),
  priors: fc.array(prior, { maxLength: 3 }),
  weapon: fc.constantFrom('none', 'nearby', 'possessed'),
  counts: fc.integer({ min: 0, max: 3 }),
  disclosure: fc.boolean(),
  acceptance: fc.boolean(),
});

type Gen = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function toCase(g: Gen, grams = g.grams, priors = g.priors) {
  return {
    jurisdiction: 'US-FED',
    offense_date: g.date,
    conduct: {
      activities: [g.activity],
      drugs: [
        {
          substance: g.substance,
          grams,
          basis: g.attributed ? 'attributed' : g.activity === 'possessed' ? 'possessed' : 'transacted',
        },
      ],
      weapon: g.weapon,
      firearm_counts: g.weapon === 'possessed' ? g.counts : 0,
    },
    history: {
      priors: priors.map((p) => ({
        date: `${p.year}-06-01`,
        kind: p.kind,
        felony: p.felony,
        sentence_months: p.sentence_months,
        served_months: p.sentence_months,
        release_date: `${p.year + 1}-06-01`,
        max_term_months: 240,
      })),
    },
    cooperation: { truthful_disclosure: g.disclosure, accepted_responsibility: g.acceptance },
  };
}

/** Each exposure number of `b` is at least that of `a`. */
function notLower(a: Assessment, b: Assessment): void {
  const ea = a.exposure;
  const eb = b.exposure;
  assert.ok(ea && eb);
  const ge = (x: Term | null | undefined, y: Term | null | undefined, what: string) => {
    if (x == null || y == null) return;
    assert.ok(termGte(x, y), `${what}: ${String(x)} < ${String(y)}`);
  };
  ge(eb.statutory.minimum_months, ea.statutory.minimum_months, 'statutory minimum');
  ge(eb.statutory.maximum_months, ea.statutory.maximum_months, 'statutory maximum');
  ge(eb.mandatory_minimum_months, ea.mandatory_minimum_months, 'mandatory minimum');
  if (ea.guidelines && eb.guidelines) {
    ge(eb.guidelines.range_months[0], ea.guidelines.range_months[0], 'guideline minimum');
    ge(eb.guidelines.range_months[1], ea.guidelines.range_months[1], 'guideline maximum');
  }
}

describe('properties', () => {
  it('more grams never lower the exposure', () => {
    fc.assert(
      fc.property(caseArb, fc.double({ min: 1, max: 1000, noNaN: true }), (g, factor) => {
        notLower(assessCase(toCase(g)), assessCase(toCase(g, g.grams * factor)));
      }),
      { numRuns: runs(300) },
    );
  });

  it('more doses of LSD or more marijuana plants never lower the exposure', () => {
    // Counted quantities: doses (weighed by the Manual at 0.4 mg each; the statute's tier open without grams)
    // and plants (the 50-plant rule before Nov. 1995 jumps from 100 g to 1 kg a plant).
    const counted = fc.record({
      g: caseArb,
      plants: fc.boolean(),
      units: fc.integer({ min: 1, max: 1_000_000 }),
      weighed: fc.boolean(),
    });
    const toCounted = (c: { g: Gen; plants: boolean; units: number; weighed: boolean }, units: number) => {
      const k = toCase(c.g);
      const drug = c.plants
        ? { substance: 'marijuana_plants', basis: 'transacted', count: units }
        : {
            substance: 'lsd',
            basis: 'transacted',
            dosage_units: units,
            ...(c.weighed ? { grams: c.g.grams } : {}),
          };
      return { ...k, conduct: { ...k.conduct, drugs: [drug] } };
    };
    fc.assert(
      fc.property(counted, fc.integer({ min: 1, max: 1000 }), (c, factor) => {
        notLower(assessCase(toCounted(c, c.units)), assessCase(toCounted(c, c.units * factor)));
      }),
      { numRuns: runs(200) },
    );
  });

  it('more prior convictions never lower the exposure', () => {
    fc.assert(
      fc.property(caseArb, prior, (g, extra) => {
        notLower(assessCase(toCase(g)), assessCase(toCase(g, g.grams, [...g.priors, extra])));
      }),
      { numRuns: runs(300) },
    );
  });

  it('every exposure number carries a citation', () => {
    fc.assert(
      fc.property(caseArb, (g) => {
        const e = assessCase(toCase(g)).exposure;
        assert.ok(e);
        if (e.statutory.minimum_months !== null)
          assert.ok(e.statutory.citations.length > 0, 'statutory range');
        if (e.firearms.consecutive_minimum_months !== 0)
          assert.ok(e.firearms.citations.length > 0, 'firearms');
        assert.ok(e.safety_valve.citations.length > 0, 'safety valve');
        if (e.guidelines)
          assert.ok(
            (e.guidelines.citations ?? []).length > 0 && e.guidelines.steps?.every((s) => s.citation),
            'guidelines',
          );
      }),
      { numRuns: runs(200) },
    );
  });
});
