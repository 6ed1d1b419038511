import type { ParsedReview } from '../../schema/review.ts';
import { SourceError } from '../../errors.ts';
import { assignIds } from '../../references/assign-ids.ts';
import { reviewSlug } from '../../references/review-slug.ts';
import { segmentPage } from './segment-page.ts';
import { parseHeader } from './parse-header.ts';
import { parseAbstract } from './parse-abstract.ts';
import { parseFigures } from './parse-figures.ts';
import { parseReferenceList } from './parse-reference-list.ts';
import { incompleteReferences } from '../incomplete-references.ts';

/**
 * Reads the text of a PubMed article page as a browser copies it.
 * @param sourcePath where the text lives, relative to `content/`; used in errors and metadata.
 */
export function parsePubmedText(text: string, sourcePath: string, slug?: string): ParsedReview {
  refuseMarkup(text, sourcePath);
  const page = segmentPage(text);
  const header = parseHeader(page.header);
  if (!header.title) {
    const firstLine = page.header.find((l) => l.text !== '');
    throw new SourceError(
      sourcePath,
      firstLine?.n ?? 1,
      'a PubMed article page: a citation line such as "J Name. 2013 Apr 1;2(2):e23828." followed by the title',
      firstLine?.text,
    );
  }
  const abstract = parseAbstract(page.sections.abstract ?? []);
  const figures = parseFigures(page.sections.figures ?? []);
  const pageReferences = parseReferenceList(page.sections.references ?? []);
  const references = assignIds(pageReferences.map((r) => r.item));

  const meta = {
    title: header.title.text,
    publicationTypes: header.publicationTypes,
    authors: header.authors,
    authorsTruncated: header.authorsTruncated,
    journal: header.journalAbbreviation ? { abbreviation: header.journalAbbreviation } : {},
    ...(header.issued ? { issued: header.issued } : {}),
    ...(header.volume ? { volume: header.volume } : {}),
    ...(header.issue ? { issue: header.issue } : {}),
    ...(header.pages ? { pages: header.pages } : {}),
    ...(header.eLocator ? { eLocator: header.eLocator } : {}),
    ...(header.doi ? { doi: header.doi } : {}),
    ...(header.pmid ? { pmid: header.pmid } : {}),
    ...(header.pmcid ? { pmcid: header.pmcid } : {}),
    keywords: abstract.keywords,
    corrections: [],
    source: { path: sourcePath, format: 'pubmed-text' as const },
    bibliography: 'references.json',
  };

  return {
    review: {
      slug: slug ?? reviewSlug(meta),
      meta,
      abstract: abstract.sections,
      figures,
      references,
    },
    incomplete: incompleteReferences(pageReferences),
  };
}

/**
 * A copied page is text; XML or HTML read as text would find a "citation line" inside a tag's
 * text and put a review titled with markup on the site. No copied page starts with a tag.
 */
function refuseMarkup(text: string, sourcePath: string): void {
  const start = /^[\s\uFEFF]*/.exec(text)?.[0] ?? '';
  const head = text.slice(start.length, start.length + 200);
  if (/^<(?:\?xml|!doctype|!--|[a-z][\w:.-]*[\s/>])/i.test(head)) {
    throw new SourceError(
      sourcePath,
      start.split(/\r\n|\r|\n/).length,
      'a PubMed article page copied as text, not XML or HTML (use --format pubmed-xml, jats or pubmed-html)',
      head.split(/\r\n|\r|\n/)[0],
    );
  }
}
