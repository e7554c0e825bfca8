import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { assessUnder } from '../engine/scenarios.ts';
import type { Assessment } from '../model/assessment.ts';
import type { Term } from '../model/terms.ts';
import { convertedDrugWeight } from './converted-weight.ts';
import type { Reject } from './process.ts';
import { BatchInputError } from './run.ts';
import { resolveBatchScenario } from './scenarios.ts';
import { type Imported, isUsscHeader, usscRowToCase } from './ussc.ts';

/**
 * The engine checked against the Sentencing Commission's own recorded results: each record of a USSC
 * datafile is imported, assessed under the law at sentencing, and the engine's criminal history
 * category, converted drug weight, offense level, guideline range, safety valve and drug minimum are
 * compared with what the Commission recorded (XCRHISSR, MWGT1, XFOLSOR, XMINSOR/XMAXSOR, SAFE/SAFETY,
 * DRUGMIN).
 */
export interface Disagreement {
  line: number;
  id: string;
  engine: string;
  recorded: string;
}
export interface Check {
  check: string;
  description: string;
  /** records where both the engine and the Commission give a value */
  compared: number;
  agreed: number;
  /** agreed / compared, null when nothing was compared */
  rate: number | null;
  /** records with a recorded value where the engine's answer is undetermined (a fact the file lacks) */
  undetermined: number;
  disagreements: Disagreement[];
}
export interface UsscValidation {
  file: string;
  scenario: string;
  evaluation_date: string;
  records_read: number;
  records_assessed: number;
  rejected: Reject[];
  checks: Check[];
}

/** Converted weights agree within this relative difference: MWGT is rounded to the gram or hundredth. */
const WEIGHT_TOLERANCE = 0.01;

const term = (t: Term | null | undefined): string => (t === null || t === undefined ? 'none' : String(t));
const range = (r: readonly [Term, Term] | null | undefined): string =>
  r ? `${String(r[0])}-${String(r[1])}` : 'none';

interface Row {
  line: number;
  id: string;
  u: Imported;
  a: Assessment;
  cdw: number | null;
}

/** null: not comparable; engine null: the engine's answer is undetermined. */
type Compare = (r: Row) => { engine: string | null; recorded: string; agree: boolean } | null;

const CHECKS: { check: string; description: string; compare: Compare }[] = [
  {
    check: 'criminal_history_category',
    description: 'criminal history category (engine, from TOTCHPTS) against XCRHISSR',
    compare: ({ u, a }) => {
      const e = a.exposure?.guidelines?.criminal_history_category;
      const s = u.recorded.criminal_history_category;
      return e && s ? { engine: e, recorded: s, agree: e === s } : null;
    },
  },
  {
    check: 'converted_drug_weight_single_drug',
    description: `converted drug weight of single-drug records against MWGT1 (within ${WEIGHT_TOLERANCE * 100}%)`,
    compare: ({ u, cdw }) => {
      const s = u.recorded.drug1_converted_grams;
      if (u.recorded.drug_count !== 1 || s === null || s <= 0 || cdw === null) return null;
      return { engine: String(cdw), recorded: String(s), agree: Math.abs(cdw / s - 1) <= WEIGHT_TOLERANCE };
    },
  },
  {
    check: 'offense_level',
    description: 'total offense level against XFOLSOR (inputs the export lacks are not adjusted for)',
    compare: ({ u, a }) => {
      const e = a.exposure?.guidelines?.offense_level;
      const s = u.recorded.offense_level;
      return e !== undefined && s !== null
        ? { engine: String(e), recorded: String(s), agree: e === s }
        : null;
    },
  },
  {
    check: 'guideline_range_where_offense_level_matches',
    description:
      'guideline range before statutory trumps against XMINSOR-XMAXSOR, where the offense level and category agree',
    compare: ({ u, a }) => {
      const g = a.exposure?.guidelines;
      const s = u.recorded;
      if (
        !g ||
        g.offense_level !== s.offense_level ||
        g.criminal_history_category !== s.criminal_history_category
      )
        return null;
      if (s.guideline_min_months === null || s.guideline_max_months === null) return null;
      const recorded = range([s.guideline_min_months, s.guideline_max_months]);
      const engine = range(g.table_range_months);
      return { engine, recorded, agree: engine === recorded };
    },
  },
  {
    check: 'safety_valve',
    description: 'safety valve (engine eligibility) against SAFE/SAFETY (applied by the court)',
    compare: ({ u, a }) => {
      const s = u.recorded.safety_valve;
      if (s === null || !a.exposure) return null;
      const e = a.exposure.safety_valve.eligible;
      return { engine: e === null ? null : String(e), recorded: String(s), agree: e === s };
    },
  },
  {
    check: 'drug_mandatory_minimum',
    description: 'drug mandatory minimum before relief (engine statutory minimum) against DRUGMIN',
    compare: ({ u, a }) => {
      const s = u.recorded.mandatory_minimum_months;
      if (s === null || !a.exposure) return null;
      const e = a.exposure.statutory.minimum_months;
      return { engine: term(e), recorded: term(s), agree: term(e) === term(s) };
    },
  },
];

