/**
 * The figure viewer on the review page, driven by keyboard in Chromium on the /lectern/ build:
 * open from a figure, zoom (+ / − / 0), pan (arrows), previous / next, Esc to close, focus back
 * on the opener. Also: each figure is a Pagefind sub-result, so a caption match lands on it.
 * The content has no figure images yet, so the <Picture> path (AVIF/WebP) is not exercised here.
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

const dialog = (page: Page) => page.locator('dialog.lightbox');
const state = (page: Page) =>
  page.locator('.lightbox__stage').evaluate((stage) => ({
    figure: stage.dataset['figure'],
    zoom: Number(stage.dataset['zoom']),
    transform: stage.style.transform,
    title: document.querySelector('.lightbox__title')?.textContent,
    count: document.querySelector('.lightbox__count')?.textContent,
  }));

describe('the figure viewer', () => {
  it('works by keyboard: open, zoom, pan, next and previous, Esc', async () => {
    await withPage(async (page) => {
      const open = page.getByRole('button', { name: 'View Figure 1 in the figure viewer' });
      await open.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => dialog(page).evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
      expect(await page.getByRole('dialog', { name: 'Figure 1' }).isVisible()).toBe(true);
      expect(await state(page)).toMatchObject({
        figure: 'figure-1',
        zoom: 1,
        title: 'Figure 1',
        count: '1 of 4',
      });
      expect(await page.locator('.lightbox__stage').innerText()).toContain(
        'Schematic presentation of two models',
      );

      await page.keyboard.press('+');
      await page.keyboard.press('+');
      expect((await state(page)).zoom).toBeCloseTo(1.5625);
      expect(await page.locator('.lightbox__zoom').innerText()).toBe('156%');
      const before = (await state(page)).transform;
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      const panned = await state(page);
      expect(panned.transform).not.toBe(before);
      expect(panned.transform).toMatch(/translate\(-\d+(\.\d+)?px, -\d+(\.\d+)?px\) scale\(1\.56\d*\)/);
      await page.keyboard.press('-');
      expect((await state(page)).zoom).toBeCloseTo(1.25);
      await page.keyboard.press('0');
      expect(await state(page)).toMatchObject({ zoom: 1, transform: 'translate(0px, 0px) scale(1)' });

      await page.keyboard.press('PageDown');
      expect(await state(page)).toMatchObject({ figure: 'figure-2', count: '2 of 4' });
      await page.keyboard.press('ArrowRight');
      expect((await state(page)).figure).toBe('figure-3');
      await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowLeft');
      expect((await state(page)).figure).toBe('figure-1');
      await page.keyboard.press('ArrowLeft');
      expect((await state(page)).figure).toBe('figure-4');

      await page.keyboard.press('Escape');
      expect(await dialog(page).evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      // Focus returns to the opener of the figure last shown.
      expect(await page.evaluate(() => document.activeElement?.textContent.trim())).toBe(
        'View Figure 4 in the figure viewer',
      );
    });
  });

  it('has working buttons too, and no viewer button without JS', async () => {
    await withPage(async (page) => {
      await page.getByRole('button', { name: 'View Figure 2 in the figure viewer' }).click();
      const view = page.getByRole('dialog', { name: 'Figure 2' });
      await view.getByRole('button', { name: 'Zoom in' }).click();
      expect((await state(page)).zoom).toBeCloseTo(1.25);
      await view.getByRole('button', { name: 'Next figure' }).click();
      expect((await state(page)).figure).toBe('figure-3');
      await page.getByRole('dialog', { name: 'Figure 3' }).getByRole('button', { name: 'Close' }).click();
      expect(await dialog(page).evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    });
    await withPage(async (page) => {
      expect(await page.locator('[data-figure-open]').first().isVisible()).toBe(false);
    }, false);
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
