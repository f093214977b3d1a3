import { describe, expect, it } from 'vitest';
import { summarizeDistribution } from './distribution-summary.js';

describe('summarizeDistribution', () => {
  it('gives a point value as written, with no interval', () => {
    expect(summarizeDistribution({ dist: 'point', value: 0.2 })).toEqual({ text: '0.2', mean: 0.2 });
  });
  it('gives the mean and the 5th to 95th percentiles', () => {
    const u = summarizeDistribution({ dist: 'uniform', low: 0, high: 10 });
    expect(u.text).toBe('uniform(low=0, high=10)');
    expect(u.mean).toBe(5);
    expect(u.interval![0]).toBeCloseTo(0.5, 12);
    expect(u.interval![1]).toBeCloseTo(9.5, 12);
    const n = summarizeDistribution({ dist: 'normal', mean: 1, sd: 2, min: 0 });
    expect(n.text).toBe('normal(mean=1, sd=2, min=0)');
  });
  it('computes beta intervals, which have no closed form', () => {
    const b = summarizeDistribution({ dist: 'beta', alpha: 2, beta: 8 });
    expect(b.text).toBe('beta(alpha=2, beta=8)');
    expect(b.mean).toBe(0.2);
    // scipy.stats.beta(2, 8).ppf([0.05, 0.95])
    expect(b.interval![0]).toBeCloseTo(0.04102317, 7);
    expect(b.interval![1]).toBeCloseTo(0.42913555, 7);
  });
});
