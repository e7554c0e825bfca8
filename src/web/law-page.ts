import { type HistoryEntry, jurisdictions, lawView, type ParameterView } from '../api/law-view.ts';
import { COMMON_NAMES, humanize, labelIds } from '../messages/labels.ts';
import { type H, html } from './html.ts';

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const scalar = (v: unknown): string =>
  v === null
    ? '–'
    : typeof v === 'boolean'
      ? v
        ? 'yes'
        : 'no'
      : typeof v === 'number'
        ? v.toLocaleString('en-US')
        : labelIds(String(v));
/** A cell: a scalar, a list of scalars, a [low, high] pair, or a nested table. */
function cellOf(v: unknown): H {
  if (isScalar(v)) return html`${scalar(v)}`;
  if (Array.isArray(v) && v.every(isScalar))
    return html`${v.length === 2 && v.every((x) => typeof x === 'number') ? `${scalar(v[0])}–${scalar(v[1])}` : v.map(scalar).join(', ')}`;
  return valueTable(v);
}
/**
 * A law value that is a table, as a table: a list of records (one row each, e.g. the Drug Quantity
 * Table), or a record of named entries (one row per name, e.g. the Sentencing Table's offense levels).
 */
function valueTable(v: unknown): H {
  if (Array.isArray(v) && v.length && v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) {
    const cols = [...new Set(v.flatMap((x) => Object.keys(x as object)))];
    return html`<div class="table-wrap" tabindex="0"><table class="param-table"><thead><tr>${cols.map((c) => html`<th scope="col">${humanize(c)}</th>`)}</tr></thead><tbody>${v.map(
      (x) =>
        html`<tr>${cols.map((c) => html`<td>${cellOf((x as Record<string, unknown>)[c] ?? null)}</td>`)}</tr>`,
    )}</tbody></table></div>`;
  }
  if (v && typeof v === 'object' && !Array.isArray(v))
    return html`<div class="table-wrap" tabindex="0"><table class="param-table"><tbody>${Object.entries(
      v,
    ).map(
      ([k, x]) => html`<tr><th scope="row">${humanize(k)}</th><td>${cellOf(x)}</td></tr>`,
    )}</tbody></table></div>`;
  return html`<code>${JSON.stringify(v)}</code>`;
}

