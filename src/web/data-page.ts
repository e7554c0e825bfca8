import { readFileSync, statSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Release, ReleaseResource, ReleaseStore } from '../api/releases.ts';
import { releaseColumnLabel } from '../messages/labels.ts';
import { type H, html, human } from './html.ts';

/**
 * The Data page: a published release's aggregate tables with filters, confidence intervals and
 * suppression markers (a suppressed cell reads "suppressed", never 0), a chart of the filtered rows,
 * the release's own charts, and download links. Synthetic releases are labelled on every view.
 */
export const FILTERS = [
  { key: 'role', label: 'Role', columns: ['role', 'function', 'offender_function'] },
  { key: 'race_ethnicity', label: 'Race and ethnicity', columns: ['race_ethnicity', 'race', 'ethnicity'] },
  { key: 'gender', label: 'Gender', columns: ['gender', 'sex'] },
  { key: 'drug', label: 'Drug', columns: ['drug', 'substance', 'primary_drug'] },
  { key: 'stage', label: 'Stage', columns: ['stage', 'decision_point'] },
] as const;
type FilterKey = (typeof FILTERS)[number]['key'];

interface Table {
  resource: ReleaseResource;
  columns: string[];
  rows: Record<string, string>[];
}

const cache = new Map<string, { mtime: number; table: Table }>();
const MAX_TABLE_BYTES = 20 * 1024 * 1024;

function readTable(store: ReleaseStore, release: Release, r: ReleaseResource): Table | undefined {
  if (!/\.csv$/i.test(r.path)) return undefined;
  const file = store.file(release, r.path);
  if (!file) return undefined;
  const st = statSync(file);
  if (st.size > MAX_TABLE_BYTES) return undefined;
  const hit = cache.get(file);
  if (hit && hit.mtime === st.mtimeMs) return hit.table;
  const records = parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  }) as Record<string, string>[];
  const columns = records[0] ? Object.keys(records[0]) : (r.schema?.fields ?? []).map((f) => f.name);
  const table = { resource: r, columns, rows: records };
  cache.set(file, { mtime: st.mtimeMs, table });
  return table;
}

/** The column a filter applies to in this table (wide layout), if any. */
const filterColumn = (t: Table, key: FilterKey): string | undefined =>
  FILTERS.find((f) => f.key === key)?.columns.find((c) => t.columns.includes(c));

/** Long layout: a "dimension" column naming the breakdown and a "group" column holding its value. */
function longLayout(t: Table): { dim: string; group: string } | undefined {
  const dim = ['dimension', 'breakdown', 'by'].find((c) => t.columns.includes(c));
  const group = ['group', 'category', 'level', 'value'].find((c) => t.columns.includes(c));
  return dim && group ? { dim, group } : undefined;
}

const TRUE = new Set(['true', '1', 'yes', 'y', 't']);
function isSuppressedRow(row: Record<string, string>): boolean {
  for (const k of ['suppressed', 'is_suppressed', 'suppression']) {
    const v = row[k];
    if (v === undefined) continue;
    const x = v.toLowerCase();
    if (TRUE.has(x) || x === 'suppressed' || x === 'primary' || x === 'complementary') return true;
  }
  return false;
}

const CI_LOW = /^(.*?)(_)?(ci_low|ci_lower|lower_ci|ci95_low|lower)$/;
/** An estimate's spread: a 95% confidence interval, or (sentence lengths) the first and third quartile. */
interface Spread {
  low: string;
  high: string;
  kind?: 'quartiles';
}
const SPREAD_TEXT = {
  ci: { hint: '95% CI', whiskers: '95% confidence interval' },
  quartiles: { hint: 'quartiles', whiskers: 'first to third quartile' },
};
function ciPairs(columns: string[]): Map<string, Spread> {
  const out = new Map<string, Spread>();
  if (['q1_months', 'median_months', 'q3_months'].every((c) => columns.includes(c)))
    out.set('median_months', { low: 'q1_months', high: 'q3_months', kind: 'quartiles' });
  for (const c of columns) {
    const m = CI_LOW.exec(c);
    if (!m) continue;
    const highName = c
      .replace(/ci_low$/, 'ci_high')
      .replace(/ci_lower$/, 'ci_upper')
      .replace(/lower_ci$/, 'upper_ci')
      .replace(/ci95_low$/, 'ci95_high')
      .replace(/lower$/, 'upper');
    if (!columns.includes(highName)) continue;
    let base = m[1] ?? '';
    if (!base || !columns.includes(base)) {
      const i = columns.indexOf(c);
      base =
        ['estimate', 'rate', 'value', 'percent', 'share'].find((x) => columns.includes(x)) ??
        columns[i - 1] ??
        '';
    }
    if (base) out.set(base, { low: c, high: highName });
  }
  return out;
}

