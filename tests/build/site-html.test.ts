/**
 * Checks on the HTML the real build writes, for both bases: at the root ("/") and as a GitHub
 * Pages project site ("/lectern/"). The seed review is the fixture: its title, figures and
 * references are known, so the assertions name exact ids, links and text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const SLUG = 'bournazou-2013-jakstat';
const TITLE = 'Targeting the tumor microenvironment: JAK-STAT3 signaling';
const REFERENCE_IDS = ['darnell1997', 'bromberg2002', 'yu2004', 'sommer2012', 'zhang2007'];
const REFERENCE_1_DOI_LINK = 'https://doi.org/10.1126/science.277.5332.1630';
const REVIEW_DOI_LINK = 'https://doi.org/10.4161/jkst.23828';
const PUBMED_SEARCH = 'https://pubmed.ncbi.nlm.nih.gov/?term=';
const PUBMED_RECORD = /https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/?/;

const BUILDS = [
  { name: 'root', dir: inject('siteRoot'), base: '/' },
  { name: 'lectern', dir: inject('siteLectern'), base: '/lectern/' },
] as const;

// --- A tiny HTML reader: enough for the markup Astro writes, no DOM needed -----------------------

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** The markup with comments and the bodies of <script>/<style> removed, so only real tags remain. */
function markupOnly(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/gi, '$1$2');
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/** Every start tag in document order, with its attributes (entity-decoded). */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const match of markupOnly(html).matchAll(
    /<([a-zA-Z][\w-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g,
  )) {
    const attrs = new Map<string, string>();
    for (const attr of (match[2] ?? '').matchAll(
      /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g,
    )) {
      attrs.set((attr[1] ?? '').toLowerCase(), decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? ''));
    }
    out.push({ name: (match[1] ?? '').toLowerCase(), attrs });
  }
  return out;
}

/** Text with tags dropped, entities decoded and whitespace collapsed. */
function text(html: string): string {
  return decodeEntities(markupOnly(html).replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The inner HTML of the first element whose start tag matches `start`, up to its `</name>`. */
function element(html: string, start: RegExp, name: string): string {
  const opening = start.exec(html);
  if (!opening) throw new Error(`no element matching ${start} in the page`);
  // Count nested elements of the same name so an <li> inside an <li> does not end it early.
  const tag = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tag.lastIndex = opening.index + opening[0].length;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(opening.index + opening[0].length, m.index);
  }
  throw new Error(`element matching ${start} is never closed`);
}

function hrefs(html: string): string[] {
  return tags(html)
    .filter((t) => t.name === 'a')
    .map((t) => t.attrs.get('href') ?? '');
}

/** Every URL an attribute points at: href, src, and each candidate of a srcset. */
function attributeUrls(html: string): { tag: string; attr: string; url: string }[] {
  const out: { tag: string; attr: string; url: string }[] = [];
  for (const t of tags(html)) {
    for (const attr of ['href', 'src', 'action', 'poster']) {
      const value = t.attrs.get(attr);
      if (value !== undefined) out.push({ tag: t.name, attr, url: value.trim() });
    }
    for (const attr of ['srcset', 'imagesrcset']) {
      const value = t.attrs.get(attr);
      if (value === undefined) continue;
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) out.push({ tag: t.name, attr, url });
      }
    }
  }
  return out;
}

/** Paths (relative to `dir`, "/"-separated) of every HTML page, Pagefind's bundle excluded. */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/'))
    .sort();
}

const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

// --- The checks ------------------------------------------------------------------------------

