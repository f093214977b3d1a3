// Seeded random games for property tests and benchmarks. Same seed, same options → same game.
// Random numbers come from pure-rand's xoroshiro128+ (Blackman & Vigna 2018).
//
// Trees are grown top-down in preorder straight into a TreeBuilder, splitting a node budget among
// children, so a tree of 10^6 nodes is built without any intermediate copy and has exactly the
// requested number of nodes (see `feasibleSize`). Information sets are formed only by merging a
// new decision node into an existing information set of the same player whose nodes share the
// node's own history (the player's last information set and action on the path) and number of
// actions; that keeps perfect recall by construction (Kuhn 1953: a player's information set
// members must have identical own histories).
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { Fraction, type Num, numFromFloat } from './num.js';
import { TreeBuilder } from './tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, type StrategicGame, TERMINAL } from './types.js';

export type { RandomGenerator };

/** A seeded generator (mutated in place by every draw). */
export function makeRng(seed: number): RandomGenerator {
  return xoroshiro128plus(seed | 0);
}

export interface PayoffOptions {
  /** Smallest payoff (default -10). */
  min?: number;
  /** Largest payoff (default 10). */
  max?: number;
  /** Draw floats uniformly in [min, max) instead of integers (then payoffs are not exact). */
  float?: boolean;
}

/** One random payoff: an exact integer in [min, max], or a float in [min, max). */
export function randomPayoff(rng: RandomGenerator, opts: PayoffOptions = {}): Num {
  const v = drawValue(rng, opts);
  return opts.float ? { value: v } : numFromFloat(v);
}

const playerNames = (n: number) => Array.from({ length: n }, (_, i) => `Player ${i + 1}`);

export interface StrategicOptions extends PayoffOptions {
  seed: number;
  /** Number of strategies of each player, e.g. [3, 3, 2]. */
  shape: number[];
}

/** A random N-player strategic game of the given shape (payoffs[profile * n + player], player 0 fastest). */
export function randomStrategicGame(opts: StrategicOptions): StrategicGame {
  const rng = makeRng(opts.seed);
  const n = opts.shape.length;
  const profiles = opts.shape.reduce((a, b) => a * b, 1);
  const payoffs: Num[] = new Array(profiles * n);
  for (let i = 0; i < payoffs.length; i++) payoffs[i] = randomPayoff(rng, opts);
  return {
    title: `Random ${opts.shape.join('x')} game (seed ${opts.seed})`,
    comment: '',
    players: playerNames(n),
    strategies: opts.shape.map((k) => Array.from({ length: k }, (_, j) => `${j + 1}`)),
    payoffs,
  };
}

export interface ZeroSumOptions extends PayoffOptions {
  seed: number;
  rows: number;
  cols: number;
  /** The constant the two payoffs add up to (default 0). */
  constant?: number;
}

/** A random rows × cols matrix of row-player payoffs. */
export function randomMatrix(opts: ZeroSumOptions): Num[][] {
  const rng = makeRng(opts.seed);
  return Array.from({ length: opts.rows }, () =>
    Array.from({ length: opts.cols }, () => randomPayoff(rng, opts)),
  );
}

/** The 2-player constant-sum strategic game whose row player gets matrix[i][j] and column player constant − matrix[i][j]. */
export function matrixGame(matrix: Num[][], constant = 0, title = 'Matrix game'): StrategicGame {
  const rows = matrix.length;
  const cols = matrix[0]?.length ?? 0;
  const payoffs: Num[] = new Array(rows * cols * 2);
  const c = new Fraction(constant);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) {
      const a = matrix[i]![j]!;
      const p = j * rows + i;
      payoffs[2 * p] = a;
      payoffs[2 * p + 1] = a.exact
        ? { value: c.sub(a.exact).valueOf(), exact: c.sub(a.exact) }
        : { value: constant - a.value };
    }
  }
  return {
    title,
    comment: '',
    players: playerNames(2),
    strategies: [
      Array.from({ length: rows }, (_, i) => `${i + 1}`),
      Array.from({ length: cols }, (_, j) => `${j + 1}`),
    ],
    payoffs,
  };
}

/** A random 2-player zero-sum (or constant-sum) strategic game. */
export function randomZeroSumGame(opts: ZeroSumOptions): StrategicGame {
  return matrixGame(
    randomMatrix(opts),
    opts.constant ?? 0,
    `Random ${opts.rows}x${opts.cols} zero-sum game (seed ${opts.seed})`,
  );
}

export interface TreeOptions extends PayoffOptions {
  seed: number;
  /** Exact number of nodes (rounded up to odd when maxActions is 2; at least 1, never 2). */
  nodes: number;
  /** Number of players (default 2). */
  players?: number;
  /** Most actions at a node (default 3; at least 2). Every inner node has 2..maxActions actions. */
  maxActions?: number;
  /** Probability that an inner node is a chance node (default 0.15). */
  chance?: number;
  /** Payoffs of each outcome add up to zero (so the game is zero-sum). */
  zeroSum?: boolean;
  /** Probability that an inner node carries an outcome too (default 0), as Gambit allows. */
  innerOutcomes?: number;
}

