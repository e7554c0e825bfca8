import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { RecordStore } from '../db/store.ts';
import { ENGINE_VERSION } from '../engine/stamp.ts';
import { QUANTILE_NOTE_LABELS } from '../messages/labels.ts';
import {
  type CodeList,
  labelOf,
  MISSING,
  MISSING_LABELS,
  RACE_ETHNICITY,
  type Stage,
} from '../records/codes.ts';
import {
  DATA_PACKAGE_PROFILE,
  type DataPackage,
  dataPackageSchema,
  type Resource,
  recordTableSchema,
} from '../records/datapackage.ts';
import { DIMENSIONS, type Dimension } from '../records/dictionary.ts';
import { renderPage } from './html.ts';
import { disparityMeasures, FUNNEL_STEPS, type FunnelRow, type MeasureRow } from './measures.ts';
import { barChart, barSpec, dotChart, dotSpec } from './svg.ts';
import { ALL, buildFamily, type Family, type PublishedTable, SUPPRESSED } from './tables.ts';
import { buildTermTables, defaultMinQuantileN, type TermTable } from './terms.ts';
import { CONTEXT_FIGURES, METHODOLOGY, stagePhrase } from './text.ts';

export interface PublishOptions {
  by: Dimension[];
  stage: Stage;
  out: string;
  minCell: number;
  /** sentence-length quartiles need this many recorded terms in a cell (default 4 x minCell) */
  minQuantileN?: number;
  /** residents by race_ethnicity, for per-capita rates (and where they come from) */
  populations?: Record<string, number>;
  populationSource?: string;
  /** skip Parquet (tests) */
  parquet?: boolean;
}
export interface ReleaseSummary {
  out: string;
  records: number;
  synthetic: boolean;
  tables: string[];
  charts: string[];
  suppressedCells: number;
  publishedCells: number;
}

const dimTitle = (c: string) =>
  c === 'outcome' ? 'Decision outcome' : (DIMENSIONS[c as Dimension]?.title ?? c);

/** A one-way funnel table by race and ethnicity, with complementary suppression within each column and along each row. */
type FunnelStep = (typeof FUNNEL_STEPS)[number];
function protectFunnel(rows: FunnelRow[], minCell: number) {
  const hidden = new Set<string>();
  for (const step of FUNNEL_STEPS) {
    const small = rows.filter((r) => r[step] > 0 && r[step] < minCell);
    for (const r of small) hidden.add(`${r.group}|${step}`);
    if (small.length === 1) {
      const next = rows
        .filter((r) => !hidden.has(`${r.group}|${step}`) && r[step] > 0)
        .sort((a, b) => a[step] - b[step])[0];
      if (next) hidden.add(`${next.group}|${step}`);
    }
  }
  // Each step's people are among the previous step's, so a hidden count lies between the published
  // count below it (or 1) and the published count above it: hide upwards until that is minCell wide.
  for (const r of rows) {
    const isHidden = (i: number) => hidden.has(`${r.group}|${FUNNEL_STEPS[i]}`);
    for (let i = FUNNEL_STEPS.length - 1; i >= 0; i--) {
      if (!isHidden(i)) continue;
      let below = i + 1;
      while (below < FUNNEL_STEPS.length && isHidden(below)) below++;
      const lo = Math.max(1, below < FUNNEL_STEPS.length ? r[FUNNEL_STEPS[below] as FunnelStep] : 1);
      for (let above = i - 1; above >= 0; above--) {
        if (isHidden(above)) continue;
        if (r[FUNNEL_STEPS[above] as FunnelStep] - lo >= minCell) break;
        hidden.add(`${r.group}|${FUNNEL_STEPS[above]}`);
      }
    }
  }
  return hidden;
}

const STEPS_OF: Record<string, string[]> = {
  arrest: ['arrested'],
  charging_decision: ['arrested', 'sale_charged'],
  disposition: ['sale_charged', 'sale_convicted'],
  sentence: ['sale_convicted', 'incarcerated'],
  population_to_incarceration: ['arrested', 'incarcerated'],
  arrest_to_incarceration: ['arrested', 'incarcerated'],
};

