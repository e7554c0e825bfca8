import { COLUMN_NAMES, COLUMNS, type Column } from '../records/dictionary.ts';
import type { StoredRow } from '../records/normalize.ts';

/** Kysely table types. Record columns are many and generated, so they are typed by their value kinds. */
export type RecordsTable = Record<string, string | number | boolean | null>;
export interface ImportsTable {
  file_sha256: string;
  file_name: string;
  imported_at: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}
export interface Database {
  records: RecordsTable;
  imports: ImportsTable;
}

export const SCHEMA_VERSION = 1;

/** DDL shared by both backends (types chosen to mean the same in DuckDB and PostgreSQL). */
export function createTablesSql(kind: 'duckdb' | 'postgres'): string[] {
  const cols = COLUMNS.map((c) => `${quote(c.name)} ${c.sql}${c.name === 'record_id' ? ' NOT NULL' : ''}`);
  // DuckDB: no PRIMARY KEY (its index makes bulk loads slow and the merge below keeps ids unique);
  // PostgreSQL: a primary key.
  const pk = kind === 'postgres' ? ', PRIMARY KEY (record_id)' : '';
  return [
    `CREATE TABLE IF NOT EXISTS records (${cols.join(', ')}${pk})`,
    `CREATE TABLE IF NOT EXISTS imports (file_sha256 TEXT NOT NULL PRIMARY KEY, file_name TEXT NOT NULL, imported_at TEXT NOT NULL, rows INTEGER NOT NULL, inserted INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`,
  ];
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The staging table holds every column as text (dates and numbers are cast during the merge). */
export function stagingColumnsSql(): string {
  return COLUMNS.map((c) => `${quote(c.name)} TEXT`).join(', ');
}
export function castFromStaging(c: Column, alias: string): string {
  const ref = `${alias}.${quote(c.name)}`;
  return c.sql === 'TEXT' ? ref : `CAST(${ref} AS ${c.sql})`;
}
export const ALL_COLUMNS = COLUMN_NAMES;

/** One stored row as a CSV line in COLUMNS order (null: empty and unquoted; text: quoted). */
export function csvLine(row: StoredRow): string {
  let out = '';
  for (let i = 0; i < COLUMN_NAMES.length; i++) {
    const v = row[COLUMN_NAMES[i] as string];
    if (i) out += ',';
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') out += `"${v.includes('"') ? v.replace(/"/g, '""') : v}"`;
    else out += String(v);
  }
  return `${out}\n`;
}

/** A merge: the query counting what it will change, then its statements in order (one transaction). */
export interface MergePlan {
  counts: string;
  statements: string[];
}

/** The merge, run in one transaction after staging is loaded. Returns the statements in order. */
export function mergeSql(staging: string): MergePlan {
  const names = COLUMNS.map((c) => quote(c.name)).join(', ');
  const casts = COLUMNS.map((c) => castFromStaging(c, 's')).join(', ');
  return {
    counts: `SELECT CAST(count(*) FILTER (WHERE r.record_id IS NULL) AS INTEGER) AS inserted,
      CAST(count(*) FILTER (WHERE r.record_id IS NOT NULL AND r.source_hash <> s.source_hash) AS INTEGER) AS updated,
      CAST(count(*) FILTER (WHERE r.source_hash = s.source_hash) AS INTEGER) AS unchanged
      FROM ${staging} s LEFT JOIN records r ON r.record_id = s.record_id`,
    statements: [
      `DELETE FROM records WHERE record_id IN (SELECT s.record_id FROM ${staging} s JOIN records r ON r.record_id = s.record_id WHERE r.source_hash <> s.source_hash)`,
      `INSERT INTO records (${names}) SELECT ${casts} FROM ${staging} s WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.record_id = s.record_id)`,
    ],
  };
}
