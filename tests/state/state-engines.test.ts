import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessUnder, resolveScenario } from '../../src/engine/scenarios.ts';
import { defaultLawBook } from '../../src/law/loader.ts';
import type { Assessment } from '../../src/model/assessment.ts';
import { assessmentSchema } from '../../src/model/assessment-schema.ts';
import { addDays } from '../../src/model/dates.ts';
import { type Term, termGte } from '../../src/model/terms.ts';
import { assessCase, EVALUATION, validCase } from '../helpers/cases.ts';
import { fc, runs } from '../helpers/fc.ts';

const STATES = ['US-GA', 'US-FL', 'US-MI', 'US-NC', 'US-LA'] as const;
const prefixOf = (j: string) => `${j.toLowerCase().replace('-', '_')}.`;
const law = defaultLawBook();
const stateParams = (j: string) => [...law.params].filter(([id]) => id.startsWith(prefixOf(j)));

describe('state law data invariants', () => {
  for (const j of STATES) {
    it(`${j}: every engine parameter the framework reads exists`, () => {
      const p = prefixOf(j);
      for (const id of [
        'charging.activity_classes',
        'charging.intent_indicia',
        'recidivism.prior_enhancements',
      ])
        assert.ok(law.has(`${p}${id}`), `${p}${id}`);
    });
    it(`${j}: every penalty row has the shared row shape (so reforms reach it by name)`, () => {
      const rows = stateParams(j).filter(
        ([id]) => id.split('.')[2] === 'penalty' && id.split('.').length === 4,
      );
      assert.ok(rows.length > 0);
      for (const [id, p] of rows)
        for (const v of p.values) {
          assert.ok(v.value !== null && typeof v.value === 'object', `${id} from ${v.from}: an object`);
          for (const k of ['min_months', 'max_months', 'mandatory_months', 'probation'])
            assert.ok(k in (v.value as object), `${id} from ${v.from}: has ${k}`);
          const r = v.value as {
            min_months: Term | null;
            max_months: Term | null;
            mandatory_months: Term | null;
          };
          if (r.min_months !== null && r.max_months !== null)
            assert.ok(termGte(r.max_months, r.min_months), `${id} from ${v.from}: max >= min`);
          if (r.mandatory_months !== null && r.max_months !== null)
            assert.ok(termGte(r.max_months, r.mandatory_months), `${id} from ${v.from}: max >= mandatory`);
        }
    });
    it(`${j}: weight tiers of one drug on one date are contiguous, non-overlapping and never milder as weight rises`, () => {
      const rows = stateParams(j).filter(([id]) => id.includes('.penalty.'));
      const dates = new Set<string>();
      for (const [, p] of rows) for (const v of p.values) dates.add(v.from);
      for (const d of dates) {
        const inForce = law.period(d);
        const byFamily = new Map<
          string,
          {
            from_g: number;
            to_g?: number;
            mandatory_months: Term | null;
            max_months: Term | null;
            id: string;
          }[]
        >();
        for (const [id] of rows) {
          const r = inForce.lookup<Record<string, unknown>>(id);
          if (!r || typeof r.value?.from_g !== 'number') continue;
          const family = `${id.split('.').slice(0, 3).join('.')}:${String(r.value.drug)}:${id.split('.')[3]?.split('_')[0]}`;
          const list = byFamily.get(family) ?? [];
          list.push({
            ...(r.value as { from_g: number; mandatory_months: Term | null; max_months: Term | null }),
            id,
          });
          byFamily.set(family, list);
        }
        for (const [family, list] of byFamily) {
          list.sort((a, b) => a.from_g - b.from_g);
          for (let i = 1; i < list.length; i++) {
            const a = list[i - 1];
            const b = list[i];
            if (!a || !b) continue;
            assert.equal(a.to_g, b.from_g, `${family} on ${d}: ${a.id} ends where ${b.id} starts`);
            if (a.mandatory_months !== null && b.mandatory_months !== null)
              assert.ok(
                termGte(b.mandatory_months, a.mandatory_months),
                `${family} on ${d}: ${b.id} minimum not lower`,
              );
            if (a.max_months !== null && b.max_months !== null)
              assert.ok(termGte(b.max_months, a.max_months), `${family} on ${d}: ${b.id} maximum not lower`);
          }
        }
      }
    });
  }
});

