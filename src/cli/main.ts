import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { batchCommand, generateCommand, validateUsscCommand } from '../batch/cli.ts';
import { answerFirst } from '../engine/answer.ts';
import { assess } from '../engine/assess.ts';
import { compare, DEFAULT_SCENARIOS } from '../engine/compare.ts';
import { reformCatalog, resolveScenario } from '../engine/scenarios.ts';
import { ENGINE_VERSION } from '../engine/stamp.ts';
import { lawInForce } from '../law/in-force.ts';
import { defaultLawBook } from '../law/loader.ts';
import { assessmentSchema } from '../model/assessment-schema.ts';
import { type Case, caseSchema } from '../model/case.ts';
import { isIsoDate, todayUtc } from '../model/dates.ts';
import { asRefusal, EXIT, InvalidInput, readCaseFile, reportError } from './io.ts';
import { renderComparison, renderReform, renderReformList } from './render-compare.ts';
import { renderAssessment } from './render-text.ts';

function isoDateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD');
  return value;
}

const SCHEMAS = { case: caseSchema, assessment: assessmentSchema } as const;

const program = new Command()
  .name('proportion')
  .description('Drug-supply cases under the law of any date, explained and cited.')
  .version(ENGINE_VERSION)
  .showHelpAfterError()
  // Usage errors are invalid input (exit 2); set before the subcommands so they inherit it.
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : EXIT.invalid);
  });

