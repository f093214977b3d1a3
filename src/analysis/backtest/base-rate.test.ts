import { describe, expect, it } from 'vitest';
import { baseRateForecast, classRates } from './base-rate.js';

describe('base-rate baseline', () => {
  it('smooths class counts by one: (n_c + 1) / (N + 3)', () => {
    // Other episodes: match, match, escalate → (2+1)/6, (1+1)/6, (0+1)/6.
    const r = classRates(['match', 'match', 'escalate']);
    expect(r.match).toBeCloseTo(3 / 6, 15);
    expect(r.escalate).toBeCloseTo(2 / 6, 15);
    expect(r['de-escalate']).toBeCloseTo(1 / 6, 15);
    // With no other episodes every class is 1/3.
    expect(classRates([])).toEqual({ 'de-escalate': 1 / 3, match: 1 / 3, escalate: 1 / 3 });
  });

  it("shares a class's rate among its options and drops classes the episode lacks", () => {
    const r = classRates(['match', 'match', 'escalate']);
    // Options: match, match, escalate → weights 0.25, 0.25, 1/3, normalised by 5/6.
    const q = baseRateForecast(['match', 'match', 'escalate'], r);
    expect(q[0]).toBeCloseTo(0.3, 15);
    expect(q[1]).toBeCloseTo(0.3, 15);
    expect(q[2]).toBeCloseTo(0.4, 15);
    // Options de-escalate, escalate only: 1/6 and 2/6 → 1/3, 2/3.
    const q2 = baseRateForecast(['de-escalate', 'escalate'], r);
    expect(q2[0]).toBeCloseTo(1 / 3, 15);
    expect(q2[1]).toBeCloseTo(2 / 3, 15);
  });
});
