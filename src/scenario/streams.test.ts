import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { describe, expect, test } from 'vitest';
import { streamFor } from './streams.js';

const firstValues = (seed: number, key: string, draw: number, n = 4): number[] => {
  const rng = streamFor(seed, key, draw);
  return Array.from({ length: n }, () => rng.next());
};

describe('streamFor', () => {
  test('is a pure function of (seed, key, draw)', () => {
    expect(firstValues(1, 'us.resolve', 3)).toEqual(firstValues(1, 'us.resolve', 3));
  });

  test('differs when any of the three differs', () => {
    const base = firstValues(1, 'us.resolve', 3);
    expect(firstValues(2, 'us.resolve', 3)).not.toEqual(base);
    expect(firstValues(1, 'us.resolvf', 3)).not.toEqual(base);
    expect(firstValues(1, 'us.resolve', 4)).not.toEqual(base);
  });

  test('first uniforms of consecutive draws look independent (mean and lag-1 correlation)', () => {
    const n = 20_000;
    const u = Array.from({ length: n }, (_, d) => uniformFloat64(streamFor(5, 'p', d)));
    const m = u.reduce((s, x) => s + x, 0) / n;
    let c = 0;
    for (let i = 1; i < n; i++) c += (u[i]! - m) * (u[i - 1]! - m);
    const corr = c / (n - 1) / (1 / 12);
    // Standard errors: sqrt(1/12/n) ≈ 0.002 for the mean, 1/sqrt(n) ≈ 0.007 for the correlation.
    expect(Math.abs(m - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(corr)).toBeLessThan(4 / Math.sqrt(n));
  });
});
