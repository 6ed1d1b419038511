import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPageRange, looksLikePages } from '../../src/lib/parse/parse-pages.ts';

describe('expandPageRange', () => {
  it.each([
    ['1630–5', '1630-1635'],
    ['1183–203', '1183-1203'],
    ['264–9, W64', '264-269, W64'],
    ['1718-1733', '1718-1733'],
    ['R67-99', 'R67-R99'],
    ['e81–8', 'e81-e88'],
    ['S12-9', 'S12-S19'],
    ['e23828', 'e23828'],
    ['ofu047', 'ofu047'],
    ['66, 68-70, 73 passim', '66, 68-70, 73 passim'],
    ['99-105, 108', '99-105, 108'],
    ['99-5', '99-5'],
    ['A1-B3', 'A1-B3'],
    ['', ''],
  ])('%s -> %s', (printed, expanded) => {
    expect(expandPageRange(printed)).toBe(expanded);
  });

  it('writes out both ends of any abbreviated range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 999 }), (start, length) => {
        const end = String(start + length);
        const startText = String(start);
        // NLM drops the leading digits the end shares with the start.
        let shared = 0;
        while (
          end.length === startText.length &&
          shared < end.length - 1 &&
          end[shared] === startText[shared]
        ) {
          shared += 1;
        }
        expect(expandPageRange(`${start}–${end.slice(shared)}`)).toBe(`${start}-${end}`);
      }),
    );
  });
});

describe('looksLikePages', () => {
  it('tells pages from words', () => {
    expect(looksLikePages('264-9, W64')).toBe(true);
    expect(looksLikePages('e23828')).toBe(true);
    expect(looksLikePages('Review')).toBe(false);
  });
});
