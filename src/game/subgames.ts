// Proper subgames of an extensive game (Selten 1975, "Reexamination of the perfectness concept for
// equilibrium points in extensive games", §2; Kuhn 1953), and the games built from them: a subtree
// as a game of its own, and a game with solved subgames replaced by terminal nodes paying their
// values.
//
// A node is a proper subgame root when it is the root, or it is a decision or chance node whose
// subtree holds every node of every personal information set it meets (its own included). This is
// Gambit's rule (GameNodeRep::IsSubgameRoot, pygambit's node.is_subgame_root): chance information
// sets impose nothing, since chance has no information to lose, and an absent-minded set lying
// wholly below the node does not stop it from being a root. Terminal nodes other than the root are
// not subgame roots.
//
// In preorder the subtree of node n is the interval [n, end[n]), so "n's subtree holds all of set
// h" is lo[h] >= n && hi[h] < end[n] for the first and last node of h: one reverse sweep computes,
// for every node, the smallest lo and largest hi over the sets in its subtree.
import { type Num, numToText } from './num.js';
import {
  CHANCE,
  type ExtensiveGame,
  type Infoset,
  type NodeTable,
  type Outcome,
  PERSONAL,
  TERMINAL,
} from './types.js';

/** end[n]: one past the last node of n's subtree (its nodes are n .. end[n] - 1 in preorder). */
export function subtreeEnds(g: ExtensiveGame): Int32Array {
  const { count, parent } = g.nodes;
  const end = new Int32Array(count);
  for (let n = 0; n < count; n++) end[n] = n + 1;
  for (let n = count - 1; n > 0; n--) {
    const p = parent[n]!;
    if (end[n]! > end[p]!) end[p] = end[n]!;
  }
  return end;
}

/** Is node n a proper subgame root? One entry per node; computed for all nodes at once. */
export function subgameRootFlags(g: ExtensiveGame, end = subtreeEnds(g)): Uint8Array {
  const { count, kind, infoset, parent } = g.nodes;
  const lo = new Int32Array(g.infosets.length).fill(count);
  const hi = new Int32Array(g.infosets.length).fill(-1);
  for (let n = 0; n < count; n++) {
    if (kind[n] !== PERSONAL) continue;
    const h = infoset[n]!;
    if (n < lo[h]!) lo[h] = n;
    if (n > hi[h]!) hi[h] = n;
  }
  // minLo[n], maxHi[n]: extremes of lo and hi over the personal sets met in n's subtree.
  const minLo = new Int32Array(count).fill(count);
  const maxHi = new Int32Array(count).fill(-1);
  const flags = new Uint8Array(count);
  for (let n = count - 1; n >= 0; n--) {
    if (kind[n] === PERSONAL) {
      const h = infoset[n]!;
      if (lo[h]! < minLo[n]!) minLo[n] = lo[h]!;
      if (hi[h]! > maxHi[n]!) maxHi[n] = hi[h]!;
    }
    const inner = kind[n] === PERSONAL || kind[n] === CHANCE;
    if (n === 0 || (inner && minLo[n]! >= n && maxHi[n]! < end[n]!)) flags[n] = 1;
    const p = parent[n]!;
    if (p >= 0) {
      if (minLo[n]! < minLo[p]!) minLo[p] = minLo[n]!;
      if (maxHi[n]! > maxHi[p]!) maxHi[p] = maxHi[n]!;
    }
  }
  return flags;
}

/** The proper subgame roots, in preorder (node 0, the root of the whole game, first). */
export function subgameRoots(g: ExtensiveGame): Int32Array {
  const flags = subgameRootFlags(g);
  const out: number[] = [];
  for (let n = 0; n < flags.length; n++) if (flags[n]) out.push(n);
  return Int32Array.from(out);
}

