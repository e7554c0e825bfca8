import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { answerFirst, type Bound } from '../src/engine/answer.ts';
import { assess } from '../src/engine/assess.ts';
import { factsRead } from '../src/engine/questions.ts';
import { type Case, parseCase } from '../src/model/case.ts';

/**
 * The answer first shows, for each open fact that changes a number, the number's best and worst with the
 * question that settles it (issue 16 item 1): the safety valve (mandatory minimum and guideline range), an
 * undetermined prior (statutory range), a state's prior classification (Illinois).
 */
const TODAY = '2026-11-28';
const valid = (raw: unknown): Case => {
  const parsed = parseCase(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.case;
};
const story = (slug: string) => valid(JSON.parse(readFileSync(`examples/cases/${slug}.json`, 'utf8')));
const bound = (bounds: Bound[], number: Bound['number'], path: string) =>
  bounds.find((b) => b.number === number && b.questions.some((q) => q.path === path));

describe('answer bounds', () => {
  it("the court's open findings are one bound among the others (obstruction undetermined: 60-63 or 60)", () => {
    const raw = JSON.parse(
      readFileSync('tests/examples/ussg-3c1-1/obstruction-unknown-both-bounds.json', 'utf8'),
    );
    const a = answerFirst(valid(raw.case), { evaluationDate: TODAY });
    const g = bound(a.bounds, 'guideline_range', 'adjustments.obstruction');
    assert.deepEqual(
      [g?.best, g?.worst],
      [
        [60, 60],
        [60, 63],
      ],
    );
  });

  it("Munoz: the safety valve's proffer decides the 10-year minimum and two offense levels (USSG 2D1.1(b)(18))", () => {
    const a = answerFirst(story('crystal-munoz'), { evaluationDate: TODAY });
    const mm = bound(a.bounds, 'mandatory_minimum', 'cooperation.truthful_disclosure');
    assert.deepEqual([mm?.best, mm?.worst], [0, 120]);
    // level 32 at category I is 121-151 months; two levels lower, 30, is 97-121 (USSG ch. 5 pt. A)
    const g = bound(a.bounds, 'guideline_range', 'cooperation.truthful_disclosure');
    assert.deepEqual(
      [g?.best, g?.worst],
      [
        [97, 121],
        [121, 151],
      ],
    );
    // the largest change comes first
    assert.equal(a.bounds[0]?.number, 'mandatory_minimum');
    // citizenship is an open question, but it moves no sentencing number
    assert.equal(
      a.bounds.some((b) => b.questions.some((q) => q.path === 'person.citizenship')),
      false,
    );
  });

  it('an undetermined prior: the statutory range of 841(b)(1)(A) with and without a serious drug felony (FSA 2018)', () => {
    const a = answerFirst(
      valid({
        jurisdiction: 'US-FED',
        offense_date: '2020-06-01',
        conduct: {
          activities: ['sold_wholesale'],
          drugs: [{ substance: 'heroin', grams: 1500, basis: 'transacted' }],
          weapon: 'none',
        },
        cooperation: { truthful_disclosure: false, accepted_responsibility: true },
        history: {
          under_sentence_at_offense: false,
          priors: [{ date: '2010-01-01', kind: 'drug_distribution', felony: true }],
        },
      }),
      { evaluationDate: TODAY },
    );
    const s = bound(a.bounds, 'statutory_range', 'history.priors.0.served_months');
    // 10 years to life; 15 years to life after one prior serious drug felony (21 U.S.C. 841(b)(1)(A), 2018)
    assert.deepEqual(
      [s?.best, s?.worst],
      [
        [120, 'life'],
        [180, 'life'],
      ],
    );
    assert.deepEqual(s?.questions.map((q) => q.path).sort(), [
      'history.priors.0.max_term_months',
      'history.priors.0.release_date',
      'history.priors.0.served_months',
    ]);
  });

  it("a state's prior classification: Illinois reads a prior's class from its maximum (730 ILCS 5/5-4.5-95)", () => {
    const c = valid({
      jurisdiction: 'US-IL',
      offense_date: '2020-06-01',
      conduct: {
        activities: ['sold_retail'],
        drugs: [{ substance: 'heroin', grams: 20, basis: 'transacted' }],
        weapon: 'none',
      },
      history: {
        priors: [
          { date: '2010-01-01', kind: 'drug_distribution', felony: true },
          { date: '2014-01-01', kind: 'drug_distribution', felony: true },
        ],
      },
    });
    const a = answerFirst(c, { evaluationDate: TODAY });
    const asked = a.questions.map((q) => q.path);
    assert.ok(asked.includes('history.priors.0.max_term_months'));
    assert.ok(asked.includes('history.priors.1.max_term_months'));
    // 15 to 100 g of heroin is Class X, 6 to 30 years; after two prior Class X convictions, natural life
    const s = bound(a.bounds, 'statutory_range', 'history.priors.1.max_term_months');
    assert.deepEqual(
      [s?.best, s?.worst],
      [
        [72, 360],
        ['life', 'life'],
      ],
    );
  });

  it('no open fact, no bound: Tuff as the record gives him', () => {
    assert.deepEqual(answerFirst(story('aron-tuff'), { evaluationDate: TODAY }).bounds, []);
  });
});

describe('the facts the rules read for a case (what the guided form asks)', () => {
  const read = (c: Case) => factsRead(c, (t) => assess(t, { evaluationDate: TODAY, messages: false }));
  const withGroups = (c: Case): Case => ({ ...c, cooperation: {}, charging: {}, evidence: c.evidence ?? {} });
  it('a federal case reads the safety valve and 924(c) facts; a Georgia case does not', () => {
    const federal = read(withGroups(story('crystal-munoz')));
    for (const f of ['cooperation.truthful_disclosure', 'conduct.firearm_counts', 'charging.information_851'])
      assert.ok(federal.has(f), f);
    const georgia = read(withGroups(story('aron-tuff')));
    for (const f of ['cooperation.truthful_disclosure', 'conduct.firearm_counts', 'charging.information_851'])
      assert.ok(!georgia.has(f), f);
    assert.ok(georgia.has('conduct.weapon'));
    assert.ok(georgia.has('history.priors.0.kind'));
  });
  it('reading through the proxy changes nothing in the assessment', () => {
    const c = story('weldon-angelos');
    let tracked = '';
    factsRead(c, (t) => {
      tracked = JSON.stringify(assess(t, { evaluationDate: TODAY }));
    });
    assert.equal(tracked, JSON.stringify(assess(c, { evaluationDate: TODAY })));
  });
});
