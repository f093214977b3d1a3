import { describe, expect, test } from 'vitest';
import { priceFan } from '../../econ/price-fan.js';
import { warRiskPremium } from '../../econ/threat.js';
import { FAN_SAMPLES, FAN_SEED, classFan } from './q6-oil-markets.js';

describe('classFan', () => {
  test('no disruption at the calm insurance rate is the flat $70 baseline', () => {
    const f = classFan('deal', 'Deal', 0, 0, 0.0025);
    expect(f.threat).toBe(0);
    expect(f.peakPct).toEqual({ median: 0, low: 0, high: 0 });
    for (const [, y, low, high] of f.path) expect([y, low, high]).toEqual([70, 70, 70]);
    // Every 6th day and the last: 0, 6, …, 84, 89.
    expect(f.path.map((p) => p[0])).toEqual([...Array.from({ length: 15 }, (_, k) => 6 * k), 89]);
  });

  test('is the market model at the threat level the insurance rate implies', () => {
    const f = classFan('hormuz_disruption', 'Hormuz disruption', 0.3, 20, warRiskPremium(3));
    expect(f.threat).toBeCloseTo(3, 12);
    const fan = priceFan({ share: 0.3, days: 20, threat: f.threat, samples: FAN_SAMPLES, seed: FAN_SEED });
    expect(f.peakPct).toEqual(fan.peakPct);
    expect(f.path[1]).toEqual([6, fan.days[6]!.median, fan.days[6]!.low, fan.days[6]!.high]);
  });

  test('a larger disruption or a higher insurance rate never lowers the peak', () => {
    const base = classFan('a', 'a', 0.1, 10, 0.005);
    expect(classFan('a', 'a', 0.3, 10, 0.005).peakPct.median).toBeGreaterThan(base.peakPct.median);
    expect(classFan('a', 'a', 0.1, 30, 0.005).peakPct.median).toBeGreaterThanOrEqual(base.peakPct.median);
    expect(classFan('a', 'a', 0.1, 10, 0.01).peakPct.median).toBeGreaterThan(base.peakPct.median);
  });
});
