import { describe, expect, it } from 'vitest';
import { alignTable, fitWidths, indentWrap, wrap } from './text-layout.js';

describe('text layout', () => {
  it('wraps words greedily, keeps line breaks and splits words longer than a line', () => {
    expect(wrap('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
    expect(wrap('a\nb c', 10)).toEqual(['a', 'b c']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrap('', 4)).toEqual(['']);
  });
  it('indents continuation lines under the first prefix', () => {
    expect(indentWrap('one two three', 14, '  - ')).toEqual(['  - one two', '    three']);
  });
  it('narrows the widest column first when a table is too wide', () => {
    expect(fitWidths([20, 5, 10], 2, 30)).toEqual([11, 5, 10]);
    expect(fitWidths([20, 5], 2, 100)).toEqual([20, 5]);
  });
  it('aligns columns, right for numbers, and wraps cells that do not fit', () => {
    const lines = alignTable(
      ['name', 'value'],
      [
        ['short', '1'],
        ['a rather long name here', '22.5'],
      ],
      ['left', 'right'],
      24,
    );
    expect(lines).toEqual([
      'name               value',
      '-----------------  -----',
      'short                  1',
      'a rather long       22.5',
      'name here',
    ]);
  });
});
