import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The origin the shared /lectern/ build is given as `SITE`, as for https://<owner>.github.io/lectern/. */
export const LECTERN_SITE = 'https://example.github.io';

/**
 * Runs the real `astro build` (the Pagefind integration included) into `outDir`, with
 * `base` as BASE_PATH and `site` as SITE (the origin; none unless given). Returns the time it
 * took, in milliseconds.
 */
export async function buildSite(outDir: string, base = '/', site?: string): Promise<number> {
  const started = performance.now();
  // Vitest sets BASE_URL, MODE, DEV, PROD and SSR in the environment; Astro would take BASE_URL
  // over its own base and build every link for "/".
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, SITE: _site, ...env } = process.env;
  await run('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...env, BASE_PATH: base, ...(site ? { SITE: site } : {}), ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - started;
}
