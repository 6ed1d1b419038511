import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePubmedHtml } from '../../src/lib/parse/pubmed-html/parse-pubmed-html.ts';
import { detectFormat } from '../../src/lib/parse/detect-format.ts';
import { cslProblems } from '../../src/lib/schema/validate-csl.ts';
import { reviewSchema } from '../../src/lib/schema/review.ts';

const html = readFileSync('tests/fixtures/pubmed-html/article-page.html', 'utf8');

describe('a saved PubMed article page (HTML)', () => {
  const { review, incomplete } = parsePubmedHtml(html, 'sources/page.html');

  it('is detected as pubmed-html', () => {
    expect(detectFormat(html)).toBe('pubmed-html');
  });

  it('reads the header, with the identifiers the page lists', () => {
    expect(review.meta.title).toBe('Targeting the tumor microenvironment: JAK-STAT3 signaling');
    expect(review.meta.publicationTypes).toEqual(['Review']);
    expect(review.meta.journal).toEqual({ abbreviation: 'JAKSTAT' });
    expect(review.meta.issued).toEqual({ 'date-parts': [[2013, 4, 1]] });
    expect(review.meta.eLocator).toBe('e23828');
    expect(review.meta.doi).toBe('10.4161/jkst.23828');
    expect(review.meta.pmid).toBe('24058812');
    expect(review.meta.pmcid).toBe('PMC3710325');
    expect(review.meta.authors).toEqual([
      { family: 'Bournazou', given: 'Eirini' },
      { family: 'Bromberg', given: 'Jacqueline' },
    ]);
    expect(review.slug).toBe('bournazou-2013-jakstat');
  });

  it('reads the structured abstract, keywords and figures', () => {
    expect(review.abstract.map((s) => s.label)).toEqual(['Background', 'Conclusions']);
    expect(review.abstract[1]?.text).toBe(
      'Targeting this signaling pathway is considered a novel promising therapeutic approach &amp; more.',
    );
    expect(review.meta.keywords).toEqual([
      'IL-6',
      'JAK-STAT3 signaling',
      'targeted therapies',
      'tumor microenvironment',
    ]);
    expect(review.figures.map((f) => f.label)).toEqual(['Figure 1', 'Figure 2']);
    expect(review.figures[0]?.caption).toBe(
      'The role of activated STAT3 and its molecular targets in tumorigenesis.',
    );
  });

  it('takes each reference once, with ids from its link buttons', () => {
    expect(review.references.map((r) => r.id)).toEqual(['darnell1997', 'bromberg2002', 'yu2004']);
    const [darnell, bromberg, yu] = review.references;
    expect(darnell?.DOI).toBe('10.1126/science.277.5332.1630');
    expect(darnell?.PMID).toBe('9287210');
    expect(bromberg?.PMID).toBe('11994401');
    expect(bromberg?.PMCID).toBe('PMC150969');
    expect(bromberg?.custom?.pageLinks).toEqual(['pmc', 'pubmed']);
    expect(yu?.PMID).toBeUndefined();
    expect(darnell?.custom?.verbatim).toBe(
      'Darnell JE., Jr. STATs and gene regulation. Science. 1997;277:1630–5. doi: 10.1126/science.277.5332.1630.',
    );
    expect(incomplete).toEqual([]);
    expect(cslProblems(review.references)).toEqual([]);
    expect(reviewSchema.safeParse(review).success).toBe(true);
  });

  it('names the file and what it expected when the page is not an article', () => {
    expect(() =>
      parsePubmedHtml('<!doctype html><html><body><p>Search results</p></body></html>', 'sources/x.html'),
    ).toThrow(/^sources\/x\.html:1: expected a saved PubMed article page/);
  });
});
