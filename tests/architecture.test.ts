import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from './helpers/cases.ts';

const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The top-level src/ folders a file imports from (relative imports only). */
function importedAreas(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map(
    (m) => relative(SRC, resolve(dirname(file), m[1] ?? '')).split('/')[0] ?? '',
  );
}

const area = (file: string) => relative(SRC, file).split('/')[0] ?? '';

describe('dependency rules (one core, thin surfaces)', () => {
  it('rules import only law, model and other rules', () => {
    for (const f of files(join(SRC, 'rules')))
      for (const a of importedAreas(f))
        assert.ok(['law', 'model', 'rules'].includes(a), `${relative(ROOT, f)} imports from src/${a}`);
  });
  it('the law layer imports only model and law', () => {
    for (const f of files(join(SRC, 'law')))
      for (const a of importedAreas(f))
        assert.ok(['law', 'model'].includes(a), `${relative(ROOT, f)} imports from src/${a}`);
  });
  it('surfaces (cli, api, web) never import rules directly', () => {
    for (const dir of ['cli', 'api', 'web'])
      for (const f of files(join(SRC, dir)))
        assert.ok(!importedAreas(f).includes('rules'), `${relative(ROOT, f)} imports from src/rules`);
  });
  it('no legal date literal sits in the source code', () => {
    for (const f of files(SRC)) {
      if (area(f) === 'synthetic') continue; // the generator draws calendar dates for fake cases
      assert.doesNotMatch(readFileSync(f, 'utf8'), /['"](19|20)\d{2}-[01]\d-[0-3]\d['"]/, relative(ROOT, f));
    }
  });
});
