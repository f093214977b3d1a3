import { describe, expect, test } from 'vitest';
import { HISTORICAL_CASES, HORMUZ_SCENARIOS, runCase } from './episodes.js';

describe('calibration against history', () => {
  for (const c of HISTORICAL_CASES) {
    test(`${c.label}: ${c.actualText} lies within the model's 80 % band`, () => {
      const r = runCase(c);
      for (const a of c.actualPct) {
        expect(a).toBeGreaterThanOrEqual(r.model.low);
        expect(a).toBeLessThanOrEqual(r.model.high);
      }
    });
  }

  test('the seizure moves are small, the Abqaiq and 1990 moves large', () => {
    const byId = new Map(HISTORICAL_CASES.map((c) => [c.id, runCase(c).model]));
    expect(byId.get('stena-impero-2019')!.high).toBeLessThan(5);
    expect(byId.get('abqaiq-2019')!.median).toBeGreaterThan(10);
    // 1990's longer loss outgrows its first-day move as the supply buffer runs out.
    expect(byId.get('kuwait-1990')!.median).toBeGreaterThan(byId.get('abqaiq-2019')!.median);
  });
});

describe('the published Hormuz scenarios', () => {
  test('Goldman’s $110 peak for −50 % over a month lies within the band', () => {
    const r = runCase(HORMUZ_SCENARIOS.find((c) => c.id === 'goldman-2025')!);
    expect(r.withinBand).toBe(true);
  });
  test('JPMorgan’s $120–130 regional war sits at the low end of Brink’s band for a full closure', () => {
    const r = runCase(HORMUZ_SCENARIOS.find((c) => c.id === 'jpmorgan-2025-month')!);
    expect(r.model.median).toBeGreaterThan(c86());
    expect(r.model.low).toBeLessThan(c86());
  });
});

/** JPMorgan's upper figure, $130, as % over $70. */
function c86(): number {
  return (130 / 70 - 1) * 100;
}
