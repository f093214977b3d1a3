import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, test } from 'vitest';
import {
  type Distribution,
  cdf,
  mean,
  normalCdf,
  normalQuantile,
  quantile,
  sample,
  support,
  variance,
} from './distributions.js';

const N = 40_000;

function draws(d: Distribution, seed = 42, n = N): Float64Array {
  const rng = xoroshiro128plus(seed);
  return Float64Array.from({ length: n }, () => sample(d, rng));
}

function moments(xs: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const x of xs) s += x;
  const m = s / xs.length;
  let v = 0;
  for (const x of xs) v += (x - m) ** 2;
  return { mean: m, variance: v / (xs.length - 1) };
}

const cases: [string, Distribution, number, number][] = [
  // name, distribution, exact mean, exact variance (worked by hand from the textbook formulas)
  ['uniform(2, 5)', { dist: 'uniform', low: 2, high: 5 }, 3.5, 9 / 12],
  [
    'triangular(0, 1, 4)',
    { dist: 'triangular', low: 0, mode: 1, high: 4 },
    5 / 3,
    (0 + 16 + 1 - 0 - 0 - 4) / 18,
  ],
  ['normal(10, 2)', { dist: 'normal', mean: 10, sd: 2 }, 10, 4],
  [
    'lognormal(0, 0.5)',
    { dist: 'lognormal', mu: 0, sigma: 0.5 },
    Math.exp(0.125),
    (Math.exp(0.25) - 1) * Math.exp(0.25),
  ],
  ['beta(2, 5)', { dist: 'beta', alpha: 2, beta: 5 }, 2 / 7, 10 / (49 * 8)],
  ['beta(0.5, 0.5)', { dist: 'beta', alpha: 0.5, beta: 0.5 }, 0.5, 0.25 / 2],
  [
    'discrete',
    { dist: 'discrete', values: [0, 1, 10], probs: [0.5, 0.3, 0.2] },
    2.3,
    0.3 * 1 + 0.2 * 100 - 2.3 ** 2,
  ],
];

describe('moments of samples match the distributions (fixed seed, n = 40000)', () => {
  test.each(cases)('%s', (_name, d, m, v) => {
    expect(mean(d)).toBeCloseTo(m, 12);
    expect(variance(d)).toBeCloseTo(v, 12);
    const s = moments(draws(d));
    // Four standard errors of the mean; the sample variance within 6% (its standard error is
    // below 1.5% for these shapes at this n).
    expect(Math.abs(s.mean - m)).toBeLessThan(4 * Math.sqrt(v / N));
    expect(Math.abs(s.variance / v - 1)).toBeLessThan(0.06);
  });

  test('a point distribution always gives its value and uses no randomness', () => {
    const rng = xoroshiro128plus(1);
    const before = rng.clone().next();
    expect(sample({ dist: 'point', value: 3.25 }, rng)).toBe(3.25);
    expect(rng.next()).toBe(before);
  });
});

describe('determinism', () => {
  test('same seed, same sequence; another seed, another sequence', () => {
    const d: Distribution = { dist: 'beta', alpha: 2, beta: 3 };
    expect(draws(d, 7, 50)).toEqual(draws(d, 7, 50));
    expect(draws(d, 8, 50)).not.toEqual(draws(d, 7, 50));
  });
});

