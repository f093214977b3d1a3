import { describe, expect, test } from 'vitest';
import { MODEL, obs } from './test-fixtures.js';
import { valueOfInformation } from './voi.js';

describe('valueOfInformation', () => {
  test('oil, from the prior: expected KL and expected shift by hand', () => {
    // π = (0.25, 0.75). P(up) = 0.25·0.6 + 0.75·0.3 = 0.375, P(flat) = 0.625.
    // π_up(time) = 0.15/0.375 = 0.4, π_flat(time) = 0.1/0.625 = 0.16.
    // KL(up) = 0.4 log2 1.6 + 0.6 log2 0.8 = 0.078072; KL(flat) = 0.16 log2 0.64 + 0.84 log2 1.12 = 0.034322.
    // E[KL] = 0.375·0.078072 + 0.625·0.034322 = 0.050728 bits; E[shift] = 0.375·0.15 + 0.625·0.09 = 0.1125.
    const oil = valueOfInformation(MODEL, 'intent', []).find((v) => v.indicator === 'oil')!;
    expect(oil.stateProbs[0]).toBeCloseTo(0.375, 12);
    expect(oil.posteriors.map((p) => p[0])).toEqual([expect.closeTo(0.4, 12), expect.closeTo(0.16, 12)]);
    expect(oil.expectedKlBits).toBeCloseTo(0.050728, 6);
    expect(oil.expectedShift).toBeCloseTo(0.1125, 12);
  });

  test('most informative first; observed indicators and overridden group members drop out', () => {
    const before = valueOfInformation(MODEL, 'intent', []).map((v) => v.indicator);
    expect(before[0]).toBe('patriot'); // LRs 3 and 7: the most diagnostic
    // Patriot not_seen (LR 7 for risk) is in: carrier's best LR (3) cannot displace it.
    const after = valueOfInformation(MODEL, 'intent', [obs(1, 'patriot', 'not_seen')]);
    expect(after.map((v) => v.indicator)).toEqual(['oil', 'carrier']);
    expect(after[1]!.expectedKlBits).toBe(0);
    expect(after[1]!.expectedShift).toBe(0);
  });
});
