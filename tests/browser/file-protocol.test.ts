/**
 * The built site opened from disk (file://), in Chromium: styles and scripts load, the library
 * card opens the review's index.html, and search answers from the script-loaded fallback index
 * (Pagefind cannot run over file://). Also checks the downloadable zip against the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listFiles } from '../../src/integrations/file-protocol.ts';
import { launchChromium } from '../helpers/browser.ts';
import { collectPageErrors } from '../helpers/page-errors.ts';
import { endOfCentralDirectory, unzip } from '../helpers/read-zip.ts';

const SLUG = 'bournazou-2013-jakstat';
const TITLE = 'Targeting the tumor microenvironment: JAK-STAT3 signaling';
const BUILDS = [
  { name: 'lectern', dir: inject('siteLectern') },
  { name: 'root', dir: inject('siteRoot') },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe.each(BUILDS)('the $name build opened from disk', ({ dir }) => {
  it('(d) opens the index, follows the card to the review, and searches the fallback index', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    try {
      const index = pathToFileURL(join(dir, 'index.html')).href;
      await page.goto(index);
      expect(await page.locator('h1').innerText()).toBe('Library');
      expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).position)).toBe('sticky');

      await page.locator('.card').getByRole('link', { name: TITLE }).click();
      const review = pathToFileURL(join(dir, SLUG, 'index.html')).href;
      await page.waitForURL(review);
      expect(await page.locator('h1').allInnerTexts()).toEqual([TITLE]);

      // Another citation style loads from its script file next to the page.
      await page.getByLabel('Citation style').selectOption('apa');
      // Entries far from the screen are not laid out (content-visibility), so not :visible.
      await page.locator('#bib-darnell1997').scrollIntoViewIfNeeded();
      await expect
        .poll(() => page.locator('#bib-darnell1997 .reference__entry:visible').innerText())
        .toMatch(/^Darnell, J\. E\., Jr\. \(1997\)/);

      const input = page.locator('#site-search input[type="search"]');
      await expect.poll(() => input.isEnabled()).toBe(true);
      await input.fill('Darnell');
      const result = page.locator('.file-search__result').filter({ hasText: TITLE }).first();
      await result.waitFor({ state: 'visible' });
      expect(await result.locator('mark').allInnerTexts()).toContain('Darnell');
      expect(await result.innerText()).toMatch(/Reference: .*Darnell JE/);

      // A reference hit links to the entry on the review's page.
      const reference = result.locator('.file-search__excerpt a').filter({ hasText: 'Reference' }).first();
      expect(await reference.getAttribute('href')).toBe(`${review}#bib-darnell1997`);

      await page.locator('.site-name').click();
      await page.waitForURL(index);
      expect(errors.problems, 'console errors, page errors and failed requests').toEqual([]);
    } finally {
      errors.dispose();
      await context.close();
    }
  });

  it('offers the whole site as a zip whose files match the build', async () => {
    const zip = readFileSync(join(dir, 'lectern-site.zip'));
    // The central directory, found through the end-of-central-directory record.
    expect(zip.readUInt32LE(endOfCentralDirectory(zip))).toBe(0x06054b50);
    const files = unzip(zip);
    // Everything but the zip itself and each reference's own export files (the whole list's
    // exports hold the same entries; four files per reference would pass ZIP's entry limit).
    const all = await listFiles(dir);
    const entryExport = /^[^/]+\/references\/[^/]+\.(?:bib|ris|nbib|json)$/;
    expect(all.filter((f) => entryExport.test(f)).length).toBeGreaterThan(0);
    const expected = all.filter((f) => f !== 'lectern-site.zip' && !entryExport.test(f));
    expect([...files.keys()]).toEqual(expected.map((f) => `lectern-site/${f}`));
    expect(expected).toEqual(expect.arrayContaining(['bournazou-2013-jakstat/references.bib']));
    for (const file of expected) {
      expect(files.get(`lectern-site/${file}`)?.equals(readFileSync(join(dir, file))), file).toBe(true);
    }
  });
});
