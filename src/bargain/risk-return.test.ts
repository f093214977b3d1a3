import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Distribution } from '../scenario/distributions.js';
import { BargainInputError } from './errors.js';
import {
  type RiskReturnInput,
  expectedUtility,
  goldenSectionMax,
  numericOptimalOffer,
  optimalOffer,
} from './risk-return.js';

const uniform = (low: number, high: number): Distribution => ({ dist: 'uniform', low, high });

describe('c_B ~ U(0, c̄): x* = p + (c̄ − c_A)/2, war probability (c̄ − c_A)/(2c̄)', () => {
  // p = 0.4, c_A = 0.1, c̄ = 0.3: x* = 0.5, war 0.2/0.6 = 1/3, EU = 0.5·(2/3) + 0.3·(1/3) = 13/30.
  const input: RiskReturnInput = { p: 0.4, costA: 0.1, costB: uniform(0, 0.3) };

  test('closed form', () => {
    const o = optimalOffer(input);
    expect(o.method).toBe('closed-form');
    expect(o.offer).toBeCloseTo(0.5, 14);
    expect(o.warProbability).toBeCloseTo(1 / 3, 14);
    expect(o.expectedUtility).toBeCloseTo(13 / 30, 14);
  });

  test('the numeric method agrees', () => {
    const o = numericOptimalOffer(input);
    expect(o.method).toBe('numeric');
    expect(o.offer).toBeCloseTo(0.5, 6);
    expect(o.warProbability).toBeCloseTo(1 / 3, 5);
    expect(o.expectedUtility).toBeCloseTo(13 / 30, 12);
  });

  test('corner: c_A ≥ c̄ — A offers B its best war value, no risk of war', () => {
    // p = 0.4, c_A = 0.3, c̄ = 0.2: (c̄ − c_A)/2 < 0, so x* = p = 0.4.
    const o = optimalOffer({ p: 0.4, costA: 0.3, costB: uniform(0, 0.2) });
    expect(o).toEqual({ offer: 0.4, warProbability: 0, expectedUtility: 0.4, method: 'closed-form' });
  });

  test('corner: the whole pie', () => {
    // p = 0.9, c_A = 0, c̄ = 0.4: p + c̄/2 = 1.1 > 1, so x* = 1; war (1 − 0.9)/0.4 = 0.25; EU = 0.75 + 0.9·0.25.
    const o = optimalOffer({ p: 0.9, costA: 0, costB: uniform(0, 0.4) });
    expect(o.offer).toBe(1);
    expect(o.warProbability).toBeCloseTo(0.25, 14);
    expect(o.expectedUtility).toBeCloseTo(0.975, 14);
    expect(numericOptimalOffer({ p: 0.9, costA: 0, costB: uniform(0, 0.4) }).offer).toBe(1);
  });
});

describe('two types: risk the low-cost type, or buy it off', () => {
  // p = 0.5, c_A = 0.1, c_B ∈ {0.05, 0.3}. Safe: x = p + 0.05 = 0.55, no war. Risky: x = p + 0.3 = 0.8,
  // only the high-cost type accepts. Risky beats safe iff q_H (c_H − c_L) > q_L (c_L + c_A), i.e.
  // q_H · 0.25 > q_L · 0.15.
  test('with P(high cost) = 0.6, the risky offer wins: EU = 0.6·0.8 + 0.4·0.4 = 0.64 > 0.55', () => {
    const costB: Distribution = { dist: 'discrete', values: [0.05, 0.3], probs: [0.4, 0.6] };
    const o = optimalOffer({ p: 0.5, costA: 0.1, costB });
    expect(o.method).toBe('numeric');
    expect(o.offer).toBeCloseTo(0.8, 15);
    expect(o.warProbability).toBeCloseTo(0.4, 15);
    expect(o.expectedUtility).toBeCloseTo(0.64, 15);
  });

  test('with P(high cost) = 0.3, the safe offer wins: EU 0.55 > 0.3·0.8 + 0.7·0.4 = 0.52', () => {
    const costB: Distribution = { dist: 'discrete', values: [0.3, 0.05], probs: [0.3, 0.7] };
    const o = optimalOffer({ p: 0.5, costA: 0.1, costB });
    expect(o.offer).toBeCloseTo(0.55, 15);
    expect(o.warProbability).toBe(0);
    expect(o.expectedUtility).toBeCloseTo(0.55, 15);
  });

  test('a known cost: A offers B exactly its war value', () => {
    expect(optimalOffer({ p: 0.5, costA: 0.1, costB: { dist: 'point', value: 0.2 } })).toMatchObject({
      offer: 0.7,
      warProbability: 0,
      expectedUtility: 0.7,
    });
    expect(optimalOffer({ p: 0.5, costA: 0.1, costB: { dist: 'point', value: 0.7 } }).offer).toBe(1);
  });
});

