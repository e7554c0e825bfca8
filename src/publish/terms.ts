import { sql } from 'kysely';
import type { RecordStore } from '../db/store.ts';
import type { QUANTILE_NOTE_LABELS } from '../messages/labels.ts';
import { DIMENSIONS, type Dimension } from '../records/dictionary.ts';
import { ALL, type Cell, type Family, type PublishedTable, reachedSql, SUPPRESSED } from './tables.ts';

/**
 * Sentence-length tables: for each table of the sentence-stage count family, the custodial term
 * (`sentence_months`, the term imposed) of the people in each cell sentenced to prison or to jail, as
 * the first quartile, median and third quartile in whole months.
 *
 * Privacy. Each row's n is the count family's own number for that cell, published or suppressed by
 * the same decision, so the term tables add no count to the release: differencing them against the
 * count tables reveals nothing new. A quartile is one person's term (or the mean of two), so it is
 * published only where the count is published and at least `minQuantileN` people in the cell have a
 * recorded term (the default, 4 x the count threshold, leaves at least that threshold of people at or
 * below the first quartile and at or above the third: no published quartile describes fewer people
 * than a published count may).
 */
export const CUSTODY_OUTCOMES = ['prison', 'jail'] as const;
/** Quantiles need this many times the count threshold of people with a recorded term (see above). */
export const QUANTILE_N_PER_MIN_CELL = 4;
export const defaultMinQuantileN = (minCell: number) => QUANTILE_N_PER_MIN_CELL * minCell;

export type QuantileNote = keyof typeof QUANTILE_NOTE_LABELS;

export interface TermCell {
  coords: Record<string, string>;
  n: Cell['n'];
  /** whole months; "suppressed" when withheld, null when the cell is empty */
  q1: number | typeof SUPPRESSED | null;
  median: number | typeof SUPPRESSED | null;
  q3: number | typeof SUPPRESSED | null;
  note: QuantileNote | '';
}
export interface TermTable extends Omit<PublishedTable, 'cells'> {
  cells: TermCell[];
}

interface Quartiles {
  known: number;
  q1: number;
  median: number;
  q3: number;
}

/** Whole months, halves up (terms are recorded in whole months; an interpolated quartile is not). */
const wholeMonths = (x: number) => Math.floor(x + 0.5);

/**
 * Quartiles of the recorded term by every grouping the count tables publish: all the dimensions,
 * each dimension alone, and none ("all"), each with the sentence outcome, for people sentenced to
 * custody. One scan with GROUPING SETS (DuckDB and PostgreSQL both have them and percentile_cont).
 */
async function termQuartiles(store: RecordStore, dims: Dimension[]): Promise<Map<string, Quartiles>> {
  const out = new Map<string, Quartiles>();
  const cols = dims.map((d) => sql.ref(DIMENSIONS[d].column));
  const sets = [cols, ...cols.map((c) => [c]), []].map(
    (g) => sql`(${sql.join([...g, sql`sentence_outcome`])})`,
  );
  const q = await sql<Record<string, string | number | null>>`
    SELECT ${sql.join(cols.map((c, i) => sql`${c} AS ${sql.ref(`d${i}`)}, GROUPING(${c}) AS ${sql.ref(`g${i}`)}`))},
      sentence_outcome AS outcome,
      CAST(count(sentence_months) AS INTEGER) AS known,
      percentile_cont(0.25) WITHIN GROUP (ORDER BY sentence_months) AS q1,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY sentence_months) AS median,
      percentile_cont(0.75) WITHIN GROUP (ORDER BY sentence_months) AS q3
    FROM records
    WHERE ${reachedSql('sentence')} AND sentence_outcome IN (${sql.join(CUSTODY_OUTCOMES.map((o) => sql`${o}`))})
    GROUP BY GROUPING SETS (${sql.join(sets)})`.execute(store.db);
  for (const r of q.rows) {
    if (!Number(r.known)) continue;
    const key = [
      ...dims.map((_, i) => (Number(r[`g${i}`]) ? ALL : String(r[`d${i}`]))),
      String(r.outcome),
    ].join('|');
    out.set(key, { known: Number(r.known), q1: Number(r.q1), median: Number(r.median), q3: Number(r.q3) });
  }
  return out;
}

/**
 * The term tables of a sentence-stage family (`family.stage` must be "sentence"): one per count
 * table, with that table's custodial rows (prison, jail) and their counts exactly as published.
 */
export async function buildTermTables(
  store: RecordStore,
  family: Family,
  minQuantileN: number,
): Promise<TermTable[]> {
  if (family.stage !== 'sentence') throw new Error('term tables are built on the sentence-stage family');
  const stats = await termQuartiles(store, family.dims);
  const custody = new Set<string>(CUSTODY_OUTCOMES);
  const names = [...family.dims, 'outcome'];
  return family.tables.map((t) => {
    const cells = t.cells
      .filter((c) => custody.has(c.coords.outcome as string))
      .map((c): TermCell => {
        const key = names.map((d) => c.coords[d] ?? ALL).join('|');
        // the quartiles withheld, with the reason
        const hidden = (note: TermCell['note']): TermCell => ({
          coords: c.coords,
          n: c.n,
          q1: SUPPRESSED,
          median: SUPPRESSED,
          q3: SUPPRESSED,
          note,
        });
        if (c.n === SUPPRESSED) return hidden('count_suppressed');
        if (c.n === 0) return { coords: c.coords, n: 0, q1: null, median: null, q3: null, note: '' };
        const s = stats.get(key);
        if (!s || s.known < minQuantileN) return hidden('few_terms');
        return {
          coords: c.coords,
          n: c.n,
          q1: wholeMonths(s.q1),
          median: wholeMonths(s.median),
          q3: wholeMonths(s.q3),
          note: '',
        };
      });
    return {
      ...t,
      name: t.name.replace(/^sentence_by_/, 'sentence_term_by_'),
      title: t.title
        .replace(/^People at the [a-z ]+ by /, 'Custodial term imposed (months) by ')
        .replace(/ and outcome$/, ' and prison or jail'),
      description: `People sentenced to prison or to jail and the custodial term imposed (sentence_months: the term the court imposed, not the time expected to be served), in whole months: first quartile, median, third quartile of the people with a recorded term. n is the sentence-stage count of the row, suppressed exactly as in the count tables; quartiles are withheld ("suppressed") where n is suppressed or fewer than ${minQuantileN} people have a recorded term. Life sentences: the records hold no life marker, so a life term counts at the months the source recorded (quartiles, not means, so one extreme term moves them little).`,
      cells,
    };
  });
}