const NUMERIC = /^-?\d+(\.\d+)?(e-?\d+)?$/i;
const fmt = (v: string) =>
  NUMERIC.test(v) ? Number(v).toLocaleString('en-US', { maximumFractionDigits: 3 }) : v;

export interface DataQuery {
  release?: string;
  table?: string;
  /** 1-based page of the table's rows */
  page?: number;
  filters: Partial<Record<FilterKey, string>>;
}

const PAGE_ROWS = 50;
/** A table this narrow reads as stacked rows on a phone (one line per column, named), not a sideways scroll. */
const STACK_COLUMNS = 6;
const STACK_PAGE_ROWS = 25;
const CHART_ROWS = 25;
/** Tables this small can open the page; a cross-tabulation of thousands of rows waits to be chosen. */
const SUMMARY_ROWS = 100;

/** The label column the release publishes beside a code column (role → role_label), if any. */
const labelColumn = (t: Table, c: string): string | undefined =>
  t.columns.includes(`${c}_label`) ? `${c}_label` : undefined;
/** A code's words: the release's own label column, else the code made readable. */
function shownValue(t: Table, row: Record<string, string>, c: string): string {
  const l = labelColumn(t, c);
  const v = row[c] ?? '';
  return l && row[l] ? (row[l] as string) : human(v);
}
/** code → label over a table's rows, for filter options. */
function codeLabels(t: Table, c: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const l = c ? labelColumn(t, c) : undefined;
  if (c && l) for (const r of t.rows) if (r[c] && r[l]) out.set(r[c] as string, r[l] as string);
  return out;
}

function filterRows(t: Table, filters: DataQuery['filters']): Record<string, string>[] {
  const long = longLayout(t);
  return t.rows.filter((row) =>
    FILTERS.every((f) => {
      const want = filters[f.key];
      if (!want) return true;
      const col = filterColumn(t, f.key);
      if (col) return row[col] === want;
      if (long && f.columns.includes(row[long.dim] as never)) return row[long.group] === want;
      return true;
    }),
  );
}

function filterValues(t: Table, key: FilterKey): string[] {
  const col = filterColumn(t, key);
  const values = new Set<string>();
  if (col) for (const r of t.rows) values.add(r[col] ?? '');
  const long = longLayout(t);
  const names = FILTERS.find((f) => f.key === key)?.columns as readonly string[];
  if (long) for (const r of t.rows) if (names.includes(r[long.dim] ?? '')) values.add(r[long.group] ?? '');
  values.delete('');
  return [...values].sort();
}

