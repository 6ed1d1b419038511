import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { FileSearchIndex, FileSearchPage } from '../../client/file-search.ts';
import { DEFAULT_STYLE } from '../cite/styles.ts';
import { referenceInListPath, reviewPath } from '../references/identity.ts';
import type { Library } from '../references/library.ts';
import { CITED_IN_FILTER, citedInValue, REFERENCE_META } from './result-title.ts';

/**
 * The search records of the reference layer, made once and given to both indexes: Pagefind's
 * (src/integrations/pagefind.ts adds each reference as a record of its own, with the filters
 * the reference browser queries) and the file:// fallback (src/integrations/
 * file-protocol.ts writes it as search-index.js). Neither is scraped from built pages.
 */

/** A reference as Pagefind's `addCustomRecord` takes it. */
export interface ReferenceSearchRecord {
  /** Root-relative, without the base path (Pagefind adds its `baseUrl`): the entry in the review's list. */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** The text of an entry's HTML (citeproc's markup and entities resolved). */
export function entryText(html: string): string {
  return toText(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One record per reference, linking to its entry in the review's list. Only the entry and the
 * abstract are searched: the review's title is a filter value (returned with the result, never
 * searched), and there is no `title` meta, which Pagefind would search and boost as a title
 * (see result-title.ts). So a topic word ranks the review that discusses it above the
 * references about it, and a review's title words do not make all its references match.
 */
export function referenceSearchRecords(library: Library): ReferenceSearchRecord[] {
  return library.reviews.flatMap((review) =>
    review.references.map((reference) => {
      const { record } = reference;
      const entry = entryText(reference.entries[DEFAULT_STYLE] ?? '');
      return {
        url: `/${referenceInListPath(review.slug, reference.key)}`,
        content: [entry, record.abstract].filter(Boolean).join(' '),
        language: 'en',
        meta: {
          [REFERENCE_META.title]: record.title,
          [REFERENCE_META.number]: String(reference.number),
          [REFERENCE_META.segment]: reference.segment,
        },
        filters: {
          ...record.filters,
          review: [review.slug],
          [CITED_IN_FILTER]: [citedInValue(review.title)],
        },
      };
    }),
  );
}

/** The file:// fallback index: each review's title, keywords, figure captions and references. */
export function fileSearchIndex(library: Library): FileSearchIndex {
  const pages: FileSearchPage[] = library.reviews.map((review) => ({
    url: reviewPath(review.slug),
    title: review.title,
    entries: [
      { kind: 'title', anchor: '', text: review.title },
      ...review.figures.map((f) => ({ kind: 'figure' as const, anchor: f.anchor, text: f.text })),
      ...review.references.map((r) => ({
        kind: 'reference' as const,
        anchor: r.anchor,
        text: entryText(r.entries[DEFAULT_STYLE] ?? ''),
      })),
      ...(review.keywords.length > 0
        ? [{ kind: 'keywords' as const, anchor: 'abstract', text: review.keywords.join('; ') }]
        : []),
    ],
  }));
  return { version: 1, pages: pages.sort((a, b) => a.url.localeCompare(b.url)) };
}
