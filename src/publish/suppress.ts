/**
 * Cell protection for a family of linked tables: a base table of counts (every combination of the
 * dimensions and the outcome) and published margins (sums of base cells: totals by profile, by each
 * dimension and outcome, overall). Each published number is either its count or "suppressed".
 *
 * The standard (interval protection, as in tau-ARGUS and the Census Bureau's cell suppression): an
 * attacker who knows every published number, that counts are never negative, and that a suppressed
 * count is at least 1 (zeros are published) solves, for each suppressed number, the smallest and the
 * largest value consistent with all of it. That interval must be at least `threshold` wide.
 *
 * 1. Primary suppression: every cell (base or margin) with 0 < n < threshold.
 * 2. Protection by moves (the hypercube method): a move picks some coordinates V and, for each, one
 *    other value; its corners are the 2^|V| base cells of that box, signed + and - alternately. Adding t
 *    to the + corners and taking t from the - corners leaves every margin that sums over a coordinate of
 *    V unchanged; the margins that fix all of V move by +-t and are suppressed with the corners. So
 *    the true table plus t times the move is a table the attacker cannot rule out, for every t from
 *    -down to +up, where up = min over - corners of (n - 1) and down = min over + corners of (n - 1):
 *    each number the move touches has an interval at least up + down wide. Every suppressed number is
 *    covered by a move with up + down >= threshold, the cheapest one (least count newly hidden), so the
 *    guarantee is proved by construction; the tests check it with an independent LP attacker.
 * Zero counts are published (they describe no one) and never part of a move; suppression never shows a 0.
 */
export interface Margin {
  key: string;
  /** indices of the base cells it sums */
  members: number[];
}
export interface Protection {
  base: boolean[];
  margins: boolean[];
  /** moves applied */
  rounds: number;
}

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

/** Hiding a total costs more than hiding a cell of the same size: readers lose every row under it. */
const MARGIN_COST = 2;

/** The coordinate grid behind the margins' keys ("v0,v1,*,..."): each base cell's position on it. */
interface Grid {
  positions: number;
  sizes: number[];
  strides: number[];
  /** grid index -> base index, or -1 */
  cellAt: Int32Array;
  /** base index -> its coordinate on each position */
  coord: Int32Array;
  /** summed-coordinate bitmask of each margin; 0 for a margin of one cell (the cell itself) */
  mask: number[];
  /** the distinct masks with, per mask, base index -> the margin of that pattern containing it */
  patterns: { mask: number; marginOf: Int32Array }[];
}

function gridOf(n: number, margins: readonly Margin[]): Grid {
  const positions = margins[0]?.key.split(',').length ?? 0;
  const codes = Array.from({ length: positions }, () => new Map<string, number>());
  const coord = new Int32Array(n * positions).fill(-1);
  const mask: number[] = [];
  const byMask = new Map<number, Int32Array>();
  margins.forEach((m, mi) => {
    const parts = m.key.split(',');
    let bits = 0;
    parts.forEach((part, p) => {
      if (part === '*') {
        bits |= 1 << p;
        return;
      }
      const map = codes[p] as Map<string, number>;
      let c = map.get(part);
      if (c === undefined) {
        c = map.size;
        map.set(part, c);
      }
      for (const k of m.members) coord[k * positions + p] = c;
    });
    mask.push(bits);
    let of = byMask.get(bits);
    if (!of) {
      of = new Int32Array(n).fill(-1);
      byMask.set(bits, of);
    }
    for (const k of m.members) of[k] = mi;
  });
  const sizes = codes.map((c) => c.size);
  const strides: number[] = [];
  let total = 1;
  for (let p = positions - 1; p >= 0; p--) {
    strides[p] = total;
    total *= Math.max(1, sizes[p] as number);
  }
  const cellAt = new Int32Array(total).fill(-1);
  for (let k = 0; k < n; k++) {
    let g = 0;
    for (let p = 0; p < positions; p++)
      g += Math.max(0, coord[k * positions + p] as number) * (strides[p] as number);
    cellAt[g] = k;
  }
  const patterns = [...byMask].filter(([m]) => m !== 0).map(([m, marginOf]) => ({ mask: m, marginOf }));
  return { positions, sizes, strides, cellAt, coord, mask, patterns };
}

/** Non-empty subsets of the positions that can vary, smallest first. */
function boxShapes(grid: Grid, maxSize: number): number[][] {
  const varying = [...Array(grid.positions).keys()].filter((p) => (grid.sizes[p] as number) > 1);
  const out: number[][] = [];
  // the empty box is the one cell alone, with every total over it hidden: always possible, rarely cheapest
  for (let bits = 0; bits < 1 << varying.length; bits++) {
    const set = varying.filter((_, i) => bits & (1 << i));
    if (set.length <= maxSize) out.push(set);
  }
  return out.sort((a, b) => a.length - b.length);
}

interface Move {
  corners: number[];
  /** +1 or -1 per corner */
  signs: number[];
  margins: number[];
  marginSigns: number[];
  up: number;
  down: number;
  cost: number;
}

