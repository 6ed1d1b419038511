import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { issuedYear, yearHistogram } from '../../src/lib/chart/year-histogram.ts';
import { parseQuery } from '../../src/lib/search/query-syntax.ts';
import { referenceRecord } from '../../src/lib/search/reference-record.ts';
import type { CslItem } from '../../src/lib/schema/csl.ts';

const at = (...years: (number | undefined)[]): Pick<CslItem, 'issued'>[] =>
  years.map((y) => (y === undefined ? {} : { issued: { 'date-parts': [[y]] } }));

describe('yearHistogram', () => {
  it('counts works per year, keeps empty years between as gaps and counts the undated apart', () => {
    const h = yearHistogram(at(2001, 1999, 2001, undefined, 2003, undefined));
    expect(h.unit).toBe('year');
    expect(h.bins.map((b) => [b.label, b.count])).toEqual([
      ['1999', 1],
      ['2000', 0],
      ['2001', 2],
      ['2002', 0],
      ['2003', 1],
    ]);
    expect(h).toMatchObject({ dated: 4, undated: 2, max: 2 });
    expect(h.bins[2]?.query).toBe('year:2001');
  });

  it('switches to decades when the years span more than 40, each with the range as its query', () => {
    const h = yearHistogram(at(1939, 1940, 1952, 1977, 1977, 2010));
    expect(h.unit).toBe('decade');
    expect(h.bins.map((b) => `${b.label}:${b.count}`)).toEqual([
      '1930s:1',
      '1940s:1',
      '1950s:1',
      '1960s:0',
      '1970s:2',
      '1980s:0',
      '1990s:0',
      '2000s:0',
      '2010s:1',
    ]);
    expect(h.bins[4]).toMatchObject({ from: 1970, to: 1979, query: 'year:1970-1979' });
    // The query is one the reference browser reads back as the same range.
    expect(parseQuery(h.bins[4]?.query ?? '').years).toEqual({ from: 1970, to: 1979 });
    // Exactly 40 years stays by year.
    expect(yearHistogram(at(1971, 2010)).unit).toBe('year');
  });

  it('has no bars without dated works, and reads years from literal and raw dates too', () => {
    expect(yearHistogram(at(undefined, undefined))).toEqual({
      unit: 'year',
      bins: [],
      dated: 0,
      undated: 2,
      max: 0,
    });
    expect(issuedYear({ issued: { literal: 'Spring 1987' } })).toBe(1987);
    expect(issuedYear({ issued: { raw: 'in press' } })).toBeUndefined();
    expect(issuedYear({ issued: { 'date-parts': [['2004', 3]] } })).toBe(2004);
  });

  it('charts the BMC review’s 64 references, 1939 to 2010, by decade', async () => {
    const items = JSON.parse(
      await readFile('content/reviews/dennehy-2011-bmc-microbiol/references.json', 'utf8'),
    ) as CslItem[];
    const h = yearHistogram(items);
    expect(h.unit).toBe('decade');
    expect(h.dated + h.undated).toBe(64);
    expect(h.bins.reduce((n, b) => n + b.count, 0)).toBe(h.dated);
    expect(h.bins[0]?.label).toBe('1930s');
    expect(h.bins.at(-1)?.label).toBe('2010s');
  });
});

describe('the chart and the reference browser', () => {
  it("give a work the same year, so a bar's query finds the works it counts", () => {
    const item: CslItem = {
      id: 'smith1987',
      type: 'book',
      title: 'A book',
      issued: { literal: 'Spring 1987' },
    };
    const [bin] = yearHistogram([item]).bins;
    expect(bin?.query).toBe('year:1987');
    expect(referenceRecord(item, 1).year).toBe(1987);
  });
});
