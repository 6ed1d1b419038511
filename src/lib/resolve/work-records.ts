import { SourceError } from '../errors.ts';
import type { CrossrefWork } from '../net/crossref.ts';
import { expandPageRange } from '../parse/parse-pages.ts';
import { isPlausibleYear } from '../parse/parse-date.ts';
import { articleParts, readArticleMeta } from '../parse/pubmed-xml/read-article-meta.ts';
import { reviewAsCsl } from '../review/review-citation.ts';
import {
  correctionSchema,
  cslDateSchema,
  cslNameSchema,
  cslTypeSchema,
  type Correction,
  type CslItem,
  type CslType,
} from '../schema/csl.ts';
import { childElement, childElements, readXml, textContent } from '../xml/read-xml.ts';
import type { JsonValue } from './resolution-cache.ts';

/**
 * A work as its own record describes it (PubMed's for a PMID, Crossref's for a DOI), reduced to
 * the CSL fields a reference shows. This is what `resolution.json` keeps of each record, so a
 * re-run needs neither the network nor the record's full text.
 */

export const RECORD_FIELDS = [
  'type',
  'title',
  'author',
  'container-title',
  'container-title-short',
  'issued',
  'volume',
  'issue',
  'page',
] as const;
export type RecordFields = Pick<CslItem, (typeof RECORD_FIELDS)[number]> &
  Pick<CslItem, 'DOI' | 'PMID' | 'PMCID'>;

export interface WorkRecord {
  fields: RecordFields;
  /** Every year the record gives (print, electronic): a reference may cite either. */
  years: number[];
  /** The record lists fewer authors than the work has (PubMed's `CompleteYN="N"`). */
  authorsTruncated: boolean;
  corrections: Correction[];
}

/**
 * The records of an efetch answer (`<PubmedArticleSet>`) by PMID, each read by the same reader as
 * an ingested PubMed XML file. An article that reader refuses (no title) is left out, as if PubMed
 * had not sent it.
 */
export function readPubmedRecords(xml: string, url: string): Map<string, WorkRecord> {
  const records = new Map<string, WorkRecord>();
  for (const pubmedArticle of childElements(readXml(xml, url), 'PubmedArticle')) {
    let meta;
    try {
      meta = readArticleMeta(articleParts(pubmedArticle, url), url);
    } catch (error) {
      if (error instanceof SourceError) continue;
      throw error;
    }
    if (meta.pmid === undefined) continue;
    const { id: _id, custom: _custom, page, ...fields } = reviewAsCsl(meta.pmid, meta);
    const article = childElement(childElement(pubmedArticle, 'MedlineCitation') ?? pubmedArticle, 'Article');
    const epubYears = article
      ? childElements(article, 'ArticleDate').map((d) => Number(textContent(childElement(d, 'Year'))))
      : [];
    records.set(meta.pmid, {
      // MEDLINE abbreviates page ranges ("259-65"); references carry both ends written out.
      fields: { ...fields, ...(page ? { page: meta.pages ? expandPageRange(page) : page } : {}) },
      years: years([fields.issued?.['date-parts']?.[0]?.[0], ...epubYears]),
      authorsTruncated: meta.authorsTruncated,
      corrections: meta.corrections,
    });
  }
  return records;
}

/** Crossref's work types as CSL types; Crossref's CSL flavour already uses CSL names. */
const CROSSREF_TYPES: Readonly<Record<string, CslType>> = {
  'journal-article': 'article-journal',
  'proceedings-article': 'paper-conference',
  'book-chapter': 'chapter',
  'book-section': 'chapter',
  'book-part': 'chapter',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  'reference-entry': 'entry-encyclopedia',
  'posted-content': 'article',
  dataset: 'dataset',
  report: 'report',
  dissertation: 'thesis',
};

