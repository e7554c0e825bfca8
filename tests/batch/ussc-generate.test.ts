import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runBatch } from '../../src/batch/run.ts';
import { isUsscHeader, USSC_VARIABLES, usscRowToCase } from '../../src/batch/ussc.ts';
import { generateCases } from '../../src/synthetic/generate.ts';
import { EVALUATION, ROOT } from '../helpers/cases.ts';
import { json, read, tmp } from './helpers.ts';

/** A small file in the Commission's individual-offender layout, written by the project (no real person). */
const USSC = [
  'USSCIDN,SENTDATE,AGE,MONRACE,HISPORIG,MONSEX,CITIZEN,NEWCIT,COMBDRG2,WGT1,XCRHISSR,TOTCHPTS,AGGROLHI,MITROLHI,WEAPON,WEAPSOC,IS924C,DRUGMIN,SAFE,BOOKERCD,ACCTRESP,SENSPLT',
  '1001,03152016,31,2,1,0,1,0,2,30.5,3,5,0,0,0,0,0,60,0,0,-3,87',
  '1002,20170601,24,1,2,1,3,1,6,600,1,0,0,-4,0,0,0,120,1,0,-3,46',
  '1003,11302015,45,1,1,0,1,0,1,12000,4,8,4,0,1,1,1,120,0,5,-2,470',
  '1004,01012018,29,6,1,0,1,0,5,10,1,0,0,0,0,0,0,0,0,0,0,12',
  '1005,06012018,33,1,1,0,1,0,3,abc,1,0,0,0,0,0,0,0,0,0,0,12',
];
const row = (i: number) => {
  const h = (USSC[0] as string).split(',');
  const v = (USSC[i] as string).split(',');
  return Object.fromEntries(h.map((k, j) => [k, v[j] as string]));
};

describe('USSC individual-offender layout importer', () => {
  it('recognises the layout from the header', () => {
    assert.ok(isUsscHeader((USSC[0] as string).split(',')));
    assert.ok(!isUsscHeader(['id', 'jurisdiction', 'offense_date']));
  });

  it('maps codes to the contract: race, ethnicity, sex, citizenship, drug, weight, points, role, weapon, safety valve', () => {
    const a = usscRowToCase(row(1));
    assert.ok(a.ok);
    const c = a.value.case;
    assert.equal(c.id, 'ussc-1001');
    assert.equal(c.jurisdiction, 'US-FED');
    assert.equal(c.sentencing_date, '2016-03-15');
    assert.equal(c.offense_date, '2016-03-15');
    assert.deepEqual(c.person, {
      race: 'black',
      ethnicity: 'not_hispanic',
      gender: 'male',
      citizenship: 'us_citizen',
      birth_year: 1985,
    });
    assert.deepEqual(c.conduct.drugs, [{ substance: 'cocaine_base', grams: 30.5, basis: 'attributed' }]);
    assert.deepEqual(c.conduct.activities, ['sold_wholesale']);
    assert.equal(c.history?.criminal_history_points, 5);
    assert.equal(c.cooperation?.accepted_responsibility, true);
    assert.equal(a.value.source_sentence, '87');
    assert.equal(a.value.source_mandatory_minimum, '60');
    assert.ok(a.value.notes.includes('ussc.offense_date_assumed'));
    assert.ok(a.value.notes.includes('ussc.unverified.SENTDATE'));

    const b = usscRowToCase(row(2));
    assert.ok(b.ok);
    assert.equal(b.value.case.sentencing_date, '2017-06-01');
    assert.equal(b.value.case.person?.ethnicity, 'hispanic');
    assert.equal(b.value.case.person?.gender, 'female');
    assert.equal(b.value.case.person?.citizenship, 'undocumented');
    assert.equal(b.value.case.conduct.drugs[0]?.substance, 'methamphetamine');
    assert.deepEqual(b.value.case.conduct.activities, ['ran_errands']);
    assert.equal(b.value.case.cooperation?.truthful_disclosure, true);

    const d = usscRowToCase(row(3));
    assert.ok(d.ok);
    assert.deepEqual(d.value.case.conduct.activities, ['organized', 'supervised']);
    assert.equal(d.value.case.conduct.weapon, 'possessed');
    assert.equal(d.value.case.conduct.firearm_counts, 1);
    assert.equal(d.value.case.cooperation?.substantial_assistance, true);
    assert.equal(d.value.source_sentence, 'life');
  });

  it('unknown codes and bad weights are rejected by variable', () => {
    const e = usscRowToCase(row(4));
    assert.ok(!e.ok);
    assert.deepEqual(e.problems.map((p) => p.column).sort(), ['COMBDRG2', 'MONRACE']);
    const f = usscRowToCase(row(5));
    assert.ok(!f.ok);
    assert.deepEqual(
      f.problems.map((p) => p.column),
      ['WGT1'],
    );
  });

  it('every variable in the mapping says whether the codebook verified it', () => {
    for (const v of USSC_VARIABLES) assert.equal(typeof v.verified, 'boolean', v.name);
    assert.ok(USSC_VARIABLES.some((v) => !v.verified));
  });

  it('batch reads the layout and labels assumptions in the output', async () => {
    const dir = tmp();
    const input = join(dir, 'opafy.csv');
    writeFileSync(input, `${USSC.join('\n')}\n`);
    const out = join(dir, 'out');
    const { summary } = await runBatch({
      input,
      out,
      scenarios: ['law_at_sentencing', 'no-mandatory-minimums'],
      evaluationDate: EVALUATION,
      workers: 0,
      progress: false,
    });
    assert.equal(summary.format, 'ussc');
    assert.equal(summary.records_read, 5);
    assert.equal(summary.records_evaluated, 3);
    assert.equal(summary.records_rejected, 2);
    assert.match(
      read(out, 'results.csv'),
      /ussc\.activities_from_role_adjustment;ussc\.birth_year_from_age_at_sentencing;ussc\.offense_date_assumed;ussc\.unverified\.SENTDATE/,
    );
    assert.match(read(out, 'summary.md'), /Sentencing Commission individual-offender layout/);
  });
});

