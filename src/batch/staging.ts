import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A run writes into `.proportion-batch-<pid>-<ms>` inside the output folder and renames at the end. */
const STAGING = /^\.proportion-batch-(\d+)-\d+$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates this run's staging folder (owner-only), first removing the staging folders of runs that
 * were killed before they could clean up (their process is gone): their partial results must not
 * linger next to real ones.
 */
export function makeStaging(out: string): string {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) {
    const m = STAGING.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1])))
      rmSync(join(out, name), { recursive: true, force: true });
  }
  const tmp = join(out, `.proportion-batch-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { mode: 0o700 });
  return tmp;
}
