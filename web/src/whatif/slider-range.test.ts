import { describe, expect, it } from 'vitest';
import { roundStep, sliderBounds, sliderRange } from './slider-range.js';

describe('slider ranges', () => {
  it('uses the support of bounded distributions', () => {
    const r = sliderRange({ dist: 'triangular', low: 0.5, mode: 0.6, high: 0.75 });
    expect([r.min, r.max, r.step]).toEqual([0.5, 0.75, 0.005]);
    expect(r.rest).toBeCloseTo((0.5 + 0.6 + 0.75) / 3, 12);
    expect(sliderBounds({ dist: 'beta', alpha: 2, beta: 8 })).toEqual([0, 1]);
    expect(sliderBounds({ dist: 'uniform', low: 2.6, high: 3.5 })).toEqual([2.6, 3.5]);
    expect(sliderBounds({ dist: 'discrete', values: [0.275, 0.5, 0.24], probs: [0.3, 0.3, 0.4] })).toEqual([
      0.24, 0.5,
    ]);
    expect(sliderBounds({ dist: 'normal', mean: 1, sd: 0.05, min: 0.9, max: 1.1 })).toEqual([0.9, 1.1]);
  });

  it('uses the 1st and 99th percentiles where the support is unbounded', () => {
    // lognormal(0, 0.5): support starts at 0, the 99th percentile is e^(0.5 · 2.3263) = 3.2002.
    const [lo, hi] = sliderBounds({ dist: 'lognormal', mu: 0, sigma: 0.5 });
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(Math.exp(0.5 * 2.326348), 4);
    // normal(10, 2) untruncated: 10 ± 2.3263 · 2.
    const [a, b] = sliderBounds({ dist: 'normal', mean: 10, sd: 2 });
    expect(a).toBeCloseTo(10 - 2 * 2.326348, 4);
    expect(b).toBeCloseTo(10 + 2 * 2.326348, 4);
    // Half-bounded: the bound that exists is kept.
    const [c, d] = sliderBounds({ dist: 'normal', mean: 0, sd: 1, min: -0.5 });
    expect(c).toBe(-0.5);
    expect(d).toBeGreaterThan(2);
  });

  it('spans zero to twice a point value', () => {
    expect(sliderBounds({ dist: 'point', value: 0.9 })).toEqual([0, 1.8]);
    expect(sliderBounds({ dist: 'point', value: -3 })).toEqual([-6, 0]);
    expect(sliderBounds({ dist: 'point', value: 0 })).toEqual([0, 1]);
    expect(sliderRange({ dist: 'point', value: 70 }).rest).toBe(70);
  });

  it('keeps a probability within [0, 1]', () => {
    expect(sliderBounds({ dist: 'point', value: 0.9 }, 'prob')).toEqual([0, 1]);
    expect(sliderRange({ dist: 'point', value: 0.9 }, 'prob')).toMatchObject({ min: 0, max: 1, rest: 0.9 });
  });

  it('picks round steps of about a hundredth of the range', () => {
    expect(roundStep(1)).toBe(0.01);
    expect(roundStep(0.25)).toBe(0.005);
    expect(roundStep(5500)).toBe(100);
    expect(roundStep(0.9)).toBe(0.01);
    expect(roundStep(0)).toBe(1);
  });
});
