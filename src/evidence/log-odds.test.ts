import { describe, expect, test } from 'vitest';
import { logOdds, temperedLog, updateLogOdds } from './log-odds.js';

describe('updating in log-odds', () => {
  test('two hypotheses: posterior odds = prior odds × likelihood ratio', () => {
    // Prior 0.25 / 0.75 (odds 1:3); λ = (0.8, 0.4) (LR 2) → odds 2:3 → 0.4.
    const post = updateLogOdds([0.25, 0.75], [temperedLog([0.8, 0.4], 1)])!;
    expect(post[0]).toBeCloseTo(0.4, 12);
    expect(logOdds(post[0]!)).toBeCloseTo(Math.log(1 / 3) + Math.log(2), 12);
  });
  test('a tempered report moves the log-odds by w · log LR', () => {
    // w = 0.5: LR 2 counts as √2; odds (1/3)·√2 = 0.4714 → p = 0.4714 / 1.4714 = 0.320377.
    const post = updateLogOdds([0.25, 0.75], [temperedLog([0.8, 0.4], 0.5)])!;
    expect(post[0]).toBeCloseTo(Math.SQRT2 / 3 / (1 + Math.SQRT2 / 3), 12);
    expect(post[0]).toBeCloseTo(0.320377, 6);
  });
  test('three hypotheses, two items, either order', () => {
    // Prior (0.5, 0.3, 0.2); λ1 = (0.9, 0.5, 0.1), λ2 = (0.2, 0.4, 0.8):
    // products 0.5·0.18 = 0.09, 0.3·0.2 = 0.06, 0.2·0.08 = 0.016; Σ 0.166.
    const a = temperedLog([0.9, 0.5, 0.1], 1);
    const b = temperedLog([0.2, 0.4, 0.8], 1);
    const ab = updateLogOdds([0.5, 0.3, 0.2], [a, b])!;
    const ba = updateLogOdds([0.5, 0.3, 0.2], [b, a])!;
    [0.09 / 0.166, 0.06 / 0.166, 0.016 / 0.166].forEach((p, h) => {
      expect(ab[h]).toBeCloseTo(p, 12);
      expect(ba[h]).toBeCloseTo(p, 12);
    });
  });
  test('a zero likelihood rules a hypothesis out; w = 0 ignores the report', () => {
    expect(updateLogOdds([0.5, 0.5], [temperedLog([0, 0.4], 1)])).toEqual([0, 1]);
    expect(updateLogOdds([0.5, 0.5], [temperedLog([0, 0.4], 0)])).toEqual([0.5, 0.5]);
    expect(updateLogOdds([0.5, 0.5], [temperedLog([0, 0], 1)])).toBeUndefined();
  });
});