describe('normal helpers', () => {
  test('quantile and CDF against tabulated values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 7);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
  });

  test('truncation keeps samples inside the bounds and moves the mean as it should', () => {
    const half: Distribution = { dist: 'normal', mean: 0, sd: 1, min: 0 };
    // E[Z | Z > 0] = φ(0) / (1 − Φ(0)) = sqrt(2 / π).
    expect(mean(half)).toBeCloseTo(Math.sqrt(2 / Math.PI), 6);
    const xs = draws(half);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(moments(xs).mean - Math.sqrt(2 / Math.PI))).toBeLessThan(
      4 * Math.sqrt((1 - 2 / Math.PI) / N),
    );
    const box: Distribution = { dist: 'normal', mean: 0.3, sd: 0.4, min: 0, max: 1 };
    const ys = draws(box);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(1);
    expect(variance(box)).toBeUndefined();
    expect(support(box)).toEqual([0, 1]);
  });

  test('truncated lognormal stays below its cap', () => {
    const d: Distribution = { dist: 'lognormal', mu: 0, sigma: 1, max: 2 };
    const xs = draws(d, 3, 5000);
    expect(Math.max(...xs)).toBeLessThanOrEqual(2);
    expect(Math.abs(moments(xs).mean - mean(d))).toBeLessThan(0.03);
  });
});

