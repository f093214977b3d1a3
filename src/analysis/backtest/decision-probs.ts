// The predicted choice at the decision of an episode, read off one solved game: the probability of
// each option at the decision stage, conditional on the situation (the moves already made) and on
// the stage being reached,
//   P(option k | S) = Σ_{ℓ ∈ S, h_d(ℓ) = k} ρ(ℓ) / Σ_{ℓ ∈ S, h_d(ℓ) ≥ 0} ρ(ℓ),
// where ρ is the leaf probability under the equilibrium, S the leaves whose paths take the
// situation's moves, and h_d(ℓ) the choice taken at the decision step on ℓ's path (-1 when the
// stage did not happen). Under the agent logit QRE every action has positive probability, so the
// condition is well defined even off the equilibrium path (McKelvey & Palfrey 1998); the mover's
// beliefs about what it cannot see are those of the equilibrium (Bayes' rule on ρ), which is what
// "the decision reached by that situation" means in the solved game.

/** Leaves whose histories take every situation move and play the decision step. */
export interface DecisionCells {
  /** Per leaf: the option index at the decision (−1: not in the situation or the stage not played). */
  readonly cell: Int16Array;
  /** Leaves in the situation with the decision played: 0 means the situation never reaches the decision. */
  readonly reached: number;
}

/** Classifies the leaves once per tree (histories as in leaf-frame.ts: history[leaf * S + step]). */
export function decisionCells(
  history: Int16Array,
  steps: number,
  situation: readonly (readonly [number, number])[],
  decisionStep: number,
): DecisionCells {
  const count = history.length / steps;
  const cell = new Int16Array(count).fill(-1);
  let reached = 0;
  for (let l = 0; l < count; l++) {
    const base = l * steps;
    if (!situation.every(([s, c]) => history[base + s] === c)) continue;
    const k = history[base + decisionStep]!;
    if (k < 0) continue;
    cell[l] = k;
    reached++;
  }
  return { cell, reached };
}

/** P(option | situation, decision reached) for `options` options; NaNs when the condition has no mass. */
export function decisionProbabilities(
  cells: DecisionCells,
  leafProb: ArrayLike<number>,
  options: number,
): number[] {
  const mass = new Array<number>(options).fill(0);
  let total = 0;
  for (let l = 0; l < cells.cell.length; l++) {
    const k = cells.cell[l]!;
    if (k < 0) continue;
    const w = leafProb[l]!;
    mass[k]! += w;
    total += w;
  }
  return mass.map((m) => (total > 0 ? m / total : Number.NaN));
}
