import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FUNCTIONS, registerFunctions } from '../scenario/expr/functions.js';
import { exporterRevenueChange } from './feedback.js';
import {
  CENTRAL_ELASTICITY_SUM,
  ECON_FUNCTIONS,
  SUPPLY_SHARE_OF_ELASTICITY,
  pathFigures,
  registerEconFunctions,
  splitElasticity,
} from './formula-functions.js';
import { pricePath } from './price.js';
import { meanNetShortfall, supplyShock } from './supply-shock.js';
import { riskPremiumPct, warRiskPremium } from './threat.js';

registerEconFunctions();

const call = (name: string, ...args: number[]): number => FUNCTIONS[name]!.apply!(args);

describe('the oil formula functions', () => {
  test('give the library’s numbers', () => {
    const shock = supplyShock({ share: 0.5, days: 30, releaseMbd: 2 });
    expect(call('oil_net_shortfall_mbd', 0.5, 30, 2)).toBe(meanNetShortfall(shock, 30));
    const narrow = supplyShock({ share: 0.5, days: 30, bypassMbd: 1 });
    expect(call('oil_net_shortfall_mbd', 0.5, 30, 0, 1)).toBe(meanNetShortfall(narrow, 30));
    const narrowPath = pricePath({ net: narrow.net, elasticity: splitElasticity(0.3), baseUsd: 1 });
    expect(call('brent_peak_pct', 0.5, 30, 0.3, 0, 1)).toBeCloseTo(100 * (Math.max(...narrowPath) - 1), 12);
    const path = pricePath({ net: shock.net, elasticity: splitElasticity(0.275), baseUsd: 1 });
    const mean = (100 * path.reduce((s, p) => s + p, 0)) / path.length - 100;
    expect(call('brent_change_pct', 0.5, 30, 0.275, 2)).toBeCloseTo(mean, 12);
    expect(call('brent_peak_pct', 0.5, 30, 0.275, 2)).toBeCloseTo(100 * (Math.max(...path) - 1), 12);
    expect(call('brent_change_pct', 0.5, 30)).toBe(pathFigures(0.5, 30, CENTRAL_ELASTICITY_SUM, 0).meanPct);
    expect(call('oil_risk_premium_pct', 2.5)).toBe(riskPremiumPct(2.5));
    expect(call('war_risk_premium', 4)).toBe(warRiskPremium(4));
    expect(call('oil_revenue_change', 0.2, 30)).toBe(exporterRevenueChange(0.2, 30));
  });

  test('hand-derived values', () => {
    // No disruption: no shortfall, no change.
    expect(call('brent_change_pct', 0, 0, 0.3)).toBe(0);
    expect(call('oil_net_shortfall_mbd', 0, 30)).toBe(0);
    // One week at 50 %: days 0–6 are 10/3, 20/3 and five days of 10 mb/d; the bypass comes on day 7.
    expect(call('oil_net_shortfall_mbd', 0.5, 7)).toBeCloseTo((10 / 3 + 20 / 3 + 50) / 7, 12);
    expect(splitElasticity(1).supply).toBeCloseTo(SUPPLY_SHARE_OF_ELASTICITY, 15);
    expect(SUPPLY_SHARE_OF_ELASTICITY).toBeCloseTo(0.275 / (0.275 + 0.74), 12);
  });

  test('a larger or longer disruption never lowers the price; a release only lowers it', () => {
    for (const s of [0, 0.08, 0.25, 0.5, 0.8])
      for (const d of [0, 7, 14, 30, 90]) {
        const p = call('brent_change_pct', s, d, 0.3);
        expect(call('brent_change_pct', s + 0.1, d, 0.3)).toBeGreaterThanOrEqual(p);
        expect(call('brent_change_pct', s, d + 5, 0.3)).toBeGreaterThanOrEqual(p);
        expect(call('brent_change_pct', s, d, 0.3, 2)).toBeLessThanOrEqual(p);
        expect(call('brent_peak_pct', s, d, 0.3)).toBeGreaterThanOrEqual(p);
      }
  });

  test('the spike is convex in the share lost: the non-linearity comes out of the model', () => {
    const peak = (share: number) => call('brent_peak_pct', share, 30, 0.3);
    expect(peak(0.5) - peak(0.25)).toBeGreaterThan(peak(0.25) - peak(0));
    expect(peak(1) - peak(0.75)).toBeGreaterThan(peak(0.75) - peak(0.5));
  });

  test('memoised calls give the same double as fresh ones', () => {
    const first = call('brent_change_pct', 0.37, 21, 0.31);
    for (let k = 0; k < 5000; k++) call('brent_change_pct', k / 5000, 10, 0.3); // overflows the memo
    expect(call('brent_change_pct', 0.37, 21, 0.31)).toBe(first);
  });

  test('invalid arguments give NaN', () => {
    const bad: [string, number[]][] = [
      ['brent_change_pct', [1.2, 30]],
      ['brent_change_pct', [0.5, -1]],
      ['brent_change_pct', [0.5, 30, 0]],
      ['brent_change_pct', [Number.NaN, 30]],
      ['brent_peak_pct', [0.5, 30, 0.3, -1]],
      ['oil_net_shortfall_mbd', [-0.1, 30]],
      ['oil_net_shortfall_mbd', [0.5, 30, 0, -1]],
      ['oil_risk_premium_pct', [5]],
      ['war_risk_premium', [-1]],
      ['oil_revenue_change', [1.5, 10]],
      ['oil_revenue_change', [0.5, -100]],
    ];
    for (const [name, args] of bad) expect(call(name, ...args), `${name}(${args})`).toBeNaN();
  });

  test('registering again is harmless; a clashing definition is refused', () => {
    registerEconFunctions();
    expect(FUNCTIONS.brent_change_pct?.apply).toBe(ECON_FUNCTIONS.brent_change_pct!.apply);
    expect(() =>
      registerFunctions({ brent_change_pct: { ...ECON_FUNCTIONS.brent_change_pct!, apply: () => 0 } }),
    ).toThrow("cannot register the formula function 'brent_change_pct'");
  });

  test('are documented in docs/econ.md with their signatures', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/econ.md'), 'utf8');
    for (const f of Object.values(ECON_FUNCTIONS)) expect(doc).toContain(`\`${f.signature}\``);
  });
});
