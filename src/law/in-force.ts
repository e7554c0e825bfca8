import type { IsoDate } from '../model/dates.ts';
import type { LawBook } from './book.ts';
import { lawPrefix } from './jurisdiction.ts';
import type { Confidence } from './schema.ts';

export interface InForce {
  id: string;
  title: string;
  unit: string | undefined;
  value: unknown;
  citation: string;
  sources: string[];
  confidence: Confidence;
  from: IsoDate;
  to: IsoDate | undefined;
  note: string | undefined;
  /** every dated value of the parameter, for timelines */
  history: {
    from: IsoDate;
    to: IsoDate | undefined;
    value: unknown;
    citation: string;
    confidence: Confidence;
  }[];
}

/** The law in force on a date (optionally one jurisdiction's), each value with its citation and its history. */
export function lawInForce(law: LawBook, date: IsoDate, jurisdiction?: string): InForce[] {
  const prefix = jurisdiction ? lawPrefix(jurisdiction) : '';
  const snapshot = law.at(date);
  const out: InForce[] = [];
  for (const [id, p] of law.params) {
    if (!id.startsWith(prefix) || !snapshot.has(id)) continue;
    const r = snapshot.get(id);
    out.push({
      id,
      title: p.title,
      unit: p.unit,
      value: r.value,
      citation: r.law,
      sources: r.sources,
      confidence: r.confidence,
      from: r.from,
      to: r.to,
      note: r.note,
      history: p.values.map((v) => ({
        from: v.from,
        to: v.to,
        value: v.value,
        citation: v.cite.law,
        confidence: v.confidence,
      })),
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
