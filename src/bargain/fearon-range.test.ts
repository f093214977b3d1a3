import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BargainInputError } from './errors.js';
import { bargainingRange } from './fearon-range.js';

describe('bargainingRange, worked by hand', () => {
  test('risk-neutral: [p − c_A, p + c_B]', () => {
    // p = 0.6, c_A = 0.1, c_B = 0.15: [0.5, 0.75].
    const r = bargainingRange({ p: 0.6, costA: 0.1, costB: 0.15 });
    expect(r.low).toBeCloseTo(0.5, 15);
    expect(r.high).toBeCloseTo(0.75, 15);
    expect(r.width).toBeCloseTo(0.25, 15);
    expect(r.empty).toBe(false);
  });

  test('risk aversion widens: r = 1/2 squares the bases', () => {
    // p = 0.5, c = 0.1 each. Neutral: [0.4, 0.6]. With r = 0.5: low = 0.4² = 0.16, high = 1 − 0.4² = 0.84.
    const neutral = bargainingRange({ p: 0.5, costA: 0.1, costB: 0.1 });
    expect(neutral.width).toBeCloseTo(0.2, 15);
    const averse = bargainingRange({ p: 0.5, costA: 0.1, costB: 0.1, riskA: 0.5, riskB: 0.5 });
    expect(averse.low).toBeCloseTo(0.16, 15);
    expect(averse.high).toBeCloseTo(0.84, 15);
    expect(averse.width).toBeCloseTo(0.68, 15);
  });

  test('risk acceptance can empty the range even when war is free of cost', () => {
    // p = 1/2, no costs, r = 2: A needs √0.5 ≈ 0.7071, B concedes at most 1 − √0.5 ≈ 0.2929.
    const r = bargainingRange({ p: 0.5, costA: 0, costB: 0, riskA: 2, riskB: 2 });
    expect(r.low).toBeCloseTo(Math.SQRT1_2, 15);
    expect(r.high).toBeCloseTo(1 - Math.SQRT1_2, 15);
    expect(r.empty).toBe(true);
    expect(r.width).toBe(0);
  });

  test('thresholds are clipped to the pie', () => {
    // p = 0.05 < c_A = 0.1: A prefers any deal, low = 0. p = 0.95, c_B = 0.1: B concedes all, high = 1.
    expect(bargainingRange({ p: 0.05, costA: 0.1, costB: 0.02 })).toEqual({
      low: 0,
      high: 0.07,
      width: 0.07,
      empty: false,
    });
    const top = bargainingRange({ p: 0.95, costA: 0.05, costB: 0.1, riskB: 0.5 });
    expect(top.high).toBe(1);
    expect(top.low).toBeCloseTo(0.9, 15);
  });

  test('negative costs (war profitable): empty when c_A + c_B < 0, or when one side wants more than the pie', () => {
    // c_A = −0.1, c_B = 0.05: A needs 0.6, B concedes 0.55.
    const r = bargainingRange({ p: 0.5, costA: -0.1, costB: 0.05 });
    expect(r.empty).toBe(true);
    expect(r.width).toBe(0);
    // c_A + c_B = 0: a single point, x = p.
    expect(bargainingRange({ p: 0.5, costA: -0.1, costB: 0.1 })).toMatchObject({ width: 0, empty: false });
    // c_A = −0.7: A needs 1.2 of a pie of size 1, although c_A + c_B = 0.1 > 0.
    expect(bargainingRange({ p: 0.5, costA: -0.7, costB: 0.8 }).empty).toBe(true);
  });

  test('bad input is refused, naming the field', () => {
    expect(() => bargainingRange({ p: 1.2, costA: 0, costB: 0 })).toThrow(BargainInputError);
    expect(() => bargainingRange({ p: 1.2, costA: 0, costB: 0 })).toThrow(/^p: expected a probability/);
    expect(() => bargainingRange({ p: 0.5, costA: Number.NaN, costB: 0 })).toThrow(/^costA:/);
    expect(() => bargainingRange({ p: 0.5, costA: 0, costB: Number.POSITIVE_INFINITY })).toThrow(/^costB:/);
    expect(() => bargainingRange({ p: 0.5, costA: 0, costB: 0, riskA: -1 })).toThrow(
      /^riskA: expected a positive/,
    );
    expect(() => bargainingRange({ p: 0.5, costA: 0, costB: 0, riskB: Number.NaN })).toThrow(/^riskB:/);
    expect(() => bargainingRange({ p: 0.5, costA: 0, costB: 0, riskB: 0 })).toThrow(BargainInputError);
  });
});

// Costs and probabilities on a 1/1000 grid, so that the comparisons are not blurred by rounding.
const grid = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((k) => k / 1000);
const prob = grid(0, 1000);
const cost = grid(-1000, 1000);
const averse = fc.double({ min: 0.05, max: 1, noNaN: true });

describe('bargainingRange, properties', () => {
  test('risk-neutral: empty exactly when c_A + c_B < 0 or one side alone wants more than the pie', () => {
    fc.assert(
      fc.property(prob, cost, cost, (p, costA, costB) => {
        const r = bargainingRange({ p, costA, costB });
        const expected = costA + costB < 0 || p - costA > 1 || p + costB < 0;
        expect(r.empty).toBe(expected);
      }),
    );
  });

  test('never empty when war is costly to both (any risk aversion)', () => {
    fc.assert(
      fc.property(prob, grid(0, 1000), grid(0, 1000), averse, averse, (p, costA, costB, riskA, riskB) => {
        expect(bargainingRange({ p, costA, costB, riskA, riskB }).empty).toBe(false);
      }),
    );
  });

  test('risk aversion never narrows the range', () => {
    fc.assert(
      fc.property(prob, cost, cost, averse, averse, (p, costA, costB, riskA, riskB) => {
        const neutral = bargainingRange({ p, costA, costB });
        const r = bargainingRange({ p, costA, costB, riskA, riskB });
        expect(r.width).toBeGreaterThanOrEqual(neutral.width - 1e-12);
        if (!neutral.empty) {
          expect(r.empty).toBe(false);
          expect(r.low).toBeLessThanOrEqual(neutral.low + 1e-12);
          expect(r.high).toBeGreaterThanOrEqual(neutral.high - 1e-12);
        }
      }),
    );
  });
});