/** Canonical cases per state: possession, a sale, a trafficking weight, a repeat seller with a gun. */
function canonical(j: string, date: string) {
  const base = { jurisdiction: j, offense_date: date };
  return [
    {
      ...base,
      conduct: {
        activities: ['possessed'],
        drugs: [{ substance: 'cocaine', grams: 0.5, basis: 'possessed' }],
      },
    },
    {
      ...base,
      conduct: {
        activities: ['sold_retail'],
        drugs: [{ substance: 'heroin', grams: 3, basis: 'transacted' }],
      },
    },
    {
      ...base,
      conduct: {
        activities: ['possessed'],
        drugs: [{ substance: 'cocaine', grams: 60, basis: 'possessed' }],
      },
    },
    {
      ...base,
      conduct: {
        activities: ['possessed'],
        drugs: [{ substance: 'oxycodone', grams: 30, basis: 'possessed' }],
      },
    },
    {
      ...base,
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [{ substance: 'marijuana', grams: 20000, basis: 'transacted' }],
      },
    },
    {
      ...base,
      conduct: {
        activities: ['sold_retail'],
        weapon: 'possessed',
        drugs: [{ substance: 'cocaine', grams: 5, basis: 'transacted' }],
      },
      history: {
        priors: [
          { date: addDays(date, -4000), kind: 'drug_distribution', felony: true },
          { date: addDays(date, -2500), kind: 'other', felony: true },
          { date: addDays(date, -900), kind: 'drug_possession', felony: true },
        ],
      },
    },
  ];
}

/** A state result is either computed or explained: null bounds always come with a coded reason. */
function explained(a: Assessment, where: string): void {
  assessmentSchema.parse(a);
  const e = a.exposure;
  assert.ok(e, where);
  if (e.statutory.maximum_months === null || e.mandatory_minimum_months === null) {
    const codes = a.findings.map((f) => f.code);
    assert.ok(
      codes.some((c) => c.startsWith('exposure.state.') || c === 'law.gap'),
      `${where}: a null bound names its reason (${codes.join(', ')})`,
    );
  }
  assert.ok(
    !a.findings.some((f) => f.code.startsWith('exposure.safety_valve')),
    `${where}: no federal safety-valve line`,
  );
}

describe('temporal sweep: every state effective date, the day before and the day after', () => {
  for (const j of STATES) {
    it(`${j}: every boundary date ±1 day assesses to the contract with each gap explained`, () => {
      const dates = new Set<string>();
      for (const [, p] of stateParams(j))
        for (const v of p.values) for (const d of [v.from, v.to]) if (d && d > '1990-01-01') dates.add(d);
      assert.ok(dates.size > 3, `${j} has dated law`);
      for (const d of dates)
        for (const day of [addDays(d, -1), d, addDays(d, 1)])
          for (const [i, c] of canonical(j, day).entries())
            explained(assessCase(c), `${j} case ${i} on ${day}`);
    });
  }
  it('known boundaries move the numbers the way the law did', () => {
    const at = (j: string, d: string, i: number) => assessCase(canonical(j, d)[i]).exposure;
    // Michigan 2002 PA 665: possession of 60 g of cocaine - the pre-2003 tiers below 650 g are not in the
    // knowledge base (refused, not guessed); from 2003-03-01 the 50-450 g tier, up to 20 years, no minimum.
    assert.equal(at('US-MI', '2003-02-28', 2)?.mandatory_minimum_months, null);
    assert.equal(at('US-MI', '2003-03-01', 2)?.mandatory_minimum_months, 0);
    assert.equal(at('US-MI', '2003-03-01', 2)?.statutory.maximum_months, 240);
    // Florida SB 360: 30 g of oxycodone possessed - illegal-drugs 28 g tier (25 years) before, oxycodone 25 g tier (15 years) after.
    assert.equal(at('US-FL', '2014-06-30', 3)?.mandatory_minimum_months, 300);
    assert.equal(at('US-FL', '2014-07-01', 3)?.mandatory_minimum_months, 180);
    // North Carolina JRA: the 60 g cocaine trafficking maximum rises from 42 to 51 months.
    assert.equal(at('US-NC', '2011-11-30', 2)?.statutory.maximum_months, 42);
    assert.equal(at('US-NC', '2011-12-01', 2)?.statutory.maximum_months, 51);
    // Georgia HB 1176: 0.5 g possession drops from 2-15 years to 1-3 years.
    assert.equal(at('US-GA', '2012-06-30', 0)?.statutory.maximum_months, 180);
    assert.equal(at('US-GA', '2012-07-01', 0)?.statutory.maximum_months, 36);
    // Louisiana Act 281: a 3 g heroin sale... is refused after it (the new heroin range is not verified).
    assert.equal(at('US-LA', '2017-07-31', 1)?.mandatory_minimum_months, 60);
    assert.equal(at('US-LA', '2017-08-01', 1)?.mandatory_minimum_months, null);
  });
});

