import type { LawBook } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { IsoDate } from '../model/dates.ts';
import { assess } from './assess.ts';

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
  /** Which dates the case is assessed at: its own, or the evaluation date ("today"). */
  dates: 'case' | 'evaluation';
}

export class ScenarioError extends Error {}

export const BUILT_IN_SCENARIOS = ['law_at_sentencing', 'law_today'] as const;

export interface ScenarioOptions {
  evaluationDate: IsoDate;
  law?: LawBook;
  messages?: boolean;
}

export function builtInScenario(id: string, law: LawBook = defaultLawBook()): Scenario | undefined {
  if (id === 'law_at_sentencing') return { id, title: 'The law at the time of the case', kind: 'built_in', law, dates: 'case' };
  if (id === 'law_today') return { id, title: 'The same conduct under the law in force today', kind: 'built_in', law, dates: 'evaluation' };
  return undefined;
}

/** Assesses a case under a scenario; the output is stamped with the scenario id. */
export function assessUnder(c: Case, scenario: Scenario, options: ScenarioOptions): Assessment {
  return assess(c, {
    evaluationDate: options.evaluationDate,
    law: scenario.law,
    scenario: scenario.id,
    ...(scenario.dates === 'evaluation' ? { asOf: options.evaluationDate } : {}),
    ...(options.messages === false ? { messages: false } : {}),
  });
}
