import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type Comparison, compare } from '../src/engine/compare.ts';
import { assessUnder, type Scenario } from '../src/engine/scenarios.ts';
import { defaultLawBook } from '../src/law/loader.ts';
import { applyReform, type Reform } from '../src/law/reform.ts';
import { type Case, parseCase } from '../src/model/case.ts';

/**
 * Compare names only the law values that caused a difference (issue 16 item 5): each candidate value is
 * reverted on its own and the case re-run; a value whose reverting leaves the row as it is is not a reason.
 */
const TODAY = '2026-11-28';
const story = (slug: string): Case => {
  const parsed = parseCase(JSON.parse(readFileSync(`examples/cases/${slug}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(`${slug} does not validate`);
  return parsed.case;
};

/** A hand-written reform applied at the case's own dates, so only its provisions differ from the baseline. */
function atCaseDates(id: string, provisions: Reform['provisions']): Scenario {
  const reform: Reform = {
    id,
    title: id,
    summary: 'a test reform',
    citation: 'none (test)',
    status: 'proposal',
    retroactive: { applies: false, who: 'nobody', cite: 'none' },
    never_harsher: true,
    confidence: 'low',
    provisions,
  };
  return { id, title: id, kind: 'reform', law: applyReform(defaultLawBook(), reform), dates: 'case', reform };
}

const reasons = (c: Comparison, field: string, scenario: string) =>
  (c.differences.find((d) => d.field === field)?.because ?? [])
    .filter((b) => b.scenario === scenario)
    .map((b) => b.parameter)
    .sort();

describe('compare: only the causes of a difference', () => {
  it("Angelos today: the end of 924(c) stacking, not the safety valve's new criteria (he is not eligible)", () => {
    const c = compare(story('weldon-angelos'), ['law_at_sentencing', 'law_today', 'dpa-2019'], {
      evaluationDate: TODAY,
    });
    assert.deepEqual(reasons(c, 'exposure.mandatory_minimum_months', 'law_today'), [
      'us_fed.usc18_924c.stacking',
    ]);
    assert.deepEqual(reasons(c, 'exposure.firearms.consecutive_minimum_months', 'law_today'), [
      'us_fed.usc18_924c.stacking',
    ]);
    // under the agenda the first 924(c) term is 0 and the later ones are not stacked: the term removed is the cause
    assert.deepEqual(reasons(c, 'exposure.mandatory_minimum_months', 'dpa-2019'), [
      'us_fed.usc18_924c.first_term.possessed',
    ]);
    for (const d of c.differences)
      for (const b of d.because)
        assert.ok(!b.parameter.startsWith('us_fed.usc18_3553f'), `${d.field}: ${b.parameter} is not a cause`);
  });

  it('two law values differ, only one matters: the one that does is named', () => {
    const angelos = story('weldon-angelos');
    const scenario = atCaseDates('two-changes', [
      { parameter: 'us_fed.usc18_924c.stacking', value: false, cite: 'test' },
      {
        parameter: 'us_fed.usc18_3553f.criterion_1',
        value: {
          version: 'first_step_act',
          max_countable_points: 4,
          excluded_point_value: 1,
          no_prior_of_points: 3,
          no_violent_prior_of_points: 2,
        },
        mode: 'replace',
        cite: 'test',
      },
    ]);
    // both values are read for his case, and both differ from the baseline's
    const base = { ...scenario, law: defaultLawBook().tracked(), dates: 'case' as const };
    const changed = { ...scenario, law: scenario.law.tracked() };
    assessUnder(angelos, base, { evaluationDate: TODAY });
    assessUnder(angelos, changed, { evaluationDate: TODAY });
    for (const id of ['us_fed.usc18_924c.stacking', 'us_fed.usc18_3553f.criterion_1'])
      assert.notDeepEqual(base.law.readLog?.get(id)?.value, changed.law.readLog?.get(id)?.value, id);

    const c = compare(angelos, ['law_at_sentencing', scenario], { evaluationDate: TODAY });
    const mm = c.differences.find((d) => d.field === 'exposure.mandatory_minimum_months');
    assert.deepEqual(mm?.values, { law_at_sentencing: 660, 'two-changes': 180 });
    assert.deepEqual(
      mm?.because.map((b) => [b.parameter, b.from, b.to, b.jointly ?? false]),
      [['us_fed.usc18_924c.stacking', true, false, false]],
    );
    assert.equal(
      c.differences.some((d) => d.field === 'exposure.safety_valve.eligible'),
      false,
      'he is not eligible under either',
    );
  });

  it('overdetermined: Munoz under the agenda is not charged, and would have no minimum if charged: both named', () => {
    const c = compare(story('crystal-munoz'), ['law_at_sentencing', 'dpa-2019'], { evaluationDate: TODAY });
    assert.deepEqual(reasons(c, 'exposure.mandatory_minimum_months', 'dpa-2019'), [
      'policy.dpa_2019.screen.governs_charging',
      'us_fed.usc21_841b.penalty.A.base',
    ]);
    // the maximum falls only because no charge is brought
    assert.deepEqual(reasons(c, 'exposure.statutory.maximum_months', 'dpa-2019'), [
      'policy.dpa_2019.screen.governs_charging',
    ]);
  });

  it('two drugs each reaching tier A, both thresholds raised: each is a cause (reverting either restores tier A)', () => {
    const parsed = parseCase({
      jurisdiction: 'US-FED',
      offense_date: '2015-06-01',
      conduct: {
        activities: ['sold_wholesale'],
        drugs: [
          { substance: 'heroin', grams: 1500, basis: 'transacted' },
          { substance: 'cocaine', grams: 6000, basis: 'transacted' },
        ],
        weapon: 'none',
      },
      cooperation: { truthful_disclosure: false },
    });
    assert.ok(parsed.ok);
    const scenario = atCaseDates('raise-a', [
      { parameter: 'us_fed.usc21_841b.threshold.A.heroin', value: 100_000, cite: 'test' },
      { parameter: 'us_fed.usc21_841b.threshold.A.cocaine', value: 100_000, cite: 'test' },
    ]);
    const c = compare(parsed.case, ['law_at_sentencing', scenario], { evaluationDate: TODAY });
    const min = c.differences.find((d) => d.field === 'exposure.statutory.minimum_months');
    assert.deepEqual(min?.values, { law_at_sentencing: 120, 'raise-a': 60 });
    assert.deepEqual(
      min?.because.map((b) => [b.parameter, b.from, b.to, b.jointly ?? false]),
      [
        ['us_fed.usc21_841b.threshold.A.cocaine', 5000, 100_000, false],
        ['us_fed.usc21_841b.threshold.A.heroin', 1000, 100_000, false],
      ],
    );
  });

  it('a state case: Tuff today is explained by the 1996 repeat-sale row, in state law', () => {
    const c = compare(story('aron-tuff'), ['law_at_sentencing', 'law_today'], { evaluationDate: TODAY });
    assert.deepEqual(reasons(c, 'exposure.mandatory_minimum_months', 'law_today'), [
      'us_ga.ga16_13_30.penalty.pwid_repeat',
    ]);
  });
});
