/**
 * Cell protection for a family of linked tables: a base table of counts (every combination of the
 * dimensions and the outcome) and published margins (sums of base cells: totals by profile, by each
 * dimension and outcome, overall). Each published number is either its count or "suppressed".
 *
 * 1. Primary suppression: every cell (base or margin) with 0 < n < threshold.
 * 2. Complementary suppression, repeated until an audit passes: an attacker knows every published base
 *    count and every published margin, i.e. linear equations over the suppressed base cells. A suppressed
 *    cell is recoverable exactly when its vector lies in the span of those equations, equivalently when
 *    every solution of the homogeneous system gives it the same value. The audit draws random vectors
 *    from the null space (Gauss-Jordan elimination); a suppressed cell whose value is 0 on all of them is
 *    recoverable, and the cheapest published neighbour (the smallest count sharing a margin with it) is
 *    suppressed too. Each round only adds suppressions, so the loop ends.
 * Zero counts are published (they describe no one); suppression never shows a 0.
 */
export interface Margin {
  key: string;
  /** indices of the base cells it sums */
  members: number[];
}
export interface Protection {
  base: boolean[];
  margins: boolean[];
  rounds: number;
}

const TOL = 1e-7;

/** A deterministic PRNG (mulberry32) so releases are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random vectors of the null space of the published equations restricted to the unknowns U.
 * Gauss-Jordan elimination in two phases: short equations (profile totals) are eliminated sparsely
 * first, then the long ones (margins by dimension) densely over the remaining columns.
 * Returns, per vector, a map from base index to value.
 */
export function nullSpaceSamples(
  unknown: number[],
  equations: number[][],
  samples = 2,
  seed = 1,
): Map<number, number>[] {
  const n = unknown.length;
  const col = new Map<number, number>(unknown.map((u, i) => [u, i]));
  const small: Map<number, number>[] = [];
  const dense: Float64Array[] = [];
  for (const eq of equations) {
    const cs: number[] = [];
    for (const m of eq) {
      const c = col.get(m);
      if (c !== undefined) cs.push(c);
    }
    if (cs.length === 0) continue;
    if (cs.length <= SMALL_ROW) small.push(new Map(cs.map((c) => [c, 1])));
    else {
      const d = new Float64Array(n);
      for (const c of cs) d[c] = 1;
      dense.push(d);
    }
  }
  // phase 1: sparse rows, shortest first; each pivot is removed from every other row
  const colRows = new Map<number, Set<number>>();
  small.forEach((r, i) => {
    for (const c of r.keys()) {
      let set = colRows.get(c);
      if (!set) {
        set = new Set();
        colRows.set(c, set);
      }
      set.add(i);
    }
  });
  const order = small
    .map((_, i) => i)
    .sort((x, y) => (small[x] as Map<number, number>).size - (small[y] as Map<number, number>).size);
  const smallPivot = new Map<number, number>();
  const isPivot = new Uint8Array(n);
  for (const ri of order) {
    const row = small[ri] as Map<number, number>;
    let max = 0;
    for (const v of row.values()) max = Math.max(max, Math.abs(v));
    if (max < 1e-9) continue;
    let p = -1;
    let best = Number.POSITIVE_INFINITY;
    for (const [c, v] of row) {
      if (Math.abs(v) < 0.1 * max) continue;
      const occ = colRows.get(c)?.size ?? 0;
      if (occ < best) {
        best = occ;
        p = c;
      }
    }
    const pv = row.get(p) as number;
    for (const [c, v] of row) row.set(c, v / pv);
    smallPivot.set(ri, p);
    isPivot[p] = 1;
    for (const r2 of [...(colRows.get(p) ?? [])]) {
      if (r2 === ri) continue;
      const other = small[r2] as Map<number, number>;
      const f = other.get(p) as number;
      for (const [c, v] of row) {
        const nv = (other.get(c) ?? 0) - f * v;
        if (Math.abs(nv) < 1e-12) {
          if (other.delete(c)) colRows.get(c)?.delete(r2);
        } else {
          if (!other.has(c)) {
            let set = colRows.get(c);
            if (!set) {
              set = new Set();
              colRows.set(c, set);
            }
            set.add(r2);
          }
          other.set(c, nv);
        }
      }
    }
    for (const d of dense) {
      const f = d[p] as number;
      if (f === 0) continue;
      for (const [c, v] of row) d[c] = (d[c] as number) - f * v;
      d[p] = 0;
    }
  }
  // phase 2: dense Gauss-Jordan over the columns left
  const active: number[] = [];
  for (let c = 0; c < n; c++) if (!isPivot[c]) active.push(c);
  const densePivot: number[] = dense.map(() => -1);
  for (let i = 0; i < dense.length; i++) {
    const row = dense[i] as Float64Array;
    let p = -1;
    let max = 1e-9;
    for (const c of active) {
      const a = Math.abs(row[c] as number);
      if (a > max) {
        max = a;
        p = c;
      }
    }
    if (p < 0) continue;
    const pv = row[p] as number;
    for (const c of active) row[c] = (row[c] as number) / pv;
    densePivot[i] = p;
    isPivot[p] = 2;
    for (let j = 0; j < dense.length; j++) {
      if (j === i) continue;
      const other = dense[j] as Float64Array;
      const f = other[p] as number;
      if (Math.abs(f) < 1e-15) continue;
      for (const c of active) other[c] = (other[c] as number) - f * (row[c] as number);
      other[p] = 0;
    }
  }
  const rnd = mulberry32(seed);
  const out: Map<number, number>[] = [];
  for (let k = 0; k < samples; k++) {
    const z = new Float64Array(n);
    for (let c = 0; c < n; c++) if (!isPivot[c]) z[c] = 1 + rnd();
    dense.forEach((row, i) => {
      const p = densePivot[i] as number;
      if (p < 0) return;
      let sum = 0;
      for (const c of active) if (c !== p && row[c] !== 0) sum += (row[c] as number) * (z[c] as number);
      z[p] = -sum;
    });
    for (const [ri, p] of smallPivot) {
      let sum = 0;
      for (const [c, v] of small[ri] as Map<number, number>) if (c !== p) sum += v * (z[c] as number);
      z[p] = -sum;
    }
    out.push(new Map(unknown.map((u, i) => [u, z[i] as number])));
  }
  return out;
}

