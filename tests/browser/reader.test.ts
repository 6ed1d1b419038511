/**
 * A reader's path through the built site in Chromium: library index -> review, the in-page
 * navigation, and Pagefind search. Runs against both builds, each served the way GitHub Pages
 * serves it (the /lectern/ one 404s outside its base), and fails on any console error, uncaught
 * exception, failed request or HTTP error on any page it visits.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSearch } from '../helpers/browser.ts';
import { withFreshPage } from '../helpers/site-in-chromium.ts';
import { serveStatic, type StaticSite } from '../helpers/static-server.ts';

const SLUG = 'bournazou-2013-jakstat';
const TITLE = 'Targeting the tumor microenvironment: JAK-STAT3 signaling';

// The layout checks do not depend on the base, so only the /lectern/ build runs them.
const BUILDS = [
  { name: 'lectern', dir: inject('siteLectern'), base: '/lectern/', layout: true },
  { name: 'root', dir: inject('siteRoot'), base: '/', layout: false },
] as const;
const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

let chromium: Browser | undefined;
const browser = (): Browser => chromium ?? expect.unreachable('Chromium did not start');
beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

describe.each(BUILDS)('reading the $name build', ({ dir, base, layout }) => {
  let server: StaticSite | undefined;
  const site = (): StaticSite => server ?? expect.unreachable('the static server did not start');
  const reviewPath = `${base}${SLUG}/`;

  beforeAll(async () => {
    server = await serveStatic(dir, base);
  });
  afterAll(async () => {
    await server?.close();
  });

  const origin = (): string => new URL(site().url).origin;

  /**
   * Runs `steps` in a fresh browser context and page (a laptop-sized window unless told), and
   * fails on anything that went wrong on any page it visited.
   */
  function withPage(steps: (page: Page) => Promise<void>, viewport = LAPTOP): Promise<void> {
    return withFreshPage(
      browser(),
      async (page) => {
        await steps(page);
        // Let late requests (the search bundle, the index) finish before judging them.
        await page.waitForLoadState('networkidle');
      },
      { viewport },
    );
  }

  /** Waits until the site script has run: it shows the search field (the layout is final then). */
  const settled = (page: Page) => page.locator('#site-search .search__field').waitFor({ state: 'visible' });

  it('follows the library card to the review, whose h1 is its title', async () => {
    await withPage(async (page) => {
      const response = await page.goto(site().url);
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').innerText()).toBe('Library');
      await settled(page);

      const card = page.locator('.card').filter({ hasText: TITLE });
      await card.getByRole('link', { name: TITLE }).click();
      await page.waitForURL(`${origin()}${reviewPath}`);

      expect(await page.locator('h1').allInnerTexts()).toEqual([TITLE]);
      expect(await page.title()).toBe(`${TITLE} · Lectern`);
      await settled(page);
    });
  });

  /** Where `selector` sits relative to the sticky header and the window. */
  const placement = (page: Page, selector: string) =>
    page.evaluate((sel) => {
      const target = document.querySelector(sel);
      const header = document.querySelector('.site-header');
      if (!target || !header) throw new Error(`missing ${sel} or the site header`);
      const box = target.getBoundingClientRect();
      return {
        top: box.top,
        bottom: box.bottom,
        headerBottom: header.getBoundingClientRect().bottom,
        viewportHeight: window.innerHeight,
        scrollY: window.scrollY,
        targetId: document.querySelector(':target')?.id ?? null,
      };
    }, selector);

  it.runIf(layout)('jumps to the figures and to figure 2, showing it below the sticky header', async () => {
    await withPage(async (page) => {
      await page.goto(`${site().url}${SLUG}/`);
      await settled(page);
      const before = await placement(page, '#figure-2');
      expect(before.top, 'figure 2 starts below the fold').toBeGreaterThan(before.viewportHeight);

      await page
        .getByRole('navigation', { name: 'On this page' })
        .getByRole('link', { name: /^Figures/ })
        .click();
      await page.waitForURL((url) => url.hash === '#figures');
      const heading = await placement(page, '#figures');
      expect(heading.targetId).toBe('figures');
      expect(heading.top, 'the Figures heading is not hidden under the header').toBeGreaterThanOrEqual(
        heading.headerBottom - 1,
      );
      expect(heading.bottom).toBeLessThanOrEqual(heading.viewportHeight);

      await page.locator('#figure-2 a.figure__label').click();
      await page.waitForURL((url) => url.hash === '#figure-2');
      expect(new URL(page.url()).pathname).toBe(reviewPath);
      const figure = await placement(page, '#figure-2');
      expect(figure.targetId).toBe('figure-2');
      expect(figure.top, 'figure 2 is not hidden under the header').toBeGreaterThanOrEqual(
        figure.headerBottom - 1,
      );
      expect(figure.top, 'figure 2 is in the viewport').toBeLessThan(figure.viewportHeight);
      expect(figure.scrollY, 'the page scrolled').toBeGreaterThan(0);
    });
  });

  describe.runIf(layout).each([
    { device: 'a laptop', viewport: LAPTOP },
    { device: 'a phone', viewport: PHONE },
  ])('on $device', ({ viewport }) => {
    it('opens deep links with the target in view, below the sticky header', async () => {
      await withPage(async (page) => {
        for (const id of ['figure-2', 'references', 'bib-yu2004']) {
          // A fresh load each time: the browser, not a same-page jump, scrolls to the target.
          await page.goto('about:blank');
          await page.goto(`${site().url}${SLUG}/#${id}`);
          await settled(page);
          const target = await placement(page, `#${id}`);
          expect(target.targetId).toBe(id);
          expect(target.top, `#${id} is not hidden under the header`).toBeGreaterThanOrEqual(
            target.headerBottom - 1,
          );
          expect(target.top, `#${id} is in the viewport`).toBeLessThan(target.viewportHeight);
        }
      }, viewport);
    });
  });

  /**
   * Types `query` and waits for a result with `highlighted` marked in an excerpt (so a result
   * left over from the previous query never counts); returns that result.
   */
  async function search(page: Page, query: string, highlighted: RegExp) {
    const input = await openSearch(page);
    await input.fill(query);
    const result = page
      .locator('#site-search .pagefind-ui__result')
      .filter({ has: page.locator('.pagefind-ui__result-excerpt mark', { hasText: highlighted }) })
      // The library holds several reviews; these queries are about the seed review.
      .filter({ has: page.locator('.pagefind-ui__result-title', { hasText: TITLE }) })
      .first();
    await result.waitFor({ state: 'visible' });
    const link = result.locator('.pagefind-ui__result-link').first();
    const href = await link.getAttribute('href');
    const excerpts = await result.locator('.pagefind-ui__result-excerpt').allInnerTexts();
    return { result, link, href: new URL(href ?? '', page.url()), excerpts };
  }

  it('finds a reference by its author, in its review’s list, and the review by a phrase, and opens it', async () => {
    await withPage(async (page) => {
      await page.goto(site().url);

      const byAuthor = await search(page, 'Darnell', /^Darnell$/i);
      expect(byAuthor.href.origin).toBe(origin());
      // The reference's own record, naming the review, links to its entry in the review's list.
      expect(byAuthor.href.pathname).toBe(reviewPath);
      expect(byAuthor.href.hash).toBe('#bib-darnell1997');
      expect(byAuthor.excerpts.join(' ')).toMatch(/Darnell/);
      expect(await byAuthor.result.locator('.pagefind-ui__result-title').first().innerText()).toBe(
        `STATs and gene regulation (reference 1 in “${TITLE}”)`,
      );

      // A phrase of the review's own text (its reference list is no longer part of its record).
      const byPhrase = await search(page, 'paracrine cytokine', /^paracrine$/i);
      expect(byPhrase.href.pathname).toBe(reviewPath);
      expect(byPhrase.excerpts.join(' ')).toMatch(/paracrine cytokine/i);
      // The matched words are highlighted.
      const marked = await byPhrase.result.locator('mark').allInnerTexts();
      expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['paracrine', 'cytokine']));

      await byPhrase.link.click();
      await page.waitForURL((url) => url.pathname === reviewPath);
      expect(new URL(page.url()).origin).toBe(origin());
      expect(await page.locator('h1').allInnerTexts()).toEqual([TITLE]);
      await settled(page);
    });
  });

  it('answers a query with no match with a message, not an error', async () => {
    await withPage(async (page) => {
      await page.goto(`${site().url}${SLUG}/`);
      const input = await openSearch(page);
      await input.fill('zzqxjv');
      const message = page.locator('#site-search .pagefind-ui__message');
      await message.filter({ hasText: /no results/i }).waitFor({ state: 'visible' });
      expect(await page.locator('#site-search .pagefind-ui__result').count()).toBe(0);
    });
  });
});
