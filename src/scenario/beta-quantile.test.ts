import { describe, expect, it } from 'vitest';
import { betaCdf, betaQuantile, logGamma } from './beta-quantile.js';

describe('beta quantiles', () => {
  it('computes ln Γ exactly enough at known points', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });
  it('matches closed forms: beta(1,1) is uniform, beta(2,1) has CDF x², beta(1,3) 1 − (1 − x)³', () => {
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(betaCdf(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(betaQuantile(0.05, 2, 1)).toBeCloseTo(Math.sqrt(0.05), 10);
    expect(betaQuantile(0.95, 1, 3)).toBeCloseTo(1 - 0.05 ** (1 / 3), 10);
  });
  it('matches scipy.stats.beta.ppf', () => {
    // scipy 1.x: beta(2, 8).ppf([0.05, 0.95]), beta(4, 4).ppf(0.05), beta(0.5, 0.5).ppf(0.05).
    expect(betaQuantile(0.05, 2, 8)).toBeCloseTo(0.04102317, 7);
    expect(betaQuantile(0.95, 2, 8)).toBeCloseTo(0.42913555, 7);
    expect(betaQuantile(0.05, 4, 4)).toBeCloseTo(0.225321584, 8);
    expect(betaQuantile(0.05, 0.5, 0.5)).toBeCloseTo(0.0061558297, 9);
  });
});
