import { describe, expect, it } from 'vitest';
import {
  allOf,
  describeQuery,
  filterValue,
  NO_MATCH,
  normaliseDoi,
  parseQuery,
  queryFilters,
  yearsInRange,
} from '../../src/lib/search/query-syntax.ts';
import {
  citationBrackets,
  citationSites,
  citedKeys,
  sentenceAround,
} from '../../src/lib/search/citation-sites.ts';
import { facetCounts, referenceRecord } from '../../src/lib/search/reference-record.ts';

describe('parseQuery', () => {
  it('keeps plain words as the text query', () => {
    expect(parseQuery('  STAT3   signaling ')).toEqual({
      text: 'STAT3 signaling',
      authors: [],
      problems: [],
    });
  });

  it('reads author:, year:, doi:, pmid: and pmcid: beside plain words', () => {
    const q = parseQuery(
      'stat3 author:Darnell year:1997-2004 doi:10.1126/Science.277.5332.1630 pmid:9287210 pmcid:PMC3166277',
    );
    expect(q).toEqual({
      text: 'stat3',
      authors: ['darnell'],
      years: { from: 1997, to: 2004 },
      doi: '10.1126/science.277.5332.1630',
      pmid: '9287210',
      pmcid: 'pmc3166277',
      problems: [],
    });
  });

  it('reads single years, open ranges and reversed ranges', () => {
    expect(parseQuery('year:2004').years).toEqual({ from: 2004, to: 2004 });
    expect(parseQuery('year:1997-').years).toEqual({ from: 1997 });
    expect(parseQuery('year:-2004').years).toEqual({ to: 2004 });
    expect(parseQuery('year:2004–1997').years).toEqual({ from: 1997, to: 2004 });
  });

  it('takes quoted values with spaces and strips diacritics from authors', () => {
    expect(parseQuery('author:"St-Pierre" author:"Gründling"').authors).toEqual(['st-pierre', 'grundling']);
    expect(parseQuery('author:"van der Berg" lysis').authors).toEqual(['van der berg']);
  });

  it('accepts DOIs written as links and keys in any case', () => {
    expect(parseQuery('DOI:https://doi.org/10.1038/NRMICRO1460').doi).toBe('10.1038/nrmicro1460');
    expect(normaliseDoi('doi:10.1/X')).toBe('10.1/x');
  });

  it('keeps an unknown key:value as words, so a title with a colon still matches', () => {
    expect(parseQuery('HOLINS: protein clocks').text).toBe('HOLINS: protein clocks');
    expect(parseQuery('journal:science').text).toBe('journal:science');
  });

  it('explains what it could not read, and leaves it out', () => {
    const q = parseQuery('year:soon pmid:12ab author: pmcid:x');
    expect(q.years).toBeUndefined();
    expect(q.pmid).toBeUndefined();
    expect(q.problems).toHaveLength(4);
    expect(q.problems[0]).toMatch(/year:soon.*not a year/);
  });
});

describe('queryFilters', () => {
  const years = ['1939', '1997', '2002', '2004', '2010'];
  it('turns a year range into the years that exist', () => {
    expect(yearsInRange({ from: 1997, to: 2004 }, years)).toEqual(['1997', '2002', '2004']);
    expect(queryFilters(parseQuery('year:2005-2009'), years)).toEqual([{ year: { any: [NO_MATCH] } }]);
  });

  it('builds one Pagefind filter per condition, all of which must hold', () => {
    const parts = queryFilters(parseQuery('author:yu author:jove year:2004 pmid:1'), years);
    expect(parts).toEqual([{ author: 'yu' }, { author: 'jove' }, { year: { any: ['2004'] } }, { pmid: '1' }]);
    expect(allOf([])).toEqual({});
    expect(allOf([{ a: 'b' }])).toEqual({ a: 'b' });
    expect(allOf(parts)).toEqual({ all: parts });
  });

  it('describes the query for the status line', () => {
    expect(describeQuery(parseQuery('holin author:young year:1990-2005'))).toBe(
      'matching “holin”, by young, from 1990–2005',
    );
    expect(describeQuery(parseQuery(''))).toBe('');
  });

  it('normalises filter values the same way on both sides', () => {
    expect(filterValue('  Grün dling ')).toBe('grun dling');
  });
});

