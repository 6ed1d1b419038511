/**
 * What a reference manager gets from each built page, by the rules of Zotero's web translators
 * (tests/helpers/zotero-rules.ts): COinS spans decide first (one span: that item; more: a pick
 * list), otherwise the `citation_*` tags (Embedded Metadata, also what Google Scholar reads).
 *  - a review page is the review: Highwire tags with a plain-text abstract, no COinS span;
 *  - the reference browser offers every reference; a reference page is its cited work;
 *  - the library index offers every review.
 * Both builds: "/" without SITE (no absolute URL can be made, so none is claimed) and
 * "/lectern/" with SITE, as the deploy builds it (every metadata URL absolute).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, inject, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { markdownToPlainText } from '../../src/lib/metadata/plain-text.ts';
import type { CslItem } from '../../src/lib/schema/csl.ts';
import { LECTERN_SITE } from '../helpers/build-site.ts';
import { coinsItemType, highwireItemType, ZOTERO_TYPES } from '../helpers/zotero-rules.ts';

const BUILDS = [
  { name: 'root, no SITE', dir: inject('siteRoot'), base: '/', origin: undefined },
  { name: '/lectern/ with SITE', dir: inject('siteLectern'), base: '/lectern/', origin: LECTERN_SITE },
] as const;

const REVIEWS = ['bournazou-2013-jakstat', 'dennehy-2011-bmc-microbiol'].map((slug) => {
  const index = readFileSync(new URL(`../../content/reviews/${slug}/index.md`, import.meta.url), 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(index) ?? [];
  const meta = parseYaml(front) as { title: string; pmid?: string; doi?: string; authors?: unknown[] };
  const references = JSON.parse(
    readFileSync(new URL(`../../content/reviews/${slug}/references.json`, import.meta.url), 'utf8'),
  ) as CslItem[];
  return { slug, meta, body, references };
});

interface Page {
  /** `<meta name|property>` in the head, in order. */
  meta: { name: string; content: string }[];
  links: { rel: string; href: string; type?: string }[];
  /** The title attribute of every COinS span (class list with Z3988). */
  coins: string[];
  jsonLd: unknown[];
}

/** An attribute as text: hast keeps class and rel as lists, joined here by spaces. */
function prop(node: Element, key: string): string | undefined {
  const value: unknown = node.properties[key];
  if (Array.isArray(value)) return value.join(' ');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function readPage(dir: string, path: string): Page {
  const tree: Root = fromHtml(readFileSync(join(dir, path), 'utf8'));
  const page: Page = { meta: [], links: [], coins: [], jsonLd: [] };
  let head: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'head') head = node;
    const title = prop(node, 'title');
    if (node.tagName === 'span' && prop(node, 'className')?.split(' ').includes('Z3988') && title)
      page.coins.push(title);
  });
  if (!head) throw new Error(`${path}: no head`);
  visit(head, 'element', (node: Element) => {
    const name = prop(node, 'name') ?? prop(node, 'property');
    const content = prop(node, 'content');
    if (node.tagName === 'meta' && name && content !== undefined) page.meta.push({ name, content });
    const type = prop(node, 'type');
    if (node.tagName === 'link')
      page.links.push({
        rel: prop(node, 'rel') ?? '',
        href: prop(node, 'href') ?? '',
        ...(type ? { type } : {}),
      });
    if (node.tagName === 'script' && type === 'application/ld+json')
      page.jsonLd.push(JSON.parse(toText(node)) as unknown);
  });
  return page;
}

const values = (page: Page, name: string): string[] =>
  page.meta.filter((m) => m.name === name).map((m) => m.content);
const one = (page: Page, name: string): string | undefined => values(page, name)[0];
const highwireNames = (page: Page): string[] =>
  page.meta.filter((m) => m.name.startsWith('citation_')).map((m) => m.name);

/** The title a COinS span gives Zotero, and whether it names a creator (else Zotero looks it up). */
function coinsWork(title: string): { type?: string; title?: string; creators: number } {
  const params = new URLSearchParams(title);
  const type = coinsItemType(title);
  const creators =
    params.getAll('rft.au').length +
    params.getAll('rft.aucorp').length +
    params.getAll('rft.creator').length +
    (params.get('rft.aulast') ? 1 : 0);
  const name = params.get('rft.atitle') ?? params.get('rft.btitle') ?? params.get('rft.title') ?? undefined;
  return { ...(type ? { type } : {}), ...(name ? { title: name } : {}), creators };
}

const expectedType = (item: CslItem): string | undefined => ZOTERO_TYPES[item.type];

