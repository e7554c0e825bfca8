import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare } from '../src/engine/compare.ts';
import { defaultLawBook } from '../src/law/loader.ts';
import type { Parameter } from '../src/law/schema.ts';
import type { Assessment } from '../src/model/assessment.ts';
import { assessmentSchema } from '../src/model/assessment-schema.ts';
import { addDays } from '../src/model/dates.ts';
import { type Term, termGte } from '../src/model/terms.ts';
import { assessCase, EVALUATION, validCase } from './helpers/cases.ts';
import { fc, runs } from './helpers/fc.ts';

// The states of issue 12 and the drug-induced-homicide states: their sentencing files (not the consequences).
const STATES = ['US-NY', 'US-IL', 'US-AZ', 'US-CA', 'US-TX', 'US-WI', 'US-MN'] as const;
const prefix = (j: string) => `us_${j.slice(3).toLowerCase()}.`;
const SENTENCING =
  /\.(penalty|degrees|degree_bands|class_bands|classes|charging|recidivism|release)\b|\.substances$|\.drug_kind$/;
const law = defaultLawBook();
const stateParams = (j: string): [string, Parameter][] =>
  [...law.params].filter(([id]) => id.startsWith(prefix(j)) && SENTENCING.test(id));

/** Canonical cases per state: a sale, a possession, a sale with two felony priors, and a death after a delivery. */
function canonical(j: string): Record<string, unknown>[] {
  const drug = j === 'US-MN' || j === 'US-WI' ? 'heroin' : 'cocaine';
  const base = (activity: string, grams: number, extra: Record<string, unknown> = {}) => ({
    jurisdiction: j,
    offense_date: '2016-06-01',
    conduct: {
      activities: [activity],
      drugs: [{ substance: drug, grams, basis: activity === 'possessed' ? 'possessed' : 'transacted' }],
      ...extra,
    },
  });
  return [
    base('sold_retail', 5),
    base('possessed', 0.5),
    {
      ...base('sold_retail', 30),
      history: {
        priors: [
          { date: '2005-01-10', kind: 'drug_distribution', felony: true },
          { date: '2010-01-10', kind: 'drug_distribution', felony: true },
        ],
      },
    },
    base('shared_free', 0.2, { death_resulted: true }),
  ];
}

describe('state engines (NY, IL, AZ, CA, TX, WI, MN): temporal sweep at every effective date and the day before', () => {
  for (const j of STATES) {
    const dates = new Set<string>();
    for (const [, p] of stateParams(j))
      for (const v of p.values) {
        for (const d of [v.from, v.to])
          if (d && d <= EVALUATION) {
            dates.add(d);
            dates.add(addDays(d, -1));
          }
      }
    it(`${j}: ${dates.size} dates x 4 cases assess without error, contract-valid, at the date asked`, () => {
      assert.ok(dates.size >= 2, 'the state has dated law');
      let computed = 0;
      for (const date of [...dates].sort())
        for (const c of canonical(j)) {
          const a = assessCase(c, date);
          assessmentSchema.parse(a);
          assert.equal(a.dates.offense, date);
          const e = a.exposure;
          // Either an engine range, or a coded reason for none - never a silent null.
          if (e?.statutory.maximum_months === null && e.mandatory_minimum_months === null)
            assert.ok(
              a.findings.some((f) => f.severity === 'critical' || f.code.startsWith('law.')),
              `${j} ${date}: no range and no reason (${a.findings.map((f) => f.code).join(', ')})`,
            );
          else computed++;
        }
      assert.ok(computed > 0, `${j}: some canonical case gets a range`);
    });
  }
});

