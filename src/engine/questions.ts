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
  ['screen.divert.lead_undetermined', null],
  ['screen.undetermined.compensation', null],
  ['consequences.immigration.citizenship_unknown', 'person.citizenship'],
  // a state firearm term needs the weapon on the person or within reach, not only nearby
  ['exposure.state.firearm_reach_undetermined', 'conduct.weapon'],
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
