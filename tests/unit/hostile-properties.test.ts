/**
 * Property tests of the page-text parser and the XML reader on arbitrary and mutated input: they
 * return or throw `SourceError`, nothing else, and take time linear in the input (a long run of
 * one character must not cost quadratic time in a regular expression).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/lib/errors.ts';
import { parseSource } from '../../src/lib/parse/parse-source.ts';
import { parsePubmedText } from '../../src/lib/parse/pubmed-text/parse-pubmed-text.ts';
import { readXml } from '../../src/lib/xml/read-xml.ts';
import { PLAIN_REVIEW, jats, pubmedXml } from '../hostile/synthetic-sources.ts';

const SEED = readFileSync('content/sources/bournazou-2013-jakstat.pubmed.txt', 'utf8');
const SEED_LINES = SEED.split('\n');

/** Runs `f`; fails on any exception but `SourceError`, or when it takes longer than `ms`. */
function onlySourceError(f: () => unknown, ms = 1_000): boolean {
  const started = performance.now();
  try {
    f();
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    expect(error.message).not.toMatch(/\n/);
  }
  const elapsed = performance.now() - started;
  if (elapsed > ms) throw new Error(`took ${Math.round(elapsed)} ms`);
  return true;
}

/** Pieces a page is made of, for strings that look almost like one. */
const pageToken = fc.constantFrom(
  ...SEED_LINES,
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '\u00a0',
  'Abstract',
  'References',
  'Figures',
  'Keywords:',
  '1. ',
  ' - DOI',
  ' - PubMed',
  ';',
  '.',
  ':',
  '2013',
  'et al.',
  'doi: 10.',
  '<',
  '\u202e',
);
const pageLike = fc.array(pageToken, { maxLength: 200 }).map((tokens) => tokens.join(''));

/** The seed with lines dropped, duplicated, swapped or replaced by noise. */
const mutatedSeed = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SEED_LINES),
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ),
    { maxLength: 80 },
  )
  .map((lines) => lines.join('\n'));

/** One character or short string repeated many times inside ordinary text: the ReDoS shape. */
const longRun = fc
  .tuple(
    fc.constantFrom(' ', '.', ';', ' - DOI', 'a ', '1', '(', ', ', 'A.', '\t', ' et al', ':', '-'),
    fc.integer({ min: 5_000, max: 40_000 }),
    fc.constantFrom('', 'x', '.', ';', '2013;', ' - PubMed x'),
  )
  .map(([unit, count, end]) => `x${unit.repeat(Math.ceil(count / unit.length))}${end}`);

describe('the page-text parser on hostile text', () => {
  it('throws nothing but SourceError on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) =>
        onlySourceError(() => parsePubmedText(s, 'sources/x.txt')),
      ),
      { numRuns: 300 },
    );
  });

  it('throws nothing but SourceError on page-like text and mutated pages', () => {
    fc.assert(
      fc.property(fc.oneof(pageLike, mutatedSeed), (s) =>
        onlySourceError(() => parsePubmedText(s, 'sources/x.txt')),
      ),
      { numRuns: 300 },
    );
  });

  it('stays linear on long runs, as a line of its own, a title, a reference or the abstract', () => {
    fc.assert(
      fc.property(longRun, fc.constantFrom('line', 'title', 'reference', 'abstract'), (run, where) => {
        const text =
          where === 'line'
            ? `${run}\n${SEED}`
            : where === 'title'
              ? SEED.replace('\nTargeting the tumor microenvironment: JAK-STAT3 signaling\n', `\n${run}\n`)
              : where === 'reference'
                ? `${SEED}\n    1. ${run}`
                : SEED.replace('Persistent JAK-STAT3', run);
        return onlySourceError(() => parsePubmedText(text, 'sources/x.txt'), 500);
      }),
      { numRuns: 60 },
    );
  });
});

const XML_DOCS = [pubmedXml(PLAIN_REVIEW), jats(PLAIN_REVIEW)];
const xmlToken = fc.constantFrom(
  '<',
  '>',
  '</',
  '/>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE a [',
  ']>',
  '<!ENTITY e "x">',
  '<!ENTITY % p SYSTEM "http://127.0.0.1:9/">',
  '%p;',
  '&e;',
  '&amp;',
  '&#x1F600;',
  '&#0;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<a>',
  '</a>',
  '<a b="c">',
  '"',
  "'",
  '=',
  ' ',
  '\n',
  'text',
  '\u0001',
  '\uFFFE',
  '\uD800',
);
const xmlLike = fc.array(xmlToken, { maxLength: 120 }).map((t) => t.join(''));

