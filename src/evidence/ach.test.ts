import { describe, expect, test } from 'vitest';
import { achMatrix, consistency } from './ach.js';
import { assessSet } from './assess.js';
import { MODEL, obs } from './test-fixtures.js';

describe('ACH matrix', () => {
  test('ratings from likelihood ratios', () => {
    expect(consistency([0.8, 0.4], 0)).toBe('CC'); // ρ = 2
    expect(consistency([0.8, 0.4], 1)).toBe('II'); // ρ = 0.5
    expect(consistency([0.5, 0.4], 0)).toBe('C'); // ρ = 1.25, the lower end of C
    expect(consistency([0.5, 0.45], 0)).toBe('N'); // ρ = 1.11
    expect(consistency([0.4, 0.7], 0)).toBe('I'); // ρ = 0.571
    expect(consistency([0.7, 0.4], 0)).toBe('C'); // ρ = 1.75
  });

  test('PARC scores: inconsistency and weighted inconsistency', () => {
    // carrier seen A1: time CC (ρ 2), risk II (ρ 0.5). oil flat A1: time I (ρ 0.571), risk C (1.75).
    const a = assessSet(MODEL, 'intent', [
      obs(1, 'carrier', 'seen'),
      obs(2, 'oil', 'flat'),
      obs(3, 'patriot', 'not_seen', '2026-01-10', ['C', 1]),
    ]);
    const m = achMatrix(a);
    // patriot not_seen, w 0.6: λ = (0.1^0.6, 0.7^0.6) = (0.2512, 0.8072): time II, risk CC.
    expect(m.rows.map((r) => [r.indicator, r.ratings.join('/'), r.credibility, r.relevance])).toEqual([
      ['carrier', 'CC/II', 'High', 'Low'],
      ['oil', 'I/C', 'High', 'Medium'],
      ['patriot', 'II/CC', 'Medium', 'Medium'],
    ]);
    // patriot LR 7^0.6 = 3.214 beats carrier LR 2 in the posture group.
    expect(m.rows[2]!.maxLikelihoodRatio).toBeCloseTo(7 ** 0.6, 12);
    expect(m.inconsistency).toEqual([-3, -2]);
    // time: oil −1·√2·1 + patriot −2·1·1 = −3.41421; risk: carrier −2·√2·(1/√2) = −2.
    expect(m.weightedInconsistency[0]).toBeCloseTo(-Math.SQRT2 - 2, 12);
    expect(m.weightedInconsistency[1]).toBeCloseTo(-2, 12);
    expect(m.rows.every((r) => r.diagnostic)).toBe(true);
  });
});
