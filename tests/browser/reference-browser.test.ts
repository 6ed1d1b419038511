/**
 * The reference browser (/<slug>/references/) and the reference pages, in Chromium on the
 * /lectern/ build: filters and sorts through Pagefind's JS API with an empty query, the query
 * syntax, the state in the URL, the plain list without JS, and a reference page's links back
 * to the passages that cite it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { serveInChromium, withFreshPage } from '../helpers/site-in-chromium.ts';

const SLUG = 'dennehy-2011-bmc-microbiol';
const DIR = inject('siteLectern');
const BASE = '/lectern/';

const { site, browser } = serveInChromium(DIR, BASE);

/** A fresh page (see withFreshPage); `javaScriptEnabled` false reads the site without JS. */
function withPage(steps: (page: Page) => Promise<void>, javaScriptEnabled = true): Promise<void> {
  return withFreshPage(browser(), steps, { javaScriptEnabled });
}

const status = (page: Page) => page.locator('.ref-browser__status');
/** The reference numbers shown, in the order shown. */
const shown = (page: Page): Promise<number[]> =>
  page
    .locator('.ref-browser__list > li:not([hidden])')
    .evaluateAll((items) => items.map((li) => Number(li.getAttribute('value'))));
/** Waits for the status line to match, i.e. for the search the last change started to land. */
const settled = async (page: Page, pattern: RegExp): Promise<void> => {
  await status(page).filter({ hasText: pattern }).waitFor();
};