const SMALL_ROW = 24;

export function protect(
  values: readonly number[],
  margins: readonly Margin[],
  threshold: number,
): Protection {
  const base = values.map((v) => v > 0 && v < threshold);
  const mValues = margins.map((m) => m.members.reduce((s, i) => s + (values[i] as number), 0));
  const msup = mValues.map((v) => v > 0 && v < threshold);
  const marginsOf: number[][] = values.map(() => []);
  margins.forEach((m, mi) => {
    for (const i of m.members) (marginsOf[i] as number[]).push(mi);
  });
  let rounds = 0;
  for (;;) {
    rounds++;
    const unknown = base.flatMap((s, i) => (s ? [i] : []));
    const equations = margins.flatMap((m, mi) => (msup[mi] ? [] : [m.members]));
    const z = unknown.length ? nullSpaceSamples(unknown, equations, 2, rounds) : [];
    const zero = (f: (s: Map<number, number>) => number) =>
      z.length === 0 || z.every((s) => Math.abs(f(s)) < TOL);
    const exposedBase = unknown.filter((i) => zero((s) => s.get(i) ?? 0));
    const exposedMargins = margins.flatMap((m, mi) =>
      msup[mi] && zero((s) => m.members.reduce((acc, i) => acc + (s.get(i) ?? 0), 0)) ? [mi] : [],
    );
    if (exposedBase.length === 0 && exposedMargins.length === 0) return { base, margins: msup, rounds };
    const pickBase = (cands: Iterable<number>) => {
      let best = -1;
      for (const j of cands) {
        if (base[j]) continue;
        const vj = values[j] as number;
        const vb = best < 0 ? Number.POSITIVE_INFINITY : (values[best] as number);
        // prefer the smallest non-zero count; a zero cell only when nothing else is left
        const score = (v: number) => (v === 0 ? Number.MAX_SAFE_INTEGER : v);
        if (best < 0 || score(vj) < score(vb)) best = j;
      }
      return best;
    };
    const pickMargin = (cands: Iterable<number>) => {
      let best = -1;
      for (const mi of cands)
        if (!msup[mi] && (best < 0 || (mValues[mi] as number) < (mValues[best] as number))) best = mi;
      return best;
    };
    let changed = false;
    for (const i of exposedBase) {
      const neighbours = new Set<number>();
      for (const mi of marginsOf[i] as number[])
        if (!msup[mi]) for (const j of (margins[mi] as Margin).members) if (j !== i) neighbours.add(j);
      const j = pickBase(neighbours);
      if (j >= 0) {
        base[j] = true;
        changed = true;
      } else {
        const mi = pickMargin(marginsOf[i] as number[]);
        if (mi >= 0) {
          msup[mi] = true;
          changed = true;
        }
      }
    }
    for (const mi of exposedMargins) {
      const m = margins[mi] as Margin;
      // all of its cells published: hide the smallest of them; otherwise it is implied by other
      // published margins (e.g. a row total minus the other cells), so hide the smallest overlapping one
      const j = m.members.some((i) => base[i]) ? -1 : pickBase(m.members);
      if (j >= 0) {
        base[j] = true;
        changed = true;
        continue;
      }
      // prefer a sibling: same table (same summed coordinates), differing in one coordinate
      const parts = m.key.split(',');
      const siblings = margins.flatMap((x, xi) => {
        if (xi === mi || msup[xi]) return [];
        const q = x.key.split(',');
        let diff = 0;
        for (let k = 0; k < q.length; k++) {
          if ((q[k] === '*') !== (parts[k] === '*')) return [];
          if (q[k] !== parts[k]) diff++;
        }
        return diff === 1 ? [xi] : [];
      });
      const overlapping = new Set<number>();
      for (const i of m.members) for (const o of marginsOf[i] as number[]) if (o !== mi) overlapping.add(o);
      const o = pickMargin(siblings.length ? siblings : overlapping);
      if (o >= 0) {
        msup[o] = true;
        changed = true;
      } else {
        const b = pickBase(m.members);
        if (b >= 0) {
          base[b] = true;
          changed = true;
        }
      }
    }
    if (!changed) throw new Error('complementary suppression could not protect every cell');
  }
}
