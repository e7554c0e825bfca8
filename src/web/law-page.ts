import { type HistoryEntry, jurisdictions, lawView, type ParameterView } from '../api/law-view.ts';
import { type H, html } from './html.ts';

const MAX_VALUE = 400;

export function formatValue(v: unknown, unit: string | null, compact = false): H {
  if (v === null) return html`<em>not verified (the rules report it, never fill it in)</em>`;
  if (typeof v === 'boolean') return html`${v ? 'yes' : 'no'}`;
  if (typeof v === 'number') return html`${v.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
  if (typeof v === 'string') return html`${v}${unit && unit !== 'text' ? ` (${unit})` : ''}`;
  const text = JSON.stringify(v);
  if (text.length <= 80) return html`<code>${text}</code>`;
  if (compact) return html`a table (${text.length.toLocaleString('en-US')} characters)`;
  return html`<details><summary>a table (${text.length.toLocaleString('en-US')} characters)</summary><code>${text.length > MAX_VALUE * 10 ? `${text.slice(0, MAX_VALUE * 10)}… (see the API for the whole table)` : text}</code></details>`;
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

function renderParameter(p: ParameterView, date: string): H {
  return html`<article class="param" id="p-${p.id}" data-parameter="${p.id}">
<h4>${p.title}</h4>
<p class="cite"><code>${p.id}</code></p>
<p>On ${date}: <strong>${p.in_force ? formatValue(p.in_force.value, p.unit) : html`<em>not in force on this date</em>`}</strong></p>
${p.in_force ? sourcesOf(p.in_force) : ''}
<details${p.history.length > 1 ? ' open' : ''}><summary>History: ${p.history.length} value${p.history.length === 1 ? '' : 's'}</summary>
<ol class="timeline">${p.history.map((h) => {
    const current = p.in_force === h;
    return html`<li${current ? ' aria-current="true"' : ''}><span class="mono">${period(h)}</span>: ${formatValue(h.value, p.unit, true)}${current ? html` <span class="badge ok">in force on ${date}</span>` : ''} <span class="cite">(<cite>${h.law}</cite>)</span></li>`;
  })}</ol></details>
</article>`;
}

export function renderLawPage(q: { jurisdiction: string; date: string; parameter?: string }): H {
  const list = jurisdictions();
  const view = lawView(q.jurisdiction, q.date);
  const params = view
    ? view.parameters.filter(
        (p) =>
          !q.parameter ||
          p.id.includes(q.parameter) ||
          p.title.toLowerCase().includes(q.parameter.toLowerCase()),
      )
    : [];
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
<div class="field"><label for="law-q">Filter (id or title)</label><input id="law-q" type="search" name="parameter" value="${q.parameter ?? ''}"></div>
</div>
<div class="actions"><button type="submit">Show the law</button></div>
</form>
<div id="law-results">
${
  view
    ? html`<p role="status">${params.length} parameter${params.length === 1 ? '' : 's'} for <strong>${view.jurisdiction}</strong> on <strong>${q.date}</strong>${q.parameter ? html` matching “${q.parameter}”` : ''}. Law data <code>${view.law_data.slice(0, 19)}…</code>. As JSON: <a href="/v1/law?jurisdiction=${view.jurisdiction}&amp;date=${q.date}${q.parameter ? `&parameter=${encodeURIComponent(q.parameter)}` : ''}">/v1/law</a>.</p>
${[...groups].map(([key, ps]) => html`<section aria-labelledby="g-${key}"><h2 id="g-${key}"><code>${key}</code></h2>${ps.map((p) => renderParameter(p, q.date))}</section>`)}`
    : html`<div class="notice crit" role="alert">No law data for “${q.jurisdiction}”.</div>`
}
</div>`;
}
