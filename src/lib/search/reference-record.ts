import { issuedYear } from '../chart/year-histogram.ts';
import { referenceLinks, type IdentifierLink } from '../identifier-links.ts';
import { referenceAnchor, referenceSegment } from '../references/identity.ts';
import type { CslItem } from '../schema/csl.ts';
import { filterValue, normaliseDoi, withoutMarkup } from './query-syntax.ts';

/**
 * What the reference browser knows about one reference: the Pagefind filters and sort keys its
 * permalink page carries, and the reader-facing labels for them. Pure; the pages render it.
 */
export interface ReferenceRecord {
  /** URL segment of the permalink (references/identity.ts). */
  segment: string;
  /** The entry's id in the review's list (references/identity.ts). */
  anchor: string;
  number: number;
  title: string;
  year?: number;
  /** "1990s"; undefined without a year. */
  decade?: string;
  journal?: string;
  /** Reader-facing type: "Journal article", "Book", "Book chapter", "Web page"… */
  type: string;
  /** Which of "DOI", "PMID", "PMCID", "Free full text" the reference has, in that order. */
  has: string[];
  /** Every author's family name (or literal name), normalised for the `author:` filter. */
  authors: string[];
  /** First author as a sort key: "darnell je". */
  firstAuthor: string;
  /** The first author's name as printed, e.g. "Darnell JE Jr." or "WHO". */
  firstAuthorLabel?: string;
  filters: Record<string, string[]>;
  sort: Record<'number' | 'year' | 'author', string>;
  links: IdentifierLink[];
  /** The abstract, when the content has one. */
  abstract?: string;
}

const TYPE_LABELS: Record<string, string> = {
  'article-journal': 'Journal article',
  article: 'Article',
  'article-magazine': 'Magazine article',
  'article-newspaper': 'Newspaper article',
  book: 'Book',
  chapter: 'Book chapter',
  'paper-conference': 'Conference paper',
  report: 'Report',
  thesis: 'Thesis',
  webpage: 'Web page',
  'post-weblog': 'Blog post',
  dataset: 'Dataset',
  patent: 'Patent',
  software: 'Software',
  manuscript: 'Manuscript',
  preprint: 'Preprint',
};

export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? (type.charAt(0).toUpperCase() + type.slice(1)).replace(/-/g, ' ');
}

export function europePmcUrl(pmid: string): string {
  return `https://europepmc.org/article/MED/${encodeURIComponent(pmid)}`;
}

/** The reference's links: DOI, PubMed, PMC (or a PubMed search), then Europe PMC by PMID. */
export function recordLinks(item: CslItem): IdentifierLink[] {
  const links = referenceLinks(item);
  if (item.PMID) {
    const at = links.findIndex((l) => l.kind === 'pmc');
    const europe = { kind: 'europepmc', label: 'Europe PMC', href: europePmcUrl(item.PMID) } as const;
    links.splice(at === -1 ? links.length : at + 1, 0, europe);
  }
  return links;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function referenceRecord(item: CslItem, number: number): ReferenceRecord {
  // The year chart counts by the same rule, so a bar's `year:` query finds its works.
  const year = issuedYear(item);
  const printed = item['container-title-short'] ?? item['container-title'];
  // Also shown as text on the pages, but it is a Pagefind filter value too (see withoutMarkup).
  const journal = printed === undefined ? undefined : withoutMarkup(printed);
  const names = item.author ?? item.editor ?? [];
  const authors = [
    ...new Set(
      names.map((n) => filterValue(n.family ?? n.literal ?? '')).filter((n) => n !== '' && n !== 'et al.'),
    ),
  ];
  const first = names[0];
  const firstAuthor = first
    ? filterValue([first.family ?? first.literal ?? '', first.given ?? ''].join(' '))
    : '';
  const firstAuthorLabel = first
    ? [first.family ?? first.literal, first.given?.replace(/[.\s]/g, ''), first.suffix]
        .filter(Boolean)
        .join(' ')
    : undefined;
  const has: string[] = [];
  if (item.DOI) has.push('DOI');
  if (item.PMID) has.push('PMID');
  if (item.PMCID) has.push('PMCID');
  // PubMed Central articles are free to read; a URL in the item is a free link too.
  if (item.PMCID || item.URL) has.push('Free full text');
  const type = typeLabel(item.type);
  const decade = year === undefined ? undefined : `${Math.floor(year / 10) * 10}s`;
  const filters: Record<string, string[]> = {
    kind: ['reference'],
    type: [type],
    has,
    author: authors,
  };
  if (year !== undefined) filters['year'] = [String(year)];
  if (decade !== undefined) filters['decade'] = [decade];
  if (journal) filters['journal'] = [journal];
  if (item.DOI) filters['doi'] = [normaliseDoi(item.DOI)];
  if (item.PMID) filters['pmid'] = [item.PMID];
  if (item.PMCID) filters['pmcid'] = [filterValue(item.PMCID)];
  const abstract = (item as { abstract?: unknown }).abstract;
  return {
    segment: referenceSegment(item.id),
    anchor: referenceAnchor(item.id),
    number,
    title: item.title ?? `Reference ${number}`,
    ...(year === undefined ? {} : { year }),
    ...(decade === undefined ? {} : { decade }),
    ...(journal ? { journal } : {}),
    type,
    has,
    authors,
    firstAuthor,
    ...(firstAuthorLabel ? { firstAuthorLabel } : {}),
    filters,
    // Zero-padded, so a lexical sort is a numeric one too; undated references sort first.
    sort: { number: pad(number, 5), year: pad(year ?? 0, 4), author: firstAuthor || '~' },
    links: recordLinks(item),
    ...(typeof abstract === 'string' && abstract.trim() ? { abstract: abstract.trim() } : {}),
  };
}

/** Filter values with counts, for the browser's checkboxes: most frequent first, then by name. */
export function facetCounts(records: ReferenceRecord[], key: string): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of records) for (const v of r.filters[key] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
  const numeric = key === 'year' || key === 'decade';
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) =>
      numeric ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value),
    );
}
