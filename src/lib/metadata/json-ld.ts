/**
 * schema.org `ScholarlyArticle` JSON-LD for a review page: the article, its authors, journal and
 * identifiers, and a `citation` array with every reference and its identifiers (`sameAs` the
 * doi.org / PubMed / PMC records, `identifier` PropertyValues). `jsonLdText` makes the JSON safe
 * inside `<script type="application/ld+json">`.
 */
import type { CslItem, CslName } from '../schema/csl.ts';
import type { ReviewMeta } from '../schema/review.ts';
import { doiUrl, isoDate, pageRange, pmcUrl, pubmedUrl } from './shared.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const compact = (object: Record<string, Json | undefined>): JsonObject =>
  Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as JsonObject;

function person(name: CslName & { orcid?: string | undefined }): JsonObject {
  if (name.literal) return { '@type': 'Organization', name: name.literal };
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return compact({
    '@type': 'Person',
    name: [name.given, family, name.suffix].filter(Boolean).join(' '),
    givenName: name.given,
    familyName: family || undefined,
    sameAs: name.orcid
      ? `https://orcid.org/${name.orcid.replace(/^https?:\/\/orcid\.org\//, '')}`
      : undefined,
  });
}

interface Ids {
  DOI?: string | undefined;
  PMID?: string | undefined;
  PMCID?: string | undefined;
}

function identifiers({ DOI, PMID, PMCID }: Ids): { sameAs: Json[]; identifier: Json[] } {
  const value = (propertyID: string, v: string): JsonObject => ({
    '@type': 'PropertyValue',
    propertyID,
    value: v,
  });
  return {
    sameAs: [DOI && doiUrl(DOI), PMID && pubmedUrl(PMID), PMCID && pmcUrl(PMCID)].filter(
      (u): u is string => !!u,
    ),
    identifier: [
      DOI && value('doi', DOI),
      PMID && value('pmid', PMID),
      PMCID && value('pmcid', PMCID),
    ].filter((v): v is JsonObject => !!v),
  };
}

const TYPES: Record<string, string> = {
  'article-journal': 'ScholarlyArticle',
  article: 'ScholarlyArticle',
  book: 'Book',
  chapter: 'Chapter',
  report: 'Report',
  thesis: 'Thesis',
  webpage: 'WebPage',
  dataset: 'Dataset',
  software: 'SoftwareSourceCode',
};

/**
 * One reference as a schema.org CreativeWork, compact: what identifies the work (its
 * doi.org / PubMed / PMC records as `sameAs`; title and year only for a work with none), not
 * the whole record, which the page's `citation_reference` tags and exports carry.
 */
export function workJsonLd(item: CslItem): JsonObject {
  const { sameAs } = identifiers(item);
  const links = sameAs.length > 0 ? sameAs : item.URL ? [item.URL] : [];
  // A resolver link identifies the work on its own; title and year only name one that has none.
  // Hundreds of titles here would double the weight of a long list's page (issue 11).
  if (links.length > 0) return { '@type': TYPES[item.type] ?? 'CreativeWork', sameAs: links };
  const year = item.issued?.['date-parts']?.[0]?.[0];
  return compact({
    '@type': TYPES[item.type] ?? 'CreativeWork',
    name: item.title,
    datePublished: year === undefined ? undefined : String(year),
  });
}

/**
 * The review as a ScholarlyArticle; `url` is its page's absolute URL (left out when the site's
 * origin is unknown: schema.org wants an absolute URL); `abstract` is plain text.
 */
export function reviewJsonLd(
  meta: ReviewMeta,
  url: string | undefined,
  abstract: string,
  references: CslItem[],
): JsonObject {
  const { first, last } = pageRange(meta.pages ?? meta.eLocator);
  const { sameAs, identifier } = identifiers({ DOI: meta.doi, PMID: meta.pmid, PMCID: meta.pmcid });
  const journal = meta.journal.title ?? meta.journal.abbreviation;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: meta.title.length > 110 ? undefined : meta.title,
    name: meta.title,
    url,
    author: meta.authors.map(person),
    datePublished: isoDate(meta.issued),
    isPartOf:
      journal === undefined
        ? undefined
        : compact({
            '@type': 'PublicationIssue',
            issueNumber: meta.issue,
            isPartOf: compact({
              '@type': 'PublicationVolume',
              volumeNumber: meta.volume,
              isPartOf: { '@type': 'Periodical', name: journal },
            }),
          }),
    pageStart: first,
    pageEnd: last,
    keywords: meta.keywords.length > 0 ? meta.keywords.join(', ') : undefined,
    abstract: abstract.trim() || undefined,
    license: meta.licence?.url,
    sameAs,
    identifier,
    citation: references.map(workJsonLd),
  });
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` as \u escapes, so
 * no value can close the script element or open a comment; U+2028/2029 escaped for old parsers.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
