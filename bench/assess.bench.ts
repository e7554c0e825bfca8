/**
 * Assessment throughput on one core: one case repeated, then 10,000 varied cases. The law for each
 * date is resolved once and reused (LawBook snapshots), as the engine does in bulk runs.
 */
import { assess } from '../src/engine/assess.ts';
import { defaultLawBook } from '../src/law/loader.ts';
import { type Case, parseCase } from '../src/model/case.ts';
import { prng } from '../src/synthetic/generate.ts';

const EVALUATION = '2026-11-27';
const law = defaultLawBook();

function valid(x: unknown): Case {
  const r = parseCase(x);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.case;
}

function variedCases(n: number): Case[] {
  const r = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const subs = ['heroin', 'cocaine', 'cocaine_base', 'methamphetamine', 'fentanyl', 'marijuana'] as const;
  const acts = [
    'sold_retail',
    'sold_wholesale',
    'transported_vehicle',
    'carried_on_body',
    'possessed',
    'lookout',
  ] as const;
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const year = 2000 + Math.floor(r() * 26);
    const date = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15`;
    const priors = Array.from({ length: Math.floor(r() * 3) }, (_, k) => ({
      date: `${year - 3 - k * 4}-03-01`,
      kind: pick(['drug_possession', 'drug_distribution', 'other'] as const),
      felony: r() < 0.6,
      sentence_months: Math.floor(r() * 40),
    }));
    out.push(
      valid({
        id: `bench-${i}`,
        jurisdiction: r() < 0.9 ? 'US-FED' : 'US-GA',
        offense_date: date,
        conduct: {
          activities: [pick(acts)],
          drugs: [
            {
              substance: pick(subs),
              grams: Math.round(10 ** (r() * 6)) / 10,
              basis: pick(['possessed', 'transacted', 'attributed'] as const),
            },
          ],
          weapon: pick(['none', 'none', 'nearby', 'possessed'] as const),
        },
        history: { priors },
        cooperation: { truthful_disclosure: r() < 0.5, accepted_responsibility: r() < 0.8 },
      }),
    );
  }
  return out;
}

function run(label: string, cases: Case[], rounds: number, messages = true): void {
  const options = { evaluationDate: EVALUATION, law, messages };
  for (const c of cases.slice(0, 200)) assess(c, options); // warm up
  const start = process.hrtime.bigint();
  let n = 0;
  for (let k = 0; k < rounds; k++)
    for (const c of cases) {
      assess(c, options);
      n++;
    }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `${label}: ${n.toLocaleString('en-US')} assessments in ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString('en-US')}/s`,
  );
}

const angelos = valid({
  id: 'angelos',
  jurisdiction: 'US-FED',
  offense_date: '2002-11-15',
  sentencing_date: '2004-11-16',
  conduct: {
    activities: ['sold_wholesale'],
    drugs: [{ substance: 'marijuana', grams: 680, basis: 'transacted' }],
    weapon: 'possessed',
    firearm_counts: 3,
  },
});
const varied = variedCases(10_000);
run('one case repeated, full explanation', [angelos], 20_000);
run('10,000 varied cases, full explanation', varied, 2);
run('one case repeated, codes only (bulk mode)', [angelos], 20_000, false);
run('10,000 varied cases, codes only (bulk mode)', varied, 2, false);
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