/** A horizontal bar chart (SVG) of the filtered rows' first measure, with confidence-interval whiskers. */
function barChart(
  t: Table,
  rows: Record<string, string>[],
  measure: string,
  labelCols: string[],
  ci?: Spread,
): H {
  const shown = rows.slice(0, CHART_ROWS);
  const values = shown.map((r) =>
    isSuppressedRow(r) || !NUMERIC.test(r[measure] ?? '') ? null : Number(r[measure]),
  );
  const highs = shown.map((r, i) =>
    ci && NUMERIC.test(r[ci.high] ?? '') ? Number(r[ci.high]) : (values[i] ?? 0),
  );
  const max = Math.max(1e-9, ...values.map((v) => v ?? 0), ...highs);
  const label = (r: Record<string, string>) =>
    labelCols
      .filter((c) => r[c])
      .map((c) => shownValue(t, r, c))
      .join(' · ');
  // wide enough for the longest label (about 7.5 px a character at 13 px), so no label is cut
  const W = Math.min(1000, Math.max(640, 16 + Math.max(0, ...shown.map((r) => label(r).length)) * 7.5));
  const left = 8;
  const barW = W - left - 90;
  const rowH = 40;
  const H = shown.length * rowH + 10;
  const title = `${releaseColumnLabel(measure)} by ${labelCols.map(releaseColumnLabel).join(', ').toLowerCase() || 'row'}`;
  return html`<figure><svg class="chart" role="img" aria-labelledby="chart-title-${t.resource.name}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="13">
<title id="chart-title-${t.resource.name}">${title}${rows.length > shown.length ? ` (first ${shown.length} rows)` : ''}</title>
${shown.map((r, i) => {
  const y = 4 + i * rowH;
  const v = values[i] ?? null;
  const w = v === null ? 0 : (v / max) * barW;
  const lo = ci && NUMERIC.test(r[ci.low] ?? '') ? (Number(r[ci.low]) / max) * barW : null;
  const hi = ci && NUMERIC.test(r[ci.high] ?? '') ? (Number(r[ci.high]) / max) * barW : null;
  const end = Math.max(w, hi ?? 0);
  return html`<g class="bar-row"><text x="${left}" y="${y + 13}" fill="#1b1b1b">${label(r)}</text>
${v === null ? html`<text x="${left}" y="${y + 31}" fill="#4a4a4a" font-style="italic">suppressed</text>` : html`<rect class="estimate" x="${left}" y="${y + 18}" width="${w.toFixed(1)}" height="16" fill="#0a4b8c"></rect><text x="${(left + end + 6).toFixed(1)}" y="${y + 31}" fill="#1b1b1b">${fmt(r[measure] ?? '')}</text>`}
${v !== null && lo !== null && hi !== null ? html`<line class="interval" x1="${left + lo}" x2="${left + hi}" y1="${y + 26}" y2="${y + 26}" stroke="#b35c00" stroke-width="2"></line><line x1="${left + lo}" x2="${left + lo}" y1="${y + 20}" y2="${y + 32}" stroke="#b35c00" stroke-width="2"></line><line x1="${left + hi}" x2="${left + hi}" y1="${y + 20}" y2="${y + 32}" stroke="#b35c00" stroke-width="2"></line>` : ''}</g>`;
})}
</svg><figcaption>${title}${ci ? `; orange whiskers: ${SPREAD_TEXT[ci.kind ?? 'ci'].whiskers}` : ''}. Suppressed cells are marked, never drawn as zero.</figcaption></figure>`;
}

/** The dimension columns that tell the filtered rows apart (all of them when one row is left). */
const NOT_LABELS = new Set(['note', 'notes', 'flags', 'comment', 'synthetic', 'quantile_note']);
function chartLabels(dims: string[], rows: Record<string, string>[]): string[] {
  const usable = dims.filter((c) => !NOT_LABELS.has(c));
  const varying = usable.filter((c) => new Set(rows.map((r) => r[c])).size > 1);
  return (varying.length ? varying : usable).slice(0, 5);
}

