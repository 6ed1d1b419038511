import { describe, expect, it } from 'vitest';
import { buildReport, doiProblem, formatReport } from '../../src/lib/resolve/report.ts';
import type { Conflict } from '../../src/lib/resolve/resolve-references.ts';
import type { CslItem } from '../../src/lib/schema/csl.ts';
import { reviewSchema, type Review } from '../../src/lib/schema/review.ts';

const SICI = '10.1002/(SICI)1097-0274(199601)29:1<23::AID-AJIM4>3.0.CO;2-#';

function review(references: CslItem[]): Review {
  return reviewSchema.parse({
    slug: 'test-2024-review',
    meta: { title: 'A test review', source: { path: 'sources/test.txt', format: 'pubmed-text' } },
    abstract: [],
    figures: [],
    references,
  });
}

const article = (id: string, fields: Partial<CslItem>): CslItem => ({
  id,
  type: 'article-journal',
  ...fields,
});

const refs: CslItem[] = [
  article('a', { DOI: '10.1126/science.277.5332.1630', PMID: '9287210' }),
  article('b', { DOI: '10.1126/SCIENCE.277.5332.1630' }), // same DOI, other case
  article('c', { PMID: '29618526', PMCID: 'PMC5938574' }),
  article('d', { PMID: '29618526' }), // same PMID
  article('e', {
    title: 'Back Pain: Differential Diagnosis and Management.',
    issued: { 'date-parts': [[2023, 2]] },
    author: [{ family: 'Casiano', given: 'VE' }],
  }),
  article('f', {
    title: 'Back pain - differential diagnosis and management',
    issued: { 'date-parts': [[2023]] },
    author: [{ family: 'Casiano', given: 'Victor E' }],
  }), // same title+year+author, printed differently
  article('g', {
    title: 'Back pain: differential diagnosis and management.',
    issued: { 'date-parts': [[2019]] },
    author: [{ family: 'Casiano', given: 'VE' }],
  }), // another year: a different edition, not a duplicate
  article('sici', { DOI: SICI }),
  article('cut', { DOI: '10.1371/journal.pone.' }),
  article('paren', { DOI: '10.1016/S0140-6736(20' }),
  article('label', { DOI: 'doi:10.1000/182' }),
  article('none', { title: 'No identifiers at all' }),
  article('retracted', {
    PMID: '11111111',
    custom: {
      corrections: [{ type: 'retraction', pmid: '22222222', citation: 'Retraction in: J X. 2020;1:1.' }],
    },
  }),
];

const conflicts: Conflict[] = [
  {
    id: 'smith2018',
    field: 'title',
    parsed: 'Machine learning of cats.',
    resolved: 'Opportunities and obstacles for deep learning in biology and medicine',
    source: 'crossref:10.1098/rsif.2017.0387',
  },
];

describe('buildReport', () => {
  const report = buildReport(review(refs), conflicts);

  it('counts references and identifiers', () => {
    expect(report.counts).toEqual({ references: 13, withDoi: 6, withPmid: 4, withPmcid: 1, unresolved: 4 });
  });

  it('finds duplicates by DOI (any case), PMID, and title+year+first author', () => {
    expect(report.duplicates).toEqual([
      { ids: ['a', 'b'], reasons: ['DOI'] },
      { ids: ['c', 'd'], reasons: ['PMID'] },
      { ids: ['e', 'f'], reasons: ['title+year+author'] },
    ]);
  });

  it('flags malformed and cut-off DOIs, but not the valid SICI DOI', () => {
    expect(report.malformedIdentifiers).toEqual([
      { id: 'cut', field: 'DOI', value: '10.1371/journal.pone.', problem: 'looks cut off: ends in "."' },
      {
        id: 'paren',
        field: 'DOI',
        value: '10.1016/S0140-6736(20',
        problem: 'looks cut off: unbalanced "()"',
      },
      {
        id: 'label',
        field: 'DOI',
        value: 'doi:10.1000/182',
        problem: 'not DOI syntax (10.<registrant>/<suffix>, no spaces)',
      },
    ]);
    expect(report.malformedIdentifiers.map((m) => m.id)).not.toContain('sici');
  });

  it('lists corrections and passes conflicts through', () => {
    expect(report.corrections).toEqual([
      {
        id: 'retracted',
        corrections: [{ type: 'retraction', pmid: '22222222', citation: 'Retraction in: J X. 2020;1:1.' }],
      },
    ]);
    expect(report.conflicts).toEqual(conflicts);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('doiProblem', () => {
  it.each([
    [SICI, undefined],
    ['10.1098/rsif.2017.0387', undefined],
    ['10.1016/S0140-6736(20)30183-5', undefined],
    ['10.1000/abc-', 'looks cut off: ends in "-"'],
    ['10.1000/abc(', 'looks cut off: ends in "("'],
    ['10.1000/a]b', 'looks cut off: unbalanced "[]"'],
    ['10.123/abc', 'not DOI syntax (10.<registrant>/<suffix>, no spaces)'],
    ['10.1000/a b', 'not DOI syntax (10.<registrant>/<suffix>, no spaces)'],
  ])('%s', (doi, problem) => {
    expect(doiProblem(doi)).toBe(problem);
  });
});

describe('formatReport', () => {
  it('prints counts and every finding', () => {
    const text = formatReport(buildReport(review(refs), conflicts));
    expect(text).toContain('References of "A test review" (test-2024-review): 13');
    expect(text).toContain('with DOI 6, PMID 4, PMCID 1; without any identifier 4');
    expect(text).toContain('Duplicates (3):\n  - a, b (same DOI)');
    expect(text).toContain('  - cut: DOI 10.1371/journal.pone.: looks cut off: ends in "."');
    expect(text).toContain('  - retracted: retraction');
    expect(text).toContain(
      '  - smith2018: title is "Machine learning of cats." in the reference but "Opportunities and obstacles for deep learning in biology and medicine" in crossref:10.1098/rsif.2017.0387',
    );
  });

  it('says so when there is nothing to report', () => {
    const text = formatReport(buildReport(review([article('a', { PMID: '1' })]), []));
    expect(text).toBe(
      'References of "A test review" (test-2024-review): 1\n' +
        '  with DOI 0, PMID 1, PMCID 0; without any identifier 0\n' +
        'No duplicates, malformed identifiers, corrections or conflicts.\n',
    );
  });
});
