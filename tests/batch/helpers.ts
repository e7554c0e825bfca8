import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLine } from '../../src/batch/evaluate.ts';
import { COLUMN_NAMES } from '../../src/batch/layout.ts';

export const tmp = (prefix = 'proportion-batch-'): string => mkdtempSync(join(tmpdir(), prefix));

/** A flat-layout CSV from partial rows (column name → cell). */
export function flatCsv(rows: Record<string, string>[]): string {
  return csvLine(COLUMN_NAMES) + rows.map((r) => csvLine(COLUMN_NAMES.map((c) => r[c] ?? ''))).join('');
}

export const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');
export const json = (dir: string, f: string): Record<string, unknown> => JSON.parse(read(dir, f));

/** Weldon Angelos (examples/cases/weldon-angelos.json) as a flat row. */
export const ANGELOS: Record<string, string> = {
  jurisdiction: 'US-FED',
  offense_date: '2002-11-15',
  sentencing_date: '2004-11-16',
  birth_year: '1980',
  gender: 'male',
  activities: 'sold_wholesale;possessed',
  drug1_substance: 'marijuana',
  drug1_grams: '680.4',
  drug1_basis: 'transacted',
  drug2_substance: 'marijuana',
  drug2_grams: '1360.8',
  drug2_basis: 'possessed',
  compensation: 'profit',
  weapon: 'possessed',
  firearm_counts: '3',
  violence: 'none',
  indicia: 'controlled_buy;informant_statement;firearm',
  truthful_disclosure: 'false',
  substantial_assistance: 'false',
  accepted_responsibility: 'false',
  information_851: 'false',
};
