import type { Template } from './catalog.ts';

const AREA_TEXT: Record<string, string> = {
  charge: 'the charge',
  statute: 'the statutory range',
  guidelines: 'the guideline range',
  role: 'the role',
  indicia: 'the evidence review',
  screen: 'the screen',
  consequences: 'the consequences',
};
const area = (v: Record<string, unknown>) => AREA_TEXT[String(v.area)] ?? 'the result';
const note = (v: Record<string, unknown>) => (v.note ? ` (${String(v.note)})` : '');

/** What reading the law reports, whichever part of the engine read it (src/law/reader.ts). */
export const lawMessages: Record<string, Template> = {
  'law.value_unverified': (v) =>
    `The law data has no verified value for ${String(v.parameter)} from ${String(v.from)}${note(v)}; it was not filled in, so ${area(v)} shown is a bound or left open, not a verified answer.`,
  'law.low_confidence': (v) =>
    `Low-confidence law value used for ${area(v)}: ${String(v.parameter)} from ${String(v.from)}${note(v)}; treat it as a lead, not a settled rule.`,
  'law.later_law_reaches_case': (v) =>
    `A later law (in force from ${String(v.from)}) reaches this case although the conduct came first: ${String(v.parameter)}.`,
  'law.gap': (v) =>
    `The law data has no value of ${String(v.parameter)} for ${String(v.date)}; this part cannot be computed.`,
};
