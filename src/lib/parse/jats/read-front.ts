import type { Correction, CslDate } from '../../schema/csl.ts';
import type { ReviewAuthor } from '../../schema/review.ts';
import type { XmlElement } from '../../xml/read-xml.ts';
import { childElement, childElements, descendants, elementAt } from '../../xml/read-xml.ts';
import { isPlausibleDoi, normalizeDoi } from '../identifiers.ts';
import { dateParts, isPlausibleYear, monthNumber, seasonNumber } from '../parse-date.ts';
import { expandPageRange } from '../parse-pages.ts';
import { attr, localName, plainText, spacedText } from './jats-text.ts';
import { readName } from './read-names.ts';

/** What `front` says about the article, before the abstract, figures and references. */
export interface JatsFront {
  title: string;
  publicationTypes: string[];
  authors: ReviewAuthor[];
  authorsTruncated: boolean;
  journal: { title?: string; abbreviation?: string };
  issued?: CslDate;
  volume?: string;
  issue?: string;
  pages?: string;
  eLocator?: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  keywords: string[];
  licence?: { text?: string; url?: string; copyright?: string };
  corrections: Correction[];
}

/** JATS `@article-type` values as PubMed names the publication type. */
const ARTICLE_TYPES: Record<string, string> = {
  'review-article': 'Review',
  'systematic-review': 'Systematic Review',
  'research-article': 'Research Article',
  correction: 'Correction',
  retraction: 'Retraction',
  'expression-of-concern': 'Expression of Concern',
  'case-report': 'Case Reports',
  editorial: 'Editorial',
  letter: 'Letter',
  'brief-report': 'Brief Report',
  'book-review': 'Book Review',
  'meeting-report': 'Meeting Report',
  'rapid-communication': 'Rapid Communication',
  'article-commentary': 'Commentary',
  discussion: 'Discussion',
  news: 'News',
  obituary: 'Obituary',
  abstract: 'Abstract',
  addendum: 'Addendum',
  reply: 'Reply',
  'methods-article': 'Methods Article',
  'data-paper': 'Data Paper',
};

/** JATS `related-article-type` values for notices, as the correction type they describe. */
const RELATED: Record<string, Correction['type']> = {
  'corrected-article': 'correction',
  'correction-forward': 'correction',
  'retracted-article': 'retraction',
  'retraction-forward': 'retraction',
  'object-of-concern': 'expression-of-concern',
  'concern-forward': 'expression-of-concern',
  'expression-of-concern': 'expression-of-concern',
  'updated-article': 'update',
  'update-forward': 'update',
  'addended-article': 'update',
};

