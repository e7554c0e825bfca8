import { COMPARISON_ROWS, type Comparison } from '../engine/compare.ts';
import { defaultLawBook } from '../law/loader.ts';
import { term, usd } from '../messages/format.ts';
import { enumLabel, humanize, labelIds, RESULT_LABELS, scenarioLabel } from '../messages/labels.ts';
import type { Assessment } from '../model/assessment.ts';
import { expectedTerm } from '../model/expected-term.ts';
import { cites, type H, html } from './html.ts';

const FIREARMS = 'exposure.firearms.consecutive_minimum_months';
/** Row labels; the firearm row names 924(c) only for a federal case (a state's firearm terms are its own). */
function rowsFor(c: Comparison): [string, string][] {
  const federal = c.assessments.every((a) => a.jurisdiction === 'US-FED');
  return COMPARISON_ROWS.map((r) => [
    r.field,
    r.field === FIREARMS && !federal
      ? 'Firearm terms (state law), consecutive'
      : (RESULT_LABELS[r.field] ?? r.field),
  ]);
}
/** A law parameter by its title (the law data's own words), the id kept for the link. */
const parameterTitle = (id: string) => defaultLawBook().title(id) ?? id;
const TABLE = '(table: see the law data)';

function read(a: Assessment, path: string): unknown {
  return COMPARISON_ROWS.find((r) => r.field === path)?.read(a) ?? null;
}

