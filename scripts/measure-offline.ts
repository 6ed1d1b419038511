/**
 * npx node scripts/measure-offline.ts [-- --runs 5]
 * Builds the site under /lectern/ into a temp dir and prints what the service worker precaches
 * (files and bytes, by kind), then, in Debian's Chromium, the time from typing a query to the
 * first Pagefind result with the network off after one online visit (median of --runs fresh
 * browser contexts), and the same over file:// with the fallback index.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { OfflineManifest } from '../src/integrations/offline.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { buildSite } from '../tests/helpers/build-site.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, query: { type: 'string', default: 'Darnell' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
const query = values.query;
const SLUG = 'bournazou-2013-jakstat';
const BASE = '/lectern/';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Milliseconds from filling the search box to the first result on screen. */
async function timeToResult(page: Page, input: string, result: string): Promise<number> {
  await page.locator(input).waitFor({ state: 'visible' });
  await page.waitForFunction((sel) => !document.querySelector<HTMLInputElement>(sel)?.disabled, input);
  const started = performance.now();
  await page.locator(input).fill(query);
  await page.locator(result).first().waitFor({ state: 'visible' });
  return performance.now() - started;
}

async function offlineRun(browser: Browser, dir: string): Promise<number> {
  const site = await serveStatic(dir, BASE);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    await site.close();
    await context.setOffline(true);
    await page.goto(`${site.url}${SLUG}/`);
    return await timeToResult(page, '#site-search .search__field', '#site-search .pagefind-ui__result');
  } finally {
    await context.close();
  }
}

async function fileRun(browser: Browser, dir: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(dir, SLUG, 'index.html')).href);
    return await timeToResult(page, '#file-search-input', '.file-search__result');
  } finally {
    await context.close();
  }
}

const root = await mkdtemp(join(tmpdir(), 'lectern-offline-'));
const dir = join(root, 'dist');
const browser = await launchChromium();
try {
  await buildSite(dir, BASE);
  const manifest = JSON.parse(await readFile(join(dir, 'offline-manifest.json'), 'utf8')) as OfflineManifest;
  const kinds = new Map<string, { files: number; bytes: number }>();
  for (const f of manifest.files) {
    const kind = f.url.startsWith('pagefind/')
      ? 'pagefind bundle + index'
      : f.url === '' || f.url.endsWith('/')
        ? 'pages'
        : /\.(css|js)$/.test(f.url)
          ? 'css/js'
          : 'other';
    const k = kinds.get(kind) ?? { files: 0, bytes: 0 };
    kinds.set(kind, { files: k.files + 1, bytes: k.bytes + f.bytes });
  }
  console.log(`service worker cache  lectern:${BASE}:${manifest.version}`);
  console.log(
    `precached             ${manifest.files.length} files, ${manifest.bytes} bytes (${kb(manifest.bytes)})`,
  );
  for (const [kind, k] of kinds)
    console.log(`  ${kind.padEnd(24)} ${String(k.files).padStart(3)} files  ${kb(k.bytes)}`);
  const index = await readFile(join(dir, 'search-index.js'));
  const zip = await readFile(join(dir, 'lectern-site.zip'));
  console.log(`file:// search index  ${kb(index.length)};  lectern-site.zip ${kb(zip.length)}`);

  const offline: number[] = [];
  for (let i = 0; i < runs; i++) offline.push(await offlineRun(browser, dir));
  const disk: number[] = [];
  for (let i = 0; i < runs; i++) disk.push(await fileRun(browser, dir));
  const show = (xs: number[]): string =>
    `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
  console.log(
    `first result offline  "${query}": ${show(offline)}  [Pagefind, from the service worker cache]`,
  );
  console.log(`first result file://  "${query}": ${show(disk)}  [fallback index]`);
} finally {
  await browser.close();
  await rm(root, { recursive: true, force: true });
}
