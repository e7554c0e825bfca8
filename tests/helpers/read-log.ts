import { assess } from '../../src/engine/assess.ts';
import { loadLawBook } from '../../src/law/loader.ts';
import { SUBSTANCES } from '../../src/model/case.ts';
import { EVALUATION, jsonFiles, ROOT, readJson, validCase } from './cases.ts';
import { thresholdCases } from './sweeps.ts';

/** A matrix over substance, quantity, priors, death, firearms and cooperation at dates across the eras. */
function coverageMatrix(): unknown[] {
  const out: unknown[] = [];
  const prior = (kind: string, year: number) => ({
    date: `${year}-01-01`,
    kind,
    felony: true,
    sentence_months: 30,
    served_months: 20,
    release_date: `${year + 2}-01-01`,
    max_term_months: 240,
  });
  for (const date of ['1990-06-01', '1996-06-01', '2005-06-01', '2012-06-01', '2020-06-01', '2026-06-01'])
    for (const substance of SUBSTANCES)
      for (const grams of [3, 300, 30_000])
        for (const priors of [0, 1, 2])
          for (const death of [false, true]) {
            const year = Number(date.slice(0, 4));
            const possession = grams < 100 && priors > 0 && !death;
            out.push({
              jurisdiction: 'US-FED',
              offense_date: date,
              conduct: {
                activities: possession ? ['possessed'] : death ? ['organized'] : ['sold_retail'],
                people_supervised: !possession && death ? 5 : 0,
                violence: priors === 1 && !possession ? 'threat' : 'none',
                drugs: [
                  substance === 'marijuana_plants'
                    ? { substance, count: Math.max(1, Math.round(grams / 30)), basis: 'transacted' }
                    : {
                        substance,
                        grams,
                        basis: possession ? 'possessed' : 'transacted',
                        ...(substance === 'pcp' ? { purity: 0.5 } : {}),
                      },
                  // a second drug makes the guidelines add converted drug weights
                  ...(grams > 100
                    ? [{ substance: 'heroin', grams: 1, basis: possession ? 'possessed' : 'transacted' }]
                    : []),
                ],
                death_resulted: death,
                weapon: death ? 'brandished' : priors === 1 ? 'discharged' : 'none',
                firearm_counts: death || priors === 1 ? 1 : 0,
              },
              history: {
                priors: Array.from({ length: priors }, (_, i) =>
                  prior(i ? 'drug_distribution' : 'drug_possession', year - 8 + i),
                ),
              },
              cooperation: {
                substantial_assistance: grams > 100 && priors === 0,
                accepted_responsibility: true,
              },
            });
          }
  return out;
}

/** Runs the golden examples, the stories, the threshold sweep and a coverage matrix on a fresh law book; returns the ids read. */
export async function readLog(): Promise<Map<string, unknown>> {
  const law = loadLawBook();
  law.readLog = new Map();
  const inputs: { case: unknown; as_of?: string }[] = [
    ...jsonFiles(`${ROOT}tests/examples`).map((f) => readJson(f) as { case: unknown; as_of?: string }),
    ...jsonFiles(`${ROOT}examples/cases`).map((f) => ({ case: readJson(f) })),
    ...thresholdCases().flatMap((t) => [{ case: t.case }, { case: t.belowCase }]),
    ...coverageMatrix().map((c) => ({ case: c })),
  ];
  for (const i of inputs) {
    const c = validCase(i.case);
    assess(c, { evaluationDate: EVALUATION, law, ...(i.as_of ? { asOf: i.as_of } : {}) });
  }
  return law.readLog;
}
