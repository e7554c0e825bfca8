import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore, type RecordStore } from '../../src/db/store.ts';
import { DEMO_POPULATION, loadDemo } from '../../src/publish/demo.ts';
import { publish } from '../../src/publish/release.ts';
import type { Dimension } from '../../src/records/dictionary.ts';
import { attackRelease } from './lp-attacker.ts';

let dir: string;
let store: RecordStore;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'proportion-lp-'));
  store = await openStore('duckdb::memory:');
  await loadDemo(store, 3000, 11);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const THRESHOLD = 11;
for (const by of [
  ['race_ethnicity', 'gender'],
  ['race_ethnicity', 'gender', 'drug'],
  ['role', 'race_ethnicity', 'gender', 'drug'],
] as Dimension[][]) {
  test(`an LP attacker on every published table finds no suppressed number narrower than ${THRESHOLD} (${by.join(' x ')})`, async () => {
    const out = join(dir, by.join('-'));
    await publish(store, {
      by,
      stage: 'charging_decision',
      out,
      minCell: THRESHOLD,
      parquet: false,
      populations: DEMO_POPULATION,
    });
    const { family, funnel, terms } = attackRelease(out, THRESHOLD);
    process.stdout.write(
      `# ${by.join(' x ')}: ${family.suppressed} suppressed, ${family.recovered.length} recovered, ${family.narrow.length} narrow; funnel ${funnel.suppressed} suppressed, ${funnel.narrow.length} narrow; terms ${terms.suppressed} suppressed, ${terms.narrow.length} narrow\n`,
    );
    assert.ok(family.suppressed > 0, 'the release should have suppressed cells to attack');
    assert.deepEqual(family.narrow, []);
    assert.deepEqual(funnel.narrow, []);
    assert.deepEqual(terms.narrow, []);
  });
}

test('the demo release (20,000 synthetic records, 4 dimensions) resists the LP attacker', async () => {
  const demo = await openStore('duckdb::memory:');
  try {
    await loadDemo(demo, 20000);
    const out = join(dir, 'demo');
    await publish(demo, {
      by: ['role', 'race_ethnicity', 'gender', 'drug'],
      stage: 'charging_decision',
      out,
      minCell: THRESHOLD,
      parquet: false,
      populations: DEMO_POPULATION,
    });
    const { family, funnel, terms } = attackRelease(out, THRESHOLD);
    process.stdout.write(
      `# demo: ${family.suppressed} suppressed, ${family.recovered.length} recovered, ${family.narrow.length} narrow; funnel ${funnel.narrow.length} narrow; terms ${terms.suppressed} suppressed, ${terms.narrow.length} narrow\n`,
    );
    assert.ok(family.suppressed > 0);
    assert.deepEqual(family.narrow, []);
    assert.deepEqual(funnel.narrow, []);
    assert.deepEqual(terms.narrow, []);
  } finally {
    await demo.close();
  }
});
