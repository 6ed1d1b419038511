/**
 * An internal link checker for the /lectern/ build, served as GitHub Pages serves a project site
 * (anything outside /lectern/ is a 404). Starting at the index it follows every same-origin
 * a[href], link[href], script[src], img[src|srcset] and source[srcset], the search bundle the
 * page loads from #site-search's data-bundle-path, and url(…)/@import in stylesheets. Every URL
 * must answer 200 (a redirect counts as broken: the link should name the final URL), and every
 * #fragment on a link to an HTML page must be an id on that page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic, type StaticSite } from '../helpers/static-server.ts';

const SLUG = 'bournazou-2013-jakstat';
const DIR = inject('siteLectern');
const BASE = '/lectern/';
/** A safety net against a crawl that never ends (e.g. ever-longer generated URLs). */
const MAX_URLS = 500;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/** Start tags with their attributes; comments and script/style bodies are skipped. */
function tags(html: string): Tag[] {
  const markup = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2');
  const out: Tag[] = [];
  for (const m of markup.matchAll(
    /<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g,
  )) {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attrs.set((a[1] ?? '').toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    out.push({ name: (m[1] ?? '').toLowerCase(), attrs });
  }
  return out;
}

const srcsetUrls = (srcset: string): string[] =>
  srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

/** The URLs an HTML page makes the browser load or offers to follow, as written. */
function htmlLinks(html: string): string[] {
  const out: string[] = [];
  for (const { name, attrs } of tags(html)) {
    const href = attrs.get('href');
    const src = attrs.get('src');
    const srcset = attrs.get('srcset');
    if ((name === 'a' || name === 'link') && href !== undefined) out.push(href);
    if ((name === 'script' || name === 'img') && src !== undefined) out.push(src);
    if ((name === 'img' || name === 'source') && srcset !== undefined) out.push(...srcsetUrls(srcset));
    // The search UI's script is not in the markup: mount-search.ts loads `${bundlePath}pagefind-ui.js`.
    const bundle = attrs.get('data-bundle-path');
    if (attrs.get('id') === 'site-search' && bundle !== undefined) {
      out.push(`${bundle}pagefind-ui.js`, `${bundle}pagefind-entry.json`);
    }
  }
  return out;
}

function htmlIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const { name, attrs } of tags(html)) {
    const id = attrs.get('id');
    if (id) ids.add(id);
    const anchor = attrs.get('name');
    if (name === 'a' && anchor) ids.add(anchor);
  }
  return ids;
}

function cssLinks(css: string): string[] {
  const out: string[] = [];
  const body = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of body.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g))
    out.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of body.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) out.push(m[1] ?? m[2] ?? '');
  return out.filter((url) => url && !url.startsWith('data:'));
}

interface Fetched {
  status: number;
  location: string | null;
  contentType: string;
  /** For HTML pages: the ids a fragment may point at. */
  ids?: Set<string>;
}

interface Crawl {
  fetched: Map<string, Fetched>;
  /** URL (no fragment) -> the pages that link to it. */
  linkedFrom: Map<string, Set<string>>;
  /** Every same-origin link with a fragment, as found. */
  fragments: { page: string; written: string; target: string; id: string }[];
  /** Links to other origins (not fetched: the tests have no network). */
  external: { page: string; url: string }[];
}

