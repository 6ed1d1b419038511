/**
 * Runs real builds in throw-away project folders and measures them: wall time, the Pagefind
 * time the build logs, the peak memory of the build's process tree, and the size of `dist/`.
 * A build is cold (every on-disk cache deleted first) or warm (the caches a previous build left).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * What a build of the project does not need from the checkout: `content/` is written by the
 * caller; the rest is history, output, tests and notes. Everything else is copied, so a file a
 * later change makes the build read (a new config or script) comes along without a list to update.
 */
const NOT_COPIED = new Set([
  '.git',
  'node_modules',
  'dist',
  '.astro',
  'content',
  'tests',
  'test-results',
  'tmp',
  'bench',
  'docs',
]);

/**
 * The caches a build keeps on disk, relative to the project: Astro's data store and image cache
 * (`cacheDir`, default `node_modules/.astro`), its generated types and settings (`.astro`),
 * Vite's caches, and whatever the site keeps under `node_modules/.cache` (Lectern's formatted
 * references: `node_modules/.cache/lectern`). A cold build starts without any of them.
 */
export const CACHE_DIRS = [
  'node_modules/.astro',
  'node_modules/.cache',
  'node_modules/.vite',
  'node_modules/.vite-temp',
  '.astro',
] as const;

/**
 * `node_modules` of a temp project: a real folder whose entries link to the checkout's packages,
 * so the caches above are the temp project's own. A link to the whole folder would put every
 * temp project's caches (and the real project's) in one place, and a "cold" build would read
 * what an earlier one left.
 */
async function linkNodeModules(root: string, dir: string): Promise<void> {
  const own = join(dir, 'node_modules');
  await mkdir(own, { recursive: true });
  const cacheNames = new Set(CACHE_DIRS.map((c) => c.replace(/^node_modules\//, '')));
  for (const name of await readdir(join(root, 'node_modules'))) {
    if (cacheNames.has(name)) continue;
    await symlink(join(root, 'node_modules', name), join(own, name));
  }
}

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

/** A temp copy of the project at `root` (packages linked, caches its own) with an empty `content/`. */
export async function makeProject(root: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-site-'));
  for (const name of await readdir(root)) {
    if (!NOT_COPIED.has(name)) await cp(join(root, name), join(dir, name), { recursive: true });
  }
  await linkNodeModules(root, dir);
  await mkdir(join(dir, 'content'), { recursive: true });
  return dir;
}

/**
 * A minimal Astro project: one `[n].astro` route giving `pages` pages of one paragraph each,
 * indexed by the same Pagefind Node API step as the real site.
 */
export async function makeFloorProject(root: string, pages: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-floor-'));
  await linkNodeModules(root, dir);
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'floor', private: true, type: 'module', scripts: { build: 'astro build' } })}\n`,
  );
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export default {
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
 * `npm run build` in `project` (the project's own build script, so the seed's time is the full
 * `npm run build`). `dist/` is removed first, as on a CI runner; a cold build also removes every
 * cache in CACHE_DIRS, a warm one keeps them.
 */
export async function runBuild(project: string, { cold }: { cold: boolean }): Promise<BuildRun> {
  await rm(join(project, 'dist'), { recursive: true, force: true });
  if (cold) {
    for (const cache of CACHE_DIRS) await rm(join(project, cache), { recursive: true, force: true });
  }
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
  const command = ['npm', 'run', '--silent', 'build'];
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
  if (!existsSync(dist)) return { bytes: 0, files: 0, htmlPages: 0, pagefindBytes: 0, pagefindIndexBytes: 0 };
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

/** Bytes and files under `dir` (0 when it does not exist); links are not followed. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  const size = { bytes: 0, files: 0 };
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    size.bytes += (await stat(join(e.parentPath, e.name))).size;
    size.files += 1;
  }
  return size;
}

/** What each cache in CACHE_DIRS holds in `project`, and Lectern's own under `node_modules/.cache`. */
export async function cacheSizes(project: string): Promise<{ dir: string; bytes: number; files: number }[]> {
  const dirs = [...CACHE_DIRS.filter((d) => d !== 'node_modules/.cache'), 'node_modules/.cache/lectern'];
  const out: { dir: string; bytes: number; files: number }[] = [];
  for (const dir of dirs) out.push({ dir, ...(await folderSize(join(project, dir))) });
  const other = await folderSize(join(project, 'node_modules/.cache'));
  const lectern = out.find((c) => c.dir === 'node_modules/.cache/lectern');
  out.push({
    dir: 'node_modules/.cache (other than lectern/)',
    bytes: other.bytes - (lectern?.bytes ?? 0),
    files: other.files - (lectern?.files ?? 0),
  });
  return out;
}

/**
 * Files, bytes and newest change time of the checkout's own caches: the bench's builds must leave
 * them alone (a build that resolves its cache through a linked package would write there).
 */
export async function checkoutCacheState(root: string): Promise<string> {
  const parts: string[] = [];
  for (const dir of ['node_modules/.astro', 'node_modules/.cache']) {
    const path = join(root, dir);
    if (!existsSync(path)) {
      parts.push(`${dir}: none`);
      continue;
    }
    let newest = 0;
    let files = 0;
    let bytes = 0;
    for (const e of await readdir(path, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const s = await stat(join(e.parentPath, e.name));
      newest = Math.max(newest, s.mtimeMs);
      files += 1;
      bytes += s.size;
    }
    parts.push(`${dir}: ${files} files, ${bytes} bytes, newest ${new Date(newest).toISOString()}`);
  }
  return parts.join('; ');
}
