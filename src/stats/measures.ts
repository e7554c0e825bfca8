/**
 * Disparity statistics, implemented from their textbook formulas (no well-kept JavaScript statistics
 * library covers Mantel-Haenszel with the Robins-Breslow-Greenland variance) and tested against
 * hand-computed values in tests/stats. All intervals are 95%.
 */
export const Z95 = 1.959963984540054;

export type Flag = 'small_n' | 'zero_count' | 'no_reference' | 'suppressed';
export interface Estimate {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  flags: Flag[];
}
/** Counts under this are flagged small_n: the interval is wide and the estimate unstable. */
export const SMALL_N = 30;
export const SMALL_EVENTS = 10;

const none = (flags: Flag[]): Estimate => ({ estimate: null, lower: null, upper: null, flags });

/** A proportion x/n with the Wilson score interval. */
export function proportion(x: number, n: number): Estimate {
  if (n <= 0) return none(['zero_count']);
  const p = x / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const flags: Flag[] = n < SMALL_N || x < SMALL_EVENTS || n - x < SMALL_EVENTS ? ['small_n'] : [];
  return { estimate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), flags };
}

/**
 * Ratio of two rates a/n1 : c/n2 with the log (Katz) interval:
 * SE(ln RR) = sqrt(1/a - 1/n1 + 1/c - 1/n2). With a population as denominator this is the per-capita
 * rate ratio (the 1/n terms vanish and the counts are treated as Poisson).
 */
export function rateRatio(a: number, n1: number, c: number, n2: number): Estimate {
  if (n1 <= 0 || n2 <= 0) return none(['zero_count']);
  const flags: Flag[] = [];
  if (a < SMALL_EVENTS || c < SMALL_EVENTS || n1 < SMALL_N || n2 < SMALL_N) flags.push('small_n');
  if (a === 0 || c === 0) return { ...none([...flags, 'zero_count']), estimate: c === 0 ? null : 0 };
  const rr = a / n1 / (c / n2);
  const se = Math.sqrt(Math.max(0, 1 / a - 1 / n1 + 1 / c - 1 / n2));
  return { estimate: rr, lower: rr * Math.exp(-Z95 * se), upper: rr * Math.exp(Z95 * se), flags };
}

export interface Stratum {
  /** exposed (the group) with the outcome */
  a: number;
  /** exposed without */
  b: number;
  /** reference with the outcome */
  c: number;
  /** reference without */
  d: number;
}

/**
 * Mantel-Haenszel pooled odds ratio over strata, with the Robins-Breslow-Greenland (1986) variance of
 * its log. Strata with only one group (or n < 2) carry no information and are left out.
 */
export function mantelHaenszel(strata: readonly Stratum[]): Estimate & { strata_used: number } {
  let R = 0;
  let S = 0;
  let PR = 0;
  let PSQR = 0;
  let QS = 0;
  let used = 0;
  let events = 0;
  let total = 0;
  for (const { a, b, c, d } of strata) {
    const n = a + b + c + d;
    if (n < 2 || a + b === 0 || c + d === 0) continue;
    used++;
    total += n;
    events += Math.min(a + c, b + d);
    const r = (a * d) / n;
    const s = (b * c) / n;
    const p = (a + d) / n;
    const q = (b + c) / n;
    R += r;
    S += s;
    PR += p * r;
    PSQR += p * s + q * r;
    QS += q * s;
  }
  const flags: Flag[] = total < SMALL_N || events < SMALL_EVENTS ? ['small_n'] : [];
  if (used === 0) return { ...none([...flags, 'zero_count']), strata_used: 0 };
  if (R === 0 || S === 0) return { ...none([...flags, 'zero_count']), strata_used: used };
  const or = R / S;
  const v = PR / (2 * R * R) + PSQR / (2 * R * S) + QS / (2 * S * S);
  const se = Math.sqrt(v);
  return {
    estimate: or,
    lower: or * Math.exp(-Z95 * se),
    upper: or * Math.exp(Z95 * se),
    flags,
    strata_used: used,
  };
}

/** A funnel stage: how many of the group entered (denominator) and how many went on (numerator). */
export interface FunnelCounts {
  stage: string;
  group: { entered: number; went_on: number };
  reference: { entered: number; went_on: number };
}
export interface FunnelStageResult {
  stage: string;
  rri: Estimate;
  /** share of the overall (log) disparity this stage adds: ln RRI_stage / ln RRI_overall */
  contribution: number | null;
}

/**
 * The funnel: the relative rate index at each stage, with that stage's own denominator (the people who
 * reached it), so a disparity created earlier is not blamed on a later stage. Because the overall rate is
 * the product of the stage rates, ln RRI_overall = sum of ln RRI_stage, and each stage's contribution is
 * its share of that sum (a negative share means that stage narrows the gap).
 */
export function funnel(stages: readonly FunnelCounts[]): { stages: FunnelStageResult[]; overall: Estimate } {
  const results = stages.map((s) => ({
    stage: s.stage,
    rri: rateRatio(s.group.went_on, s.group.entered, s.reference.went_on, s.reference.entered),
  }));
  const first = stages[0];
  const last = stages[stages.length - 1];
  const overall =
    first && last
      ? rateRatio(last.group.went_on, first.group.entered, last.reference.went_on, first.reference.entered)
      : none(['zero_count']);
  const logs = results.map((r) => (r.rri.estimate && r.rri.estimate > 0 ? Math.log(r.rri.estimate) : null));
  const total = logs.every((l) => l !== null) ? (logs as number[]).reduce((x, y) => x + y, 0) : null;
  return {
    overall,
    stages: results.map((r, i) => ({
      ...r,
      contribution: total !== null && Math.abs(total) > 1e-12 ? (logs[i] as number) / total : null,
    })),
  };
}
