import { describe, expect, test } from 'vitest';
import { BYPASS_SPARE_MBD, RELEASE_VOLUME_MB } from './calibration.js';
import { EconInputError } from './errors.js';
import { disruptionProfile, meanNetShortfall, supplyShock } from './supply-shock.js';

describe('supplyShock', () => {
  test('no disruption loses nothing', () => {
    const p = supplyShock({ share: 0, days: 30 });
    expect(p.net).toHaveLength(90);
    expect(p.net.every((x) => x === 0)).toBe(true);
    expect(supplyShock({ share: 0.5, days: 0 }).gross.every((x) => x === 0)).toBe(true);
  });

  test('ramp, hold, recovery, bypass and release by hand', () => {
    // Half of 20 mb/d for 30 days: ramp 10/3, 20/3, 10; bypass 3.05 from day 7; 2 mb/d from day 13.
    const p = supplyShock({ share: 0.5, days: 30, releaseMbd: 2 });
    expect(p.gross[0]).toBeCloseTo(10 / 3, 12);
    expect(p.gross[1]).toBeCloseTo(20 / 3, 12);
    expect(p.gross[2]).toBe(10);
    expect(p.net[6]).toBe(10);
    expect(p.net[7]).toBeCloseTo(10 - BYPASS_SPARE_MBD, 12);
    expect(p.net[13]).toBeCloseTo(10 - BYPASS_SPARE_MBD - 2, 12);
    // Day 30 is the first day of recovery: 6/7 of the flow still lost, then linearly to 0 by day 36.
    expect(p.gross[29]).toBe(10);
    expect(p.gross[30]).toBeCloseTo((10 * 6) / 7, 12);
    expect(p.gross[36]).toBe(0);
    expect(p.net[40]).toBe(0);
  });

  test('the bypass carries at most what the strait lost', () => {
    const p = supplyShock({ share: 0.1, days: 60 }); // 2 mb/d < 3.05 of bypass
    expect(p.bypass[10]).toBe(2);
    expect(p.net[10]).toBe(0);
  });

  test('a release stops when its volume is drawn', () => {
    const p = supplyShock({ share: 1, days: 90, releaseMbd: 2, releaseVolumeMb: 10 });
    expect(p.release.slice(13, 18)).toEqual([2, 2, 2, 2, 2]);
    expect(p.release[18]).toBe(0);
    expect(p.release.reduce((s, x) => s + x, 0)).toBe(10);
    expect(RELEASE_VOLUME_MB).toBeCloseTo(2200 / 3, 9); // (1.55 + 0.65) bn bbl, a third usable at once
  });

  test('a larger or longer disruption never lowers the shortfall; offsets only lower it', () => {
    const shares = [0, 0.05, 0.1, 0.3, 0.5, 0.8, 1];
    const days = [0, 0.5, 1, 2.5, 7, 14, 30, 89, 120];
    for (const s of shares)
      for (const d of days) {
        const base = supplyShock({ share: s, days: d, releaseMbd: 1 });
        const wider = supplyShock({ share: Math.min(1, s + 0.1), days: d, releaseMbd: 1 });
        const longer = supplyShock({ share: s, days: d + 3, releaseMbd: 1 });
        const released = supplyShock({ share: s, days: d, releaseMbd: 3 });
        const noBypass = supplyShock({ share: s, days: d, releaseMbd: 1, bypassMbd: 0 });
        base.net.forEach((n, t) => {
          expect(wider.net[t]).toBeGreaterThanOrEqual(n - 1e-12);
          expect(longer.net[t]).toBeGreaterThanOrEqual(n - 1e-12);
          expect(released.net[t]).toBeLessThanOrEqual(n + 1e-12);
          expect(noBypass.net[t]).toBeGreaterThanOrEqual(n - 1e-12);
        });
      }
  });

  test('the profile counts a fractional last day pro rata', () => {
    expect(disruptionProfile(0, 0.5, 1, 7)).toBeCloseTo(0.5 * (0.5 + 0.5 * (1 - 0.5 / 7)), 12);
    expect(disruptionProfile(5, 0, 1, 7)).toBe(0);
  });

  test('mean shortfall over the disruption', () => {
    const p = supplyShock({ share: 0.5, days: 7 });
    // Days 0–6: 10/3, 20/3, then 10 ×5, no bypass before day 7.
    expect(meanNetShortfall(p, 7)).toBeCloseTo((10 / 3 + 20 / 3 + 50) / 7, 12);
    expect(meanNetShortfall(p, 0)).toBe(0);
  });

  test('bad input is refused with the field and what was expected', () => {
    expect(() => supplyShock({ share: 1.5, days: 30 })).toThrow(/share 1.5: expected a share from 0 to 1/);
    expect(() => supplyShock({ share: 0.5, days: -1 })).toThrow(/days -1: expected a number of days ≥ 0/);
    expect(() => supplyShock({ share: Number.NaN, days: 1 })).toThrow(EconInputError);
    expect(() => supplyShock({ share: 0.5, days: 1, horizon: 0 })).toThrow(/horizon 0/);
    expect(() => supplyShock({ share: 0.5, days: 1, releaseMbd: -2 })).toThrow(/release -2/);
  });
});