/** Reads a USSC-layout CSV, assesses every record and compares the engine with the recorded results. */
export function validateUssc(file: string, opts: { evaluationDate: string }): UsscValidation {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(readFileSync(file), { columns: true, bom: true, info: true, skip_empty_lines: true });
  } catch (e) {
    throw new BatchInputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  if (!isUsscHeader(header))
    throw new BatchInputError(
      `${file} is not in the Sentencing Commission's layout (no USSC variable names)`,
    );
  const scenario = resolveBatchScenario('law_at_sentencing');
  const rejected: Reject[] = [];
  const rows: Row[] = [];
  for (const { record, info } of records) {
    const id = record.USSCIDN ?? '';
    const u = usscRowToCase(record);
    if (!u.ok) {
      for (const p of u.problems) rejected.push({ line: info.lines, id, field: p.column, reason: p.message });
      continue;
    }
    const a = assessUnder(u.value.case, scenario, { evaluationDate: opts.evaluationDate, messages: false });
    rows.push({
      line: info.lines,
      id,
      u: u.value,
      a,
      cdw: convertedDrugWeight(u.value.case, a, scenario.law),
    });
  }
  const checks = CHECKS.map(({ check, description, compare }) => {
    let compared = 0;
    let agreed = 0;
    let undetermined = 0;
    const disagreements: Disagreement[] = [];
    for (const r of rows) {
      const c = compare(r);
      if (!c) continue;
      if (c.engine === null) {
        undetermined++;
        continue;
      }
      compared++;
      if (c.agree) agreed++;
      else disagreements.push({ line: r.line, id: r.id, engine: c.engine, recorded: c.recorded });
    }
    const rate = compared ? agreed / compared : null;
    return { check, description, compared, agreed, rate, undetermined, disagreements };
  });
  return {
    file,
    scenario: scenario.id,
    evaluation_date: opts.evaluationDate,
    records_read: records.length,
    records_assessed: rows.length,
    rejected,
    checks,
  };
}

const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(1)}%`);

/** The report as text: one line per check, then the disagreeing rows and the rejects. */
export function renderValidation(v: UsscValidation, opts: { maxRows?: number } = {}): string {
  const max = opts.maxRows ?? 20;
  const out = [
    `Engine against the Sentencing Commission's recorded results: ${v.file}`,
    `${v.records_read} records read, ${v.records_assessed} assessed (${v.scenario}), ${new Set(v.rejected.map((r) => r.line)).size} rejected`,
    '',
  ];
  for (const c of v.checks)
    out.push(
      `${c.check}: ${c.agreed}/${c.compared} agree (${pct(c.rate)})${c.undetermined ? `, ${c.undetermined} undetermined by the engine` : ''} — ${c.description}`,
    );
  for (const c of v.checks) {
    if (!c.disagreements.length) continue;
    out.push('', `${c.check}: rows that disagree (engine vs recorded)`);
    for (const d of c.disagreements.slice(0, max))
      out.push(`  line ${d.line} ${d.id}: ${d.engine} vs ${d.recorded}`);
    if (c.disagreements.length > max) out.push(`  … ${c.disagreements.length - max} more (--json lists all)`);
  }
  if (v.rejected.length) {
    const reasons = new Map<string, number>();
    for (const r of v.rejected) {
      const k = `${r.field}: ${r.reason}`;
      reasons.set(k, (reasons.get(k) ?? 0) + 1);
    }
    out.push('', 'rejected records, by reason');
    for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) out.push(`  ${n} × ${k}`);
  }
  return `${out.join('\n')}\n`;
}
