import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BatchAborted, BatchPool, OUTPUT_FILES, runBatch } from '../../src/batch/run.ts';
import { defaultLawBook } from '../../src/law/loader.ts';
import { generateCases } from '../../src/synthetic/generate.ts';
import { EVALUATION } from '../helpers/cases.ts';
import { ANGELOS, flatCsv, json, read, tmp } from './helpers.ts';

const base = { evaluationDate: EVALUATION, progress: false };

describe('proportion batch', () => {
  it('hand-computed aggregates are exact (Angelos ×3 at sentencing vs today, a state case, a bad row)', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.csv');
    writeFileSync(
      input,
      flatCsv([
        { ...ANGELOS, id: 'a1', race: 'black' },
        { ...ANGELOS, id: 'a2', race: 'white' },
        { ...ANGELOS, id: 'bad', drug1_grams: 'lots' },
        { ...ANGELOS, id: 'a3', race: 'white' },
        {
          id: 'ga',
          jurisdiction: 'US-GA',
          offense_date: '2020-01-01',
          activities: 'sold_retail',
          drug1_substance: 'cocaine',
          drug1_grams: '1',
          drug1_basis: 'transacted',
        },
      ]),
    );
    const out = join(dir, 'out');
    const { summary } = await runBatch({
      ...base,
      input,
      out,
      scenarios: ['law_at_sentencing', 'law_today'],
      workers: 1,
    });
    assert.equal(summary.records_read, 5);
    assert.equal(summary.records_evaluated, 4);
    assert.equal(summary.records_rejected, 1);
    assert.equal(summary.synthetic, false);
    // At sentencing: 660 months of 924(c) minimums + 6 (bottom of the drug range) = 666; today: 180 (First Step Act).
    // Relief is measured on the term (months saved: 666 - 180 = 486); dollars on the time expected to be served
    // (issue 13 item 12): 18 U.S.C. 3624(b) after the First Step Act credits 54 days a year of the term imposed,
    // 54 x 55.5 = 2997 days on 666 months and 54 x 15 = 810 days on 180 months, so each person's saving is
    // round((55.5 - 2997/365) x rate) - round((15 - 810/365) x rate) = 2,230,246 - 602,769 = $1,627,477 at the
    // FY2024 fee of $47,162 (on the term imposed it would be 40.5 person-years, $1,910,061).
    const rate = defaultLawBook().at(EVALUATION).get<{ usd_per_year: number }>('us_fed.cost_per_person_year')
      .value.usd_per_year;
    const today = summary.scenarios.law_today as unknown as Record<string, unknown> & {
      by: Record<string, Record<string, Record<string, unknown>>>;
    };
    assert.equal(today.people, 4);
    assert.equal(today.people_affected, 3);
    assert.equal(today.eligible_for_relief, 3);
    assert.equal(today.months_saved_total, 3 * 486);
    assert.equal(today.months_saved_mean, 486);
    assert.equal(today.prison_years_saved, 121.5);
    assert.equal(rate, 47162);
    const served = (months: number, creditDays: number) =>
      Math.round((months / 12 - creditDays / 365) * rate);
    assert.equal(served(666, 2997) - served(180, 810), 1627477);
    assert.equal(today.dollars_saved, 3 * 1627477);
    assert.equal(today.by.race?.black?.months_saved_total, 486);
    assert.equal(today.by.race?.white?.eligible_for_relief, 2);
    assert.equal(today.by.race?.unknown?.people, 1); // the state case (no race given); the bad row is not counted
    const rejected = read(out, 'rejected.csv').trim().split('\n');
    assert.deepEqual(rejected, [
      'line,id,field,reason',
      '4,bad,drug1_grams,"must be a number, got ""lots"""',
    ]);
    const results = read(out, 'results.csv').trim().split('\n');
    assert.equal(results.length, 5);
    assert.match(results[1] ?? '', /^2,a1,/);
    assert.match(results[4] ?? '', /^6,ga,/);
  });

  it('the same input gives byte-identical outputs with 1 and 2 workers, by default (on the main thread for an input this small) and twice on a kept pool (and counts and progress add up)', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.csv');
    const rows: Record<string, string>[] = [];
    let k = 0;
    for (const c of generateCases(260, 3)) {
      k++;
      const o: Record<string, string> = {};
      // through the flat layout
      const { caseToFlatObject } = await import('../../src/batch/layout.ts');
      Object.assign(o, caseToFlatObject(c));
      if (k % 37 === 0) o.drug1_grams = 'n/a';
      if (k % 53 === 0) o.race = 'martian';
      rows.push(o);
    }
    writeFileSync(input, `${flatCsv(rows)}1,2,3\n`);
    const outs = [];
    const pool = new BatchPool(2);
    for (const workers of [1, 2, undefined, pool, pool]) {
      const out = join(dir, `out${outs.length}`);
      const progress: number[] = [];
      const { summary } = await runBatch({
        ...base,
        input,
        out,
        scenarios: ['law_today', 'dpa-2019', 'no-mandatory-minimums'],
        ...(workers === undefined ? {} : typeof workers === 'number' ? { workers } : { pool: workers }),
        batchSize: 16,
        onProgress: (p) => progress.push(p.records),
      });
      assert.equal(progress.length, 17, 'one report per batch written');
      assert.ok(progress.every((n, i) => i === 0 || n > (progress[i - 1] as number)));
      assert.equal(progress.at(-1), 261);
      assert.equal(summary.records_read, 261);
      assert.equal(summary.records_read, summary.records_evaluated + summary.records_rejected);
      assert.equal(summary.records_rejected, 7 + 4 + 1 - 0);
      assert.equal(summary.synthetic, true);
      outs.push(out);
    }
    for (const f of OUTPUT_FILES)
      for (const other of outs.slice(1))
        assert.ok(
          readFileSync(join(outs[0] as string, f)).equals(readFileSync(join(other, f))),
          `${f} differs in ${other}`,
        );
    await pool.close();
    assert.match(read(outs[0] as string, 'summary.md'), /SYNTHETIC DATA/);
  });

  it('malformed CSV: clear rejections by line, no crash, the run goes on', async () => {
    const dir = tmp();
    const input = join(dir, 'bad.csv');
    const good = flatCsv([{ ...ANGELOS, id: 'ok1' }]).split('\n');
    const header = good[0] as string;
    const row = good[1] as string;
    const big = 'x'.repeat(50 * 1024 * 1024);
    writeFileSync(
      input,
      [
        header,
        row, // 2 ok
        `${row.replace('ok1', 'q1').replace('US-FED', 'US"FED')}`, // 3 quote inside an unquoted field
        'just,three,fields', // 4 wrong column count
        row.replace('ok1', 'g1').replace('680.4', '12kg'), // 5 non-numeric grams
        row.replace('ok1', 'c1').replace('sold_wholesale', 'dealing'), // 6 unknown code
        `"${big}",${row.slice(row.indexOf(',') + 1)}`, // 7 a 50 MB single field
        row.replace('ok1', 'ok2'), // 8 ok
        `"q2",US-FED,"2002-11-15"x${row.slice(row.indexOf('2002-11-15') + 10)}`, // 9 invalid closing quote
        row.replace('ok1', 'ok3'), // 10 ok
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const { summary, timings } = await runBatch({
      ...base,
      input,
      out,
      scenarios: ['law_today'],
      workers: 1,
    });
    assert.equal(summary.records_read, 9);
    assert.equal(summary.records_evaluated, 3);
    assert.equal(summary.records_rejected, 6);
    const rej = read(out, 'rejected.csv').trim().split('\n').slice(1);
    assert.deepEqual(
      rej.map((l) => l.split(',').slice(0, 3).join(',')),
      ['3,,(row)', '4,,(row)', '5,g1,drug1_grams', '6,c1,activities', '7,,(row)', '9,,(row)'],
    );
    assert.match(rej[0] ?? '', /quote inside an unquoted field/);
    assert.match(rej[1] ?? '', /has 3 fields, the header has \d+/);
    assert.match(rej[2] ?? '', /must be a number, got ""12kg""/);
    assert.match(rej[3] ?? '', /unknown code ""dealing""/);
    assert.match(rej[4] ?? '', /record longer than/);
    assert.match(rej[5] ?? '', /invalid closing quote/);
    assert.ok(timings.peak_rss_mib < 1024);
  });

  // (a file of 0 bytes is an error: tests/hardening/batch-input.test.ts)
  it('a header without records gives empty results and a summary saying so', async () => {
    const dir = tmp();
    const input = join(dir, 'empty.csv');
    writeFileSync(input, flatCsv([]));
    const out = join(dir, 'out');
    const { summary } = await runBatch({
      ...base,
      input,
      out,
      scenarios: ['law_today', 'dpa-2019'],
      workers: 1,
    });
    assert.equal(summary.records_read, 0);
    assert.equal(summary.records_evaluated, 0);
    assert.deepEqual(summary.notes, ['The input has no records.']);
    assert.equal(read(out, 'rejected.csv'), 'line,id,field,reason\n');
    assert.equal(read(out, 'results.csv').split('\n').length, 2); // header only
    assert.equal(
      (json(out, 'summary.json').scenarios as Record<string, { people: number }>)['dpa-2019']?.people,
      0,
    );
  });

  it('JSON Lines input: contract cases, one per line; bad lines rejected with their path', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.jsonl');
    const angelos = readFileSync(
      new URL('../../examples/cases/weldon-angelos.json', import.meta.url),
      'utf8',
    );
    writeFileSync(
      input,
      `${JSON.stringify(JSON.parse(angelos))}\n{"oops"\n\n${JSON.stringify({ ...JSON.parse(angelos), id: 'x', extra: 1 })}\n`,
    );
    const out = join(dir, 'out');
    const { summary } = await runBatch({
      ...base,
      input,
      out,
      scenarios: ['law_at_sentencing', 'law_today'],
      workers: 0,
    });
    assert.equal(summary.records_read, 3);
    assert.equal(summary.records_evaluated, 1);
    const rej = read(out, 'rejected.csv');
    assert.match(rej, /^2,,\(row\),not valid JSON/m);
    assert.match(rej, /^4,x,extra,unknown field/m);
  });

  it('an interrupted run leaves no output file, with its own workers or on a kept pool, which then runs on', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.csv');
    const { caseToFlatObject } = await import('../../src/batch/layout.ts');
    writeFileSync(input, flatCsv([...generateCases(3000, 11)].map(caseToFlatObject)));
    const run = { ...base, input, scenarios: ['law_today', 'dpa-2019'], batchSize: 50 };
    const pool = new BatchPool(1);
    try {
      for (const workers of [1, pool]) {
        const out = join(dir, `stopped${typeof workers === 'number' ? workers : 'pool'}`);
        const stop = new AbortController();
        let reported = 0;
        await assert.rejects(
          runBatch({
            ...run,
            out,
            ...(typeof workers === 'number' ? { workers } : { pool: workers }),
            signal: stop.signal,
            onProgress: (p) => {
              reported = p.records;
              stop.abort();
            },
          }),
          BatchAborted,
        );
        assert.ok(reported > 0 && reported < 3000, `stopped after ${reported} records`);
        for (const f of OUTPUT_FILES) assert.equal(existsSync(join(out, f)), false, `${f} was left behind`);
      }
      const again = join(dir, 'again');
      const main = join(dir, 'main');
      const { summary } = await runBatch({ ...run, out: again, pool });
      await runBatch({ ...run, out: main, workers: 0 });
      assert.equal(summary.records_evaluated, 3000);
      assert.equal(read(again, 'results.csv'), read(main, 'results.csv'));
    } finally {
      await pool.close();
    }
  });

  it('unknown scenarios, unknown columns and a column named twice fail before any file is written', async () => {
    const dir = tmp();
    const input = join(dir, 'cases.csv');
    writeFileSync(input, flatCsv([ANGELOS]));
    await assert.rejects(
      runBatch({ ...base, input, out: join(dir, 'o1'), scenarios: ['no-such-scenario'], workers: 0 }),
      /unknown scenario/,
    );
    writeFileSync(
      join(dir, 'x.csv'),
      'id,jurisdiction,offense_date,activities,drug1_substance,drug1_basis,colour\n',
    );
    await assert.rejects(
      runBatch({
        ...base,
        input: join(dir, 'x.csv'),
        out: join(dir, 'o2'),
        scenarios: ['law_today'],
        workers: 0,
      }),
      /unknown column "colour"/,
    );
    writeFileSync(
      join(dir, 'y.csv'),
      'id,jurisdiction,offense_date,activities,drug1_substance,drug1_basis,drug1_grams,drug1_grams\n',
    );
    await assert.rejects(
      runBatch({
        ...base,
        input: join(dir, 'y.csv'),
        out: join(dir, 'o3'),
        scenarios: ['law_today'],
        workers: 0,
      }),
      /column "drug1_grams" named more than once/,
    );
  });
});

