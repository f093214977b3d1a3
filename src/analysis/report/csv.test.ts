import { describe, expect, test } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('CSV', () => {
  test('fields are quoted only when RFC 4180 requires it, inner quotes doubled', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  test('numbers in their shortest round-trip form; NaN is an empty field', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(1e-7)).toBe('1e-7');
    expect(csvField(-0)).toBe('0');
    expect(csvField(42)).toBe('42');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('Inf');
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe('-Inf');
    expect(Number(csvField(1 / 3))).toBe(1 / 3);
  });

  test('a header and one LF-terminated line per row', () => {
    expect(
      toCsv(
        ['id', 'label'],
        [
          [1, 'x, y'],
          [2, 'z'],
        ],
      ),
    ).toBe('id,label\n1,"x, y"\n2,z\n');
  });
});
