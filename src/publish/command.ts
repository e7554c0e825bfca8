import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InvalidInput } from '../cli/io.ts';
import { openStore } from '../db/store.ts';
import { DECISION_STAGES, type Stage } from '../records/codes.ts';
import { DIMENSIONS, type Dimension } from '../records/dictionary.ts';
import { DEMO_POPULATION, DEMO_POPULATION_SOURCE, loadDemo } from './demo.ts';
import { publish, type ReleaseSummary } from './release.ts';
import { defaultMinQuantileN } from './terms.ts';

export interface PublishCommand {
  by: string;
  stage: string;
  out: string;
  minCell: string;
  minQuantileN?: string;
  demo?: boolean;
  demoSize: string;
  population?: string;
  database?: string;
}

/** `proportion publish`: validates the options, opens the store (or a temporary demo store), publishes. */
export async function runPublish(o: PublishCommand): Promise<ReleaseSummary> {
  const by = o.by
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = by.filter((d) => !(d in DIMENSIONS));
  if (bad.length || by.length === 0)
    throw new InvalidInput(
      `--by: unknown dimension ${bad.join(', ')} (expected some of ${Object.keys(DIMENSIONS).join(', ')})`,
    );
  if (!(DECISION_STAGES as readonly string[]).includes(o.stage))
    throw new InvalidInput(`--stage: expected one of ${DECISION_STAGES.join(', ')}`);
  const minCell = Number(o.minCell);
  if (!Number.isInteger(minCell) || minCell < 1)
    throw new InvalidInput('--min-cell: expected a whole number of at least 1');
  const minQuantileN = o.minQuantileN === undefined ? defaultMinQuantileN(minCell) : Number(o.minQuantileN);
  if (!Number.isInteger(minQuantileN) || minQuantileN < minCell)
    throw new InvalidInput(`--min-quantile-n: expected a whole number of at least --min-cell (${minCell})`);
  let populations: Record<string, number> | undefined;
  let populationSource: string | undefined;
  if (o.population) {
    const rows = parse(readFileSync(o.population), { columns: true }) as Record<string, string>[];
    populations = Object.fromEntries(rows.map((r) => [r.race_ethnicity as string, Number(r.population)]));
    populationSource = o.population;
  }
  const opts = { by: by as Dimension[], stage: o.stage as Stage, out: o.out, minCell, minQuantileN };
  if (o.demo) {
    const dir = mkdtempSync(join(tmpdir(), 'proportion-demo-'));
    const store = await openStore(`duckdb:${join(dir, 'demo.duckdb')}`);
    try {
      await loadDemo(store, Number(o.demoSize));
      return await publish(store, {
        ...opts,
        populations: populations ?? DEMO_POPULATION,
        populationSource: populationSource ?? DEMO_POPULATION_SOURCE,
      });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const store = await openStore(o.database);
  try {
    return await publish(store, { ...opts, ...(populations ? { populations, populationSource } : {}) });
  } finally {
    await store.close();
  }
}
