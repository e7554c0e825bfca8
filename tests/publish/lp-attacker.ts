import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import highsPackage from 'highs';

/**
 * The attacker of a published release: it reads only the release's CSV files and, for every suppressed
 * number, solves two linear programs (HiGHS) for the smallest and largest value consistent with every
 * published number of every table at once, with counts never negative and every suppressed count at
 * least 1 (zeros are published, so a hidden count is never 0). A number is exposed when that interval
 * is narrower than the threshold (recovered exactly when it is a single point).
 */
export interface Attack {
  suppressed: number;
  /** intervals of width 0: the number is known */
  recovered: string[];
  /** intervals narrower than the threshold (recovered included) */
  narrow: { cell: string; lo: number; hi: number }[];
}

// the package's types describe its CommonJS build; under ESM its default export is the loader itself
const loadHighs = highsPackage as unknown as typeof highsPackage.default;
const highs = await loadHighs();
const ALL = 'all';
const SUPPRESSED = 'suppressed';

interface Unknowns {
  names: string[];
  rows: { members: number[]; rhs: number }[];
  /** rows that are inequalities: sum(members with sign) >= 0 */
  ge: { plus: number[]; minus: number[] }[];
  queries: { name: string; members: number[] }[];
  /** extra bounds on single unknowns, from published neighbours */
  bounds: { k: number; lo: number; hi: number }[];
}

/** min and max of each query; Infinity when unbounded. */
function solve(u: Unknowns, threshold: number): Attack {
  const n = u.names.length;
  const out: Attack = { suppressed: u.queries.length, recovered: [], narrow: [] };
  if (n === 0) return out;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const r of u.rows) {
    for (const m of r.members) {
      indices.push(m);
      values.push(1);
    }
    starts.push(indices.length);
    rowLower.push(r.rhs);
    rowUpper.push(r.rhs);
  }
  for (const g of u.ge) {
    for (const m of g.plus) {
      indices.push(m);
      values.push(1);
    }
    for (const m of g.minus) {
      indices.push(m);
      values.push(-1);
    }
    starts.push(indices.length);
    rowLower.push(0);
    rowUpper.push(highs.infinity);
  }
  const colLower = new Array(n).fill(1);
  const colUpper = new Array(n).fill(highs.infinity);
  for (const b of u.bounds) {
    colLower[b.k] = Math.max(colLower[b.k], b.lo);
    colUpper[b.k] = Math.min(colUpper[b.k], b.hi);
  }
  const model = highs.createModel({
    numCols: n,
    numRows: rowLower.length,
    colCost: new Array(n).fill(0),
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: rowLower.length, numCols: n, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    for (const q of u.queries) {
      const cost = new Array(n).fill(0);
      for (const m of q.members) cost[m] = 1;
      model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
      const bound = (sense: 'minimize' | 'maximize') => {
        model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
        const status = model.run().modelStatus;
        if (status === highs.constants.modelStatus.unbounded) return Number.POSITIVE_INFINITY;
        if (status !== highs.constants.modelStatus.optimal)
          throw new Error(`LP for ${q.name}: status ${status}`);
        return model.getObjectiveValue();
      };
      const lo = bound('minimize');
      const hi = bound('maximize');
      if (hi - lo < 1e-6) out.recovered.push(q.name);
      if (hi - lo < threshold - 1e-6) out.narrow.push({ cell: q.name, lo, hi });
    }
  } finally {
    model.dispose();
  }
  return out;
}

type Row = Record<string, string>;
const readCsv = (path: string) => parse(readFileSync(path), { columns: true }) as Row[];

/** The term tables (sentence length by group): their counts form a family of their own. */
const TERM_PREFIX = 'sentence_term_';

/**
 * A family of count tables (columns: coordinates, their labels, n, and for term tables the
 * quartiles): the finest one is the full crossing; every other row is the sum of the crossing's rows
 * it covers ("all" covers everything).
 */