describe('state engines: law-data invariants', () => {
  for (const j of STATES) {
    it(`${j}: files the charging practice, the recidivism switch and a release rule read by the framework`, () => {
      const ids = new Set(stateParams(j).map(([id]) => id));
      for (const need of ['charging.activity_classes', 'charging.intent_indicia', 'release.parole'])
        assert.ok(ids.has(`${prefix(j)}${need}`), `${prefix(j)}${need}`);
      if (j !== 'US-MN') assert.ok(ids.has(`${prefix(j)}recidivism.prior_enhancements`));
    });
    it(`${j}: penalty rows are named us_xx.<unit>.penalty.<row> and ordered (min <= max, mandatory <= max, a non-probationable row's mandatory term is its minimum)`, () => {
      for (const [id, p] of stateParams(j).filter(([id]) => id.includes('.penalty.'))) {
        assert.equal(
          id.split('.').length,
          4,
          `${id}: four segments, so the catalog's *.*.penalty.* reaches it`,
        );
        for (const v of p.values) {
          const r = v.value as {
            min_months: Term;
            max_months: Term | null;
            mandatory_months: Term;
            probation: boolean | null;
          } | null;
          if (r === null) continue;
          if (r.max_months !== null) {
            assert.ok(termGte(r.max_months, r.min_months), `${id} ${v.from}: max >= min`);
            assert.ok(termGte(r.max_months, r.mandatory_months), `${id} ${v.from}: max >= mandatory`);
          }
          if (r.probation === false) assert.deepEqual(r.mandatory_months, r.min_months, `${id} ${v.from}`);
          if (r.probation === true)
            assert.equal(r.mandatory_months, 0, `${id} ${v.from}: probation allowed, nothing mandatory`);
        }
      }
    });
    it(`${j}: weight bands start at 0, are contiguous and end open`, () => {
      for (const [id, p] of stateParams(j).filter(([id]) =>
        /\.(class_bands|degree_bands|classes\.)/.test(id),
      ))
        for (const v of p.values) {
          const bands = v.value as {
            from_g?: number;
            to_g?: number;
            over_g?: number;
            upto_g?: number | null;
          }[];
          const lo = (b: (typeof bands)[number]) => b.from_g ?? b.over_g;
          const hi = (b: (typeof bands)[number]) =>
            b.from_g !== undefined ? b.to_g : (b.upto_g ?? undefined);
          assert.equal(lo(bands[0] as (typeof bands)[number]), 0, `${id}: starts at 0`);
          bands.forEach((b, i) => {
            const next = bands[i + 1];
            if (next) assert.equal(lo(next), hi(b), `${id} ${v.from}: band ${i} ends where ${i + 1} starts`);
            else assert.equal(hi(b), undefined, `${id} ${v.from}: the last band is open`);
          });
        }
    });
  }
  it('New York degree tables climb: within a table and substance group, a higher class never needs less weight', () => {
    const order = ['A_misd', 'E', 'D', 'C', 'B', 'A_II', 'A_I'];
    for (const [id, p] of [...law.params].filter(([id]) => id.startsWith('us_ny.pl220.degrees.')))
      for (const v of p.values) {
        const rows = (v.value as { class: string; groups: string[]; grams_min: number | null }[]).filter(
          (r) => r.grams_min !== null && r.groups.includes('narcotic'),
        );
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1], rows[i]] as [(typeof rows)[number], (typeof rows)[number]];
          assert.ok(order.indexOf(b.class) > order.indexOf(a.class), `${id}: classes in order`);
          assert.ok((b.grams_min as number) >= (a.grams_min as number), `${id}: weights in order`);
        }
      }
  });
});

// Properties: more grams, more priors or a weapon never lower any exposure number; no-mandatory-minimums leaves no
// minimum above 0. A coded refusal (null) is not comparable and is skipped, but most pairs must compare.
const numbers = (a: Assessment): (Term | null | undefined)[] => [
  a.exposure?.statutory.minimum_months,
  a.exposure?.statutory.maximum_months,
  a.exposure?.mandatory_minimum_months,
];
function notLower(low: Assessment, high: Assessment, what: string): boolean {
  const [l, h] = [numbers(low), numbers(high)];
  if (l.some((x) => x === null || x === undefined) || h.some((x) => x === null || x === undefined))
    return false;
  l.forEach((x, i) => {
    assert.ok(termGte(h[i] as Term, x as Term), `${what}: field ${i} went from ${x} to ${h[i]}`);
  });
  return true;
}

