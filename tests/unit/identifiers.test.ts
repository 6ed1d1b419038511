import { describe, expect, it } from 'vitest';
import {
  findDoi,
  findPmcid,
  findPmid,
  findUrl,
  isPlausibleDoi,
  normalizeDoi,
} from '../../src/lib/parse/identifiers.ts';

describe('normalizeDoi', () => {
  it.each([
    ['10.1126/science.277.5332.1630.', '10.1126/science.277.5332.1630'],
    ['10.1038/nrc1275;', '10.1038/nrc1275'],
    ['https://doi.org/10.1136/bmj.e1234', '10.1136/bmj.e1234'],
    ['doi:10.1016/S1473-3099(18)30001-2).', '10.1016/S1473-3099(18)30001-2'],
    [
      '10.1002/(SICI)1097-0274(199601)29:1<23::AID-AJIM4>3.0.CO;2-#',
      '10.1002/(SICI)1097-0274(199601)29:1<23::AID-AJIM4>3.0.CO;2-#',
    ],
  ])('%s -> %s', (raw, doi) => {
    expect(normalizeDoi(raw)).toBe(doi);
  });

  it('judges plausibility', () => {
    expect(isPlausibleDoi('10.1093/ofid/ofu047')).toBe(true);
    expect(isPlausibleDoi('10.1/x')).toBe(false);
    expect(isPlausibleDoi('10.1234/a b')).toBe(false);
  });
});

describe('finders', () => {
  it('find labelled DOIs first, and the span they occupy', () => {
    const text = 'Title 10.5555/not-this. J. 2010;1:2. doi: 10.1234/abc.';
    const found = findDoi(text);
    expect(found?.value).toBe('10.1234/abc');
    expect(text.slice(found?.start, found?.end)).toBe('doi: 10.1234/abc.');
    expect(findDoi('nothing here')).toBeUndefined();
  });

  it('find PMID, PMCID and URLs', () => {
    expect(findPmid('x. PMID: 30555555; PMCID: PMC6543210.')?.value).toBe('30555555');
    expect(findPmcid('x. PMID: 30555555; PMCID: pmc6543210.')?.value).toBe('PMC6543210');
    expect(findUrl('Available from: https://www.cdc.gov/tb/ (accessed 17 June 2017).')?.value).toBe(
      'https://www.cdc.gov/tb/',
    );
    expect(findUrl('See (https://example.org/a_(b)).')?.value).toBe('https://example.org/a_(b)');
  });
});

describe('a DOI broken by a space', () => {
  it('takes neither piece of "10.1371/journal.pbio. 1001425" (real: eLife 04493, bib74)', () => {
    expect(
      findDoi(
        'Lin S, Kao CF. Lineage analysis. PLoS Biol. 2012;10:e1001425. doi:10.1371/journal.pbio. 1001425.',
      ),
    ).toBeUndefined();
  });

  it('still takes a DOI that a year or a label follows', () => {
    expect(findDoi('doi:10.1038/nrmicro1460. PubMed PMID: 16845428.')?.value).toBe('10.1038/nrmicro1460');
    expect(findDoi('doi:10.1038/nrmicro1460. 2006;4:577-87.')?.value).toBe('10.1038/nrmicro1460');
  });
});
