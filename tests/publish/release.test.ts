import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runPublish } from '../../src/publish/command.ts';
import { dataPackageSchema } from '../../src/records/datapackage.ts';

let out: string;
before(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'proportion-release-')), 'site');
  await runPublish({
    by: 'role,race_ethnicity,gender,drug',
    stage: 'charging_decision',
    out,
    minCell: '11',
    demo: true,
    demoSize: '800',
  });
});
after(() => rmSync(join(out, '..'), { recursive: true, force: true }));

test('the demo release has tables (CSV + Parquet), a datapackage listing each one, charts and a page', () => {
  const pkg = dataPackageSchema.parse(JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')));
  const csvs = readdirSync(join(out, 'data')).filter((f) => f.endsWith('.csv'));
  assert.ok(csvs.length >= 7);
  for (const f of csvs) {
    assert.ok(
      pkg.resources.some((r) => r.path === `data/${f}`),
      `${f} is a resource`,
    );
    assert.ok(
      pkg.resources.some((r) => r.path === `data/${f.replace('.csv', '.parquet')}`),
      `${f} has a Parquet copy`,
    );
  }
  const cross = pkg.resources.find((r) => r.name === 'charging_decision_by_role_race_ethnicity_gender_drug');
  assert.ok(cross?.schema?.fields.some((f) => f.name === 'n' && f.type === 'integer'));
  assert.ok(cross?.schema?.fields.find((f) => f.name === 'race_ethnicity')?.categories?.length);
  assert.ok(readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg')).length >= 5);
});

test('synthetic data is labelled synthetic in every file and on the page', () => {
  const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
  assert.match(pkg.title, /SYNTHETIC/);
  assert.equal(pkg['proportion:release'].synthetic, true);
  for (const f of readdirSync(join(out, 'data')).filter((x) => x.endsWith('.csv'))) {
    const [header, first] = readFileSync(join(out, 'data', f), 'utf8').split('\n');
    assert.ok(header?.split(',').includes('synthetic'), `${f} has a synthetic column`);
    assert.ok(first?.endsWith('true'), `${f} rows are marked synthetic`);
  }
  for (const f of readdirSync(join(out, 'charts')).filter((x) => x.endsWith('.svg')))
    assert.match(readFileSync(join(out, 'charts', f), 'utf8'), /SYNTHETIC DATA/);
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /SYNTHETIC DATA/);
});

test('the page is self-contained and shows tables, charts, methodology and the report figures', () => {
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /(src|href)="https?:/);
  assert.doesNotMatch(html, /<script|<link /);
  for (const s of [
    '<svg',
    '<table',
    'Methodology',
    'Mantel-Haenszel',
    'as reported by DPA (2019)',
    'suppressed',
  ])
    assert.ok(html.includes(s), `page shows ${s}`);
});
