import { describe, expect, test } from 'vitest';
import type { Distribution } from '../../scenario/distributions.js';
import { parameterRanges, unitToParameters, varyingParameters, withParameter } from './scenario-inputs.js';

const model = (params: [string, Distribution][]) => ({
  params: params.map(([name, dist]) => ({ name, dist })),
});

describe('scenario inputs of sensitivity analysis', () => {
  const m = model([
    ['fixed', { dist: 'point', value: 7 }],
    ['u', { dist: 'uniform', low: 2, high: 6 }],
    ['flat', { dist: 'uniform', low: 1, high: 1 }],
    ['b', { dist: 'beta', alpha: 2, beta: 1 }],
    ['t', { dist: 'normal', mean: 0, sd: 1, min: 0 }],
  ]);

  test('point and zero-width parameters are not factors', () => {
    expect(varyingParameters(m)).toEqual([1, 3, 4]);
  });

  test('ranges are means and quantiles', () => {
    const r = parameterRanges(m);
    expect(r.names).toEqual(['fixed', 'u', 'flat', 'b', 't']);
    expect(r.base[0]).toBe(7);
    expect(r.base[1]).toBe(4);
    expect(r.base[3]).toBeCloseTo(2 / 3, 12);
    // Half-normal: mean √(2/π); 5 % quantile Φ⁻¹(0.525) ≈ 0.0627.
    expect(r.base[4]).toBeCloseTo(Math.sqrt(2 / Math.PI), 6);
    expect(r.low[1]).toBeCloseTo(2.2, 12);
    expect(r.high[1]).toBeCloseTo(5.8, 12);
    // Beta(2, 1): CDF x², quantile √p.
    expect(r.low[3]).toBeCloseTo(Math.sqrt(0.05), 9);
    expect(r.high[3]).toBeCloseTo(Math.sqrt(0.95), 9);
    expect(r.low[4]).toBeCloseTo(0.0627067, 5);
    expect(r.low[0]).toBe(7);
    expect(r.high[0]).toBe(7);
    expect(r.varying).toEqual([1, 3, 4]);
    expect(() => parameterRanges(m, 0.9, 0.1)).toThrow(RangeError);
  });

  test('a unit point sets the varying parameters to their quantiles, the rest to their value', () => {
    const v = unitToParameters(m, [0.25, 0.25, 0.5]);
    expect(v[0]).toBe(7);
    expect(v[1]).toBe(3);
    expect(v[2]).toBe(1);
    expect(v[3]).toBeCloseTo(0.5, 9);
    // Median of the half-normal: Φ⁻¹(0.75) ≈ 0.6744898.
    expect(v[4]).toBeCloseTo(0.6744898, 5);
    expect(() => unitToParameters(m, [0.5])).toThrow(RangeError);
  });

  test('withParameter copies and sets one value by name', () => {
    const base = Float64Array.of(1, 2, 3, 4, 5);
    const out = withParameter(m, base, 'b', 9);
    expect(Array.from(out)).toEqual([1, 2, 3, 9, 5]);
    expect(base[3]).toBe(4);
    expect(() => withParameter(m, base, 'nope', 1)).toThrow(RangeError);
  });
});
