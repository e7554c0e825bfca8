import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessUnder, resolveScenario } from '../../src/engine/scenarios.ts';
import { defaultLawBook } from '../../src/law/loader.ts';
import { type AppliedDates, CaseLaw } from '../../src/law/reader.ts';
import type { Assessment } from '../../src/model/assessment.ts';
import { parseCase } from '../../src/model/case.ts';
import { termGte } from '../../src/model/terms.ts';
import { combineGroups } from '../../src/rules/exposure/ussg-3d1.ts';
import { Trace } from '../../src/rules/trace.ts';
import { assessCase, EVALUATION, validCase } from '../helpers/cases.ts';

const drugPrior = (date: string, extra: Record<string, unknown> = {}) => ({
  date,
  kind: 'drug_distribution',
  felony: true,
  sentence_months: 24,
  max_term_months: 240,
  release_date: `${String(Number(date.slice(0, 4)) + 1)}${date.slice(4)}`,
  ...extra,
});

const gunCase = (priors: unknown[], conduct: Record<string, unknown> = {}) => ({
  id: 'acca-test',
  jurisdiction: 'US-FED',
  offense_date: '2019-06-01',
  sentencing_date: '2020-03-01',
  conduct: {
    activities: ['sold_retail'],
    drugs: [{ substance: 'cocaine', basis: 'transacted', grams: 30 }],
    weapon: 'possessed',
    felon_in_possession_counts: 1,
    ...conduct,
  },
  history: { priors },
});

const findings = (a: Assessment) => a.findings.map((f) => f.code);

describe('ACCA (18 U.S.C. 924(e)): predicates and occasions as open facts', () => {
  it('three drug priors of one date, episodes not stated: 180 months worst, none best, the occasions asked', () => {
    // old priors that score no points: no career offender, so 4B1.4 alone moves the range
    const a = assessCase(gunCase([0, 1, 2].map(() => drugPrior('1995-01-01'))));
    assert.equal(a.exposure?.felon_in_possession?.armed_career_criminal, null);
    assert.equal(a.exposure?.mandatory_minimum_months, 180);
    const best = a.findings.find((f) => f.code === 'exposure.mandatory_minimum.best_case');
    assert.equal(best?.values?.months, 0);
    assert.equal(best?.values?.if, 'acca');
    const asked = (a.questions ?? []).map((q) => q.path);
    assert.ok(asked.includes('history.priors.0.occasion'), asked.join(', '));
    assert.ok(findings(a).includes('exposure.acca.occasions_for_jury'));
    // the guideline range too: 4B1.4 in the worst case, not in the best
    const g = a.exposure?.guidelines;
    assert.ok(findings(a).includes('guidelines.armed_career_criminal'));
    assert.ok(g?.best_case_offense_level !== undefined && g.best_case_offense_level < g.offense_level);
  });

  it('a violent prior is asked as a violent felony; stated "neither" it does not count', () => {
    const violent = { date: '2012-01-01', kind: 'violent', felony: true, sentence_months: 36 };
    const open = assessCase(gunCase([drugPrior('2008-01-01'), drugPrior('2010-01-01'), violent]));
    assert.equal(open.exposure?.felon_in_possession?.armed_career_criminal, null);
    assert.ok((open.questions ?? []).some((q) => q.path === 'history.priors.2.acca_predicate'));
    const no = assessCase(
      gunCase([drugPrior('2008-01-01'), drugPrior('2010-01-01'), { ...violent, acca_predicate: 'neither' }]),
    );
    assert.equal(no.exposure?.felon_in_possession?.armed_career_criminal, false);
    assert.equal(no.exposure?.mandatory_minimum_months, 0);
  });

  it('a drug prior with a maximum under ten years is no serious drug offense (924(e)(2)(A))', () => {
    const a = assessCase(
      gunCase([
        drugPrior('2008-01-01'),
        drugPrior('2010-01-01'),
        drugPrior('2012-01-01', { max_term_months: 60 }),
      ]),
    );
    assert.equal(a.exposure?.felon_in_possession?.armed_career_criminal, false);
  });

  it('property: one more prior never lowers the minimum, the guideline range or the level', () => {
    const pool = [
      drugPrior('2004-01-01'),
      drugPrior('2006-01-01', { occasion: 'b' }),
      drugPrior('2006-01-01', { occasion: 'b' }),
      { date: '2009-01-01', kind: 'violent', felony: true, sentence_months: 30 },
      drugPrior('2011-01-01', { max_term_months: undefined }),
      drugPrior('2013-01-01'),
      { date: '2015-01-01', kind: 'other', felony: true, sentence_months: 14 },
    ];
    for (const conduct of [{}, { firearm_counts: 1 }, { weapon: 'nearby' }]) {
      let before = assessCase(gunCase([], conduct));
      for (let n = 1; n <= pool.length; n++) {
        const after = assessCase(gunCase(pool.slice(0, n), conduct));
        const [b, x] = [before.exposure, after.exposure];
        assert.ok(termGte(x?.mandatory_minimum_months ?? 0, b?.mandatory_minimum_months ?? 0), `n=${n}`);
        const [bg, xg] = [b?.guidelines, x?.guidelines];
        assert.ok(xg && bg, `n=${n}`);
        assert.ok(
          xg.offense_level >= bg.offense_level,
          `level n=${n}: ${bg.offense_level} -> ${xg.offense_level}`,
        );
        assert.ok(termGte(xg.range_months[0], bg.range_months[0]), `range n=${n}`);
        before = after;
      }
    }
  });

  it('the no-mandatory-minimums reform ends the ACCA minimum too', () => {
    const c = validCase(gunCase([drugPrior('2008-01-01'), drugPrior('2011-01-01'), drugPrior('2014-01-01')]));
    const today = assessUnder(c, resolveScenario('law_today'), { evaluationDate: EVALUATION });
    const reform = assessUnder(c, resolveScenario('no-mandatory-minimums'), { evaluationDate: EVALUATION });
    assert.equal(today.exposure?.mandatory_minimum_months, 180);
    assert.equal(reform.exposure?.felon_in_possession?.minimum_months, 0);
    assert.equal(reform.exposure?.mandatory_minimum_months, 0);
  });

  it('922(g) counts without a weapon are refused, naming the field', () => {
    const r = parseCase(gunCase([], { weapon: 'none' }));
    assert.ok(!r.ok);
    assert.ok(r.problems.some((p) => p.path === 'conduct.felon_in_possession_counts'));
  });
});

describe('USSG 3D1.4 units', () => {
  const law = new CaseLaw(defaultLawBook(), {
    offense: '2019-06-01',
    sentencing: '2020-03-01',
    conviction: '2020-03-01',
    evaluation: EVALUATION,
  } satisfies AppliedDates).at('2019-11-01', 'guidelines');
  const level = (levels: number[]) => combineGroups(levels, law, new Trace());
  it('one unit each within 4 levels, a half within 8, none beyond; the increase by total units', () => {
    assert.deepEqual([level([20, 16]).units, level([20, 16]).level], [2, 22]);
    assert.deepEqual([level([20, 15]).units, level([20, 15]).level], [1.5, 21]);
    assert.deepEqual([level([20, 12]).units, level([20, 12]).level], [1.5, 21]);
    assert.deepEqual([level([20, 11]).units, level([20, 11]).level], [1, 20]);
    assert.deepEqual(level([20, 20, 20]).level, 23);
    assert.deepEqual(level([20, 20, 20, 20, 20, 20]).level, 25);
  });
});