export function formatValue(v: unknown, unit: string | null, compact = false): H {
  if (v === null) return html`<em>not verified (the rules report it, never fill it in)</em>`;
  if (typeof v === 'boolean') return html`${v ? 'yes' : 'no'}`;
  if (typeof v === 'number') return html`${v.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
  if (typeof v === 'string') return html`${v}${unit && unit !== 'text' ? ` (${unit})` : ''}`;
  const entries = Array.isArray(v) ? v.length : Object.keys(v as object).length;
  const what = `a table of ${entries} ${Array.isArray(v) ? 'row' : 'entr'}${entries === 1 ? (Array.isArray(v) ? '' : 'y') : Array.isArray(v) ? 's' : 'ies'}`;
  if (compact) return html`${what}`;
  return html`<details><summary>${what}</summary>${valueTable(v)}</details>`;
}

/** A search: the words typed, and the substances their common names stand for (crack → cocaine base). */
function matcher(query: string | undefined): ((p: ParameterView) => boolean) | undefined {
  const text = query?.trim().toLowerCase();
  if (!text) return undefined;
  const substances = new Set<string>();
  for (const [name, ids] of Object.entries(COMMON_NAMES))
    if (text === name || text.split(/\s+/).includes(name)) for (const id of ids) substances.add(id);
  return (p) =>
    p.id.toLowerCase().includes(text) ||
    p.title.toLowerCase().includes(text) ||
    p.id.split('.').some((segment) => substances.has(segment));
}

const period = (h: HistoryEntry) => `${h.from} to ${h.to ?? 'today'}`;

function sourcesOf(h: HistoryEntry): H {
  return html`<p class="cite"><span class="cite-label">Source:</span> <cite>${h.law}</cite>${
    h.sources.length
      ? html`. Bibliography: ${h.sources.map(
          (s, i) =>
            html`${i ? ', ' : ''}${s.url.startsWith('http') ? html`<a href="${s.url}" rel="noreferrer">${s.title}</a>` : s.title}`,
        )}`
      : ''
  }. Confidence: ${h.confidence}.${h.reach ? html` Reaches earlier conduct: ${h.reach.applies_to.replaceAll('_', ' ')} (${h.reach.cite}).` : ''}${h.note ? html` Note: ${h.note}` : ''}</p>`;
}

function renderParameter(p: ParameterView, date: string, open: boolean): H {
  return html`<article class="param" id="p-${p.id}" data-parameter="${p.id}">
<h4>${labelIds(p.title)}</h4>
<p class="cite"><code>${p.id}</code></p>
<p>On ${date}: <strong>${p.in_force ? formatValue(p.in_force.value, p.unit) : html`<em>not in force on this date</em>`}</strong></p>
${p.in_force ? sourcesOf(p.in_force) : ''}
<details${open ? ' open' : ''}><summary>History: ${p.history.length} value${p.history.length === 1 ? '' : 's'}</summary>
<ol class="timeline">${p.history.map((h) => {
    const current = p.in_force === h;
    return html`<li${current ? ' aria-current="true"' : ''}><span class="mono">${period(h)}</span>: ${formatValue(h.value, p.unit, true)}${current ? html` <span class="badge ok">in force on ${date}</span>` : ''} <span class="cite">(<cite>${h.law}</cite>)</span></li>`;
  })}</ol></details>
</article>`;
}

export function renderLawPage(q: { jurisdiction: string; date: string; parameter?: string }): H {
  const list = jurisdictions();
  const view = lawView(q.jurisdiction, q.date);
  const match = matcher(q.parameter);
  const params = view ? view.parameters.filter((p) => !match || match(p)) : [];
  // Unfiltered, the law is a list of collapsed groups (a page a phone can scroll); a search opens them.
  const open = Boolean(match) && params.length <= 30;
  const groups = new Map<string, ParameterView[]>();
  for (const p of params) {
    const key = p.id.split('.').slice(0, 2).join('.');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return html`<h1>The law by date</h1>
<p class="lede">Every number Proportion uses is here, as the law stood on the date you choose, with its citation and its history. For example, the crack-cocaine threshold for the five-year minimum was 5 grams until 2010-08-03 and 28 grams after (<a href="/law?jurisdiction=US-FED&amp;date=2009-01-01&amp;parameter=threshold.B.cocaine_base">see it</a>).</p>
<form method="get" action="/law" hx-get="/law" hx-target="#law-results" hx-select="#law-results" hx-swap="outerHTML" hx-push-url="true" class="panel">
<div class="row">
<div class="field"><label for="law-j">Jurisdiction</label><select id="law-j" name="jurisdiction">${list.map(
    (j) =>
      html`<option value="${j.code}"${j.code === view?.jurisdiction || j.code === q.jurisdiction ? ' selected' : ''}>${j.code} (${j.parameters})</option>`,
  )}</select></div>
<div class="field"><label for="law-d">Date</label><input id="law-d" type="date" name="date" value="${q.date}" required></div>
<div class="field"><label for="law-q">Search</label><span class="hint" id="law-q-hint">a word of the title or id, or a drug's common name: crack, powder, meth, fentanyl</span><input id="law-q" type="search" name="parameter" value="${q.parameter ?? ''}" aria-describedby="law-q-hint"></div>
</div>
<div class="actions"><button type="submit">Show the law</button></div>
</form>
<div id="law-results">
${
  view
    ? html`<p role="status">${params.length} parameter${params.length === 1 ? '' : 's'} for <strong>${view.jurisdiction}</strong> on <strong>${q.date}</strong>${q.parameter ? html` matching “${q.parameter}”` : ''}. Law data <code>${view.law_data.slice(0, 19)}…</code>. As JSON: <a href="/v1/law?jurisdiction=${view.jurisdiction}&amp;date=${q.date}${q.parameter ? `&parameter=${encodeURIComponent(q.parameter)}` : ''}">/v1/law</a>.</p>
${[...groups].map(([key, ps]) => html`<section aria-labelledby="g-${key}" data-group="${key}"><details${open ? ' open' : ''}><summary><h2 id="g-${key}" class="group-title"><code>${key}</code> <span class="hint">(${ps.length} parameter${ps.length === 1 ? '' : 's'})</span></h2></summary>${ps.map((p) => renderParameter(p, q.date, open))}</details></section>`)}`
    : html`<div class="notice crit" role="alert">No law data for “${q.jurisdiction}”.</div>`
}
</div>`;
}
