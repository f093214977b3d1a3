import { describe, expect, test } from 'vitest';
import { EconInputError } from './errors.js';
import { atThreat, riskPremiumPct, threatLevel, threatOfWarRiskPremium, warRiskPremium } from './threat.js';

describe('threat levels', () => {
  test('names and numbers', () => {
    expect(threatLevel('calm')).toBe(0);
    expect(threatLevel('war')).toBe(4);
    expect(threatLevel('2.5')).toBe(2.5);
    expect(() => threatLevel('5')).toThrow(EconInputError);
    expect(() => threatLevel('panic')).toThrow(/expected one of calm, tension, seizures, attacks, war/);
  });

  test('interpolation between anchors', () => {
    expect(atThreat([0, 1, 2, 4, 8], 2.5)).toBe(3);
    expect(atThreat([0, 1, 2, 4, 8], 4)).toBe(8);
    expect(atThreat([0, 1, 2, 4, 8], -0.1)).toBeNaN();
    expect(atThreat([0, 1, 2, 4, 8], Number.NaN)).toBeNaN();
  });

  test('the anchors are the facts', () => {
    expect(riskPremiumPct(2)).toBe(1.2); // fact oil-2019-07-stena-impero
    expect(riskPremiumPct(3)).toBe(2.6); // fact oil-2024-10-iran-israel
    expect(warRiskPremium(0)).toBeCloseTo(0.0025, 12); // fact insurance-2025-06-gulf, before
    expect(warRiskPremium(2)).toBe(0.005); // fact insurance-2025-06-gulf, after
    expect(warRiskPremium(4)).toBeCloseTo((0.6 * 7) / 182, 12); // fact insurance-1986-gulf
  });

  test('premiums rise with the threat', () => {
    for (let k = 0; k < 40; k++) {
      expect(warRiskPremium((k + 1) / 10)).toBeGreaterThanOrEqual(warRiskPremium(k / 10));
      expect(riskPremiumPct((k + 1) / 10)).toBeGreaterThanOrEqual(riskPremiumPct(k / 10));
    }
  });

  test('the threat level of an insurance rate inverts warRiskPremium', () => {
    for (const level of [0, 0.5, 1, 2.25, 3, 3.9, 4])
      expect(threatOfWarRiskPremium(warRiskPremium(level))).toBeCloseTo(level, 12);
    expect(threatOfWarRiskPremium(0.001)).toBe(0);
    expect(threatOfWarRiskPremium(0.6)).toBe(4);
    expect(threatOfWarRiskPremium(0.005)).toBe(2);
  });
});
