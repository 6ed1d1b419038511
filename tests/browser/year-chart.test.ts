/**
 * The reference list as a bar chart of cited works by year (src/components/YearChart.astro), in
 * Chromium on the /lectern/ build: on the review page and on the reference browser, readable
 * without JS, with its table, zero axe violations in light and dark, no overflow at 320 px; on
 * the reference browser a bar filters the list through the query in the URL, by click and by
 * keyboard.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { serveInChromium, withFreshPage } from '../helpers/site-in-chromium.ts';

const DIR = inject('siteLectern');
const BASE = '/lectern/';
const BMC = 'dennehy-2011-bmc-microbiol';
const SEED = 'bournazou-2013-jakstat';

const { site, browser } = serveInChromium(DIR, BASE);

const chart = (page: Page) => page.getByRole('figure', { name: /^Cited works by/ });
const shown = (page: Page): Promise<number[]> =>
  page
    .locator('.ref-browser__list > li:not([hidden])')
    .evaluateAll((items) => items.map((li) => Number(li.getAttribute('value'))));

describe('the year chart', () => {
  it('is on the review page and the reference browser of both reviews, by decade when the years span wide', async () => {
    await withFreshPage(
      browser(),
      async (page) => {
        for (const path of [`${BMC}/`, `${BMC}/references/`]) {
          await page.goto(`${site().url}${path}`);
          expect(await chart(page).locator('figcaption').innerText()).toMatch(
            /^Cited works by decade: \d+ works from 1930s to 2010s/,
          );
          // The bars are links a screen reader names with their decade and count.
          const bars = chart(page).getByRole('link');
          expect(await bars.first().getAttribute('aria-label')).toMatch(/^1930s: 1 work; show them$/);
          expect(await bars.first().getAttribute('href')).toBe(
            `${BASE}${BMC}/references/?q=${encodeURIComponent('year:1930-1939')}`,
          );
          // The same counts as a table.
          await chart(page).locator('summary').click();
          const table = chart(page).getByRole('table');
          expect(await table.getByRole('rowheader').first().innerText()).toBe('1930s');
        }
        await page.goto(`${site().url}${SEED}/`);
        expect(await chart(page).locator('figcaption').innerText()).toBe(
          'Cited works by year: 5 works from 1997 to 2012.',
        );
        expect(await chart(page).getByRole('link').count()).toBe(5);
        // The review page's chart sits in its references section.
        expect(await page.locator('section:has(#references) .year-chart').count()).toBe(1);
      },
      { javaScriptEnabled: false },
    );
  });

  it('has no axe violations in light and dark, its table open, and fits 320 px', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of [`${SEED}/`, `${BMC}/references/`]) {
        await withFreshPage(
          browser(),
          async (page) => {
            await page.goto(`${site().url}${path}`);
            await chart(page).locator('summary').click();
            const violations = await axeViolations(page);
            expect(
              violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
              `${path} (${colorScheme})`,
            ).toEqual([]);
          },
          { colorScheme },
        );
      }
    }
    await withFreshPage(
      browser(),
      async (page) => {
        await page.goto(`${site().url}${BMC}/references/`);
        const box = await chart(page).locator('svg').boundingBox();
        expect(box?.width).toBeGreaterThan(250);
        expect(box?.width).toBeLessThanOrEqual(320);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      },
      { viewport: { width: 320, height: 640 } },
    );
  });

  it('filters the reference browser to a bar’s decade by click, through the query in the URL', async () => {
    await withFreshPage(browser(), async (page) => {
      await page.goto(`${site().url}${BMC}/references/`);
      await page.locator('.ref-browser--live').waitFor();
      await page.getByLabel('Search the references').fill('bacteriophage');
      await chart(page)
        .getByRole('link', { name: /^1930s:/ })
        .click();
      await page
        .locator('.ref-browser__status')
        .filter({ hasText: /^1 of 64 references/ })
        .waitFor();
      // Words stay; the year term is the bar's. The page did not reload.
      expect(await page.getByLabel('Search the references').inputValue()).toBe(
        'bacteriophage year:1930-1939',
      );
      expect(new URL(page.url()).searchParams.get('q')).toBe('bacteriophage year:1930-1939');
      expect(await shown(page)).toEqual([41]);
      expect(
        await chart(page)
          .getByRole('link', { name: /^1930s:/ })
          .getAttribute('aria-current'),
      ).toBe('true');
    });
  });

  it('filters by keyboard: Tab to a bar, Enter; and a bar’s link opens the filtered browser from the review page', async () => {
    await withFreshPage(browser(), async (page) => {
      await page.goto(`${site().url}${BMC}/references/`);
      await page.locator('.ref-browser--live').waitFor();
      const bar = chart(page).getByRole('link', { name: /^1970s:/ });
      const expected = Number((/: (\d+) works?/.exec((await bar.getAttribute('aria-label')) ?? '') ?? [])[1]);
      // Focus the bar before it by keyboard order, then Tab onto it.
      await chart(page)
        .getByRole('link', { name: /^1950s:/ })
        .focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-year-query'))).toBe(
        'year:1970-1979',
      );
      await page.keyboard.press('Enter');
      await page
        .locator('.ref-browser__status')
        .filter({ hasText: new RegExp(`^${expected} of 64 references`) })
        .waitFor();
      expect((await shown(page)).length).toBe(expected);
      expect(new URL(page.url()).searchParams.get('q')).toBe('year:1970-1979');

      // From the review page the same bar is a link to the browser with that query.
      await page.goto(`${site().url}${BMC}/`);
      await chart(page)
        .getByRole('link', { name: /^1970s:/ })
        .focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/references\/\?q=year%3A1970-1979$/);
      await page
        .locator('.ref-browser__status')
        .filter({ hasText: new RegExp(`^${expected} of 64 references`) })
        .waitFor();
    });
  });
});
