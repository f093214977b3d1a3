import { describe, expect, test } from 'vitest';
import { BRENT_BASE_USD, SUPPLY_BUFFER_MB } from './calibration.js';
import { effectiveElasticity, pricePath, priceRatio } from './price.js';

describe('price', () => {
  test('constant-elasticity inverse demand by hand', () => {
    // (1 − 0.05)^(−1/0.5) = 1/0.9025.
    expect(priceRatio(5, 100, 0.5)).toBeCloseTo(1 / 0.9025, 12);
    expect(priceRatio(0, 100, 0.3)).toBe(1);
    expect(priceRatio(100, 100, 0.3)).toBe(Number.POSITIVE_INFINITY);
    // The facts file's first-order rule: about s / (e_s + |e_d|) for a small loss.
    expect((priceRatio(0.1, 100, 0.25) - 1) / (0.001 / 0.25)).toBeCloseTo(1, 2);
  });

  test('convex in the shortfall', () => {
    const r = (n: number) => priceRatio(n, 100, 0.3);
    expect(r(10) - r(5)).toBeGreaterThan(r(5) - r(0));
    expect(r(20) - r(15)).toBeGreaterThan(r(15) - r(10));
  });

  test('zero shortfall is the base price, with the premium on top', () => {
    const e = { demand: 0.26, supply: 0.015 };
    expect(pricePath({ net: [0, 0, 0], elasticity: e })).toEqual([70, 70, 70]);
    expect(pricePath({ net: [0], elasticity: e, premiumPct: 10 })[0]).toBeCloseTo(77, 12);
    expect(BRENT_BASE_USD).toBe(70);
  });

  test('the price climbs as the supply buffer runs out', () => {
    const e = { demand: 0.2, supply: 0.1 };
    const net = Array.from({ length: 60 }, () => 10);
    const p = pricePath({ net, elasticity: e });
    expect(p[0]).toBeCloseTo(70 * 0.9 ** (-1 / 0.3), 9);
    // 10 mb/d uses the 216.7 mb buffer in 22 days; then only demand adjusts.
    expect(SUPPLY_BUFFER_MB).toBeCloseTo(650 / 3, 9);
    expect(p[30]).toBeCloseTo(70 * 0.9 ** (-1 / 0.2), 9);
    for (let t = 1; t < p.length; t++) expect(p[t]).toBeGreaterThanOrEqual(p[t - 1]!);
    expect(effectiveElasticity(e, 0, 100)).toBeCloseTo(0.3, 12);
    expect(effectiveElasticity(e, 50, 100)).toBeCloseTo(0.25, 12);
    expect(effectiveElasticity(e, 500, 100)).toBeCloseTo(0.2, 12);
  });
});
