import type { LawBook } from '../law/book.ts';
import { defaultLawBook } from '../law/loader.ts';
import type { IsoDate } from '../model/dates.ts';

/**
 * The law as data for browsing: which parameters a jurisdiction has, the value in force on a date and
 * every value's history, each with its citation and sources. Presentation only: no rule reads this.
 */
export interface SourceRef {
  id: string;
  title: string;
  url: string;
}
export interface HistoryEntry {
  from: IsoDate;
  to: IsoDate | null;
  value: unknown;
  law: string;
  sources: SourceRef[];
  confidence: string;
  note: string | null;
  reach: { applies_to: string; cite: string } | null;
}
export interface ParameterView {
  id: string;
  title: string;
  unit: string | null;
  /** The value in force on the date asked, or null where no interval covers it. */
  in_force: HistoryEntry | null;
  history: HistoryEntry[];
}
export interface LawView {
  jurisdiction: string;
  date: IsoDate;
  law_data: string;
  parameters: ParameterView[];
}

/** A jurisdiction code as users write it (US-FED, US-GA, DPA-2019) and the parameter prefix behind it. */
export interface JurisdictionRef {
  code: string;
  prefix: string;
  parameters: number;
}

const POLICY_PREFIX = 'policy.dpa_2019';

const codeOf = (prefix: string): string =>
  prefix === POLICY_PREFIX ? 'DPA-2019' : prefix.toUpperCase().replaceAll('_', '-');

/** Every jurisdiction with law data, federal and the report's policy first, then the states. */
export function jurisdictions(law: LawBook = defaultLawBook()): JurisdictionRef[] {
  const counts = new Map<string, number>();
  for (const id of law.params.keys()) {
    const prefix = id.startsWith(`${POLICY_PREFIX}.`) ? POLICY_PREFIX : (id.split('.')[0] as string);
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const rank = (code: string) => (code === 'US-FED' ? 0 : code === 'DPA-2019' ? 1 : 2);
  return [...counts]
    .map(([prefix, parameters]) => ({ code: codeOf(prefix), prefix, parameters }))
    .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
}

export function prefixOf(code: string, law: LawBook = defaultLawBook()): string | undefined {
  return jurisdictions(law).find((j) => j.code === code.toUpperCase())?.prefix;
}

/** The parameters of one jurisdiction with the value in force on `date` and their histories. */
export function lawView(code: string, date: IsoDate, law: LawBook = defaultLawBook()): LawView | undefined {
  const prefix = prefixOf(code, law);
  if (!prefix) return undefined;
  const source = (id: string): SourceRef => {
    const s = law.sources[id];
    return { id, title: s?.title ?? id, url: s?.url ?? '' };
  };
  const parameters: ParameterView[] = law.family(prefix).map((id) => {
    const p = law.params.get(id);
    if (!p) throw new Error(`parameter ${id} vanished`);
    const history: HistoryEntry[] = p.values.map((v) => ({
      from: v.from,
      to: v.to ?? null,
      value: v.value,
      law: v.cite.law,
      sources: v.cite.sources.map(source),
      confidence: v.confidence,
      note: v.note ?? null,
      reach: v.reach ?? null,
    }));
    const in_force = history.find((h) => h.from <= date && (h.to === null || date < h.to)) ?? null;
    return { id, title: p.title, unit: p.unit ?? null, in_force, history };
  });
  return { jurisdiction: codeOf(prefix), date, law_data: law.hash, parameters };
}
