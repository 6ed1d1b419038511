/**
 * Every export read back by readers Lectern did not write, field by field against the
 * references it came from: BibTeX by @retorquere/bibtex-parser (the parser of Better BibTeX for
 * Zotero), RIS by astrocite-ris, CSL-JSON by the official schema, and MEDLINE/nbib and the
 * identifier fields by the rules of Zotero's translators (tests/helpers/zotero-rules.ts). The
 * libraries: both example reviews, a synthetic library and hand-made edge cases (books,
 * chapters, organisations, particles, suffixes, accents, "--", TeX's special characters,
 * references shown verbatim).
 */
import { readFileSync } from 'node:fs';
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import { AST as RisAst, parse as parseRis } from 'astrocite-ris';
import { describe, expect, it } from 'vitest';
import { syntheticLibrary } from '../../scripts/bench/synthetic-library.ts';
import { bibtexKey } from '../../src/lib/cite/bibtex.ts';
import { exportFormat, exportText } from '../../src/lib/cite/exports.ts';
import { parsePubmedText } from '../../src/lib/parse/pubmed-text/parse-pubmed-text.ts';
import type { CslItem, CslName } from '../../src/lib/schema/csl.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';
import {
  BIBTEX_TYPES,
  extraIds,
  medlineDetected,
  readMedline,
  risExtraLines,
  ZOTERO_TYPES,
} from '../helpers/zotero-rules.ts';

const read = (path: string): CslItem[] =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as CslItem[];

/** Marks a reference as one the parser could not read with confidence (the flag of issue 10). */
const verbatim = (item: CslItem): CslItem => ({
  ...item,
  custom: { ...item.custom, shownVerbatim: true, verbatim: item.custom?.verbatim ?? `${item.title}.` },
});

const EDGE: CslItem[] = [
  {
    id: 'sokal1995',
    type: 'book',
    title: 'Biometry: the principles and practice of statistics in biological research',
    author: [
      { family: 'Sokal', given: 'R. R.' },
      { family: 'Rohlf', given: 'F. J.' },
    ],
    edition: '3',
    publisher: 'W. H. Freeman & Co',
    'publisher-place': 'New York',
    issued: { 'date-parts': [[1995]] },
    ISBN: '0716724111',
  },
  {
    id: 'friedman1983',
    type: 'chapter',
    title: 'Lytic mode of lambda development',
    author: [
      { family: 'Friedman', given: 'D. I.' },
      { family: 'Gottesman', given: 'M.' },
    ],
    editor: [{ family: 'Hendrix', given: 'R. W.' }],
    'container-title': 'Lambda II',
    publisher: 'Cold Spring Harbor Laboratory',
    issued: { 'date-parts': [[1983]] },
    page: '21-51',
  },
  {
    id: 'who2020',
    type: 'report',
    title: 'Report on 100% of cases_with #tags, $costs & ~tildes^ {braces} \\ back',
    author: [{ literal: 'World Health Organization' }],
    publisher: 'WHO',
    issued: { 'date-parts': [[2020, 3, 5]] },
  },
  {
    id: 'vanoudenaarden2008',
    type: 'article-journal',
    title: 'Noise in gene expression -- origins, consequences, and control in Escherichia coli',
    author: [
      { family: 'Oudenaarden', given: 'Alexander', 'non-dropping-particle': 'van' },
      { family: 'Gründling', given: 'Angelika' },
      { family: 'Darnell', given: 'J. E.', suffix: 'Jr.' },
      { family: 'Bläsi', given: 'Udo' },
    ],
    'container-title': 'Science',
    'container-title-short': 'Science',
    issued: { 'date-parts': [[2008, 9, 26]] },
    volume: '309',
    issue: '5743',
    page: '2010-2013',
    DOI: '10.1126/science_noise.2008',
    PMID: '16179466',
    PMCID: 'PMC1234567',
  },
  verbatim({
    id: 'unsure2001',
    type: 'article-journal',
    title: 'A reference read with low confidence',
    author: [{ family: 'Müller', given: 'K.' }],
    'container-title': 'J Mol Biol',
    issued: { 'date-parts': [[2001]] },
    PMID: '11111111',
    custom: { verbatim: 'Müller K. A reference read with low confidence. J Mol Biol 2001;??:1-5.' },
  }),
];

