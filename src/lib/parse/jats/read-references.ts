import type { CslDate, CslType } from '../../schema/csl.ts';
import type { XmlElement } from '../../xml/read-xml.ts';
import { childElement, childElements, descendants } from '../../xml/read-xml.ts';
import { normalizeDoi, isPlausibleDoi } from '../identifiers.ts';
import { parseCitationList, type CslItemDraft, type ListEntry } from '../parse-citation.ts';
import { dateParts, isPlausibleYear, monthNumber, parseLooseDate, seasonNumber } from '../parse-date.ts';
import { expandPageRange } from '../parse-pages.ts';
import { attr, collapse, plainText, spacedText } from './jats-text.ts';
import { citationNames } from './citation-names.ts';

/**
 * `ref-list/ref` as CSL items. The tagged fields of `element-citation` and `mixed-citation` are
 * the truth; the `mixed-citation`s that are plain text are read with the string parser, a
 * list at a time, so each is read in the style its list is printed in.
 */

export interface JatsReference {
  item: CslItemDraft;
  /** 1-based position in the list. */
  number: number;
  line: number;
  warnings: string[];
}

const CITATION_ELEMENTS = ['element-citation', 'nlm-citation', 'mixed-citation', 'citation'];

/** Tags a text-only mixed-citation may still carry without being structured. */
const TEXT_MARKUP = new Set(['italic', 'bold', 'sup', 'sub', 'sc', 'pub-id', 'ext-link', 'uri', 'comment']);

const TYPES: Record<string, CslType> = {
  journal: 'article-journal',
  book: 'book',
  web: 'webpage',
  webpage: 'webpage',
  website: 'webpage',
  report: 'report',
  gov: 'report',
  standard: 'report',
  thesis: 'thesis',
  dissertation: 'thesis',
  confproc: 'paper-conference',
  conference: 'paper-conference',
  'conf-proc': 'paper-conference',
  data: 'dataset',
  dataset: 'dataset',
  database: 'dataset',
  software: 'software',
  newspaper: 'article-newspaper',
  magazine: 'article-magazine',
  preprint: 'article',
  other: 'document',
};

/** The ref's citation: element-citation preferred over mixed-citation when both are given. */
function citationOf(ref: XmlElement): XmlElement | undefined {
  const candidates = [
    ...childElements(ref),
    ...childElements(ref, 'citation-alternatives').flatMap((a) => childElements(a)),
  ];
  for (const name of CITATION_ELEMENTS) {
    const found = candidates.find((c) => c.name === name);
    if (found) return found;
  }
  return undefined;
}

function text(citation: XmlElement, name: string): string | undefined {
  const value = plainText(childElement(citation, name));
  return value === '' ? undefined : value;
}

/** `year`/`month`/`day` (or a `date` holding them) as a CSL date. */
function issuedOf(citation: XmlElement): CslDate | undefined {
  const holder = childElement(citation, 'year') ? citation : (childElement(citation, 'date') ?? citation);
  const yearText = text(holder, 'year');
  const year = /\d{4}/.exec(yearText ?? '')?.[0];
  if (year === undefined || !isPlausibleYear(Number(year))) {
    return yearText ? { literal: yearText } : undefined;
  }
  const monthText = text(holder, 'month') ?? '';
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : monthNumber(monthText);
  const dayText = text(holder, 'day') ?? '';
  const day = /^\d{1,2}$/.test(dayText) ? Number(dayText) : undefined;
  const date: CslDate = { 'date-parts': [dateParts(Number(year), month, day)] };
  const season = text(holder, 'season');
  const seasonN = season ? seasonNumber(season) : undefined;
  if (month === undefined && seasonN !== undefined) date.season = seasonN;
  return date;
}

function pagesOf(citation: XmlElement): string | undefined {
  const range = text(citation, 'page-range');
  const fpage = text(citation, 'fpage');
  const lpage = text(citation, 'lpage');
  if (fpage !== undefined) {
    return lpage !== undefined && lpage !== fpage ? expandPageRange(`${fpage}-${lpage}`) : fpage;
  }
  if (range !== undefined) return expandPageRange(range);
  return text(citation, 'elocation-id');
}

interface Identifiers {
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  URL?: string;
  ISBN?: string;
}

function webAddress(link: XmlElement): string | undefined {
  const href = (attr(link, 'href') ?? plainText(link)).trim();
  if (/^https?:\/\/\S+$|^ftp:\/\/\S+$/i.test(href)) return href;
  if (/^www\.\S+$/i.test(href)) return `http://${href}`;
  return undefined;
}

