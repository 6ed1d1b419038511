import { describe, expect, it } from 'vitest';
import { crossCitations, workKeys } from '../../src/lib/references/work-key.ts';
import type { CslItem } from '../../src/lib/schema/csl.ts';

const item = (over: Partial<CslItem>): CslItem => ({ id: 'x', type: 'article-journal', ...over });

describe('workKeys', () => {
  it('folds DOI case and keys long titles with their year', () => {
    expect(
      workKeys(
        item({
          DOI: '10.1038/NRC1275',
          PMID: '123',
          title: 'The STATs of cancer: new targets',
          issued: { 'date-parts': [[2004]] },
        }),
      ),
    ).toEqual(['doi:10.1038/nrc1275', 'pmid:123', 'title:the stats of cancer new targets|2004']);
  });

  it('does not key a short title', () => {
    expect(workKeys(item({ title: 'Editorial', issued: { 'date-parts': [[2004]] } }))).toEqual([]);
  });
});

describe('crossCitations', () => {
  it('finds the same work in another review by DOI, PMID or title, and never the review itself', () => {
    const a = { review: 'alpha', item: item({ id: 'yu2004', DOI: '10.1038/nrc1275' }) };
    const b = { review: 'beta', item: item({ id: 'yu2004b', DOI: '10.1038/NRC1275' }) };
    const c = { review: 'gamma', item: item({ id: 'other', PMID: '999' }) };
    const d = { review: 'alpha', item: item({ id: 'dup', DOI: '10.1038/nrc1275' }) };
    const result = crossCitations([a, b, c, d]);
    expect(result.get(a)).toEqual([{ review: 'beta', id: 'yu2004b' }]);
    expect(result.get(b)).toEqual([{ review: 'alpha', id: 'yu2004' }]);
    expect(result.get(c)).toEqual([]);
    expect(result.get(d)).toEqual([{ review: 'beta', id: 'yu2004b' }]);
  });
});
