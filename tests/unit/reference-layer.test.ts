/**
 * The reference layer (src/lib/references/library.ts) on a copy of the seed review: entries in
 * every style, formatted once and then read from the disk cache (byte-identical files on a
 * second run), references shown as printed, and the search records both indexes take.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLE_CHOICES } from '../../src/lib/cite/styles.ts';
import { readLibrary } from '../../src/lib/references/library.ts';
import { fileSearchIndex, referenceSearchRecords } from '../../src/lib/search/search-records.ts';

const SEED = 'bournazou-2013-jakstat';
const VERBATIM = 'Smith J & Jones K <b>unreadable</b> 2001; 12: 3-4';

describe('reference layer', () => {
  let dir: string;
  let reviews: string;
  let cacheDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lectern-layer-'));
    reviews = join(dir, 'reviews');
    cacheDir = join(dir, 'cache');
    await cp(join('content', 'reviews', SEED), join(reviews, SEED), { recursive: true });
    const file = join(reviews, SEED, 'references.json');
    const items = JSON.parse(await readFile(file, 'utf8')) as { custom?: Record<string, unknown> }[];
    items[1] = { ...items[1], custom: { ...items[1]?.custom, shownVerbatim: true, verbatim: VERBATIM } };
    await writeFile(file, JSON.stringify(items));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('formats each reference once per style, then reads it from the cache', async () => {
    const first = await readLibrary(reviews, { cacheDir });
    expect(first.stats).toEqual({ formatted: 4 * STYLE_CHOICES.length + 1, cached: 0 });
    const files = async () =>
      Promise.all(
        (await readdir(cacheDir)).sort().map(async (f) => [f, await readFile(join(cacheDir, f), 'utf8')]),
      );
    const written = await files();
    expect(written.map(([f]) => f)).toEqual(STYLE_CHOICES.map((s) => `entries-${s.id}.json`).sort());

    const second = await readLibrary(reviews, { cacheDir });
    expect(second.stats).toEqual({ formatted: 0, cached: 4 * STYLE_CHOICES.length + 1 });
    expect(second.reviews).toEqual(first.reviews);
    expect(await files()).toEqual(written);

    const [darnell] = first.reviews[0]?.references ?? [];
    expect(darnell?.entries['nlm-citation-sequence']).toBe(
      'Darnell JE Jr. STATs and gene regulation. Science. 1997;277:1630–5. doi:10.1126/science.277.5332.1630',
    );
    expect(Object.keys(darnell?.entries ?? {})).toEqual(STYLE_CHOICES.map((s) => s.id));
    expect(darnell).toMatchObject({
      key: 'darnell1997',
      segment: 'darnell1997',
      anchor: 'bib-darnell1997',
      path: `${SEED}/references/darnell1997/`,
      number: 1,
    });
    expect(first.reviews[0]?.citation).toMatch(/^Bournazou E, et al\. Targeting the tumor microenvironment/);
  });

  it('shows a reference that could not be read as printed, escaped, in every style', async () => {
    const library = await readLibrary(reviews, { cacheDir });
    const shown = library.reviews[0]?.references[1];
    expect(shown?.shownVerbatim).toBe(true);
    const escaped = 'Smith J &amp; Jones K &lt;b&gt;unreadable&lt;/b&gt; 2001; 12: 3-4';
    for (const { id } of STYLE_CHOICES) expect(shown?.entries[id], id).toBe(escaped);
    expect(shown?.record.links.length).toBeGreaterThan(0);
  });

  it('makes one search record per reference, naming its review, for both indexes', async () => {
    const library = await readLibrary(reviews, { cacheDir });
    const records = referenceSearchRecords(library);
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({
      url: `/${SEED}/#bib-darnell1997`,
      meta: { reference: 'STATs and gene regulation', number: '1', ref: 'darnell1997' },
      filters: { review: [SEED], kind: ['reference'], year: ['1997'] },
    });
    // The review is named by a filter value, returned with the result but not searched; no
    // meta holds its title, nor a `title` Pagefind would boost (src/lib/search/result-title.ts).
    expect(records[0]?.filters['cited_in']).toEqual([
      'Targeting the tumor microenvironment: JAK-STAT3 signaling',
    ]);
    expect(records[0]?.meta['title']).toBeUndefined();
    for (const record of records) {
      expect(Object.values(record.meta).join(' ')).not.toMatch(/microenvironment/i);
      expect(record.content).not.toMatch(/microenvironment/i);
    }
    expect(records[0]?.content).toContain('Darnell JE Jr. STATs and gene regulation.');
    const index = fileSearchIndex(library);
    expect(index.pages.map((p) => p.url)).toEqual([`${SEED}/`]);
    const refs = index.pages[0]?.entries.filter((e) => e.kind === 'reference') ?? [];
    expect(refs.map((e) => e.anchor)).toEqual(records.map((r) => r.url.split('#')[1]));
    expect(records[0]?.content.startsWith(refs[0]?.text ?? '-')).toBe(true);
  });
});