export interface SubgameNode {
  /** Root node of the subgame. */
  readonly root: number;
  /** One past its last node in preorder. */
  readonly end: number;
  /** Index (in the list) of the smallest subgame strictly containing it; -1 for the whole game. */
  readonly parent: number;
  /** Indices of the largest subgames strictly inside it, in preorder of their roots. */
  readonly children: number[];
}

/**
 * The proper subgames as a tree, listed in postorder (every subgame after the subgames inside it,
 * siblings in the order of the game tree; the whole game last), which is the order to solve them.
 */
export function subgameTree(g: ExtensiveGame): SubgameNode[] {
  const end = subtreeEnds(g);
  const flags = subgameRootFlags(g, end);
  const roots: number[] = [];
  for (let n = 0; n < flags.length; n++) if (flags[n]) roots.push(n);
  // Postorder of nested intervals: by end, and among equal ends the inner (later) root first.
  const order = roots.slice().sort((a, b) => end[a]! - end[b]! || b - a);
  const position = new Map<number, number>();
  order.forEach((r, i) => {
    position.set(r, i);
  });
  const parentOf = new Int32Array(order.length).fill(-1);
  // Walking the roots in preorder with a stack of open subgames finds each one's parent.
  const stack: number[] = [];
  for (const r of roots) {
    while (stack.length > 0 && end[stack[stack.length - 1]!]! <= r) stack.pop();
    if (stack.length > 0) parentOf[position.get(r)!] = position.get(stack[stack.length - 1]!)!;
    stack.push(r);
  }
  const children: number[][] = order.map(() => []);
  for (const r of roots) {
    const i = position.get(r)!;
    if (parentOf[i]! >= 0) children[parentOf[i]!]!.push(i);
  }
  return order.map((r, i) => ({ root: r, end: end[r]!, parent: parentOf[i]!, children: children[i]! }));
}

// ------------------------------------------------------------------ building games from parts

/** A subtree to replace by a terminal node paying `payoffs` (which should include the outcome at the cut node itself). */
export interface Cut {
  readonly node: number;
  readonly payoffs: Num[];
}

export interface PartialGame {
  readonly game: ExtensiveGame;
  /** nodeMap[new node] = node of the original game. */
  readonly nodeMap: Int32Array;
  /** infosetMap[new information set] = information set of the original game. */
  readonly infosetMap: Int32Array;
}

/**
 * The game played from `root` on, with each cut subtree replaced by a terminal node paying the
 * cut's payoffs. Information sets met are kept in their original order and renumbered 1, 2, ...
 * within each player; all players are kept (a player may have no move left). The outcomes met are
 * kept in their original order (with their numbers), and one new outcome per cut is appended. Cuts must lie strictly inside root's subtree and
 * not inside one another. Cutting through an information set (not at proper subgame roots)
 * is allowed but then the result splits that set's meaning; callers cut at subgame roots.
 */
