import { describe, expect, it } from 'vitest';
import { numFromText, numToText, parseExact } from './num.js';

describe('parseExact', () => {
  it('reads integers, decimals, exponents and rationals exactly', () => {
    expect(parseExact('1/3')!.toFraction()).toBe('1/3');
    expect(parseExact('-2')!.toFraction()).toBe('-2');
    expect(parseExact('1.25')!.toFraction()).toBe('5/4');
    expect(parseExact('.5')!.toFraction()).toBe('1/2');
    expect(parseExact('2.5E+2')!.toFraction()).toBe('250');
    expect(parseExact('1e-3')!.toFraction()).toBe('1/1000');
    expect(parseExact('6.605981605e-06')!.valueOf()).toBeCloseTo(6.605981605e-6, 18);
  });
  it('refuses what is not a number', () => {
    expect(parseExact('abc')).toBeUndefined();
    expect(parseExact('1/0')).toBeUndefined();
    expect(parseExact('.')).toBeUndefined();
  });
  it('keeps the original text for writing', () => {
    expect(numToText(numFromText('1.50')!)).toBe('1.50');
  });
});
