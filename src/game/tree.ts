// Building extensive games node by node in preorder, and reading them back.
// The builder is streaming (a stack of open nodes) so that parsers and generators never hold a
// second copy of a large tree.
import {
  CHANCE,
  type ExtensiveGame,
  type Infoset,
  type NodeKind,
  type NodeTable,
  type Outcome,
  PERSONAL,
  TERMINAL,
} from './types.js';

class GrowableInt32 {
  data = new Int32Array(64);
  length = 0;
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  reserve(n: number): number {
    const start = this.length;
    for (let i = 0; i < n; i++) this.push(-1);
    return start;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export interface GameHeader {
  title?: string;
  comment?: string;
  players: string[];
}

/**
 * Builds an ExtensiveGame from nodes given in preorder. A personal or chance node opens as many
 * child slots as its information set has actions; later nodes fill the deepest open slot first.
 */
export class TreeBuilder {
  private readonly header: GameHeader;
  private readonly infosets: Infoset[] = [];
  private readonly outcomes: Outcome[] = [];
  private readonly kind = new GrowableInt32();
  private readonly label: string[] = [];
  private readonly infoset = new GrowableInt32();
  private readonly outcome = new GrowableInt32();
  private readonly parent = new GrowableInt32();
  private readonly childStart = new GrowableInt32();
  private readonly childList = new GrowableInt32();
  /** Open nodes and how many of their children are filled. */
  private readonly stack: { node: number; filled: number; arity: number }[] = [];
  private readonly nextNumber = new Map<number, number>();

  constructor(header: GameHeader) {
    this.header = header;
  }

  get nodeCount(): number {
    return this.kind.length;
  }

  get infosetList(): readonly Infoset[] {
    return this.infosets;
  }

  get outcomeList(): readonly Outcome[] {
    return this.outcomes;
  }

  /** Adds an information set; `number` defaults to the next free number of that player. Returns its index. */
  addInfoset(info: Omit<Infoset, 'number'> & { number?: number }): number {
    const number = info.number ?? (this.nextNumber.get(info.player) ?? 0) + 1;
    this.nextNumber.set(info.player, Math.max(number, this.nextNumber.get(info.player) ?? 0));
    // A plain literal (not a spread) keeps V8's object small: large trees hold many infosets.
    const h: Infoset = info.probs
      ? { player: info.player, number, label: info.label, actions: info.actions, probs: info.probs }
      : { player: info.player, number, label: info.label, actions: info.actions };
    this.infosets.push(h);
    return this.infosets.length - 1;
  }

  /** Adds an outcome; `number` defaults to its position (1-based). Returns its index. */
  addOutcome(o: Omit<Outcome, 'number'> & { number?: number }): number {
    this.outcomes.push({ label: o.label, number: o.number ?? this.outcomes.length + 1, payoffs: o.payoffs });
    return this.outcomes.length - 1;
  }

  /** Is the tree complete (root given and every slot filled)? */
  get complete(): boolean {
    return this.kind.length > 0 && this.stack.length === 0;
  }

  /** Appends the next node in preorder. `infoset` is -1 for terminal nodes; `outcome` -1 for none. */
  addNode(kind: NodeKind, infoset: number, outcome = -1, label = ''): number {
    if (this.complete) throw new Error('the tree is already complete');
    const arity = kind === TERMINAL ? 0 : this.infosets[infoset]!.actions.length;
    if (kind !== TERMINAL) {
      const info = this.infosets[infoset];
      if (!info) throw new Error(`no information set with index ${infoset}`);
      if ((kind === CHANCE) !== (info.player === -1))
        throw new Error('node kind does not match its information set');
    }
    const node = this.kind.push(kind);
    this.label.push(label);
    this.infoset.push(kind === TERMINAL ? -1 : infoset);
    this.outcome.push(outcome);
    this.childStart.push(this.childList.reserve(arity));
    const top = this.stack[this.stack.length - 1];
    if (top) {
      this.childList.data[this.childStart.data[top.node]! + top.filled] = node;
      this.parent.push(top.node);
      top.filled++;
      if (top.filled === top.arity) this.stack.pop();
    } else {
      this.parent.push(-1);
    }
    if (arity > 0) this.stack.push({ node, filled: 0, arity });
    return node;
  }

  /**
   * Finishes the game. Information sets are put in Gambit's order: player by player, and within a
   * player in the order they were added (for a parsed file, first appearance in preorder — Gambit
   * ignores the file's own numbering here); chance last.
   */
  finish(): ExtensiveGame {
    if (!this.complete) throw new Error('the tree is incomplete: some nodes are missing children');
    const order = this.infosets.map((_, i) => i);
    const key = (i: number) => {
      const h = this.infosets[i]!;
      return h.player === -1 ? Number.MAX_SAFE_INTEGER : h.player;
    };
    order.sort((a, b) => key(a) - key(b) || a - b);
    const newIndex = new Int32Array(order.length);
    order.forEach((old, i) => {
      newIndex[old] = i;
    });
    const infosetCol = this.infoset.toArray();
    for (let n = 0; n < infosetCol.length; n++)
      if (infosetCol[n]! >= 0) infosetCol[n] = newIndex[infosetCol[n]!]!;
    const n = this.kind.length;
    const childStart = new Int32Array(n + 1);
    childStart.set(this.childStart.data.subarray(0, n));
    childStart[n] = this.childList.length;
    const nodes: NodeTable = {
      count: n,
      kind: Uint8Array.from(this.kind.data.subarray(0, n)),
      label: this.label,
      infoset: infosetCol,
      outcome: this.outcome.toArray(),
      parent: this.parent.toArray(),
      childStart,
      childList: this.childList.toArray(),
    };
    return {
      title: this.header.title ?? '',
      comment: this.header.comment ?? '',
      players: this.header.players,
      nodes,
      infosets: order.map((i) => this.infosets[i]!),
      outcomes: this.outcomes,
    };
  }
}

/** The children of a node, in action order. */
export function childrenOf(g: ExtensiveGame, node: number): Int32Array {
  const { childStart, childList } = g.nodes;
  return childList.subarray(childStart[node]!, childStart[node + 1]!);
}

/** Number of children (= actions at the node's information set). */
export function arityOf(g: ExtensiveGame, node: number): number {
  return g.nodes.childStart[node + 1]! - g.nodes.childStart[node]!;
}

/** For each player, the indices of their information sets in Gambit's order. */
export function infosetsByPlayer(g: ExtensiveGame): number[][] {
  const out: number[][] = g.players.map(() => []);
  g.infosets.forEach((h, i) => {
    if (h.player >= 0) out[h.player]!.push(i);
  });
  return out;
}

/** The nodes of each information set. */
export function membersOf(g: ExtensiveGame): number[][] {
  const out: number[][] = g.infosets.map(() => []);
  for (let n = 0; n < g.nodes.count; n++) {
    const h = g.nodes.infoset[n]!;
    if (h >= 0) out[h]!.push(n);
  }
  return out;
}

/** Payoff vector added by a node's own outcome (zeros when it has none). */
export function nodePayoffs(g: ExtensiveGame, node: number): number[] {
  const o = g.nodes.outcome[node]!;
  if (o < 0) return g.players.map(() => 0);
  return g.outcomes[o]!.payoffs.map((p) => p.value);
}

export function isPersonal(g: ExtensiveGame, node: number): boolean {
  return g.nodes.kind[node] === PERSONAL;
}
