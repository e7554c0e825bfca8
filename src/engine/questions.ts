import type { Question } from '../model/assessment.ts';
import type { Finding } from '../model/finding.ts';

/** Findings whose open question is a known case field (the others name theirs in `values.missing`). */
const FIELD_OF_FINDING: Record<string, string> = {
  'consequences.immigration.citizenship_unknown': 'person.citizenship',
};

/** `history.priors.2.served_months` -> `question.history.priors.served_months`: one code per kind of fact. */
export function questionCode(path: string): string {
  return `question.${path.replace(/\.\d+(?=\.|$)/g, '')}`;
}

function pathsOf(f: Finding): string[] {
  const missing = f.values?.missing;
  const paths = typeof missing === 'string' ? [missing] : Array.isArray(missing) ? missing : [];
  const field = FIELD_OF_FINDING[f.code];
  return [...paths.filter((p): p is string => typeof p === 'string'), ...(field ? [field] : [])];
}

/** The facts the case lacks that would settle an undetermined answer, each once, in the order found. */
export function questionsOf(findings: readonly Finding[]): Question[] {
  const out: Question[] = [];
  const seen = new Set<string>();
  for (const f of findings)
    for (const path of pathsOf(f)) {
      if (seen.has(path)) continue;
      seen.add(path);
      out.push({ path, code: questionCode(path), finding: f.code });
    }
  return out;
}
