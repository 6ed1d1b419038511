import type { CslDate, CslName } from '../../schema/csl.ts';
import type { PageLine } from './segment-page.ts';
import { monthNumber } from '../parse-date.ts';
import { normalizeDoi } from '../identifiers.ts';

/** What the lines above the abstract say about the article. */
export interface PageHeader {
  title?: { text: string; line: number };
  publicationTypes: string[];
  journalAbbreviation?: string;
  issued?: CslDate;
  volume?: string;
  issue?: string;
  pages?: string;
  eLocator?: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  authors: CslName[];
  authorsTruncated: boolean;
}

/** PubMed's publication types that appear as a line of their own above the citation. */
const PUBLICATION_TYPES = new Set(
  [
    'Review',
    'Systematic Review',
    'Meta-Analysis',
    'Randomized Controlled Trial',
    'Clinical Trial',
    'Comparative Study',
    'Case Reports',
    'Editorial',
    'Comment',
    'Letter',
    'Practice Guideline',
    'Guideline',
    'Observational Study',
    'Multicenter Study',
    'Published Erratum',
    'Retracted Publication',
    'Retraction of Publication',
    'News',
    'Historical Article',
    'Scoping Review',
  ].map((t) => t.toLowerCase()),
);

/**
 * The journal citation line: "JAKSTAT. 2013 Apr 1;2(2):e23828." The journal name may be lost
 * in a copy (". 2013 Apr 1;…"), so it is optional here and filled from the short citation.
 */
const CITATION_LINE =
  // `[^;]*?\.` rather than `[^;]*?\s*\.`: the same lines, but a long run of spaces cannot make
  // the lazy journal and `\s*` retry each other (quadratic time); the journal is trimmed below.
  /^(?:(?<journal>[^;]*?)\.\s*)?(?<date>\d{4}(?:\s+[A-Za-z]{3,9}(?:[-\s]+\d{1,2})?)?)\s*;\s*(?<volume>[^(:;]*)(?:\((?<issue>[^)]*)\))?(?::(?<pages>[^.;]+))?\.?/;

/**
 * The short citation "Eirini Bournazou et al. JAKSTAT. 2013." (the date may be empty). Test it on
 * `collapse(text)`: a long run of spaces would make the lazy author and `\s+et al` retry each
 * other at every position (quadratic time).
 */
const SHORT_CITATION =
  /^(?<author>[^.]+?)(?<etal>\s+et al)?\.\s+(?<journal>[^.]+(?:\.[^.\s][^.]*)*)\.\s*(?<year>\d{4})?\s*\.?$/;

export function parseHeader(lines: PageLine[]): PageHeader {
  const header: PageHeader = { publicationTypes: [], authors: [], authorsTruncated: false };
  const content = lines.filter((l) => l.text !== '' && !/^affiliations$/i.test(l.text));

  for (const line of content) {
    if (PUBLICATION_TYPES.has(line.text.toLowerCase())) {
      if (!header.publicationTypes.includes(line.text)) header.publicationTypes.push(line.text);
    }
  }

  readIdentifiers(content, header);

  const citationIndex = content.findIndex((l) => CITATION_LINE.test(l.text) && /;/.test(l.text));
  const citation = citationIndex >= 0 ? content[citationIndex] : undefined;
  if (citation) readCitationLine(citation.text, header);

  // Without the journal citation line this is not an article page; a title guessed from
  // arbitrary text would put a wrong review on the site.
  if (!citation) return header;
  // The title is the first line after the citation (and its doi line) that is not a label.
  const title = content.slice(citationIndex + 1).find((l) => isTitleCandidate(l.text));
  if (title) header.title = { text: title.text.replace(/\s+/g, ' '), line: title.n };

  readAuthors(content, header, title?.text);
  return header;
}

function readIdentifiers(lines: PageLine[], header: PageHeader): void {
  for (const { text } of lines) {
    const doi = /^doi:\s*(\S+)/i.exec(text) ?? /\bDOI:\s*(10\.\S+)/.exec(text);
    if (doi?.[1] && !header.doi) header.doi = normalizeDoi(doi[1]);
    const pmid = /\bPMID:\s*(\d+)/.exec(text);
    if (pmid?.[1]) header.pmid = pmid[1];
    const pmcid = /\bPMCID:\s*(PMC\d+)/.exec(text);
    if (pmcid?.[1]) header.pmcid = pmcid[1];
  }
}

