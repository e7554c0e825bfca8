import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
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

/**
 * Object literals inside functions that start with a spread and then name a property the spread object's
 * type does not have: V8 (Node 20) builds those on a slow path (~0.7 us a property; src/model/extend.ts).
 */
function spreadsThatAdd(roots: string[], under: string): string[] {
  const program = ts.createProgram(roots, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.startsWith(under)) continue;
    const visit = (n: ts.Node, inFunction: boolean): void => {
      const first = ts.isObjectLiteralExpression(n) ? n.properties[0] : undefined;
      if (inFunction && first && ts.isSpreadAssignment(first)) {
        const type = checker.getTypeAtLocation(first.expression);
        for (const p of (n as ts.ObjectLiteralExpression).properties.slice(1)) {
          const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
          if (name !== null && !ts.isSpreadAssignment(p) && !type.getProperty(name)) {
            const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
            found.push(`${relative(ROOT, sf.fileName)}:${line} adds ${name}`);
            break;
          }
        }
      }
      ts.forEachChild(n, (m) => visit(m, inFunction || ts.isFunctionLike(n)));
    };
    visit(sf, false);
  }
  return found;
}

/** The code that runs per case, per record or per request (the CLI and publishing run once per command). */
const PER_CASE = ['rules', 'engine', 'law', 'messages', 'model', 'batch', 'records', 'api'];

describe('code that runs per case or per record', () => {
  it('never adds properties to a spread object in a literal (extend() does it off the slow path)', () => {
    const dirs = PER_CASE.map((d) => join(SRC, d));
    const found = spreadsThatAdd(dirs.flatMap(files), SRC);
    assert.deepEqual(
      found.filter((f) => dirs.some((d) => f.startsWith(`${relative(ROOT, d)}/`))),
      [],
    );
  });
  it('the check finds such a literal, and lets an overwrite and a module-level table pass', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proportion-spread-'));
    try {
      const file = join(dir, 'f.ts');
      writeFileSync(
        file,
        [
          'const TABLE = { ...{ a: 1 }, b: 2 };',
          'export const t = TABLE;',
          'export function adds(a: { x: number }) { return { ...a, y: 1 }; }',
          'export function overwrites(a: { x: number }) { return { ...a, x: 2 }; }',
        ].join('\n'),
      );
      assert.deepEqual(
        spreadsThatAdd([file], dir).map((f) => f.replace(/^.*f\.ts/, 'f.ts')),
        ['f.ts:3 adds y'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
