import { describe, expect, it } from 'vitest';
import {
  LOG_FLOOR,
  brierScore,
  logScore,
  modalHit,
  rankOf,
  scoreForecast,
  uniformForecast,
} from './scores.js';

describe('scoring rules', () => {
  it('gives the multi-category Brier score Σ (p_k − o_k)²', () => {
    // (0.2 − 0)² + (0.5 − 1)² + (0.3 − 0)² = 0.04 + 0.25 + 0.09 = 0.38
    expect(brierScore([0.2, 0.5, 0.3], 1)).toBeCloseTo(0.38, 15);
    // A sure, right forecast scores 0; a sure, wrong one scores 2.
    expect(brierScore([0, 1, 0], 1)).toBe(0);
    expect(brierScore([1, 0, 0], 1)).toBe(2);
  });

  it('gives the uniform forecast Brier 1 − 1/K and log score −ln K', () => {
    expect(brierScore(uniformForecast(3), 0)).toBeCloseTo(2 / 3, 15);
    expect(brierScore(uniformForecast(4), 2)).toBeCloseTo(3 / 4, 15);
    expect(logScore(uniformForecast(3), 2)).toBeCloseTo(-Math.log(3), 15);
  });

  it('gives the log score ln p(real), floored at ε', () => {
    expect(logScore([0.2, 0.5, 0.3], 1)).toBeCloseTo(Math.log(0.5), 15);
    expect(logScore([1, 0, 0], 1)).toBe(Math.log(LOG_FLOOR));
  });

  it('ranks the real choice and counts shared modes as part hits', () => {
    expect(rankOf([0.2, 0.5, 0.3], 1)).toBe(1);
    expect(rankOf([0.2, 0.5, 0.3], 0)).toBe(3);
    expect(rankOf([0.4, 0.4, 0.2], 1)).toBe(1.5);
    expect(rankOf([1 / 3, 1 / 3, 1 / 3], 2)).toBe(2);
    expect(modalHit([0.2, 0.5, 0.3], 1)).toBe(1);
    expect(modalHit([0.2, 0.5, 0.3], 2)).toBe(0);
    expect(modalHit([0.4, 0.4, 0.2], 0)).toBe(0.5);
    expect(scoreForecast([0.2, 0.5, 0.3], 2)).toEqual({
      brier: brierScore([0.2, 0.5, 0.3], 2),
      log: Math.log(0.3),
      rank: 2,
      hit: 0,
    });
  });
});
