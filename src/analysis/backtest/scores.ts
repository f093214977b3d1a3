// Scoring rules for a forecast over the options of one decision (Gneiting & Raftery 2007):
//   Brier (multi-category, Brier 1950): B = Σ_k (p_k − o_k)², o_k = 1 for the real choice, else 0;
//     0 is perfect, 2 the worst, 1 − 1/K for the uniform forecast over K options.
//   log score: L = ln max(p_real, ε), higher is better; 0 is perfect, −ln K for the uniform
//     forecast. A probability of exactly 0 would give −∞, so it is floored at ε = 1e-6 (L ≥ −13.8).
//   rank of the real choice: its mid-rank, 1 + the number of options given a strictly higher
//     probability + half the number of others given the same probability (so that ties count as the
//     hit does: the uniform forecast over K options ranks every option (K + 1)/2, not first).
//   hit of the modal forecast: 1 when the real choice alone has the highest probability, 1/m when
//     it shares the highest probability with m − 1 others, else 0.

export const LOG_FLOOR = 1e-6;

export function brierScore(p: readonly number[], real: number): number {
  let s = 0;
  for (let k = 0; k < p.length; k++) s += (p[k]! - (k === real ? 1 : 0)) ** 2;
  return s;
}

export function logScore(p: readonly number[], real: number): number {
  return Math.log(Math.max(p[real]!, LOG_FLOOR));
}

export function rankOf(p: readonly number[], real: number): number {
  const higher = p.filter((x) => x > p[real]!).length;
  const tiedOthers = p.filter((x) => x === p[real]!).length - 1;
  return 1 + higher + tiedOthers / 2;
}

export function modalHit(p: readonly number[], real: number): number {
  const top = Math.max(...p);
  if (p[real]! < top) return 0;
  return 1 / p.filter((x) => x === top).length;
}

/** All four scores of one forecast. */
export interface Scores {
  readonly brier: number;
  readonly log: number;
  readonly rank: number;
  readonly hit: number;
}

export function scoreForecast(p: readonly number[], real: number): Scores {
  return {
    brier: brierScore(p, real),
    log: logScore(p, real),
    rank: rankOf(p, real),
    hit: modalHit(p, real),
  };
}

/** The uniform forecast over K options. */
export function uniformForecast(k: number): number[] {
  return new Array<number>(k).fill(1 / k);
}
