import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess } from '../src/engine/assess.ts';
import { CaseMemo } from '../src/engine/memo.ts';
import { questionCode } from '../src/engine/questions.ts';
import { assessUnder, resolveScenario } from '../src/engine/scenarios.ts';
import { defaultLawBook } from '../src/law/loader.ts';
import { hasQuestionText } from '../src/messages/questions.ts';
import type { Case } from '../src/model/case.ts';
import { stateEngineJurisdictions } from '../src/rules/state/index.ts';
import { generateCases } from '../src/synthetic/generate.ts';
import { decided, EVALUATION, jsonFiles, ROOT, readJson, validCase } from './helpers/cases.ts';

const law = defaultLawBook();

/** The golden examples and the stories, each at its own dates and, where it asks, as of a date. */
function corpus(): { c: Case; asOf?: string }[] {
  return [
    ...jsonFiles(`${ROOT}tests/examples`).map((f) => {
      const x = readJson(f) as { case: unknown; as_of?: string };
      return { c: validCase(x.case), ...(x.as_of ? { asOf: x.as_of } : {}) };
    }),
    ...jsonFiles(`${ROOT}examples/cases`).map((f) => ({ c: validCase(readJson(f)) })),
  ];
}

describe('one implementation of every rule: bulk and explained modes agree by construction', () => {
  const generated = [...generateCases(10_000, 7, { law })];
  it('on the golden corpus and the stories, bulk gives the same numbers and codes as explained', () => {
    for (const { c, asOf } of corpus()) {
      const options = { evaluationDate: EVALUATION, law, ...(asOf ? { asOf } : {}) };
      const explained = assess(c, { ...options, messages: false });
      const bulk = assess(c, { ...options, mode: 'bulk' });
      assert.deepEqual(decided(bulk), decided(explained), c.id ?? '');
      assert.equal(bulk.questions, undefined);
      assert.ok(bulk.findings.every((f) => f.citations.length === 0 && f.values === undefined));
    }
  });
  it('on 10,000 generated cases, bulk gives the same numbers and codes as explained', () => {
    for (const c of generated) {
      const explained = assess(c, { evaluationDate: EVALUATION, law, messages: false });
      assert.deepEqual(
        decided(assess(c, { evaluationDate: EVALUATION, law, mode: 'bulk' })),
        decided(explained),
      );
    }
  });
  it('in every state engine, on 500 generated cases each, bulk gives the same numbers and codes as explained', () => {
    const states = stateEngineJurisdictions();
    assert.ok(states.length >= 12, 'every state engine is checked');
    for (const jurisdiction of states) {
      let ran = 0;
      for (const c of generateCases(500, 13, { law, jurisdiction })) {
        const explained = assess(c, { evaluationDate: EVALUATION, law, messages: false });
        // the engine ran: a state range, or its own coded refusal (Minnesota covers one offense only)
        if (explained.exposure?.state || explained.findings.some((f) => f.code.startsWith('exposure.state.')))
          ran++;
        assert.deepEqual(
          decided(assess(c, { evaluationDate: EVALUATION, law, mode: 'bulk' })),
          decided(explained),
          `${jurisdiction} ${c.id}`,
        );
      }
      assert.ok(ran > 0, `${jurisdiction}: no generated case reached the state engine`);
    }
  });
  it('role and indicia shared across scenarios change nothing: with and without the memo, every scenario gives the same assessment', () => {
    const scenarios = [
      'law_at_sentencing',
      'law_today',
      'dpa-2019',
      'charging-screen',
      'first-step-act-2018',
    ].map((id) => resolveScenario(id, law));
    for (const c of [...corpus().map((x) => x.c), ...generated.slice(0, 1000)]) {
      const memo = new CaseMemo();
      for (const s of scenarios) {
        const shared = assessUnder(c, s, { evaluationDate: EVALUATION, messages: false, memo });
        const alone = assessUnder(c, s, { evaluationDate: EVALUATION, messages: false });
        assert.deepEqual(shared, alone, `${c.id} under ${s.id}`);
      }
    }
  });
  it('a reform that patches the framework the role reads is not served a stale role', () => {
    const c = validCase({
      jurisdiction: 'US-FED',
      offense_date: '2020-01-01',
      conduct: {
        activities: ['sold_retail'],
        drugs: [{ substance: 'heroin', grams: 10, basis: 'transacted' }],
      },
    });
    const memo = new CaseMemo();
    const base = resolveScenario('law_today', law);
    const patched = {
      ...base,
      id: 'no-functions',
      law: new (law.constructor as typeof import('../src/law/book.ts').LawBook)(
        new Map(
          [...law.params].map(([id, p]) =>
            id === 'policy.dpa_2019.role.function.street_level_dealer'
              ? [
                  id,
                  {
                    ...p,
                    values: p.values.map((v) => ({ ...v, value: { definition: 'never', any_of: [] } })),
                  },
                ]
              : [id, p],
          ),
        ),
        law.sources,
        'sha256:test',
      ),
    };
    assert.equal(
      assessUnder(c, base, { evaluationDate: EVALUATION, memo }).role?.function,
      'street_level_dealer',
    );
    assert.notEqual(
      assessUnder(c, patched, { evaluationDate: EVALUATION, memo }).role?.function,
      'street_level_dealer',
    );
  });
});

describe('missing facts are typed questions', () => {
  it('every finding that names missing case fields is turned into questions, each with words to ask it', () => {
    let asked = 0;
    for (const { c, asOf } of corpus()) {
      const a = assess(c, { evaluationDate: EVALUATION, law, messages: false, ...(asOf ? { asOf } : {}) });
      const paths = new Set((a.questions ?? []).map((q) => q.path));
      for (const f of a.findings) {
        const missing = f.values?.missing;
        for (const p of typeof missing === 'string' ? [missing] : Array.isArray(missing) ? missing : [])
          assert.ok(paths.has(String(p)), `${f.code} asks for ${p} but no question says so`);
      }
      for (const q of a.questions ?? []) {
        asked++;
        assert.equal(q.code, questionCode(q.path));
        assert.ok(hasQuestionText(q.code), `no words for ${q.code}`);
      }
    }
    assert.ok(asked > 0, 'the corpus asks at least one question');
  });
  it("Crystal Munoz's safety valve asks for the truthful-disclosure proffer", () => {
    const munoz = validCase(readJson(`${ROOT}examples/cases/crystal-munoz.json`));
    const a = assess(munoz, { evaluationDate: EVALUATION, law, messages: false });
    assert.equal(a.exposure?.safety_valve.eligible, null);
    assert.ok(a.questions?.some((q) => q.path === 'cooperation.truthful_disclosure'));
  });
});