export function cell(path: string, v: unknown): string {
  if (v === null || v === undefined) return 'not computed';
  if (path === 'role.function') return enumLabel('function', v);
  if (path === 'screen.recommendation') return enumLabel('recommendation', v);
  if (path === 'consequences.cost.usd') return usd(v);
  if (path === 'exposure.safety_valve.eligible') return v === true ? 'eligible' : 'not eligible';
  if (Array.isArray(v) && v.length === 2)
    return v[0] === v[1] ? term(v[0]) : `${term(v[0])} to ${term(v[1])}`;
  if (typeof v === 'number' || v === 'life') return term(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** A law value in words, short: lists and records read as text, ids as labels, long ones cut. */
function shown(v: unknown): string {
  const text = (x: unknown): string =>
    x === null || x === undefined
      ? 'none'
      : typeof x === 'boolean'
        ? x
          ? 'yes'
          : 'no'
        : Array.isArray(x)
          ? x.map(text).join(', ')
          : typeof x === 'object'
            ? Object.entries(x as Record<string, unknown>)
                .map(([k, y]) => `${humanize(k).toLowerCase()}: ${text(y)}`)
                .join('; ')
            : labelIds(String(x));
  const t = text(v);
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

/**
 * The term each scenario points to (the larger of the mandatory minimum and the guideline minimum, or a
 * state's expected term: the measure relief and cost use), as bars; life fills the row and says so.
 */
function termChart(c: Comparison, titles: Record<string, string>): H {
  const terms = c.assessments.map((a) => expectedTerm(a.exposure)?.months ?? null);
  const finite = terms.filter((t): t is number => typeof t === 'number');
  const max = Math.max(1, ...finite);
  const W = 640;
  const rowH = 44;
  const barW = W - 110;
  const title = 'Expected term under each scenario';
  return html`<figure><svg class="chart" role="img" aria-labelledby="term-chart-title" viewBox="0 0 ${W} ${c.assessments.length * rowH + 8}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="13">
<title id="term-chart-title">${title}</title>
${c.assessments.map((a, i) => {
  const y = 4 + i * rowH;
  const t = terms[i] ?? null;
  const w = t === 'life' ? barW : typeof t === 'number' ? (t / max) * barW : 0;
  return html`<g class="bar-row" data-scenario="${a.scenario}"><text x="4" y="${y + 13}" fill="#1b1b1b">${scenarioLabel(a.scenario, titles)}</text>
${t === null ? html`<text x="4" y="${y + 33}" fill="#4a4a4a" font-style="italic">not computed</text>` : html`<rect x="4" y="${y + 20}" width="${w.toFixed(1)}" height="16" fill="#0a4b8c"></rect><text x="${(10 + w).toFixed(1)}" y="${y + 33}" fill="#1b1b1b">${term(t)}</text>`}</g>`;
})}
</svg><figcaption>${title}: the larger of the mandatory minimum and the bottom of the guideline range (a state case: its engine's expected term), the term cost and relief are measured on.</figcaption></figure>`;
}

export function renderComparison(c: Comparison, titles: Record<string, string> = {}): H {
  const ids = c.assessments.map((a) => a.scenario);
  const ROWS = rowsFor(c);
  const diffs = new Map(c.differences.map((d) => [d.field, d]));
  return html`<section aria-labelledby="comparison-heading" id="comparison">
<h2 id="comparison-heading" tabindex="-1">Comparison${c.case_id ? html`: <span class="mono">${c.case_id}</span>` : ''}</h2>
<p>${c.differences.length} of ${ROWS.length} rows differ between the scenarios; they are marked <span class="badge diff">differs</span> and explained below the table.</p>
<div class="table-wrap" tabindex="0"><table data-testid="comparison-table">
<caption class="visually-hidden">The case under each scenario, one column per scenario</caption>
<thead><tr><th scope="col">Row</th>${ids.map((id) => html`<th scope="col" data-scenario="${id}">${scenarioLabel(id, titles)}</th>`)}</tr></thead>
<tbody>${ROWS.map(([path, label]) => {
    const d = diffs.get(path);
    return html`<tr${d ? html` class="differs" data-differs="true"` : ''}><th scope="row">${label}${d ? html`<span class="badge diff">differs</span>` : ''}</th>${c.assessments.map(
      (a) => html`<td>${cell(path, read(a, path))}</td>`,
    )}</tr>`;
  })}</tbody></table></div>
${termChart(c, titles)}
${
  c.differences.length
    ? html`<h3>Why they differ</h3>
${c.differences.map((d) => {
  const label = ROWS.find(([p]) => p === d.field)?.[1] ?? d.field;
  return html`<details class="difference" data-difference="${d.field}"><summary>${label}${d.because.length ? `: ${d.because.length} cause${d.because.length === 1 ? '' : 's'} in the law` : ''}</summary>
${
  d.because.length
    ? html`<ul>${d.because
        .slice(0, 12)
        .map(
          (b) =>
            html`<li>Under <em>${scenarioLabel(b.scenario, titles)}</em>, <a href="/law?parameter=${encodeURIComponent(b.parameter)}&amp;jurisdiction=${b.parameter.startsWith('policy.') ? 'DPA-2019' : b.parameter.split('.')[0]?.toUpperCase().replaceAll('_', '-')}">${parameterTitle(b.parameter)}</a> ${b.from === TABLE || b.to === TABLE ? 'is a different table' : html`changes from <q>${shown(b.from)}</q> to <q>${shown(b.to)}</q>`}${b.jointly ? ' (together with the other values marked so: neither changes this row alone)' : ''}.${cites(b.citations)}</li>`,
        )}</ul>${d.because.length > 12 ? html`<p>…and ${d.because.length - 12} more law values (see the API's JSON).</p>` : ''}`
    : html`<p>No law value changes this row alone: it differs through the facts the rules read (for example, the date the case is assessed at). See each assessment.</p>`
}</details>`;
})}`
    : ''
}
${
  c.retroactivity.length
    ? html`<h3>Retroactivity (for the person as sentenced)</h3>
<ul>${c.retroactivity.map(
        (r) =>
          html`<li><em>${scenarioLabel(r.scenario, titles)}</em>: ${r.retroactive ? 'retroactive' : 'not retroactive'}${r.may_seek_reduction === true ? '; the person may seek a reduced sentence' : r.may_seek_reduction === false ? '; no reduction available' : ''}${r.mandatory_minimum_months !== null ? html`; new mandatory minimum ${term(r.mandatory_minimum_months)}` : ''}. ${r.who}${cites(r.citations)}</li>`,
      )}</ul>`
    : ''
}
</section>`;
}