describe('referenceRecord', () => {
  it('derives filters, sort keys and links from a CSL item', () => {
    const r = referenceRecord(
      {
        id: 'Darnell1997',
        type: 'article-journal',
        title: 'STATs and gene regulation',
        author: [{ family: 'Darnell', given: 'J. E.', suffix: 'Jr.' }],
        'container-title': 'Science',
        issued: { 'date-parts': [[1997]] },
        DOI: '10.1126/science.277.5332.1630',
        PMID: '9287210',
        PMCID: 'PMC1',
      },
      1,
    );
    expect(r.segment).toBe('darnell1997');
    expect(r.anchor).toBe('bib-darnell1997');
    expect(r.filters).toMatchObject({
      year: ['1997'],
      decade: ['1990s'],
      journal: ['Science'],
      type: ['Journal article'],
      has: ['DOI', 'PMID', 'PMCID', 'Free full text'],
      author: ['darnell'],
      doi: ['10.1126/science.277.5332.1630'],
      pmid: ['9287210'],
      pmcid: ['pmc1'],
    });
    expect(r.sort).toEqual({ number: '00001', year: '1997', author: 'darnell j. e.' });
    expect(r.firstAuthorLabel).toBe('Darnell JE Jr.');
    expect(r.links.map((l) => l.label)).toEqual(['DOI', 'PubMed', 'PMC', 'Europe PMC']);
    expect(r.links.at(-1)?.href).toBe('https://europepmc.org/article/MED/9287210');
  });

  it('counts facet values, years newest first', () => {
    const a = referenceRecord({ id: 'a', type: 'book', issued: { 'date-parts': [[1990]] } }, 1);
    const b = referenceRecord({ id: 'b', type: 'book', issued: { 'date-parts': [[2001]] } }, 2);
    expect(facetCounts([a, b], 'type')).toEqual([{ value: 'Book', count: 2 }]);
    expect(facetCounts([a, b], 'year').map((f) => f.value)).toEqual(['2001', '1990']);
  });
});

describe('citationSites', () => {
  it('reads the keys from a citation id', () => {
    expect(citedKeys('citation--avery2006--Longo2006--1')).toEqual(['avery2006', 'longo2006']);
    expect(citedKeys('figure-1')).toEqual([]);
  });

  it('finds each citation in the Markdown with its section, sentence and printed marker', async () => {
    const numbers = new Map([
      ['ab', 1],
      ['bc', 2],
      ['cd', 3],
      ['de', 4],
    ]);
    const sites = await citationSites(
      [
        {
          label: 'Full text',
          markdown: '## Background\n\nFirst sentence. Holins make holes [@bc; @ab]. Last one.\n',
        },
        {
          label: 'Figure 1 caption',
          markdown: 'See [@ab]. Unknown [@zz] stays text. Range [@ab; @bc; @cd].',
        },
      ],
      numbers,
      { open: '(', close: ')' },
    );
    expect(sites.get('ab')).toEqual([
      {
        id: 'citation--bc--ab--1',
        section: 'Background',
        excerpt: 'Holins make holes (1,2).',
        marker: '(1,2)',
      },
      { id: 'citation--ab--1', section: 'Figure 1 caption', excerpt: 'See (1).', marker: '(1)' },
    ]);
    expect(sites.get('bc')?.map((s) => s.id)).toEqual(['citation--bc--ab--1']);
    // rehype-citation leaves the rest of a text with an unknown key as text, uncounted.
    expect(sites.get('cd')).toBeUndefined();
  });

  it('reads the brackets of a numeric style', () => {
    expect(citationBrackets('<citation><layout delimiter="," prefix="(" suffix=")">')).toEqual({
      open: '(',
      close: ')',
    });
  });

  it('cuts a long sentence around the citation', () => {
    const text = `${'word '.repeat(200)}[C] ${'more '.repeat(200)}`;
    const at = text.indexOf('[C]');
    const excerpt = sentenceAround(text, at, at + 3, 100);
    expect(excerpt).toContain('[C]');
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(104);
  });
});
