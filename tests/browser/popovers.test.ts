/**
 * Citation and figure popovers on the review page, in Chromium on the /lectern/ build, against
 * WCAG 2.2 SC 1.4.13: they open on hover, keyboard focus and tap; Esc dismisses them; the pointer
 * can move onto them; they stay until hover and focus leave. Without JS, a citation is a link.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { serveInChromium, withFreshPage } from '../helpers/site-in-chromium.ts';

const SLUG = 'dennehy-2011-bmc-microbiol';
const DIR = inject('siteLectern');
const BASE = '/lectern/';

const { site, browser } = serveInChromium(DIR, BASE);

/** A fresh page on the review (see withFreshPage), with `options` for its browser context. */
function withPage(steps: (page: Page) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  return withFreshPage(
    browser(),
    async (page) => {
      await page.goto(`${site().url}${SLUG}/`);
      await steps(page);
    },
    options,
  );
}

const popover = (page: Page) => page.locator('#cite-pop');
const isOpen = (page: Page): Promise<boolean> =>
  popover(page)
    .evaluate((p) => p.matches(':popover-open'))
    .catch(() => false);
/** The citation of reference 28 (Wang 2003) in the Background section. */
const citation28 = (page: Page) => page.locator('#citation--wang2003--savva2008--9 a.citation-link').first();

describe('citation popovers', () => {
  it('open on keyboard focus, let Tab reach their links, and close on Esc', async () => {
    await withPage(async (page) => {
      const link = citation28(page);
      // Focus the link before it with the mouse-free path, then Tab onto the citation.
      await link.evaluate((a) => {
        const before = document.createElement('a');
        before.href = '#';
        before.id = 'tab-start';
        before.textContent = 'start';
        a.before(before);
      });
      await page.locator('#tab-start').focus();
      await page.keyboard.press('Tab');
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
      await expect.poll(() => isOpen(page)).toBe(true);
      expect(await link.getAttribute('aria-expanded')).toBe('true');
      expect(await popover(page).getAttribute('role')).toBe('dialog');
      const text = await popover(page).innerText();
      expect(text).toMatch(/^Reference 28/);
      expect(text).toContain('Wang IN, Deaton J, Young R. Sizing the holin lesion');
      const hrefs = await popover(page)
        .getByRole('link')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(hrefs).toEqual([
        'https://doi.org/10.1128/JB.185.3.779-787.2003',
        'https://pubmed.ncbi.nlm.nih.gov/12533453/',
        '#bib-wang2003',
        `${BASE}${SLUG}/references/wang2003/`,
      ]);

      // Tab moves into the popover, which stays open.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('DOI');
      expect(await isOpen(page)).toBe(true);
      // Esc closes it and gives the focus back to the citation.
      await page.keyboard.press('Escape');
      expect(await isOpen(page)).toBe(false);
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
      expect(await link.getAttribute('aria-expanded')).toBeNull();

      // Tabbing past its four links closes it; the next citation, reference 29, opens its own.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect.poll(() => isOpen(page)).toBe(true);
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
      expect(await link.getAttribute('aria-expanded')).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#bib-savva2008');
      expect(await popover(page).innerText()).toMatch(/^Reference 29/);
      await page.keyboard.press('Escape');
      expect(await isOpen(page)).toBe(false);
    });
  });

  it('open on hover, stay while the pointer moves onto them, close when it leaves or on Esc', async () => {
    await withPage(async (page) => {
      const link = citation28(page);
      await link.scrollIntoViewIfNeeded();
      await link.hover();
      await expect.poll(() => isOpen(page)).toBe(true);
      // Move onto the popover, in small steps, across the gap.
      const box = await popover(page).boundingBox();
      if (!box) throw new Error('the popover has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
      await page.waitForTimeout(700);
      expect(await isOpen(page), 'still open with the pointer on it').toBe(true);
      // The reader can select and follow its links.
      expect(await popover(page).getByRole('link', { name: 'DOI' }).isVisible()).toBe(true);
      // Leaving both closes it, after a short grace period.
      await page.mouse.move(5, 890, { steps: 4 });
      await expect.poll(() => isOpen(page)).toBe(false);

      await link.hover();
      await expect.poll(() => isOpen(page)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await isOpen(page)).toBe(false);
      // A mouse click still follows the link to the entry.
      await link.click();
      await page.waitForURL((url) => url.hash === '#bib-wang2003');
    });
  });

  it('open on a first tap and follow the link on a second', async () => {
    await withPage(
      async (page) => {
        const link = citation28(page);
        await link.scrollIntoViewIfNeeded();
        await link.tap();
        await expect.poll(() => isOpen(page)).toBe(true);
        expect(new URL(page.url()).hash).toBe('');
        // A tap elsewhere dismisses it.
        await page.locator('h1').tap();
        await expect.poll(() => isOpen(page)).toBe(false);
        await link.tap();
        await expect.poll(() => isOpen(page)).toBe(true);
        await link.tap();
        await page.waitForURL((url) => url.hash === '#bib-wang2003');
      },
      { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } },
    );
  });

  it('show a figure’s caption on its references in the text', async () => {
    await withPage(async (page) => {
      const link = page.locator('.full-text a[href="#figure-2"]').first();
      await link.scrollIntoViewIfNeeded();
      await link.hover();
      await expect.poll(() => isOpen(page)).toBe(true);
      const text = await popover(page).innerText();
      expect(text).toMatch(/^Figure 2/);
      expect(text).toContain(await page.locator('#figure-2 .figure__caption').innerText());
      expect(await popover(page).locator('[id]:not(#cite-pop-label)').count()).toBe(0);
      expect(await popover(page).getByRole('link', { name: 'Go to Figure 2' }).getAttribute('href')).toBe(
        '#figure-2',
      );
    });
  });

  it('are plain links to the entry without JS', async () => {
    await withPage(
      async (page) => {
        const link = citation28(page);
        expect(await link.getAttribute('href')).toBe('#bib-wang2003');
        await link.click();
        await page.waitForURL((url) => url.hash === '#bib-wang2003');
        expect(await page.locator('#cite-pop').count()).toBe(0);
      },
      { javaScriptEnabled: false },
    );
  });
});