export function protect(
  values: readonly number[],
  margins: readonly Margin[],
  threshold: number,
): Protection {
  const n = values.length;
  const base = values.map((v) => v > 0 && v < threshold);
  const mValues = margins.map((m) => m.members.reduce((s, i) => s + (values[i] as number), 0));
  const msup = mValues.map((v) => v > 0 && v < threshold);
  const grid = gridOf(n, margins);
  // widest interval proved so far for each number, as room above and below its true value
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const mUp = new Float64Array(margins.length);
  const mDown = new Float64Array(margins.length);
  const safe = (u: number, d: number) => u + d >= threshold;
  const shapes = boxShapes(grid, grid.positions);
  const P = grid.positions;

  /** The cheapest move through base cell c that proves its own corners (and touches margin `via`). */
  // scratch buffers for the corners of the box being tried (at most 2^P of them)
  const cornerBuf = new Int32Array(1 << P);
  const signBuf = new Int8Array(1 << P);
  const delta = new Int32Array(P);

  /** The cheapest move through base cell c that proves its own corners (and touches margin `via`). */
  const bestMove = (c: number, viaMask: number): Move | undefined => {
    let best: Move | undefined;
    let g0 = 0;
    for (let p = 0; p < P; p++) g0 += (grid.coord[c * P + p] as number) * (grid.strides[p] as number);
    for (const shape of shapes) {
      if (best && shape.length > 3) break; // a bigger box only when nothing smaller works
      let shapeMask = 0;
      for (const p of shape) shapeMask |= 1 << p;
      if (viaMask >= 0 && (shapeMask & viaMask) !== 0) continue;
      const moved = grid.patterns.filter((pt) => (pt.mask & shapeMask) === 0);
      const n = shape.length;
      const alt = new Array<number>(n).fill(0);
      // enumerate the other value on each coordinate of the box (an odometer over size - 1 choices)
      for (;;) {
        for (let i = 0; i < n; i++) {
          const p = shape[i] as number;
          const o = grid.coord[c * P + p] as number;
          const v = (alt[i] as number) >= o ? (alt[i] as number) + 1 : (alt[i] as number);
          delta[i] = (v - o) * (grid.strides[p] as number);
        }
        let cost = 0;
        let u = Number.POSITIVE_INFINITY;
        let d = Number.POSITIVE_INFINITY;
        let ok = true;
        const count = 1 << n;
        for (let bits = 0; bits < count && ok; bits++) {
          let g = g0;
          let parity = 1;
          for (let i = 0; i < n; i++)
            if (bits & (1 << i)) {
              g += delta[i] as number;
              parity = -parity;
            }
          const k = grid.cellAt[g] as number;
          const x = k < 0 ? 0 : (values[k] as number);
          if (x === 0) ok = false;
          else {
            cornerBuf[bits] = k;
            signBuf[bits] = parity;
            if (parity > 0) d = Math.min(d, x - 1);
            else u = Math.min(u, x - 1);
            if (!base[k]) cost += x;
            if (best && cost >= best.cost) ok = false;
          }
        }
        if (ok && safe(u, d)) {
          const corners = Array.from(cornerBuf.subarray(0, count));
          const signs = Array.from(signBuf.subarray(0, count));
          const ms: number[] = [];
          const mSigns: number[] = [];
          for (const pt of moved)
            corners.forEach((k, i) => {
              const mi = pt.marginOf[k] as number;
              if (mi < 0) return;
              ms.push(mi);
              mSigns.push(signs[i] as number);
              if (!msup[mi]) cost += MARGIN_COST * (mValues[mi] as number);
            });
          if (!best || cost < best.cost || (cost === best.cost && u + d > best.up + best.down))
            best = { corners, signs, margins: ms, marginSigns: mSigns, up: u, down: d, cost };
        }
        let i = 0;
        while (i < n) {
          alt[i] = (alt[i] as number) + 1;
          if ((alt[i] as number) < (grid.sizes[shape[i] as number] as number) - 1) break;
          alt[i] = 0;
          i++;
        }
        if (i === n) break;
      }
    }
    return best;
  };

  const apply = (m: Move) => {
    m.corners.forEach((k, i) => {
      base[k] = true;
      const [u, d] = (m.signs[i] as number) > 0 ? [m.up, m.down] : [m.down, m.up];
      up[k] = Math.max(up[k] as number, u);
      down[k] = Math.max(down[k] as number, d);
    });
    m.margins.forEach((mi, i) => {
      msup[mi] = true;
      const [u, d] = (m.marginSigns[i] as number) > 0 ? [m.up, m.down] : [m.down, m.up];
      mUp[mi] = Math.max(mUp[mi] as number, u);
      mDown[mi] = Math.max(mDown[mi] as number, d);
    });
  };

  let rounds = 0;
  const fail = (what: string) => {
    throw new Error(`complementary suppression could not protect ${what}`);
  };
  // smallest first: they are the hardest to protect and their moves often cover larger cells too
  const order = [...values.keys()]
    .filter((k) => base[k])
    .sort((a, b) => (values[a] as number) - (values[b] as number));
  for (const c of order) {
    if (safe(up[c] as number, down[c] as number)) continue;
    const m = bestMove(c, -1);
    if (!m) fail(`base cell ${c}`);
    else {
      apply(m);
      rounds++;
    }
  }
  const marginOrder = [...margins.keys()]
    .filter((mi) => msup[mi] && grid.mask[mi] !== 0)
    .sort((a, b) => (mValues[a] as number) - (mValues[b] as number));
  for (const mi of marginOrder) {
    if (safe(mUp[mi] as number, mDown[mi] as number)) continue;
    let best: Move | undefined;
    for (const k of (margins[mi] as Margin).members) {
      if ((values[k] as number) === 0) continue;
      const m = bestMove(k, grid.mask[mi] as number);
      if (m && (!best || m.cost < best.cost)) best = m;
    }
    if (!best) fail(`margin ${(margins[mi] as Margin).key}`);
    else {
      apply(best);
      rounds++;
    }
  }
  // a margin of a single cell is that cell
  margins.forEach((m, mi) => {
    if (grid.mask[mi] === 0) msup[mi] = base[m.members[0] as number] as boolean;
  });
  return { base, margins: msup, rounds };
}
