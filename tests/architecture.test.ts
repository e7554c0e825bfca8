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
  it('rules read the law only through the one reader (src/law/reader.ts), never the book itself', () => {
    // what a rule may take from src/law: the reader, its errors, jurisdiction keys, and the type of a read value
    const allowed: Record<string, RegExp> = {
      'law/reader.ts': /.*/,
      'law/errors.ts': /.*/,
      'law/jurisdiction.ts': /.*/,
      'law/book.ts': /^(type )?Resolved$/,
    };
    for (const f of files(join(SRC, 'rules'))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/import (type )?\{([^}]*)\} from '(\.[^']+)'/g)) {
        const target = relative(SRC, resolve(dirname(f), m[3] ?? ''));
        if (!target.startsWith('law/')) continue;
        const rule = allowed[target];
        assert.ok(rule, `${relative(ROOT, f)} imports ${target}`);
        for (const name of (m[2] ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean))
          assert.match(
            m[1] ? `type ${name}` : name,
            rule,
            `${relative(ROOT, f)} imports ${name} from ${target}`,
          );
      }
      assert.doesNotMatch(
        text,
        /\bLawBook\b|\bLawSnapshot\b|\.applicable\(|defaultLawBook/,
        relative(ROOT, f),
      );
    }
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