describe('workers decode their own lines', () => {
  it('gives the outputs the main thread gives decoding every record (quotes, bad rows, blank lines, CRLF)', async () => {
    const dir = tmp();
    const input = join(dir, 'mixed.csv');
    const { caseToFlatObject } = await import('../../src/batch/layout.ts');
    const rows = [...generateCases(400, 11)].map((c) => caseToFlatObject(c));
    const lines = flatCsv(rows).trimEnd().split('\n');
    const body: string[] = [lines[0] as string];
    lines.slice(1).forEach((l, i) => {
      // quoted fields now and then (decoded on the main thread), in runs both short and long
      if (i % 97 === 5 || (i > 200 && i < 204)) body.push(l.replace(/^([^,]*),/, '"$1",'));
      else if (i % 61 === 7)
        body.push(`${l},extra`); // wrong field count
      else if (i % 83 === 9)
        body.push(''); // a blank line
      else if (i % 71 === 3)
        body.push(`${l}\r`); // a CRLF line end
      else body.push(l);
    });
    writeFileSync(input, `${body.join('\n')}\n`);
    const outs: string[] = [];
    const summaries = [];
    for (const decodeInWorkers of [false, true])
      for (const batchSize of [16, 1000]) {
        const out = join(dir, `out-${decodeInWorkers}-${batchSize}`);
        const { summary } = await runBatch({
          ...base,
          input,
          out,
          scenarios: ['law_today', 'dpa-2019'],
          workers: 2,
          batchSize,
          decodeInWorkers,
        });
        outs.push(out);
        summaries.push(summary);
      }
    const records = body.length - 1 - body.filter((l) => l === '').length;
    for (const s of summaries) assert.equal(s.records_read, records);
    assert.ok((summaries[0]?.records_rejected ?? 0) >= 6, 'the rows with an extra field are rejected');
    // decoding in the workers changes no byte of any output, at either batch size
    for (const [main, workers] of [
      [0, 2],
      [1, 3],
    ] as const)
      for (const f of OUTPUT_FILES)
        assert.ok(
          readFileSync(join(outs[workers] as string, f)).equals(readFileSync(join(outs[main] as string, f))),
          `${f} differs (${outs[workers]})`,
        );
  });
});
