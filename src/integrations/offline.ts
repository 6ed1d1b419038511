/**
 * Offline after the first visit: once Pagefind and the file:// step have written their files
 * (astro:build:done, so this integration comes after both in astro.config.mjs), this
 *   1. tags the search container of every page with Pagefind's `metaCacheTag` (a hash of the
 *      index entry), so Pagefind asks for `pagefind-entry.json?ts=<tag>`: one stable URL per
 *      index, cacheable, and new whenever the index is;
 *   2. writes `<base>sw.js`, a service worker that precaches every page, stylesheet, script, image,
 *      whole-list export (not each reference's own, see isEntryExport) and the Pagefind index into one cache named after a hash of those files'
 *      contents, and `<base>offline-manifest.json`, the same list with sizes, for people and tests.
 *
 * The worker resolves everything against its own URL, so its scope and URLs follow the base
 * path with nothing baked in. A new deploy changes the hash, so the browser installs a new
 * worker, which fills a new cache (each file checked against its SHA-256 with fetch's
 * `integrity`, so a half-updated CDN cannot mix versions), takes over, and deletes the caches
 * of older versions of this site (and only this site's: GitHub Pages project sites share one
 * origin). Everything in scope is answered from that one cache, so a page and the search index
 * it queries always come from the same build.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntryExport } from '../lib/cite/entry-export-file.ts';
import { FILE_READS_IN_FLIGHT, mapPool } from '../lib/map-pool.ts';
import { listFiles, SEARCH_INDEX_SCRIPT, SITE_ARCHIVE } from './file-protocol.ts';

export const SERVICE_WORKER = 'sw.js';
export const OFFLINE_MANIFEST = 'offline-manifest.json';
/** Cache names are `lectern:<scope path>:<version>`. */
export const CACHE_PREFIX = 'lectern:';

/** Never precached: the worker and its manifest, the zip, and the index only file:// uses. */
const NOT_PRECACHED = new Set([SERVICE_WORKER, OFFLINE_MANIFEST, SITE_ARCHIVE, SEARCH_INDEX_SCRIPT]);
/**
 * Pagefind's other UIs and its highlighting script, which the site does not load (it uses the
 * default UI, pagefind-ui.js): 290 KiB of the bundle's 680. Precache them again if that changes.
 */
const UNUSED_PAGEFIND =
  /^pagefind\/(?:pagefind-component-ui\.|pagefind-modular-ui\.|pagefind-highlight\.js$)/;

export interface OfflineManifest {
  /** Hash of every precached file's URL and contents. */
  version: string;
  /** Pagefind's metaCacheTag for this build. */
  metaCacheTag: string;
  /** URLs relative to the site root ("" is the library, "x/" a review), sorted. */
  files: { url: string; bytes: number; integrity: string }[];
  bytes: number;
}

export function offlineIntegration(): AstroIntegration {
  return {
    name: 'lectern:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const manifest = await writeServiceWorker(fileURLToPath(dir));
        logger.info(
          `${SERVICE_WORKER} ${manifest.version}: precaches ${manifest.files.length} files, ${manifest.bytes} bytes`,
        );
      },
    },
  };
}

const sha256 = (data: Buffer | string): Buffer => createHash('sha256').update(data).digest();

/** The URL a built file is asked for by: "x/index.html" is "x/". */
const fileUrl = (file: string): string =>
  file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');

/** `html` with its search container tagged with `metaCacheTag` (step 1 of the module comment). */
function tagSearch(html: string, metaCacheTag: string): string {
  return html.replace(/(<div\b[^>]*\sid="site-search")([^>]*)>/g, (_m, start: string, rest: string) => {
    const others = rest.replace(/\sdata-meta-cache-tag="[^"]*"/g, '');
    return `${start}${others} data-meta-cache-tag="${metaCacheTag}">`;
  });
}

/** Steps 1 and 2 of the module comment, on the built site in `distDir`. Safe to run again. */
export async function writeServiceWorker(distDir: string): Promise<OfflineManifest> {
  const metaCacheTag = sha256(await readFile(join(distDir, 'pagefind/pagefind-entry.json')))
    .toString('hex')
    .slice(0, 16);
  const files = await listFiles(distDir);
  const isPage = (file: string): boolean => file.endsWith('.html') && !file.startsWith('pagefind/');
  const isPrecached = (file: string): boolean =>
    !NOT_PRECACHED.has(file) && !UNUSED_PAGEFIND.test(file) && !isEntryExport(file);
  // One read per file: a page is tagged (step 1) and hashed as written.
  const read = await mapPool(
    files.filter((file) => isPage(file) || isPrecached(file)),
    FILE_READS_IN_FLIGHT,
    async (file) => {
      const path = join(distDir, file);
      let data = await readFile(path);
      if (isPage(file)) {
        const html = data.toString('utf8');
        const tagged = tagSearch(html, metaCacheTag);
        if (tagged !== html) {
          data = Buffer.from(tagged, 'utf8');
          await writeFile(path, data);
        }
      }
      if (!isPrecached(file)) return undefined;
      return {
        url: fileUrl(file),
        bytes: data.length,
        integrity: `sha256-${sha256(data).toString('base64')}`,
      };
    },
  );
  const precached = read.filter((f) => f !== undefined);
  precached.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const version = sha256(precached.map((f) => `${f.url}\t${f.integrity}`).join('\n'))
    .toString('hex')
    .slice(0, 16);
  const manifest: OfflineManifest = {
    version,
    metaCacheTag,
    files: precached,
    bytes: precached.reduce((sum, f) => sum + f.bytes, 0),
  };
  await writeFile(join(distDir, SERVICE_WORKER), serviceWorkerSource(manifest));
  await writeFile(join(distDir, OFFLINE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The worker itself: plain JavaScript, its data inlined so one fetch tells the browser of a new build. */
export function serviceWorkerSource(manifest: OfflineManifest): string {
  const files = JSON.stringify(manifest.files.map((f) => [f.url, f.integrity]));
  return `/* Lectern service worker, written by src/integrations/offline.ts. Do not edit. */
'use strict';
const VERSION = ${JSON.stringify(manifest.version)};
const FILES = ${files};
const SCOPE = new URL('./', self.location.href);
const PREFIX = ${JSON.stringify(CACHE_PREFIX)} + SCOPE.pathname + ':';
const CACHE = PREFIX + VERSION;
const PARALLEL = 6;

async function precache() {
  const cache = await caches.open(CACHE);
  const queue = FILES.slice();
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [path, integrity] = next;
      const url = new URL(path, SCOPE).href;
      // 'reload' skips the HTTP cache; 'integrity' rejects a file from another build.
      const response = await fetch(new Request(url, { cache: 'reload', integrity }));
      if (!response.ok) throw new Error(response.status + ' for ' + url);
      await cache.put(url, response);
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  event.respondWith(answer(request, url));
});

async function answer(request, url) {
  // Pagefind adds ?ts=<metaCacheTag>; a folder's index.html is cached as the folder.
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith('/index.html')) url.pathname = url.pathname.slice(0, -'index.html'.length);
  const cached = await caches.match(url.href, { cacheName: CACHE });
  return cached || fetch(request);
}
`;
}
