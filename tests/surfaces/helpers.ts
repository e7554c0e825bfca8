import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
