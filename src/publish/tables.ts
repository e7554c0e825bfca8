import { sql } from 'kysely';
import type { RecordStore } from '../db/store.ts';
import { type CodeList, MISSING, STAGE_OUTCOMES, type Stage } from '../records/codes.ts';
import { DIMENSIONS, type Dimension } from '../records/dictionary.ts';
import { type Margin, protect } from './suppress.ts';
import { stagePhrase } from './text.ts';

export const ALL = 'all';
export const SUPPRESSED = 'suppressed';

/** One published cell: its coordinates (a code, or "all") and its count or "suppressed". */
export interface Cell {
  coords: Record<string, string>;
  n: number | typeof SUPPRESSED;
}
export interface PublishedTable {
  name: string;
  title: string;
  description: string;
  /** coordinate columns, in order (dimensions, then "outcome") */
  columns: string[];
  codeLists: Record<string, CodeList>;
  cells: Cell[];
}
export interface Family {
  stage: Stage;
  dims: Dimension[];
  domains: string[][];
  outcomes: string[];
  tables: PublishedTable[];
  /** the counts and their protection, for audits */
  base: number[];
  margins: Margin[];
  baseSuppressed: boolean[];
  marginSuppressed: boolean[];
}

export const reachedSql = (stage: Stage) =>
  sql`${sql.ref(`${stage}_outcome`)} NOT IN ('not_applicable', 'not_collected')`;

/** Domain of a coordinate: its code list, then the missingness codes seen in the data. */
function domain(list: CodeList, seen: Set<string>): string[] {
  const codes = list.codes.map((c) => c.code);
  const extra = [...seen]
    .filter((s) => !codes.includes(s))
    .sort((a, b) => MISSING.indexOf(a as never) - MISSING.indexOf(b as never));
  return [...codes, ...extra];
}

/**
 * The protected table family of a release: people who reached the stage, counted by every combination
 * of the dimensions and the stage outcome (the full crossing), with its margins: totals by profile, by
 * each dimension with and without outcome, by outcome, and overall. Suppression is decided on the whole
 * family at once, so a number appears with the same status in every table that shows it.
 */