/** A Crossref work (REST `message` or its CSL-JSON flavour) as a record. Its PMID/PMCID, if any, are not Crossref's and are left out. */
export function crossrefRecord(work: CrossrefWork): WorkRecord {
  const rawType = typeof work.type === 'string' ? work.type : '';
  const type = cslTypeSchema.safeParse(rawType).data ?? CROSSREF_TYPES[rawType] ?? 'article-journal';
  const short = firstString(work['container-title-short']) ?? firstString(work['short-container-title']);
  const authors = (work.author ?? []).flatMap((a) => {
    const name = a.family
      ? { family: a.family, ...(a.given ? { given: a.given } : {}) }
      : a.name
        ? { literal: a.name }
        : undefined;
    return name ? [name] : [];
  });
  const issued =
    crossrefDate(work.issued) ?? crossrefDate(work['published-print']) ?? crossrefDate(work.published);
  const fields: RecordFields = {
    type,
    ...optional('title', joinTitle(work.title?.[0], work.subtitle?.[0])),
    ...(authors.length > 0 ? { author: authors } : {}),
    ...optional('container-title', work['container-title']?.[0]),
    ...optional('container-title-short', short),
    ...(issued ? { issued } : {}),
    ...optional('volume', stringField(work.volume)),
    ...optional('issue', stringField(work.issue)),
    ...optional('page', pages(stringField(work.page) ?? stringField(work['article-number']))),
    DOI: work.DOI,
  };
  const all = [work.issued, work.published, work['published-print'], work['published-online']];
  return {
    fields,
    years: years(all.map((d) => d?.['date-parts']?.[0]?.[0])),
    authorsTruncated: false,
    corrections: [],
  };
}

/** The record as cache JSON. */
export function recordToJson(record: WorkRecord): JsonValue {
  return JSON.parse(JSON.stringify(record)) as JsonValue;
}

/** The record kept in the cache, or undefined when the value is not one (an older cache, a hand edit). */
export function recordFromJson(value: JsonValue | undefined): WorkRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = value.fields;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return undefined;
  const type = cslTypeSchema.safeParse(fields.type);
  if (!type.success) return undefined;
  const out: RecordFields = { type: type.data };
  for (const key of [
    'title',
    'container-title',
    'container-title-short',
    'volume',
    'issue',
    'page',
    'DOI',
  ] as const) {
    const v = fields[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  if (typeof fields.PMID === 'string' && /^\d+$/.test(fields.PMID)) out.PMID = fields.PMID;
  if (typeof fields.PMCID === 'string' && /^PMC\d+$/.test(fields.PMCID)) out.PMCID = fields.PMCID;
  const author = cslNameSchema.array().safeParse(fields.author);
  if (author.success && author.data.length > 0) out.author = author.data;
  const issued = cslDateSchema.safeParse(fields.issued);
  if (issued.success && fields.issued !== undefined) out.issued = issued.data;
  const corrections = correctionSchema.array().safeParse(value.corrections);
  return {
    fields: out,
    years: Array.isArray(value.years) ? value.years.filter((y): y is number => typeof y === 'number') : [],
    authorsTruncated: value.authorsTruncated === true,
    corrections: corrections.success ? corrections.data : [],
  };
}

function crossrefDate(date: CrossrefWork['issued']): CslItem['issued'] {
  const parts = (date?.['date-parts']?.[0] ?? []).filter((p): p is number => typeof p === 'number');
  const [year, ...rest] = parts;
  if (year === undefined || !isPlausibleYear(year)) return undefined;
  return { 'date-parts': [[year, ...rest.slice(0, 2)]] };
}

function years(values: readonly unknown[]): number[] {
  const found = new Set<number>();
  for (const v of values) {
    const n = typeof v === 'number' ? v : Number(v);
    if (Number.isInteger(n) && isPlausibleYear(n)) found.add(n);
  }
  return [...found].sort((a, b) => a - b);
}

function joinTitle(title: string | undefined, subtitle: string | undefined): string | undefined {
  const main = clean(title);
  const sub = clean(subtitle);
  if (!main) return undefined;
  return sub && !main.toLowerCase().includes(sub.toLowerCase()) ? `${main}: ${sub}` : main;
}

/** Crossref titles may carry JATS/HTML inline markup (`<i>`, `<sub>`); references are plain text. */
function clean(text: string | undefined): string | undefined {
  const plain = text
    ?.replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? undefined : plain;
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(value);
  return Array.isArray(value) && typeof value[0] === 'string' ? clean(value[0]) : undefined;
}

function stringField(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? clean(value) : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function pages(text: string | undefined): string | undefined {
  return text === undefined ? undefined : expandPageRange(text) || undefined;
}
