import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * Focuses the header's search field, which loads Pagefind's UI (nothing of it loads before), and
 * returns Pagefind's input once it is there; fails at once if the page says the bundle is missing.
 */
export async function openSearch(page: Page): Promise<Locator> {
  const input = page.locator('#site-search .pagefind-ui__search-input');
  // The field, or Pagefind's input if something on the page focused the field already.
  await page.locator('#site-search .search__field').or(input).first().focus();
  await input.or(page.getByText('Search is unavailable')).first().waitFor({ state: 'visible' });
  if (!(await input.isVisible())) throw new Error(`Pagefind's UI did not mount on ${page.url()}`);
  return input;
}
