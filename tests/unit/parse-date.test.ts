import { describe, expect, it } from 'vitest';
import { monthNumber, parseLooseDate } from '../../src/lib/parse/parse-date.ts';

describe('dates', () => {
  it('reads month names and abbreviations', () => {
    expect(['Jan', 'February', 'Sept', 'sep.', 'December'].map(monthNumber)).toEqual([1, 2, 9, 9, 12]);
    expect(monthNumber('Mark')).toBeUndefined();
    expect(monthNumber('Ju')).toBeUndefined();
  });

  it.each([
    ['17 June 2017', [2017, 6, 17]],
    ['2017 Jun 17', [2017, 6, 17]],
    ['June 17, 2017', [2017, 6, 17]],
    ['2017-06-17', [2017, 6, 17]],
    ['2017', [2017]],
  ])('reads "%s"', (text, parts) => {
    expect(parseLooseDate(text)).toEqual({ 'date-parts': [parts] });
  });

  it('needs a year', () => {
    expect(parseLooseDate('June 17')).toBeUndefined();
  });
});
