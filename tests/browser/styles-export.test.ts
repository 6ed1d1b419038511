/**
 * Citation styles and exports in Chromium, on the /lectern/ build: switch the reference list to
 * APA (remembered across a reload), copy a citation to the clipboard and read it back, download
 * every export of the list and of one entry through its link and parse it back with the bundled
 * citation-js, and fetch each `<link rel="alternate">` target. Without JavaScript the list is
 * NLM and the controls are hidden.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseCitations } from '../../src/lib/cite/citation-js.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';
import { serveInChromium, withFreshPage } from '../helpers/site-in-chromium.ts';

const SLUG = 'bournazou-2013-jakstat';
const BASE = '/lectern/';
const TITLES = [
  'STATs and gene regulation',
  'Stat proteins and oncogenesis',
  'The STATs of cancer--new molecular targets come of age',
];
const APA_1 =
  'Darnell, J. E., Jr. (1997). STATs and gene regulation. Science, 277, 1630–1635. https://doi.org/10.1126/science.277.5332.1630';
const NLM_1 =
  'Darnell JE Jr. STATs and gene regulation. Science. 1997;277:1630–5. doi:10.1126/science.277.5332.1630';

const { site, browser } = serveInChromium(inject('siteLectern'), BASE);
const reviewUrl = (): string => `${site().url}${SLUG}/`;

/** A fresh page (see withFreshPage) that accepts downloads; `javaScriptEnabled` false reads without JS. */
function withPage(
  steps: (page: Page, context: BrowserContext) => Promise<void>,
  javaScriptEnabled = true,
): Promise<void> {
  return withFreshPage(browser(), steps, { acceptDownloads: true, javaScriptEnabled });
}

const visibleEntry = (page: Page, number: number) =>
  page.locator(`#reference-list > li:nth-child(${number}) .reference__entry:visible`);

describe('citation styles', () => {
  it('switches the list to APA and remembers the choice', async () => {
    await withPage(async (page) => {
      await page.goto(reviewUrl());
      const select = page.getByLabel('Citation style');
      await select.waitFor({ state: 'visible' });
      expect(await visibleEntry(page, 1).innerText()).toBe(NLM_1);

      // The page carries NLM only; APA loads from the review's styles/apa.js when picked.
      await select.selectOption({ label: 'APA 7th' });
      await expect.poll(() => visibleEntry(page, 1).innerText()).toBe(APA_1);
      expect(await visibleEntry(page, 1).count()).toBe(1);
      expect(await page.locator('#reference-list .reference__entry:visible').count()).toBe(5);

      await page.reload();
      await select.waitFor({ state: 'visible' });
      expect(await select.inputValue()).toBe('apa');
      expect(await visibleEntry(page, 1).innerText()).toBe(APA_1);

      await select.selectOption({ label: 'AMA' });
      await expect
        .poll(() => visibleEntry(page, 4).innerText())
        .toMatch(/^Sommer J, Effenberger T, Volpi E, et al\. /);
    });
  });

  it('copies a citation in the chosen style and announces it', async () => {
    await withPage(async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(site().url).origin,
      });
      await page.goto(reviewUrl());
      await page.getByLabel('Citation style').selectOption('apa');
      await expect.poll(() => visibleEntry(page, 1).innerText()).toBe(APA_1);
      await page.getByRole('button', { name: 'Copy citation for reference 1' }).click();
      await expect.poll(() => page.locator('[data-copy-status]').innerText()).toBe('Reference 1 copied.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(APA_1);

      await page.getByLabel('Citation style').selectOption('nlm-citation-sequence');
      await page.getByRole('button', { name: 'Copy citation for reference 1' }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(NLM_1);
      // The list writes the controls without numbers; the script names each after its entry.
      await expect
        .poll(() => page.getByRole('link', { name: 'Reference page, downloads for reference 5' }).count())
        .toBe(1);
    });
  });

  it('shows NLM and hides the controls without JavaScript', async () => {
    await withPage(async (page) => {
      await page.goto(reviewUrl());
      expect(await visibleEntry(page, 1).innerText()).toBe(NLM_1);
      expect(await page.locator('[data-style-switcher]').isVisible()).toBe(false);
      expect(await page.locator('[data-copy-citation]:visible').count()).toBe(0);
      // The download links are plain links and work without JavaScript.
      expect(await page.locator('.exports a:visible').count()).toBe(4);
    }, false);
  });
});

