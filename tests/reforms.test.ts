import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compare } from '../src/engine/compare.ts';
import { expectedTerm } from '../src/engine/relief.ts';
import { assessUnder, reformCatalog, resolveScenario, ScenarioError } from '../src/engine/scenarios.ts';
import { defaultLawBook } from '../src/law/loader.ts';
import {
  applyReform,
  changedParameters,
  loadCatalog,
  ReformError,
  readReformFile,
  SCENARIO_DIR,
} from '../src/law/reform.ts';
import { comparisonSchema } from '../src/model/assessment-schema.ts';
import { termGte } from '../src/model/terms.ts';
import { EVALUATION, ROOT, readJson, validCase } from './helpers/cases.ts';
import { fc, runs } from './helpers/fc.ts';

const story = (slug: string) => validCase(readJson(`${ROOT}examples/cases/${slug}.json`));
const under = (slug: string, scenario: string) =>
  assessUnder(story(slug), resolveScenario(scenario), { evaluationDate: EVALUATION }).exposure;

describe('reform catalog', () => {
  it('reads the same catalog from its parsed-file cache as from the files', () => {
    const cache = mkdtempSync(join(tmpdir(), 'reform-cache-'));
    const parsed = loadCatalog(SCENARIO_DIR, null);
    assert.deepEqual(loadCatalog(SCENARIO_DIR, cache), parsed);
    assert.match(readdirSync(cache).join(), /^reforms-[0-9a-f]{64}\.json$/);
    assert.deepEqual(loadCatalog(SCENARIO_DIR, cache), parsed);
  });
  it('ships the enacted acts, the report agenda and its parts, and two real bills', () => {
    const ids = [...reformCatalog().keys()];
    for (const id of [
      'fair-sentencing-act-2010',
      'first-step-act-2018',
      'dpa-2019',
      'no-mandatory-minimums',
      'no-prior-enhancements',
      'crack-equals-powder',
      'no-924c-stacking',
      'charging-screen',
      'dih-repealed',
      'equal-act',
      'smarter-sentencing-act-2015',
    ])
      assert.ok(ids.includes(id), id);
  });

  it('a reform never changes a parameter it does not name', () => {
    const law = defaultLawBook();
    for (const reform of reformCatalog().values()) {
      const patched = applyReform(law, reform);
      const named = new Set(changedParameters(law, reform));
      for (const [id, p] of law.params) {
        const q = patched.params.get(id);
        if (named.has(id)) continue;
        assert.deepEqual(q, p, `${reform.id} changed ${id}`);
      }
      assert.ok(
        [...named].some(
          (id) => JSON.stringify(patched.params.get(id)) !== JSON.stringify(law.params.get(id)),
        ),
        `${reform.id} changes something`,
      );
    }
  });
});

