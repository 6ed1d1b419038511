import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePubmedText } from '../../src/lib/parse/pubmed-text/parse-pubmed-text.ts';
import { SourceError } from '../../src/lib/errors.ts';

const SEED = 'content/sources/bournazou-2013-jakstat.pubmed.txt';
const seedText = readFileSync(SEED, 'utf8');

describe('the seed PubMed page (Bournazou & Bromberg 2013)', () => {
  const { review, incomplete } = parsePubmedText(seedText, 'sources/seed.txt');

  it('reads the metadata the page shows, and nothing it does not', () => {
    expect(review.slug).toBe('bournazou-2013-jakstat');
    expect(review.meta.title).toBe('Targeting the tumor microenvironment: JAK-STAT3 signaling');
    expect(review.meta.publicationTypes).toEqual(['Review']);
    // The copy lost the journal before the date; the short citation still carries it.
    expect(review.meta.journal).toEqual({ abbreviation: 'JAKSTAT' });
    expect(review.meta.issued).toEqual({ 'date-parts': [[2013, 4, 1]] });
    expect(review.meta.volume).toBe('2');
    expect(review.meta.issue).toBe('2');
    expect(review.meta.eLocator).toBe('e23828');
    expect(review.meta.pages).toBeUndefined();
    expect(review.meta.doi).toBe('10.4161/jkst.23828');
    expect(review.meta.authors).toEqual([{ family: 'Bournazou', given: 'Eirini' }]);
    expect(review.meta.authorsTruncated).toBe(true);
    // The page prints neither, so the model must not have them.
    expect(review.meta.pmid).toBeUndefined();
    expect(review.meta.pmcid).toBeUndefined();
  });

  it('reads the abstract as one unlabelled paragraph and splits keywords on ";"', () => {
    expect(review.abstract).toHaveLength(1);
    expect(review.abstract[0]?.label).toBeUndefined();
    expect(review.abstract[0]?.text).toMatch(/^Persistent JAK-STAT3 signaling is implicated/);
    expect(review.abstract[0]?.text).toMatch(/underlie responsiveness to therapy\.$/);
    expect(review.meta.keywords).toEqual([
      'IL-6',
      'JAK-STAT3 signaling',
      'targeted therapies',
      'tumor microenvironment',
    ]);
  });

  it('reads three figures with their captions and skips the "None" placeholders', () => {
    expect(review.figures.map((f) => [f.number, f.label])).toEqual([
      [1, 'Figure 1'],
      [2, 'Figure 2'],
      [3, 'Figure 3'],
    ]);
    expect(review.figures[0]?.caption).toBe(
      'The role of activated STAT3 and its molecular targets in tumorigenesis.',
    );
    expect(review.figures[1]?.caption).toMatch(/^Immunohistochemical \(A\) and immunofluorescent \(B\)/);
    expect(review.figures.some((f) => /None/.test(f.caption))).toBe(false);
  });

  it('reads five references with stable ids, numbers and the page link markers', () => {
    expect(review.references.map((r) => r.id)).toEqual([
      'darnell1997',
      'bromberg2002',
      'yu2004',
      'sommer2012',
      'zhang2007',
    ]);
    expect(review.references.map((r) => r.custom?.number)).toEqual([1, 2, 3, 4, 5]);
    expect(review.references.map((r) => r.custom?.pageLinks)).toEqual([
      ['doi', 'pubmed'],
      ['pmc', 'pubmed'],
      ['doi', 'pubmed'],
      ['doi', 'pmc', 'pubmed'],
      ['doi', 'pmc', 'pubmed'],
    ]);
    expect(incomplete).toEqual([]);
  });

  it('parses reference 1 field by field, suffix and expanded pages included', () => {
    const ref = review.references[0];
    expect(ref?.type).toBe('article-journal');
    expect(ref?.author).toEqual([{ family: 'Darnell', given: 'J. E.', suffix: 'Jr.' }]);
    expect(ref?.title).toBe('STATs and gene regulation');
    expect(ref?.['container-title']).toBe('Science');
    expect(ref?.issued).toEqual({ 'date-parts': [[1997]] });
    expect(ref?.volume).toBe('277');
    expect(ref?.page).toBe('1630-1635');
    expect(ref?.DOI).toBe('10.1126/science.277.5332.1630');
    expect(ref?.custom?.verbatim).toBe(
      'Darnell JE., Jr. STATs and gene regulation. Science. 1997;277:1630–5. doi: 10.1126/science.277.5332.1630. - DOI - PubMed',
    );
  });

  it('keeps "et al." as truncation, not as an author', () => {
    const sommer = review.references[3];
    expect(sommer?.author).toHaveLength(6);
    expect(sommer?.author?.map((a) => a.family)).not.toContain('et al');
    expect(sommer?.custom?.authorsTruncated).toBe(true);
    expect(sommer?.page).toBe('13743-13751');
    expect(review.references[4]?.['container-title']).toBe('Proc Natl Acad Sci U S A');
  });

  it('gives the same review for the same text, every time', () => {
    expect(parsePubmedText(seedText, 'sources/seed.txt')).toEqual(
      parsePubmedText(seedText, 'sources/seed.txt'),
    );
  });
});