export interface ImperfectTreeOptions extends TreeOptions {
  /** Probability of merging a decision node into an existing, compatible information set (default 0.5). */
  merge?: number;
}

/** A random extensive game with chance nodes, imperfect information and perfect recall. */
export function randomExtensiveGame(opts: ImperfectTreeOptions): ExtensiveGame {
  return growTree(opts, opts.merge ?? 0.5, `Random extensive game, ${opts.nodes} nodes (seed ${opts.seed})`);
}

/** A random perfect-information tree with chance nodes (every decision node its own information set). */
export function randomPerfectInfoGame(opts: TreeOptions): ExtensiveGame {
  return growTree(opts, 0, `Random perfect-information game, ${opts.nodes} nodes (seed ${opts.seed})`);
}

/** Can a subtree have exactly b nodes when every inner node has 2..K children? (K = 2: only odd sizes.) */
export function feasibleSize(b: number, K: number): boolean {
  if (b < 1) return false;
  return K === 2 ? b % 2 === 1 : b !== 2;
}

/** Can R nodes be split into m feasible subtrees? */
function feasibleSplit(R: number, m: number, K: number): boolean {
  if (m === 0) return R === 0;
  if (R < m) return false;
  return K === 2 ? (R - m) % 2 === 0 : R !== m + 1;
}

/** A random integer in [lo, hi] satisfying ok, or -1: a few random tries, then a scan from a random start. */
function pick(rng: RandomGenerator, lo: number, hi: number, ok: (x: number) => boolean): number {
  if (hi < lo) return -1;
  for (let t = 0; t < 8; t++) {
    const x = uniformInt(rng, lo, hi);
    if (ok(x)) return x;
  }
  const span = hi - lo + 1;
  const start = uniformInt(rng, 0, span - 1);
  for (let d = 0; d < span; d++) {
    const x = lo + ((start + d) % span);
    if (ok(x)) return x;
  }
  return -1;
}

const actionLabels: string[][] = [];
/** Action labels shared by all information sets of the same size, so large trees stay small. */
function actionsFor(k: number): string[] {
  if (!actionLabels[k]) actionLabels[k] = Array.from({ length: k }, (_, i) => `a${i + 1}`);
  return actionLabels[k]!;
}

/** State of one tree generation. */
interface Grower {
  rng: RandomGenerator;
  b: TreeBuilder;
  K: number;
  nPlayers: number;
  chance: number;
  merge: number;
  innerOutcomes: number;
  payoffs: PayoffOptions;
  zeroSum: boolean;
  /** Outcome index per payoff vector, so integer payoffs share a bounded set of outcomes. */
  outcomeIndex: Map<number | string, number>;
  /** Payoff vector of the outcome being drawn. */
  scratch: Float64Array;
  /** Bound on |payoff| used to key integer payoff vectors. */
  keyOffset: number;
  /** A few random chance distributions per arity, shared between chance nodes. */
  chancePool: Num[][][];
  /** The current own sequence (0 = empty) of each player along the path being built. */
  own: Int32Array;
  /** First sequence id of each information set's actions (personal sets only). */
  seqBase: number[];
  nextSeq: Int32Array;
  /** Per player: own sequence → information sets that can still take members with that history. */
  open: Map<number, number[]>[];
}

function growTree(opts: TreeOptions, merge: number, title: string): ExtensiveGame {
  const K = Math.max(2, opts.maxActions ?? 3);
  let n = Math.max(1, Math.floor(opts.nodes));
  if (!feasibleSize(n, K)) n++;
  const nPlayers = opts.players ?? 2;
  const g: Grower = {
    rng: makeRng(opts.seed),
    b: new TreeBuilder({ title, players: playerNames(nPlayers) }),
    K,
    nPlayers,
    chance: opts.chance ?? 0.15,
    merge,
    innerOutcomes: opts.innerOutcomes ?? 0,
    payoffs: opts,
    zeroSum: opts.zeroSum ?? false,
    outcomeIndex: new Map(),
    scratch: new Float64Array(nPlayers),
    keyOffset:
      nPlayers * Math.max(Math.abs(Math.ceil(opts.min ?? -10)), Math.abs(Math.floor(opts.max ?? 10))),
    chancePool: [],
    own: new Int32Array(nPlayers),
    seqBase: [],
    nextSeq: new Int32Array(nPlayers),
    open: Array.from({ length: nPlayers }, () => new Map()),
  };
  growNode(g, n);
  return g.b.finish();
}

