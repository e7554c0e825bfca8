import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '../../src/api/server.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE_RELEASES = fileURLToPath(new URL('./fixtures/releases/', import.meta.url));
export const TODAY = '2026-11-28';

/** A data directory holding a copy of the fixture release (a synthetic, aggregate-only release). */
export function dataDirWithFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'proportion-surfaces-'));
  cpSync(FIXTURE_RELEASES, join(dir, 'releases'), { recursive: true });
  return dir;
}

export const caseJson = (slug: string): string =>
  readFileSync(join(ROOT, 'examples/cases', `${slug}.json`), 'utf8');

/** The API and web app on a free port, quiet, with no demo release and the tests' fixed today. */
export const startQuietServer = (dataDir: string): Promise<RunningServer> =>
  startServer({ port: 0, dataDir, demo: false, log: false, announce: false, today: () => TODAY });
