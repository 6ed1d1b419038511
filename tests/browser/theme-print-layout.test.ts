/**
 * Polish, in Chromium on the /lectern/ build: the theme toggle (remembered across a reload, set
 * before the first paint, axe-clean when it overrides the system), the print stylesheet (DOIs in
 * full, no chrome, citations as plain numbers), the layout from 320 px (no horizontal scroll) to
 * a wide screen (the side panel in view beside the text), and axe on the new states: a popover
 * open, in light and dark.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { serveInChromium, withFreshPage } from '../helpers/site-in-chromium.ts';

const DENNEHY = 'dennehy-2011-bmc-microbiol';
const SEED = 'bournazou-2013-jakstat';
const DIR = inject('siteLectern');
const BASE = '/lectern/';

const { site, browser } = serveInChromium(DIR, BASE);

/** A fresh page (see withFreshPage), with `options` for its browser context. */
function withPage(steps: (page: Page) => Promise<void>, options: BrowserContextOptions = {}): Promise<void> {
  return withFreshPage(browser(), steps, options);
}

/** axe's violations as "id: help at targets", one line each. */
async function violations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
  );
}

const background = (page: Page): Promise<string> =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK_BG = 'rgb(20, 23, 27)';
const LIGHT_BG = 'rgb(251, 250, 247)';

describe('the theme toggle', () => {
  it('follows the system, switches, and remembers the choice across a reload', async () => {
    await withPage(
      async (page) => {
        await page.goto(`${site().url}${SEED}/`);
        const toggle = page.getByRole('button', { name: 'Dark mode' });
        expect(await toggle.getAttribute('aria-pressed')).toBe('false');
        expect(await background(page)).toBe(LIGHT_BG);

        await toggle.click();
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
        expect(await background(page)).toBe(DARK_BG);

        await page.reload();
        // Set by the classic script in <head>, before the body was parsed: no flash of light.
        expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
        expect(await background(page)).toBe(DARK_BG);
        expect(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed')).toBe(
          'true',
        );

        // Remembered on another page of the site too.
        await page.goto(`${site().url}${DENNEHY}/references/`);
        expect(await background(page)).toBe(DARK_BG);

        // Back to light, which is the system's: the choice is forgotten, the page follows the system.
        await page.getByRole('button', { name: 'Dark mode' }).click();
        expect(await page.evaluate(() => localStorage.getItem('lectern-theme'))).toBeNull();
        expect(await background(page)).toBe(LIGHT_BG);
      },
      { colorScheme: 'light' },
    );
  });

  it('lets a reader on a dark system choose light', async () => {
    await withPage(
      async (page) => {
        await page.goto(`${site().url}${SEED}/`);
        expect(await background(page)).toBe(DARK_BG);
        const toggle = page.getByRole('button', { name: 'Dark mode' });
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        await toggle.click();
        expect(await background(page)).toBe(LIGHT_BG);
        await page.reload();
        expect(await background(page)).toBe(LIGHT_BG);
        expect(await violations(page)).toEqual([]);
      },
      { colorScheme: 'dark' },
    );
  });

  it('is hidden without JS, where the page follows the system', async () => {
    await withPage(
      async (page) => {
        await page.goto(`${site().url}${SEED}/`);
        expect(await page.locator('.theme-toggle').isVisible()).toBe(false);
        expect(await background(page)).toBe(DARK_BG);
      },
      { colorScheme: 'dark', javaScriptEnabled: false },
    );
  });
});

describe('printing', () => {
  it('prints references with their DOIs in full, citations as numbers, and no chrome', async () => {
    await withPage(async (page) => {
      await page.goto(`${site().url}${DENNEHY}/`);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.site-header', '.site-footer', '.toc', '.side-panel', '.figure__open']) {
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      }
      const doi = page.locator('#bib-wang2003 a.id-link[href^="https://doi.org/"]');
      const printed = await doi.evaluate((a) => {
        const content = getComputedStyle(a, '::after').content;
        return content.includes('attr(') ? `${a.textContent}: ${a.getAttribute('href')}` : content;
      });
      expect(printed).toContain('https://doi.org/10.1128/JB.185.3.779-787.2003');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
      const citation = page.locator('#citation--wang2003--savva2008--9');
      expect(await citation.innerText()).toBe('(28,29)');
      expect(
        await citation
          .locator('a')
          .first()
          .evaluate((a) => getComputedStyle(a).textDecorationLine),
      ).toBe('none');
    });
  });
});

describe('the layout', () => {
  const PAGES = ['', `${SEED}/`, `${DENNEHY}/`, `${DENNEHY}/references/`, `${DENNEHY}/references/wang2003/`];

  it.each(PAGES)('has no horizontal scroll at 320 px on /lectern/%s', async (path) => {
    await withPage(
      async (page) => {
        await page.goto(`${site().url}${path}`);
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(widths.scroll, `scrollWidth on ${path}`).toBeLessThanOrEqual(widths.client);
      },
      { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true },
    );
  });

  it('keeps the references and figures in view beside the text on a wide screen', async () => {
    await withPage(
      async (page) => {
        await page.goto(`${site().url}${DENNEHY}/#discussion`);
        const panel = page.getByRole('complementary', { name: 'Figures and references at a glance' });
        expect(await panel.isVisible()).toBe(true);
        const box = await panel.boundingBox();
        const text = await page.locator('.full-text').boundingBox();
        if (!box || !text) throw new Error('no boxes');
        expect(box.x).toBeGreaterThan(text.x + text.width);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeLessThan(200);
        await panel.getByRole('link', { name: 'Wang IN 2003' }).click();
        await page.waitForURL((url) => url.hash === '#bib-wang2003');
      },
      { viewport: { width: 1440, height: 900 } },
    );
    await withPage(
      async (page) => {
        await page.goto(`${site().url}${DENNEHY}/`);
        expect(await page.locator('.side-panel').isVisible()).toBe(false);
      },
      { viewport: { width: 1024, height: 800 } },
    );
  });
});

describe.each(['light', 'dark'] as const)('axe in the %s scheme', (scheme) => {
  // The figure viewer, for figures with images, is checked in figure-images.test.ts: this content has none.
  it('finds no violations with a popover open', async () => {
    await withPage(
      async (page) => {
        await page.goto(`${site().url}${DENNEHY}/`);
        const link = page.locator('#citation--wang2003--savva2008--9 a.citation-link').first();
        await link.hover();
        await page.locator('#cite-pop:popover-open').waitFor();
        expect(await violations(page)).toEqual([]);
      },
      { colorScheme: scheme },
    );
  });

  it('finds no violations on the reference browser with filters set', async () => {
    await withPage(
      async (page) => {
        await page.goto(`${site().url}${DENNEHY}/references/?q=author%3Ayoung&type=Journal+article`);
        await page
          .locator('.ref-browser__status')
          .filter({ hasText: /by young/ })
          .waitFor();
        await page.locator('.ref-browser__syntax summary').click();
        for (const more of await page.locator('.ref-browser__more summary').all()) await more.click();
        expect(await violations(page)).toEqual([]);
      },
      { colorScheme: scheme },
    );
  });
});
