import type { CslDate } from '../../schema/csl.ts';
import type { ReviewMeta } from '../../schema/review.ts';
import { SourceError } from '../../errors.ts';
import { childElement, childElements, elementAt, textContent, type XmlElement } from '../../xml/read-xml.ts';
import { normalizeDoi } from '../identifiers.ts';
import { dateParts, isPlausibleYear, monthNumber, seasonNumber } from '../parse-date.ts';
import { readArticleIds } from './article-ids.ts';
import { readAuthors } from './read-authors.ts';
import { readCorrections } from './read-corrections.ts';
import { inlinePlainText } from './inline-text.ts';

/** The parts of a `<PubmedArticle>` every reader works from. */
export interface ArticleParts {
  pubmedArticle: XmlElement;
  medlineCitation: XmlElement;
  article: XmlElement;
  pubmedData: XmlElement | undefined;
}

/** Finds MedlineCitation/Article, or says which element is missing. */
export function articleParts(pubmedArticle: XmlElement, sourcePath: string): ArticleParts {
  const medlineCitation = childElement(pubmedArticle, 'MedlineCitation');
  const article = medlineCitation ? childElement(medlineCitation, 'Article') : undefined;
  if (!medlineCitation || !article) {
    throw new SourceError(
      sourcePath,
      (medlineCitation ?? pubmedArticle).line,
      medlineCitation ? '<Article> inside <MedlineCitation>' : '<MedlineCitation> inside <PubmedArticle>',
    );
  }
  return { pubmedArticle, medlineCitation, article, pubmedData: childElement(pubmedArticle, 'PubmedData') };
}

/** The review's metadata from one `<PubmedArticle>`; nothing the record lacks is invented. */
export function readArticleMeta(parts: ArticleParts, sourcePath: string): ReviewMeta {
  const { medlineCitation, article, pubmedData } = parts;
  const titleElement = childElement(article, 'ArticleTitle');
  const title = withoutFinalPeriod(
    inlinePlainText(titleElement) || inlinePlainText(childElement(article, 'VernacularTitle')),
  );
  if (!title) {
    throw new SourceError(sourcePath, (titleElement ?? article).line, 'a non-empty <ArticleTitle>');
  }

  const journal = childElement(article, 'Journal');
  const journalIssue = journal ? childElement(journal, 'JournalIssue') : undefined;
  const journalTitle = textContent(journal && childElement(journal, 'Title'));
  const abbreviation =
    textContent(journal && childElement(journal, 'ISOAbbreviation')) ||
    textContent(elementAt(medlineCitation, ['MedlineJournalInfo', 'MedlineTA']));
  const issued =
    readPubDate(journalIssue && childElement(journalIssue, 'PubDate')) ??
    readNumericDate(childElement(article, 'ArticleDate'));
  const volume = textContent(journalIssue && childElement(journalIssue, 'Volume'));
  const issue = textContent(journalIssue && childElement(journalIssue, 'Issue'));
  const { pages, eLocator } = readLocators(article);

  const ids = readArticleIds(pubmedData && childElement(pubmedData, 'ArticleIdList'));
  const doi = readElocationDoi(article) ?? ids.doi;
  const citationPmid = textContent(childElement(medlineCitation, 'PMID'));
  const pmid = /^\d+$/.test(citationPmid) ? citationPmid : ids.pmid;
  const { authors, truncated } = readAuthors(article);
  const copyright = textContent(elementAt(article, ['Abstract', 'CopyrightInformation']));

  return {
    title,
    publicationTypes: texts(childElement(article, 'PublicationTypeList'), 'PublicationType'),
    authors,
    authorsTruncated: truncated,
    journal: {
      ...(journalTitle ? { title: journalTitle } : {}),
      ...(abbreviation ? { abbreviation } : {}),
    },
    ...(issued ? { issued } : {}),
    ...(volume ? { volume } : {}),
    ...(issue ? { issue } : {}),
    ...(pages ? { pages } : {}),
    ...(eLocator ? { eLocator } : {}),
    ...(doi ? { doi } : {}),
    ...(pmid ? { pmid } : {}),
    ...(ids.pmcid ? { pmcid: ids.pmcid } : {}),
    keywords: unique(childElements(medlineCitation, 'KeywordList').flatMap((list) => texts(list, 'Keyword'))),
    ...(copyright ? { licence: { copyright } } : {}),
    corrections: readCorrections(medlineCitation),
    source: { path: sourcePath, format: 'pubmed-xml' },
    bibliography: 'references.json',
  };
}

