import type { Scenario } from '../engine/scenarios.ts';
import * as engine from '../engine/scenarios.ts';
import type { LawBook } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';

/**
 * Resolves a scenario id or reform-file path through the engine's `resolveScenario`; where the engine
 * does not have it yet, built-in ids only (unknown ids are a ScenarioError either way).
 */
export function resolveBatchScenario(idOrPath: string, law: LawBook = defaultLawBook()): Scenario {
  const resolve = (engine as { resolveScenario?: (id: string, law?: LawBook) => Scenario }).resolveScenario;
  if (typeof resolve === 'function') return resolve(idOrPath, law);
  const s = engine.builtInScenario(idOrPath, law);
  if (!s)
    throw new engine.ScenarioError(
      `unknown scenario "${idOrPath}" (built in: ${engine.BUILT_IN_SCENARIOS.join(', ')})`,
    );
  return s;
}

/** What a scenario declares about retroactivity: applies, and to sentences before which date. */
export interface Retroactivity {
  declared: boolean;
  applies: boolean;
  sentenced_before: string | null;
}

export function retroactivityOf(s: Scenario): Retroactivity {
  const r = (
    s as {
      reform?: { effective?: string; retroactive?: { applies: boolean; sentenced_before?: string } };
    }
  ).reform;
  if (!r?.retroactive) return { declared: false, applies: true, sentenced_before: null };
  return {
    declared: true,
    applies: r.retroactive.applies,
    sentenced_before: r.retroactive.sentenced_before ?? r.effective ?? null,
  };
}

/** A column-name-safe prefix for a scenario id (dpa-2019 → dpa_2019). */
export function columnPrefix(id: string): string {
  const base = id
    .replace(/^.*[\\/]/, '')
    .replace(/\.(ya?ml|json)$/, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  return /^[a-z]/.test(base) ? base : `s_${base}`;
}
