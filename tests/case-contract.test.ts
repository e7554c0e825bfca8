import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCase } from '../src/model/case.ts';

const valid = {
  id: 't',
  jurisdiction: 'US-FED',
  offense_date: '2020-01-01',
  conduct: { activities: ['sold_retail'], drugs: [{ substance: 'heroin', grams: 10, basis: 'transacted' }] },
};

function problems(input: unknown): Record<string, string> {
  const r = parseCase(input);
  assert.equal(r.ok, false, 'expected the case to be rejected');
  return r.ok ? {} : Object.fromEntries(r.problems.map((p) => [p.path, p.message]));
}

describe('case contract', () => {
  it('accepts a minimal valid case', () => {
    assert.equal(parseCase(valid).ok, true);
  });

  it('lists every problem by JSON path, not just the first', () => {
    const p = problems({
      ...valid,
      jurisdiction: 'Georgia',
      offense_date: '2020-02-30',
      typo_field: 1,
      conduct: {
        activities: ['dealing'],
        drugs: [{ substance: 'crack', grams: -2, basis: 'possessed', purity: 80 }],
      },
    });
    assert.match(p.jurisdiction ?? '', /US-FED or a state/);
    assert.match(p.offense_date ?? '', /real calendar date/);
    assert.equal(p.typo_field, 'unknown field');
    assert.match(p['conduct.activities.0'] ?? '', /Invalid option/);
    assert.match(p['conduct.drugs.0.substance'] ?? '', /Invalid option/);
    assert.match(p['conduct.drugs.0.grams'] ?? '', /greater than 0/);
    assert.match(p['conduct.drugs.0.purity'] ?? '', /at most 1/);
  });

  it('rejects reversed and impossible dates', () => {
    const p = problems({ ...valid, sentencing_date: '2019-12-31', conviction_date: '2021-01-01' });
    assert.match(p.sentencing_date ?? '', /before offense_date/);
    assert.match(p.conviction_date ?? '', /after sentencing_date/);
    const q = problems({
      ...valid,
      history: {
        priors: [{ date: '2021-01-01', kind: 'violent', felony: true, release_date: '2020-01-01' }],
      },
    });
    assert.match(q['history.priors.0.date'] ?? '', /before offense_date/);
    assert.match(q['history.priors.0.release_date'] ?? '', /not be before the prior date/);
  });

  it('rejects unknown nested fields, missing grams and plants without a count', () => {
    const p = problems({
      ...valid,
      person: { race: 'black', favourite_colour: 'red' },
      conduct: {
        activities: ['grew_or_manufactured'],
        drugs: [
          { substance: 'marijuana_plants', basis: 'possessed' },
          { substance: 'heroin', basis: 'possessed' },
        ],
      },
    });
    assert.equal(p['person.favourite_colour'], 'unknown field');
    assert.match(p['conduct.drugs.0.count'] ?? '', /plant count/);
    assert.match(p['conduct.drugs.1.grams'] ?? '', /required/);
  });

  it('takes a dose count for LSD instead of grams, and for nothing else', () => {
    const drugs = (d: object) => ({ ...valid, conduct: { activities: ['sold_retail'], drugs: [d] } });
    assert.equal(parseCase(drugs({ substance: 'lsd', basis: 'transacted', dosage_units: 100 })).ok, true);
    assert.match(
      problems(drugs({ substance: 'lsd', basis: 'transacted' }))['conduct.drugs.0.grams'] ?? '',
      /required \(grams > 0\), or dosage_units/,
    );
    // a dose count does not weigh cocaine: grams stay required, and the message says which substance it serves
    assert.match(
      problems(drugs({ substance: 'cocaine', basis: 'transacted', dosage_units: 100 }))[
        'conduct.drugs.0.grams'
      ] ?? '',
      /required \(grams > 0\); dosage_units alone gives a quantity only for lsd/,
    );
    assert.match(
      problems(drugs({ substance: 'lsd', basis: 'transacted', dosage_units: 0 }))[
        'conduct.drugs.0.dosage_units'
      ] ?? '',
      /greater than 0/,
    );
  });

  it('rejects 924(c) counts without a firearm and negative counts', () => {
    const p = problems({ ...valid, conduct: { ...valid.conduct, firearm_counts: 2, people_supervised: -1 } });
    assert.match(p['conduct.firearm_counts'] ?? '', /924\(c\) counts need a weapon/);
    assert.match(p['conduct.people_supervised'] ?? '', /negative/);
  });

  it('names the field of a motion or a finding that is not true, false or "unknown"', () => {
    const p = problems({
      ...valid,
      cooperation: { motion_3553e: 'yes', motion_5k1_1: 'unknown' },
      adjustments: { obstruction: 1, mitigating_role: 'tiny' },
    });
    assert.match(p['cooperation.motion_3553e'] ?? '', /true, false or "unknown"/);
    assert.equal(p['cooperation.motion_5k1_1'], undefined);
    assert.match(p['adjustments.obstruction'] ?? '', /true, false or "unknown"/);
    assert.match(p['adjustments.mitigating_role'] ?? '', /minimal/);
  });

  it('rejects a non-object', () => {
    assert.equal(parseCase('hello').ok, false);
    assert.equal(parseCase(null).ok, false);
  });
});
