/**
 * The citation reader's development set: the real reference lists of section E of
 * tests/fixtures/external/README.md, one list per article, each reference with the string a
 * reader sees and whatever truth its source carries.
 *
 *   - PubMed XML (`<Reference><Citation>`): the string exactly as PubMed prints it; truth for
 *     the identifiers only (`<ArticleIdList>`).
 *   - JATS `<mixed-citation>`: the printed string is the element's text content, with the two
 *     things PMC adds when it renders one: ". " after a `<person-group>` that the XML closes
 *     with bare whitespace, and the labels of bare `<pub-id>`/`<object-id>` numbers
 *     ("PMID: 123"); field truth from the structured children.
 *   - JATS `<element-citation>` / `<citation>` (no printed text in the file): printed through the
 *     official NLM style, as PMC's NLM-like display does (tests/helpers/nlm-text.ts); field truth
 *     from the children.
 *
 * References whose children carry no title or no container (web pages, some books) keep their
 * string and identifiers but have no field truth; the measure counts them apart.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { CslItem } from '../../src/lib/schema/csl.ts';
import { formatNlmText } from './nlm-text.ts';
import { decodeXmlEntities, extractCitations } from './pubmed-citations.ts';
import { isSkipped, jatsReference, xmlText } from './structured-references.ts';

export type DevOrigin = 'pubmed-citation' | 'jats-mixed' | 'jats-element';

export interface DevReference {
  /** "file#article#n", for messages. */
  source: string;
  /** The string as a reader sees it printed. */
  text: string;
  /** Field truth, when the source has structured children with a title and a container. */
  truth?: CslItem;
  /** The truth's author list is cut (`<etal/>`). */
  etal: boolean;
  ids: { doi?: string; pmid?: string; pmcid?: string };
}

export interface DevList {
  file: string;
  origin: DevOrigin;
  references: DevReference[];
}

export const DEV_SET_FILES = [
  'netsynergy__pubmed21n0001.xml.gz',
  'netsynergy__pubmed21n1000.xml.gz',
  'netsynergy__pubmed21n1002.xml.gz',
  'tipplerow__30073290.xml',
  'tipplerow__pubmed_sample.xml',
  'reciter__31746150.xml',
  'reciter__31967741.xml',
  'reciter__31482638.xml',
  'reciter__32025781.xml',
  'allofplos__journal.pbio.1001315.xml',
  'allofplos__journal.pcbi.1004089.xml',
  'allofplos__journal.pgen.1002912.xml',
  'allofplos__journal.pmed.1001418.xml',
  'elife-tools__elife04493.xml',
  'tidypmc__PMC2231364.xml',
  'tidypmc__PMC6358576_PMC6358589.xml',
] as const;

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/external/', import.meta.url));

/** A development-set file's text (gunzipped when it is a .gz). */
export function readFixture(file: string): string {
  const bytes = readFileSync(`${FIXTURE_DIR}${file}`);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function pubmedLists(file: string, xml: string): DevList[] {
  const lists: DevList[] = [];
  let n = 0;
  for (const article of xml.matchAll(/<PubmedArticle>[\s\S]*?<\/PubmedArticle>/g)) {
    n += 1;
    const citations = extractCitations(article[0], `${file}#${n}`);
    if (citations.length === 0) continue;
    const references = citations.map(({ source, citation, doi, pmid, pmcid }) => {
      const ids: DevReference['ids'] = {};
      if (doi !== undefined) ids.doi = doi;
      if (pmid !== undefined) ids.pmid = pmid;
      if (pmcid !== undefined) ids.pmcid = pmcid;
      return { source, text: citation.replace(/\s+/g, ' ').trim(), etal: false, ids };
    });
    lists.push({ file, origin: 'pubmed-citation', references });
  }
  return lists;
}

const ID_LABEL: Readonly<Record<string, string>> = { pmid: 'PMID', pmcid: 'PMCID', pmc: 'PMCID', doi: 'doi' };

/** The text PMC shows for a `<mixed-citation>` (see the file comment). */
function mixedText(body: string): string {
  const xml = body
    .replace(/<\/surname>\s*<given-names>/g, '</surname> <given-names>')
    .replace(
      /<\/person-group>\s*(?=<(?:article-title|chapter-title|source|data-title)\b|[\p{L}\d])/gu,
      '</person-group>. ',
    )
    .replace(
      /<(pub-id|object-id)\b[^>]*pub-id-type="([\w-]+)"[^>]*>([\s\S]*?)<\/\1>/g,
      (whole, _tag: string, type: string, id: string) => {
        const label = ID_LABEL[type];
        if (label === undefined) return whole;
        const before = body.slice(0, body.indexOf(whole));
        // Already labelled in the text ("doi: <pub-id …>").
        if (new RegExp(`${label}:?\\s*$`, 'i').test(xmlText(before))) return ` ${id}`;
        return ` ${label}: ${id}`;
      },
    );
  return xmlText(xml);
}

function jatsIds(body: string): DevReference['ids'] {
  const ids: DevReference['ids'] = {};
  for (const m of body.matchAll(/<(?:pub-id|object-id)\b[^>]*pub-id-type="([\w-]+)"[^>]*>([\s\S]*?)<\//g)) {
    const value = decodeXmlEntities((m[2] ?? '').trim());
    if (m[1] === 'doi') ids.doi = value;
    else if (m[1] === 'pmid') ids.pmid = value;
    else if (m[1] === 'pmcid' || m[1] === 'pmc') ids.pmcid = value.startsWith('PMC') ? value : `PMC${value}`;
  }
  // A DOI given only as a doi.org link is the reference's DOI too.
  const link = /xlink:href="https?:\/\/(?:dx\.)?doi\.org\/([^"]+)"/.exec(body)?.[1];
  if (ids.doi === undefined && link !== undefined) ids.doi = decodeXmlEntities(link);
  return ids;
}

