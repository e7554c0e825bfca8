import type { Finding } from '../model/finding.ts';
import { consequencesMessages } from './consequences.ts';
import { exposureMessages } from './exposure.ts';
import { indiciaMessages } from './indicia.ts';
import { labelIds } from './labels.ts';
import { lawMessages } from './law.ts';
import { roleMessages } from './role.ts';
import { screenMessages } from './screen.ts';
import { stateMessages } from './state.ts';
import { stateEngineMessages } from './state-engines.ts';

/** A message template: renders prose from a finding's values. Numbers come from values, never from prose. */
export type Template = (v: Record<string, unknown>) => string;

const catalog: Record<string, Template> = {
  ...lawMessages,
  ...exposureMessages,
  ...roleMessages,
  ...indiciaMessages,
  ...screenMessages,
  ...consequencesMessages,
  ...stateMessages,
  ...stateEngineMessages,
};

export function hasMessage(code: string): boolean {
  return code in catalog;
}

export function renderMessage(code: string, values: Record<string, unknown> = {}): string {
  const t = catalog[code];
  if (!t) throw new Error(`no message for finding code ${code}`);
  return t(values);
}

/**
 * A finding with its message; contract ids in the values (cocaine_base, sold_wholesale) read as labels.
 * Findings are made with an empty message (src/model/finding.ts), which this replaces.
 */
export function render(f: Finding): Finding {
  return { ...f, message: labelIds(renderMessage(f.code, f.values)) };
}
