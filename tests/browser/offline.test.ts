/**
 * The service worker, in Chromium, on the /lectern/ build served as GitHub Pages serves a project
 * site: (a) it registers with the base as its scope and search answers; (b) after one online visit
 * the reader, search included, works with the network off and the server gone; (c) a new build
 * replaces the cached one: new cache name, old cache deleted, new pages and the new index.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeServiceWorker, type OfflineManifest } from '../../src/integrations/offline.ts';
import { indexSite } from '../../src/integrations/pagefind.ts';
import { launchChromium, openSearch } from '../helpers/browser.ts';
import { withFreshPage } from '../helpers/site-in-chromium.ts';
import { serveStatic, type StaticSite } from '../helpers/static-server.ts';

const SLUG = 'bournazou-2013-jakstat';
const TITLE = 'Targeting the tumor microenvironment: JAK-STAT3 signaling';
const DIR = inject('siteLectern');
const BASE = '/lectern/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const readManifest = async (dir: string): Promise<OfflineManifest> =>
  JSON.parse(await readFile(join(dir, 'offline-manifest.json'), 'utf8')) as OfflineManifest;

/** A fresh context and page (see withFreshPage). */
function withPage(steps: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  return withFreshPage(browser, steps);
}

/**
 * Waits until a service worker is active and controls the page (installation, which fills the
 * cache, is over by then); returns its scope and script and this site's caches with their sizes.
 */
async function serviceWorkerState(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const caches_ = await Promise.all(
      (await caches.keys()).map(async (name) => ({
        name,
        entries: (await (await caches.open(name)).keys()).length,
      })),
    );
    return {
      scope: registration.scope,
      script: registration.active?.scriptURL ?? null,
      caches: caches_,
    };
  });
}

/** Types `query` into Pagefind's box and returns the first result's title and link. */
async function pagefindSearch(page: Page, query: string): Promise<{ title: string; href: string }> {
  const input = await openSearch(page);
  await input.fill(query);
  const result = page
    .locator('#site-search .pagefind-ui__result')
    .filter({ has: page.locator('mark', { hasText: new RegExp(`^${query}$`, 'i') }) })
    .first();
  await result.waitFor({ state: 'visible' });
  const link = result.locator('.pagefind-ui__result-link').first();
  return { title: await link.innerText(), href: (await link.getAttribute('href')) ?? '' };
}

describe('the service worker of the /lectern/ build', () => {
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveStatic(DIR, BASE);
  });
  afterAll(async () => {
    await site.close();
  });

  it('(a) registers with the base path as its scope, precaches the manifest, and search answers', async () => {
    const manifest = await readManifest(DIR);
    await withPage(async (page) => {
      await page.goto(site.url);
      const state = await serviceWorkerState(page);
      expect(state.scope).toBe(site.url);
      expect(state.script).toBe(`${site.url}sw.js`);
      expect(state.caches).toEqual([
        { name: `lectern:${BASE}:${manifest.version}`, entries: manifest.files.length },
      ]);

      // The reference's record, naming its review, links into the review's list.
      const hit = await pagefindSearch(page, 'Darnell');
      expect(hit.title).toContain(TITLE);
      expect(new URL(hit.href, page.url()).pathname).toBe(`${BASE}${SLUG}/`);
      await page.waitForLoadState('networkidle');
    });
  });
});

describe('after one online visit', () => {
  it('(b) reloads, navigates and searches with the network off and the server stopped', async () => {
    const site = await serveStatic(DIR, BASE);
    let stopped: Promise<void> | undefined;
    const stop = (): Promise<void> => (stopped ??= site.close());
    try {
      await withPage(async (page, context) => {
        await page.goto(site.url);
        await serviceWorkerState(page);

        await stop();
        await context.setOffline(true);

        await page.reload();
        expect(await page.locator('h1').innerText()).toBe('Library');
        await page.locator('.card').getByRole('link', { name: TITLE }).click();
        await page.waitForURL(`${site.url}${SLUG}/`);
        expect(await page.locator('h1').allInnerTexts()).toEqual([TITLE]);
        // The stylesheet came from the cache too.
        expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).position)).toBe(
          'sticky',
        );

        // Another citation style loads from the cache too.
        await page.getByLabel('Citation style').selectOption('apa');
        await expect
          .poll(() => page.locator('#bib-darnell1997 .reference__entry:visible').innerText())
          .toMatch(/^Darnell, J\. E\., Jr\. \(1997\)/);

        const hit = await pagefindSearch(page, 'Darnell');
        expect(hit.title).toContain(TITLE);
        await page.locator('#site-search .pagefind-ui__result-link').first().click();
        await page.waitForURL((url) => url.pathname === `${BASE}${SLUG}/`);
        expect(await page.locator('h1').allInnerTexts()).toEqual([TITLE]);
      });
    } finally {
      await stop();
    }
  });
});

describe('a new deploy', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-update-'));
    await cp(DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * Changes the review as a new build would: a new paragraph on the page, the Pagefind index
   * rebuilt from scratch, the service worker written again.
   */
  async function deployRevision(): Promise<OfflineManifest> {
    const page = join(dir, SLUG, 'index.html');
    const html = await readFile(page, 'utf8');
    const revised = html.replace(
      /(<article\b[^>]*data-pagefind-body[^>]*>)/,
      '$1<p id="revision-note">Revised edition: quokkaberry corrigendum.</p>',
    );
    expect(revised).not.toBe(html);
    await writeFile(page, revised);
    await rm(join(dir, 'pagefind'), { recursive: true, force: true });
    await indexSite(dir);
    return writeServiceWorker(dir);
  }

  it('(c) replaces the cached version: new cache, old one deleted, new pages and index', async () => {
    const site = await serveStatic(dir, BASE);
    try {
      await withPage(async (page) => {
        const before = await readManifest(dir);
        await page.goto(site.url);
        expect((await serviceWorkerState(page)).caches.map((c) => c.name)).toEqual([
          `lectern:${BASE}:${before.version}`,
        ]);
        await page.goto(`${site.url}${SLUG}/`);
        expect(await page.locator('#revision-note').count()).toBe(0);

        const after = await deployRevision();
        expect(after.version).not.toBe(before.version);
        expect(after.metaCacheTag).not.toBe(before.metaCacheTag);

        // The next navigation checks for a new worker; once it has taken over, the page reloads
        // itself from the new cache.
        await page.goto(`${site.url}${SLUG}/`);
        await page.locator('#revision-note').waitFor({ state: 'attached', timeout: 20_000 });
        await page.waitForLoadState('load');

        const state = await serviceWorkerState(page);
        expect(state.caches).toEqual([
          { name: `lectern:${BASE}:${after.version}`, entries: after.files.length },
        ]);
        const entry = await readFile(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8');
        const cachedEntry = await page.evaluate(
          async (url) => (await caches.match(url))?.text(),
          `${site.url}pagefind/pagefind-entry.json`,
        );
        expect(cachedEntry, 'the cached index is the new one').toBe(entry);
        expect(
          await page.locator('#site-search').getAttribute('data-meta-cache-tag'),
          'the page asks for the new index',
        ).toBe(after.metaCacheTag);

        const hit = await pagefindSearch(page, 'quokkaberry');
        expect(hit.title).toBe(TITLE);
      });
    } finally {
      await site.close();
    }
  });
});
