/**
 * The file:// fallback search (src/client/file-search.ts) ranks as Pagefind's index does: a
 * review whose own title or keywords match comes before one that matches only through the
 * references it cites, and within a review its title before its references.
 */
import { describe, expect, it } from 'vitest';
import { searchIndex, type FileSearchIndex } from '../../src/client/file-search.ts';

const reference = (n: number, text: string) => ({ kind: 'reference' as const, anchor: `bib-r${n}`, text });

const INDEX: FileSearchIndex = {
  version: 1,
  pages: [
    {
      url: 'cites-metastasis/',
      title: 'Stem cell niches in the bone marrow',
      entries: [
        { kind: 'title', anchor: '', text: 'Stem cell niches in the bone marrow' },
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) =>
          reference(n, `Author ${n}. Metastasis study ${n}. Nat Med. 2001.`),
        ),
      ],
    },
    {
      url: 'about-metastasis/',
      title: 'Metastasis in breast cancer: a review',
      entries: [
        { kind: 'title', anchor: '', text: 'Metastasis in breast cancer: a review' },
        reference(1, 'Darnell JE. Metastasis and STATs. Science. 1997.'),
      ],
    },
    {
      url: 'keyword-metastasis/',
      title: 'Tumour dormancy',
      entries: [
        { kind: 'title', anchor: '', text: 'Tumour dormancy' },
        { kind: 'keywords', anchor: 'abstract', text: 'dormancy; metastasis' },
      ],
    },
  ],
};

describe('the file:// fallback search', () => {
  it('ranks the review about a topic above reviews that only cite works about it', () => {
    const hits = searchIndex(INDEX, 'metastasis');
    expect(hits.map((h) => h.page.url)).toEqual([
      'about-metastasis/',
      'keyword-metastasis/',
      'cites-metastasis/',
    ]);
    // Within a review, its title before the references it cites.
    expect(hits[0]?.entries.map((e) => e.kind)).toEqual(['title', 'reference']);
    expect(hits[2]?.entries).toHaveLength(12);
  });

  it('finds a cited author by the start of the name, in the review citing the work', () => {
    const hits = searchIndex(INDEX, 'darn');
    expect(hits.map((h) => h.page.url)).toEqual(['about-metastasis/']);
    expect(hits[0]?.entries.map((e) => e.anchor)).toEqual(['bib-r1']);
  });
});
