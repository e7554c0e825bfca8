import { readFileSync } from 'node:fs';
import { lawGapProblem } from '../engine/dates.ts';
import { ScenarioError } from '../engine/scenarios.ts';
import { LawGapError } from '../law/errors.ts';
import { defaultLawBook } from '../law/loader.ts';
import { ReformError } from '../law/reform.ts';
import { type Case, type CaseProblem, CaseRefused, parseCase } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, internal: 1, invalid: 2 } as const;

export class InvalidInput extends Error {
  constructor(
    message: string,
    readonly problems: CaseProblem[] = [],
  ) {
    super(message);
  }
}

/** Reads and validates a case file (or "-" for standard input); every problem is listed. */
export function readCaseFile(path: string): Case {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new InvalidInput(`cannot read ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    // a UTF-8 byte-order mark (saved by some Windows editors) is not part of the JSON
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InvalidInput(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const r = parseCase(json);
  if (!r.ok) throw new InvalidInput(`${path} is not a valid case`, r.problems);
  return r.case;
}

/** A law-data gap met while assessing `c` becomes a refusal naming the case field whose date it is. */
export function asRefusal(e: unknown, c: Case | undefined, asOf?: IsoDate): unknown {
  if (e instanceof LawGapError && c) return new CaseRefused([lawGapProblem(e, c, defaultLawBook(), asOf)]);
  return e;
}

export function reportError(e: unknown): number {
  if (e instanceof CaseRefused) {
    process.stderr.write('error: the case cannot be assessed\n');
    for (const p of e.problems)
      process.stderr.write(`  ${p.path}: ${p.message}${p.code ? ` [${p.code}]` : ''}\n`);
    return EXIT.invalid;
  }
  if (e instanceof ReformError) {
    process.stderr.write(`error: invalid reform ${e.source}\n`);
    for (const p of e.problems) process.stderr.write(`  ${p}\n`);
    return EXIT.invalid;
  }
  if (e instanceof ScenarioError) {
    process.stderr.write(`error: ${e.message}\n`);
    return EXIT.invalid;
  }
  if (e instanceof InvalidInput) {
    process.stderr.write(`error: ${e.message}\n`);
    for (const p of e.problems) process.stderr.write(`  ${p.path}: ${p.message}\n`);
    return EXIT.invalid;
  }
  process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return EXIT.internal;
}