function fieldsFor(columns: string[], lists: Record<string, CodeList>, synthetic: boolean) {
  return [
    ...columns.flatMap((c) => {
      const list = lists[c];
      return [
        {
          name: c,
          type: 'string',
          title: dimTitle(c),
          ...(list
            ? {
                categories: [
                  ...list.codes.map((x) => ({ value: x.code, label: x.label })),
                  ...MISSING.map((m) => ({ value: m, label: MISSING_LABELS[m] })),
                  { value: ALL, label: 'All (total)' },
                ],
              }
            : {}),
        },
        { name: `${c}_label`, type: 'string', title: `${dimTitle(c)} (label)` },
      ];
    }),
    {
      name: 'n',
      type: 'integer',
      title: 'Number of people',
      description: 'Count of people; "suppressed" when hidden to protect privacy (never shown as 0).',
    },
    ...(synthetic
      ? [{ name: 'synthetic', type: 'boolean', description: 'true: generated data, not real cases' }]
      : []),
  ];
}

function tableRows(t: PublishedTable, synthetic: boolean): Record<string, string | number | boolean>[] {
  return t.cells.map((c) => {
    const r: Record<string, string | number | boolean> = {};
    for (const col of t.columns) {
      const code = c.coords[col] as string;
      r[col] = code;
      r[`${col}_label`] = code === ALL ? 'All' : labelOf(t.codeLists[col] as CodeList, code);
    }
    r.n = c.n;
    if (synthetic) r.synthetic = true;
    return r;
  });
}

function termFields(t: TermTable, synthetic: boolean) {
  const counts = fieldsFor(t.columns, t.codeLists, false);
  const q = (name: string, title: string) => ({
    name,
    type: 'integer',
    title,
    description:
      'Custodial term imposed (sentence_months), whole months, halves rounded up; "suppressed" when withheld (see quantile_note); blank when nobody is in the row.',
  });
  return [
    ...counts,
    q('q1_months', 'First quartile of the term (months)'),
    q('median_months', 'Median term (months)'),
    q('q3_months', 'Third quartile of the term (months)'),
    {
      name: 'quantile_note',
      type: 'string',
      title: 'Why the quartiles are withheld',
      categories: Object.entries(QUANTILE_NOTE_LABELS).map(([value, label]) => ({ value, label })),
    },
    { name: 'quantile_note_label', type: 'string', title: 'Why the quartiles are withheld (label)' },
    ...(synthetic
      ? [{ name: 'synthetic', type: 'boolean', description: 'true: generated data, not real cases' }]
      : []),
  ];
}
function termRows(t: TermTable, synthetic: boolean) {
  const counts = tableRows({ ...t, cells: t.cells.map((c) => ({ coords: c.coords, n: c.n })) }, false);
  return t.cells.map((c, i) => ({
    ...counts[i],
    q1_months: c.q1 ?? '',
    median_months: c.median ?? '',
    q3_months: c.q3 ?? '',
    quantile_note: c.note,
    quantile_note_label: c.note ? QUANTILE_NOTE_LABELS[c.note] : '',
    ...(synthetic ? { synthetic: true } : {}),
  }));
}

/**
 * Publishes a release: protected tables (CSV + Parquet), disparity measures, a Data Package descriptor,
 * SVG charts with their Vega-Lite specifications, and a self-contained index.html.
 */
