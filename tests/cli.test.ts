import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assessmentSchema } from '../src/model/assessment-schema.ts';
import { ROOT } from './helpers/cases.ts';

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [`${ROOT}bin/proportion.mjs`, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('proportion CLI', () => {
  it('assess --json prints contract-valid JSON: Angelos 660 months of 924(c) minimums at sentencing', () => {
    const r = cli(['assess', 'examples/cases/weldon-angelos.json', '--json']);
    assert.equal(r.code, 0, r.err);
    const a = assessmentSchema.parse(JSON.parse(r.out));
    assert.equal(a.exposure?.firearms.consecutive_minimum_months, 660);
    assert.equal(a.dates.sentencing, '2004-11-16');
  });

  it('assess --as-of 2026-11-27: 180 months', () => {
    const r = cli(['assess', 'examples/cases/weldon-angelos.json', '--json', '--as-of', '2026-11-27']);
    assert.equal(r.code, 0, r.err);
    const a = JSON.parse(r.out);
    assert.equal(a.exposure.firearms.consecutive_minimum_months, 180);
    assert.equal(a.dates.offense, '2026-11-27');
  });

  it('the readable explanation names the law behind each line', () => {
    const r = cli(['assess', 'examples/cases/weldon-angelos.json']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /55 years \(660 months\)/);
    assert.match(r.out, /Deal v\. United States/);
    assert.match(r.out, /18 U\.S\.C\. 924\(c\)/);
  });

  it('invalid input exits 2 and lists every problem on stderr', () => {
    const r = cli(
      ['assess', '-'],
      JSON.stringify({
        jurisdiction: 'US-FED',
        offense_date: '2020-02-31',
        extra: 1,
        conduct: { activities: [], drugs: [] },
      }),
    );
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /offense_date: must be a real calendar date/);
    assert.match(r.err, /extra: unknown field/);
    assert.match(r.err, /conduct\.activities: at least one activity/);
  });

  it('unreadable or non-JSON files and bad options exit 2', () => {
    assert.equal(cli(['assess', 'no/such/file.json']).code, 2);
    assert.equal(cli(['assess', '-'], '{not json').code, 2);
    assert.equal(cli(['assess', 'examples/cases/weldon-angelos.json', '--as-of', '2026-02-30']).code, 2);
    assert.equal(cli(['no-such-command']).code, 2);
  });

  it('schema case and schema assessment print JSON Schemas', () => {
    const c = cli(['schema', 'case']);
    assert.equal(c.code, 0);
    const s = JSON.parse(c.out);
    assert.equal(s.additionalProperties, false);
    assert.ok(s.properties.conduct);
    const a = JSON.parse(cli(['schema', 'assessment']).out);
    assert.ok(a.properties.exposure);
    assert.equal(cli(['schema', 'nope']).code, 2);
  });
});

describe('assess text: each fact once, short by default', () => {
  for (const file of readdirSync(join(ROOT, 'examples/cases')).filter((f) => f.endsWith('.json'))) {
    it(`${file}: no line repeats, citations as numbered notes, the default shorter than --verbose`, () => {
      const run = (...args: string[]) =>
        spawnSync(
          process.execPath,
          [`${ROOT}bin/proportion.mjs`, 'assess', join(ROOT, 'examples/cases', file), ...args],
          {
            encoding: 'utf8',
          },
        );
      const short = run();
      assert.equal(short.status, 0, short.stderr);
      const lines = short.stdout.split('\n').filter((l) => l.trim() !== '');
      const repeated = lines.filter((l, i) => lines.indexOf(l) !== i && !/^\s+\[\d+\] /.test(l));
      assert.deepEqual(repeated, []);
      assert.ok(lines.length <= 110, `${lines.length} lines`);
      const verbose = run('--verbose');
      assert.ok(verbose.stdout.split('\n').length > short.stdout.split('\n').length);
    });
  }
});
