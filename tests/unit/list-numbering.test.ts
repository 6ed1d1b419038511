import { describe, expect, it } from 'vitest';
import { listItemValue } from '../../src/lib/references/list-numbering.ts';

const values = (numbers: number[]): (number | undefined)[] =>
  numbers.map((_, i) =>
    listItemValue(
      numbers.map((number) => ({ number })),
      i,
    ),
  );

describe('listItemValue', () => {
  it('writes no value while the list counts 1, 2, 3 by itself', () => {
    expect(values([1, 2, 3, 4])).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('writes the number where the list starts elsewhere or skips one, then counts on', () => {
    expect(values([3, 4, 7, 8, 8])).toEqual([3, undefined, 7, undefined, 8]);
  });

  it('has nothing to say past the end of the list', () => {
    expect(listItemValue([{ number: 1 }], 1)).toBeUndefined();
  });
});
