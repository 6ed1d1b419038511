/**
 * axe-core on every page of the /lectern/ build, in the light and the dark colour scheme, and
 * in the states a reader brings about: the search drawer open with results, and "Cite this
 * review" expanded. Any violation fails, with each one spelled out so it can be fixed.
 */
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSearch } from '../helpers/browser.ts';
import { collectPageErrors } from '../helpers/page-errors.ts';
import { serveStatic, type StaticSite } from '../helpers/static-server.ts';

const SLUG = 'bournazou-2013-jakstat';
const DIR = inject('siteLectern');
const BASE = '/lectern/';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
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

async function runAxe(page: Page): Promise<axe.Result[]> {
  // Through DevTools, not an inline <script>: the Content-Security-Policy (rightly) blocks those.
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const { axe: inPage } = window as unknown as { axe: typeof axe };
    const results = await inPage.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations;
  }, TAGS);
}

let chromium: Browser | undefined;
let server: StaticSite | undefined;
const browser = (): Browser => chromium ?? expect.unreachable('Chromium did not start');
const site = (): StaticSite => server ?? expect.unreachable('the static server did not start');

beforeAll(async () => {
  server = await serveStatic(DIR, BASE);
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

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
    const context = await browser().newContext({
      colorScheme: scheme,
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      await page.goto(`${site().url}${path}`);
      // The search field is part of every page (Pagefind's UI replaces it on first focus).
      await page.locator('#site-search .search__field').waitFor({ state: 'visible' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        scheme === 'dark',
      );
      await prepare?.(page);
      const violations = await runAxe(page);
      expect(violations.map(describeViolation), `axe violations on ${BASE}${path} (${scheme})`).toEqual([]);
      expect(errors.problems, 'console errors, page errors and failed requests').toEqual([]);
    } catch (error) {
      throw errors.annotate(error);
    } finally {
      await context.close();
    }
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
