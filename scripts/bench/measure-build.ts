/**
 * Runs real builds in throw-away project folders and measures them: wall time, the Pagefind
 * time the build logs, the peak memory of the build's process tree, and the size of `dist/`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** The project files a build needs; `content/` is written by the caller. */
const PROJECT_FILES = ['astro.config.mjs', 'src', 'public', 'package.json', 'tsconfig.json'] as const;

/**
 * Astro keeps its content data store in `cacheDir`, which defaults to `node_modules/.astro`: with
 * a symlinked `node_modules` every temp project (and the real one) would share it, and later
 * runs would measure a warm cache. The wrapper gives each project its own, cleared before a run.
 */
const BENCH_CONFIG = 'astro.bench.config.mjs';
const BENCH_CONFIG_TEXT = `import config from './astro.config.mjs';
export default {
  ...config,
  cacheDir: './.bench-cache',
  vite: { ...config.vite, cacheDir: './.bench-cache/vite' },
};
`;

export interface BuildRun {
  /** Wall time of the whole build command, milliseconds. */
  ms: number;
  /** CPU time of the build's processes (user + system, GNU time), milliseconds: unlike wall
   * time, barely moved by other work on the machine. */
  cpuMs?: number;
  /** "Pagefind indexed N pages in X ms" from the build log. */
  pagefindMs?: number;
  pagefindPages?: number;
  /** Largest resident set of any one process of the build (GNU time's maximum RSS), bytes. */
  maxRss?: number;
  /** Peak of the summed resident sets of the build's process tree, sampled every 50 ms, bytes. */
  treePeakRss: number;
  log: string;
  /** The machine's 1-minute load average when the build ended (other work skews times). */
  load: number;
  /** Astro's "✓ Completed in" after generating static routes: rendering pages, before the build:done hooks. */
  renderMs?: number;
  /** Seconds each build:done integration took, from the log's timestamps (1 s resolution). */
  stages: { name: string; s: number }[];
  /** Why the build failed (the last error line of its log); absent when it succeeded. */
  failed?: string;
}

/** A temp copy of the project at `root` (node_modules symlinked) with an empty `content/`. */
export async function makeProject(root: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-site-'));
  for (const file of PROJECT_FILES) await cp(join(root, file), join(dir, file), { recursive: true });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, BENCH_CONFIG), BENCH_CONFIG_TEXT);
  await mkdir(join(dir, 'content'), { recursive: true });
  return dir;
}

/**
 * A minimal Astro project: one `[n].astro` route giving `pages` pages of one paragraph each,
 * indexed by the same Pagefind Node API step as the real site.
 */