describe.each(BUILDS)('the $name build (base "$base")', ({ dir, base }) => {
  const reviewPath = `${SLUG}/index.html`;

  it('writes the index, the review page and the Pagefind bundle', () => {
    for (const path of [
      'index.html',
      reviewPath,
      'pagefind/pagefind-ui.js',
      'pagefind/pagefind-entry.json',
    ]) {
      expect(existsSync(join(dir, path)), `${path} in ${dir}`).toBe(true);
    }
    expect(htmlPages(dir)).toEqual(expect.arrayContaining(['index.html', reviewPath]));
    const entry = JSON.parse(read(dir, 'pagefind/pagefind-entry.json')) as {
      languages?: Record<string, unknown>;
    };
    expect(Object.keys(entry.languages ?? {}), 'Pagefind indexed at least one language').not.toHaveLength(0);
  });

  it('lists the review on the index with a link to its page and its counts', () => {
    const html = read(dir, 'index.html');
    // One card per review; the seed's is the one that names its title.
    const cards = html.split(/(?=<article class="card")/).slice(1);
    const seedCard = cards.find((c) => c.includes(TITLE)) ?? '';
    expect(cards.length).toBeGreaterThanOrEqual(2);
    const card = element(seedCard, /<article class="card"[^>]*>/, 'article');
    expect(hrefs(card)).toContain(`${base}${SLUG}/`);
    expect(text(card)).toContain(TITLE);
    expect(text(card)).toContain('3 figures · 5 references');
  });

  describe('the review page', () => {
    const html = read(dir, reviewPath);

    it('shows the title as the one h1 and in the document title', () => {
      const h1s = [...html.matchAll(/<h1\b[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => text(m[1] ?? ''));
      expect(h1s).toEqual([TITLE]);
      expect(text(element(html, /<title>/, 'title'))).toBe(`${TITLE} · Lectern`);
    });

    it('links the review DOI in the header', () => {
      const header = element(html, /<header class="review-header"[^>]*>/, 'header');
      expect(hrefs(header)).toContain(REVIEW_DOI_LINK);
    });

    it('has figures 1-3, each with a label link to itself', () => {
      const ids = tags(html)
        .map((t) => t.attrs.get('id') ?? '')
        .filter((id) => id.startsWith('figure-'));
      expect(ids).toEqual(['figure-1', 'figure-2', 'figure-3']);
      for (const id of ids) {
        const figure = element(html, new RegExp(`<figure\\b[^>]*\\bid="${id}"[^>]*>`), 'figure');
        expect(hrefs(figure), id).toContain(`#${id}`);
      }
    });

    it('lists the five references in order, numbered 1-5 by the ordered list itself', () => {
      const opening = /<ol\b[^>]*\bid="reference-list"[^>]*>/;
      expect(opening.exec(html)?.[0]).not.toMatch(/\b(?:start|reversed)\b/);
      const list = element(html, opening, 'ol');
      const refs = tags(list).filter((t) => t.name === 'li' && t.attrs.get('id')?.startsWith('bib-'));
      expect(refs.map((t) => t.attrs.get('id'))).toEqual(REFERENCE_IDS.map((id) => `bib-${id}`));
      // 1, 2, 3… needs no `value`: it is written only where a list skips a number.
      expect(refs.map((t) => t.attrs.get('value'))).toEqual(REFERENCE_IDS.map(() => undefined));
    });

    const reference = (id: string): string =>
      element(html, new RegExp(`<li\\b[^>]*\\bid="bib-${id}"[^>]*>`), 'li');

    it('links reference 1 to its DOI', () => {
      const ref = reference('darnell1997');
      expect(text(ref)).toContain('STATs and gene regulation. Science. 1997;277:1630–5.');
      expect(hrefs(ref)).toContain(REFERENCE_1_DOI_LINK);
    });

    // citeproc reads a given name "JE" as one word unless the formatter keeps it as initials.
    it('prints reference authors with all their initials ("Darnell JE Jr.", "Waetzig GH")', () => {
      expect(text(reference('darnell1997'))).toMatch(/^Darnell JE Jr\. STATs and gene regulation\./);
      expect(text(reference('sommer2012'))).toContain('Waetzig GH,');
    });

    it('gives reference 2 (marked PubMed, no PMID printed) a PubMed search on its page, never a record link', () => {
      // The list shows resolved links only; the search is on the reference's own page.
      const entry = reference('bromberg2002');
      expect(hrefs(entry)).toContain(`${base}${SLUG}/references/bromberg2002/`);
      expect(hrefs(entry).filter((href) => href.startsWith('https://pubmed.ncbi.nlm.nih.gov/'))).toEqual([]);
      const ref = read(dir, `${SLUG}/references/bromberg2002/index.html`);
      const links = hrefs(ref);
      const searches = links.filter((href) => href.startsWith(PUBMED_SEARCH));
      expect(searches).toHaveLength(1);
      const term = new URL(searches[0] ?? '').searchParams.get('term') ?? '';
      expect(term).toContain('Stat proteins and oncogenesis[ti]');
      expect(term).toContain('Bromberg J[au]');
      expect(term).toContain('2002[dp]');
      // Labelled as a search for screen readers too.
      expect(text(ref)).toContain('Search PubMed (a search, not a resolved record)');
      expect(links.filter((href) => PUBMED_RECORD.test(href))).toEqual([]);
      expect(ref).not.toMatch(PUBMED_RECORD);
      // No DOI was printed for it, so none may appear.
      expect(links.filter((href) => href.startsWith('https://doi.org/'))).toEqual([]);
    });
  });

  it('leaves no unresolved citation ("[@") on any page', () => {
    const pages = htmlPages(dir);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const unresolved = pages.filter((page) => read(dir, page).includes('[@'));
    expect(unresolved).toEqual([]);
  });

  it('gives the search container the bundle and base paths under the base', () => {
    for (const page of htmlPages(dir)) {
      const search = tags(read(dir, page)).find((t) => t.attrs.get('id') === 'site-search');
      expect(search, `#site-search on ${page}`).toBeDefined();
      expect(search?.attrs.get('data-bundle-path'), page).toBe(`${base}pagefind/`);
      expect(search?.attrs.get('data-base-url'), page).toBe(base);
    }
  });

  it(base === '/' ? 'never links into /lectern/' : `starts every root-relative href/src with ${base}`, () => {
    const wrong: string[] = [];
    let rootRelative = 0;
    for (const page of htmlPages(dir)) {
      for (const { tag, attr, url } of attributeUrls(read(dir, page))) {
        // "//host/x" is protocol-relative, not root-relative.
        if (!url.startsWith('/') || url.startsWith('//')) continue;
        rootRelative += 1;
        const ok = base === '/' ? !url.startsWith('/lectern/') : url.startsWith(base);
        if (!ok) wrong.push(`${page}: <${tag} ${attr}="${url}">`);
      }
    }
    expect(rootRelative, 'the pages have root-relative URLs to check').toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('keeps url(…) references in the built CSS under the base', () => {
    const css = readdirSync(join(dir, '_astro'), { encoding: 'utf8' }).filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const file of css) {
      for (const m of read(dir, `_astro/${file}`).matchAll(/url\(\s*['"]?(\/[^'")\s]*)/g)) {
        const url = m[1] ?? '';
        if (url.startsWith('//')) continue;
        const ok = base === '/' ? !url.startsWith('/lectern/') : url.startsWith(base);
        if (!ok) wrong.push(`_astro/${file}: url(${url})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
