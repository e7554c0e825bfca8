import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertedDrugWeight } from '../../src/batch/converted-weight.ts';
import { assess } from '../../src/engine/assess.ts';
import { defaultLawBook } from '../../src/law/loader.ts';
import type { Case } from '../../src/model/case.ts';
import { EVALUATION, validCase } from '../helpers/cases.ts';

const law = defaultLawBook();

const withDrugs = (drugs: unknown[]): Case =>
  validCase({
    jurisdiction: 'US-FED',
    offense_date: '2021-03-01',
    sentencing_date: '2022-06-01',
    conduct: { activities: ['sold_retail'], drugs },
  });

/** The column as batch writes it (bulk mode) and as an explained assessment gives it. */
function both(c: Case): { bulk: number | null; explained: number | null } {
  const bulk = assess(c, { evaluationDate: EVALUATION, law, mode: 'bulk' });
  const explained = assess(c, { evaluationDate: EVALUATION, law, messages: false });
  return { bulk: convertedDrugWeight(c, bulk, law), explained: convertedDrugWeight(c, explained, law) };
}

describe('converted drug weight (results column) is the weight the engine read, in bulk mode too', () => {
  it('methamphetamine of known purity beside cocaine: the actual weight converts (20 kg a gram), 1,900 kg in all', () => {
    // 100 g at 90%: 90 g actual x 20,000 = 1,800,000 g (more than the mixture's 100 g x 2,000); cocaine 500 g x 200.
    const c = withDrugs([
      { substance: 'methamphetamine', grams: 100, purity: 0.9, basis: 'possessed' },
      { substance: 'cocaine', grams: 500, basis: 'possessed' },
    ]);
    assert.deepEqual(both(c), { bulk: 1_900_000, explained: 1_900_000 });
    const a = assess(c, { evaluationDate: EVALUATION, law, mode: 'bulk' });
    assert.equal(a.exposure?.guidelines?.converted_drug_weight_grams, 1_900_000);
  });

  it('one substance read on its own row: no converted weight in the assessment, quantity times the ratio', () => {
    const c = withDrugs([{ substance: 'cocaine', grams: 500, basis: 'possessed' }]);
    const a = assess(c, { evaluationDate: EVALUATION, law, mode: 'bulk' });
    assert.equal(a.exposure?.guidelines?.converted_drug_weight_grams, undefined);
    assert.deepEqual(both(c), { bulk: 100_000, explained: 100_000 });
  });
});
