/**
 * Interleaved A/B of the engine (npm run bench:ab): this checkout against another revision checked out at
 * BASE (`git worktree add --detach ../base <rev>`, then link node_modules into it), in one process,
 * alternating slices of 500 generated cases and counting CPU time, so that a machine whose speed drifts
 * moves both sides alike. First it checks that both give the same JSON for every case (rendered, explained
 * and bulk): a faster engine that answers differently is not faster. MODE: bulk (default), explained,
 * rendered, or scenarios (three scenarios per case with one memo, as batch runs them). ROUNDS (default 3).
 */
import type { CaseMemo } from '../src/engine/memo.ts';
import type { assessUnder, Scenario } from '../src/engine/scenarios.ts';
import { defaultLawBook } from '../src/law/loader.ts';
import type { Case } from '../src/model/case.ts';
import { generateCases } from '../src/synthetic/generate.ts';

const base = process.env.BASE;
if (!base) throw new Error('BASE: the folder of the other revision (a git worktree with node_modules)');
const mode = process.env.MODE ?? 'bulk';
if (!['bulk', 'explained', 'rendered', 'scenarios'].includes(mode))
  throw new Error('MODE must be bulk, explained, rendered or scenarios');
const rounds = Number(process.env.ROUNDS ?? 3);
const EVALUATION = '2026-11-27';
const SCENARIOS = ['law_today', 'dpa-2019', 'no-mandatory-minimums'];

type Run = (c: Case) => unknown;
/** One side: a function that assesses a case the way MODE asks, from the engine at `root`. */
async function side(root: string): Promise<{ run: Run; all: (c: Case) => string }> {
  const eng = await import(`${root}/src/engine/scenarios.ts`);
  const { CaseMemo: Memo } = await import(`${root}/src/engine/memo.ts`);
  const law = (await import(`${root}/src/law/loader.ts`)).defaultLawBook();
  const scenarios: Scenario[] = SCENARIOS.map((id) => eng.resolveScenario(id, law));
  const asIs: Scenario = eng.resolveScenario('law_at_sentencing', law);
  const under = eng.assessUnder as typeof assessUnder;
  const options = (extra: object) => ({ evaluationDate: EVALUATION, ...extra });
  const run: Run =
    mode === 'scenarios'
      ? (c) => {
          const memo = new Memo() as CaseMemo;
          for (const s of scenarios) under(c, s, options({ mode: 'bulk', memo }));
        }
      : (c) =>
          under(
            c,
            asIs,
            options(mode === 'bulk' ? { mode: 'bulk' } : mode === 'explained' ? { messages: false } : {}),
          );
  const all = (c: Case) => {
    const memo = new Memo() as CaseMemo;
    return JSON.stringify([
      under(c, asIs, options({})),
      under(c, asIs, options({ messages: false })),
      under(c, asIs, options({ mode: 'bulk' })),
      ...scenarios.map((s) => under(c, s, options({ mode: 'bulk', memo }))),
    ]);
  };
  return { run, all };
}

const cases = [...generateCases(10_000, 1, { law: defaultLawBook() })];
const a = await side(base);
const b = await side(new URL('..', import.meta.url).pathname.replace(/\/$/, ''));

let differ = 0;
for (const c of cases.slice(0, 2000)) if (a.all(c) !== b.all(c)) differ++;
if (differ) throw new Error(`${differ} of 2,000 cases are assessed differently by the two revisions`);

const cpu = (run: Run, from: number, to: number) => {
  const t = process.cpuUsage();
  for (let i = from; i < to; i++) run(cases[i] as Case);
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1e6;
};
for (const c of cases.slice(0, 2000)) {
  a.run(c);
  b.run(c);
}
let ta = 0;
let tb = 0;
const SLICE = 500;
for (let r = 0; r < rounds; r++)
  for (let i = 0; i < cases.length; i += SLICE) {
    // alternate which side goes first, so that neither always runs on a warmer machine
    if ((i / SLICE + r) % 2) {
      ta += cpu(a.run, i, i + SLICE);
      tb += cpu(b.run, i, i + SLICE);
    } else {
      tb += cpu(b.run, i, i + SLICE);
      ta += cpu(a.run, i, i + SLICE);
    }
  }
const n = rounds * cases.length;
console.log(
  JSON.stringify({
    bench: 'ab',
    mode,
    cases_compared_equal: 2000,
    base_per_s: Math.round(n / ta),
    this_per_s: Math.round(n / tb),
    ratio: Number((ta / tb).toFixed(3)),
  }),
);