describe('quantiles', () => {
  test('closed forms', () => {
    expect(quantile({ dist: 'uniform', low: 2, high: 6 }, 0.25)).toBe(3);
    // Triangular(0, 1, 2) is symmetric about 1; its 1/8 quantile is sqrt(1/8 · 2 · 1) = 0.5.
    expect(quantile({ dist: 'triangular', low: 0, mode: 1, high: 2 }, 0.5)).toBe(1);
    expect(quantile({ dist: 'triangular', low: 0, mode: 1, high: 2 }, 0.125)).toBe(0.5);
    expect(quantile({ dist: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(13.919927969, 7);
    expect(quantile({ dist: 'lognormal', mu: 1, sigma: 2 }, 0.5)).toBeCloseTo(Math.E, 10);
    expect(quantile({ dist: 'discrete', values: [1, 2, 3], probs: [0.2, 0.5, 0.3] }, 0.6)).toBe(2);
    // Listed out of order, the quantile still rises with p: 0.24 (0.3), 0.275 (0.4), 0.5 (0.3).
    const unsorted: Distribution = { dist: 'discrete', values: [0.275, 0.5, 0.24], probs: [0.4, 0.3, 0.3] };
    expect([0.05, 0.29, 0.31, 0.69, 0.71, 0.95].map((p) => quantile(unsorted, p))).toEqual([
      0.24, 0.24, 0.275, 0.275, 0.5, 0.5,
    ]);
    // Beta(2, 2) is symmetric about 1/2; beta(2, 1) has CDF x², so its p-quantile is √p.
    expect(quantile({ dist: 'beta', alpha: 2, beta: 2 }, 0.5)).toBeCloseTo(0.5, 10);
    expect(quantile({ dist: 'beta', alpha: 2, beta: 1 }, 0.25)).toBeCloseTo(0.5, 10);
  });

  test('point and discrete quantiles are step functions over the whole of [0, 1]', () => {
    for (const p of [0, 0.3, 1]) expect(quantile({ dist: 'point', value: 4 }, p)).toBe(4);
    const d: Distribution = { dist: 'discrete', values: [1, 2, 3], probs: [0.2, 0.5, 0.3] };
    // F jumps to 0.2 at 1 and to 0.7 at 2: Q(p) = 1 on [0, 0.2), 2 on [0.2, 0.7), 3 on [0.7, 1].
    expect([0, 0.19, 0.2, 0.69, 0.7, 0.99, 1].map((p) => quantile(d, p))).toEqual([1, 1, 2, 2, 3, 3, 3]);
  });

  test('the empirical 90% quantile of normal draws holds 90% of them', () => {
    const d: Distribution = { dist: 'normal', mean: 0, sd: 1 };
    const q = quantile(d, 0.9)!;
    const below = draws(d).filter((x) => x < q).length / N;
    expect(Math.abs(below - 0.9)).toBeLessThan(4 * Math.sqrt(0.09 / N));
  });
});

describe('cdf', () => {
  test('closed forms, worked by hand', () => {
    expect(cdf({ dist: 'point', value: 4 }, 3.9)).toBe(0);
    expect(cdf({ dist: 'point', value: 4 }, 4)).toBe(1);
    const u: Distribution = { dist: 'uniform', low: 2, high: 6 };
    expect([1, 2, 3, 6, 7].map((x) => cdf(u, x))).toEqual([0, 0, 0.25, 1, 1]);
    // Triangular(0, 1, 4): F(x) = x²/4 below the mode, 1 − (4 − x)²/12 above it.
    const t: Distribution = { dist: 'triangular', low: 0, mode: 1, high: 4 };
    expect(cdf(t, 0.5)).toBeCloseTo(0.0625, 14);
    expect(cdf(t, 1)).toBeCloseTo(0.25, 14);
    expect(cdf(t, 2)).toBeCloseTo(1 - 4 / 12, 14);
    expect([cdf(t, -1), cdf(t, 4)]).toEqual([0, 1]);
    // A mode at an end: triangular(0, 0, 0.6) has F(x) = 1 − (1 − x/0.6)².
    expect(cdf({ dist: 'triangular', low: 0, mode: 0, high: 0.6 }, 0.3)).toBeCloseTo(0.75, 14);
    expect(cdf({ dist: 'normal', mean: 10, sd: 2 }, 13.92)).toBeCloseTo(0.9750021048517795, 6);
    // Lognormal(1, 2): its median is e.
    expect(cdf({ dist: 'lognormal', mu: 1, sigma: 2 }, Math.E)).toBeCloseTo(0.5, 7);
    expect(cdf({ dist: 'lognormal', mu: 1, sigma: 2 }, 0)).toBe(0);
    // Beta(2, 1) has F(x) = x²; beta(1, 1) is uniform.
    expect(cdf({ dist: 'beta', alpha: 2, beta: 1 }, 0.3)).toBeCloseTo(0.09, 12);
    expect(cdf({ dist: 'beta', alpha: 1, beta: 1 }, 0.7)).toBeCloseTo(0.7, 12);
  });

  test('discrete distributions are right-continuous steps, whatever order the values are listed in', () => {
    const d: Distribution = { dist: 'discrete', values: [3, 1, 2], probs: [0.3, 0.2, 0.5] };
    expect([0.5, 1, 1.5, 2, 2.99, 3, 10].map((x) => cdf(d, x))).toEqual([0, 0.2, 0.2, 0.7, 0.7, 1, 1]);
  });

  test('truncation renormalises: the half-normal has F(x) = 2Φ(x) − 1', () => {
    const half: Distribution = { dist: 'normal', mean: 0, sd: 1, min: 0 };
    expect(cdf(half, -0.1)).toBe(0);
    expect(cdf(half, 1)).toBeCloseTo(2 * 0.8413447460685429 - 1, 6);
    const box: Distribution = { dist: 'normal', mean: 0.5, sd: 1, min: 0, max: 1 };
    expect(cdf(box, 0.5)).toBeCloseTo(0.5, 7);
    expect(cdf(box, 1)).toBe(1);
    // Lognormal capped at its median e: F(x) = 2 P(X ≤ x) below the cap.
    const capped: Distribution = { dist: 'lognormal', mu: 1, sigma: 2, max: Math.E };
    expect(cdf(capped, 1)).toBeCloseTo(2 * normalCdf(-0.5), 7);
  });

  test('the cdf inverts the quantile', () => {
    const ds: Distribution[] = [
      { dist: 'uniform', low: -1, high: 3 },
      { dist: 'triangular', low: 0, mode: 1, high: 4 },
      { dist: 'normal', mean: 0.3, sd: 0.4, min: 0, max: 1 },
      { dist: 'lognormal', mu: 0, sigma: 0.5, min: 0.5 },
      { dist: 'beta', alpha: 2, beta: 5 },
    ];
    for (const d of ds) {
      for (const p of [0.05, 0.3, 0.5, 0.9]) expect(cdf(d, quantile(d, p))).toBeCloseTo(p, 5);
    }
  });
});
