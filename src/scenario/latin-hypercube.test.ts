import { describe, expect, test } from 'vitest';
import { type Distribution, sample } from './distributions.js';
import { keyedPermutation, lhsParameters, lhsUnit } from './latin-hypercube.js';
import { streamFor } from './streams.js';

const model = (params: [string, Distribution][]) => ({
  params: params.map(([name, dist]) => ({ name, dist })),
});

function permutationOf(seed: number, key: string, n: number): number[] {
  const p = keyedPermutation(seed, key, n);
  return Array.from({ length: n }, (_, i) => p.at(i));
}

describe('keyed permutation', () => {
  test('is a bijection of [0, n) for sizes on and off powers of two', () => {
    for (const n of [1, 2, 3, 7, 8, 9, 100, 1000, 1024, 4097]) {
      const seen = new Uint8Array(n);
      for (const v of permutationOf(11, 'x', n)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(n);
        seen[v]!++;
      }
      expect(seen.every((c) => c === 1)).toBe(true);
    }
  });

  test('is deterministic in (seed, key) and differs between keys and seeds', () => {
    const a = permutationOf(5, 'lhs:a', 100);
    expect(permutationOf(5, 'lhs:a', 100)).toEqual(a);
    const b = permutationOf(5, 'lhs:b', 100);
    const c = permutationOf(6, 'lhs:a', 100);
    // Two independent random permutations of 100 agree in about one place; identical ones in all.
    expect(a.filter((v, i) => v === b[i]).length).toBeLessThan(10);
    expect(a.filter((v, i) => v === c[i]).length).toBeLessThan(10);
    // And it is not the identity.
    expect(a.filter((v, i) => v === i).length).toBeLessThan(10);
  });

  test('rank correlation between two parameters is near zero (independent pairing)', () => {
    const n = 1000;
    const a = permutationOf(3, 'lhs:a', n);
    const b = permutationOf(3, 'lhs:b', n);
    const m = (n - 1) / 2;
    let sab = 0;
    let saa = 0;
    for (let i = 0; i < n; i++) {
      sab += (a[i]! - m) * (b[i]! - m);
      saa += (a[i]! - m) ** 2;
    }
    // Spearman's ρ of independent permutations has sd 1/√(n−1) ≈ 0.032; allow 4 sd.
    expect(Math.abs(sab / saa)).toBeLessThan(0.13);
  });

  test('rejects sizes and indices out of range', () => {
    expect(() => keyedPermutation(1, 'k', 0)).toThrow(RangeError);
    expect(() => keyedPermutation(1, 'k', 5).at(5)).toThrow(RangeError);
  });
});

describe('Latin hypercube design', () => {
  const m = model([
    ['u', { dist: 'uniform', low: 0, high: 1 }],
    ['v', { dist: 'uniform', low: 0, high: 1 }],
    ['w', { dist: 'normal', mean: 10, sd: 2 }],
    ['c', { dist: 'point', value: 3 }],
  ]);
  const design = (seed: number, n: number) =>
    Array.from({ length: n }, (_, d) => lhsParameters(m, seed, d, n));

  test('uses every stratum exactly once per parameter', () => {
    for (const n of [1, 7, 100, 1000]) {
      const rows = design(42, n);
      for (const j of [0, 1]) {
        const strata = rows.map((r) => Math.floor(r[j]! * n)).sort((x, y) => x - y);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
      expect(rows.every((r) => r[3] === 3)).toBe(true);
    }
  });

  test('the marginal mean of U(0, 1) is within 1/(2N) of 1/2', () => {
    // One value in each [s/N, (s+1)/N): the mean lies in ((N−1)/2N, (N+1)/2N).
    for (const n of [7, 100, 1000]) {
      const rows = design(9, n);
      for (const j of [0, 1]) {
        const mean = rows.reduce((s, r) => s + r[j]!, 0) / n;
        expect(Math.abs(mean - 0.5)).toBeLessThan(1 / (2 * n));
      }
    }
  });

  test('the marginal mean of N(10, 2) is far tighter than plain sampling gives', () => {
    const n = 1000;
    const lhsMean = design(9, n).reduce((s, r) => s + r[2]!, 0) / n;
    // Plain sampling: standard error 2/√1000 ≈ 0.063. Stratified: error of order 1e-3 or less.
    expect(Math.abs(lhsMean - 10)).toBeLessThan(0.005);
    // Plain draws of the same parameter (as drawParameters makes them).
    const plain = Array.from({ length: n }, (_, d) => sample(m.params[2]!.dist, streamFor(9, 'w', d)));
    const plainMean = plain.reduce((s, x) => s + x, 0);
    expect(Math.abs(plainMean / n - 10)).toBeGreaterThan(Math.abs(lhsMean - 10));
  });

  test('is deterministic by seed, and any draw can be made alone', () => {
    const a = design(1, 50);
    expect(design(1, 50)).toEqual(a);
    expect(lhsParameters(m, 1, 37, 50)).toEqual(a[37]);
    expect(design(2, 50)).not.toEqual(a);
  });

  test('the unit point is (stratum + jitter)/N with the stratum from the permutation', () => {
    const u = lhsUnit(4, 'u', 3, 10);
    expect(Math.floor(u * 10)).toBe(keyedPermutation(4, 'lhs:u', 10).at(3));
  });

  test('beta and discrete parameters go through their quantiles', () => {
    const n = 200;
    const mb = model([
      ['b', { dist: 'beta', alpha: 2, beta: 1 }],
      ['d', { dist: 'discrete', values: [1, 2], probs: [0.25, 0.75] }],
    ]);
    const rows = Array.from({ length: n }, (_, d) => lhsParameters(mb, 5, d, n));
    // Beta(2, 1) has CDF x²: the value of stratum s lies in [√(s/N), √((s+1)/N)), so one per stratum.
    const strata = rows.map((r) => Math.floor(r[0]! ** 2 * n)).sort((x, y) => x - y);
    expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    // Exactly a quarter of the strata fall below 0.25: 50 ones, 150 twos.
    expect(rows.filter((r) => r[1] === 1).length).toBe(50);
  });

  test('rejects draws outside the design', () => {
    expect(() => lhsParameters(m, 1, 10, 10)).toThrow(RangeError);
  });
});
