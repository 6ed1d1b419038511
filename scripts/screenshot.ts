/**
 * npm run screenshot -- [--path bournazou-2013-jakstat/] [--out docs/screenshot.png] [--width 1280]
 *   [--height 900] [--dark] [--full] [--search "gene regulation"]
 * Serves the built dist/ on loopback and photographs a page in Debian's Chromium, so the README
 * picture and the pictures in notes come from the site as a reader sees it.
 */
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    path: { type: 'string', default: 'bournazou-2013-jakstat/' },
    out: { type: 'string', default: 'docs/screenshot.png' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '900' },
    dark: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    search: { type: 'string' },
  },
});

const site = await serveStatic(
  new URL(`../${values.dist}`, import.meta.url).pathname.replace(/\/$/, ''),
  values.base,
);
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
    colorScheme: values.dark ? 'dark' : 'light',
  });
  await page.goto(new URL(values.path, site.url).href);
  if (values.search) {
    // Typing in the field loads Pagefind's UI, which then searches what was typed.
    await page.fill('#site-search .search__field', values.search);
    await page.waitForSelector('.pagefind-ui__result');
  }
  await page.screenshot({ path: values.out, fullPage: values.full });
  console.log(`wrote ${values.out}`);
} finally {
  await browser.close();
  await site.close();
}
