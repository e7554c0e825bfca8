/**
 * Assessment throughput on one core over 10,000 varied generated cases (the project's seeded synthetic
 * caseload): explained (every finding with code, values and citations; prose not rendered), bulk (the
 * codes and numbers bulk outputs need), rendered (prose too), and the cost of each extra scenario when
 * one case is assessed under several (role and indicia shared). `--json` prints one JSON object.
 */
import { assess } from '../src/engine/assess.ts';
import { CaseMemo } from '../src/engine/memo.ts';
import { assessUnder, resolveScenario } from '../src/engine/scenarios.ts';
import { defaultLawBook } from '../src/law/loader.ts';
import type { Case } from '../src/model/case.ts';
import { generateCases } from '../src/synthetic/generate.ts';

const EVALUATION = '2026-11-27';
const law = defaultLawBook();
const json = process.argv.includes('--json');
const cases: Case[] = [...generateCases(10_000, 1, { law })];

/**
 * Cases per second of this process's CPU time over `rounds` passes, after a warm-up pass: the engine runs
 * on one thread, so this is the rate of one dedicated core, and other load on a shared machine (which
 * makes wall-clock rates swing) barely moves it. The wall-clock rate is printed beside it.
 */
function rate(run: (c: Case) => void, rounds: number): number {
  for (const c of cases) run(c);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let k = 0; k < rounds; k++) for (const c of cases) run(c);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  const n = rounds * cases.length;
  if (!json) console.error(`  ${Math.round(n / wall).toLocaleString('en-US')}/s wall clock`);
  return Math.round(n / seconds);
}

const explained = rate((c) => assess(c, { evaluationDate: EVALUATION, law, messages: false }), 3);
const bulk = rate((c) => assess(c, { evaluationDate: EVALUATION, law, mode: 'bulk' }), 3);
const rendered = rate((c) => assess(c, { evaluationDate: EVALUATION, law }), 1);
const scenarios = ['law_at_sentencing', 'law_today', 'dpa-2019'].map((id) => resolveScenario(id, law));
const underAll = rate((c) => {
  const memo = new CaseMemo();
  for (const s of scenarios) assessUnder(c, s, { evaluationDate: EVALUATION, mode: 'bulk', memo });
}, 1);
const result = {
  bench: 'assess',
  cases: cases.length,
  assess_per_s_explained: explained,
  assess_per_s_bulk: bulk,
  assess_per_s_rendered: rendered,
  cases_per_s_three_scenarios_bulk: underAll,
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
};
if (json) console.log(JSON.stringify(result));
else
  for (const [k, v] of Object.entries(result))
    console.log(`${k}: ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`);
