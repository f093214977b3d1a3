// Security and risk exponents in Bueno de Mesquita's model (Scholz, Calbert & Smith 2011,
// section 5): with every risk exponent 1, actor i's security S_i is the sum of the others'
// expected utilities of challenging it; R_i = (2 S_i − S_max − S_min) / (S_max − S_min) and
// r_i = (1 − R_i / 3) / (1 + R_i / 3) ∈ [0.5, 2]. S_max = S_min (e.g. everyone agrees) divides by
// zero: the `allAgree` option decides (model.ts).
import { challengeUtility } from './expected-utility.js';
import type { Actor } from './model.js';
import { type WinRule, winProbabilities } from './win-probability.js';

export interface RiskResult {
  /** S_i per actor. */
  security: number[];
  /** r_i per actor (all 1 when degenerate). */
  risk: number[];
  /** S_max = S_min: the formula was undefined. */
  degenerate: boolean;
}

export function riskExponents(
  actors: readonly Actor[],
  positions: readonly number[],
  range: number,
  rule: WinRule,
): RiskResult {
  const n = actors.length;
  const ones = actors.map(() => 1);
  const p = winProbabilities({ actors, positions, range, risks: ones }, rule);
  const security = actors.map((target, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const d = Math.abs(positions[j]! - positions[i]!) / range;
      s += challengeUtility(d, p[j]![i]!, target.salience, 1);
    }
    return s;
  });
  const max = Math.max(...security);
  const min = Math.min(...security);
  // Securities equal up to rounding count as equal: the formula would amplify noise to ±1.
  const degenerate = max - min <= 1e-12 * Math.max(1, Math.abs(max), Math.abs(min));
  const risk = security.map((s) => {
    if (degenerate) return 1;
    const R = (2 * s - max - min) / (max - min);
    return (1 - R / 3) / (1 + R / 3);
  });
  return { security, risk, degenerate };
}