/** pub-id, ext-link, uri, isbn anywhere in the citation (links often sit inside `comment`). */
function identifiersOf(citation: XmlElement, warnings: string[]): Identifiers {
  const ids: Identifiers = {};
  for (const pubId of descendants(citation, 'pub-id')) {
    const value = plainText(pubId);
    const type = (pubId.attrs['pub-id-type'] ?? '').toLowerCase();
    if (type === 'doi') {
      const doi = normalizeDoi(value);
      if (isPlausibleDoi(doi)) ids.DOI ??= doi;
      else warnings.push(`DOI "${value}" does not look like a DOI`);
    } else if (type === 'pmid') {
      if (/^\d+$/.test(value)) ids.PMID ??= value;
      else warnings.push(`PMID "${value}" is not a number`);
    } else if (type === 'pmcid' || type === 'pmc') {
      const m = /^(?:PMC)?(\d+)$/i.exec(value);
      if (m?.[1]) ids.PMCID ??= `PMC${m[1]}`;
      else warnings.push(`PMCID "${value}" is not a PMC identifier`);
    }
  }
  for (const link of [...descendants(citation, 'ext-link'), ...descendants(citation, 'uri')]) {
    const type = link.attrs['ext-link-type'];
    const value = (attr(link, 'href') ?? plainText(link)).trim();
    if (type === 'doi' && ids.DOI === undefined) {
      const doi = normalizeDoi(value);
      if (isPlausibleDoi(doi)) ids.DOI = doi;
      continue;
    }
    if ((type === 'pmid' || type === 'pubmed') && /^\d+$/.test(value)) {
      ids.PMID ??= value;
      continue;
    }
    const url = webAddress(link);
    const doiLink = url === undefined ? undefined : /^https?:\/\/(?:dx\.)?doi\.org\/(10\.\S+)$/i.exec(url);
    if (doiLink?.[1] && ids.DOI === undefined) ids.DOI = normalizeDoi(decodeURIComponent(doiLink[1]));
    else if (url !== undefined) ids.URL ??= url;
  }
  const isbn = text(citation, 'isbn');
  if (isbn !== undefined) ids.ISBN = isbn;
  return ids;
}

function typeOf(citation: XmlElement, hasPart: boolean, warnings: string[]): CslType {
  const declared = (
    citation.attrs['publication-type'] ??
    citation.attrs['citation-type'] ??
    ''
  ).toLowerCase();
  if (declared === 'book') return hasPart ? 'chapter' : 'book';
  const type = TYPES[declared];
  if (type) return type;
  if (declared !== '') warnings.push(`publication-type "${declared}" read as a generic document`);
  return childElement(citation, 'volume') && childElement(citation, 'source')
    ? 'article-journal'
    : 'document';
}

/** "volume 156", "vol. 487", "no. 3": the number without its printed label. */
function numberOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const bare = value.replace(/^(?:vols?\b\.?|volume\b|v\.|nos?\b\.?|number\b|issue\b)\s*/i, '').trim();
  return bare === '' ? value : bare;
}

/** Element-citations and structured mixed-citations. */
function readStructured(citation: XmlElement, warnings: string[]): CslItemDraft {
  const articleTitle = text(citation, 'article-title');
  const partTitle = text(citation, 'chapter-title') ?? text(citation, 'part-title');
  const dataTitle = text(citation, 'data-title');
  const source = text(citation, 'source');
  const confName = text(citation, 'conf-name');
  const type = typeOf(citation, (partTitle ?? articleTitle) !== undefined, warnings);
  const item: CslItemDraft = { type };

  const people = citationNames(citation);
  if (people.author.length > 0) item.author = people.author;
  if (people.editor.length > 0) item.editor = people.editor;

  const title = partTitle ?? articleTitle ?? dataTitle;
  const container = source ?? (type === 'paper-conference' ? confName : undefined);
  if (title !== undefined) {
    item.title = title;
    if (container !== undefined) item['container-title'] = container;
  } else if (container !== undefined) {
    item.title = container;
  }
  // PMC prints journal sources as NLM abbreviations.
  if (type === 'article-journal' && item['container-title'] !== undefined) {
    item['container-title-short'] = item['container-title'];
  }
  const issued = issuedOf(citation);
  if (issued) item.issued = issued;
  const volume = numberOf(text(citation, 'volume'));
  if (volume !== undefined) item.volume = volume;
  const issue = numberOf(text(citation, 'issue'));
  if (issue !== undefined) item.issue = issue;
  const page = pagesOf(citation);
  if (page !== undefined) item.page = page;
  const publisher = text(citation, 'publisher-name') ?? text(citation, 'institution');
  if (publisher !== undefined) item.publisher = publisher;
  const place = text(citation, 'publisher-loc') ?? text(citation, 'conf-loc');
  if (place !== undefined) item['publisher-place'] = place;
  const series = text(citation, 'series');
  if (series !== undefined) item['collection-title'] = series;
  const edition = text(citation, 'edition');
  if (edition !== undefined) item.edition = edition;
  const accessed = childElements(citation, 'date-in-citation').find(
    (d) => (d.attrs['content-type'] ?? 'access-date') === 'access-date',
  );
  const accessedDate = accessed ? parseLooseDate(plainText(accessed)) : undefined;
  if (accessedDate) item.accessed = accessedDate;
  Object.assign(item, identifiersOf(citation, warnings));

  if (item.title === undefined) warnings.push('no title');
  if (item.issued === undefined) warnings.push('no year');
  if (people.truncated) item.custom = { authorsTruncated: true };
  return item;
}