function humanise(type: string): string {
  const words = type.replace(/-/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function publicationTypes(article: XmlElement, meta: XmlElement): string[] {
  const types: string[] = [];
  const add = (value: string): void => {
    if (value !== '' && !types.some((t) => t.toLowerCase() === value.toLowerCase())) types.push(value);
  };
  const declared = article.attrs['article-type'];
  if (declared !== undefined && declared !== '') add(ARTICLE_TYPES[declared] ?? humanise(declared));
  const categories = childElement(meta, 'article-categories');
  for (const group of categories ? descendants(categories, 'subj-group') : []) {
    if (group.attrs['subj-group-type'] !== 'heading') continue;
    for (const subject of childElements(group, 'subject')) add(plainText(subject));
  }
  return types;
}

function affiliationText(aff: XmlElement): string {
  return spacedText(aff, new Set(['label', 'sup', 'xref']));
}

function authors(meta: XmlElement): { authors: ReviewAuthor[]; truncated: boolean } {
  const affiliations = new Map<string, string>();
  for (const aff of descendants(meta, 'aff')) {
    const id = aff.attrs['id'];
    if (id !== undefined) affiliations.set(id, affiliationText(aff));
  }
  const list: ReviewAuthor[] = [];
  let truncated = false;
  for (const group of childElements(meta, 'contrib-group')) {
    if (childElement(group, 'etal')) truncated = true;
    for (const contrib of childElements(group, 'contrib')) {
      if ((contrib.attrs['contrib-type'] ?? 'author') !== 'author') continue;
      const nameElement =
        childElement(contrib, 'name') ??
        childElement(contrib, 'string-name') ??
        (childElement(contrib, 'name-alternatives')
          ? childElements(childElement(contrib, 'name-alternatives') as XmlElement).find(
              (n) => n.name === 'name' || n.name === 'string-name',
            )
          : undefined);
      const collab = childElement(contrib, 'collab');
      const name = nameElement
        ? readName(nameElement)
        : collab
          ? { literal: plainText(collab, new Set(['contrib-group', 'xref'])) }
          : undefined;
      if (!name || (name.literal === '' && name.family === undefined)) continue;
      const author: ReviewAuthor = { ...name };
      const orcid = childElements(contrib, 'contrib-id')
        .filter((id) => (id.attrs['contrib-id-type'] ?? '').toLowerCase() === 'orcid')
        .map((id) => /\d{4}-\d{4}-\d{4}-\d{3}[\dX]/.exec(plainText(id))?.[0])
        .find((id) => id !== undefined);
      if (orcid !== undefined) author.orcid = orcid;
      const affs: string[] = [];
      for (const xref of childElements(contrib, 'xref')) {
        if (xref.attrs['ref-type'] !== 'aff') continue;
        for (const rid of (xref.attrs['rid'] ?? '').split(/\s+/)) {
          const text = affiliations.get(rid);
          if (text !== undefined && text !== '' && !affs.includes(text)) affs.push(text);
        }
      }
      for (const aff of childElements(contrib, 'aff')) {
        const text = affiliationText(aff);
        if (text !== '' && !affs.includes(text)) affs.push(text);
      }
      if (affs.length > 0) author.affiliations = affs;
      list.push(author);
    }
  }
  return { authors: list, truncated };
}

function journal(front: XmlElement): { title?: string; abbreviation?: string } {
  const journalMeta = childElement(front, 'journal-meta');
  if (!journalMeta) return {};
  const title = plainText(
    elementAt(journalMeta, ['journal-title-group', 'journal-title']) ??
      childElement(journalMeta, 'journal-title'),
  );
  const abbreviations = [
    ...descendants(journalMeta, 'abbrev-journal-title').map((e) => ({
      type: e.attrs['abbrev-type'],
      text: plainText(e),
    })),
    ...childElements(journalMeta, 'journal-id').map((e) => ({
      type: e.attrs['journal-id-type'],
      text: plainText(e),
    })),
  ];
  const abbreviation =
    abbreviations.find((a) => a.type === 'nlm-ta')?.text ??
    abbreviations.find((a) => a.type === 'iso-abbrev')?.text ??
    abbreviations.find((a) => a.type === undefined && a.text !== '')?.text;
  return {
    ...(title !== '' ? { title } : {}),
    ...(abbreviation !== undefined && abbreviation !== '' ? { abbreviation } : {}),
  };
}

function dateOf(element: XmlElement): CslDate | undefined {
  const year = plainText(childElement(element, 'year'));
  if (!/^\d{4}$/.test(year) || !isPlausibleYear(Number(year))) return undefined;
  const monthText = plainText(childElement(element, 'month'));
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : monthNumber(monthText);
  const dayText = plainText(childElement(element, 'day'));
  const date: CslDate = {
    'date-parts': [dateParts(Number(year), month, /^\d{1,2}$/.test(dayText) ? Number(dayText) : undefined)],
  };
  const season = seasonNumber(plainText(childElement(element, 'season')));
  if (month === undefined && season !== undefined) date.season = season;
  return date;
}

/** The publication date: electronic, then print, then any other except PMC's release date. */
function issued(meta: XmlElement): CslDate | undefined {
  const dates = [...childElements(meta, 'pub-date'), ...childElements(meta, 'pub-date-not-available')];
  const kind = (d: XmlElement): string => d.attrs['pub-type'] ?? d.attrs['date-type'] ?? '';
  const rank = (d: XmlElement): number => {
    const type = kind(d);
    const format = d.attrs['publication-format'];
    if (type === 'epub' || (type === 'pub' && format === 'electronic')) return 0;
    if (type === 'ppub' || (type === 'pub' && format === 'print')) return 1;
    if (type === 'pub' || type === 'epub-ppub') return 2;
    if (type === 'collection') return 3;
    if (type === 'pmc-release' || type === 'nihms-submitted') return 9;
    return 4;
  };
  const ordered = dates.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i);
  for (const { d } of ordered) {
    if (rank(d) === 9) continue;
    const date = dateOf(d);
    if (date) return date;
  }
  return undefined;
}

function articleIds(meta: XmlElement): { doi?: string; pmid?: string; pmcid?: string } {
  const out: { doi?: string; pmid?: string; pmcid?: string } = {};
  for (const id of childElements(meta, 'article-id')) {
    const value = plainText(id);
    const type = id.attrs['pub-id-type'];
    if (type === 'doi') {
      const doi = normalizeDoi(value);
      if (isPlausibleDoi(doi)) out.doi ??= doi;
    } else if (type === 'pmid' && /^\d+$/.test(value)) {
      out.pmid ??= value;
    } else if (type === 'pmc' || type === 'pmcid') {
      const m = /^(?:PMC)?(\d+)$/i.exec(value);
      if (m?.[1]) out.pmcid ??= `PMC${m[1]}`;
    }
  }
  return out;
}

function keywords(meta: XmlElement): string[] {
  const out: string[] = [];
  for (const group of childElements(meta, 'kwd-group')) {
    const lang = group.attrs['xml:lang'];
    if (lang !== undefined && !lang.toLowerCase().startsWith('en')) continue;
    for (const kwd of descendants(group, 'kwd')) {
      const text = plainText(kwd);
      if (text !== '' && !out.includes(text)) out.push(text);
    }
  }
  return out;
}

function licence(meta: XmlElement): JatsFront['licence'] {
  const permissions = childElement(meta, 'permissions');
  if (!permissions) return undefined;
  const license = childElement(permissions, 'license');
  const ref = license ? childElements(license).find((c) => localName(c) === 'license_ref') : undefined;
  const url = (license ? attr(license, 'href') : undefined) ?? (ref ? plainText(ref) : undefined);
  const text = license
    ? childElements(license, 'license-p')
        .map((p) => plainText(p))
        .filter((p) => p !== '')
        .join(' ')
    : '';
  const copyright = plainText(childElement(permissions, 'copyright-statement'));
  const out: NonNullable<JatsFront['licence']> = {
    ...(text !== '' ? { text } : {}),
    ...(url !== undefined && url.trim() !== '' ? { url: url.trim() } : {}),
    ...(copyright !== '' ? { copyright } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

function corrections(meta: XmlElement): Correction[] {
  const out: Correction[] = [];
  for (const related of childElements(meta, 'related-article')) {
    const type = RELATED[related.attrs['related-article-type'] ?? ''];
    if (type === undefined) continue;
    const correction: Correction = { type };
    const href = (attr(related, 'href') ?? '').trim();
    const linkType = (related.attrs['ext-link-type'] ?? '').toLowerCase();
    if (linkType === 'doi' || /^10\.\d{4,9}\//.test(href) || /doi\.org\//i.test(href)) {
      const doi = normalizeDoi(href);
      if (isPlausibleDoi(doi)) correction.doi = doi;
    } else if ((linkType === 'pubmed' || linkType === 'pmid') && /^\d+$/.test(href)) {
      correction.pmid = href;
    }
    const citation = plainText(related);
    if (citation !== '') correction.citation = citation;
    out.push(correction);
  }
  return out;
}

/** Reads `front`; `undefined` title means the element is not an article's front matter. */
export function readFront(article: XmlElement, front: XmlElement, meta: XmlElement): JatsFront {
  const titleGroup = childElement(meta, 'title-group');
  const title = plainText(
    titleGroup ? childElement(titleGroup, 'article-title') : undefined,
    new Set(['xref', 'fn']),
  );
  const people = authors(meta);
  const volume = plainText(childElement(meta, 'volume'));
  const issue = plainText(childElement(meta, 'issue'));
  const fpage = plainText(childElement(meta, 'fpage'));
  const lpage = plainText(childElement(meta, 'lpage'));
  const pageRange = plainText(childElement(meta, 'page-range'));
  const eLocator = plainText(childElement(meta, 'elocation-id'));
  const pages =
    fpage !== ''
      ? lpage !== '' && lpage !== fpage
        ? expandPageRange(`${fpage}-${lpage}`)
        : fpage
      : pageRange !== ''
        ? expandPageRange(pageRange)
        : '';
  const date = issued(meta);
  const licenceInfo = licence(meta);
  return {
    title,
    publicationTypes: publicationTypes(article, meta),
    authors: people.authors,
    authorsTruncated: people.truncated,
    journal: journal(front),
    ...(date ? { issued: date } : {}),
    ...(volume !== '' ? { volume } : {}),
    ...(issue !== '' ? { issue } : {}),
    ...(pages !== '' ? { pages } : {}),
    ...(eLocator !== '' ? { eLocator } : {}),
    ...articleIds(meta),
    keywords: keywords(meta),
    ...(licenceInfo ? { licence: licenceInfo } : {}),
    corrections: corrections(meta),
  };
}