export function buildPartialGame(
  g: ExtensiveGame,
  root: number,
  cuts: readonly Cut[] = [],
  end: Int32Array = subtreeEnds(g),
): PartialGame {
  const { kind, infoset, outcome, parent, childStart, childList, label } = g.nodes;
  const stop = end[root]!;
  const sorted = cuts.slice().sort((a, b) => a.node - b.node);
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!.node;
    if (c <= root || c >= stop)
      throw new Error(`cut at node ${c} is not strictly inside the subtree of node ${root}`);
    if (i > 0 && c < end[sorted[i - 1]!.node]!)
      throw new Error(`cut at node ${c} lies inside the cut at node ${sorted[i - 1]!.node}`);
    if (sorted[i]!.payoffs.length !== g.players.length)
      throw new Error(`cut at node ${c} needs one payoff per player`);
  }
  // Pass 1: which nodes stay (preorder, jumping over cut subtrees).
  const kept: number[] = [];
  const cutAt = new Map<number, number>();
  const newIndex = new Int32Array(stop - root).fill(-1);
  for (let n = root, ci = 0; n < stop; ) {
    newIndex[n - root] = kept.length;
    kept.push(n);
    if (ci < sorted.length && sorted[ci]!.node === n) {
      cutAt.set(n, ci++);
      n = end[n]!;
    } else n++;
  }
  // Information sets and outcomes met, in original order; sets renumbered per player. Maps, not
  // arrays over the whole game, so that building a piece costs its size only.
  const setIndex = new Map<number, number>();
  const outcomeIndex = new Map<number, number>();
  for (const n of kept) {
    if (cutAt.has(n)) continue;
    if (infoset[n]! >= 0) setIndex.set(infoset[n]!, -1);
    if (outcome[n]! >= 0) outcomeIndex.set(outcome[n]!, -1);
  }
  const infosetMap = Array.from(setIndex.keys()).sort((a, b) => a - b);
  const numbers = new Map<number, number>();
  const infosets: Infoset[] = infosetMap.map((old, i) => {
    setIndex.set(old, i);
    const h = g.infosets[old]!;
    const number = (numbers.get(h.player) ?? 0) + 1;
    numbers.set(h.player, number);
    return { ...h, number };
  });
  const outcomes: Outcome[] = Array.from(outcomeIndex.keys())
    .sort((a, b) => a - b)
    .map((old, i) => {
      outcomeIndex.set(old, i);
      return g.outcomes[old]!;
    });
  let nextNumber = outcomes.reduce((m, o) => Math.max(m, o.number), 0);
  // Pass 2: the node table.
  const count = kept.length;
  const nodes = {
    count,
    kind: new Uint8Array(count),
    label: new Array<string>(count),
    infoset: new Int32Array(count),
    outcome: new Int32Array(count),
    parent: new Int32Array(count),
    childStart: new Int32Array(count + 1),
    childList: [] as number[],
  };
  kept.forEach((n, i) => {
    nodes.label[i] = label[n] ?? '';
    nodes.parent[i] = n === root ? -1 : newIndex[parent[n]! - root]!;
    nodes.childStart[i] = nodes.childList.length;
    const ci = cutAt.get(n);
    if (ci !== undefined) {
      const pay = sorted[ci]!.payoffs;
      outcomes.push({
        label: `value of subgame at node ${n}: (${pay.map(numToText).join(', ')})`,
        number: ++nextNumber,
        payoffs: pay,
      });
      nodes.kind[i] = TERMINAL;
      nodes.infoset[i] = -1;
      nodes.outcome[i] = outcomes.length - 1;
      return;
    }
    nodes.kind[i] = kind[n]!;
    nodes.infoset[i] = infoset[n]! >= 0 ? setIndex.get(infoset[n]!)! : -1;
    nodes.outcome[i] = outcome[n]! >= 0 ? outcomeIndex.get(outcome[n]!)! : -1;
    for (let k = childStart[n]!; k < childStart[n + 1]!; k++)
      nodes.childList.push(newIndex[childList[k]! - root]!);
  });
  nodes.childStart[count] = nodes.childList.length;
  const table: NodeTable = { ...nodes, childList: Int32Array.from(nodes.childList) };
  const where = root === 0 ? '' : ` (subgame at node ${root})`;
  const game: ExtensiveGame = {
    title: `${g.title}${where}`,
    comment: g.comment,
    players: g.players.slice(),
    nodes: table,
    infosets,
    outcomes,
  };
  return { game, nodeMap: Int32Array.from(kept), infosetMap: Int32Array.from(infosetMap) };
}

/** The subgame rooted at `root` as a game of its own (for a proper subgame root). */
export function extractSubgame(g: ExtensiveGame, root: number): PartialGame {
  return buildPartialGame(g, root, []);
}

/** The whole game with each cut subtree replaced by a terminal node paying the cut's payoffs. */
export function truncateGame(g: ExtensiveGame, cuts: readonly Cut[]): PartialGame {
  return buildPartialGame(g, 0, cuts);
}
