import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess } from '../../src/engine/assess.ts';
import type { Assessment } from '../../src/model/assessment.ts';
import { type Case, parseCase } from '../../src/model/case.ts';

/** A fixed evaluation date keeps every test independent of the clock. */
export const EVALUATION = '2026-11-27';

export function validCase(input: unknown): Case {
  const r = parseCase(input);
  if (!r.ok) throw new Error(`test case is not contract-valid: ${JSON.stringify(r.problems)}`);
  return r.case;
}

export function assessCase(input: unknown, asOf?: string): Assessment {
  return assess(validCase(input), { evaluationDate: EVALUATION, ...(asOf ? { asOf } : {}) });
}

/**
 * Everything an assessment decides except the explanations (findings' values, citations, prose, questions):
 * what bulk mode must give exactly as explained mode does.
 */
export function decided(a: Assessment): unknown {
  return {
    role: a.role?.function,
    exposure: a.exposure,
    indicia: a.indicia.map((v) => [v.indicium, v.strength]),
    screen: a.screen?.recommendation,
    consequences: a.consequences,
    dates: a.dates,
    charges: a.charges,
    codes: a.findings.map((f) => f.code),
  };
}

/** Reads a dotted path ("exposure.guidelines.range_months") from an object; numeric parts index arrays. */
export function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...jsonFiles(full));
    else if (e.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export const ROOT = new URL('../../', import.meta.url).pathname;