/**
 * A chapter printed as "Author (year) <chapter-title>…</chapter-title>. In: Editor, editors,
 * <source>Book</source>": the chapter title is the title and the names after it are editors.
 */
function chapterTruth(body: string, item: CslItem): CslItem {
  const at = body.indexOf('<chapter-title');
  if (at < 0) return item;
  const names = [...body.slice(0, at).matchAll(/<surname>([\s\S]*?)<\/surname>/g)].map((m) => ({
    family: xmlText(m[1] ?? ''),
  }));
  const title = xmlText(/<chapter-title\b[^>]*>([\s\S]*?)<\/chapter-title>/.exec(body)?.[1] ?? '');
  const source = xmlText(/<source\b[^>]*>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '');
  const out: CslItem = { ...item, type: 'chapter', title, author: names };
  if (source !== '') out['container-title'] = source;
  return out;
}

function jatsLists(file: string, xml: string): DevList[] {
  const lists: DevList[] = [];
  const articles = xml.split(/(?=<article[\s>])/).filter((a) => /^<article[\s>]/.test(a));
  articles.forEach((article, a) => {
    const mixed: DevReference[] = [];
    const element: { ref: DevReference; id: string }[] = [];
    for (const ref of article.matchAll(/<ref\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/ref>/g)) {
      const id = ref[1] ?? '';
      const body = (ref[2] ?? '').replace(/citation-type=/g, 'publication-type=');
      const source = `${file}#${a + 1}#${id}`;
      const structured = jatsReference(body, source, `${a + 1}-${id}`);
      const truth = isSkipped(structured) ? undefined : chapterTruth(body, structured.item);
      const etal = !isSkipped(structured) && structured.etal;
      const base = { source, etal, ids: jatsIds(body), ...(truth ? { truth } : {}) };
      const mixedBody = /<mixed-citation\b[^>]*>([\s\S]*?)<\/mixed-citation>/.exec(body)?.[1];
      if (mixedBody !== undefined) mixed.push({ ...base, text: mixedText(mixedBody) });
      else if (/<(?:element-)?citation\b/.test(body) && truth)
        element.push({ ref: { ...base, text: '' }, id });
    }
    if (mixed.length > 0) lists.push({ file, origin: 'jats-mixed', references: mixed });
    if (element.length > 0) {
      const items = element.map((e) => e.ref.truth).filter((t): t is CslItem => t !== undefined);
      const cut = new Set(element.filter((e) => e.ref.etal).map((e) => e.ref.truth?.id ?? ''));
      const texts = formatNlmText(items, cut);
      const references = element.map((e) => ({ ...e.ref, text: texts.get(e.ref.truth?.id ?? '') ?? '' }));
      lists.push({ file, origin: 'jats-element', references });
    }
  });
  return lists;
}

/** Every list of the development set, read fresh. */
export function loadDevSet(): DevList[] {
  return DEV_SET_FILES.flatMap((file) => {
    const xml = readFixture(file);
    return /<PubmedArticle>/.test(xml) ? pubmedLists(file, xml) : jatsLists(file, xml);
  });
}