/** A fuller copy of a PubMed page, as a browser copies one with the author list and ids shown. */
const FULL_PAGE = `Skip to main page content
An official website of the United States government
Access keys NCBI Homepage MyNCBI Homepage Main Content Main Navigation
Systematic Review
Cochrane Database Syst Rev. 2019 Oct 8;10(10):CD012345.
doi: 10.1002/14651858.CD012345.pub2.

Interventions for the treatment of something: a systematic review

Anna van der Berg 1, Bo Li 2, Carla Núñez 1 2
Affiliations
1 Department of Things, University.
2 Institute of Other Things.
PMID: 31593302 PMCID: PMC6781234 DOI: 10.1002/14651858.CD012345.pub2

Abstract

Background: Something is common.
It matters.

Search methods: We searched MEDLINE and Embase to 2019.

Authors' conclusions: More research is needed.

Copyright © 2019 The Cochrane Collaboration.

Keywords: alpha; beta.

PubMed Disclaimer

Conflict of interest statement

None known.

Figures

Figure 1
Study flow diagram.

Figure 2. Risk of bias summary:
review authors' judgements.

Similar articles

Some similar article. Author A, et al. J Thing. 2010. Free PMC article.

References

    1. Smith A, Jones B. A trial of things. Lancet. 2001;357(9250):1–10. - PubMed
    2. World Health Organization. Global report. Geneva: WHO; 2018.

Publication types

Systematic Review

MeSH terms

Humans
`;

describe('a full PubMed page with author list, identifiers and a structured abstract', () => {
  const { review } = parsePubmedText(FULL_PAGE, 'sources/full.txt');

  it('reads every metadata field the page prints', () => {
    expect(review.meta.title).toBe('Interventions for the treatment of something: a systematic review');
    expect(review.meta.publicationTypes).toEqual(['Systematic Review']);
    expect(review.meta.journal.abbreviation).toBe('Cochrane Database Syst Rev');
    expect(review.meta.issued).toEqual({ 'date-parts': [[2019, 10, 8]] });
    expect(review.meta.volume).toBe('10');
    expect(review.meta.issue).toBe('10');
    expect(review.meta.pages).toBe('CD012345');
    expect(review.meta.doi).toBe('10.1002/14651858.CD012345.pub2');
    expect(review.meta.pmid).toBe('31593302');
    expect(review.meta.pmcid).toBe('PMC6781234');
    expect(review.meta.authors).toEqual([
      { family: 'van der Berg', given: 'Anna' },
      { family: 'Li', given: 'Bo' },
      { family: 'Núñez', given: 'Carla' },
    ]);
    expect(review.meta.authorsTruncated).toBe(false);
    expect(review.slug).toBe('van-der-berg-2019-cochrane-database-syst-rev');
  });

  it('keeps structured abstract labels and leaves the copyright line out', () => {
    expect(review.abstract).toEqual([
      { label: 'Background', text: 'Something is common. It matters.' },
      { label: 'Search methods', text: 'We searched MEDLINE and Embase to 2019.' },
      { label: "Authors' conclusions", text: 'More research is needed.' },
    ]);
    expect(review.meta.keywords).toEqual(['alpha', 'beta']);
  });

  it('reads captions that start on the label line or run over several lines', () => {
    expect(review.figures).toEqual([
      { number: 1, label: 'Figure 1', caption: 'Study flow diagram.' },
      { number: 2, label: 'Figure 2', caption: "Risk of bias summary: review authors' judgements." },
    ]);
  });

  it('stops the reference list at the next section and ignores similar articles', () => {
    expect(review.references).toHaveLength(2);
    expect(review.references[0]?.custom?.pageLinks).toEqual(['pubmed']);
    expect(review.references[1]?.author).toEqual([{ literal: 'World Health Organization' }]);
  });
});

describe('input that is not a PubMed article page', () => {
  it('names the file, the line and what was expected', () => {
    const text = '\n\nHello, this is a shopping list\neggs\nmilk\n';
    expect(() => parsePubmedText(text, 'sources/list.txt')).toThrow(SourceError);
    expect(() => parsePubmedText(text, 'sources/list.txt')).toThrow(
      /^sources\/list\.txt:3: expected a PubMed article page/,
    );
  });

  it('rejects an empty file with line 1', () => {
    expect(() => parsePubmedText('', 'sources/empty.txt')).toThrow(/^sources\/empty\.txt:1: expected/);
  });
});
