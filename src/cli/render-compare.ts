import { COMPARISON_ROWS, type Comparison } from '../engine/compare.ts';
import type { Reform } from '../law/reform.ts';
import { term, usd } from '../messages/format.ts';
import { ENUM_LABELS, RESULT_LABELS } from '../messages/labels.ts';

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v) && v.length === 2) return `${v[0]}-${v[1]} months`.replace('life-life months', 'life');
  if (typeof v === 'number' || v === 'life') return term(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v).replaceAll('_', ' ');
};
const labelled = (field: string, v: unknown): unknown =>
  field === 'role.function' && typeof v === 'string'
    ? (ENUM_LABELS.function[v as keyof typeof ENUM_LABELS.function] ?? v)
    : field === 'screen.recommendation' && typeof v === 'string'
      ? (ENUM_LABELS.recommendation[v as keyof typeof ENUM_LABELS.recommendation] ?? v)
      : v;

/** One column per scenario; differing rows marked and explained by the law values that changed. */
export function renderComparison(c: Comparison): string {
  const ids = c.assessments.map((a) => a.scenario);
  const label = RESULT_LABELS;
  const read = (field: string, i: number): unknown => {
    const a = c.assessments[i];
    const v = a ? COMPARISON_ROWS.find((r) => r.field === field)?.read(a) : null;
    return field === 'consequences.cost.usd' && typeof v === 'number'
      ? usd(Math.round(v))
      : labelled(field, v);
  };
  const rows = COMPARISON_ROWS.map((r) => r.field);
  const table = [['', ...ids], ...rows.map((r) => [label[r] ?? r, ...ids.map((_, i) => cell(read(r, i)))])];
  const widths = table[0]?.map((_, col) => Math.max(...table.map((row) => (row[col] ?? '').length))) ?? [];
  const differing = new Set(c.differences.map((d) => d.field));
  const out: string[] = [`Comparison${c.case_id ? ` of ${c.case_id}` : ''}`, ''];
  table.forEach((row, i) => {
    const mark = i > 0 && differing.has(rows[i - 1] ?? '') ? '*' : ' ';
    out.push(`${mark} ${row.map((v, col) => v.padEnd(widths[col] ?? 0)).join('  ')}`);
  });
  out.push('', '* differs between scenarios. Why:');
  for (const d of c.differences) {
    out.push(`  ${label[d.field] ?? d.field}:`);
    if (d.because.length === 0) out.push('    (the facts the rules read differ: see each assessment)');
    for (const b of d.because.slice(0, 6))
      out.push(
        `    [${b.scenario}] ${b.parameter}: ${JSON.stringify(b.from)} -> ${JSON.stringify(b.to)}  (${b.citations.join('; ')})`,
      );
    if (d.because.length > 6) out.push(`    ... and ${d.because.length - 6} more (see --json)`);
  }
  if (c.retroactivity.length) {
    out.push('', 'Retroactivity (for a person sentenced on the case date):');
    for (const r of c.retroactivity)
      out.push(
        `  ${r.scenario}: ${r.retroactive ? 'retroactive' : 'not retroactive'}; may seek a reduced sentence: ${cell(r.may_seek_reduction)}; new mandatory minimum ${cell(r.mandatory_minimum_months)}, guideline range ${cell(r.guideline_range_months)}. ${r.who} (${r.citations.join('; ')})`,
      );
  }
  return `${out.join('\n')}\n`;
}

export function renderReformList(reforms: Reform[]): string {
  const w = Math.max(...reforms.map((r) => r.id.length));
  return `${reforms.map((r) => `${r.id.padEnd(w)}  ${r.status.padEnd(8)}  ${r.title}`).join('\n')}\n`;
}

export function renderReform(r: Reform): string {
  const out = [
    `${r.title} (${r.id})`,
    `Status: ${r.status}; citation: ${r.citation}`,
    `Effective: ${r.effective ?? 'on enactment'}; applies over: ${typeof r.applies_over === 'object' ? `the law of ${r.applies_over.law_of}` : 'the law in force today'}`,
    `Retroactive: ${r.retroactive.applies ? 'yes' : 'no'} - ${r.retroactive.who} (${r.retroactive.cite})`,
    '',
    r.summary,
    '',
    'Provisions:',
    ...r.provisions.map(
      (p) => `  ${p.parameter} ${p.mode === 'replace' ? '=' : '<-'} ${JSON.stringify(p.value)}  [${p.cite}]`,
    ),
  ];
  if (r.not_modelled?.length) out.push('', 'Not modelled:', ...r.not_modelled.map((n) => `  - ${n}`));
  return `${out.join('\n')}\n`;
}
