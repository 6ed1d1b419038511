import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { FileSearchIndex, FileSearchPage } from '../../client/file-search.ts';
import { DEFAULT_STYLE } from '../cite/styles.ts';
import { referenceInListPath, reviewPath } from '../references/identity.ts';
import type { Library, LibraryReference, LibraryReview } from '../references/library.ts';

/**
 * The search records of the reference layer, made once and given to both indexes: Pagefind's
 * (src/integrations/pagefind.ts adds each reference as a custom record, with the filters and
 * sorts the reference browser queries) and the file:// fallback (src/integrations/
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
  sort: Record<string, string>;
}

/** The text of an entry's HTML (citeproc's markup and entities resolved). */
export function entryText(html: string): string {
  return toText(fromHtml(html, { fragment: true }))
    .replace(/\s+/g, ' ')
    .trim();
}

function recordTitle(reference: LibraryReference, review: LibraryReview): string {
  return `${reference.record.title} (reference ${reference.number} in “${review.title}”)`;
}

/** One record per reference: it names the review citing it and links to its entry there. */
export function referenceSearchRecords(library: Library): ReferenceSearchRecord[] {
  return library.reviews.flatMap((review) =>
    review.references.map((reference) => {
      const { record } = reference;
      const entry = entryText(reference.entries[DEFAULT_STYLE] ?? '');
      return {
        url: `/${referenceInListPath(review.slug, reference.key)}`,
        content: [entry, record.abstract, `Cited in ${review.title}.`].filter(Boolean).join(' '),
        language: 'en',
        meta: { title: recordTitle(reference, review), review: review.title, ref: reference.segment },
        filters: { ...record.filters, review: [review.slug] },
        sort: record.sort,
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