export async function buildFamily(
  store: RecordStore,
  dims: Dimension[],
  stage: Stage,
  minCell: number,
): Promise<Family> {
  const outcomeCol = `${stage}_outcome`;
  const cols = dims.map((d) => DIMENSIONS[d].column);
  const q = await sql<Record<string, string | number>>`
    SELECT ${sql.join(cols.map((c, i) => sql`${sql.ref(c)} AS ${sql.ref(`d${i}`)}`))}, ${sql.ref(outcomeCol)} AS outcome,
      CAST(count(*) AS INTEGER) AS n
    FROM records WHERE ${reachedSql(stage)}
    GROUP BY ${sql.join(cols.map((c) => sql.ref(c)))}, ${sql.ref(outcomeCol)}`.execute(store.db);
  const seen = dims.map(() => new Set<string>());
  const seenOut = new Set<string>();
  for (const r of q.rows) {
    dims.forEach((_, i) => {
      (seen[i] as Set<string>).add(String(r[`d${i}`]));
    });
    seenOut.add(String(r.outcome));
  }
  const domains = dims.map((d, i) => domain(DIMENSIONS[d].codes, seen[i] as Set<string>));
  const outcomes = domain(STAGE_OUTCOMES[stage], seenOut);
  const all = [...domains, outcomes];
  const sizes = all.map((d) => d.length);
  const strides: number[] = [];
  let total = 1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = total;
    total *= sizes[i] as number;
  }
  const index = all.map((d) => new Map(d.map((c, i) => [c, i])));
  const base = new Array<number>(total).fill(0);
  for (const r of q.rows) {
    let k = 0;
    for (let i = 0; i < dims.length; i++)
      k += (index[i]?.get(String(r[`d${i}`])) as number) * (strides[i] as number);
    k += (index[dims.length]?.get(String(r.outcome)) as number) * (strides[dims.length] as number);
    base[k] = (base[k] as number) + Number(r.n);
  }
  const coordsOf = (k: number) =>
    all.map((_, i) => Math.floor(k / (strides[i] as number)) % (sizes[i] as number));

  // margins: keep[i] = true when coordinate i is fixed, false when summed ("all")
  const margins: Margin[] = [];
  const marginIndex = new Map<string, number>();
  const addPattern = (keep: boolean[]) => {
    const groups = new Map<string, number[]>();
    for (let k = 0; k < total; k++) {
      const c = coordsOf(k);
      const key = c.map((v, i) => (keep[i] ? String(v) : '*')).join(',');
      let g = groups.get(key);
      if (!g) {
        g = [];
        groups.set(key, g);
      }
      g.push(k);
    }
    for (const [key, members] of groups) {
      marginIndex.set(key, margins.length);
      margins.push({ key, members });
    }
  };
  const nd = dims.length;
  const pattern = (fixed: number[]) => all.map((_, i) => fixed.includes(i));
  addPattern(pattern([...Array(nd).keys()])); // profile totals
  for (let i = 0; i < nd; i++) {
    addPattern(pattern([i, nd]));
    addPattern(pattern([i]));
  }
  addPattern(pattern([nd]));
  addPattern(pattern([]));

  const p = protect(base, margins, minCell);
  const show = (v: number, s: boolean): number | typeof SUPPRESSED => (s ? SUPPRESSED : v);
  const marginValue = (mi: number) =>
    (margins[mi] as Margin).members.reduce((s, k) => s + (base[k] as number), 0);
  const names = [...dims, 'outcome'];
  const codeLists: Record<string, CodeList> = Object.fromEntries([
    ...dims.map((d) => [d, DIMENSIONS[d].codes]),
    ['outcome', STAGE_OUTCOMES[stage]],
  ]);
  const cellAt = (coords: (number | '*')[]): Cell => {
    const key = coords.map(String).join(',');
    const record = Object.fromEntries(
      coords.map((c, i) => [names[i], c === '*' ? ALL : ((all[i] as string[])[c] as string)]),
    );
    if (!key.includes('*')) {
      const k = coords.reduce<number>((s, c, i) => s + (c as number) * (strides[i] as number), 0);
      return { coords: record, n: show(base[k] as number, p.base[k] as boolean) };
    }
    const mi = marginIndex.get(key) as number;
    return { coords: record, n: show(marginValue(mi), p.margins[mi] as boolean) };
  };

  const tables: PublishedTable[] = [];
  // the full crossing, with profile totals (outcome = all)
  const cross: Cell[] = [];
  const profiles = total / (sizes[nd] as number);
  for (let pi = 0; pi < profiles; pi++) {
    const pc = coordsOf(pi * (sizes[nd] as number)).slice(0, nd);
    for (let o = 0; o < (sizes[nd] as number); o++) cross.push(cellAt([...pc, o]));
    cross.push(cellAt([...pc, '*']));
  }
  tables.push({
    name: `${stage}_by_${dims.join('_')}`,
    title: `People at the ${stagePhrase(stage)} by ${dims.map((d) => DIMENSIONS[d].title.toLowerCase()).join(', ')} and outcome`,
    description:
      'Full crossing of the release dimensions and the decision outcome; outcome "all" is the total of the row.',
    columns: names,
    codeLists,
    cells: cross,
  });
  for (let i = 0; i < nd; i++) {
    const cells: Cell[] = [];
    for (let v = 0; v <= (sizes[i] as number); v++) {
      for (let o = 0; o <= (sizes[nd] as number); o++) {
        const coords: (number | '*')[] = all.map(() => '*');
        coords[i] = v === sizes[i] ? '*' : v;
        coords[nd] = o === sizes[nd] ? '*' : o;
        cells.push(cellAt(coords));
      }
    }
    const d = dims[i] as Dimension;
    tables.push({
      name: `${stage}_by_${d}`,
      title: `People at the ${stagePhrase(stage)} by ${DIMENSIONS[d].title.toLowerCase()} and outcome`,
      description: `One-way table: "${ALL}" rows and columns are totals.`,
      columns: [d, 'outcome'],
      codeLists: { [d]: DIMENSIONS[d].codes, outcome: STAGE_OUTCOMES[stage] },
      cells: cells.map((c) => ({
        coords: { [d]: c.coords[d] as string, outcome: c.coords.outcome as string },
        n: c.n,
      })),
    });
  }
  return {
    stage,
    dims,
    domains,
    outcomes,
    tables,
    base,
    margins,
    baseSuppressed: p.base,
    marginSuppressed: p.margins,
  };
}
