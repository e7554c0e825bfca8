import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assess } from '../../src/engine/assess.ts';
import { CaseRefused, parseCase } from '../../src/model/case.ts';
import { tmp } from '../batch/helpers.ts';
import { EVALUATION, ROOT } from '../helpers/cases.ts';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [`${ROOT}bin/proportion.mjs`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const angelos = JSON.parse(readFileSync(join(ROOT, 'examples/cases/weldon-angelos.json'), 'utf8'));
const caseFile = (c: unknown, raw?: string) => {
  const f = join(tmp('proportion-refusal-'), 'case.json');
  writeFileSync(f, raw ?? JSON.stringify(c));
  return f;
};
const minimal = (offense: string) => ({
  jurisdiction: 'US-FED',
  offense_date: offense,
  conduct: { activities: ['sold_retail'], drugs: [{ substance: 'cocaine', grams: 30, basis: 'transacted' }] },
});

describe('legal refusals reach the CLI user as coded refusals naming the field (exit 2)', () => {
  it('an offense before the law data starts: offense_date, "the law data starts 1986-10-27"', () => {
    for (const cmd of ['assess', 'compare']) {
      const r = cli([cmd, caseFile(minimal('1980-01-01'))]);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /offense_date: the law data starts 1986-10-27/);
      assert.match(r.err, /\[law\.gap\]/);
      assert.doesNotMatch(r.err, /internal error|at .*\.ts:/);
    }
  });

  it('a date after the evaluation date is refused, never assessed under a Manual that does not exist', () => {
    const r = cli(['assess', caseFile(minimal('2999-01-01'))]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /offense_date: 2999-01-01 is after the evaluation date/);
    const asOf = cli(['assess', 'examples/cases/weldon-angelos.json', '--as-of', '2999-01-01']);
    assert.equal(asOf.code, 2);
    assert.match(asOf.err, /as_of: 2999-01-01 is after the evaluation date/);
    // the library refuses too, with the field
    const sentencedLater = { ...angelos, sentencing_date: '2026-01-01' };
    const parsed = parseCase(sentencedLater);
    assert.ok(parsed.ok);
    assert.throws(
      () => assess(parsed.case, { evaluationDate: '2025-06-01' }),
      (e: unknown) => e instanceof CaseRefused && e.problems[0]?.path === 'sentencing_date',
    );
  });

  it('a case file starting with a UTF-8 byte-order mark is read', () => {
    const r = cli(['assess', caseFile(null, `\uFEFF${JSON.stringify(angelos)}`), '--json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).exposure.firearms.consecutive_minimum_months, 660);
  });
});

describe('absurd input is invalid, with the field named', () => {
  const problems = (c: unknown) => {
    const r = parseCase(c);
    assert.ok(!r.ok, 'expected the case to be invalid');
    return r.problems.map((p) => p.path);
  };
  it('a birth year after the offense', () => {
    assert.deepEqual(problems({ ...angelos, person: { ...angelos.person, birth_year: 2010 } }), [
      'person.birth_year',
    ]);
  });
  it('quantities that overflow arithmetic (1e308 grams) or are absurd', () => {
    const drugs = [
      { substance: 'cocaine', grams: 1e308, basis: 'transacted' },
      { substance: 'cocaine', grams: 1e308, basis: 'transacted' },
    ];
    assert.deepEqual(problems({ ...angelos, conduct: { ...angelos.conduct, drugs } }), [
      'conduct.drugs.0.grams',
      'conduct.drugs.1.grams',
    ]);
    assert.deepEqual(problems({ ...angelos, evidence: { cash_usd: 1e300 } }), ['evidence.cash_usd']);
  });
  it('control characters in an id', () => {
    assert.deepEqual(problems({ ...angelos, id: 'a\u0000b' }), ['id']);
    assert.deepEqual(problems({ ...angelos, id: 'line\nbreak' }), ['id']);
    assert.ok(parseCase({ ...angelos, id: 'Ångelos – 2004' }).ok);
  });
  it('the evaluation date of the tests is not before the example cases', () => {
    assert.ok(EVALUATION >= angelos.sentencing_date);
  });
});
