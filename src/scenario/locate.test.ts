import { describe, expect, test } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { makeLocator } from './locate.js';

const TEXT = [
  'a:', // 1
  '  b: [10, 20]', // 2
  '  c: "x + y"', // 3
  "  d: 'p or q'", // 4
  '  e: plain words', // 5
  '  f: |', // 6
  '    first', // 7
  '      second z', // 8
  '  g:', // 9
].join('\n');

function locator() {
  const lc = new LineCounter();
  const doc = parseDocument(TEXT, { lineCounter: lc });
  return makeLocator(doc, lc, TEXT);
}

describe('makeLocator', () => {
  const at = locator();
  test('values, keys and list items', () => {
    expect(at(['a', 'b'])).toEqual({ line: 2, col: 6 });
    expect(at(['a', 'b'], { key: true })).toEqual({ line: 2, col: 3 });
    expect(at(['a', 'b', 1])).toEqual({ line: 2, col: 11 });
  });

  test('offsets inside plain, quoted and literal block scalars', () => {
    expect(at(['a', 'c'], { offset: 4 })).toEqual({ line: 3, col: 11 });
    expect(at(['a', 'd'], { offset: 5 })).toEqual({ line: 4, col: 12 });
    expect(at(['a', 'e'], { offset: 6 })).toEqual({ line: 5, col: 12 });
    // "first\n  second z": z is at offset 15, on line 8 after 4 + 2 spaces and "second ".
    expect(at(['a', 'f'], { offset: 15 })).toEqual({ line: 8, col: 14 });
  });

  test('a key without a value, and paths that go further than the file', () => {
    expect(at(['a', 'g'])).toEqual({ line: 9, col: 3 });
    expect(at(['a', 'b', 5])).toEqual({ line: 2, col: 3 });
    expect(at(['a', 'zzz', 'deeper'])).toEqual({ line: 1, col: 1 });
    expect(at([])).toEqual({ line: 1, col: 1 });
  });
});