async function crawl(start: string): Promise<Crawl> {
  const origin = new URL(start).origin;
  const result: Crawl = { fetched: new Map(), linkedFrom: new Map(), fragments: [], external: [] };
  const queue = [start];
  const seen = new Set(queue);

  const follow = (page: string, written: string, isHtml: boolean): void => {
    let url: URL;
    try {
      url = new URL(written, page);
    } catch {
      result.fetched.set(written, { status: 0, location: null, contentType: '' });
      result.linkedFrom.set(written, new Set([page]));
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    if (url.origin !== origin) {
      result.external.push({ page, url: url.href });
      return;
    }
    const hash = url.hash;
    url.hash = '';
    const target = url.href;
    if (isHtml && hash.length > 1) {
      result.fragments.push({ page, written, target, id: decodeURIComponent(hash.slice(1)) });
    }
    const from = result.linkedFrom.get(target) ?? new Set<string>();
    from.add(page);
    result.linkedFrom.set(target, from);
    if (!seen.has(target) && seen.size < MAX_URLS) {
      seen.add(target);
      queue.push(target);
    }
  };

  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    const response = await fetch(url, { redirect: 'manual' });
    const contentType = response.headers.get('content-type') ?? '';
    const entry: Fetched = {
      status: response.status,
      location: response.headers.get('location'),
      contentType,
    };
    result.fetched.set(url, entry);
    if (response.status !== 200) {
      await response.body?.cancel();
      continue;
    }
    if (contentType.startsWith('text/html')) {
      const html = await response.text();
      entry.ids = htmlIds(html);
      for (const link of htmlLinks(html)) follow(url, link, true);
    } else if (contentType.startsWith('text/css')) {
      for (const link of cssLinks(await response.text())) follow(url, link, false);
    } else {
      await response.arrayBuffer();
    }
  }
  return result;
}

let server: StaticSite | undefined;
let site: StaticSite;
let result: Crawl;

beforeAll(async () => {
  server = await serveStatic(DIR, BASE);
  site = server;
  result = await crawl(site.url);
});
afterAll(async () => {
  await server?.close();
});

const referrers = (url: string): string => [...(result.linkedFrom.get(url) ?? [])].join(', ') || '(start)';

describe(`the internal links of the ${BASE} build`, () => {
  it('visits the index, the review page and the assets they load', () => {
    const visited = [...result.fetched.keys()];
    expect(visited).toEqual(
      expect.arrayContaining([
        site.url,
        `${site.url}${SLUG}/`,
        `${site.url}favicon.svg`,
        // Pagefind's UI loads on first use of the search (reader.test.ts searches under the base).
        `${site.url}lectern-theme.js`,
        `${site.url}lectern-client.js`,
        `${site.url}lectern-popovers.js`,
      ]),
    );
    expect(
      visited.some((url) => /\/_astro\/[^/]+\.css$/.test(url)),
      'the site stylesheet',
    ).toBe(true);
    expect(result.fetched.size).toBeLessThan(MAX_URLS);
  });

  it('answers every URL with 200', () => {
    const broken = [...result.fetched]
      .filter(([, f]) => f.status !== 200)
      .map(
        ([url, f]) =>
          `${url}: ${f.status === 0 ? 'not a URL' : `HTTP ${f.status}`}${f.location ? ` -> ${f.location}` : ''}, linked from ${referrers(url)}`,
      );
    expect(broken).toEqual([]);
  });

  it('points every #fragment at an id on its page', () => {
    const checked = result.fragments.map((f) => `${new URL(f.target).pathname}#${f.id}`);
    // The in-page links the review is known to have: the skip link, its nav and figure labels.
    expect(checked).toEqual(
      expect.arrayContaining([
        `${BASE}${SLUG}/#main`,
        `${BASE}${SLUG}/#abstract`,
        `${BASE}${SLUG}/#figures`,
        `${BASE}${SLUG}/#references`,
        `${BASE}${SLUG}/#figure-1`,
        `${BASE}${SLUG}/#figure-2`,
        `${BASE}${SLUG}/#figure-3`,
        `${BASE}#main`,
      ]),
    );
    const broken = result.fragments
      .filter((f) => {
        const target = result.fetched.get(f.target);
        // A non-200 target is reported by the status check; here only pages that loaded count.
        return target?.status === 200 && !target.ids?.has(f.id);
      })
      .map((f) => `${f.page}: href="${f.written}" -> no id="${f.id}" on ${f.target}`);
    expect(broken).toEqual([]);
  });

  it('links out only over https', () => {
    expect(result.external.length, 'the review links DOIs and PubMed searches').toBeGreaterThan(0);
    const insecure = result.external
      .filter((e) => !e.url.startsWith('https://'))
      .map((e) => `${e.page}: ${e.url}`);
    expect(insecure).toEqual([]);
  });
});
