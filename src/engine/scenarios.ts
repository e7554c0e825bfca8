import { existsSync } from 'node:fs';
import type { LawBook } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';
import { applyReform, loadCatalog, type Reform, readReformFile, withIncludes } from '../law/reform.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';
import { type AssessOptions, assess } from './assess.ts';
import type { CaseMemo } from './memo.ts';

/**
 * A scenario: the law under which a case is assessed. Built in: `law_at_sentencing` (the case's own
 * dates) and `law_today` (the same conduct on the evaluation date). Reforms (src/law/reform.ts) are
 * scenarios too: a patch over the law applied over law_today unless they say otherwise.
 */
export interface Scenario {
  id: string;
  title: string;
  kind: 'built_in' | 'reform';
  /** The law book the scenario reads (the base law, or the base law with a reform applied). */
  law: LawBook;
  /** Which dates the case is assessed at: its own, the evaluation date ("today"), or a fixed date. */
  dates: 'case' | 'evaluation' | { law_of: IsoDate };
  /** The reform behind a reform scenario. */
  reform?: Reform;
}

export class ScenarioError extends Error {}

export const BUILT_IN_SCENARIOS = ['law_at_sentencing', 'law_today'] as const;

export interface ScenarioOptions {
  evaluationDate: IsoDate;
  law?: LawBook;
  messages?: boolean;
  mode?: AssessOptions['mode'];
  memo?: CaseMemo;
}

export function builtInScenario(id: string, law: LawBook = defaultLawBook()): Scenario | undefined {
  if (id === 'law_at_sentencing')
    return { id, title: 'The law at the time of the case', kind: 'built_in', law, dates: 'case' };
  if (id === 'law_today')
    return {
      id,
      title: 'The same conduct under the law in force today',
      kind: 'built_in',
      law,
      dates: 'evaluation',
    };
  return undefined;
}

let catalog: Map<string, Reform> | undefined;
const reformBooks = new WeakMap<LawBook, Map<string, LawBook>>();

/** The reform catalog shipped with the product (law/scenarios/), loaded once. */
export function reformCatalog(): Map<string, Reform> {
  catalog ??= loadCatalog();
  return catalog;
}

/** A scenario for a reform (an agenda's `includes` resolved from the catalog), its law built once per base book. */
export function reformScenario(given: Reform, law: LawBook = defaultLawBook()): Scenario {
  const reform = withIncludes(given, reformCatalog());
  let books = reformBooks.get(law);
  if (!books) {
    books = new Map();
    reformBooks.set(law, books);
  }
  const key = JSON.stringify(reform);
  let book = books.get(key);
  if (!book) {
    book = applyReform(law, reform);
    books.set(key, book);
  }
  const over = reform.applies_over ?? 'law_today';
  return {
    id: reform.id,
    title: reform.title,
    kind: 'reform',
    law: book,
    dates: over === 'law_today' ? 'evaluation' : over,
    reform,
  };
}

/**
 * A scenario by id (built in or from the catalog) or by the path of a reform file (.yaml, .yml, .json).
 * Unknown ids and invalid files are ScenarioErrors naming the problem.
 */
export function resolveScenario(idOrPath: string, law: LawBook = defaultLawBook()): Scenario {
  const builtIn = builtInScenario(idOrPath, law);
  if (builtIn) return builtIn;
  const fromCatalog = reformCatalog().get(idOrPath);
  if (fromCatalog) return reformScenario(fromCatalog, law);
  if (/\.(ya?ml|json)$/.test(idOrPath) || idOrPath.includes('/')) {
    if (!existsSync(idOrPath)) throw new ScenarioError(`no reform file at ${idOrPath}`);
    return reformScenario(readReformFile(idOrPath), law);
  }
  throw new ScenarioError(
    `unknown scenario "${idOrPath}" (built in: ${BUILT_IN_SCENARIOS.join(', ')}; catalog: ${[...reformCatalog().keys()].join(', ')}; or a path to a reform file)`,
  );
}

/** Assesses a case under a scenario; the output is stamped with the scenario id. */
export function assessUnder(c: Case, scenario: Scenario, options: ScenarioOptions): Assessment {
  const asOf =
    scenario.dates === 'case'
      ? undefined
      : scenario.dates === 'evaluation'
        ? options.evaluationDate
        : scenario.dates.law_of;
  return assess(c, {
    evaluationDate: options.evaluationDate,
    law: scenario.law,
    scenario: scenario.id,
    ...(asOf ? { asOf } : {}),
    ...(options.messages === false ? { messages: false } : {}),
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.memo ? { memo: options.memo } : {}),
  });
}