export async function publish(store: RecordStore, opts: PublishOptions): Promise<ReleaseSummary> {
  const out = resolve(opts.out);
  mkdirSync(join(out, 'data'), { recursive: true });
  mkdirSync(join(out, 'charts'), { recursive: true });
  const meta = (
    await sql<{ n: number; synthetic: number }>`SELECT CAST(count(*) AS INTEGER) AS n,
      CAST(SUM(CASE WHEN synthetic THEN 1 ELSE 0 END) AS INTEGER) AS synthetic FROM records`.execute(store.db)
  ).rows[0] ?? { n: 0, synthetic: 0 };
  const synthetic = (meta.synthetic ?? 0) > 0;
  const syntheticNote = synthetic
    ? meta.synthetic === meta.n
      ? 'SYNTHETIC DATA: every record in this release was generated; none is a real case.'
      : `CONTAINS SYNTHETIC DATA: ${meta.synthetic} of ${meta.n} records were generated.`
    : '';

  const family: Family = await buildFamily(store, opts.by, opts.stage, opts.minCell);
  const measures = await disparityMeasures(store, opts.minCell, opts.populations);
  const hidden = protectFunnel(measures.funnel, opts.minCell);
  const refHidden = (steps: string[]) => steps.some((s) => hidden.has(`nh_white|${s}`));
  const measureRows: MeasureRow[] = measures.rows.map((m) => {
    const steps = STEPS_OF[m.stage];
    if (
      steps &&
      m.measure !== 'mantel_haenszel_or' &&
      !m.measure.startsWith('outcome') &&
      (steps.some((s) => hidden.has(`${m.group}|${s}`)) || refHidden(steps))
    )
      return {
        ...m,
        numerator: null,
        denominator: null,
        estimate: null,
        lower: null,
        upper: null,
        share: null,
        flags: [m.flags, 'suppressed'].filter(Boolean).join(';'),
      };
    return m;
  });

  const resources: Resource[] = [];
  const tableFiles: string[] = [];
  const csvOut = (name: string, rows: Record<string, unknown>[], columns: string[]) => {
    const path = join(out, 'data', `${name}.csv`);
    writeFileSync(
      path,
      stringify(rows, { header: true, columns, cast: { boolean: (b) => (b ? 'true' : 'false') } }),
    );
    tableFiles.push(`data/${name}.csv`);
    return `data/${name}.csv`;
  };

  let suppressedCells = 0;
  let publishedCells = 0;
  for (const t of family.tables) {
    const rows = tableRows(t, synthetic);
    for (const r of rows) r.n === SUPPRESSED ? suppressedCells++ : publishedCells++;
    const fields = fieldsFor(t.columns, t.codeLists, synthetic);
    const path = csvOut(
      t.name,
      rows,
      fields.map((f) => f.name),
    );
    resources.push({
      name: t.name,
      path,
      title: t.title,
      description: `${t.description}${synthetic ? ` ${syntheticNote}` : ''}`,
      format: 'csv',
      mediatype: 'text/csv',
      schema: { fields, missingValues: ['', SUPPRESSED] },
    });
  }
  // sentence length by group: on the sentence-stage family (the release's own when it publishes that
  // stage), so each row's count is one the count tables protect, hidden by the same decision
  const minQuantileN = opts.minQuantileN ?? defaultMinQuantileN(opts.minCell);
  const sentenceFamily =
    opts.stage === 'sentence' ? family : await buildFamily(store, opts.by, 'sentence', opts.minCell);
  const termTables = await buildTermTables(store, sentenceFamily, minQuantileN);
  for (const t of termTables) {
    const fields = termFields(t, synthetic);
    resources.push({
      name: t.name,
      path: csvOut(
        t.name,
        termRows(t, synthetic),
        fields.map((f) => f.name),
      ),
      title: t.title,
      description: `${t.description}${synthetic ? ` ${syntheticNote}` : ''}`,
      format: 'csv',
      mediatype: 'text/csv',
      schema: { fields, missingValues: ['', SUPPRESSED] },
    });
  }
  // funnel counts by race and ethnicity
  const funnelRows = measures.funnel.map((f) => ({
    race_ethnicity: f.group,
    race_ethnicity_label: labelOf(RACE_ETHNICITY, f.group),
    population: f.population ?? '',
    ...Object.fromEntries(FUNNEL_STEPS.map((s) => [s, hidden.has(`${f.group}|${s}`) ? SUPPRESSED : f[s]])),
    ...(synthetic ? { synthetic: true } : {}),
  }));
  const funnelCols = [
    'race_ethnicity',
    'race_ethnicity_label',
    'population',
    ...FUNNEL_STEPS,
    ...(synthetic ? ['synthetic'] : []),
  ];
  resources.push({
    name: 'funnel_by_race_ethnicity',
    path: csvOut('funnel_by_race_ethnicity', funnelRows, funnelCols),
    title: 'From arrest to incarceration, by race and ethnicity',
    description: `Counts of people at each step: arrested; of those, charged with sale; of those, convicted of sale; of those, sentenced to prison or jail. population: residents (${opts.populationSource ?? 'not supplied'}).${synthetic ? ` ${syntheticNote}` : ''}`,
    format: 'csv',
    mediatype: 'text/csv',
    schema: {
      missingValues: ['', SUPPRESSED],
      fields: funnelCols.map((c) => ({
        name: c,
        type: ['population', ...FUNNEL_STEPS].includes(c)
          ? 'integer'
          : c === 'synthetic'
            ? 'boolean'
            : 'string',
      })),
    },
  });
  const mCols = [
    'measure',
    'group',
    'group_label',
    'reference',
    'stage',
    'numerator',
    'denominator',
    'estimate',
    'lower',
    'upper',
    'share',
    'flags',
    'note',
    ...(synthetic ? ['synthetic'] : []),
  ];
  const mRows = measureRows.map((m) => ({
    ...m,
    group_label: labelOf(RACE_ETHNICITY, m.group),
    ...Object.fromEntries(
      (['estimate', 'lower', 'upper', 'share'] as const).map((k) => [
        k,
        m[k] === null ? '' : Number((m[k] as number).toFixed(4)),
      ]),
    ),
    numerator: m.numerator ?? (m.flags.includes('suppressed') ? SUPPRESSED : ''),
    denominator: m.denominator ?? (m.flags.includes('suppressed') ? SUPPRESSED : ''),
    ...(synthetic ? { synthetic: true } : {}),
  }));
  resources.push({
    name: 'disparity_measures',
    path: csvOut('disparity_measures', mRows, mCols),
    title: 'Disparity measures with 95% confidence intervals',
    description: `One row per measure and group, against white non-Hispanic people. measure: rri_per_capita, rri_stage, overall_per_capita, benchmark_adjusted_rri, mantel_haenszel_or, outcome_share, outcome_ratio. share: the stage's contribution to the overall disparity (funnel) or the match coverage (Mantel-Haenszel). flags: small_n, zero_count, suppressed.${synthetic ? ` ${syntheticNote}` : ''}`,
    format: 'csv',
    mediatype: 'text/csv',
    schema: {
      missingValues: ['', SUPPRESSED],
      fields: mCols.map((c) => ({
        name: c,
        type: ['numerator', 'denominator'].includes(c)
          ? 'integer'
          : ['estimate', 'lower', 'upper', 'share'].includes(c)
            ? 'number'
            : c === 'synthetic'
              ? 'boolean'
              : 'string',
      })),
    },
  });
  writeFileSync(join(out, 'data', 'record-schema.json'), `${JSON.stringify(recordTableSchema(), null, 2)}\n`);

  // Parquet copies of every table, written by DuckDB from the CSVs (typed: "suppressed" becomes null)
  if (opts.parquet !== false) {
    const inst = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
    const c = await inst.connect();
    try {
      for (const r of [...resources]) {
        const csv = join(out, r.path).replace(/'/g, "''");
        const pq = r.path.replace(/\.csv$/, '.parquet');
        const types = (r.schema?.fields ?? [])
          .map(
            (f) =>
              `'${f.name}': '${f.type === 'integer' ? 'BIGINT' : f.type === 'number' ? 'DOUBLE' : f.type === 'boolean' ? 'BOOLEAN' : 'VARCHAR'}'`,
          )
          .join(', ');
        await c.run(
          `COPY (SELECT * FROM read_csv('${csv}', header = true, nullstr = ['suppressed', ''], columns = {${types}})) TO '${join(out, pq).replace(/'/g, "''")}' (FORMAT parquet${synthetic ? ", KV_METADATA {synthetic: 'true'}" : ''})`,
        );
        resources.push({
          ...r,
          name: `${r.name}.parquet`,
          path: pq,
          format: 'parquet',
          mediatype: 'application/vnd.apache.parquet',
          description: `${r.description ?? ''} Parquet copy: suppressed counts are null.`,
        });
      }
    } finally {
      c.closeSync();
      inst.closeSync();
    }
  }

  // charts
  const charts: { file: string; title: string; svg: string }[] = [];
  const chart = (name: string, title: string, svg: string, spec: object) => {
    writeFileSync(join(out, 'charts', `${name}.svg`), svg);
    writeFileSync(join(out, 'charts', `${name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
    charts.push({ file: `charts/${name}.svg`, title, svg });
  };
  for (const t of family.tables.slice(1)) {
    const dim = t.columns[0] as string;
    const bars = t.cells
      .filter((c) => c.coords.outcome === ALL && c.coords[dim] !== ALL)
      .map((c) => ({
        label: labelOf(t.codeLists[dim] as CodeList, c.coords[dim] as string),
        value: c.n === SUPPRESSED ? null : c.n,
      }));
    const title = `People at the ${stagePhrase(opts.stage)}, by ${dimTitle(dim).toLowerCase()}`;
    chart(
      t.name,
      title,
      barChart(title, `n per group; threshold ${opts.minCell}`, bars, synthetic),
      barSpec(title, bars),
    );
  }
  const dotsFor = (pred: (m: MeasureRow) => boolean) =>
    measureRows.filter(pred).map((m) => ({
      label: `${labelOf(RACE_ETHNICITY, m.group)}${m.measure === 'rri_stage' || m.measure === 'rri_per_capita' ? ` - ${m.stage.replace(/_/g, ' ')}` : ''}`,
      estimate: m.estimate,
      lower: m.lower,
      upper: m.upper,
      note: m.flags.includes('suppressed')
        ? 'suppressed'
        : m.flags.includes('small_n')
          ? '(small n)'
          : undefined,
    }));
  const rriDots = dotsFor((m) => m.measure === 'rri_stage' || m.measure === 'rri_per_capita');
  chart(
    'rri',
    'Relative rate index by stage (reference: white, not Hispanic)',
    dotChart(
      'Relative rate index by stage',
      'each stage uses its own denominator; reference: white, not Hispanic',
      rriDots,
      synthetic,
    ),
    dotSpec('Relative rate index by stage', rriDots),
  );
  const orDots = dotsFor((m) => m.measure === 'mantel_haenszel_or');
  chart(
    'bias_test',
    'Bias test: odds of a sale charge, matched cases',
    dotChart(
      'Bias test: odds of a sale charge among matched cases',
      'Mantel-Haenszel odds ratio vs white, not Hispanic; matched on drug, quantity, indicia, history, jurisdiction',
      orDots,
      synthetic,
    ),
    dotSpec('Bias test', orDots),
  );
  const ocDots = dotsFor((m) => m.measure === 'outcome_ratio');
  chart(
    'outcome_test',
    'Outcome test: sale charges ending in a sale conviction',
    dotChart(
      'Outcome test: sale charges that end in a sale conviction',
      'ratio of conviction shares vs white, not Hispanic',
      ocDots,
      synthetic,
    ),
    dotSpec('Outcome test', ocDots),
  );
  for (const ch of charts)
    resources.push({
      name: ch.file
        .replace(/^charts\//, '')
        .replace(/\.svg$/, '.chart')
        .replace(/[^a-z0-9._-]/g, '_'),
      path: ch.file,
      title: ch.title,
      format: 'svg',
      mediatype: 'image/svg+xml',
    });

  const pkg: DataPackage = {
    $schema: DATA_PACKAGE_PROFILE,
    name: `proportion-release-${opts.stage.replace(/_/g, '-')}`,
    title: `${synthetic ? '[SYNTHETIC] ' : ''}Drug cases at the ${stagePhrase(opts.stage)} by ${opts.by.map((d) => DIMENSIONS[d].title.toLowerCase()).join(', ')}`,
    description: [syntheticNote, ...METHODOLOGY].filter(Boolean).join('\n\n'),
    version: '1.0.0',
    created: new Date().toISOString(),
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    resources,
    'proportion:release': {
      engine: ENGINE_VERSION,
      synthetic,
      stage: opts.stage,
      by: opts.by,
      min_cell: opts.minCell,
      min_quantile_n: minQuantileN,
      term_field: 'sentence_months',
      suppression:
        'primary below min_cell; complementary until no suppressed cell is exactly recoverable from published totals (linear audit)',
      population_source: opts.populationSource ?? null,
    },
    'proportion:context': CONTEXT_FIGURES,
  };
  dataPackageSchema.parse(pkg);
  writeFileSync(join(out, 'datapackage.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(
    join(out, 'index.html'),
    renderPage({
      opts,
      family,
      termTables,
      measures: measureRows,
      funnel: funnelRows,
      charts,
      syntheticNote,
      records: meta.n,
      resources,
    }),
  );
  return {
    out,
    records: meta.n,
    synthetic,
    tables: tableFiles,
    charts: charts.map((c) => c.file),
    suppressedCells,
    publishedCells,
  };
}