/** A valid document cut short, or with a token spliced in at some position. */
const mutatedXml = fc
  .tuple(fc.constantFrom(...XML_DOCS), fc.double({ min: 0, max: 1, noNaN: true }), fc.option(xmlToken))
  .map(([doc, where, token]) => {
    const at = Math.floor(doc.length * where);
    return token === null ? doc.slice(0, at) : doc.slice(0, at) + token + doc.slice(at);
  });

describe('the XML reader on hostile XML', () => {
  it('throws nothing but SourceError on arbitrary strings and XML-like token soup', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), xmlLike), (s) =>
        onlySourceError(() => readXml(s, 'sources/x.xml')),
      ),
      { numRuns: 500 },
    );
  });

  it('never accepts a document that declares an entity', () => {
    fc.assert(
      fc.property(xmlLike, (s) => {
        const doc = `<!DOCTYPE a [<!ENTITY e "${'x'.repeat(10)}">]>${s}<a>&e;</a>`;
        expect(() => readXml(doc, 'sources/x.xml')).toThrow(SourceError);
      }),
      { numRuns: 200 },
    );
  });

  it('throws nothing but SourceError when PubMed XML or JATS is cut or spliced, through every parser', () => {
    fc.assert(
      fc.property(
        mutatedXml,
        fc.constantFrom<'pubmed-xml' | 'jats' | 'pubmed-text'>('pubmed-xml', 'jats', 'pubmed-text'),
        (doc, format) => onlySourceError(() => parseSource(doc, 'sources/x.xml', format)),
      ),
      { numRuns: 300 },
    );
  });

  it('stays linear on deep nesting and long runs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('<a>', '<a/>', '&amp;', ' ', '<!-- -->', 'x', '<a b="c"/>'),
        fc.integer({ min: 1_000, max: 50_000 }),
        (unit, count) =>
          onlySourceError(() => readXml(`<r>${unit.repeat(count)}</r>`, 'sources/x.xml'), 2_000),
      ),
      { numRuns: 30 },
    );
  });
});

/** Any lone UTF-16 surrogate: a string cut inside a character, as a broken decoder or a JS caller can hand over. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
/** What XML markup can start with: each puts saxes in another state when the surrogate arrives. */
const markupOpener = fc.constantFrom(
  '',
  '<',
  '<!',
  '<!-',
  '<!--',
  '<![',
  '<![CDATA[',
  '<?',
  '</',
  '<a ',
  '<a b="',
  '&',
  '&#',
  '<!DOCTYPE ',
);

/** The error names the file and a line: "sources/x.xml:3: expected …". */
function sourceErrorWithLine(f: () => unknown): SourceError {
  let caught: unknown;
  try {
    f();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof SourceError)) throw new Error(`expected a SourceError, got ${String(caught)}`);
  expect(caught.file).toBe('sources/x.xml');
  expect(caught.line).toBeGreaterThanOrEqual(1);
  expect(caught.message).toMatch(/^sources\/x\.xml:\d+: expected /);
  return caught;
}

describe('the XML reader on lone surrogates', () => {
  it('reports "<!" followed by a lone surrogate as a SourceError, not saxes\' RangeError', () => {
    const error = sourceErrorWithLine(() => readXml('<!\ud800', 'sources/x.xml'));
    expect(error.line).toBe(1);
    expect(error.expected).toBe('well-formed XML');
    // On a later line, the error says which.
    expect(sourceErrorWithLine(() => readXml('<a>\n\n<!\udfff</a>', 'sources/x.xml')).line).toBe(3);
  });

  it('throws a SourceError with file and line for a lone surrogate after any markup opener', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...XML_DOCS, ''),
        fc.double({ min: 0, max: 1, noNaN: true }),
        markupOpener,
        loneSurrogate,
        fc.boolean(),
        (doc, where, opener, surrogate, cut) => {
          const at = Math.floor(doc.length * where);
          const spliced = doc.slice(0, at) + opener + surrogate + (cut ? '' : doc.slice(at));
          try {
            readXml(spliced, 'sources/x.xml');
          } catch (error) {
            if (!(error instanceof SourceError)) throw error;
            sourceErrorWithLine(() => {
              throw error;
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