describe('each reform on the report stories', () => {
  it('Angelos: 55 years of 924(c) minimums under 2004 law, 15 today, none under the report agenda', () => {
    assert.equal(under('weldon-angelos', 'law_at_sentencing')?.firearms.consecutive_minimum_months, 660);
    assert.equal(under('weldon-angelos', 'law_today')?.firearms.consecutive_minimum_months, 180);
    assert.equal(under('weldon-angelos', 'dpa-2019')?.mandatory_minimum_months, 0);
    assert.equal(under('weldon-angelos', 'no-mandatory-minimums')?.firearms.consecutive_minimum_months, 0);
  });

  it('Angelos: stacking ended retroactively, he could seek 15 years instead of 55', () => {
    const c = compare(story('weldon-angelos'), ['law_at_sentencing', 'no-924c-stacking'], {
      evaluationDate: EVALUATION,
    });
    const r = c.retroactivity.find((x) => x.scenario === 'no-924c-stacking');
    assert.equal(r?.may_seek_reduction, true);
    assert.equal(r?.mandatory_minimum_months, 180);
  });

  it('Cooper: mandatory life, 10 years after the First Step Act (possession priors are not serious drug felonies), none under the agenda', () => {
    assert.equal(under('corvain-cooper', 'law_at_sentencing')?.mandatory_minimum_months, 'life');
    assert.equal(under('corvain-cooper', 'first-step-act-2018')?.mandatory_minimum_months, 120);
    assert.equal(under('corvain-cooper', 'law_today')?.mandatory_minimum_months, 120);
    assert.equal(under('corvain-cooper', 'no-prior-enhancements')?.mandatory_minimum_months, 120);
    assert.equal(under('corvain-cooper', 'dpa-2019')?.mandatory_minimum_months, 0);
  });

  it('Brown: 20 years for a death after sharing 0.1 g; no death-results term once drug-induced homicide is repealed', () => {
    assert.equal(under('erik-scott-brown', 'law_today')?.mandatory_minimum_months, 240);
    assert.equal(under('erik-scott-brown', 'dih-repealed')?.statutory.minimum_months, 0);
  });

  it('crack = powder and the EQUAL Act: 28 g of crack loses its 5-year minimum', () => {
    const c = validCase({
      jurisdiction: 'US-FED',
      offense_date: '2024-01-01',
      conduct: {
        activities: ['sold_retail'],
        drugs: [{ substance: 'cocaine_base', grams: 28, basis: 'transacted' }],
      },
    });
    const min = (s: string) =>
      assessUnder(c, resolveScenario(s), { evaluationDate: EVALUATION }).exposure?.statutory.minimum_months;
    assert.equal(min('law_today'), 60);
    assert.equal(min('equal-act'), 0);
    assert.equal(min('crack-equals-powder'), 0);
  });

  it('Smarter Sentencing Act: 5 kg cocaine in 2015 would carry 5 years instead of 10', () => {
    const c = validCase({
      jurisdiction: 'US-FED',
      offense_date: '2014-01-01',
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [{ substance: 'cocaine', grams: 5000, basis: 'transacted' }],
      },
    });
    assert.equal(
      assessUnder(c, resolveScenario('smarter-sentencing-act-2015'), { evaluationDate: EVALUATION }).exposure
        ?.statutory.minimum_months,
      60,
    );
  });
});

describe('enacted reforms double as tests of the dated law data', () => {
  const cases = [
    { substance: 'cocaine_base', grams: 5 },
    { substance: 'cocaine_base', grams: 50 },
    { substance: 'cocaine_base', grams: 300 },
  ].map(({ substance, grams }) =>
    validCase({
      jurisdiction: 'US-FED',
      offense_date: '2000-01-01',
      conduct: { activities: ['sold_retail'], drugs: [{ substance, grams, basis: 'transacted' }] },
    }),
  );
  const fields = (e: ReturnType<typeof under>) => [
    e?.statutory.minimum_months,
    e?.statutory.maximum_months,
    e?.mandatory_minimum_months,
  ];

  it('Fair Sentencing Act over the law of 2010-08-02 = the law in force on 2010-08-03', () => {
    for (const c of cases) {
      const viaReform = assessUnder(c, resolveScenario('fair-sentencing-act-2010'), {
        evaluationDate: EVALUATION,
      }).exposure;
      const real = assessUnder(
        c,
        { ...resolveScenario('law_at_sentencing'), dates: { law_of: '2010-08-03' } },
        { evaluationDate: EVALUATION },
      ).exposure;
      assert.deepEqual(fields(viaReform), fields(real));
    }
  });

  it('First Step Act over the law of 2018-12-20 = the law in force on 2018-12-21 (priors and stacking)', () => {
    const prior = {
      date: '2005-01-01',
      kind: 'drug_distribution',
      felony: true,
      sentence_months: 30,
      served_months: 24,
      release_date: '2007-01-01',
      max_term_months: 240,
    };
    const c = validCase({
      jurisdiction: 'US-FED',
      offense_date: '2010-01-01',
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [{ substance: 'heroin', grams: 1000, basis: 'transacted' }],
        weapon: 'possessed',
        firearm_counts: 3,
      },
      history: { priors: [prior, { ...prior, date: '2008-01-01', release_date: '2009-01-01' }] },
    });
    const viaReform = assessUnder(c, resolveScenario('first-step-act-2018'), {
      evaluationDate: EVALUATION,
    }).exposure;
    const real = assessUnder(
      c,
      { ...resolveScenario('law_at_sentencing'), dates: { law_of: '2018-12-21' } },
      { evaluationDate: EVALUATION },
    ).exposure;
    assert.deepEqual(fields(viaReform), fields(real));
    assert.deepEqual(viaReform?.firearms.counts_months, real?.firearms.counts_months);
    assert.equal(viaReform?.statutory.minimum_months, 300);
  });
});

