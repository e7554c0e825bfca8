import { parse as parseYaml } from 'yaml';
import { type Comparison, compare } from '../engine/compare.ts';
import { lawGapProblem } from '../engine/dates.ts';
import { BUILT_IN_SCENARIOS, reformCatalog, reformScenario, ScenarioError } from '../engine/scenarios.ts';
import { LawGapError } from '../law/errors.ts';
import { defaultLawBook } from '../law/loader.ts';
import { type Reform, ReformError, reformSchema } from '../law/reform.ts';
import { type Case, CaseRefused } from '../model/case.ts';
import { ApiError, type Problem, zodToProblems } from './errors.ts';

/** Scenario ids a client may name: the built-in ones and the catalog's (never a file path). */
export function knownScenarioIds(): string[] {
  return [...BUILT_IN_SCENARIOS, ...reformCatalog().keys()];
}

/** Problems for scenario ids that are neither built in nor in the catalog. */
export function unknownScenarios(ids: readonly string[], path = 'scenarios'): Problem[] {
  const known = new Set(knownScenarioIds());
  return ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [{ path: `${path}.${i}`, message: `unknown scenario "${id}" (known: ${[...known].join(', ')})` }],
  );
}

/** A reform typed or uploaded as JSON or YAML, validated; problems name the field inside it. */
export function parseReformText(
  text: string,
  path = 'reform',
): { ok: true; reform: Reform } | { ok: false; problems: Problem[] } {
  let data: unknown;
  try {
    data = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    return { ok: false, problems: [{ path, message: `not valid JSON or YAML: ${(e as Error).message}` }] };
  }
  const r = reformSchema.safeParse(data);
  return r.success ? { ok: true, reform: r.data } : { ok: false, problems: zodToProblems(r.error, [path]) };
}

/** ReformError problems ("path: reason") as API problems under `prefix`. */
function reformProblems(e: ReformError, prefix: string): Problem[] {
  return e.problems.map((p) => {
    const i = p.indexOf(': ');
    return i > 0
      ? { path: `${prefix}.${p.slice(0, i)}`, message: p.slice(i + 2) }
      : { path: prefix, message: p };
  });
}

/** compare() over catalog ids plus, optionally, one uploaded reform. */
export function compareWith(
  c: Case,
  ids: string[],
  reform: Reform | undefined,
  evaluationDate: string,
): Comparison {
  const problems = unknownScenarios(ids);
  if (reform && knownScenarioIds().includes(reform.id))
    problems.push({
      path: 'reform.id',
      message: `"${reform.id}" is already a scenario id; give the uploaded reform its own id`,
    });
  if (ids.length + (reform ? 1 : 0) === 0)
    problems.push({ path: 'scenarios', message: 'name at least one scenario' });
  if (problems.length) throw new ApiError(422, 'invalid comparison request', problems);
  try {
    return compare(c, reform ? [...ids, reformScenario(reform)] : ids, { evaluationDate });
  } catch (e) {
    if (e instanceof ReformError)
      throw new ApiError(422, 'the reform cannot be applied', reformProblems(e, 'reform'));
    if (e instanceof ScenarioError)
      throw new ApiError(422, e.message, [{ path: 'scenarios', message: e.message }]);
    if (e instanceof LawGapError) throw new CaseRefused([lawGapProblem(e, c, defaultLawBook())]);
    throw e;
  }
}
