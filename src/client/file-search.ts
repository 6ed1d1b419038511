/**
 * Search for a site opened from disk (file://), where Pagefind cannot run (it needs fetch, ES
 * modules and WebAssembly, which browsers refuse to file: pages). The build writes
 * `search-index.js`, a classic script that sets `window.LECTERN_SEARCH_INDEX` to the titles,
 * keywords, figure captions and references of every review (src/integrations/file-protocol.ts);
 * this loads it with a plain <script src> and searches it in memory.
 */

/** What one entry of the fallback index is: a review title, its keywords, a caption, a reference. */
export type FileSearchKind = 'title' | 'keywords' | 'figure' | 'reference';

export interface FileSearchEntry {
  kind: FileSearchKind;
  /** Element id on the page ("figure-2", "bib-darnell1997"), or "" for the page itself. */
  anchor: string;
  text: string;
}

export interface FileSearchPage {
  /** Path of the page's folder under the site root ("bournazou-2013-jakstat/"). */
  url: string;
  title: string;
  entries: FileSearchEntry[];
}

export interface FileSearchIndex {
  version: 1;
  pages: FileSearchPage[];
}

declare global {
  interface Window {
    LECTERN_SEARCH_INDEX?: FileSearchIndex;
  }
}

export interface FileSearchHit {
  page: FileSearchPage;
  /** The matching entries, the strongest first. */
  entries: FileSearchEntry[];
  score: number;
}

const KIND_WEIGHT: Record<FileSearchKind, number> = { title: 8, keywords: 4, figure: 2, reference: 1 };
const MAX_PAGES = 10;
const MAX_ENTRIES = 5;

/** Lower case, accents dropped: "Müller" and "muller" match. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of `text`, folded. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Pages whose entries hold every term of `query` as the start of a word ("darn" finds
 * "Darnell"), each with its matching entries; best first, at most ten. As in Pagefind's index
 * (src/lib/search/result-title.ts), a review whose own title or keywords match ranks above one
 * that matches only through the references it cites, however many: pages go by their best
 * entry's kind, then by the sum of their entries' weights.
 */
export function searchIndex(index: FileSearchIndex, query: string): FileSearchHit[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const hits: FileSearchHit[] = [];
  for (const page of index.pages) {
    const matching = page.entries.filter((entry) => {
      const entryWords = words(entry.text);
      return terms.every((term) => entryWords.some((word) => word.startsWith(term)));
    });
    if (matching.length === 0) continue;
    matching.sort((a, b) => KIND_WEIGHT[b.kind] - KIND_WEIGHT[a.kind]);
    const score = matching.reduce((sum, entry) => sum + KIND_WEIGHT[entry.kind], 0);
    hits.push({ page, entries: matching, score });
  }
  const best = (hit: FileSearchHit): number => KIND_WEIGHT[hit.entries[0]?.kind ?? 'reference'];
  return hits
    .sort((a, b) => best(b) - best(a) || b.score - a.score || a.page.title.localeCompare(b.page.title))
    .slice(0, MAX_PAGES);
}

/** `text` as text nodes and <mark>s around the words that start with a term. */
function highlighted(doc: Document, text: string, terms: string[]): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const part of text.split(/([\p{L}\p{N}]+)/u)) {
    if (part === '') continue;
    const folded = fold(part);
    if (/[\p{L}\p{N}]/u.test(part) && terms.some((term) => folded.startsWith(term))) {
      const mark = doc.createElement('mark');
      mark.textContent = part;
      fragment.append(mark);
    } else {
      fragment.append(part);
    }
  }
  return fragment;
}

/** About 30 words of `text` around its first match. */
function excerpt(text: string, terms: string[]): string {
  const parts = text.split(/\s+/);
  if (parts.length <= 30) return text;
  const first = Math.max(
    0,
    parts.findIndex((part) => words(part).some((word) => terms.some((term) => word.startsWith(term)))),
  );
  const start = Math.max(0, Math.min(first - 10, parts.length - 30));
  return `${start > 0 ? '… ' : ''}${parts.slice(start, start + 30).join(' ')}${start + 30 < parts.length ? ' …' : ''}`;
}