const termAtLeast = (a: Term | null | undefined, b: Term | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined || termGte(a, b);

const gen = fc.record({
  j: fc.constantFrom(...STATES),
  year: fc.integer({ min: 2000, max: 2026 }),
  substance: fc.constantFrom(
    'heroin',
    'cocaine',
    'cocaine_base',
    'oxycodone',
    'hydrocodone',
    'marijuana',
    'methamphetamine',
  ),
  grams: fc.double({ min: 0.05, max: 5000, noNaN: true }),
  activity: fc.constantFrom('possessed', 'sold_retail', 'sold_wholesale', 'packaged'),
  priors: fc.array(
    fc.record({
      years: fc.integer({ min: 1, max: 15 }),
      kind: fc.constantFrom('drug_possession', 'drug_distribution', 'violent', 'other'),
      felony: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  weapon: fc.constantFrom('none', 'possessed'),
});
type G = typeof gen extends fc.Arbitrary<infer T> ? T : never;
function toCase(g: G, o: Partial<{ grams: number; priors: G['priors']; weapon: string }> = {}) {
  const date = `${g.year}-06-15`;
  return {
    jurisdiction: g.j,
    offense_date: date,
    conduct: {
      activities: [g.activity],
      weapon: o.weapon ?? g.weapon,
      drugs: [
        {
          substance: g.substance,
          grams: o.grams ?? g.grams,
          basis: g.activity === 'possessed' ? 'possessed' : 'transacted',
        },
      ],
    },
    history: {
      priors: (o.priors ?? g.priors).map((p) => ({
        date: `${g.year - p.years}-01-15`,
        kind: p.kind,
        felony: p.felony,
      })),
    },
  };
}
const numbers = (a: Assessment) => [
  a.exposure?.statutory.minimum_months,
  a.exposure?.statutory.maximum_months,
  a.exposure?.mandatory_minimum_months,
];
function neverLower(a: Assessment, b: Assessment, what: string) {
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < x.length; i++)
    assert.ok(termAtLeast(y[i], x[i]), `${what}: ${JSON.stringify(x)} -> ${JSON.stringify(y)}`);
}

describe('state exposure properties', () => {
  it('more grams never lowers any exposure number', () => {
    fc.assert(
      fc.property(gen, fc.double({ min: 1, max: 50, noNaN: true }), (g, k) => {
        neverLower(assessCase(toCase(g)), assessCase(toCase(g, { grams: g.grams * k })), `x${k} grams`);
      }),
      { numRuns: runs(150) },
    );
  });
  it('another prior never lowers any exposure number', () => {
    fc.assert(
      fc.property(gen, (g) => {
        const more = [...g.priors, { years: 2, kind: 'drug_distribution' as const, felony: true }];
        neverLower(assessCase(toCase(g)), assessCase(toCase(g, { priors: more })), 'one more prior');
      }),
      { numRuns: runs(150) },
    );
  });
  it('a firearm never lowers any exposure number', () => {
    fc.assert(
      fc.property(gen, (g) => {
        neverLower(
          assessCase(toCase(g, { weapon: 'none' })),
          assessCase(toCase(g, { weapon: 'possessed' })),
          'firearm',
        );
      }),
      { numRuns: runs(150) },
    );
  });
  it('under no-mandatory-minimums no state minimum stays above 0', () => {
    const scenario = resolveScenario('no-mandatory-minimums');
    fc.assert(
      fc.property(gen, (g) => {
        const a = assessUnder(validCase(toCase(g)), scenario, { evaluationDate: EVALUATION });
        for (const v of [a.exposure?.statutory.minimum_months, a.exposure?.mandatory_minimum_months])
          assert.ok(v === null || v === 0, `minimum ${JSON.stringify(v)} under no-mandatory-minimums`);
      }),
      { numRuns: runs(150) },
    );
  });
  it('under no-prior-enhancements priors change nothing but the grid record', () => {
    const scenario = resolveScenario('no-prior-enhancements');
    fc.assert(
      fc.property(gen, (g) => {
        const a = assessUnder(validCase(toCase(g)), scenario, { evaluationDate: EVALUATION });
        const b = assessUnder(validCase(toCase(g, { priors: [] })), scenario, { evaluationDate: EVALUATION });
        assert.deepEqual(numbers(a), numbers(b));
      }),
      { numRuns: runs(100) },
    );
  });
});
