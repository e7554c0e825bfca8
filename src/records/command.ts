import { InvalidInput } from '../cli/io.ts';
import { openStore } from '../db/store.ts';
import { ImportFileError, type ImportReport, importFile } from './import.ts';
import { engineRoleDeriver } from './role.ts';

export interface ImportCommand {
  descriptor?: string;
  format?: 'csv' | 'jsonl';
  allowPartial?: boolean;
  database?: string;
}

/** `proportion import FILE...`: each file in its own transaction; prints every rejected row. */
export async function runImport(
  files: string[],
  o: ImportCommand,
  log: (s: string) => void,
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
        });
      } catch (e) {
        if (e instanceof ImportFileError) throw new InvalidInput(e.message);
        throw e;
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
