import { type Term, termLabel } from '../model/terms.ts';

/** Formatting helpers for message templates: values arrive as data and are rendered here. */
export const term = (v: unknown): string =>
  v === 'life' || typeof v === 'number' ? termLabel(v as Term) : String(v);
export const range = (v: unknown): string =>
  Array.isArray(v) ? `${term(v[0])} to ${term(v[1])}` : String(v);
export const list = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));
export const num = (v: unknown): string =>
  typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 3 }) : String(v);