describe.each(BUILDS)('page metadata ($name)', ({ dir, base, origin }) => {
  const absolute = (path: string): string | undefined =>
    origin === undefined ? undefined : new URL(`${base}${path}`, origin).href;

  describe.each(REVIEWS)('review $slug', ({ slug, meta, body, references }) => {
    const page = readPage(dir, `${slug}/index.html`);

    it('declares the review as one journal article, with the abstract as plain text', () => {
      expect(highwireItemType(highwireNames(page))).toBe('journalArticle');
      expect(values(page, 'citation_title')).toEqual([meta.title]);
      expect(values(page, 'citation_author')).toHaveLength(meta.authors?.length ?? 0);
      expect(one(page, 'citation_pmid')).toBe(meta.pmid);
      expect(one(page, 'citation_doi')).toBe(meta.doi);
      const abstract = one(page, 'citation_abstract') ?? '';
      expect(abstract).toBe(markdownToPlainText(body));
      expect(abstract.length).toBeGreaterThan(200);
      for (const text of [abstract, one(page, 'og:description') ?? '']) {
        expect(text).not.toMatch(/\*\*|\n|<\/?su[bp]>|\\/);
      }
      expect(values(page, 'citation_reference')).toHaveLength(references.length);
    });

    it('has no COinS span, which would make Zotero offer the references instead', () => {
      expect(page.coins).toEqual([]);
    });

    it('gives absolute metadata URLs when the site is known, and none otherwise', () => {
      const url = absolute(`${slug}/`);
      expect(one(page, 'citation_abstract_html_url')).toBe(url);
      expect(one(page, 'og:url')).toBe(url);
      expect(page.links.filter((l) => l.rel === 'canonical').map((l) => l.href)).toEqual(url ? [url] : []);
      const [ld] = page.jsonLd as {
        url?: string;
        abstract?: string;
        citation?: { name?: string; sameAs?: string[] }[];
      }[];
      expect(ld?.url).toBe(url);
      expect(ld?.abstract).toBe(markdownToPlainText(body));
      expect(ld?.citation).toHaveLength(references.length);
      ld?.citation?.forEach((work, i) => {
        const item = references[i] as CslItem;
        const ids = [item.DOI, item.PMID && `/${item.PMID}/`, item.PMCID].filter(Boolean);
        // Identified by its resolver links; named by its title only when it has none.
        expect(work.name, item.id).toBe(ids.length > 0 || item.URL ? undefined : item.title);
        for (const id of ids)
          expect(
            work.sameAs?.some((u) =>
              u.includes(encodeURI(id as string).replace(/[?#]/g, encodeURIComponent)),
            ),
            item.id,
          ).toBe(true);
      });
    });

    it('lists the four reference-list exports, MEDLINE included, as alternates that exist', () => {
      const alternates = page.links.filter((l) => l.rel === 'alternate');
      expect(alternates.map((l) => l.href.split('.').pop())).toEqual(['bib', 'ris', 'json', 'nbib']);
      for (const link of alternates)
        expect(existsSync(join(dir, link.href.slice(base.length))), link.href).toBe(true);
    });
  });

  describe.each(REVIEWS)('reference browser and reference pages of $slug', ({ slug, references }) => {
    it('offers every reference, each as its own item with title and creators', () => {
      const page = readPage(dir, `${slug}/references/index.html`);
      expect(highwireNames(page)).toEqual([]);
      expect(page.coins).toHaveLength(references.length);
      page.coins.forEach((title, i) => {
        const item = references[i] as CslItem;
        const work = coinsWork(title);
        expect(work.type, item.id).toBe(expectedType(item) ?? work.type);
        expect(work.title, item.id).toBe(item.title);
        if ((item.author ?? []).length > 0) expect(work.creators, item.id).toBe(item.author?.length);
      });
      expect(page.links.some((l) => l.rel === 'canonical')).toBe(origin !== undefined);
    });

    it('makes each reference page that cited work, in COinS and in citation_* tags', () => {
      for (const item of references) {
        const path = `${slug}/references/${item.id.toLowerCase()}/`;
        const page = readPage(dir, `${path}index.html`);
        expect(page.coins, item.id).toHaveLength(1);
        const work = coinsWork(page.coins[0] ?? '');
        expect(work.type, item.id).toBe(expectedType(item) ?? work.type);
        expect(work.title, item.id).toBe(item.title);
        expect(values(page, 'citation_title'), item.id).toEqual(item.title ? [item.title] : []);
        expect(values(page, 'citation_author'), item.id).toHaveLength(item.author?.length ?? 0);
        expect(one(page, 'citation_doi'), item.id).toBe(item.DOI);
        expect(one(page, 'citation_pmid'), item.id).toBe(item.PMID);
        expect(values(page, 'citation_reference'), item.id).toEqual([]);
        // Embedded Metadata's reading agrees with COinS, except that it can only guess a book
        // from an ISBN (without one it guesses a journal article; COinS, which Zotero reads
        // first, says "book").
        if (item.type !== 'book')
          expect(highwireItemType(highwireNames(page)), item.id).toBe(expectedType(item));
        const canonical = page.links.filter((l) => l.rel === 'canonical').map((l) => l.href);
        expect(canonical, item.id).toEqual(origin ? [absolute(path)] : []);
      }
    });
  });

  it('offers every review of the library from the index', () => {
    const page = readPage(dir, 'index.html');
    expect(highwireNames(page)).toEqual([]);
    const works = page.coins.map(coinsWork);
    expect(works.map((w) => w.type)).toEqual(REVIEWS.map(() => 'journalArticle'));
    expect(works.map((w) => w.title).sort()).toEqual(REVIEWS.map((r) => r.meta.title).sort());
    for (const work of works) expect(work.creators).toBeGreaterThan(0);
    expect(page.links.filter((l) => l.rel === 'canonical').map((l) => l.href)).toEqual(
      origin ? [absolute('')] : [],
    );
  });
});
