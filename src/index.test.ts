// The library entry point exposes the bargaining models under their own names.
import { describe, expect, test } from 'vitest';
import * as brink from './index.js';

describe('the library API', () => {
  test('exports the bargaining models', () => {
    expect(brink.bargainingRange({ p: 0.6, costA: 0.1, costB: 0.15 }).high).toBeCloseTo(0.75, 15);
    const o = brink.optimalOffer({ p: 0.4, costA: 0.1, costB: { dist: 'uniform', low: 0, high: 0.3 } });
    expect(o.offer).toBeCloseTo(0.5, 15);
    expect(o.method).toBe('closed-form');
    expect(brink.commitmentProblem({ pNow: 0.6, pLater: 0.4, costD: 0.1, delta: 0.9 }).war).toBe(true);
    expect(brink.criticalRisk(10, 6, 2)).toBe(0.5);
    expect(brink.isCredible(1, 3, 2.5)).toBe(true);
    expect(() => brink.bargainingRange({ p: 2, costA: 0, costB: 0 })).toThrow(brink.BargainInputError);
    expect(brink.forecastBdm).toBe(brink.bdm.forecastBdm);
    expect(typeof brink.bdm.weightedMedian).toBe('function');
  });

  test('exports the registration of the formula functions', () => {
    brink.registerBargainFunctions();
    expect(brink.registeredFunctions().get('fearon_low')).toBe(brink.BARGAIN_FUNCTIONS.fearon_low);
  });
});