function familyUnknowns(dir: string, files: string[]): Unknowns {
  const NOT_COORDS = new Set(['n', 'synthetic', 'q1_months', 'median_months', 'q3_months', 'quantile_note']);
  const tables = files
    .map((f) => ({ name: f, rows: readCsv(join(dir, 'data', f)) }))
    .filter((t) => t.rows[0] && 'n' in t.rows[0] && 'outcome' in t.rows[0]);
  const coordCols = (r: Row) => Object.keys(r).filter((k) => !NOT_COORDS.has(k) && !k.endsWith('_label'));
  const u: Unknowns = { names: [], rows: [], ge: [], queries: [], bounds: [] };
  if (!tables.length) return u;
  const finest = tables.reduce((a, b) =>
    coordCols(b.rows[0] as Row).length > coordCols(a.rows[0] as Row).length ? b : a,
  );
  const dims = coordCols(finest.rows[0] as Row);
  const base = finest.rows.filter((r) => dims.every((d) => r[d] !== ALL));
  const covers = (r: Row, b: Row) => dims.every((d) => r[d] === undefined || r[d] === ALL || r[d] === b[d]);
  const unknownOf = new Map<number, number>();
  const names = u.names;
  base.forEach((b, i) => {
    if (b.n === SUPPRESSED) {
      unknownOf.set(i, names.length);
      names.push(`${finest.name}:${dims.map((d) => b[d]).join(',')}`);
    }
  });
  for (const b of base) if (b.n !== SUPPRESSED && !/^\d+$/.test(b.n as string)) throw new Error(`n=${b.n}`);
  for (const t of tables)
    for (const r of t.rows) {
      if (t === finest && dims.every((d) => r[d] !== ALL)) continue;
      const members: number[] = [];
      let rhs = r.n === SUPPRESSED ? 0 : Number(r.n);
      base.forEach((b, i) => {
        if (!covers(r, b)) return;
        const k = unknownOf.get(i);
        if (k !== undefined) members.push(k);
        else rhs -= Number(b.n);
      });
      const name = `${t.name}:${Object.entries(r)
        .filter(([k]) => coordCols(r).includes(k))
        .map(([, v]) => v)
        .join(',')}`;
      if (r.n === SUPPRESSED) u.queries.push({ name, members });
      else if (members.length) u.rows.push({ members, rhs });
    }
  for (const [, k] of unknownOf) u.queries.unshift({ name: names[k] as string, members: [k] });
  return u;
}

/**
 * Attacks a release: the count family, the funnel, and the term tables (whose counts are numbers of
 * the sentence-stage family, attacked as a family of their own).
 */
export function attackRelease(
  dir: string,
  threshold: number,
): { family: Attack; funnel: Attack; terms: Attack } {
  const files = readdirSync(join(dir, 'data')).filter((f) => f.endsWith('.csv'));
  const u = familyUnknowns(
    dir,
    files.filter((f) => !f.startsWith(TERM_PREFIX)),
  );
  const tu = familyUnknowns(
    dir,
    files.filter((f) => f.startsWith(TERM_PREFIX)),
  );

  // the funnel: counts at each step by group; each step's people are among the previous step's
  const funnelFile = files.find((f) => f.startsWith('funnel_'));
  const fu: Unknowns = { names: [], rows: [], ge: [], queries: [], bounds: [] };
  if (funnelFile) {
    const steps = ['arrested', 'sale_charged', 'sale_convicted', 'incarcerated'];
    for (const r of readCsv(join(dir, 'data', funnelFile))) {
      const cells = steps.map((s) => {
        if (r[s] !== SUPPRESSED) return { known: Number(r[s]) };
        fu.names.push(`${r.race_ethnicity}:${s}`);
        fu.queries.push({ name: `${funnelFile}:${r.race_ethnicity},${s}`, members: [fu.names.length - 1] });
        return { k: fu.names.length - 1 };
      });
      for (let i = 1; i < cells.length; i++) {
        const a = cells[i - 1] as { known?: number; k?: number };
        const b = cells[i] as { known?: number; k?: number };
        if (a.k !== undefined && b.k !== undefined) fu.ge.push({ plus: [a.k], minus: [b.k] });
        else if (a.k !== undefined)
          fu.bounds.push({ k: a.k, lo: b.known as number, hi: Number.POSITIVE_INFINITY });
        else if (b.k !== undefined) fu.bounds.push({ k: b.k, lo: 0, hi: a.known as number });
      }
    }
  }
  return { family: solve(u, threshold), funnel: solve(fu, threshold), terms: solve(tu, threshold) };
}
