import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess } from '../../src/engine/assess.ts';
import type { Assessment } from '../../src/model/assessment.ts';
import { stateExposureOf } from '../../src/rules/state/sentence.ts';
import type { StateSentence } from '../../src/rules/state/types.ts';
import { Trace } from '../../src/rules/trace.ts';
import { assessCase, EVALUATION, readJson, validCase } from '../helpers/cases.ts';
import { patchedBook } from './helpers.ts';

/** Item 12 of issue 13: the cost of a state sentence is of the time expected to be served under its release rule. */
const example = (path: string) =>
  (readJson(new URL(`../examples/${path}`, import.meta.url).pathname) as { case: unknown }).case;
const finding = (a: Assessment, code: string) => a.findings.find((f) => f.code === code);

describe('cost of the time expected to be served: states', () => {
  it('Georgia (parole, share served not in the knowledge base): undetermined, the missing piece named', () => {
    const a = assessCase(example('ga-16-11-106/first-sale-with-firearm-2020.json'));
    assert.equal(a.consequences?.cost, null);
    const f = finding(a, 'consequences.cost.served.share_unknown');
    assert.equal(f?.values?.missing_law, 'state_release_share');
    assert.equal(f?.values?.rule, 'ga_parole');
    assert.equal(f?.values?.months, 60);
    assert.ok(f?.citations.some((c) => c.includes('42-9-45')));
    // the rate is known (issue 11 item 5: GA audit FY2018, $65.58 a day x 365 = $23,937), so the whole 60-month
    // term is the upper bound: 5 x 23,937 = $119,685
    assert.equal(finding(a, 'consequences.cost.rate')?.values?.rate_usd_per_year, 23937);
    assert.equal(f?.values?.upper_bound_usd, 5 * 23937);
  });

  it('New York before 2005 (indeterminate, parole): the whole term served is the upper bound, at $69,355 a year', () => {
    const a = assessCase(example('ny-penal-220/ny-ex1-sale-heroin-2004-rockefeller.json'));
    assert.equal(a.consequences?.cost, null);
    const f = finding(a, 'consequences.cost.served.share_unknown');
    assert.equal(f?.values?.months, 12);
    assert.equal(f?.values?.upper_bound_usd, 69355);
    assert.equal(f?.values?.term_lower_bound, true);
  });

  it('North Carolina structured sentencing: the minimum served in full (15A-1340.13), said in a finding', () => {
    const a = assessCase(example('nc-14-7-6/habitual-felon-pwid-2010.json'));
    const f = finding(a, 'consequences.cost.served.state_release_rule');
    assert.deepEqual(
      { rule: f?.values?.rule, fraction: f?.values?.served_fraction, served: f?.values?.served_months },
      { rule: 'nc_minimum_served', fraction: 1, served: 44 },
    );
  });

  it('with a rate and a known share, a state term gets a cost on the time served (a patched law book)', () => {
    const book = patchedBook({ 'us_ny.release.parole': { parole_eligible: false, served_fraction: 1 } });
    const a = assess(validCase(example('ny-penal-220/ny-ex1-sale-heroin-2004-rockefeller.json')), {
      evaluationDate: EVALUATION,
      law: book,
    });
    const c = a.consequences?.cost as { usd: number; months: number; cost_of_term_imposed: { usd: number } };
    assert.deepEqual(
      { usd: c.usd, months: c.months, term: c.cost_of_term_imposed.usd },
      {
        usd: 69355,
        months: 12,
        term: 69355,
      },
    );
  });
});

describe('state release: "no parole" is not "served in full"', () => {
  const sentence = (release: StateSentence['release']): StateSentence => ({
    offense: {
      citation: 'Fla. Stat. 893.13',
      description: 'sale',
      conduct: 'distribution',
      class: 'F2',
      tier: null,
    },
    counts: [
      {
        citation: 'Fla. Stat. 893.13',
        description: 'sale',
        kind: 'offense',
        row: 'f2',
        consecutive: false,
        penalty: { min_months: 0, max_months: 180, mandatory_months: 0, probation: true },
      },
    ],
    enhancements: [],
    grid: {
      kind: 'fl_cpc',
      minimum_months: 40,
      maximum_months: 180,
      binding: true,
      values: {},
      citations: [],
    },
    release,
  });
  it("Florida's 85% (944.275(4)(b)3.): a 40-month scoresheet term is served for 34 months, not 40", () => {
    const e = stateExposureOf(
      'US-FL',
      sentence({ parole_eligible: false, served_fraction: 0.85, rule: 'fl_85_percent', citations: [] }),
      new Trace(),
    );
    assert.equal(e.state?.expected_term.months, 40);
    assert.equal(e.state?.expected_term.served_months, 34);
  });
  it('no parole with the share unknown stays unknown (never read as served in full)', () => {
    const e = stateExposureOf(
      'US-FL',
      sentence({ parole_eligible: false, served_fraction: null, rule: 'x', citations: [] }),
      new Trace(),
    );
    assert.equal(e.state?.expected_term.served_months, null);
  });
});