/** Adds one subtree of exactly `budget` nodes in preorder. */
function growNode(g: Grower, budget: number): void {
  if (budget === 1) {
    g.b.addNode(TERMINAL, -1, randomOutcome(g));
    return;
  }
  const isChance = g.rng.next() >>> 0 < g.chance * 0x100000000;
  const player = isChance ? -1 : uniformInt(g.rng, 0, g.nPlayers - 1);
  const infoset = isChance ? newChanceInfoset(g, budget) : personalInfoset(g, player, budget);
  const k = g.b.infosetList[infoset]!.actions.length;
  const withOutcome = g.innerOutcomes > 0 && uniformFloat64(g.rng) < g.innerOutcomes;
  g.b.addNode(isChance ? CHANCE : PERSONAL, infoset, withOutcome ? randomOutcome(g) : -1);
  let remaining = budget - 1;
  for (let a = 0; a < k; a++) {
    const left = k - a - 1;
    const size = pick(
      g.rng,
      1,
      remaining - left,
      (p) => feasibleSize(p, g.K) && feasibleSplit(remaining - p, left, g.K),
    );
    const saved = player >= 0 ? g.own[player]! : 0;
    if (player >= 0) g.own[player] = g.seqBase[infoset]! + a + 1;
    growNode(g, size);
    if (player >= 0) g.own[player] = saved;
    remaining -= size;
  }
}

/** A random number of actions that lets `budget - 1` nodes be split among the children. */
function randomArity(g: Grower, budget: number): number {
  return pick(g.rng, 2, Math.min(g.K, budget - 1), (k) => feasibleSplit(budget - 1, k, g.K));
}

function newChanceInfoset(g: Grower, budget: number): number {
  const k = randomArity(g, budget);
  if (!g.chancePool[k]) g.chancePool[k] = [];
  const pool = g.chancePool[k]!;
  let probs: Num[];
  if (pool.length < 4) {
    probs = randomDistribution(g.rng, k);
    pool.push(probs);
  } else {
    probs = pool[uniformInt(g.rng, 0, pool.length - 1)]!;
  }
  return g.b.addInfoset({ player: -1, label: '', actions: actionsFor(k), probs });
}

/** A random exact distribution over k actions: integer weights 1..4 normalised. */
function randomDistribution(rng: RandomGenerator, k: number): Num[] {
  const w = Array.from({ length: k }, () => uniformInt(rng, 1, 4));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => {
    const f = new Fraction(x, total);
    return { value: f.valueOf(), exact: f };
  });
}

/** Either an existing information set with the same own history and a usable arity, or a new one. */
function personalInfoset(g: Grower, player: number, budget: number): number {
  const key = g.own[player]!;
  const open = g.open[player]!;
  if (g.merge > 0 && uniformFloat64(g.rng) < g.merge) {
    const candidates = open.get(key);
    if (candidates && candidates.length > 0) {
      for (let t = 0; t < 4; t++) {
        const h = candidates[uniformInt(g.rng, 0, candidates.length - 1)]!;
        if (feasibleSplit(budget - 1, g.b.infosetList[h]!.actions.length, g.K)) return h;
      }
    }
  }
  const k = randomArity(g, budget);
  const h = g.b.addInfoset({ player, label: '', actions: actionsFor(k) });
  g.seqBase[h] = g.nextSeq[player]!;
  g.nextSeq[player]! += k;
  if (g.merge > 0) {
    const list = open.get(key);
    if (list) list.push(h);
    else open.set(key, [h]);
  }
  return h;
}

/** A random outcome; integer payoff vectors are shared through a pool keyed by their values. */
function randomOutcome(g: Grower): number {
  const vals = g.scratch;
  let sum = 0;
  for (let i = 0; i < g.nPlayers; i++) {
    const v = g.zeroSum && i === g.nPlayers - 1 ? -sum : drawValue(g.rng, g.payoffs);
    vals[i] = v;
    sum += v;
  }
  if (g.payoffs.float)
    return g.b.addOutcome({ label: '', payoffs: Array.from(vals, (value) => ({ value })) });
  // Payoffs are integers within ±nPlayers·bound, so a mixed-radix number identifies the vector.
  const base = 2 * g.keyOffset + 1;
  let key: number | string = 0;
  if (base ** g.nPlayers < Number.MAX_SAFE_INTEGER) {
    for (let i = g.nPlayers - 1; i >= 0; i--) key = (key as number) * base + vals[i]! + g.keyOffset;
  } else {
    key = vals.join(',');
  }
  let idx = g.outcomeIndex.get(key);
  if (idx === undefined) {
    idx = g.b.addOutcome({ label: '', payoffs: Array.from(vals, (v) => numFromFloat(v + 0)) });
    g.outcomeIndex.set(key, idx);
  }
  return idx;
}

/** A raw payoff value, as randomPayoff draws it. */
function drawValue(rng: RandomGenerator, opts: PayoffOptions): number {
  const min = opts.min ?? -10;
  const max = opts.max ?? 10;
  if (opts.float) return min + (max - min) * uniformFloat64(rng);
  return uniformInt(rng, Math.ceil(min), Math.floor(max));
}
