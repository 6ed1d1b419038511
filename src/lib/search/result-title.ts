/**
 * The title a reference's search result shows, made from its record when it is shown, not
 * stored: a stored `title` meta would be searched and boosted as a title (Pagefind 1.5+ searches
 * every meta field, with a title weight of 5), so a reference would rank above the review it is
 * cited in for that review's own topic, and the review's title words would make every one of
 * its references a match. The record holds the reference's title and number as meta and the
 * citing review's title as a filter value, which is returned with the result but never searched.
 * Dependency-free: the header's search script bundles it.
 */

/** A search result as Pagefind's `data()` returns it, as far as a title needs. */
export interface ResultData {
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}

/** The meta keys of a reference record (src/lib/search/search-records.ts). */
export const REFERENCE_META = { title: 'reference', number: 'number', segment: 'ref' } as const;
/** The filter naming the review that cites a reference, by its title. */
export const CITED_IN_FILTER = 'cited_in';

/**
 * A review's title as the value of the `cited_in` filter. Pagefind's UI writes filter values
 * into its (hidden) filter panel as HTML, so neither a tag nor an entity may reach it: angle
 * brackets become look-alikes (‹ ›, as withoutMarkup in query-syntax.ts does) and `&` a
 * full-width ＆, which the result title turns back, as it is shown as text.
 */
export function citedInValue(reviewTitle: string): string {
  return reviewTitle.replace(/</g, '\u2039').replace(/>/g, '\u203a').replace(/&/g, '\uff06');
}

/** "STATs and gene regulation (reference 1 in “Targeting the tumor microenvironment…”)". */
export function referenceResultTitle(
  title: string,
  number: string | undefined,
  review: string | undefined,
): string {
  const where = [number ? `reference ${number}` : 'reference', review ? `in “${review}”` : '']
    .filter(Boolean)
    .join(' ');
  return `${title} (${where})`;
}

/**
 * A result as the header's search shows it: a reference gets its title from its record, and
 * the record's own keys are not listed under it as tags. Any other result is left as it is.
 */
export function withResultTitle<T extends ResultData>(result: T): T {
  const title = result.meta[REFERENCE_META.title];
  if (title === undefined || result.meta['title']) return result;
  const meta: Record<string, string | undefined> = {
    title: referenceResultTitle(
      title,
      result.meta[REFERENCE_META.number],
      result.filters?.[CITED_IN_FILTER]?.[0]?.replace(/\uff06/g, '&'),
    ),
  };
  for (const [key, value] of Object.entries(result.meta)) {
    if (!(Object.values(REFERENCE_META) as string[]).includes(key) && key !== 'title') meta[key] = value;
  }
  return { ...result, meta };
}
