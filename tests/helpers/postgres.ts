import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL 15 server for tests: started whenever the binaries exist (CI installs
 * postgresql-15), in a temporary directory, trust auth, fsync off, a private port on 127.0.0.1; stopped
 * and removed by stop(). When running as root the server runs as the `postgres` user.
 * Returns null (callers skip the PostgreSQL variant) when the binaries are absent.
 */
export const PG_BIN = process.env.PROPORTION_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** a fresh, empty database on the server */
  newDatabase(): Promise<string>;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

export function postgresAvailable(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

export async function startPostgres(): Promise<TestPostgres | null> {
  if (!postgresAvailable()) return null;
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'proportion-pg-'));
  const data = join(dir, 'data');
  const asPg = (cmd: string, args: string[]) => {
    const full = join(PG_BIN, cmd);
    const r = root
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  asPg('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  asPg('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -F -c full_page_writes=off -c synchronous_commit=off`,
    'start',
  ]);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let n = 0;
  return {
    async newDatabase() {
      const name = `t_${process.pid}_${++n}`;
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return `${base}/${name}`;
    },
    stop() {
      try {
        asPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