/** The synthetic library as the real parser reads it (as the benchmark's ingest does). */
function synthetic(): CslItem[] {
  const items = syntheticLibrary(2, 80).flatMap(
    (source) => parsePubmedText(source.text, `sources/${source.name}`, source.slug).review.references,
  );
  return items.map((item, i) => (i % 9 === 4 ? verbatim(item) : item));
}

const LIBRARIES: { name: string; items: CslItem[] }[] = [
  { name: 'seed review', items: read('content/reviews/bournazou-2013-jakstat/references.json') },
  { name: 'BMC review', items: read('content/reviews/dennehy-2011-bmc-microbiol/references.json') },
  { name: 'synthetic library', items: synthetic() },
  { name: 'edge cases', items: EDGE },
];

// --- What each reference should come back as ----------------------------------------------

const clean = (s: string | undefined): string | undefined =>
  s === undefined ? undefined : s.replace(/\s+/g, ' ').trim();
const family = (n: CslName): string =>
  [n['non-dropping-particle'], n.family ?? n.literal].filter(Boolean).join(' ');
const year = (item: CslItem): string | undefined => {
  const y = item.issued?.['date-parts']?.[0]?.[0];
  return y === undefined ? undefined : String(y);
};
const dashes = (s: string | undefined): string | undefined => s?.replace(/\s*[-–—]+\s*/g, '-');
const isVerbatim = (item: CslItem): boolean =>
  (item.custom as { shownVerbatim?: boolean } | undefined)?.shownVerbatim === true;
const printed = (item: CslItem): string => clean(item.custom?.verbatim) ?? '';

