/**
 * The set-up every browser test file shares: a built site served on loopback with one Chromium
 * for the file, and a fresh page per test that fails on anything that went wrong in it.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser.ts';
import { collectPageErrors } from './page-errors.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

/**
 * A built site served on loopback under `base` and one Chromium, for the tests of one file:
 * started before its first test, closed after its last.
 */
export function serveInChromium(
  dir: string,
  base: string,
): { site: () => StaticSite; browser: () => Browser } {
  let server: StaticSite | undefined;
  let launched: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(dir, base);
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });
  return {
    site: () => server ?? expect.unreachable('the static server did not start'),
    browser: () => launched ?? expect.unreachable('Chromium did not start'),
  };
}

/**
 * Runs `steps` in a fresh context and page of `browser` (a 1280 x 900 window unless `options`
 * say otherwise, 15 s timeouts) and fails on any console error, page error or failed request
 * on any page it visited; a failure carries those problems with it.
 */
export async function withFreshPage(
  browser: Browser,
  steps: (page: Page, context: BrowserContext) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  try {
    await steps(page, context);
    expect(errors.problems, 'console errors, page errors and failed requests').toEqual([]);
  } catch (error) {
    throw errors.annotate(error);
  } finally {
    errors.dispose();
    await context.close();
  }
}
