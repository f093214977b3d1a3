import { describe, expect, test } from 'vitest';
import { priceFan } from '../../econ/price-fan.js';
import { warRiskPremium } from '../../econ/threat.js';
import { OUTCOME_CLASSES } from '../outcomes.js';
import {
  type ClassDisruption,
  FAN_SAMPLES,
  FAN_SEED,
  type Q6Draw,
  classDisruptions,
  classFan,
} from './q6-oil-markets.js';

const one = (share: number, days: number, insurance: number): ClassDisruption[] => [
  { share, days, insurance, p: 1 },
];

describe('classFan', () => {
  test('no disruption at the calm insurance rate is the flat $70 baseline', () => {
    const f = classFan('deal', 'Deal', one(0, 0, 0.0025));
    expect(f.threat).toBe(0);
    expect(f.peakPct).toEqual({ median: 0, low: 0, high: 0 });
    for (const [, y, low, high] of f.path) expect([y, low, high]).toEqual([70, 70, 70]);
    // Every 6th day and the last: 0, 6, …, 84, 89.
    expect(f.path.map((p) => p[0])).toEqual([...Array.from({ length: 15 }, (_, k) => 6 * k), 89]);
  });

  test('is the market model at the threat level the insurance rate implies', () => {
    const f = classFan('hormuz_disruption', 'Hormuz disruption', one(0.3, 20, warRiskPremium(3)));
    expect(f.threat).toBeCloseTo(3, 12);
    const fan = priceFan({ share: 0.3, days: 20, threat: f.threat, samples: FAN_SAMPLES, seed: FAN_SEED });
    expect(f.peakPct).toEqual(fan.peakPct);
    expect(f.path[1]).toEqual([6, fan.days[6]!.median, fan.days[6]!.low, fan.days[6]!.high]);
  });

  test('a larger disruption or a higher insurance rate never lowers the peak', () => {
    const base = classFan('a', 'a', one(0.1, 10, 0.005));
    expect(classFan('a', 'a', one(0.3, 10, 0.005)).peakPct.median).toBeGreaterThan(base.peakPct.median);
    expect(classFan('a', 'a', one(0.1, 30, 0.005)).peakPct.median).toBeGreaterThanOrEqual(
      base.peakPct.median,
    );
    expect(classFan('a', 'a', one(0.1, 10, 0.01)).peakPct.median).toBeGreaterThan(base.peakPct.median);
  });

  test('a class that mixes a closure with harassment keeps the closure’s spike (not the averaged disruption’s)', () => {
    const mix = classFan('h', 'h', [
      { share: 1, days: 30, insurance: warRiskPremium(4), p: 0.2 },
      { share: 0.05, days: 5, insurance: warRiskPremium(2), p: 0.8 },
    ]);
    expect(mix.components).toBe(2);
    expect(mix.share).toBeCloseTo(0.2 * 1 + 0.8 * 0.05, 12);
    expect(mix.days).toBeCloseTo(0.2 * 30 + 0.8 * 5, 12);
    const averaged = classFan('h', 'h', one(mix.share, mix.days, mix.insurance));
    expect(mix.peakPct.high).toBeGreaterThan(averaged.peakPct.high);
  });
});

describe('classDisruptions', () => {
  test('each draw counts equally among the draws in which the class occurs; equal disruptions merge', () => {
    const none = OUTCOME_CLASSES.map(() => [] as ClassDisruption[]);
    const a: Q6Draw = {
      disruptions: none.map((_, c) =>
        c === 0 || c === 1 ? [{ share: 0.5, days: 10, insurance: 0.01, p: 1 }] : [],
      ),
    };
    const b: Q6Draw = {
      disruptions: none.map((_, c) =>
        c === 0
          ? [
              { share: 0.5, days: 10, insurance: 0.01, p: 0.5 },
              { share: 0.1, days: 3, insurance: 0.004, p: 0.5 },
            ]
          : [],
      ),
    };
    const m = classDisruptions([a, b]);
    expect(m[0]).toEqual([
      { share: 0.5, days: 10, insurance: 0.01, p: 0.75 },
      { share: 0.1, days: 3, insurance: 0.004, p: 0.25 },
    ]);
    // Class 1 occurs in draw a only: its mixture is a's.
    expect(m[1]).toEqual([{ share: 0.5, days: 10, insurance: 0.01, p: 1 }]);
    expect(m[2]).toEqual([]);
  });
});
