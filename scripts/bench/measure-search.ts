/**
 * Search as a reader meets it: the built site served on loopback, Chromium loading Pagefind's
 * JS API, each query timed (performance.now in the page) from the call to the data of its first
 * 5 results, with the bytes the browser fetched for it, the worker's fetches included.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { serveStatic } from '../../tests/helpers/static-server.ts';

export interface QueryMeasure {
  query: string;
  ms: number;
  /** Bytes over the wire (headers included), and of bodies alone. */
  transferBytes: number;
  bodyBytes: number;
  results: number;
  requests: number;
}

/** Queries in this order: the first pays for the runtime, WASM and metadata. */
export const SEARCH_QUERIES = [
  'metastasis',
  'STAT3',
  'macrophages',
  'breast cancer',
  'kinase inhibitor',
  'Bromberg',
  'hypoxia',
  'biofilm',
] as const;

/** A blank page on the site's origin, so Pagefind loads only when the measurement asks. */
const BLANK = '__bench_blank__.html';

/**
 * One cold-cache session: a fresh browser context, every query in turn. Pagefind fetches from a
 * web worker, whose requests the page's Resource Timing does not see; Playwright's network events
 * do. The server sends files as they are on disk, so a response's body is the file's size.
 */
async function session(browser: Browser, siteUrl: string, dist: string): Promise<QueryMeasure[]> {
  const context = await browser.newContext();
  const fetched: { url: string; headerBytes: number }[] = [];
  let pending = 0;
  context.on('request', () => (pending += 1));
  context.on('requestfailed', () => (pending -= 1));
  context.on('requestfinished', (request) => {
    void request
      .sizes()
      .then((sizes) => fetched.push({ url: request.url(), headerBytes: sizes.responseHeadersSize }))
      .catch(() => fetched.push({ url: request.url(), headerBytes: 0 }))
      .finally(() => (pending -= 1));
  });
  try {
    const page = await context.newPage();
    await page.route(`${siteUrl}${BLANK}`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }),
    );
    await page.goto(`${siteUrl}${BLANK}`);
    const measures: QueryMeasure[] = [];
    for (const query of SEARCH_QUERIES) {
      fetched.length = 0;
      const { ms, results } = await page.evaluate(
        async ({ bundle, query }) => {
          interface Result {
            data(): Promise<unknown>;
          }
          interface Pagefind {
            search(q: string): Promise<{ results: Result[] }>;
          }
          const w = window as unknown as { __pagefind?: Pagefind };
          const started = performance.now();
          w.__pagefind ??= (await import(bundle)) as Pagefind;
          const search = await w.__pagefind.search(query);
          await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
          return { ms: performance.now() - started, results: search.results.length };
        },
        { bundle: `${siteUrl}pagefind/pagefind.js`, query },
      );
      // The last network events may arrive just after the page saw its data; not timed.
      for (let i = 0; i < 100 && pending > 0; i++) await new Promise((r) => setTimeout(r, 20));
      let bodyBytes = 0;
      let headerBytes = 0;
      for (const f of fetched) {
        headerBytes += Math.max(0, f.headerBytes);
        const path = decodeURIComponent(new URL(f.url).pathname);
        const file = join(dist, path);
        if (path.startsWith('/') && existsSync(file) && statSync(file).isFile())
          bodyBytes += statSync(file).size;
      }
      measures.push({
        query,
        ms,
        transferBytes: bodyBytes + headerBytes,
        bodyBytes,
        results,
        requests: fetched.length,
      });
    }
    return measures;
  } finally {
    await context.close();
  }
}

/** `runs` cold sessions against `dist` served on loopback. */
export async function measureSearch(dist: string, runs: number): Promise<QueryMeasure[][]> {
  const site = await serveStatic(dist, '/');
  const browser = await launchChromium();
  try {
    const sessions: QueryMeasure[][] = [];
    for (let i = 0; i < runs; i++) sessions.push(await session(browser, site.url, dist));
    return sessions;
  } finally {
    await browser.close();
    await site.close();
  }
}
