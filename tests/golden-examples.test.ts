import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import { assessmentSchema } from '../src/model/assessment-schema.ts';
import { assessCase, at, jsonFiles, ROOT, readJson } from './helpers/cases.ts';

interface Golden {
  source: string;
  narrative: string;
  case: unknown;
  as_of?: string;
  expect: Record<string, unknown>;
  /** finding codes the assessment must contain (a refusal or a rule that fired) */
  findings_include?: string[];
}

// Golden worked examples, auto-discovered: tests/examples/<legal unit>/<slug>.json
const dir = `${ROOT}tests/examples`;
describe('golden worked examples', () => {
  for (const file of jsonFiles(dir)) {
    const g = readJson(file) as Golden;
    it(`${relative(dir, file)}: ${g.narrative}`, () => {
      assert.ok(g.source.length > 0, 'every example names its source');
      const a = assessCase(g.case, g.as_of);
      assessmentSchema.parse(a);
      for (const [path, expected] of Object.entries(g.expect)) {
        assert.deepEqual(
          at(a, path),
          expected,
          `${path} (findings: ${a.findings.map((f) => f.code).join(', ')})`,
        );
      }
      const codes = new Set(a.findings.map((f) => f.code));
      for (const code of g.findings_include ?? [])
        assert.ok(codes.has(code), `finding ${code} (findings: ${[...codes].join(', ')})`);
    });
  }
});
