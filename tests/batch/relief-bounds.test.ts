import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runBatch } from '../../src/batch/run.ts';
import { compare } from '../../src/engine/compare.ts';
import { compareTerms, termEstimate } from '../../src/engine/relief.ts';
import { assessUnder, resolveScenario } from '../../src/engine/scenarios.ts';
import { EVALUATION, ROOT, readJson, validCase } from '../helpers/cases.ts';
import { flatCsv, tmp } from './helpers.ts';

const story = (slug: string) => validCase(readJson(`${ROOT}examples/cases/${slug}.json`));
const under = (slug: string, scenario: string) =>
  assessUnder(story(slug), resolveScenario(scenario), { evaluationDate: EVALUATION });

// A state engine without a grid gives only the lowest term the law allows: the person serves at least that.
describe('relief where a term is only a lower bound', () => {
  it('Cynthia Powell: at least 25 years then, not prosecuted under dpa-2019 - at least 300 months certainly saved', () => {
    const base = under('cynthia-powell', 'law_at_sentencing');
    assert.deepEqual(termEstimate(base), { months: 300, at_least: true });
    const r = compareTerms(base, under('cynthia-powell', 'dpa-2019'));
    assert.equal(r.months_saved, null);
    assert.equal(r.months_saved_at_least, 300);
    assert.deepEqual(r.reason_codes, ['relief.shorter_term_at_least']);
    const retro = compare(story('cynthia-powell'), ['law_at_sentencing', 'dpa-2019'], {
      evaluationDate: EVALUATION,
    }).retroactivity.find((x) => x.scenario === 'dpa-2019');
    assert.equal(retro?.may_seek_reduction, true);
  });

  it('two lower bounds prove nothing: Powell today (at least 84 months) and Naverro under dpa-2019 stay unknown', () => {
    const powell = compareTerms(
      under('cynthia-powell', 'law_at_sentencing'),
      under('cynthia-powell', 'law_today'),
    );
    assert.equal(powell.months_saved_at_least, null);
    assert.deepEqual(powell.reason_codes, ['relief.term_unknown']);
    const naverro = compareTerms(
      under('caswick-naverro', 'law_at_sentencing'),
      under('caswick-naverro', 'dpa-2019'),
    );
    assert.equal(naverro.months_saved_at_least, null);
    assert.deepEqual(naverro.reason_codes, ['relief.term_unknown']);
  });

  it('Aron Tuff: mandatory life is exact, so dpa-2019 removes it; today (10 years to life) it is unknown', () => {
    const base = under('aron-tuff', 'law_at_sentencing');
    assert.deepEqual(termEstimate(base), { months: 'life', at_least: false });
    assert.deepEqual(compareTerms(base, under('aron-tuff', 'dpa-2019')).reason_codes, [
      'relief.life_removed',
    ]);
    assert.deepEqual(compareTerms(base, under('aron-tuff', 'law_today')).reason_codes, [
      'relief.term_unknown',
    ]);
  });

  it('a bulk run counts the certain saving apart from exact months and dollars', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.csv');
    // Cynthia Powell's facts (examples/cases/cynthia-powell.json) for two people: Florida 2002, 29.3 g of
    // hydrocodone pills sold to support herself - trafficking with a 25-year minimum, declined under dpa-2019
    const row = {
      jurisdiction: 'US-FL',
      offense_date: '2002-04-11',
      activities: 'sold_retail',
      drug1_substance: 'hydrocodone',
      drug1_grams: '29.3',
      drug1_basis: 'transacted',
      compensation: 'subsistence',
      weapon: 'none',
      violence: 'none',
      indicia: 'controlled_buy',
    };
    writeFileSync(
      input,
      flatCsv([
        { ...row, id: 'p1' },
        { ...row, id: 'p2' },
      ]),
    );
    const out = join(dir, 'out');
    const { summary } = await runBatch({
      evaluationDate: EVALUATION,
      progress: false,
      input,
      out,
      scenarios: ['law_at_sentencing', 'dpa-2019'],
      workers: 0,
    });
    const dpa = summary.scenarios['dpa-2019'];
    assert.equal(dpa?.eligible_for_relief, 2);
    assert.equal(dpa?.eligible_saving_lower_bound, 2);
    assert.equal(dpa?.months_saved_at_least_total, 600);
    assert.equal(dpa?.months_saved_total, 0);
    assert.equal(dpa?.months_saved_mean, null);
    assert.equal(dpa?.dollars_saved, 0);
    const results = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    const header = (results[0] as string).split(',');
    const cell = (name: string) => (results[1] as string).split(',')[header.indexOf(name)];
    const p = summary.scenarios['dpa-2019']?.column_prefix as string;
    assert.equal(cell(`${p}_months_saved`), '');
    assert.equal(cell(`${p}_months_saved_at_least`), '300');
    assert.equal(cell(`${p}_relief_eligible`), 'true');
    assert.equal(cell(`${p}_relief_codes`), 'relief.shorter_term_at_least');
  });
});
