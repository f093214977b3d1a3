import { describe, expect, test } from 'vitest';
import { coefficientOfVariation, quantileSorted, ratio, summarise, weightedQuantiles } from './stats.js';

describe('quantiles and the 90 % interval across draws', () => {
  test('definition 7: position (n − 1)·q between order statistics', () => {
    // Values 1..5: position 4·0.05 = 0.2 → 1 + 0.2·(2 − 1) = 1.2; 4·0.95 = 3.8 → 4 + 0.8 = 4.8.
    expect(quantileSorted([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 12);
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([7], 0.95)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  test('summarise: mean and interval of the defined values, in any order', () => {
    // Eleven values 0, 0.1, …, 1 shuffled: mean 0.5; 5th percentile at position 0.5 → 0.05; 95th at 9.5 → 0.95.
    const s = summarise([0.3, 1, 0, 0.5, 0.2, 0.9, 0.1, 0.7, 0.4, 0.8, 0.6, Number.NaN]);
    expect(s.n).toBe(11);
    expect(s.mean).toBeCloseTo(0.5, 12);
    expect(s.low).toBeCloseTo(0.05, 12);
    expect(s.high).toBeCloseTo(0.95, 12);
    const none = summarise([Number.NaN]);
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
  });

  test('coefficient of variation: sample sd over mean', () => {
    // 2, 4, 6: mean 4, sample variance (4 + 0 + 4)/2 = 4, sd 2 → 0.5.
    expect(coefficientOfVariation([2, 4, 6])).toBeCloseTo(0.5, 12);
    expect(coefficientOfVariation([3])).toBeNaN();
  });

  test('weighted quantiles: the smallest value whose cumulative probability reaches q', () => {
    // Values 0 (p 0.5), 10 (p 0.3), 30 (p 0.2): F = 0.5, 0.8, 1.
    const v = [30, 0, 10];
    const w = [0.2, 0.5, 0.3];
    expect(weightedQuantiles(v, w, [0.05, 0.5, 0.51, 0.8, 0.95, 1])).toEqual([0, 0, 10, 10, 30, 30]);
    // Zero-weight values never count.
    expect(weightedQuantiles([5, 99], [1, 0], [1])).toEqual([5]);
  });

  test('ratio: NaN when the condition has no probability', () => {
    expect(ratio(0.1, 0.4)).toBeCloseTo(0.25, 12);
    expect(ratio(0, 0)).toBeNaN();
  });
});
