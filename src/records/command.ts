import { InvalidInput } from '../cli/io.ts';
import { openStore } from '../db/store.ts';
import { ImportFileError, type ImportProgress, type ImportReport, importFile } from './import.ts';
import { engineRoleDeriver } from './role.ts';

export interface ImportCommand {
  descriptor?: string;
  format?: 'csv' | 'jsonl';
  allowPartial?: boolean;
  database?: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/** A status line's text for where the import of `file` is. */
export function progressText(file: string, p: ImportProgress): string {
  if (p.phase === 'reading') return `${file}: reading the file…`;
  if (p.phase === 'checking')
    return p.rows === null ? `${file}: checking the rows…` : `${file}: checking ${count(p.rows)} rows…`;
  return `${file}: writing ${p.rows === null ? 'the' : count(p.rows)} accepted rows…`;
}

/**
 * `proportion import FILE...`: each file in its own transaction; prints every rejected row. `status`, when
 * given (a terminal), shows where a long import is; it is cleared before anything is logged.
 */
export async function runImport(
  files: string[],
  o: ImportCommand,
  log: (s: string) => void,
  status?: (text: string) => void,
): Promise<ImportReport[]> {
  const store = await openStore(o.database);
  const deriveRole = engineRoleDeriver();
  const reports: ImportReport[] = [];
  try {
    for (const f of files) {
      let r: ImportReport;
      try {
        r = await importFile(store, f, {
          allowPartial: o.allowPartial === true,
          deriveRole,
          ...(o.descriptor ? { descriptor: o.descriptor } : {}),
          ...(o.format ? { format: o.format } : {}),
          ...(status ? { onProgress: (p: ImportProgress) => status(progressText(f, p)) } : {}),
        });
      } catch (e) {
        if (e instanceof ImportFileError) throw new InvalidInput(e.message);
        throw e;
      } finally {
        status?.('');
      }
      reports.push(r);
      for (const x of r.rejected)
        log(`${f}:${x.line}: rejected${x.record_id ? ` (${x.record_id})` : ''}: ${x.reasons.join('; ')}`);
      log(
        r.committed
          ? `${f}: ${r.rows} rows, ${r.counts?.inserted} inserted, ${r.counts?.updated} updated, ${r.counts?.unchanged} unchanged, ${r.rejected.length} rejected`
          : `${f}: nothing imported: ${r.rejected.length} of ${r.rows} rows rejected (use --allow-partial to import the valid rows)`,
      );
    }
  } finally {
    await store.close();
  }
  return reports;
}
