import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { createApp } from '../../src/api/app.ts';

/**
 * A client generated from the OpenAPI document (openapi-typescript, as an API user would) is typed:
 * Case, Assessment, Comparison, Reform and Problem are named components, and a small client using
 * them type-checks, while wrong uses are type errors (so the types are not `unknown`).
 */
const CLIENT = `import type { components, paths } from './api.ts';
type Case = components['schemas']['Case'];
type Assessment = components['schemas']['Assessment'];
type Comparison = components['schemas']['Comparison'];
type Reform = components['schemas']['Reform'];
type Problem = components['schemas']['Problem'];
type IsUnknown<T> = unknown extends T ? true : false;
const known = <T>(x: IsUnknown<T> extends true ? never : T): T => x;

const munoz: Case = {
  jurisdiction: 'US-FED',
  offense_date: '1998-06-01',
  conduct: { activities: ['took_messages'], drugs: [{ substance: 'marijuana', grams: 1000, basis: 'attributed' }] },
};
const body: paths['/v1/assess']['post']['requestBody'] = { content: { 'application/json': munoz } };
export async function assess(base: string, c: Case): Promise<Assessment | Problem[]> {
  const r = await fetch(base + '/v1/assess', { method: 'POST', body: JSON.stringify(c) });
  if (!r.ok) return ((await r.json()) as components['schemas']['Error']).problems;
  return (await r.json()) as paths['/v1/assess']['post']['responses'][200]['content']['application/json'];
}
export function minimum(a: Assessment): number | 'life' | null {
  return a.exposure ? known(a.exposure.mandatory_minimum_months) : null;
}
export const scenarios = (c: Comparison): string[] => c.assessments.map((a: Assessment) => known(a.scenario));
export const reformId = (r: Reform): string => known(r.id);
export const where = (p: Problem): string => known(p.path);
// @ts-expect-error a substance outside the contract is not a Case
const sugar: Case = { ...munoz, conduct: { ...munoz.conduct, drugs: [{ substance: 'sugar', grams: 1, basis: 'possessed' }] } };
// @ts-expect-error the role is an enum, not any string
const role: NonNullable<Assessment['role']>['function'] = 'kingpin';
export { body, role, sugar };
`;

describe('OpenAPI: a generated client is fully typed', () => {
  test('named components, $refs on the routes, and a client that type-checks', async () => {
    const app = createApp({ log: false });
    const doc = (await (await app.request('/v1/openapi.json')).json()) as {
      components: { schemas: Record<string, unknown> };
    };
    for (const name of ['Case', 'Assessment', 'Comparison', 'Reform', 'Problem'])
      assert.ok(name in doc.components.schemas, `components.schemas.${name}`);
    const dir = mkdtempSync(join(tmpdir(), 'proportion-client-'));
    writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(doc as never)));
    writeFileSync(join(dir, 'client.ts'), CLIENT);
    const program = ts.createProgram([join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map(
        (d) =>
          `${d.file?.fileName.split('/').pop() ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    assert.deepEqual(errors, []);
  });
});
