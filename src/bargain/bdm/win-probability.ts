// Probabilities of success in Bueno de Mesquita's model (Scholz, Calbert & Smith 2011, section 4):
// every actor k votes between positions x_i and x_j with weight c_k s_k and its own risk exponent,
// v_k = c_k s_k ((|x_k − x_j| / range)^r_k − (|x_k − x_i| / range)^r_k); P_ij is i's share of them.
// The numerator and denominator are options because the ports disagree (model.ts).
import type { Actor, WinDenominator, WinNumerator } from './model.js';

export interface VoteState {
  actors: readonly Actor[];
  /** Current positions, one per actor. */
  positions: readonly number[];
  /** hi − lo of the scale. */
  range: number;
  /** Each voter's risk exponent. */
  risks: readonly number[];
}

/** Actor k's weighted vote for position xi against xj (positive: k prefers xi). */
export function vote(s: VoteState, k: number, xi: number, xj: number): number {
  const a = s.actors[k]!;
  const xk = s.positions[k]!;
  const r = s.risks[k]!;
  return (
    a.capability * a.salience * ((Math.abs(xk - xj) / s.range) ** r - (Math.abs(xk - xi) / s.range) ** r)
  );
}

/** Σ_k Σ_a Σ_b |v_k(x_a, x_b)| over all ordered pairs of actors: the `all-dyads` denominator. */
export function allDyadsVotes(s: VoteState): number {
  const n = s.actors.length;
  let total = 0;
  for (let k = 0; k < n; k++) {
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) total += Math.abs(vote(s, k, s.positions[a]!, s.positions[b]!));
    }
  }
  return total;
}

export interface WinRule {
  winNumerator: WinNumerator;
  winDenominator: WinDenominator;
}

/**
 * The matrix P[i][j]: probability that i wins a contest against j. Zero on the diagonal and
 * between actors at the same position (there is nothing to contest), and zero when no actor
 * cares about the dyad (denominator 0).
 */
export function winProbabilities(s: VoteState, rule: WinRule): number[][] {
  const n = s.actors.length;
  const all = rule.winDenominator === 'all-dyads' ? allDyadsVotes(s) : 0;
  const p: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      const xi = s.positions[i]!;
      const xj = s.positions[j]!;
      if (i === j || xi === xj) {
        row.push(0);
        continue;
      }
      let positive = 0;
      let net = 0;
      let abs = 0;
      for (let k = 0; k < n; k++) {
        const v = vote(s, k, xi, xj);
        if (v > 0) positive += v;
        net += v;
        abs += Math.abs(v);
      }
      const top = rule.winNumerator === 'net' ? Math.max(0, net) : positive;
      const bottom = rule.winDenominator === 'all-dyads' ? all : abs;
      row.push(bottom > 0 ? top / bottom : 0);
    }
    p.push(row);
  }
  return p;
}