const KIND_LABEL: Record<FileSearchKind, string> = {
  title: 'Title',
  keywords: 'Keywords',
  figure: 'Figure',
  reference: 'Reference',
};

/**
 * Replaces the Pagefind mount point with a search box over the fallback index. Result links
 * point at the pages' index.html files under `siteRoot`, the folder the site was opened from.
 */
export function mountFileSearch(element: HTMLElement, siteRoot: URL): void {
  const doc = element.ownerDocument;
  const ui = doc.createElement('div');
  ui.className = 'pagefind-ui file-search';
  const label = doc.createElement('label');
  label.className = 'visually-hidden';
  label.htmlFor = 'file-search-input';
  label.textContent = 'Search this library';
  const input = doc.createElement('input');
  input.id = 'file-search-input';
  input.type = 'search';
  input.className = 'file-search__input';
  input.placeholder = 'Search this library';
  input.autocomplete = 'off';
  input.disabled = true;
  input.style.width = '100%';
  input.style.padding = '0.45rem 0.6rem';
  input.style.font = 'inherit';
  const status = doc.createElement('p');
  status.className = 'file-search__status visually-hidden';
  status.setAttribute('role', 'status');
  const drawer = doc.createElement('div');
  drawer.className = 'pagefind-ui__drawer';
  ui.append(label, input, status, drawer);
  element.replaceChildren(ui);

  const render = (index: FileSearchIndex): void => {
    const query = input.value;
    const terms = words(query);
    const hits = searchIndex(index, query);
    if (terms.length === 0) {
      drawer.replaceChildren();
      status.textContent = '';
      return;
    }
    const area = doc.createElement('div');
    area.className = 'pagefind-ui__results-area';
    const message = doc.createElement('p');
    message.className = 'file-search__message';
    message.textContent =
      hits.length === 0
        ? `No results for ${query}`
        : `${hits.length} ${hits.length === 1 ? 'review' : 'reviews'} for ${query} (offline search)`;
    status.textContent = message.textContent;
    const list = doc.createElement('ol');
    list.className = 'file-search__results';
    for (const hit of hits) {
      const item = doc.createElement('li');
      item.className = 'file-search__result';
      const title = doc.createElement('p');
      title.className = 'file-search__result-title';
      const link = doc.createElement('a');
      link.className = 'file-search__result-link';
      link.href = new URL(`${hit.page.url}index.html`, siteRoot).href;
      link.textContent = hit.page.title;
      title.append(link);
      const matches = doc.createElement('ul');
      for (const entry of hit.entries.slice(0, MAX_ENTRIES)) {
        const row = doc.createElement('li');
        row.className = 'file-search__excerpt';
        const where = doc.createElement('a');
        where.href = new URL(
          `${hit.page.url}index.html${entry.anchor ? `#${entry.anchor}` : ''}`,
          siteRoot,
        ).href;
        where.textContent = `${KIND_LABEL[entry.kind]}: `;
        row.append(where, highlighted(doc, excerpt(entry.text, terms), terms));
        matches.append(row);
      }
      item.append(title, matches);
      list.append(item);
    }
    area.append(message, list);
    drawer.replaceChildren(area);
  };

  const script = doc.createElement('script');
  script.src = new URL('search-index.js', siteRoot).href;
  script.addEventListener('load', () => {
    const index = window.LECTERN_SEARCH_INDEX;
    if (!index) return;
    input.disabled = false;
    input.addEventListener('input', () => {
      render(index);
    });
    if (input.value !== '') render(index);
  });
  script.addEventListener('error', () => {
    ui.replaceChildren('Search is unavailable: search-index.js was not found next to this page.');
  });
  doc.head.append(script);
}
