/**
 * Untrusted content stays text. Synthetic reviews carry injection payloads (tests/hostile/
 * payloads.ts) in every field of all three source formats; they are ingested and built with the
 * real ingest and `astro build`, then every page is parsed for markup a payload could have made,
 * every identifier link is checked, and the pages are opened in Chromium under the site's
 * Content-Security-Policy: no dialog, no console error. The policy itself is tested on the
 * regular site: an injected inline script is blocked and reported.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openSearch } from '../helpers/browser.ts';
import {
  contentSecurityPolicy,
  elements,
  identifierLinkProblems,
  markupProblems,
  parsePage,
  siteFiles,
  textOf,
} from '../helpers/injection-checks.ts';
import { buildInjectionSite, type InjectionSite } from '../helpers/injection-site.ts';
import { collectPageErrors } from '../helpers/page-errors.ts';
import { serveStatic, type StaticSite } from '../helpers/static-server.ts';
import { DOI_PAYLOADS, PAYLOADS, URL_PAYLOADS } from '../hostile/payloads.ts';

let site: InjectionSite;
let pages: string[];
let allowedElements: Set<string>;

beforeAll(async () => {
  site = await buildInjectionSite();
  pages = (await siteFiles(site.dist)).filter((f) => f.endsWith('.html'));
  // The element names the site's own pages use (built from the repository's content).
  const root = inject('siteRoot');
  allowedElements = new Set();
  for (const page of (await siteFiles(root)).filter((f) => f.endsWith('.html'))) {
    for (const el of elements(await parsePage(join(root, page)))) allowedElements.add(el.tagName);
  }
}, 300_000);

afterAll(async () => {
  await rm(site.project, { recursive: true, force: true });
});

describe('the payloads', () => {
  it('are at least 30, and every one is placed in some review', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    const placed = new Set(site.reviews.flatMap((r) => r.payloads));
    for (const p of [...PAYLOADS, ...DOI_PAYLOADS, ...URL_PAYLOADS]) expect(placed, p).toContain(p);
    expect(new Set(site.reviews.map((r) => r.format))).toEqual(
      new Set(['pubmed-text', 'pubmed-xml', 'jats', 'jats-markup']),
    );
  });
});

describe('every built page', () => {
  it('has no element, attribute or URL a payload created', async () => {
    expect(pages.length).toBeGreaterThan(site.reviews.length * 3);
    const problems: string[] = [];
    for (const page of pages) {
      const root = await parsePage(join(site.dist, page));
      for (const p of markupProblems(root, allowedElements)) problems.push(`${page}: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('links identifiers only over https to doi.org, PubMed or PMC', async () => {
    const problems: string[] = [];
    let links = 0;
    for (const page of pages) {
      const root = await parsePage(join(site.dist, page));
      links += elements(root).filter(
        (e) => e.properties['className']?.some((c) => c.startsWith('id-link')) === true,
      ).length;
      for (const p of identifierLinkProblems(root)) problems.push(`${page}: ${p}`);
    }
    expect(links).toBeGreaterThan(site.reviews.length);
    expect(problems).toEqual([]);
  });

  it('sends a Content-Security-Policy without inline scripts', async () => {
    for (const page of pages) {
      const policy = contentSecurityPolicy(await parsePage(join(site.dist, page)));
      expect(policy, page).toBeDefined();
      const scriptSrc = /(?:^|;)\s*script-src([^;]*)/.exec(policy ?? '')?.[1] ?? '';
      expect(scriptSrc, page).toMatch(/'self'/);
      expect(scriptSrc, page).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|data:|https?:/);
      expect(policy, page).toMatch(/object-src 'none'/);
      expect(policy, page).toMatch(/base-uri 'self'/);
    }
  });

  it('shows each review title as text, in <title>, <h1> and the library', async () => {
    const library = await parsePage(join(site.dist, 'index.html'));
    const libraryText = textOf(library, 'main');
    for (const review of site.reviews) {
      if (review.format === 'jats-markup') continue;
      const root = await parsePage(join(site.dist, review.slug, 'index.html'));
      const title = review.title.replace(/\s+/g, ' ').trim();
      expect(textOf(root, 'h1'), review.slug).toContain(title);
      expect(textOf(root, 'title'), review.slug).toContain(title);
      expect(libraryText, review.slug).toContain(title);
      for (const meta of elements(root).filter((e) => e.tagName === 'meta')) {
        // Meta tags hold the title as an attribute value, never as markup.
        expect(meta.children).toEqual([]);
      }
    }
  });

  it('keeps the markup review’s elements as text or drops them', async () => {
    const review = site.reviews.find((r) => r.format === 'jats-markup');
    expect(review).toBeDefined();
    const root = await parsePage(join(site.dist, review?.slug ?? '', 'index.html'));
    expect(textOf(root, 'h1')).toMatch(/^Markup .*title$/);
    const main = elements(root).find((e) => e.tagName === 'main');
    // The site's own year chart is an <svg>: one, in the references section, not from the content.
    const charts = elements(main ?? root).filter(
      (e) =>
        e.tagName === 'figure' &&
        String(e.properties['className'])
          .split(/[\s,]+/)
          .includes('year-chart'),
    );
    expect(charts.length).toBeLessThanOrEqual(1);
    const chartParts = new Set(charts.flatMap((c) => elements(c)));
    const made = elements(main ?? root)
      .filter((e) => !chartParts.has(e))
      .filter(
        (e) =>
          ['img', 'iframe', 'svg', 'style', 'object', 'embed'].includes(e.tagName) ||
          (e.tagName === 'script' &&
            e.properties['src'] === undefined &&
            !/json/.test(String(e.properties['type']))) ||
          (e.tagName === 'a' && /^\s*(javascript|data):/i.test(String(e.properties['href']))),
      );
    expect(made.map((e) => e.tagName)).toEqual([]);
  });
});

describe('exports and data files', () => {
  it('parse as what they are and never hold live markup', async () => {
    const files = (await siteFiles(site.dist)).filter(
      (f) => !/\.(html|wasm|zip|pf_\w+|pagefind|gz)$/.test(f),
    );
    const problems: string[] = [];
    for (const file of files) {
      const text = await readFile(join(site.dist, file), 'utf8');
      if (file.endsWith('.json')) {
        try {
          JSON.parse(text);
        } catch {
          problems.push(`${file}: not JSON`);
        }
      }
      if (file.endsWith('.js') && /<\/script|<script>alert/i.test(text))
        problems.push(`${file}: </script in a script`);
      if (file.endsWith('.svg') && /alert\(|<script/i.test(text)) problems.push(`${file}: script in an SVG`);
    }
    expect(problems).toEqual([]);
  });
});

describe('in Chromium, under the Content-Security-Policy', () => {
  let browser: Browser;
  let server: StaticSite;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(site.dist, '/');
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  /** Opens `path`, lets scripts, popovers and search run, and returns dialogs and problems. */
  /**
   * Opens `path`, then fires the events a hidden handler would wait for on every element (which
   * also opens the search drawer). Returns the dialogs, the problems of the page as loaded, and
   * those after the events.
   */
  async function visit(
    page: Page,
    path: string,
  ): Promise<{ dialogs: string[]; loaded: string[]; afterEvents: string[] }> {
    const dialogs: string[] = [];
    const onDialog = (d: Dialog): void => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    };
    page.on('dialog', onDialog);
    const errors = collectPageErrors(page);
    await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const loaded = [...errors.problems];
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('body *')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'toggle', 'animationstart']) {
          if (type === 'click' && el.closest('a[href], button, summary, label')) continue;
          el.dispatchEvent(new Event(type, { bubbles: true }));
        }
      }
    });
    await page.waitForTimeout(300);
    errors.dispose();
    page.off('dialog', onDialog);
    // Requests the next navigation cuts short (Pagefind loading in the background) are not errors.
    const real = (p: string): boolean => !p.includes('net::ERR_ABORTED');
    return {
      dialogs,
      loaded: loaded.filter(real),
      afterEvents: errors.problems.slice(loaded.length).filter(real),
    };
  }

  /** Review pages and the first reference page of each review. */
  function pathsToVisit(): string[] {
    return site.reviews.flatMap((review) => {
      const refPage = pages.find(
        (p) => p.startsWith(`${review.slug}/references/`) && p !== `${review.slug}/references/index.html`,
      );
      return [`${review.slug}/`, ...(refPage ? [refPage.replace(/index\.html$/, '')] : [])];
    });
  }

  it('opens every review page and a reference page of each: no dialog, no console error', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const failures: string[] = [];
    for (const path of pathsToVisit()) {
      const { dialogs, loaded, afterEvents } = await visit(page, path);
      failures.push(...dialogs.map((d) => `${path}: dialog ${d}`), ...loaded.map((p) => `${path}: ${p}`));
      failures.push(...afterEvents.map((p) => `${path}: ${p}`));
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 240_000);

  it('keeps Pagefind UI filter values as text, though its filter panel writes them as HTML', async () => {
    const page = await browser.newPage({ serviceWorkers: 'block' });
    await page.goto(new URL(site.reviews[0]?.slug ?? '', server.url).href, { waitUntil: 'load' });
    // A search fills the filter panel (hidden in the header, but written all the same).
    await (await openSearch(page)).fill('reference');
    const panel = page.locator('.pagefind-ui__filter-panel').first();
    await panel.waitFor({ state: 'attached', timeout: 15_000 });
    await page.locator('.pagefind-ui__filter-panel input').first().waitFor({ state: 'attached' });
    const made = await page.evaluate(
      () => document.querySelectorAll('.pagefind-ui img, .pagefind-ui [onerror], .pagefind-ui script').length,
    );
    // The payloads are there, as text with look-alike brackets.
    const text = (await panel.textContent()) ?? '';
    await page.close();
    expect(made).toBe(0);
    expect(text).toMatch(/\u2039(?:img|script|svg)/i);
  });

  it('runs a search for a payload with no dialog', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const { loaded } = await visit(page, '');
    const search = await openSearch(page);
    await search.fill('<img src=x onerror=alert(1)> script alert');
    await search.press('Enter');
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await context.close();
    expect([...dialogs, ...loaded]).toEqual([]);
  });
});

