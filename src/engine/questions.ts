import type { Question } from '../model/assessment.ts';
import type { Case } from '../model/case.ts';
import type { Finding } from '../model/finding.ts';

/**
 * The findings that leave an answer open, and the case field each asks for when it is not named in the
 * finding's `values.missing` (a list of case paths, or one).
 */
const ASKING: ReadonlyMap<string, string | null> = new Map([
  ['exposure.safety_valve.undetermined', null],
  ['exposure.priors.undetermined', null],
  ['exposure.acca.undetermined', null],
  ['exposure.substantial_assistance.undetermined', null],
  ['guidelines.substantial_assistance.undetermined', null],
  ['guidelines.obstruction.undetermined', null],
  ['guidelines.mitigating_role.undetermined', null],
  ['exposure.statutory.weight_undetermined', null],
  ['guidelines.quantity.lsd_carrier_weight_needed', null],
  ['guidelines.acceptance.third_level_undetermined', null],
  ['screen.divert.lead_undetermined', null],
  ['screen.undetermined.compensation', null],
  ['consequences.immigration.citizenship_unknown', 'person.citizenship'],
  // a state firearm term needs the weapon on the person or within reach, not only nearby
  ['exposure.state.firearm_reach_undetermined', 'conduct.weapon'],
  // a state grid scores each prior by its class (N.C. prior record points): the paths are in values.missing
  ['exposure.state.nc.prior_class_undetermined', null],
]);

/**
 * Findings whose facts are named by the case rather than the finding: a state rule that cannot classify a
 * prior asks for the fact that classifies it, for each prior that lacks it (Illinois reads a prior's class
 * from its statutory maximum).
 */
const ASKING_OF_CASE: ReadonlyMap<string, (c: Case) => string[]> = new Map([
  [
    'exposure.state.il.prior_class_unknown',
    (c: Case) =>
      (c.history?.priors ?? []).flatMap((p, i) =>
        p.felony && p.max_term_months === undefined ? [`history.priors.${i}.max_term_months`] : [],
      ),
  ],
]);

/** `history.priors.2.served_months` -> `question.history.priors.served_months`: one code per kind of fact. */
export function questionCode(path: string): string {
  return `question.${path.replace(/\.\d+(?=\.|$)/g, '')}`;
}

function pathsOf(f: Finding, field: string | null): string[] {
  if (field) return [field];
  const missing = f.values?.missing;
  const paths = typeof missing === 'string' ? [missing] : Array.isArray(missing) ? missing : [];
  return paths.filter((p): p is string => typeof p === 'string');
}

/** The facts the case lacks that would settle an undetermined answer, each once, in the order found. */
export function questionsOf(findings: readonly Finding[], c?: Case): Question[] {
  const out: Question[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const field = ASKING.get(f.code);
    const ofCase = ASKING_OF_CASE.get(f.code);
    if (field === undefined && !ofCase) continue;
    const paths = ofCase ? (c ? ofCase(c) : []) : pathsOf(f, field ?? null);
    for (const path of paths) {
      if (seen.has(path)) continue;
      seen.add(path);
      out.push({ path, code: questionCode(path), finding: f.code });
    }
  }
  return out;
}

/**
 * The case fields the rules read while assessing a case (`run` assesses the case it is given), as dotted
 * paths with array indices (`history.priors.0.served_months`), read or not set. What a guided form asks for
 * a case: a field no rule reads for it (a federal safety-valve fact in a state case) is not asked.
 */
export function factsRead(c: Case, run: (tracked: Case) => unknown): Set<string> {
  const read = new Set<string>();
  const proxies = new WeakMap<object, unknown>();
  const wrap = (obj: object, path: string): unknown => {
    const known = proxies.get(obj);
    if (known) return known;
    const proxy = new Proxy(obj, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver);
        if (typeof key !== 'string' || (Array.isArray(target) && !/^\d+$/.test(key))) return v;
        const p = path ? `${path}.${key}` : key;
        read.add(p);
        return v !== null && typeof v === 'object' ? wrap(v, p) : v;
      },
    });
    proxies.set(obj, proxy);
    return proxy;
  };
  run(wrap(c, '') as Case);
  return read;
}
