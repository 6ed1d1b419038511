/**
 * A temporary copy of the site's code (with `node_modules` linked, and an empty `content/`) for
 * tests that need their own content built with the real `astro build`.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = new URL('../../', import.meta.url).pathname;

/** Copies the code into a new temporary folder; returns its path. */
export async function makeTempProject(prefix: string): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), `lectern-${prefix}-`));
  for (const entry of ['astro.config.mjs', 'src', 'public', 'package.json', 'tsconfig.json']) {
    await cp(join(REPO, entry), join(project, entry), { recursive: true });
  }
  await symlink(join(REPO, 'node_modules'), join(project, 'node_modules'), 'dir');
  await mkdir(join(project, 'content'), { recursive: true });
  return project;
}

/** Builds `project` at the site root; returns its `dist/`. */
export async function buildTempProject(project: string): Promise<string> {
  // Vitest sets BASE_URL, MODE, DEV, PROD and SSR; Astro would take BASE_URL over its own base.
  const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...env } = process.env;
  await run('npx', ['astro', 'build'], {
    cwd: project,
    env: { ...env, BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return join(project, 'dist');
}