describe('numeric method on a continuous, non-uniform distribution', () => {
  test('c_B ~ triangular(0, 0, c̄): x* − p = (c̄ − 2c_A)/3, worked by hand', () => {
    // 1 − F(t) = (1 − t/c̄)², f(t) = 2(1 − t/c̄)/c̄; the first-order condition 1 − F = (t + c_A) f gives
    // t = (c̄ − 2c_A)/3. p = 0.4, c_A = 0.06, c̄ = 0.6: t = 0.16, x* = 0.56, war 1 − (11/15)² = 104/225,
    // EU = (0.56·121 + 0.34·104)/225 = 103.12/225.
    const o = optimalOffer({
      p: 0.4,
      costA: 0.06,
      costB: { dist: 'triangular', low: 0, mode: 0, high: 0.6 },
    });
    expect(o.method).toBe('numeric');
    expect(o.offer).toBeCloseTo(0.56, 6);
    expect(o.warProbability).toBeCloseTo(104 / 225, 5);
    expect(o.expectedUtility).toBeCloseTo(103.12 / 225, 12);
  });

  test('a uniform that reaches below −c_A is not concave: solved numerically', () => {
    const o = optimalOffer({ p: 0.5, costA: 0.1, costB: uniform(-0.3, 0.3) });
    expect(o.method).toBe('numeric');
    // Interior optimum of x − (t + c_A)(t − a)/w on [a, b]: t = (b − c_A)/2 = 0.1, x* = 0.6, war 4/6.
    expect(o.offer).toBeCloseTo(0.6, 6);
    expect(o.warProbability).toBeCloseTo(2 / 3, 5);
  });
});

const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 60 }))
    .map(([a, w]) => uniform(a / 100, (a + w) / 100)),
  fc
    .tuple(fc.double({ min: 0.3, max: 6, noNaN: true }), fc.double({ min: 0.3, max: 6, noNaN: true }))
    .map(([alpha, beta]): Distribution => ({ dist: 'beta', alpha, beta })),
  fc
    .tuple(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.01, max: 0.3, noNaN: true }))
    .map(([mean, sd]): Distribution => ({ dist: 'normal', mean, sd, min: 0 })),
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10 })), {
      minLength: 1,
      maxLength: 5,
    })
    .map((pairs): Distribution => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      return {
        dist: 'discrete',
        values: pairs.map(([v]) => v / 100),
        probs: pairs.map(([, w]) => w / total),
      };
    }),
);

describe('properties', () => {
  test('the optimum is at least as good as any offer on a fine grid, and better than war', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 30 }),
        distribution,
        (pk, ck, costB) => {
          const input: RiskReturnInput = { p: pk / 100, costA: ck / 100, costB };
          const o = optimalOffer(input);
          const lo = Math.max(0, input.p - input.costA);
          for (let i = 0; i <= 5000; i++) {
            const x = lo + ((1 - lo) * i) / 5000;
            expect(o.expectedUtility).toBeGreaterThanOrEqual(expectedUtility(input, x) - 1e-9);
          }
          expect(o.expectedUtility).toBeGreaterThanOrEqual(input.p - input.costA - 1e-12);
          expect(o.offer).toBeGreaterThanOrEqual(lo);
          expect(o.offer).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('helpers and input checks', () => {
  test('golden-section search finds the peak of a concave function', () => {
    expect(goldenSectionMax((x) => -((x - 0.3) ** 2), 0, 1)).toBeCloseTo(0.3, 9);
  });

  test('bad input is refused, naming the field', () => {
    const costB = uniform(0, 0.3);
    expect(() => optimalOffer({ p: -0.1, costA: 0, costB })).toThrow(BargainInputError);
    expect(() => optimalOffer({ p: 0.5, costA: -0.1, costB })).toThrow(
      /^costA: expected a finite non-negative/,
    );
    expect(() => optimalOffer({ p: 0.5, costA: 0, costB: uniform(0.3, 0) })).toThrow(/^costB \(uniform\)/);
    expect(() =>
      optimalOffer({ p: 0.5, costA: 0, costB: { dist: 'discrete', values: [0, 1], probs: [0.5, 0.4] } }),
    ).toThrow(/summing to 1/);
    expect(() => optimalOffer({ p: 0.5, costA: 0, costB: { dist: 'normal', mean: 0, sd: 0 } })).toThrow(
      BargainInputError,
    );
  });
});
