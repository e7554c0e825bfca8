import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The engine's version, stamped on every output with the law data's content hash. */
export const ENGINE_VERSION: string = pkg.version;
