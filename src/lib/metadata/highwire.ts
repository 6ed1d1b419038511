/**
 * Highwire Press `citation_*` meta tags, which Google Scholar, Zotero and other reference
 * managers read from an article page: https://scholar.google.com/intl/en/scholar/inclusion.html.
 * Values are plain text; the page escapes them as attribute values.
 */
import type { CslItem } from '../schema/csl.ts';
import type { ReviewMeta } from '../schema/review.ts';
import { looseText, nameText, pageRange, slashDate, yearOf } from './shared.ts';

export interface MetaTag {
  name: string;
  content: string;
}

/**
 * Tags for the review itself. `abstract` is plain text (Zotero takes `citation_abstract` whole;
 * without it, it falls back to a cut Open Graph description). `abstractUrl` is the page's
 * absolute URL, left out when the site's origin is unknown (the tag wants an absolute URL).
 */
export function highwireTags(meta: ReviewMeta, abstract: string, abstractUrl: string | undefined): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined): void => {
    if (content !== undefined && content.trim() !== '') tags.push({ name, content: content.trim() });
  };
  add('citation_title', meta.title);
  for (const author of meta.authors) add('citation_author', nameText(author));
  add('citation_journal_title', meta.journal.title ?? meta.journal.abbreviation);
  add('citation_journal_abbrev', meta.journal.abbreviation);
  add('citation_publication_date', slashDate(meta.issued));
  add('citation_volume', meta.volume);
  add('citation_issue', meta.issue);
  const { first, last } = pageRange(meta.pages ?? meta.eLocator);
  add('citation_firstpage', first);
  add('citation_lastpage', last);
  add('citation_doi', meta.doi);
  add('citation_pmid', meta.pmid);
  add('citation_pmcid', meta.pmcid);
  for (const keyword of meta.keywords) add('citation_keywords', keyword);
  add('citation_abstract', abstract);
  add('citation_language', 'en');
  add('citation_abstract_html_url', abstractUrl);
  return tags;
}

/**
 * The tag that gives a cited work its item type in Zotero's Embedded Metadata translator and
 * Google Scholar: a journal title makes an article, a book title a chapter, an institution a
 * report or thesis, a conference a paper.
 */
const CONTAINER_TAG: Record<string, string> = {
  'article-journal': 'citation_journal_title',
  article: 'citation_journal_title',
  'article-magazine': 'citation_journal_title',
  'article-newspaper': 'citation_journal_title',
  chapter: 'citation_book_title',
  'paper-conference': 'citation_conference_title',
};

/**
 * Tags for a cited work, on its own reference page: the work, not the review, is the page's
 * item. (No `citation_abstract_html_url`: the page is Lectern's, not the work's landing page.)
 */
export function workHighwireTags(item: CslItem): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, content: string | undefined): void => {
    if (content !== undefined && content.trim() !== '')
      tags.push({ name, content: content.replace(/\s+/g, ' ').trim() });
  };
  add('citation_title', item.title);
  for (const author of item.author ?? []) add('citation_author', nameText(author));
  const containerTag = CONTAINER_TAG[item.type];
  if (containerTag) add(containerTag, item['container-title']);
  if (containerTag === 'citation_journal_title')
    add('citation_journal_abbrev', item['container-title-short']);
  if (item.type === 'report') add('citation_technical_report_institution', item.publisher);
  else if (item.type === 'thesis') add('citation_dissertation_institution', item.publisher);
  else add('citation_publisher', item.publisher);
  add('citation_publication_date', slashDate(item.issued));
  add('citation_volume', item.volume);
  add('citation_issue', item.issue);
  const { first, last } = pageRange(item.page);
  add('citation_firstpage', first);
  add('citation_lastpage', last);
  add('citation_issn', looseText(item, 'ISSN'));
  add('citation_isbn', item.ISBN);
  add('citation_doi', item.DOI);
  add('citation_pmid', item.PMID);
  add('citation_pmcid', item.PMCID);
  add('citation_abstract', looseText(item, 'abstract'));
  add('citation_language', looseText(item, 'language'));
  return tags;
}

/** A `;` inside a value would end the field early; `=` is safe after the first. */
const field = (key: string, value: string | undefined): string | undefined =>
  value === undefined || value.trim() === ''
    ? undefined
    : `${key}=${value.replace(/;/g, ',').replace(/\s+/g, ' ').trim()}`;

/** One `citation_reference` value: "citation_title=…; citation_author=…; citation_year=…". */
export function citationReference(item: CslItem): string {
  const { first, last } = pageRange(item.page);
  return [
    field('citation_title', item.title),
    ...(item.author ?? []).map((a) => field('citation_author', nameText(a))),
    field(
      item.type === 'article-journal' ? 'citation_journal_title' : 'citation_publisher',
      item['container-title'] ?? item.publisher,
    ),
    // The year alone: a reference list cites by year, and a full date beside it would repeat it.
    field('citation_year', yearOf(item.issued)),
    field('citation_volume', item.volume),
    field('citation_issue', item.issue),
    field('citation_firstpage', first),
    field('citation_lastpage', last),
    field('citation_doi', item.DOI),
    field('citation_pmid', item.PMID),
    field('citation_pmcid', item.PMCID),
  ]
    .filter((f): f is string => f !== undefined)
    .join('; ');
}

export function referenceTags(items: CslItem[]): MetaTag[] {
  return items.map((item) => ({ name: 'citation_reference', content: citationReference(item) }));
}
