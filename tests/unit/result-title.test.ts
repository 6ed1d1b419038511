/**
 * The title a reference's search result shows (src/lib/search/result-title.ts): made from the
 * record when shown, so that no stored, searched `title` meta ranks references above reviews.
 */
import { describe, expect, it } from 'vitest';
import {
  citedInValue,
  referenceResultTitle,
  withResultTitle,
  type ResultData,
} from '../../src/lib/search/result-title.ts';

describe('a search result title', () => {
  it('names the reference, its number and the review citing it', () => {
    const result = withResultTitle({
      url: '/seed/#bib-darnell1997',
      meta: { reference: 'STATs and gene regulation', number: '1', ref: 'darnell1997' },
      filters: { cited_in: ['Targeting the tumor microenvironment'], year: ['1997'] },
    });
    expect(result.meta).toEqual({
      title: 'STATs and gene regulation (reference 1 in “Targeting the tumor microenvironment”)',
    });
    expect(result.url).toBe('/seed/#bib-darnell1997');
    expect(result.filters.year).toEqual(['1997']);
  });

  it('leaves a review page’s result as Pagefind made it', () => {
    const review = { meta: { title: 'Factors influencing lysis time', image: '/f.png' } };
    expect(withResultTitle(review)).toBe(review);
  });

  it('still reads without a number or a review', () => {
    expect(referenceResultTitle('Holins kill without warning', undefined, undefined)).toBe(
      'Holins kill without warning (reference)',
    );
    expect(referenceResultTitle('Holins', '45', undefined)).toBe('Holins (reference 45)');
  });

  it('names a hostile review as text: no tag or entity in the filter value, & back in the title', () => {
    const title = 'Review &lt;script&gt; <img src=x onerror=alert(1)> & more';
    const value = citedInValue(title);
    expect(value).not.toMatch(/[<>&]/);
    const hit: ResultData = { meta: { reference: 'R', number: '2' }, filters: { cited_in: [value] } };
    expect(withResultTitle(hit).meta['title']).toBe(
      'R (reference 2 in “Review &lt;script&gt; ‹img src=x onerror=alert(1)› & more”)',
    );
  });
});