export function renderDataPage(store: ReleaseStore | undefined, q: DataQuery): H {
  const releases = store?.list() ?? [];
  const status = store?.status;
  if (!releases.length) {
    const message = status && 'message' in status ? status.message : 'No release has been published yet.';
    return html`<h1>Data</h1>
<div class="notice${status?.state === 'failed' ? ' crit' : ''}" role="status" data-testid="no-release"><p><strong>No release yet.</strong> ${message}</p>
<p>A release is what <code>proportion publish</code> writes: aggregate tables (never row-level data), charts and a <code>datapackage.json</code>. Once one is published into the server's data directory it appears here.</p></div>`;
  }
  const release = (q.release && releases.find((r) => r.id === q.release)) || (releases[0] as Release);
  const tables = release.resources
    .map((r) => (store ? readTable(store, release, r) : undefined))
    .filter((t): t is Table => t !== undefined);
  const table =
    tables.find((t) => t.resource.name === q.table) ??
    tables.find((t) => t.rows.length <= SUMMARY_ROWS) ??
    tables[0];
  const base = `/v1/releases/${encodeURIComponent(release.id)}/files/`;
  const activeFilters = table
    ? FILTERS.filter(
        (f) => filterColumn(table, f.key) || (longLayout(table) && filterValues(table, f.key).length),
      )
    : [];
  const rows = table ? filterRows(table, q.filters) : [];
  const ci = table ? ciPairs(table.columns) : new Map<string, Spread>();
  const hidden = new Set<string>(['suppressed', 'is_suppressed', 'suppression']);
  for (const p of ci.values()) {
    hidden.add(p.low);
    hidden.add(p.high);
  }
  if (table)
    for (const c of table.columns) {
      // a label column is shown in place of its code column (labels once), never beside it
      if (c.endsWith('_label') && table.columns.includes(c.slice(0, -'_label'.length))) hidden.add(c);
      // the synthetic flag is the same on every row and is said once, in the banner
      if (c === 'synthetic' && new Set(table.rows.map((r) => r[c])).size <= 1) hidden.add(c);
    }
  const visible = table ? table.columns.filter((c) => !hidden.has(c)) : [];
  // stacked rows are several lines each on a phone: fewer a page keeps the page short
  const stacked = visible.length <= STACK_COLUMNS;
  const perPage = stacked ? STACK_PAGE_ROWS : PAGE_ROWS;
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const pageNo = Math.min(Math.max(1, Math.trunc(q.page ?? 1)), pages);
  const pageRows = rows.slice((pageNo - 1) * perPage, pageNo * perPage);
  const pageHref = (n: number) => {
    const u = new URLSearchParams({ release: release.id, ...(table ? { table: table.resource.name } : {}) });
    for (const [k, v] of Object.entries(q.filters)) if (v) u.set(k, v);
    u.set('page', String(n));
    return `/data?${u.toString()}`;
  };
  const dimensionCols = table
    ? visible.filter(
        (c) =>
          !table.rows.some((r) => NUMERIC.test(r[c] ?? '')) ||
          FILTERS.some((f) => (f.columns as readonly string[]).includes(c)),
      )
    : [];
  const measure = table
    ? (visible.find((c) => ci.has(c)) ?? visible.find((c) => !dimensionCols.includes(c)))
    : undefined;
  return html`<h1>Data${release.synthetic ? ' (synthetic)' : ''}</h1>
${release.synthetic ? html`<p class="synthetic" data-testid="synthetic-banner">SYNTHETIC DATA: generated records, not real people. The figures describe the generator, not the justice system.</p>` : ''}
<p class="lede"><strong>${release.title}</strong>${release.created ? html`, published ${release.created}` : ''}.</p>
${release.description ? html`<details><summary>About this release: who is counted, suppression, intervals</summary>${release.description.split(/\n\s*\n/).map((para) => html`<p>${para}</p>`)}</details>` : ''}
<p>Aggregates only: cells under the suppression threshold read <span class="suppressed">suppressed</span> (never 0); intervals are 95% confidence intervals where the release gives them.</p>
<section aria-labelledby="in-release" data-testid="release-summary"><h2 id="in-release">In this release</h2>
<ul>${tables.map((t) => html`<li>${t === table ? html`<strong>${t.resource.title ?? t.resource.name}</strong> (shown below)` : html`<a href="/data?release=${encodeURIComponent(release.id)}&amp;table=${encodeURIComponent(t.resource.name)}">${t.resource.title ?? t.resource.name}</a>`}: ${t.rows.length.toLocaleString('en-US')} rows</li>`)}</ul></section>
<form method="get" action="/data" hx-get="/data" hx-target="#data-results" hx-select="#data-results" hx-swap="outerHTML" hx-push-url="true" hx-trigger="change, submit" class="panel" data-testid="data-filters">
${releases.length > 1 ? html`<div class="field"><label for="d-release">Release</label><select id="d-release" name="release">${releases.map((r) => html`<option value="${r.id}"${r.id === release.id ? ' selected' : ''}>${r.title}</option>`)}</select></div>` : html`<input type="hidden" name="release" value="${release.id}">`}
<div class="row">
<div class="field"><label for="d-table">Table</label><select id="d-table" name="table">${tables.map((t) => html`<option value="${t.resource.name}"${t === table ? ' selected' : ''}>${t.resource.title ?? t.resource.name}</option>`)}</select></div>
${
  table
    ? activeFilters.map((f) => {
        const values = filterValues(table, f.key);
        const labels = codeLabels(table, filterColumn(table, f.key));
        return html`<div class="field"><label for="d-${f.key}">${f.label}</label><select id="d-${f.key}" name="${f.key}"><option value="">All</option>${values.map((v) => html`<option value="${v}"${q.filters[f.key] === v ? ' selected' : ''}>${labels.get(v) ?? human(v)}</option>`)}</select></div>`;
      })
    : ''
}
</div>
<div class="actions"><button type="submit">Apply filters</button><a class="button secondary" href="/data?release=${release.id}${table ? `&table=${table.resource.name}` : ''}">Clear</a></div>
</form>
<div id="data-results">
${
  table
    ? html`<h2>${table.resource.title ?? table.resource.name}</h2>
${table.resource.description ? html`<p>${table.resource.description}</p>` : ''}
<p role="status" data-testid="row-count">${rows.length} of ${table.rows.length} rows shown${release.synthetic ? ' (synthetic data)' : ''}${pages > 1 ? `; page ${pageNo} of ${pages}, ${perPage} rows a page` : ''}.</p>
${measure && rows.length ? barChart(table, rows, measure, chartLabels(dimensionCols, rows), ci.get(measure)) : ''}
<div class="table-wrap" tabindex="0"><table data-testid="data-table" class="${stacked ? 'stack' : 'grid'}"><caption class="visually-hidden">${table.resource.title ?? table.resource.name}</caption>
<thead><tr>${visible.map((c) => {
        const spread = ci.get(c);
        return html`<th scope="col">${releaseColumnLabel(c)}${spread ? html` <span class="hint">(${SPREAD_TEXT[spread.kind ?? 'ci'].hint})</span>` : ''}</th>`;
      })}</tr></thead>
<tbody>${pageRows.map((r) => {
        const sup = isSuppressedRow(r);
        return html`<tr${sup ? ' data-suppressed="true"' : ''}>${visible.map((c) => {
          const v = r[c] ?? '';
          const numeric = !dimensionCols.includes(c);
          // "suppressed" only where the release withheld the value: a value in the file is shown
          if (numeric && (v.toLowerCase() === 'suppressed' || (v === '' && sup)))
            return html`<td class="num suppressed" data-label="${releaseColumnLabel(c)}">suppressed</td>`;
          if (numeric && v === '')
            return html`<td class="num" data-label="${releaseColumnLabel(c)}"><span class="visually-hidden">not given</span>–</td>`;
          const p = ci.get(c);
          return html`<td${numeric ? ' class="num"' : ''} data-label="${releaseColumnLabel(c)}">${numeric ? fmt(v) : shownValue(table, r, c)}${p && r[p.low] !== '' && r[p.low] !== undefined ? html`<br><span class="hint">${p.kind === 'quartiles' ? 'quartiles ' : ''}${fmt(r[p.low] ?? '')} to ${fmt(r[p.high] ?? '')}</span>` : ''}</td>`;
        })}</tr>`;
      })}</tbody></table></div>
${pages > 1 ? html`<nav class="pager actions" aria-label="Pages of the table" data-testid="pager">${pageNo > 1 ? html`<a class="button secondary" href="${pageHref(pageNo - 1)}" hx-get="${pageHref(pageNo - 1)}" hx-target="#data-results" hx-select="#data-results" hx-swap="outerHTML" hx-push-url="true">← Previous ${perPage}</a>` : ''}<span>Page ${pageNo} of ${pages}</span>${pageNo < pages ? html`<a class="button secondary" href="${pageHref(pageNo + 1)}" hx-get="${pageHref(pageNo + 1)}" hx-target="#data-results" hx-select="#data-results" hx-swap="outerHTML" hx-push-url="true">Next ${perPage} →</a>` : ''}</nav>` : ''}`
    : html`<p>This release has no CSV tables to show.</p>`
}
</div>
${
  release.charts.length
    ? html`<h2>The release's charts</h2><details data-testid="release-charts"><summary>${release.charts.length} charts</summary><div class="cards">${release.charts.map(
        (f) =>
          html`<figure class="card"><img class="chart" src="${base}${f}" alt="Chart: ${human(
            f
              .replace(/\.svg$/, '')
              .split('/')
              .pop() ?? f,
          )}${release.synthetic ? ' (synthetic data)' : ''}" loading="lazy"><figcaption><a href="${base}${f}">${f}</a></figcaption></figure>`,
      )}</div></details>`
    : ''
}
<h2>Downloads</h2>
<ul data-testid="downloads">
<li><a href="${base}datapackage.json">datapackage.json</a> (the Data Package descriptor: every table's fields and licence)</li>
${release.resources.map((r) => html`<li><a href="${base}${r.path}">${r.path}</a>${r.title ? ` — ${r.title}` : ''}${release.synthetic ? ' (synthetic)' : ''}</li>`)}
</ul>
${release.withheld.length ? html`<p class="notice warn">Not served (row-level): ${release.withheld.join(', ')}.</p>` : ''}`;
}