const caseArb = fc.record({
  year: fc.integer({ min: 1995, max: 2026 }),
  substance: fc.constantFrom(
    'heroin',
    'cocaine',
    'cocaine_base',
    'methamphetamine',
    'fentanyl',
    'marijuana',
    'oxycodone',
    'other_schedule_i_ii',
  ),
  grams: fc.double({ min: 0.1, max: 100_000, noNaN: true }),
  activity: fc.constantFrom(
    'sold_retail',
    'sold_wholesale',
    'carried_on_body',
    'lookout',
    'shared_free',
    'possessed',
  ),
  basis: fc.constantFrom('possessed', 'transacted', 'attributed'),
  counts: fc.integer({ min: 0, max: 3 }),
  priors: fc.integer({ min: 0, max: 2 }),
  death: fc.boolean(),
});
const toCase = (g: typeof caseArb extends fc.Arbitrary<infer T> ? T : never) =>
  validCase({
    jurisdiction: 'US-FED',
    offense_date: `${g.year}-05-01`,
    conduct: {
      activities: [g.activity],
      drugs: [{ substance: g.substance, grams: g.grams, basis: g.basis }],
      weapon: g.counts ? 'possessed' : 'none',
      firearm_counts: g.counts,
      death_resulted: g.death,
    },
    history: {
      priors: Array.from({ length: g.priors }, (_, i) => ({
        date: `${g.year - 6 + i}-01-01`,
        kind: 'drug_distribution',
        felony: true,
        sentence_months: 24,
        served_months: 18,
        release_date: `${g.year - 4 + i}-01-01`,
        max_term_months: 240,
      })),
    },
  });