const gen = fc.record({
  state: fc.constantFrom(...STATES),
  year: fc.integer({ min: 2011, max: 2026 }),
  substance: fc.constantFrom('heroin', 'cocaine', 'cocaine_base', 'methamphetamine', 'oxycodone'),
  grams: fc.double({ min: 0.05, max: 3000, noNaN: true }),
  extra: fc.double({ min: 0.5, max: 3000, noNaN: true }),
  activity: fc.constantFrom('sold_retail', 'possessed', 'packaged', 'shared_free', 'carried_on_body'),
  death: fc.boolean(),
});
type G = typeof gen extends fc.Arbitrary<infer T> ? T : never;
const stateCase = (g: G, grams: number, priors = 0, weapon = 'none') => ({
  jurisdiction: g.state,
  offense_date: `${g.year}-03-15`,
  conduct: {
    activities: [g.activity],
    drugs: [
      { substance: g.substance, grams, basis: g.activity === 'possessed' ? 'possessed' : 'transacted' },
    ],
    weapon,
    ...(g.death ? { death_resulted: true } : {}),
  },
  ...(priors
    ? {
        history: {
          priors: Array.from({ length: priors }, (_, i) => ({
            date: `${2000 + 3 * i}-01-10`,
            kind: 'drug_distribution',
            felony: true,
          })),
        },
      }
    : {}),
});

describe('state engines: properties', () => {
  it('more grams never lower any exposure number', () => {
    let compared = 0;
    fc.assert(
      fc.property(gen, (g) => {
        if (
          notLower(
            assessCase(stateCase(g, g.grams)),
            assessCase(stateCase(g, g.grams + g.extra)),
            `${g.state} grams`,
          )
        )
          compared++;
      }),
      { numRuns: runs(150) },
    );
    assert.ok(compared > 60, `only ${compared} comparable pairs`);
  });
  it('more prior felonies never lower any exposure number', () => {
    let compared = 0;
    fc.assert(
      fc.property(gen, fc.integer({ min: 0, max: 2 }), (g, n) => {
        if (
          notLower(
            assessCase(stateCase(g, g.grams, n)),
            assessCase(stateCase(g, g.grams, n + 1)),
            `${g.state} priors`,
          )
        )
          compared++;
      }),
      { numRuns: runs(150) },
    );
    assert.ok(compared > 40, `only ${compared} comparable pairs`);
  });
  it('a weapon never lowers any exposure number', () => {
    fc.assert(
      fc.property(gen, fc.constantFrom('nearby', 'possessed', 'brandished'), (g, w) => {
        notLower(
          assessCase(stateCase(g, g.grams)),
          assessCase(stateCase(g, g.grams, 0, w)),
          `${g.state} weapon`,
        );
      }),
      { numRuns: runs(100) },
    );
  });
  it('no-mandatory-minimums never leaves a minimum above 0, and dih-repealed never raises the maximum', () => {
    fc.assert(
      fc.property(gen, fc.integer({ min: 0, max: 2 }), (g, n) => {
        const c = validCase(stateCase({ ...g, year: 2024 }, g.grams, n));
        const [base, nmm, dih] = compare(c, ['law_today', 'no-mandatory-minimums', 'dih-repealed'], {
          evaluationDate: EVALUATION,
        }).assessments as [Assessment, Assessment, Assessment];
        const m = nmm.exposure?.mandatory_minimum_months;
        if (m !== null && m !== undefined) assert.equal(m, 0, `${g.state}: mandatory minimum ${m}`);
        const s = nmm.exposure?.statutory.minimum_months;
        if (s !== null && s !== undefined) assert.equal(s, 0, `${g.state}: statutory minimum ${s}`);
        const [b, d] = [base.exposure?.statutory.maximum_months, dih.exposure?.statutory.maximum_months];
        if (b !== null && b !== undefined && d !== null && d !== undefined)
          assert.ok(termGte(b, d), `${g.state}: dih-repealed raised the maximum from ${b} to ${d}`);
      }),
      { numRuns: runs(80) },
    );
  });
});