function readCitationLine(text: string, header: PageHeader): void {
  const m = CITATION_LINE.exec(text)?.groups;
  if (!m) return;
  const journal = m['journal']?.trim();
  if (journal) header.journalAbbreviation = journal;
  if (m['date']) header.issued = parseHeaderDate(m['date']);
  const volume = m['volume']?.trim();
  if (volume) header.volume = volume;
  const issue = m['issue']?.trim();
  if (issue) header.issue = issue;
  const pages = m['pages']?.trim();
  if (pages) {
    // An e-locator ("e23828") is an article number, not a page range.
    if (/^e\d+$/i.test(pages)) header.eLocator = pages;
    else header.pages = pages;
  }
}

function parseHeaderDate(text: string): CslDate {
  const [yearText, monthText, dayText] = text.split(/[\s-]+/);
  const parts: number[] = [Number(yearText)];
  const month = monthText ? monthNumber(monthText) : undefined;
  if (month) {
    parts.push(month);
    if (dayText && /^\d{1,2}$/.test(dayText)) parts.push(Number(dayText));
  }
  return { 'date-parts': [parts] };
}

/** Whitespace runs as one space. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function isTitleCandidate(text: string): boolean {
  if (PUBLICATION_TYPES.has(text.toLowerCase())) return false;
  if (/^(doi|pmid|pmcid|epub|free pmc article|collaborators|item in clipboard)\b/i.test(text)) return false;
  if (CITATION_LINE.test(text) && text.includes(';')) return false;
  return !SHORT_CITATION.test(collapse(text)) || !/\bet al\./.test(text);
}

/**
 * Authors come either as the full list ("Eirini Bournazou 1, Jacqueline Bromberg 1 2") or,
 * in a reduced copy, only as the short citation ("Eirini Bournazou et al. JAKSTAT. .").
 */
function readAuthors(lines: PageLine[], header: PageHeader, title: string | undefined): void {
  const titleIndex = title === undefined ? -1 : lines.findIndex((l) => l.text === title);
  const fullList = titleIndex >= 0 ? lines[titleIndex + 1] : undefined;
  if (fullList && looksLikeAuthorList(fullList.text)) {
    header.authors = fullList.text
      .split(/\s*,\s*/)
      .map((name) => name.replace(/(\s+\d+)+$/, '').trim())
      .filter((name) => name !== '')
      .map(personName);
  }

  for (const { text } of lines) {
    const m = SHORT_CITATION.exec(collapse(text))?.groups;
    if (!m || (!m['etal'] && header.authors.length > 0)) continue;
    if (!m['author'] || !m['journal']) continue;
    if (header.authors.length === 0) header.authors = [personName(m['author'])];
    if (m['etal']) header.authorsTruncated = header.authors.length <= 1;
    header.journalAbbreviation ??= m['journal'].trim();
    if (m['year'] && !header.issued) header.issued = { 'date-parts': [[Number(m['year'])]] };
    break;
  }
}

function looksLikeAuthorList(text: string): boolean {
  // Names followed by affiliation numbers, comma separated; a title rarely ends in a digit.
  return /^[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{L}'’.-]+)+(?:\s+\d+)+(?:\s*,|$)/u.test(text);
}

/** "Eirini Bournazou" -> family "Bournazou", given "Eirini"; particles stay with the family name. */
export function personName(display: string): CslName {
  const tokens = display.trim().split(/\s+/);
  if (tokens.length === 1) return { literal: tokens[0] ?? display };
  let familyStart = tokens.length - 1;
  while (
    familyStart > 1 &&
    /^(van|von|de|der|den|del|della|da|di|du|la|le|ter|ten|dos|das|y)$/i.test(tokens[familyStart - 1] ?? '')
  ) {
    familyStart--;
  }
  return { family: tokens.slice(familyStart).join(' '), given: tokens.slice(0, familyStart).join(' ') };
}