export async function makeFloorProject(root: string, pages: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-floor-'));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'floor', private: true, type: 'module', scripts: { build: 'astro build' } })}\n`,
  );
  await writeFile(
    join(dir, BENCH_CONFIG),
    `import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export default {
  cacheDir: './.bench-cache',
  vite: { cacheDir: './.bench-cache/vite' },
  integrations: [
    {
      name: 'floor:pagefind',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          const started = performance.now();
          const distDir = fileURLToPath(dir);
          const { index } = await pagefind.createIndex({});
          const added = await index.addDirectory({ path: distDir });
          await index.writeFiles({ outputPath: join(distDir, 'pagefind') });
          await pagefind.close();
          logger.info(\`Pagefind indexed \${added.page_count} pages in \${Math.round(performance.now() - started)} ms\`);
        },
      },
    },
  ],
};
`,
  );
  await mkdir(join(dir, 'src', 'pages'), { recursive: true });
  await writeFile(
    join(dir, 'src', 'pages', '[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const { n } = Astro.params;
---
<html lang="en">
  <head><meta charset="utf-8" /><title>Page {n}</title></head>
  <body>
    <main>
      <h1>Page {n}</h1>
      <p>Paragraph {n}: persistent signaling in the tumor microenvironment supports growth and metastasis.</p>
    </main>
  </body>
</html>
`,
  );
  return dir;
}

/**
 * `npm run build -- --config astro.bench.config.mjs` in `project` (the project's own build
 * script, so the seed's time is the full `npm run build`), from a clean `dist/` and cache.
 */
export async function runBuild(project: string): Promise<BuildRun> {
  await rm(join(project, 'dist'), { recursive: true, force: true });
  await rm(join(project, '.bench-cache'), { recursive: true, force: true });
  await rm(join(project, '.astro'), { recursive: true, force: true });
  // Test runners leave BASE_URL, MODE, DEV, PROD and SSR in the environment; Astro would use them.
  const {
    BASE_URL: _b,
    MODE: _m,
    DEV: _d,
    PROD: _p,
    SSR: _s,
    BASE_PATH: _bp,
    SITE: _si,
    ...env
  } = process.env;
  const gnuTime = existsSync('/usr/bin/time');
  const command = ['npm', 'run', '--silent', 'build', '--', '--config', BENCH_CONFIG];
  const [file, ...args] = gnuTime ? ['/usr/bin/time', '-v', ...command] : command;
  const started = performance.now();
  const child = spawn(file ?? 'npm', args, {
    cwd: project,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let treePeakRss = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) treePeakRss = Math.max(treePeakRss, treeRss(child.pid));
  }, 50);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  const log = `${out}\n${err}`;
  const errorAt = log.search(/\[ERROR\]/);
  const failed =
    code === 0
      ? undefined
      : errorAt >= 0
        ? log.slice(errorAt).split('\n').slice(0, 2).join(' ').slice(0, 300)
        : `exit ${code}`;
  const pagefind = /Pagefind indexed (\d+) pages in (\d+) ms/.exec(log);
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
  const user = /User time \(seconds\): ([\d.]+)/.exec(err);
  const system = /System time \(seconds\): ([\d.]+)/.exec(err);
  return {
    ms,
    ...(pagefind ? { pagefindPages: Number(pagefind[1]), pagefindMs: Number(pagefind[2]) } : {}),
    ...(maxRss ? { maxRss: Number(maxRss[1]) * 1024 } : {}),
    ...(user && system ? { cpuMs: (Number(user[1]) + Number(system[1])) * 1000 } : {}),
    ...renderTime(log),
    stages: stages(log),
    treePeakRss,
    log,
    load: loadavg()[0] ?? Number.NaN,
    ...(failed === undefined ? {} : { failed: failed.replace(/\s+/g, ' ').trim() }),
  };
}

function renderTime(log: string): { renderMs?: number } {
  // "hh:mm:ss ✓ Completed in 37.30s." (no [build] tag): generating the static pages.
  const m = /^\d\d:\d\d:\d\d ✓ Completed in (?:(\d+)m\s*)?([\d.]+)(ms|s)/m.exec(log);
  if (!m) return {};
  const value = Number(m[2]) * (m[3] === 'ms' ? 1 : 1000);
  return { renderMs: Number(m[1] ?? 0) * 60_000 + value };
}

/** "hh:mm:ss [lectern:x] …" lines: each integration's time since the line before it. */
function stages(log: string): { name: string; s: number }[] {
  const seconds = (t: string): number => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  const out: { name: string; s: number }[] = [];
  let last: number | undefined;
  for (const m of log.matchAll(/^(\d\d:\d\d:\d\d) \[(build|lectern:[\w-]+|floor:[\w-]+)\] (.*)$/gm)) {
    const at = seconds(m[1] ?? '');
    if (m[2] === 'build') {
      if (/✓ Completed in/.test(m[3] ?? '')) last = at;
      continue;
    }
    if (last !== undefined) out.push({ name: m[2] ?? '', s: (at - last + 86_400) % 86_400 });
    last = at;
  }
  return out;
}

/** Summed VmRSS of `pid` and its descendants, bytes (0 when the process is gone). */
function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  // Bounded: a build has a handful of processes.
  for (let guard = 0; stack.length > 0 && guard < 1000; guard++) {
    const p = stack.pop();
    if (p === undefined) break;
    try {
      const status = readFileSyncSafe(`/proc/${p}/status`);
      const rss = /VmRSS:\s+(\d+) kB/.exec(status);
      if (rss) total += Number(rss[1]) * 1024;
      const children = readFileSyncSafe(`/proc/${p}/task/${p}/children`).trim();
      if (children) stack.push(...children.split(/\s+/).map(Number));
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

function readFileSyncSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export interface DistSize {
  bytes: number;
  files: number;
  htmlPages: number;
  /** Everything under `dist/pagefind/`. */
  pagefindBytes: number;
  /** The index alone (`*.pf_*` and `*.pagefind` files): what grows with the content. */
  pagefindIndexBytes: number;
}

export async function distSize(dist: string): Promise<DistSize> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const size: DistSize = { bytes: 0, files: 0, htmlPages: 0, pagefindBytes: 0, pagefindIndexBytes: 0 };
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const bytes = (await stat(path)).size;
    const rel = relative(dist, path);
    size.bytes += bytes;
    size.files += 1;
    if (rel.endsWith('.html')) size.htmlPages += 1;
    if (rel.startsWith('pagefind/')) {
      size.pagefindBytes += bytes;
      if (/\.pf_\w+$|\.pagefind$/.test(rel)) size.pagefindIndexBytes += bytes;
    }
  }
  return size;
}
