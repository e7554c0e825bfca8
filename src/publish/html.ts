import { type CodeList, labelOf, RACE_ETHNICITY } from '../records/codes.ts';
import type { Resource } from '../records/datapackage.ts';
import { DIMENSIONS, type Dimension } from '../records/dictionary.ts';
import type { MeasureRow } from './measures.ts';
import type { PublishOptions } from './release.ts';
import { ALL, type Family } from './tables.ts';
import type { TermTable } from './terms.ts';
import { CONTEXT_FIGURES, METHODOLOGY, stagePhrase } from './text.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number | null, d = 2) => (v === null ? '' : v.toFixed(d));

export interface PageInput {
  opts: PublishOptions;
  family: Family;
  termTables: TermTable[];
  measures: MeasureRow[];
  funnel: Record<string, unknown>[];
  charts: { file: string; title: string; svg: string }[];
  syntheticNote: string;
  records: number;
  resources: Resource[];
}

/** The release page: one self-contained HTML file (inline CSS and SVG, no external requests). */
export function renderPage(p: PageInput): string {
  const { opts, family } = p;
  const banner = p.syntheticNote ? `<p class="synthetic">${esc(p.syntheticNote)}</p>` : '';
  const oneWay = family.tables.slice(1).map((t) => {
    const dim = t.columns[0] as string;
    const rowsKeys = [...new Set(t.cells.map((c) => c.coords[dim] as string))];
    const outs = [...new Set(t.cells.map((c) => c.coords.outcome as string))];
    const get = (r: string, o: string) =>
      t.cells.find((c) => c.coords[dim] === r && c.coords.outcome === o)?.n;
    const outLabel = (o: string) => (o === ALL ? 'All' : labelOf(t.codeLists.outcome as CodeList, o));
    const head = `<tr><th>${esc(DIMENSIONS[dim as Dimension].title)}</th>${outs.map((o) => `<th>${esc(outLabel(o))}</th>`).join('')}</tr>`;
    const body = rowsKeys
      .map((r) => {
        const label = r === ALL ? 'All' : labelOf(t.codeLists[dim] as CodeList, r);
        return `<tr${r === ALL ? ' class="total"' : ''}><th>${esc(label)}</th>${outs
          .map((o) => {
            const n = get(r, o);
            return n === 'suppressed' ? '<td class="sup">suppressed</td>' : `<td>${n ?? ''}</td>`;
          })
          .join('')}</tr>`;
      })
      .join('');
    return `<h3>${esc(t.title)}</h3><p class="files">Files: <a href="data/${t.name}.csv">CSV</a> · <a href="data/${t.name}.parquet">Parquet</a></p><div class="scroll"><table>${head}${body}</table></div>`;
  });
  // sentence length, one-way tables only (the crossing is in the files): a row per group and outcome
  const termSections = p.termTables.slice(1).map((t) => {
    const dim = t.columns[0] as string;
    const cell = (v: number | string | null) =>
      v === 'suppressed' ? '<td class="sup">suppressed</td>' : `<td>${v ?? ''}</td>`;
    const body = t.cells
      .map((c) => {
        const g = c.coords[dim] as string;
        const label = g === ALL ? 'All' : labelOf(t.codeLists[dim] as CodeList, g);
        const out = labelOf(t.codeLists.outcome as CodeList, c.coords.outcome as string);
        return `<tr${g === ALL ? ' class="total"' : ''}><th>${esc(label)}</th><th>${esc(out)}</th>${[c.n, c.q1, c.median, c.q3].map(cell).join('')}</tr>`;
      })
      .join('');
    return `<h3>${esc(t.title)}</h3><p class="files">Files: <a href="data/${t.name}.csv">CSV</a> · <a href="data/${t.name}.parquet">Parquet</a></p><div class="scroll"><table><tr><th>${esc(DIMENSIONS[dim as Dimension].title)}</th><th>Sentence</th><th>People</th><th>First quartile</th><th>Median</th><th>Third quartile</th></tr>${body}</table></div>`;
  });
  const measureTable = `<table><tr><th>Measure</th><th>Group</th><th>Stage</th><th>Numerator</th><th>Denominator</th><th>Estimate</th><th>95% CI</th><th>Share</th><th>Flags</th></tr>${p.measures
    .map(
      (m) =>
        `<tr><td>${esc(m.measure)}</td><td>${esc(labelOf(RACE_ETHNICITY, m.group))}</td><td>${esc(m.stage)}</td><td>${m.numerator ?? (m.flags.includes('suppressed') ? 'suppressed' : '')}</td><td>${m.denominator ?? (m.flags.includes('suppressed') ? 'suppressed' : '')}</td><td>${num(m.estimate)}</td><td>${m.lower === null ? '' : `${num(m.lower)}–${num(m.upper)}`}</td><td>${num(m.share)}</td><td>${esc(m.flags)}</td></tr>`,
    )
    .join('')}</table>`;
  const funnelCols = Object.keys(p.funnel[0] ?? {}).filter(
    (c) => c !== 'race_ethnicity' && c !== 'synthetic',
  );
  const funnelTable = `<table><tr>${funnelCols.map((c) => `<th>${esc(c.replace(/_/g, ' '))}</th>`).join('')}</tr>${p.funnel
    .map(
      (r) =>
        `<tr>${funnelCols.map((c) => `<td${r[c] === 'suppressed' ? ' class="sup"' : ''}>${esc(String(r[c] ?? ''))}</td>`).join('')}</tr>`,
    )
    .join('')}</table>`;
  const files = p.resources
    .map((r) => `<li><a href="${esc(r.path)}">${esc(r.path)}</a> — ${esc(r.title ?? r.name)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.syntheticNote ? '[SYNTHETIC] ' : ''}Proportion release: ${esc(opts.stage.replace(/_/g, ' '))}</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;max-width:1100px;margin:1em auto;padding:0 1em;color:#222;line-height:1.45}
.synthetic{background:#b00020;color:#fff;padding:.6em 1em;font-weight:bold}
table{border-collapse:collapse;font-size:13px;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f3f3f3;text-align:left}
tr.total td,tr.total th{font-weight:bold}td.sup{color:#666;font-style:italic;background:repeating-linear-gradient(45deg,#fff,#fff 4px,#eee 4px,#eee 8px)}
.scroll{overflow-x:auto}.chart{margin:1em 0}.files{font-size:13px;color:#555}.context li{margin:.3em 0}
</style></head><body>
${banner}
<h1>Drug cases at the ${esc(stagePhrase(opts.stage))}</h1>
<p>Disaggregated by ${esc(opts.by.map((d) => DIMENSIONS[d].title.toLowerCase()).join(', '))}. ${p.records} records. Counts from 1 to ${opts.minCell - 1} are shown as <em>suppressed</em>, and further counts are suppressed so that none can be worked out from the totals. Machine-readable: <a href="datapackage.json">datapackage.json</a>.</p>
${banner}
<h2>Context: figures published in the report</h2>
<p>These are real published figures, quoted from <em>Rethinking the "Drug Dealer"</em> (Drug Policy Alliance, 2019); they are not computed from this release.</p>
<ul class="context">${CONTEXT_FIGURES.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>
<h2>Charts</h2>
${p.charts.map((c) => `<figure class="chart">${c.svg}<figcaption><a href="${esc(c.file)}">${esc(c.file)}</a></figcaption></figure>`).join('\n')}
<h2>Tables</h2>
<p>The full crossing (${esc(family.tables[0]?.name ?? '')}) is in the files: <a href="data/${esc(family.tables[0]?.name ?? '')}.csv">CSV</a> · <a href="data/${esc(family.tables[0]?.name ?? '')}.parquet">Parquet</a>.</p>
${oneWay.join('\n')}
<h3>From arrest to incarceration, by race and ethnicity</h3>${funnelTable}
<h2>Length of the custodial term</h2>
<p>${esc(p.termTables[0]?.description ?? '')}</p>
${termSections.join('\n')}
<h2>Disparity measures</h2>${measureTable}
<h2>Methodology</h2>
${METHODOLOGY.map((m) => `<p>${esc(m)}</p>`).join('\n')}
<h2>Files</h2><ul>${files}</ul>
${banner}
</body></html>
`;
}
