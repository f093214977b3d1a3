// A documented JSON form of games (docs/json.md), for programs that would rather not parse Gambit's
// formats. Numbers are strings in exact form ("1/3") when exact, else JSON numbers.
import { type Num, numToText } from './num.js';
import { childrenOf } from './tree.js';
import { CHANCE, type ExtensiveGame, type StrategicGame, TERMINAL } from './types.js';

export type JsonNumber = string | number;

export interface ExtensiveGameJson {
  format: 'brink-game';
  kind: 'extensive';
  title: string;
  comment: string;
  players: string[];
  infosets: { player: number | 'chance'; label: string; actions: string[]; probs?: JsonNumber[] }[];
  outcomes: { label: string; payoffs: JsonNumber[] }[];
  /** Nodes in preorder; node 0 is the root. */
  nodes: {
    kind: 'terminal' | 'chance' | 'personal';
    label: string;
    infoset?: number;
    outcome?: number;
    children?: number[];
  }[];
}

export interface StrategicGameJson {
  format: 'brink-game';
  kind: 'strategic';
  title: string;
  comment: string;
  players: string[];
  strategies: string[][];
  /** payoffs[profile][player]; profiles numbered with player 1's strategy varying fastest. */
  payoffs: JsonNumber[][];
}

export function jsonNumber(n: Num): JsonNumber {
  return n.exact ? numToText({ value: n.value, exact: n.exact }) : n.value;
}

export function extensiveToJson(g: ExtensiveGame): ExtensiveGameJson {
  const nodes: ExtensiveGameJson['nodes'] = [];
  for (let n = 0; n < g.nodes.count; n++) {
    const kind =
      g.nodes.kind[n] === TERMINAL ? 'terminal' : g.nodes.kind[n] === CHANCE ? 'chance' : 'personal';
    const node: ExtensiveGameJson['nodes'][number] = { kind, label: g.nodes.label[n]! };
    if (kind !== 'terminal') {
      node.infoset = g.nodes.infoset[n]!;
      node.children = Array.from(childrenOf(g, n));
    }
    if (g.nodes.outcome[n]! >= 0) node.outcome = g.nodes.outcome[n]!;
    nodes.push(node);
  }
  return {
    format: 'brink-game',
    kind: 'extensive',
    title: g.title,
    comment: g.comment,
    players: g.players,
    infosets: g.infosets.map((h) => ({
      player: h.player < 0 ? 'chance' : h.player,
      label: h.label,
      actions: h.actions,
      ...(h.probs ? { probs: h.probs.map(jsonNumber) } : {}),
    })),
    outcomes: g.outcomes.map((o) => ({ label: o.label, payoffs: o.payoffs.map(jsonNumber) })),
    nodes,
  };
}

export function strategicToJson(g: StrategicGame): StrategicGameJson {
  const n = g.players.length;
  const payoffs: JsonNumber[][] = [];
  for (let p = 0; p < g.payoffs.length / n; p++)
    payoffs.push(g.payoffs.slice(p * n, p * n + n).map(jsonNumber));
  return {
    format: 'brink-game',
    kind: 'strategic',
    title: g.title,
    comment: g.comment,
    players: g.players,
    strategies: g.strategies,
    payoffs,
  };
}
