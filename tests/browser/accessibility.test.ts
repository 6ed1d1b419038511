/**
 * axe-core on every page of the /lectern/ build, in the light and the dark colour scheme, and
 * in the states a reader brings about: the search drawer open with results, and "Cite this
 * review" expanded. Any violation fails, with each one spelled out so it can be fixed.
 */
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { openSearch } from '../helpers/browser.ts';
import { serveInChromium, withFreshPage } from '../helpers/site-in-chromium.ts';

const SLUG = 'bournazou-2013-jakstat';
const DIR = inject('siteLectern');
const BASE = '/lectern/';

const SCHEMES = ['light', 'dark'] as const;

/** Every page of the build, as a path under the base ("", "bournazou-2013-jakstat/"). */
function sitePages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter(
      (path) => (path === 'index.html' || path.endsWith('/index.html')) && !path.startsWith('pagefind/'),
    )
    .map((path) => path.slice(0, -'index.html'.length))
    .sort();
}
/**
 * The pages to check: all but the per-reference permalinks, of which the first and the last of
 * each review stand for the rest (one template; checking all of them took six minutes).
 */
function samplePages(pages: string[]): string[] {
  const permalink = /^([^/]+)\/references\/[^/]+\/$/;
  const byReview = new Map<string, string[]>();
  for (const page of pages) {
    const review = permalink.exec(page)?.[1];
    if (review !== undefined) byReview.set(review, [...(byReview.get(review) ?? []), page]);
  }
  const sample = [...byReview.values()].flatMap((list) => [list[0] ?? '', list.at(-1) ?? '']);
  return [...new Set([...pages.filter((p) => !permalink.test(p)), ...sample])].sort();
}
const PAGES = samplePages(sitePages(DIR));

/** A violation as text: id, impact, help, then each offending element and what is wrong with it. */
function describeViolation(v: axe.Result): string {
  const nodes = v.nodes.map(
    (n) => `  at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ').trim() ?? ''}`,
  );
  return [`[${v.impact ?? 'no impact'}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes].join('\n');
}

const { site, browser } = serveInChromium(DIR, BASE);

it('finds the pages to check', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['', `${SLUG}/`, `${SLUG}/references/`]));
  expect(PAGES.filter((p) => p.startsWith(`${SLUG}/references/`)).length).toBe(3);
});

describe.each(SCHEMES)('in the %s colour scheme', (scheme) => {
  /**
   * Loads `path`, waits for the search UI, lets `prepare` change the page's state, runs axe and
   * fails on any violation; also fails on console errors and failed requests, which would mean
   * axe saw a broken page.
   */
  async function check(path: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
    await withFreshPage(
      browser(),
      async (page) => {
        await page.goto(`${site().url}${path}`);
        // The search field is part of every page (Pagefind's UI replaces it on first focus).
        await page.locator('#site-search .search__field').waitFor({ state: 'visible' });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          scheme === 'dark',
        );
        await prepare?.(page);
        const violations = await axeViolations(page);
        expect(violations.map(describeViolation), `axe violations on ${BASE}${path} (${scheme})`).toEqual([]);
      },
      { colorScheme: scheme },
    );
  }

  it.each(PAGES)(`has no violations on ${BASE}%s as loaded`, async (path) => {
    await check(path);
  });

  it('has no violations with the search drawer open on the review page', async () => {
    await check(`${SLUG}/`, async (page) => {
      await (await openSearch(page)).fill('STAT3');
      await page.locator('#site-search .pagefind-ui__result').first().waitFor({ state: 'visible' });
      // Pagefind fills the excerpts in after the result titles.
      await page
        .locator('#site-search .pagefind-ui__result-excerpt mark')
        .first()
        .waitFor({ state: 'visible' });
    });
  });

  it('has no violations with "Cite this review" expanded', async () => {
    await check(`${SLUG}/`, async (page) => {
      await page.getByText('Cite this review').click();
      await page.locator('.cite-this__text').waitFor({ state: 'visible' });
    });
  });
});
