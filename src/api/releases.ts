import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Published releases for GET /v1/releases and the Data page. A release is a directory written by
 * `proportion publish` (src/publish): datapackage.json (Frictionless v2) listing aggregate tables,
 * plus charts (SVG) and an index.html. Only files the descriptor lists as aggregate resources, charts
 * and the release's own pages are ever served; never row-level data.
 */
export interface ReleaseResource {
  name: string;
  path: string;
  title?: string;
  description?: string;
  format?: string;
  mediatype?: string;
  schema?: { fields?: { name: string; type?: string; title?: string; description?: string }[] };
  [k: string]: unknown;
}
export interface Release {
  id: string;
  dir: string;
  title: string;
  description: string | null;
  created: string | null;
  version: string | null;
  synthetic: boolean;
  /** Aggregate tables and other resources listed by the descriptor (row-level ones are left out). */
  resources: ReleaseResource[];
  /** Chart files (SVG) in the release. */
  charts: string[];
  /** Resources left out because they look row-level (a per-record id column). */
  withheld: string[];
  descriptor: Record<string, unknown>;
}

export type ReleaseState =
  | { state: 'ready' }
  | { state: 'none'; message: string }
  | { state: 'generating'; message: string }
  | { state: 'failed'; message: string };

const ROW_LEVEL_FIELDS = new Set(['id', 'row_id', 'record_id', 'case_id', 'person_id', 'line']);
const PAGES = new Set(['datapackage.json', 'index.html', 'README.md', 'readme.md']);

/** The repository root (for the CLI used to generate the demo release). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function isSynthetic(d: Record<string, unknown>): boolean {
  if (d['proportion:synthetic'] === true || d.synthetic === true) return true;
  const words = [d.title, d.description, ...(Array.isArray(d.keywords) ? d.keywords : [])]
    .filter((x): x is string => typeof x === 'string')
    .join(' ');
  return /synthetic/i.test(words);
}

function readRelease(dir: string): Release | undefined {
  const file = join(dir, 'datapackage.json');
  if (!existsSync(file)) return undefined;
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const all = (Array.isArray(d.resources) ? d.resources : []).filter(
    (r): r is ReleaseResource =>
      typeof r === 'object' && r !== null && typeof r.name === 'string' && typeof r.path === 'string',
  );
  const withheld: string[] = [];
  const resources = all.filter((r) => {
    const rowLevel = (r.schema?.fields ?? []).some((f) => ROW_LEVEL_FIELDS.has(f.name));
    if (rowLevel) withheld.push(r.name);
    return !rowLevel && safeRelative(dir, r.path) !== undefined;
  });
  const charts = listFiles(dir)
    .filter((f) => f.endsWith('.svg'))
    .sort();
  return {
    id: basename(dir),
    dir,
    title: typeof d.title === 'string' ? d.title : basename(dir),
    description: typeof d.description === 'string' ? d.description : null,
    created: typeof d.created === 'string' ? d.created : null,
    version: typeof d.version === 'string' ? d.version : null,
    synthetic: isSynthetic(d),
    resources,
    charts,
    withheld,
    descriptor: d,
  };
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

/** A path inside `dir`, or undefined when it would leave it. */
function safeRelative(dir: string, rel: string): string | undefined {
  if (rel.includes('\0') || /^[a-z]+:/i.test(rel)) return undefined;
  const full = resolve(dir, normalize(rel));
  return full.startsWith(resolve(dir) + sep) ? full : undefined;
}

export class ReleaseStore {
  status: ReleaseState;

  /** `root` holds one directory per release (or is itself a release directory). */
  constructor(readonly root: string) {
    this.status = this.list().length
      ? { state: 'ready' }
      : { state: 'none', message: `No release has been published into ${root} yet.` };
  }

  list(): Release[] {
    if (!existsSync(this.root)) return [];
    const self = readRelease(this.root);
    if (self) return [self];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => readRelease(join(this.root, e.name)))
      .filter((r): r is Release => r !== undefined)
      .sort((a, b) => (b.created ?? '').localeCompare(a.created ?? '') || a.id.localeCompare(b.id));
  }

  /** A release by id; "latest" is the newest. */
  get(id: string): Release | undefined {
    const all = this.list();
    return id === 'latest' ? all[0] : all.find((r) => r.id === id);
  }

  /** The file of a release that may be served: a listed aggregate resource, a chart or the release's pages. */
  file(release: Release, rel: string): string | undefined {
    const full = safeRelative(release.dir, rel);
    if (!full || !existsSync(full)) return undefined;
    // a symbolic link (or a linked folder on the way) could point anywhere: the file's real path must
    // be a regular file inside the release's real folder
    const real = realpathSync(full);
    if (!real.startsWith(realpathSync(release.dir) + sep) || !statSync(real).isFile()) return undefined;
    const listed = release.resources.some((r) => safeRelative(release.dir, r.path) === full);
    if (listed || release.charts.includes(rel) || PAGES.has(rel)) return real;
    return undefined;
  }

  /**
   * Generates the demo release with `proportion publish --demo --out DIR` (src/publish, built in
   * parallel). Where that command does not exist yet, or fails, whatever release is already in the
   * directory is served and the Data page says what happened.
   */
  async generateDemo(
    opts: { timeoutMs?: number; log?: (line: string) => void; env?: NodeJS.ProcessEnv } = {},
  ) {
    const log = opts.log ?? (() => {});
    const target = join(this.root, 'demo');
    const tmp = join(this.root, `.demo-${process.pid}`);
    mkdirSync(this.root, { recursive: true });
    rmSync(tmp, { recursive: true, force: true });
    const before = this.list().length;
    this.status = {
      state: 'generating',
      message: 'The demo release is being generated; reload in a moment.',
    };
    const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin/proportion.mjs'), 'publish', '--demo', '--out', tmp],
        { cwd: process.cwd(), env: opts.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => {
        stderr = (stderr + b.toString()).slice(-4000);
      });
      const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 300_000);
      child.on('error', (e) => {
        clearTimeout(timer);
        done({ code: -1, stderr: e.message });
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        done({ code, stderr });
      });
    });
    if (result.code === 0 && existsSync(join(tmp, 'datapackage.json'))) {
      rmSync(target, { recursive: true, force: true });
      renameSync(tmp, target);
      this.status = { state: 'ready' };
      log(`demo release published into ${target}`);
      return;
    }
    rmSync(tmp, { recursive: true, force: true });
    const missing = /unknown command/i.test(result.stderr);
    const why = missing
      ? 'the publish command is not available in this build'
      : result.stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${result.code}`;
    log(`demo release not generated (proportion publish --demo): ${why}`);
    this.status =
      this.list().length || before
        ? { state: 'ready' }
        : missing
          ? {
              state: 'none',
              message:
                'No release yet: the publishing step (proportion publish) is not available in this build.',
            }
          : { state: 'failed', message: `No release yet: generating the demo release failed (${why}).` };
  }
}