describe('the reference browser', () => {
  it('without JS is the plain list, in the review’s order, each linking its page', async () => {
    await withPage(async (page) => {
      await page.goto(`${site().url}${SLUG}/references/`);
      expect(await page.locator('.ref-browser__controls').isVisible()).toBe(false);
      const numbers = await shown(page);
      expect(numbers).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
      expect(await page.locator('.ref-card__title').first().getAttribute('href')).toBe(
        `${BASE}${SLUG}/references/avery2006/`,
      );
    }, false);
  });

  it('filters with an empty query, combines filters and sorts', async () => {
    await withPage(async (page) => {
      await page.goto(`${site().url}${SLUG}/references/`);
      const form = page.getByRole('form', { name: 'Search, filter and sort the references' });
      await form.waitFor();
      // Browsing by a filter alone: no words typed.
      await form
        .getByRole('group', { name: 'Type' })
        .getByLabel(/^Book \(/)
        .check();
      await settled(page, /^1 of 64 references, 1 filter set/);
      expect(await shown(page)).toEqual([56]);
      expect(new URL(page.url()).searchParams.getAll('type')).toEqual(['Book']);

      // Values of one filter widen the choice (any of them); filters narrow it (all of them).
      await form
        .getByRole('group', { name: 'Type' })
        .getByLabel(/^Book chapter/)
        .check();
      await settled(page, /^3 of 64 references, 1 filter set/);
      expect(await shown(page)).toEqual([36, 53, 56]);
      await form
        .getByRole('group', { name: 'Decade' })
        .getByLabel(/^1980s/)
        .check();
      await settled(page, /^2 of 64 references, 2 filters set/);
      expect(await shown(page)).toEqual([36, 53]);
      // The counts beside each value follow the results.
      expect(
        await page.locator('fieldset[data-filter="type"] [data-count-for="Book chapter"]').innerText(),
      ).toBe('(2)');

      await page.getByRole('button', { name: 'Clear search and filters' }).click();
      await settled(page, /^64 references, sorted by number/);
      expect(await shown(page)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));

      await form.getByRole('group', { name: 'Has' }).getByLabel(/^DOI/).check();
      await page.getByLabel('Sort by').selectOption('year-desc');
      await settled(page, /sorted by year, newest first/);
      const years = await page
        .locator('.ref-browser__list > li:not([hidden]) .ref-card__meta')
        .evaluateAll((metas) => metas.map((m) => Number(/\d{4}/.exec(m.textContent)?.[0])));
      expect(years.length).toBeGreaterThan(1);
      expect(years).toEqual([...years].sort((a, b) => b - a));

      await page.getByLabel('Sort by').selectOption('author');
      await settled(page, /sorted by first author/);
      // First authors' family names, as the sort key spells them (no diacritics); ties keep any order.
      const authors = await page
        .locator('.ref-browser__list > li:not([hidden]) .ref-card__entry')
        .evaluateAll((entries) =>
          entries.map((e) =>
            (e.textContent.split(/[\s,.]/)[0] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
          ),
        );
      expect(authors.length).toBeGreaterThan(1);
      expect(authors).toEqual([...authors].sort());
    });
  });

  it('reads the query syntax: author:, year: ranges, doi:, pmid: and words', async () => {
    await withPage(async (page) => {
      await page.goto(`${site().url}${SLUG}/references/`);
      const input = page.getByLabel('Search the references');
      await expect.poll(() => input.isVisible()).toBe(true);
      expect(await page.getByText('year:1997-2004').first().isVisible()).toBe(true);

      await input.fill('author:young year:1990-2005');
      await settled(page, /by young, from 1990–2005/);
      expect(await shown(page)).toEqual([26, 27, 28, 31, 32, 33, 37, 44, 45]);

      await input.fill('doi:10.1128/JB.185.3.779-787.2003');
      await settled(page, /with DOI/);
      expect(await shown(page)).toEqual([28]);

      await input.fill('pmid:12533453');
      await settled(page, /with PubMed ID 12533453/);
      expect(await shown(page)).toEqual([28]);

      await input.fill('holin author:wang');
      await settled(page, /matching “holin”, by wang/);
      const holin = await shown(page);
      expect(holin.length).toBeGreaterThan(0);
      for (const n of holin) {
        const text = await page.locator(`.ref-browser__list > li[value="${n}"]`).innerText();
        expect(text).toMatch(/holin/i);
        expect(text).toMatch(/Wang/);
      }

      await input.fill('year:1800-1801');
      await settled(page, /^0 of 64/);
      expect(await page.getByText('No reference matches').isVisible()).toBe(true);

      await input.fill('year:soon');
      await settled(page, /not a year/);

      // The state is in the URL: a reload shows the same view.
      await input.fill('author:young year:1990-2005');
      await settled(page, /by young/);
      await page.reload();
      await settled(page, /^9 of 64 references by young/);
      expect(await input.inputValue()).toBe('author:young year:1990-2005');
    });
  });
});

describe('a reference page', () => {
  it('shows the entry, its links and where the review cites it, each linking back', async () => {
    await withPage(async (page) => {
      await page.goto(`${site().url}${SLUG}/references/wang2003/`);
      expect(await page.locator('h1').innerText()).toBe(
        'Sizing the holin lesion with an endolysin-β-galactosidase fusion',
      );
      expect(await page.locator('.reference-page__entry').innerText()).toMatch(
        /^Wang IN, Deaton J, Young R\./,
      );
      const links = page.getByRole('list', { name: 'Links for reference 28' }).getByRole('link');
      expect(await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual([
        'https://doi.org/10.1128/JB.185.3.779-787.2003',
        'https://pubmed.ncbi.nlm.nih.gov/12533453/',
        'https://europepmc.org/article/MED/12533453',
      ]);
      const sites = page.locator('.cited-in > li > a');
      expect(await sites.count()).toBeGreaterThanOrEqual(3);
      expect(await sites.allInnerTexts()).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Background, citation/),
          expect.stringMatching(/^Figure 1 caption/),
        ]),
      );
      const first = await sites.first().getAttribute('href');
      await sites.first().click();
      await page.waitForURL((url) => url.pathname === `${BASE}${SLUG}/`);
      const id = new URL(first ?? '', page.url()).hash.slice(1);
      expect(await page.locator(`[id="${id}"]`).innerText()).toContain('28');
      expect(await page.evaluate(() => document.querySelector(':target')?.className)).toBe('citation');
    });
  });

  it('is a Pagefind record of its own with its filters, linking into the review’s list', async () => {
    await withPage(async (page) => {
      await page.goto(`${site().url}${SLUG}/references/`);
      // A string, so that Vitest does not rewrite the import() for Node.
      const result = await page.evaluate<
        { url: string; meta: Record<string, string>; filters: Record<string, string[]> }[]
      >(`(async () => {
        const pagefind = await import('${BASE}pagefind/pagefind.js');
        await pagefind.options({ baseUrl: '${BASE}' });
        const search = await pagefind.search(null, { filters: { pmid: '12533453' } });
        return Promise.all(search.results.map((r) => r.data()));
      })()`);
      const ranked = await page.evaluate<string[]>(`(async () => {
        const pagefind = await import('${BASE}pagefind/pagefind.js');
        const search = await pagefind.search('holin');
        return Promise.all(search.results.map(async (r) => (await r.data()).url));
      })()`);
      // The review that discusses holins first, then the references about them, each linking
      // to its entry in the review's list: Pagefind's default ranking, no options.
      expect(ranked[0]).toBe(`${BASE}${SLUG}/`);
      expect(ranked.length).toBeGreaterThan(1);
      for (const url of ranked.slice(1)) expect(url).toMatch(new RegExp(`^${BASE}${SLUG}/#bib-`));
      expect(result).toHaveLength(1);
      expect(result[0]?.url).toBe(`${BASE}${SLUG}/#bib-wang2003`);
      // It names the review citing it (by a filter value: shown, not searched).
      expect(result[0]?.meta).toEqual({
        reference: 'Sizing the holin lesion with an endolysin-β-galactosidase fusion',
        number: '28',
        ref: 'wang2003',
      });
      expect(result[0]?.filters).toMatchObject({
        cited_in: ['Factors influencing lysis time stochasticity in bacteriophage λ'],
        year: ['2003'],
        decade: ['2000s'],
        journal: ['J Bacteriol'],
        type: ['Journal article'],
        review: [SLUG],
      });
    });
  });
});