describe('the Content-Security-Policy of the regular site', () => {
  let browser: Browser;
  let server: StaticSite;

  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(inject('siteRoot'), '/');
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('blocks an injected inline script and reports the violation', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('bournazou-2013-jakstat/', server.url).href, { waitUntil: 'load' });
    const result = await page.evaluate(async () => {
      const violation = new Promise<{ directive: string; blocked: string }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) =>
          resolve({ directive: e.effectiveDirective, blocked: e.blockedURI }),
        );
      });
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.head.append(script);
      const handler = document.createElement('img');
      handler.setAttribute('onerror', 'window.__handler = true');
      handler.src = 'data:,x';
      document.body.append(handler);
      const seen = await Promise.race([violation, new Promise<undefined>((r) => setTimeout(r, 2_000))]);
      await new Promise((r) => setTimeout(r, 200));
      const w = window as unknown as { __injected?: boolean; __handler?: boolean };
      return { seen, injected: w.__injected === true, handler: w.__handler === true };
    });
    await page.close();
    expect(result.seen?.directive).toMatch(/^script-src/);
    expect(result.seen?.blocked).toBe('inline');
    expect(result.injected).toBe(false);
    expect(result.handler).toBe(false);
  });

  it('still lets the site’s own scripts, Pagefind’s WASM and the service worker run', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction('__reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation;
        report(`${e.effectiveDirective} ${e.blockedURI}`);
      });
    });
    const errors = collectPageErrors(page);
    await page.goto(server.url, { waitUntil: 'load' });
    // A string, so the test runner does not rewrite import() for Node.
    const bundle = `${new URL(server.url).pathname}pagefind/pagefind.js`;
    const searched = Number(
      await page.evaluate(
        `import(${JSON.stringify(bundle)}).then((p) => p.search('STAT3')).then((r) => r.results.length)`,
      ),
    );
    // Registered, not blocked: a worker-src violation would reject the registration.
    const registered = await page.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        if ((await navigator.serviceWorker.getRegistration()) !== undefined) return true;
        await new Promise((r) => setTimeout(r, 200));
      }
      return false;
    });
    errors.dispose();
    await context.close();
    expect(searched).toBeGreaterThan(0);
    expect(registered).toBe(true);
    expect(violations).toEqual([]);
    expect(errors.problems).toEqual([]);
  });
});