describe('reform properties', () => {
  it('"no mandatory minimums" never yields a minimum above zero', () => {
    fc.assert(
      fc.property(caseArb, (g) => {
        const e = assessUnder(toCase(g), resolveScenario('no-mandatory-minimums'), {
          evaluationDate: EVALUATION,
          messages: false,
        }).exposure;
        assert.equal(e?.mandatory_minimum_months, 0);
      }),
      { numRuns: runs(150) },
    );
  });

  it('a reform that declares it never harshens never raises the expected term over the law it patches', () => {
    const reforms = [...reformCatalog().values()].filter(
      (r) => r.never_harsher && (r.applies_over ?? 'law_today') === 'law_today',
    );
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...reforms.map((r) => r.id)), (g, id) => {
        const c = toCase(g);
        const base = expectedTerm(
          assessUnder(c, resolveScenario('law_today'), { evaluationDate: EVALUATION, messages: false }),
        );
        const reformed = expectedTerm(
          assessUnder(c, resolveScenario(id), { evaluationDate: EVALUATION, messages: false }),
        );
        if (base !== null && reformed !== null)
          assert.ok(termGte(base, reformed), `${id}: ${String(reformed)} > ${String(base)}`);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('invalid reform files are rejected with clear errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reform-'));
  const base = {
    id: 'my-reform',
    title: 't',
    summary: 's',
    citation: 'c',
    status: 'proposal',
    retroactive: { applies: false, who: 'nobody', cite: 'c' },
    never_harsher: true,
    confidence: 'low',
    provisions: [{ parameter: 'us_fed.usc18_924c.stacking', value: false, cite: 'c' }],
  };
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const problems = (path: string): string => {
    try {
      applyReform(defaultLawBook(), readReformFile(path));
    } catch (e) {
      assert.ok(e instanceof ReformError, String(e));
      return e.problems.join('\n');
    }
    assert.fail('expected a ReformError');
  };

  it('names an unknown parameter', () => {
    assert.match(
      problems(
        write('a.json', {
          ...base,
          provisions: [{ parameter: 'us_fed.no_such.thing', value: 1, cite: 'c' }],
        }),
      ),
      /provisions\.0\.parameter: no law parameter is named us_fed\.no_such\.thing/,
    );
  });
  it('names a value of the wrong shape and an unknown field in it', () => {
    assert.match(
      problems(
        write('b.json', {
          ...base,
          provisions: [{ parameter: 'us_fed.usc21_841b.threshold.A.heroin', value: { grams: 1 }, cite: 'c' }],
        }),
      ),
      /provisions\.0\.value/,
    );
    assert.match(
      problems(
        write('c.json', {
          ...base,
          provisions: [{ parameter: 'us_fed.usc21_841b.penalty.A.base', value: { minimum: 0 }, cite: 'c' }],
        }),
      ),
      /fits none|no such field/,
    );
  });
  it('names a malformed date, an unknown top-level field, bad YAML and an unknown source', () => {
    assert.match(
      problems(write('d.json', { ...base, effective: '2025-02-30' })),
      /effective: must be a real calendar date/,
    );
    assert.match(problems(write('e.json', { ...base, surprise: 1 })), /surprise/);
    assert.match(problems(write('f.yaml', 'id: [unclosed')), /not valid YAML/);
    assert.match(
      problems(write('g.json', { ...base, provisions: [{ ...base.provisions[0], sources: ['nope'] }] })),
      /provisions\.0\.sources: "nope"/,
    );
  });
  it('an unknown scenario id is an error listing the catalog', () => {
    assert.throws(
      () => resolveScenario('no-such-reform'),
      (e: unknown) => e instanceof ScenarioError && /dpa-2019/.test(e.message),
    );
  });
});

describe('proportion compare and reforms (CLI)', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [`${ROOT}bin/proportion.mjs`, ...args], { cwd: ROOT, encoding: 'utf8' });

  it('compare prints the three default columns with explanations; --json is contract-shaped', () => {
    const text = cli(['compare', 'examples/cases/weldon-angelos.json']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /law_at_sentencing\s+law_today\s+dpa-2019/);
    assert.match(text.stdout, /us_fed\.usc18_924c\.stacking: true -> false/);
    const json = cli(['compare', 'examples/cases/weldon-angelos.json', '--json']);
    const c = comparisonSchema.parse(JSON.parse(json.stdout));
    assert.deepEqual(
      c.assessments.map((a) => a.scenario),
      ['law_at_sentencing', 'law_today', 'dpa-2019'],
    );
    const mm = c.differences.find((d) => d.field === 'exposure.mandatory_minimum_months');
    assert.deepEqual(mm?.values, { law_at_sentencing: 660, law_today: 180, 'dpa-2019': 0 });
    assert.ok(
      mm?.because.some((b) => b.scenario === 'law_today' && b.parameter === 'us_fed.usc18_924c.stacking'),
    );
  });

  it('a reform written by hand in a new file is picked up without code changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'my-reform-'));
    const file = join(dir, 'my-reform.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'halve-924c',
        title: 'Halve the 924(c) first-count term',
        summary: 'An analyst experiment.',
        citation: 'none (hypothetical)',
        status: 'proposal',
        retroactive: { applies: false, who: 'nobody', cite: 'none' },
        never_harsher: true,
        confidence: 'low',
        provisions: [
          { parameter: 'us_fed.usc18_924c.first_term.possessed', value: 30, cite: 'hypothetical' },
        ],
      }),
    );
    const r = cli([
      'compare',
      'examples/cases/weldon-angelos.json',
      '--scenarios',
      `law_today,${file}`,
      '--json',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const c = JSON.parse(r.stdout);
    assert.equal(c.assessments[1].scenario, 'halve-924c');
    assert.equal(c.assessments[1].exposure.firearms.consecutive_minimum_months, 90);
    const bad = cli(['compare', 'examples/cases/weldon-angelos.json', '--scenarios', 'nope']);
    assert.equal(bad.status, 2);
  });

  it('reforms lists the catalog; reforms show prints the provisions', () => {
    const list = cli(['reforms']);
    assert.equal(list.status, 0);
    assert.match(list.stdout, /equal-act/);
    const show = cli(['reforms', 'show', 'first-step-act-2018']);
    assert.match(show.stdout, /us_fed\.usc18_924c\.stacking/);
    assert.match(show.stdout, /Retroactive: no/);
  });
});
