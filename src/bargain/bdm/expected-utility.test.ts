import { describe, expect, it } from 'vitest';
import { basicUtilities, challengeUtility } from './expected-utility.js';

describe('challengeUtility', () => {
  it('with r = 1 it is 2d (1 − 2 s_j (1 − P)): d = 0.5, P = 0.25, s = 0.8 → −0.2', () => {
    expect(challengeUtility(0.5, 0.25, 0.8, 1)).toBeCloseTo(-0.2, 15);
    expect(basicUtilities(0.5, 1)).toEqual({ success: 1, failure: -1, statusQuo: 0 });
  });

  it('with r = 2: U_s = 1.75, U_f = −0.25, U_sq = 1, so 0.8 (0.4375 − 0.1875) + 0.35 − 1 = −0.45', () => {
    const u = basicUtilities(0.5, 2);
    expect(u.success).toBeCloseTo(1.75, 15);
    expect(u.failure).toBeCloseTo(-0.25, 15);
    expect(u.statusQuo).toBeCloseTo(1, 15);
    expect(challengeUtility(0.5, 0.25, 0.8, 2)).toBeCloseTo(-0.45, 15);
  });

  it('a target that never resists (s = 0) yields: EU = U_s − U_sq', () => {
    expect(challengeUtility(0.3, 0, 0, 1)).toBeCloseTo(0.6, 15);
  });
});
