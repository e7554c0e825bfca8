import type { Question } from '../model/assessment.ts';
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
export function questionsOf(findings: readonly Finding[]): Question[] {
  const out: Question[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const field = ASKING.get(f.code);
    if (field === undefined) continue;
    for (const path of pathsOf(f, field)) {
      if (seen.has(path)) continue;
      seen.add(path);
      out.push({ path, code: questionCode(path), finding: f.code });
    }
  }
  return out;
}
