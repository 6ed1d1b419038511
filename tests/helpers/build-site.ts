import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs the real `astro build` (the Pagefind integration included) into `outDir`, with
 * `base` as BASE_PATH. Returns the time it took, in milliseconds.
 */
export async function buildSite(outDir: string, base = '/'): Promise<number> {
  const started = performance.now();
  await run('npx', ['astro', 'build', '--outDir', outDir], {
    env: { ...process.env, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - started;
}
