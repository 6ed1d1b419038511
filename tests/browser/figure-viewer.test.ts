/**
 * Figures on the review page of the /lectern/ build, whose content has no figure images: each
 * is a caption card with no viewer (the viewer, for figures with images, is driven in
 * figure-images.test.ts). Also: each figure is a Pagefind sub-result, so a caption match
 * lands on it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { serveInChromium, withFreshPage } from '../helpers/site-in-chromium.ts';

const SLUG = 'dennehy-2011-bmc-microbiol';
const DIR = inject('siteLectern');
const BASE = '/lectern/';

const { site, browser } = serveInChromium(DIR, BASE);

/** A fresh page on the review (see withFreshPage); `javaScriptEnabled` false reads it without JS. */
function withPage(steps: (page: Page) => Promise<void>, javaScriptEnabled = true): Promise<void> {
  return withFreshPage(
    browser(),
    async (page) => {
      await page.goto(`${site().url}${SLUG}/`);
      await steps(page);
    },
    { javaScriptEnabled },
  );
}

describe('caption-only figures (the shipped content has no figure images)', () => {
  it('are clean caption cards with no viewer button and no viewer, with or without JS', async () => {
    for (const javaScriptEnabled of [true, false]) {
      await withPage(async (page) => {
        const figures = page.locator('figure.figure');
        expect(await figures.count()).toBe(4);
        expect(await page.locator('figure.figure :is(img, picture)').count()).toBe(0);
        // No "View Figure 1 in the figure viewer" that would only open the same caption again.
        expect(await page.locator('[data-figure-open]').count()).toBe(0);
        expect(await page.locator('dialog.lightbox').count()).toBe(0);
        expect(await page.locator('#figure-1 figcaption').innerText()).toMatch(
          /^Figure 1\.\s+Schematic presentation of two models/,
        );
        expect(await page.locator('#figure-1').innerText()).not.toMatch(/no image/i);
      }, javaScriptEnabled);
    }
  });

  it('makes each figure a search record that lands on #figure-N', async () => {
    await withPage(async (page) => {
      // A string, so that Vitest does not rewrite the import() for Node.
      const subs = await page.evaluate<[string, string][]>(`(async () => {
        const pagefind = await import('${BASE}pagefind/pagefind.js');
        await pagefind.options({ baseUrl: '${BASE}' });
        const search = await pagefind.search('holin aggregates rafts');
        const data = await Promise.all(search.results.map((r) => r.data()));
        return data.flatMap((d) => d.sub_results.map((s) => [s.url, s.title]));
      })()`);
      expect(subs).toContainEqual([`${BASE}${SLUG}/#figure-1`, 'Figure 1']);
    });
  });
});