program
  .command('assess')
  .description('assess one case: charge, statutory range, firearms, safety valve, guidelines, findings')
  .argument('<file>', 'case file (JSON, contract v1), or - for standard input')
  .option(
    '--as-of <date>',
    'the same conduct committed and sentenced on this date (YYYY-MM-DD)',
    isoDateOption,
  )
  .option('--json', 'print the assessment contract as JSON')
  .option('--verbose', 'every finding, not only the numbers and what qualifies them')
  .action((file: string, opts: { asOf?: string; json?: boolean; verbose?: boolean }) => {
    let c: Case | undefined;
    try {
      c = readCaseFile(file);
      const a = assess(c, { evaluationDate: todayUtc(), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
      if (opts.json) process.stdout.write(`${JSON.stringify(a, null, 2)}\n`);
      else {
        // the answer first: the case's own law, today's and the report's agenda (not for an "as of" question)
        const answer = opts.asOf ? undefined : answerFirst(c, { evaluationDate: todayUtc() }, a);
        process.stdout.write(
          renderAssessment(a, { verbose: opts.verbose === true, ...(answer ? { answer } : {}) }),
        );
      }
      process.exitCode = EXIT.ok;
    } catch (e) {
      process.exitCode = reportError(asRefusal(e, c, opts.asOf));
    }
  });

program
  .command('compare')
  .description('the same case under several scenarios: the law at sentencing, today, and reforms')
  .argument('<file>', 'case file (JSON, contract v1), or - for standard input')
  .option('--scenarios <ids>', 'comma-separated scenario ids or reform files', DEFAULT_SCENARIOS.join(','))
  .option('--json', 'print the comparison contract as JSON')
  .action((file: string, opts: { scenarios: string; json?: boolean }) => {
    let c: Case | undefined;
    try {
      c = readCaseFile(file);
      const ids = opts.scenarios
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const result = compare(c, ids, { evaluationDate: todayUtc() });
      process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : renderComparison(result));
    } catch (e) {
      process.exitCode = reportError(asRefusal(e, c));
    }
  });

const reforms = program.command('reforms').description('the reform catalog');
reforms
  .command('list', { isDefault: true })
  .description('list the catalog')
  .action(() => {
    process.stdout.write(renderReformList([...reformCatalog().values()]));
  });
reforms
  .command('show')
  .description('one reform with its provisions')
  .argument('<id>', 'catalog id, or a reform file')
  .option('--json', 'print the reform as JSON')
  .action((id: string, opts: { json?: boolean }) => {
    try {
      const r = resolveScenario(id).reform;
      if (!r) throw new InvalidInput(`"${id}" is a built-in scenario, not a reform`);
      process.stdout.write(opts.json ? `${JSON.stringify(r, null, 2)}\n` : renderReform(r));
    } catch (e) {
      process.exitCode = reportError(e);
    }
  });

program
  .command('law')
  .description('the law in force on a date, every value with its citation')
  .option('--date <date>', 'YYYY-MM-DD (default: today)', isoDateOption)
  .option('--jurisdiction <code>', 'US-FED, US-XX, or a policy such as dpa-2019')
  .option('--json', "print as JSON, with each value's history")
  .action((opts: { date?: string; jurisdiction?: string; json?: boolean }) => {
    const rows = lawInForce(defaultLawBook(), opts.date ?? todayUtc(), opts.jurisdiction);
    if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else
      for (const r of rows) {
        const v = JSON.stringify(r.value);
        process.stdout.write(
          `${r.id} = ${v.length > 80 ? `${v.slice(0, 77)}...` : v}  [${r.citation}; ${r.confidence}; from ${r.from}]\n`,
        );
      }
  });

program
  .command('schema')
  .description('print a JSON Schema of the contract')
  .argument('<name>', 'case | assessment')
  .action((name: string) => {
    const schema = SCHEMAS[name as keyof typeof SCHEMAS];
    if (!schema) {
      process.stderr.write(
        `error: unknown schema "${name}" (expected one of: ${Object.keys(SCHEMAS).join(', ')})\n`,
      );
      process.exitCode = EXIT.invalid;
      return;
    }
    process.stdout.write(
      `${JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }), null, 2)}\n`,
    );
  });

program
  .command('batch')
  .description(
    'run a caseload (CSV or JSON Lines) through scenarios: per-record results, rejects and an impact summary',
  )
  .argument('<input>', 'cases: .csv (flat layout or USSC individual-offender layout) or .jsonl')
  .requiredOption(
    '--scenarios <ids>',
    'comma-separated scenario ids or reform files, e.g. law_today,dpa-2019',
  )
  .requiredOption('--out <dir>', 'output directory')
  .option('--baseline <id>', 'scenario relief is measured against (default: the first listed)')
  .option(
    '--workers <n>',
    'worker threads (default: available cores, or the main thread for a small input; 0: main thread)',
  )
  .option('--format <format>', 'csv | jsonl | ussc (default: from the extension and the header)')
  .option('--evaluation-date <date>', 'evaluation date (default: today)', isoDateOption)
  .option('--no-parquet', 'skip results.parquet')
  .option('--no-progress', 'no progress bar')
  .action(async (input: string, opts: Record<string, unknown>) => {
    process.exitCode = await batchCommand(input, {
      ...opts,
      evaluationDate: (opts.evaluationDate as string) ?? todayUtc(),
    });
  });

program
  .command('validate-ussc')
  .description(
    "check the engine against the Sentencing Commission's recorded results in a USSC datafile (agreement rates and the rows that disagree)",
  )
  .argument('<file>', 'CSV in the USSC individual-offender layout')
  .option('--json', 'the report as JSON')
  .option('--evaluation-date <date>', 'evaluation date (default: today)', isoDateOption)
  .action((file: string, opts: { json?: boolean; evaluationDate?: string }) => {
    process.exitCode = validateUsscCommand(file, {
      ...(opts.json ? { json: true } : {}),
      evaluationDate: opts.evaluationDate ?? todayUtc(),
    });
  });

program
  .command('generate')
  .description(
    "a synthetic caseload (every record marked synthetic) calibrated to the report's figures: cases to standard output, or case records and their descriptor to a directory",
  )
  .option('--cases <n>', 'number of cases (printed to standard output)')
  .option('--records <n>', 'number of case records, written to --out as records.csv and datapackage.json')
  .option('--out <dir>', 'output directory for --records')
  .requiredOption('--seed <s>', 'seed (an integer): the same seed gives the same cases')
  .option('--format <format>', 'csv | jsonl (for --cases)', 'csv')
  .option(
    '--jurisdiction <j>',
    'US-FED, or a state as US-XX (the same synthetic conduct filed there; for --cases)',
    'US-FED',
  )
  .action(
    async (opts: {
      cases?: string;
      records?: string;
      out?: string;
      seed: string;
      format: string;
      jurisdiction: string;
    }) => {
      if (
        (opts.cases === undefined) === (opts.records === undefined) ||
        (opts.records !== undefined) !== (opts.out !== undefined)
      ) {
        process.stderr.write('error: give either --cases N, or --records N with --out DIR\n');
        process.exitCode = EXIT.invalid;
        return;
      }
      if (opts.cases !== undefined) {
        process.exitCode = await generateCommand({ ...opts, cases: opts.cases });
        return;
      }
      try {
        if (!/^\d+$/.test(opts.records ?? '') || !/^-?\d+$/.test(opts.seed))
          throw new InvalidInput(
            `--records must be a whole number and --seed an integer, got "${opts.records}" and "${opts.seed}"`,
          );
        const { writeSyntheticRecords } = await import('../synthetic/records.ts');
        const r = await writeSyntheticRecords(Number(opts.records), Number(opts.seed), opts.out as string);
        process.stderr.write(
          `wrote ${r.csv} and ${r.descriptor} (SYNTHETIC: ${opts.records} generated records)\n`,
        );
      } catch (e) {
        process.exitCode = reportError(e);
      }
    },
  );

program
  .command('serve')
  .description(
    'serve the HTTP API and the web app (PORT, PROPORTION_TOKEN, DATABASE_URL, PROPORTION_DATA_DIR)',
  )
  .option('--port <n>', 'port (default: PORT or 3000)')
  .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
  .option('--data-dir <dir>', 'releases and batch jobs (default: PROPORTION_DATA_DIR or ./data)')
  .option('--no-demo', 'do not generate the demo release at startup')
  .action(async (opts: { port?: string; host?: string; dataDir?: string; demo: boolean }) => {
    const { startServer } = await import('../api/server.ts');
    await startServer({
      ...(opts.port ? { port: Number(opts.port) } : {}),
      ...(opts.host ? { host: opts.host } : {}),
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      demo: opts.demo,
    });
  });

// --- records: import and publish (issue 6) ---
program
  .command('import')
  .description('import case records (CSV with a Data Package descriptor, or JSON Lines) into the database')
  .argument('<files...>', 'CSV or JSON Lines files')
  .option(
    '--descriptor <datapackage.json>',
    'Frictionless Data Package describing the CSV (its data dictionary)',
  )
  .option('--format <format>', 'csv | jsonl (default: from the file name)')
  .option('--allow-partial', 'import the valid rows even when some are rejected')
  .option(
    '--database <url>',
    'duckdb:PATH or postgres://... (default: $DATABASE_URL or duckdb:./data/proportion.duckdb)',
  )
  .action(
    async (
      files: string[],
      opts: { descriptor?: string; format?: 'csv' | 'jsonl'; allowPartial?: boolean; database?: string },
    ) => {
      try {
        const { runImport } = await import('../records/command.ts');
        // a status line on a terminal only, rewritten in place (\r, then erase to the end of the line)
        const status =
          process.stderr.isTTY && !process.env.CI
            ? (text: string) => process.stderr.write(`\r\u001b[K${text}`)
            : undefined;
        const reports = await runImport(files, opts, (s) => process.stderr.write(`${s}\n`), status);
        process.exitCode = reports.every((r) => r.committed && r.rejected.length === 0)
          ? EXIT.ok
          : EXIT.invalid;
      } catch (e) {
        process.exitCode = reportError(e);
      }
    },
  );

program
  .command('publish')
  .description(
    'publish a protected release: tables (CSV, Parquet, datapackage.json), charts (SVG) and index.html',
  )
  .requiredOption('--out <dir>', 'output directory')
  .option('--by <dims>', 'dimensions, comma-separated', 'role,race_ethnicity,gender,drug')
  .option('--stage <stage>', 'decision point', 'charging_decision')
  .option('--min-cell <n>', 'suppress counts below this', '11')
  .option(
    '--min-quantile-n <n>',
    'publish sentence-length quartiles only for cells with at least this many recorded terms (default: 4 x --min-cell)',
  )
  .option('--demo', 'publish the synthetic demo caseload (generated into a temporary database)')
  .option('--demo-size <n>', 'records in the demo caseload', '20000')
  .option(
    '--population <csv>',
    'residents by race_ethnicity (columns race_ethnicity,population) for per-capita rates',
  )
  .option(
    '--database <url>',
    'duckdb:PATH or postgres://... (default: $DATABASE_URL or duckdb:./data/proportion.duckdb)',
  )
  .action(
    async (opts: {
      out: string;
      by: string;
      stage: string;
      minCell: string;
      minQuantileN?: string;
      demo?: boolean;
      demoSize: string;
      population?: string;
      database?: string;
    }) => {
      try {
        const { runPublish } = await import('../publish/command.ts');
        const r = await runPublish(opts);
        process.stderr.write(
          `published ${r.out}: ${r.records} records${r.synthetic ? ' (SYNTHETIC)' : ''}, ${r.tables.length} tables, ${r.charts.length} charts, ${r.suppressedCells} cells suppressed\n`,
        );
        process.exitCode = EXIT.ok;
      } catch (e) {
        process.exitCode = reportError(e);
      }
    },
  );
// --- end records ---

await program.parseAsync(process.argv);
