import { describe, expect, test } from 'vitest';
import { admiraltyWeight } from './admiralty.js';

describe('admiraltyWeight', () => {
  test('A1 is an exact observation; grades multiply', () => {
    expect(admiraltyWeight('A', 1)).toBe(1);
    expect(admiraltyWeight('B', 2)).toBeCloseTo(0.64, 12);
    expect(admiraltyWeight('C', 3)).toBeCloseTo(0.36, 12);
    expect(admiraltyWeight('E', 5)).toBeCloseTo(0.04, 12);
    expect(admiraltyWeight('F', 6)).toBeCloseTo(0.25, 12);
  });
  test('a worse grade never weighs more', () => {
    const grades = ['A', 'B', 'C', 'D', 'E'] as const;
    for (let i = 1; i < grades.length; i++)
      expect(admiraltyWeight(grades[i]!, 1)).toBeLessThan(admiraltyWeight(grades[i - 1]!, 1));
  });
});