/**
 * MEDLINE ends every ArticleTitle with a period ("Low back pain."); the article and PubMed's page
 * print the title without it. "?", "!" and an ellipsis stay.
 */
function withoutFinalPeriod(title: string): string {
  return /[^.]\.$/.test(title) ? title.slice(0, -1) : title;
}

function texts(parent: XmlElement | undefined, name: string): string[] {
  if (!parent) return [];
  return childElements(parent, name)
    .map((e) => inlinePlainText(e))
    .filter((t) => t !== '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * `JournalIssue/PubDate`: Year with Month (name or number) and Day, or Year with Season, or
 * a `MedlineDate` such as "1998 Dec-1999 Jan" kept as printed.
 */
function readPubDate(pubDate: XmlElement | undefined): CslDate | undefined {
  if (!pubDate) return undefined;
  const medlineDate = textContent(childElement(pubDate, 'MedlineDate'));
  const year = Number(textContent(childElement(pubDate, 'Year')));
  if (!isPlausibleYear(year)) return medlineDate ? { raw: medlineDate } : undefined;
  const month = readMonth(textContent(childElement(pubDate, 'Month')));
  const day = Number(textContent(childElement(pubDate, 'Day')));
  const date: CslDate = { 'date-parts': [dateParts(year, month, day || undefined)] };
  const season = textContent(childElement(pubDate, 'Season'));
  if (season && month === undefined) date.season = seasonNumber(season) ?? season;
  return date;
}

/** `ArticleDate` (the electronic publication date): numeric Year, Month, Day. */
function readNumericDate(element: XmlElement | undefined): CslDate | undefined {
  if (!element) return undefined;
  const year = Number(textContent(childElement(element, 'Year')));
  if (!isPlausibleYear(year)) return undefined;
  const month = readMonth(textContent(childElement(element, 'Month')));
  const day = Number(textContent(childElement(element, 'Day')));
  return { 'date-parts': [dateParts(year, month, day || undefined)] };
}

function readMonth(text: string): number | undefined {
  if (text === '') return undefined;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  return monthNumber(text);
}

/**
 * Printed pages from `MedlinePgn` (as PubMed prints them, "259-65"), else StartPage–EndPage.
 * An article number in place of pages ("e0180707") is the e-locator; without pages, the first
 * `ELocationID` that is not a DOI is.
 */
function readLocators(article: XmlElement): { pages?: string; eLocator?: string } {
  const pagination = childElement(article, 'Pagination');
  const medlinePgn = textContent(pagination && childElement(pagination, 'MedlinePgn'));
  const start = textContent(pagination && childElement(pagination, 'StartPage'));
  const end = textContent(pagination && childElement(pagination, 'EndPage'));
  const pages = medlinePgn || (start && end && end !== start ? `${start}-${end}` : start);
  if (pages && !/^e\d+$/i.test(pages)) return { pages };
  if (pages) return { eLocator: pages };
  const locator = childElements(article, 'ELocationID').find(
    (e) => e.attrs['EIdType'] !== 'doi' && e.attrs['ValidYN'] !== 'N' && textContent(e) !== '',
  );
  return locator ? { eLocator: textContent(locator) } : {};
}

function readElocationDoi(article: XmlElement): string | undefined {
  const element = childElements(article, 'ELocationID').find(
    (e) => e.attrs['EIdType'] === 'doi' && e.attrs['ValidYN'] !== 'N',
  );
  const doi = element ? normalizeDoi(textContent(element)) : '';
  return doi === '' ? undefined : doi;
}
