// Reading a solved game back in the scenario's terms: how likely each move is at each step, and
// which complete paths (episodes) are most likely.
import { type CompiledGame, pathTo } from './compile.js';
import type { Solution } from './solve.js';

export interface StepSummary {
  /** Type id or stage id. */
  readonly step: string;
  readonly kind: 'type' | 'decision' | 'chance';
  /** The actor who moves (decisions) or owns the type; undefined for chance events. */
  readonly actor?: string;
  /** Probability that the episode reaches this step. */
  readonly reached: number;
  /** Unconditional probability of each choice (they add up to `reached`). */
  readonly choices: { readonly id: string; readonly prob: number }[];
}

export function stepSummaries(cg: CompiledGame, sol: Solution): StepSummary[] {
  const m = cg.model;
  const T = m.types.length;
  const out = cg.steps.map((step, s) => {
    const isType = s < T;
    const stage = isType ? undefined : m.stages[s - T]!;
    const actorIndex = isType ? m.types[s]!.actor : stage!.actor;
    const ids = isType ? m.types[s]!.values : stage!.choices.map((c) => c.id);
    return {
      step,
      kind: isType ? 'type' : stage!.kind,
      actor: actorIndex >= 0 ? m.actors[actorIndex] : undefined,
      reached: 0,
      choices: ids.map((id) => ({ id, prob: 0 })),
    } as {
      step: string;
      kind: StepSummary['kind'];
      actor?: string;
      reached: number;
      choices: { id: string; prob: number }[];
    };
  });
  const { childStart, childList, infoset } = cg.game.nodes;
  for (let n = 0; n < cg.game.nodes.count; n++) {
    const s = cg.nodeStep[n]!;
    if (s < 0) continue;
    const row = out[s]!;
    row.reached += sol.reach[n]!;
    const actions = cg.game.infosets[infoset[n]!]!.actions;
    for (let k = childStart[n]!, a = 0; k < childStart[n + 1]!; k++, a++) {
      row.choices.find((c) => c.id === actions[a])!.prob += sol.reach[childList[k]!]!;
    }
  }
  return out;
}

export interface PathShare {
  readonly leaf: number;
  readonly prob: number;
  /** "step=choice" for every step taken, root first. */
  readonly path: string[];
}

/** The `count` most likely complete paths, most likely first (ties in preorder). */
export function likeliestPaths(cg: CompiledGame, sol: Solution, count: number): PathShare[] {
  const order = Array.from(sol.leafProb.keys()).sort((a, b) => sol.leafProb[b]! - sol.leafProb[a]! || a - b);
  return order.slice(0, count).map((leaf) => ({
    leaf,
    prob: sol.leafProb[leaf]!,
    path: pathTo(cg, cg.leaves.node[leaf]!).map((s) => `${s.step}=${s.choice}`),
  }));
}
