import { describe, expect, test } from 'vitest';
import { BRENT_BASE_USD } from './calibration.js';
import { EconInputError } from './errors.js';
import { CENTRAL_ELASTICITY, bandOf, priceFan, quantileSorted } from './price-fan.js';

describe('priceFan', () => {
  test('zero disruption in calm is the baseline path, with no spread', () => {
    const f = priceFan({ share: 0, days: 0, samples: 200 });
    for (const d of f.days)
      expect(d).toEqual({ median: BRENT_BASE_USD, low: BRENT_BASE_USD, high: BRENT_BASE_USD });
    expect(f.peakPct).toEqual({ median: 0, low: 0, high: 0 });
  });

  test('sampling is reproducible by seed', () => {
    const a = priceFan({ share: 0.5, days: 30, seed: 7, samples: 300 });
    const b = priceFan({ share: 0.5, days: 30, seed: 7, samples: 300 });
    const c = priceFan({ share: 0.5, days: 30, seed: 8, samples: 300 });
    expect(a).toEqual(b);
    expect(c.peakPct.median).not.toBe(a.peakPct.median);
  });

  test('a larger or longer disruption never lowers the price; releases and bypass only lower it', () => {
    // Same seed: the same elasticity draws (common random numbers), so the comparison is per sample.
    const base = priceFan({ share: 0.3, days: 20, threat: 3, samples: 300 });
    const variants = {
      wider: priceFan({ share: 0.6, days: 20, threat: 3, samples: 300 }),
      longer: priceFan({ share: 0.3, days: 45, threat: 3, samples: 300 }),
      released: priceFan({ share: 0.3, days: 20, threat: 3, samples: 300, releaseMbd: 2 }),
      noBypass: priceFan({ share: 0.3, days: 20, threat: 3, samples: 300, bypassMbd: 0 }),
    };
    base.days.forEach((d, t) => {
      for (const k of ['median', 'low', 'high'] as const) {
        expect(variants.wider.days[t]![k]).toBeGreaterThanOrEqual(d[k] - 1e-9);
        expect(variants.longer.days[t]![k]).toBeGreaterThanOrEqual(d[k] - 1e-9);
        expect(variants.released.days[t]![k]).toBeLessThanOrEqual(d[k] + 1e-9);
        expect(variants.noBypass.days[t]![k]).toBeGreaterThanOrEqual(d[k] - 1e-9);
      }
    });
    expect(variants.wider.peakPct.median).toBeGreaterThan(base.peakPct.median);
    expect(variants.released.meanPct.median).toBeLessThan(base.meanPct.median);
  });

  test('the band holds the median, and the risk premium rises with the threat', () => {
    const f = priceFan({ share: 0.5, days: 30, samples: 300 });
    for (const d of f.days) expect(d.low <= d.median && d.median <= d.high).toBe(true);
    const calm = priceFan({ share: 0, days: 0, threat: 0, samples: 300 });
    const tension = priceFan({ share: 0, days: 0, threat: 1, samples: 300 });
    const war = priceFan({ share: 0, days: 0, threat: 4, samples: 300 });
    expect(calm.firstDayPct.median).toBe(0);
    expect(tension.firstDayPct.median).toBeGreaterThan(0);
    expect(war.firstDayPct.median).toBeGreaterThan(tension.firstDayPct.median);
    // Seed 001: Brent "nearing the $ 70-a-barrel threshold" with a risk premium, not far above it.
    expect(70 * (1 + tension.firstDayPct.median / 100)).toBeLessThan(72);
  });

  test('the central elasticities are the studies’ means', () => {
    expect(CENTRAL_ELASTICITY.demand).toBeCloseTo((0.26 + 0.35 + 0.13) / 3, 12);
    expect(CENTRAL_ELASTICITY.supply).toBeCloseTo((0.015 + 0.15 + 0.11) / 3, 12);
  });

  test('quantiles by Hyndman–Fan definition 7', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(bandOf([5, 1, 3, 2, 4])).toEqual({ median: 3, low: 1.4, high: 4.6 });
  });

  test('bad input is refused', () => {
    expect(() => priceFan({ share: 0.5, days: 30, samples: 0 })).toThrow(EconInputError);
    expect(() => priceFan({ share: 0.5, days: 30, seed: -1 })).toThrow(/seed -1/);
    expect(() => priceFan({ share: 0.5, days: 30, threat: 5 })).toThrow(/threat 5/);
  });
});