describe('exports', () => {
  /** Clicks `link`, waits for the download and returns its file name and text. */
  async function download(
    page: Page,
    link: ReturnType<Page['locator']>,
  ): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /**
   * Reads an export back (BibTeX, RIS and CSL-JSON with the bundled citation-js; NBIB by its
   * TI lines) and returns the titles, checking the first reference's DOI or MEDLINE author.
   */
  function readBack(extension: string, text: string): string[] {
    if (extension === 'nbib') {
      expect(text).toMatch(/^AU {2}- Darnell JE Jr$/m);
      expect(text).toMatch(/^LID - 10\.1126\/science\.277\.5332\.1630 \[doi\]$/m);
      return [...text.matchAll(/^TI {2}- (.*(?:\n {6}.*)*)/gm)].map((m) =>
        (m[1] ?? '').replace(/\n {6}/g, ' '),
      );
    }
    if (extension === 'json') expect(cslProblems(JSON.parse(text))).toEqual([]);
    const items = parseCitations(text);
    expect(items[0]?.DOI).toBe('10.1126/science.277.5332.1630');
    // BibTeX reads "--" as TeX's en dash.
    return items.map((i) => (i.title ?? '').replace(/[{}]/g, '').replace(/–/g, '--'));
  }

  it('downloads the whole list in each format and reads it back', async () => {
    await withPage(async (page) => {
      await page.goto(reviewUrl());
      const links = page.locator('p.exports a');
      expect(await links.allInnerTexts()).toEqual(['BibTeX', 'RIS', 'CSL-JSON', 'MEDLINE/NBIB']);
      for (const extension of ['bib', 'ris', 'json', 'nbib']) {
        const { name, text } = await download(page, page.locator(`p.exports a[data-export="${extension}"]`));
        expect(name).toBe(`references.${extension}`);
        const titles = readBack(extension, text);
        expect(titles, extension).toHaveLength(5);
        expect(titles.slice(0, 3), extension).toEqual(TITLES);
      }
    });
  });

  it('downloads one reference in each format and reads it back', async () => {
    await withPage(async (page) => {
      await page.goto(reviewUrl());
      // The list links each entry's own page, which carries its downloads.
      await page.locator('#reference-list > li').first().locator('a.reference__page').click();
      await page.waitForURL(/\/references\/darnell1997\/$/);
      const first = page.locator('.reference-page');
      await first.getByText('Download', { exact: false }).first().click();
      for (const extension of ['bib', 'ris', 'json', 'nbib']) {
        const { name, text } = await download(page, first.locator(`a[data-export="${extension}"]`));
        expect(name).toBe(`darnell1997.${extension}`);
        expect(readBack(extension, text), extension).toEqual(TITLES.slice(0, 1));
      }
    });
  });

  it('points every <link rel="alternate"> at a file that reads back', async () => {
    await withPage(async (page) => {
      await page.goto(reviewUrl());
      const alternates = await page
        .locator('link[rel="alternate"]')
        .evaluateAll((links) =>
          links.map((l) => ({ type: l.getAttribute('type'), href: (l as HTMLLinkElement).href })),
        );
      expect(alternates.map((a) => a.type).sort()).toEqual([
        'application/nbib',
        'application/vnd.citationstyles.csl+json',
        'application/x-bibtex',
        'application/x-research-info-systems',
      ]);
      for (const { type, href } of alternates) {
        const response = await page.request.get(href);
        expect(response.status(), href).toBe(200);
        const extension = type === 'application/nbib' ? 'nbib' : 'other';
        expect(readBack(extension, await response.text()).slice(0, 3), href).toEqual(TITLES);
      }
    });
  });
});