describe.each(LIBRARIES)('exports of the $name', ({ items }) => {
  it('has references to check', () => {
    expect(items.length).toBeGreaterThan(4);
  });

  it('BibTeX: @retorquere/bibtex-parser reads every entry back, field by field', () => {
    const text = exportText(exportFormat('bib'), items);
    // Zotero reads `{\" u}` (a space inside an accent command) as the literal `\" u`.
    expect(text).not.toMatch(/\\["'`^~=.][ ]/);
    const { entries, errors } = parseBibtex(text, { english: false });
    expect(errors).toEqual([]);
    expect(entries).toHaveLength(items.length);
    entries.forEach((entry, i) => {
      const item = items[i] as CslItem;
      const f = entry.fields;
      const at = item.id;
      expect(entry.key, at).toBe(bibtexKey(item.id));
      if (ZOTERO_TYPES[item.type]) expect(BIBTEX_TYPES[entry.type], at).toBe(ZOTERO_TYPES[item.type]);
      expect(clean(f['title']), at).toBe(clean(item.title));
      const creators = (list: Creator[] | undefined): string[] =>
        (list ?? []).map((c) => c.name ?? [c.prefix, c.lastName].filter(Boolean).join(' '));
      expect(creators(f.author), at).toEqual((item.author ?? []).map(family));
      expect(
        (f.author ?? []).map((c) => c.firstName ?? ''),
        at,
      ).toEqual((item.author ?? []).map((n) => (n.literal ? '' : (n.given ?? ''))));
      expect(
        (f.author ?? []).map((c) => c.suffix ?? ''),
        at,
      ).toEqual((item.author ?? []).map((n) => n.suffix ?? ''));
      expect(creators(f.editor), at).toEqual((item.editor ?? []).map(family));
      expect(f['year'], at).toBe(year(item));
      const container = item['container-title'];
      if (entry.type === 'article') expect(f['journal'], at).toBe(container);
      if (entry.type === 'incollection') expect(clean(f['booktitle']), at).toBe(container);
      expect(f['volume'], at).toBe(item.volume);
      expect(f['number'], at).toBe(item.issue);
      expect(dashes(f['pages']), at).toBe(dashes(item.page));
      const publisher = [...(f.publisher ?? []), ...(f.institution ?? [])][0];
      expect(publisher, at).toBe(item.publisher);
      expect(f['doi'], at).toBe(item.DOI);
      expect(f['pmid'], at).toBe(item.PMID);
      expect(f['pmcid'], at).toBe(item.PMCID);
      expect(f['note'] !== undefined, at).toBe(isVerbatim(item));
      if (isVerbatim(item)) expect(clean(f['note']), at).toContain(printed(item));
    });
  });

  it('RIS: astrocite-ris reads every record back; identifiers land where Zotero keeps them', () => {
    const text = exportText(exportFormat('ris'), items);
    // astrocite's types name a CSL namespace of a package it does not declare; read as CSL fields.
    const back = parseRis(text) as unknown as Partial<CslItem>[];
    expect(back).toHaveLength(items.length);
    const records = RisAst.parse(text).children;
    expect(records).toHaveLength(items.length);
    back.forEach((entry, i) => {
      const item = items[i] as CslItem;
      const at = item.id;
      expect(entry.type, at).toBe(item.type === 'article' ? 'article-journal' : item.type);
      expect(clean(entry.title), at).toBe(clean(item.title));
      // astrocite reads a chapter's editors (A2) as authors, before the authors; and
      // "Darnell, J. E., Jr." (RIS's "Last, First, Suffix") with given and suffix swapped.
      // An organisation (no comma) comes back split into given and family names.
      const authors = (entry.author ?? []).slice(-(item.author?.length ?? 0) || undefined);
      expect(
        authors.map((a, j) =>
          item.author?.[j]?.literal ? [a.given, a.family].filter(Boolean).join(' ') : family(a),
        ),
        at,
      ).toEqual((item.author ?? []).map(family));
      expect(String(entry.issued?.['date-parts']?.[0]?.[0] ?? ''), at).toBe(year(item) ?? '');
      if (item['container-title'] !== undefined)
        expect(entry['container-title'], at).toBe(item['container-title']);
      expect(entry.volume, at).toBe(item.volume);
      expect(entry.issue, at).toBe(item.issue);
      expect(dashes(entry.page), at).toBe(dashes(item.page));
      expect(entry.DOI, at).toBe(item.DOI);
      expect(entry.publisher, at).toBe(item.publisher);
      expect(entry.note !== undefined, at).toBe(isVerbatim(item));
      if (isVerbatim(item)) expect(entry.note, at).toContain(printed(item));
      // Zotero: M2 lines become Extra lines; there it reads "PMID: n" and "PMCID: PMCn".
      const pairs = (records[i]?.properties ?? []).map((p) => ({ key: p.key, value: p.value }));
      expect(
        pairs.some((p) => p.key === 'AN'),
        at,
      ).toBe(false);
      const ids = extraIds(risExtraLines(pairs).join('\n'));
      expect(ids, at).toEqual({
        ...(item.PMID ? { PMID: item.PMID } : {}),
        ...(item.PMCID ? { PMCID: item.PMCID } : {}),
      });
    });
  });

  it('CSL-JSON: valid against the official schema, same fields, identifiers also in the note', () => {
    const back = JSON.parse(exportText(exportFormat('json'), items)) as CslItem[];
    expect(cslProblems(back)).toEqual([]);
    expect(back).toHaveLength(items.length);
    back.forEach((entry, i) => {
      const item = items[i] as CslItem;
      const { custom: _c, note: _n, ...fields } = item;
      const { note, 'citation-key': key, ...rest } = entry as CslItem & { 'citation-key'?: string };
      expect(rest, item.id).toEqual(fields);
      expect(key, item.id).toBe(item.id);
      // Zotero's CSL-JSON import drops the PMID/PMCID keys and reads them from the note (Extra).
      expect(extraIds(note), item.id).toEqual({
        ...(item.PMID ? { PMID: item.PMID } : {}),
        ...(item.PMCID ? { PMCID: item.PMCID } : {}),
      });
      if (isVerbatim(item)) expect(note, item.id).toContain(printed(item));
      else if (!item.PMID && !item.PMCID && !item.note) expect(note, item.id).toBeUndefined();
    });
  });

  it('MEDLINE/nbib: Zotero recognises the file and reads every record as the right item', () => {
    const text = exportText(exportFormat('nbib'), items);
    expect(medlineDetected(text)).toBe(true);
    // Each reference's own file too (before, 13 of the 69 per-reference files were not recognised).
    for (const item of items)
      expect(medlineDetected(exportText(exportFormat('nbib'), [item])), item.id).toBe(true);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(82);
    const back = readMedline(text);
    expect(back).toHaveLength(items.length);
    const records = text.trimEnd().split('\n\n');
    back.forEach((entry, i) => {
      const item = items[i] as CslItem;
      const at = item.id;
      // Every record starts with PMID (empty without one), as PubMed's files do.
      expect(records[i]?.split('\n')[0], at).toBe(`PMID- ${item.PMID ?? ''}`);
      expect(entry.itemType, at).toBe(ZOTERO_TYPES[item.type] ?? 'journalArticle');
      expect(clean(entry.title), at).toBe(clean(item.title));
      if (item.type === 'chapter') expect(clean(entry.bookTitle), at).toBe(clean(item['container-title']));
      if (entry.itemType === 'journalArticle' && item['container-title'])
        expect(entry.publicationTitle, at).toBe(item['container-title']);
      expect(
        entry.creators.filter((c) => c.creatorType === 'author').map((c) => c.lastName),
        at,
      ).toEqual((item.author ?? []).filter((a) => !a.literal).map(family));
      expect(entry.date?.split(' ')[0], at).toBe(year(item));
      expect(entry.volume, at).toBe(item.volume);
      expect(entry.issue, at).toBe(item.issue);
      expect(dashes(entry.pages), at).toBe(dashes(item.page));
      expect(entry.DOI, at).toBe(item.DOI);
      // Zotero keeps PMID and PMCID in Extra; without a PMID it writes an empty "PMID: ".
      expect(extraIds(entry.extra), at).toEqual({
        ...(item.PMID ? { PMID: item.PMID } : {}),
        ...(item.PMCID ? { PMCID: item.PMCID } : {}),
      });
      const lines = (records[i] ?? '').split('\n');
      const gn = lines.findIndex((l) => l.startsWith('GN  - '));
      const general =
        gn < 0
          ? undefined
          : [
              lines[gn]?.slice(6),
              ...lines
                .slice(gn + 1)
                .filter((_, k, rest) => rest.slice(0, k + 1).every((l) => l.startsWith(' '))),
            ].join(' ');
      expect(general !== undefined, at).toBe(isVerbatim(item));
      if (isVerbatim(item)) expect(clean(general), at).toContain(printed(item));
    });
  });
});

describe('BibTeX text', () => {
  const bib = exportText(exportFormat('bib'), EDGE);

  it('keeps UTF-8, protects "--" and the capitals a style would lower-case', () => {
    expect(bib).toContain('Gründling, Angelika');
    expect(bib).toContain('Noise in gene expression -{}- origins');
    expect(bib).toContain('{Escherichia}');
    expect(bib).toContain('van Oudenaarden, Alexander');
    expect(bib).toContain('Darnell, Jr., J. E.');
    expect(bib).toContain('{World Health Organization}');
    expect(bib).toMatch(/pmid = \{16179466\}/);
    expect(bib).toMatch(/pmcid = \{PMC1234567\}/);
    expect(bib).toContain('doi = {10.1126/science_noise.2008}');
  });

  it("escapes TeX's special characters", () => {
    const { entries } = parseBibtex(bib, { english: false });
    const who = entries.find((e) => e.key === 'who2020');
    expect(who?.fields['title']).toBe(EDGE[2]?.title);
    expect(bib).toContain('100\\% of cases\\_with \\#tags, \\$costs \\& \\textasciitilde{}tildes');
  });
});
