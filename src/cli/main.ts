import { Command, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { assess } from '../engine/assess.ts';
import { ENGINE_VERSION } from '../engine/stamp.ts';
import { assessmentSchema } from '../model/assessment-schema.ts';
import { caseSchema } from '../model/case.ts';
import { isIsoDate, todayUtc } from '../model/dates.ts';
import { EXIT, readCaseFile, reportError } from './io.ts';
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
  .action((file: string, opts: { asOf?: string; json?: boolean }) => {
    try {
      const c = readCaseFile(file);
      const a = assess(c, { evaluationDate: todayUtc(), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
      process.stdout.write(opts.json ? `${JSON.stringify(a, null, 2)}\n` : renderAssessment(a));
      process.exitCode = EXIT.ok;
    } catch (e) {
      process.exitCode = reportError(e);
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

await program.parseAsync(process.argv);
