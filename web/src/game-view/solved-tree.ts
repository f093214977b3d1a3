// A solved extensive game seen node by node, for the workbench's Game view: the probability of
// reaching each node under the equilibrium, the probability of each branch, the most likely path
// and what a node is (mover and information set, chance, or a leaf with its payoffs).
//
// The QRE solver of the Monte Carlo (src/analysis/solve-qre.ts) gives leaf probabilities only. The
// behaviour strategy is read back from them: a node's reach is the sum of its leaves' probabilities,
// and the probability of action a at information set h is Σ_{n∈h} reach(child_a(n)) / Σ_{n∈h} reach(n)
// — the same ratio at every node of h (Kuhn 1953: behaviour strategies act per information set),
// pooled over h so that it is defined wherever h is reached at all. At an information set reached
// with probability 0 it is not defined by the leaf probabilities (and changes no outcome): NaN.
// Chance branches carry the game's chance probabilities. Nodes are in preorder (parent before
// children), so every pass is a single sweep without recursion.
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from '../../../src/game/types.js';

export interface SolvedTree {
  readonly game: ExtensiveGame;
  /** Probability of reaching each node under the equilibrium (1 at the root). */
  readonly reach: Float64Array;
  /** Probability of the branch into each node given its parent (1 at the root; NaN where undefined). */
  readonly branch: Float64Array;
  /** 1 on the most likely path: from the root, the most probable branch at each node. */
  readonly onPath: Uint8Array;
  /** Number of nodes below each node. */
  readonly descendants: Int32Array;
  /** Payoff of every player at a terminal node. */
  readonly payoffs: (node: number) => readonly number[];
  /** Step (stage or type) decided at an inner node, for labels; '' when unknown. */
  readonly stepOf: (node: number) => string;
}

export interface SolveTreeInput {
  readonly game: ExtensiveGame;
  /** Node of each leaf, and its probability under the equilibrium (same order). */
  readonly leafNode: Int32Array;
  readonly leafProb: Float64Array;
  /** Payoffs at a terminal node (default: its outcome's payoffs). */
  readonly payoffs?: (node: number) => readonly number[];
  /** Step of an inner node (default: its information set's label up to ' | '). */
  readonly stepOf?: (node: number) => string;
}

/** Reach of every node: leaf probabilities summed up the tree (reverse preorder is bottom-up). */
export function reachFromLeaves(
  game: ExtensiveGame,
  leafNode: Int32Array,
  leafProb: Float64Array,
): Float64Array {
  const { count, parent } = game.nodes;
  const reach = new Float64Array(count);
  leafNode.forEach((n, leaf) => {
    reach[n] = leafProb[leaf]!;
  });
  for (let n = count - 1; n > 0; n--) reach[parent[n]!]! += reach[n];
  return reach;
}

/** Behaviour probabilities per information set (probs[h][a]) read back from the reach of nodes. */
export function behaviourFromReach(game: ExtensiveGame, reach: Float64Array): number[][] {
  const { count, kind, infoset, childStart, childList } = game.nodes;
  const mass = new Float64Array(game.infosets.length);
  const actionMass = game.infosets.map((h) => new Float64Array(h.actions.length));
  for (let n = 0; n < count; n++) {
    if (kind[n] !== PERSONAL) continue;
    const h = infoset[n]!;
    mass[h]! += reach[n];
    for (let c = childStart[n]!, a = 0; c < childStart[n + 1]!; c++, a++)
      actionMass[h]![a]! += reach[childList[c]!];
  }
  return game.infosets.map((h, i) =>
    h.player < 0
      ? (h.probs ?? []).map((p) => p.value)
      : Array.from(actionMass[i]!, (m) => (mass[i]! > 0 ? m / mass[i]! : Number.NaN)),
  );
}

/** Probability of the branch into each node: behaviour or chance probability of the move. */
export function branchProbabilities(game: ExtensiveGame, behaviour: number[][]): Float64Array {
  const { count, kind, infoset, childStart, childList } = game.nodes;
  const out = new Float64Array(count);
  out[0] = 1;
  for (let n = 0; n < count; n++) {
    if (kind[n] === TERMINAL) continue;
    const probs = behaviour[infoset[n]!]!;
    for (let c = childStart[n]!, a = 0; c < childStart[n + 1]!; c++, a++)
      out[childList[c]!] = probs[a] ?? Number.NaN;
  }
  return out;
}

/** The most likely path: from the root, the child with the most probable branch (first on ties). */
export function mostLikelyPath(game: ExtensiveGame, branch: Float64Array): number[] {
  const { childStart, childList } = game.nodes;
  const path = [0];
  for (let n = 0; childStart[n + 1]! > childStart[n]!; ) {
    let best = childList[childStart[n]!]!;
    for (let c = childStart[n]! + 1; c < childStart[n + 1]!; c++) {
      const k = childList[c]!;
      // NaN (undefined behaviour) never wins: comparisons with NaN are false.
      if (branch[k]! > branch[best]! || Number.isNaN(branch[best]!)) best = k;
    }
    path.push(best);
    n = best;
  }
  return path;
}