function isTextOnly(citation: XmlElement): boolean {
  return childElements(citation).every((c) => TEXT_MARKUP.has(c.name));
}

/** The string a plain-text mixed-citation is read from: its identifiers are tagged, not read. */
function citationString(citation: XmlElement): string {
  return spacedText(citation, new Set(['pub-id']));
}

/** A plain-text mixed-citation as read with its list's style, then its tagged identifiers. */
function readText(citation: XmlElement, entry: ListEntry, warnings: string[]): CslItemDraft {
  warnings.push(...entry.warnings);
  const item: CslItemDraft = { ...entry.item };
  Object.assign(item, identifiersOf(citation, warnings));
  const custom = { ...item.custom };
  delete custom.verbatim;
  delete custom.parseWarnings;
  if (Object.keys(custom).length > 0) item.custom = custom;
  else delete item.custom;
  return item;
}

function readRef(ref: XmlElement, number: number, entry: ListEntry | undefined): JatsReference {
  const warnings: string[] = [];
  const citation = citationOf(ref);
  let item: CslItemDraft;
  let verbatim: string;
  if (!citation) {
    verbatim = spacedText(ref, new Set(['label']));
    warnings.push('no element-citation or mixed-citation');
    item = { type: 'document' };
  } else {
    verbatim = spacedText(citation);
    item = entry ? readText(citation, entry, warnings) : readStructured(citation, warnings);
  }
  const custom: NonNullable<CslItemDraft['custom']> = {
    ...item.custom,
    verbatim: collapse(verbatim),
    number,
  };
  const sourceId = ref.attrs['id'];
  if (sourceId !== undefined) custom.sourceId = sourceId;
  if (warnings.length > 0) custom.parseWarnings = [...warnings];
  item.custom = custom;
  return { item, number, line: ref.line, warnings };
}

interface ListedRef {
  ref: XmlElement;
  /** The innermost `ref-list` holding it: one printed list, in one style. */
  list: XmlElement;
}

/** The refs below `element`, in document order, each with its innermost ref-list. */
function listedRefs(element: XmlElement, list: XmlElement): ListedRef[] {
  const found: ListedRef[] = [];
  const pending: ListedRef[] = [...childElements(element)].reverse().map((ref) => ({ ref, list }));
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined) continue;
    if (next.ref.name === 'ref') {
      found.push(next);
      continue;
    }
    const inner = next.ref.name === 'ref-list' ? next.ref : next.list;
    const children = childElements(next.ref);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) pending.push({ ref: child, list: inner });
    }
  }
  return found;
}

/**
 * The plain-text mixed-citations of each list read together, so the list's style family is
 * told from the whole list (parseCitationList), keyed by their ref.
 */
function readTextEntries(refs: readonly ListedRef[]): Map<XmlElement, ListEntry> {
  const byList = new Map<XmlElement, { refs: XmlElement[]; texts: string[] }>();
  for (const { ref, list } of refs) {
    const citation = citationOf(ref);
    if (!citation || !isTextOnly(citation)) continue;
    const group = byList.get(list) ?? { refs: [], texts: [] };
    group.refs.push(ref);
    group.texts.push(citationString(citation));
    byList.set(list, group);
  }
  const entries = new Map<XmlElement, ListEntry>();
  for (const group of byList.values()) {
    const reading = parseCitationList(group.texts).entries;
    group.refs.forEach((ref, i) => {
      const entry = reading[i];
      if (entry) entries.set(ref, entry);
    });
  }
  return entries;
}

/** Every `ref` of the article's reference lists (nested lists included), in order. */
export function readReferences(back: XmlElement | undefined): JatsReference[] {
  if (!back) return [];
  const refs = childElements(back, 'ref-list').flatMap((list) => listedRefs(list, list));
  const entries = readTextEntries(refs);
  return refs.map(({ ref }, i) => readRef(ref, i + 1, entries.get(ref)));
}
