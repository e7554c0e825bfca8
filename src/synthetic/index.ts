import type { Writable } from 'node:stream';
import { csvLine } from '../batch/evaluate.ts';
import { COLUMN_NAMES, caseToRow } from '../batch/layout.ts';
import { generateCases } from './generate.ts';

export { CALIBRATION, generateCases, prng } from './generate.ts';

/**
 * Writes a synthetic caseload to a stream: CSV in the flat layout (the `synthetic` column is true on
 * every row, ids start with `syn-`) or JSON Lines of contract cases. Honours backpressure.
 */
export async function writeGenerated(
  n: number,
  seed: number,
  format: 'csv' | 'jsonl',
  out: Writable,
  jurisdiction?: string,
): Promise<void> {
  let buf = format === 'csv' ? csvLine(COLUMN_NAMES) : '';
  for (const c of generateCases(n, seed, jurisdiction ? { jurisdiction } : {})) {
    if (format === 'csv') {
      const r = caseToRow(c);
      if (!r.ok) throw new Error(r.problems.map((p) => `${p.column}: ${p.message}`).join('; '));
      buf += csvLine(r.row);
    } else buf += `${JSON.stringify(c)}\n`;
    if (buf.length > 1 << 16) {
      const ok = out.write(buf);
      buf = '';
      if (!ok) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  if (buf) out.write(buf);
  await new Promise<void>((resolve) => {
    if ((out as { writableNeedDrain?: boolean }).writableNeedDrain) out.once('drain', () => resolve());
    else resolve();
  });
}
