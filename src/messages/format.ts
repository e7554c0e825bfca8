import { type Term, termLabel } from '../model/terms.ts';

/** Formatting helpers for message templates: values arrive as data and are rendered here. */
export const term = (v: unknown): string =>
  v === 'life' || typeof v === 'number' ? termLabel(v as Term) : String(v);
export const range = (v: unknown): string =>
  Array.isArray(v) ? `${term(v[0])} to ${term(v[1])}` : String(v);
export const list = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));
// Shared formatters: Number.prototype.toLocaleString builds a new one on every call, which dominated bulk runs.
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const num = (v: unknown): string => (typeof v === 'number' ? grouped.format(v) : String(v));
export const usd = (v: unknown): string =>
  typeof v === 'number' ? `$${money.format(v)}` : 'an unknown amount';