describe('synthetic caseload generator', () => {
  it('is reproducible by seed, and different seeds differ', () => {
    const a = [...generateCases(200, 42)];
    const b = [...generateCases(200, 42)];
    const c = [...generateCases(200, 43)];
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  it('marks every record synthetic with a syn- id', () => {
    for (const x of generateCases(500, 1)) {
      assert.equal(x.synthetic, true);
      assert.match(x.id ?? '', /^syn-/);
    }
  });

  it('is calibrated to the report: Latinx ~50.8%, Black ~23.3%, non-citizens ~28.9%, methamphetamine ~36.9%', () => {
    const n = 4000;
    let hisp = 0;
    let black = 0;
    let nonCit = 0;
    let meth = 0;
    for (const x of generateCases(n, 5)) {
      if (x.person?.ethnicity === 'hispanic') hisp++;
      else if (x.person?.race === 'black') black++;
      if (x.person?.citizenship !== 'us_citizen') nonCit++;
      if (x.conduct.drugs[0]?.substance === 'methamphetamine') meth++;
    }
    const near = (k: number, p: number) => Math.abs(k / n - p) < 0.03;
    assert.ok(near(hisp, 0.508), `hispanic ${hisp / n}`);
    assert.ok(near(black, 0.233), `black ${black / n}`);
    assert.ok(near(nonCit, 0.289), `non-citizens ${nonCit / n}`);
    assert.ok(near(meth, 0.369 - 0.015), `meth ${meth / n}`); // growers switch some to meth/marijuana
  });

  it('CLI: generate | batch works, output identical for the same seed, files say synthetic', () => {
    const dir = tmp();
    const gen = () =>
      spawnSync(process.execPath, [`${ROOT}bin/proportion.mjs`, 'generate', '--cases', '40', '--seed', '9'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const g1 = gen();
    const g2 = gen();
    assert.equal(g1.status, 0, g1.stderr);
    assert.equal(g1.stdout, g2.stdout);
    const lines = g1.stdout.trim().split('\n');
    assert.equal(lines.length, 41);
    assert.match(lines[0] ?? '', /^id,jurisdiction,offense_date,/);
    for (const l of lines.slice(1)) assert.match(l, /^syn-9-\d+,US-FED,[^,]*,[^,]*,[^,]*,true,/);
    const input = join(dir, 'cases.csv');
    writeFileSync(input, g1.stdout);
    const b = spawnSync(
      process.execPath,
      [
        `${ROOT}bin/proportion.mjs`,
        'batch',
        input,
        '--scenarios',
        'law_today,dpa-2019',
        '--out',
        join(dir, 'out'),
        '--workers',
        '1',
        '--evaluation-date',
        EVALUATION,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
    );
    assert.equal(b.status, 0, b.stderr);
    const s = json(join(dir, 'out'), 'summary.json');
    assert.equal(s.records_read, 40);
    assert.equal(s.synthetic, true);
    const bad = spawnSync(
      process.execPath,
      [`${ROOT}bin/proportion.mjs`, 'batch', input, '--scenarios', 'nope', '--out', join(dir, 'o2')],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown scenario "nope"/);
  });
});