/** Nodes below each node (reverse preorder: children are counted before their parent). */
export function descendantCounts(game: ExtensiveGame): Int32Array {
  const { count, parent } = game.nodes;
  const out = new Int32Array(count);
  for (let n = count - 1; n > 0; n--) out[parent[n]!]! += out[n]! + 1;
  return out;
}

function outcomePayoffs(game: ExtensiveGame, node: number): number[] {
  const o = game.nodes.outcome[node]!;
  return o >= 0 ? game.outcomes[o]!.payoffs.map((p) => p.value) : game.players.map(() => 0);
}

export function solveTree(input: SolveTreeInput): SolvedTree {
  const { game } = input;
  const reach = reachFromLeaves(game, input.leafNode, input.leafProb);
  const branch = branchProbabilities(game, behaviourFromReach(game, reach));
  const onPath = new Uint8Array(game.nodes.count);
  for (const n of mostLikelyPath(game, branch)) onPath[n] = 1;
  return {
    game,
    reach,
    branch,
    onPath,
    descendants: descendantCounts(game),
    payoffs: input.payoffs ?? ((n) => outcomePayoffs(game, n)),
    stepOf:
      input.stepOf ??
      ((n) => {
        const h = game.nodes.infoset[n]!;
        return h >= 0 ? game.infosets[h]!.label.split(' | ')[0]! : '';
      }),
  };
}

export type NodeKindName = 'decision' | 'chance' | 'terminal';

/** What the view shows of a node: plain data, small enough to post from the worker. */
export interface NodeInfo {
  readonly id: number;
  /** -1 for the root. */
  readonly parent: number;
  readonly kind: NodeKindName;
  /** The move into this node: "us: pressure" or "leak: leaked"; '' at the root. */
  readonly move: string;
  /** Probability of that move given the parent (NaN where the behaviour is undefined). */
  readonly prob: number;
  /** Probability of reaching this node from the root. */
  readonly reach: number;
  readonly onPath: boolean;
  readonly descendants: number;
  readonly childCount: number;
  /** Inner nodes: the step decided here (stage or type). */
  readonly step?: string;
  /** Decision nodes: the mover, the information set (index and label, what the mover saw). */
  readonly player?: string;
  readonly infoset?: number;
  readonly infosetLabel?: string;
  /** Terminal nodes: every player's payoff, in player order. */
  readonly payoffs?: readonly number[];
}

/** The name of the branch into `node`: the mover (or the chance step) and the action. */
export function moveLabel(t: SolvedTree, node: number): string {
  const { parent, childStart, childList, infoset } = t.game.nodes;
  const p = parent[node]!;
  if (p < 0) return '';
  const h = t.game.infosets[infoset[p]!]!;
  const a = childList.subarray(childStart[p]!, childStart[p + 1]!).indexOf(node);
  const who = h.player >= 0 ? t.game.players[h.player]! : t.stepOf(p) || 'chance';
  return `${who}: ${h.actions[a]}`;
}

export function nodeInfo(t: SolvedTree, node: number): NodeInfo {
  const { kind, parent, infoset, childStart } = t.game.nodes;
  const k = kind[node]!;
  const base = {
    id: node,
    parent: parent[node]!,
    kind: (k === PERSONAL ? 'decision' : k === CHANCE ? 'chance' : 'terminal') as NodeKindName,
    move: moveLabel(t, node),
    prob: t.branch[node]!,
    reach: t.reach[node]!,
    onPath: t.onPath[node] === 1,
    descendants: t.descendants[node]!,
    childCount: childStart[node + 1]! - childStart[node]!,
  };
  if (k === TERMINAL) return { ...base, payoffs: [...t.payoffs(node)] };
  const h = t.game.infosets[infoset[node]!]!;
  if (k === CHANCE) return { ...base, step: t.stepOf(node) };
  return {
    ...base,
    step: t.stepOf(node),
    player: t.game.players[h.player]!,
    infoset: infoset[node]!,
    infosetLabel: h.label,
  };
}

/** The children of a node, in action order. */
export function childInfos(t: SolvedTree, node: number): NodeInfo[] {
  const { childStart, childList } = t.game.nodes;
  return Array.from(childList.subarray(childStart[node]!, childStart[node + 1]!), (c) => nodeInfo(t, c));
}

/** The most likely path of a solved tree, root first. */
export function mostLikelyPathOf(t: SolvedTree): number[] {
  return mostLikelyPath(t.game, t.branch);
}
