import assert from 'node:assert/strict';
import { test } from 'node:test';
import { funnel, mantelHaenszel, proportion, rateRatio } from '../../src/stats/measures.ts';

const close = (a: number | null, b: number, tol = 0.005) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} is not about ${b}`);

test('risk ratio 6/10 vs 3/10 = 2.0, log-method 95% CI about 0.68-5.85', () => {
  // SE(ln RR) = sqrt(1/6 - 1/10 + 1/3 - 1/10) = sqrt(0.3) = 0.5477; 2 * exp(-/+1.96 * 0.5477)
  const r = rateRatio(6, 10, 3, 10);
  close(r.estimate, 2);
  close(r.lower, 0.684);
  close(r.upper, 5.85, 0.01);
  assert.deepEqual(r.flags, ['small_n']);
});

test('per-capita rate ratio: 300 of 100,000 vs 100 of 100,000 = 3.0 (SE about sqrt(1/300 + 1/100))', () => {
  const r = rateRatio(300, 100_000, 100, 100_000);
  close(r.estimate, 3);
  // se = sqrt(1/300 - 1e-5 + 1/100 - 1e-5) = 0.11538; 3 * exp(-/+0.22614) = 2.393, 3.761
  close(r.lower, 2.393);
  close(r.upper, 3.761);
  assert.deepEqual(r.flags, []);
});

test('a zero count gives no estimate and a flag, never a made-up number', () => {
  assert.equal(rateRatio(5, 10, 0, 10).estimate, null);
  assert.ok(rateRatio(5, 10, 0, 10).flags.includes('zero_count'));
});

test('Wilson interval for 6/10 is about 0.313-0.832', () => {
  const p = proportion(6, 10);
  close(p.estimate, 0.6);
  close(p.lower, 0.3127);
  close(p.upper, 0.8318);
});

test('Mantel-Haenszel with one stratum is the plain odds ratio with the Woolf interval', () => {
  // 20/80 vs 10/90: OR = (20*90)/(80*10) = 2.25; var = 1/20 + 1/80 + 1/10 + 1/90 = 0.17361, se 0.41667
  const r = mantelHaenszel([{ a: 20, b: 80, c: 10, d: 90 }]);
  close(r.estimate, 2.25);
  close(r.lower, 2.25 * Math.exp(-1.96 * 0.41667));
  close(r.upper, 2.25 * Math.exp(1.96 * 0.41667), 0.02);
});

test('Mantel-Haenszel over two strata, RGB variance by hand', () => {
  // stratum 1: a=10 b=20 c=5 d=25 (n=60): R=250/60=4.1667, S=100/60=1.6667, P=35/60, Q=25/60
  // stratum 2: a=15 b=10 c=10 d=15 (n=50): R=225/50=4.5,    S=100/50=2,      P=30/50, Q=20/50
  // OR = 8.6667 / 3.6667 = 26/11 = 2.3636
  // var = sum PR/(2R^2) + sum(PS+QR)/(2RS) + sum QS/(2S^2)
  //     = 5.1306/150.22 + 5.7083/63.556 + 1.4944/26.889 = 0.034153 + 0.089816 + 0.055579 = 0.17955
  // CI = 2.3636 * exp(-/+1.96 * 0.42373) = 1.030 - 5.423
  const r = mantelHaenszel([
    { a: 10, b: 20, c: 5, d: 25 },
    { a: 15, b: 10, c: 10, d: 15 },
  ]);
  close(r.estimate, 26 / 11, 1e-9);
  close(r.lower, 1.0301);
  close(r.upper, 5.4234);
  assert.equal(r.strata_used, 2);
});

test('strata with only one group carry no information and are left out', () => {
  const r = mantelHaenszel([
    { a: 20, b: 80, c: 10, d: 90 },
    { a: 5, b: 5, c: 0, d: 0 },
  ]);
  close(r.estimate, 2.25);
  assert.equal(r.strata_used, 1);
});

test('funnel: stage RRIs multiply to the overall RRI and contributions add to 1', () => {
  // group: 1000 -> 300 -> 150 -> 120; reference: 1000 -> 100 -> 60 -> 30
  // RRI: 3.0, (150/300)/(60/100) = 0.8333, (120/150)/(30/60) = 1.6; product 4.0 = (120/1000)/(30/1000)
  const f = funnel([
    { stage: 'arrest', group: { entered: 1000, went_on: 300 }, reference: { entered: 1000, went_on: 100 } },
    { stage: 'charging', group: { entered: 300, went_on: 150 }, reference: { entered: 100, went_on: 60 } },
    { stage: 'sentence', group: { entered: 150, went_on: 120 }, reference: { entered: 60, went_on: 30 } },
  ]);
  close(f.overall.estimate, 4);
  const [a, b, c] = f.stages;
  close(a?.rri.estimate ?? null, 3);
  close(b?.rri.estimate ?? null, 0.8333);
  close(c?.rri.estimate ?? null, 1.6);
  // contributions: ln3/ln4 = 0.7925, ln(0.8333)/ln4 = -0.1315, ln1.6/ln4 = 0.3390
  close(a?.contribution ?? null, 0.7925);
  close(b?.contribution ?? null, -0.1315);
  close(c?.contribution ?? null, 0.339);
});
