// The sequence form of a two-player extensive game with perfect recall (Koller, Megiddo & von
// Stengel 1996, "Efficient computation of equilibria for extensive two-person games"; von Stengel
// 1996, "Efficient computation of behavior strategies").
//
// A sequence of a player is the list of their own moves on the way to a node; under perfect recall
// it is identified by its last move (information set h, action a), and the sequences form a tree
// rooted at the empty sequence. A realization plan x gives each sequence a probability with
// E x = e: x(empty) = 1 and, for every information set h, sum_a x(h,a) = x(parent(h)).
// Payoffs are sparse matrices over pairs of sequences: A[s][t] = sum over leaves reached by s and t
// of chance probability x cumulative payoff (outcomes on inner nodes add up along the path).
//
// Order of sequences (documented, stable): the empty sequence is 0; the others are numbered in the
// order a depth-first walk of the tree meets them, children in action order: the walk enters the
// child of action a at a node of h, and creates (h, a) if it is new, before any later action of h.
// This is Gambit's own numbering (GameTreeRep::BuildSequences), which makes Lemke's tie-breaking
// match Gambit's. Constraint rows: row 0 is the empty sequence, row k + 1 the k-th information set
// of the player in Gambit's order (ExtensiveGame.infosets order).
//
// Everything is computed in one preorder sweep (no recursion), so trees of 10^6 nodes are fine.
import { Fraction } from './num.js';
import { type BehaviorProfile, CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from './types.js';

export class SequenceFormError extends Error {}

/** The sequences of one player. Index 0 is the empty sequence. */
export interface PlayerSequences {
  readonly player: number;
  /** Number of sequences, the empty one included. */
  readonly count: number;
  /** Per sequence: index (into ExtensiveGame.infosets) of the information set of its last move; -1 for the empty sequence. */
  readonly infoset: Int32Array;
  /** Per sequence: index of its last action within that information set; -1 for the empty sequence. */
  readonly action: Int32Array;
  /** Per sequence: the sequence it extends; -1 for the empty sequence. */
  readonly parent: Int32Array;
  /** The player's information sets (indices into ExtensiveGame.infosets) in Gambit's order; constraint row k + 1 is infosets[k]. */
  readonly infosets: readonly number[];
  /** Per own information set (indexed like `infosets`): the sequence leading to it. */
  readonly infosetParent: Int32Array;
  /** Per own information set (indexed like `infosets`): the sequence of each action, or -1 if the set has no nodes. */
  readonly actionSequence: readonly Int32Array[];
}

/**
 * Nonzero payoff entries over pairs (player-1 sequence, player-2 sequence), sorted by row then column.
 * `chance` is the probability, over chance moves alone, of reaching a leaf with that pair of sequences.
 */
export interface SequencePayoffs {
  readonly count: number;
  readonly row: Int32Array;
  readonly col: Int32Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly chance: Float64Array;
  /** Exact values, present when every payoff and chance probability of the game is exact. */
  readonly exact?: {
    readonly a: readonly Fraction[];
    readonly b: readonly Fraction[];
    readonly chance: readonly Fraction[];
  };
}

export interface SequenceForm {
  readonly players: readonly [PlayerSequences, PlayerSequences];
  /** Per player: the player's own sequence at each node (the moves of that player on the path to it). */
  readonly nodeSequences: readonly [Int32Array, Int32Array];
  readonly payoffs: SequencePayoffs;
  /** True when payoffs.exact is present. */
  readonly exact: boolean;
}

/** A sparse matrix as coordinate lists. */
export interface SparseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly entryRow: Int32Array;
  readonly entryCol: Int32Array;
  readonly value: Float64Array;
}

/** Throws a SequenceFormError unless the game has two players. */
export function checkTwoPlayers(g: ExtensiveGame): void {
  if (g.players.length !== 2) {
    throw new SequenceFormError(
      `the sequence form needs a two-player game; this one has ${g.players.length} players`,
    );
  }
}

function describeInfoset(g: ExtensiveGame, h: number): string {
  const info = g.infosets[h]!;
  return `information set ${info.number}${info.label ? ` "${info.label}"` : ''} of player ${info.player + 1}`;
}

/** Index of each node among its parent's children (its action); -1 for the root. */
function actionIndex(g: ExtensiveGame): Int32Array {
  const { count, childStart, childList } = g.nodes;
  const out = new Int32Array(count).fill(-1);
  for (let n = 0; n < count; n++) {
    for (let k = childStart[n]!, a = 0; k < childStart[n + 1]!; k++, a++) out[childList[k]!] = a;
  }
  return out;
}

function isExactGame(g: ExtensiveGame): boolean {
  for (const o of g.outcomes) for (const p of o.payoffs) if (!p.exact) return false;
  for (const h of g.infosets) if (h.player < 0) for (const p of h.probs ?? []) if (!p.exact) return false;
  return true;
}

interface Builder {
  infoset: number[];
  action: number[];
  parent: number[];
  /** Sequence of (h, a) keyed by actionBase[h] + a. */
  lookup: Int32Array;
}

/**
 * Builds the sequence form. Throws SequenceFormError if the game does not have two players or
 * lacks perfect recall (with the information set where it fails).
 */
export function sequenceForm(g: ExtensiveGame): SequenceForm {
  checkTwoPlayers(g);
  const { count, kind, infoset, outcome, parent } = g.nodes;
  const act = actionIndex(g);
  const actionBase = new Int32Array(g.infosets.length + 1);
  g.infosets.forEach((h, i) => {
    actionBase[i + 1] = actionBase[i]! + h.actions.length;
  });
  const builders: Builder[] = [0, 1].map(() => ({
    infoset: [-1],
    action: [-1],
    parent: [-1],
    lookup: new Int32Array(actionBase[g.infosets.length]!).fill(-1),
  }));
  // Current own sequence of each player at each node, and the parent sequence of each set.
  const seq = [new Int32Array(count), new Int32Array(count)];
  const setParent = new Int32Array(g.infosets.length).fill(-1);
  const exact = isExactGame(g);
  const chanceF = new Float64Array(count);
  const pay = [new Float64Array(count), new Float64Array(count)];
  const chanceX: Fraction[] = exact ? new Array(count) : [];
  const payX: Fraction[][] = exact ? [new Array(count), new Array(count)] : [];
  const zero = new Fraction(0);

  for (let n = 0; n < count; n++) {
    const p = parent[n]!;
    if (p < 0) {
      chanceF[n] = 1;
      if (exact) chanceX[n] = new Fraction(1);
    } else {
      seq[0]![n] = seq[0]![p]!;
      seq[1]![n] = seq[1]![p]!;
      pay[0]![n] = pay[0]![p]!;
      pay[1]![n] = pay[1]![p]!;
      if (exact) {
        payX[0]![n] = payX[0]![p]!;
        payX[1]![n] = payX[1]![p]!;
      }
      const h = infoset[p]!;
      const a = act[n]!;
      if (kind[p] === CHANCE) {
        const prob = g.infosets[h]!.probs?.[a];
        if (!prob)
          throw new SequenceFormError(
            `chance ${describeInfoset(g, h)} has no probability for action ${a + 1}`,
          );
        chanceF[n] = chanceF[p]! * prob.value;
        if (exact) chanceX[n] = chanceX[p]!.mul(prob.exact!);
      } else {
        chanceF[n] = chanceF[p]!;
        if (exact) chanceX[n] = chanceX[p]!;
        // The walk meets (h, a) here for the first time or again; number it on first sight.
        const pl = g.infosets[h]!.player;
        const b = builders[pl]!;
        const key = actionBase[h]! + a;
        let s = b.lookup[key]!;
        if (s < 0) {
          s = b.infoset.length;
          b.lookup[key] = s;
          b.infoset.push(h);
          b.action.push(a);
          b.parent.push(setParent[h]!);
        }
        seq[pl]![n] = s;
      }
    }
    const o = outcome[n]!;
    if (o >= 0) {
      const pays = g.outcomes[o]!.payoffs;
      pay[0]![n] += pays[0]!.value;
      pay[1]![n] += pays[1]!.value;
      if (exact) {
        payX[0]![n] = (payX[0]![n] ?? zero).add(pays[0]!.exact!);
        payX[1]![n] = (payX[1]![n] ?? zero).add(pays[1]!.exact!);
      }
    }
    if (kind[n] === PERSONAL) {
      const h = infoset[n]!;
      const pl = g.infosets[h]!.player;
      const mine = seq[pl]![n]!;
      if (setParent[h]! < 0) setParent[h] = mine;
      else if (setParent[h] !== mine) {
        throw new SequenceFormError(
          `the game does not have perfect recall: the nodes of ${describeInfoset(g, h)} follow different own moves of that player`,
        );
      }
    }
  }

  const players = [0, 1].map((pl) => finishPlayer(g, pl, builders[pl]!, actionBase, setParent)) as [
    PlayerSequences,
    PlayerSequences,
  ];
  const payoffs = collectPayoffs(g, seq, chanceF, pay, exact ? { chance: chanceX, pay: payX } : undefined);
  return { players, nodeSequences: [seq[0]!, seq[1]!], payoffs, exact };
}

function finishPlayer(
  g: ExtensiveGame,
  pl: number,
  b: Builder,
  actionBase: Int32Array,
  setParent: Int32Array,
): PlayerSequences {
  const infosets: number[] = [];
  g.infosets.forEach((h, i) => {
    if (h.player === pl) infosets.push(i);
  });
  const infosetParent = new Int32Array(infosets.length);
  const actionSequence = infosets.map((h, k) => {
    infosetParent[k] = setParent[h]! < 0 ? 0 : setParent[h]!;
    const n = g.infosets[h]!.actions.length;
    const out = new Int32Array(n);
    for (let a = 0; a < n; a++) out[a] = b.lookup[actionBase[h]! + a]!;
    return out;
  });
  return {
    player: pl,
    count: b.infoset.length,
    infoset: Int32Array.from(b.infoset),
    action: Int32Array.from(b.action),
    parent: Int32Array.from(b.parent),
    infosets,
    infosetParent,
    actionSequence,
  };
}

function collectPayoffs(
  g: ExtensiveGame,
  seq: Int32Array[],
  chanceF: Float64Array,
  pay: Float64Array[],
  ex: { chance: Fraction[]; pay: Fraction[][] } | undefined,
): SequencePayoffs {
  const { count, kind } = g.nodes;
  const zero = new Fraction(0);
  // Leaves sorted by (row, column) so entries come out sorted; pairs repeat when chance splits.
  const leaves: number[] = [];
  for (let n = 0; n < count; n++) if (kind[n] === TERMINAL) leaves.push(n);
  leaves.sort((x, y) => seq[0]![x]! - seq[0]![y]! || seq[1]![x]! - seq[1]![y]! || x - y);
  const row: number[] = [];
  const col: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const chance: number[] = [];
  const xa: Fraction[] = [];
  const xb: Fraction[] = [];
  const xc: Fraction[] = [];
  for (const n of leaves) {
    const r = seq[0]![n]!;
    const c = seq[1]![n]!;
    const k = row.length - 1;
    const same = k >= 0 && row[k] === r && col[k] === c;
    const pc = chanceF[n]!;
    if (same) {
      a[k] += pc * pay[0]![n]!;
      b[k] += pc * pay[1]![n]!;
      chance[k] += pc;
    } else {
      row.push(r);
      col.push(c);
      a.push(pc * pay[0]![n]!);
      b.push(pc * pay[1]![n]!);
      chance.push(pc);
    }
    if (ex) {
      const cx = ex.chance[n]!;
      const ax = cx.mul(ex.pay[0]![n] ?? zero);
      const bx = cx.mul(ex.pay[1]![n] ?? zero);
      if (same) {
        xa[k] = xa[k]!.add(ax);
        xb[k] = xb[k]!.add(bx);
        xc[k] = xc[k]!.add(cx);
      } else {
        xa.push(ax);
        xb.push(bx);
        xc.push(cx);
      }
    }
  }
  if (ex) {
    // Recompute floats from the exact sums so both views agree to the last bit.
    for (let k = 0; k < row.length; k++) {
      a[k] = xa[k]!.valueOf();
      b[k] = xb[k]!.valueOf();
      chance[k] = xc[k]!.valueOf();
    }
  }
  return {
    count: row.length,
    row: Int32Array.from(row),
    col: Int32Array.from(col),
    a: Float64Array.from(a),
    b: Float64Array.from(b),
    chance: Float64Array.from(chance),
    exact: ex ? { a: xa, b: xb, chance: xc } : undefined,
  };
}

/**
 * The constraint matrix of a player (E for player 1, F for player 2): one row per constraint
 * (row 0: x(empty) = 1; row k + 1: -x(parent of set k) + sum of x(set k, a) = 0), one column per
 * sequence. The right-hand side is e = (1, 0, ..., 0), see constraintRhs.
 */
export function constraintMatrix(ps: PlayerSequences): SparseMatrix {
  const r: number[] = [0];
  const c: number[] = [0];
  const v: number[] = [1];
  ps.infosets.forEach((_, k) => {
    const seqs = ps.actionSequence[k]!;
    if (seqs.length === 0 || seqs[0]! < 0) return; // a set without nodes constrains nothing
    r.push(k + 1);
    c.push(ps.infosetParent[k]!);
    v.push(-1);
    for (const s of seqs) {
      r.push(k + 1);
      c.push(s);
      v.push(1);
    }
  });
  return {
    rows: ps.infosets.length + 1,
    cols: ps.count,
    entryRow: Int32Array.from(r),
    entryCol: Int32Array.from(c),
    value: Float64Array.from(v),
  };
}

/** The right-hand side of the constraints: e = (1, 0, ..., 0). */
export function constraintRhs(ps: PlayerSequences): Float64Array {
  const e = new Float64Array(ps.infosets.length + 1);
  e[0] = 1;
  return e;
}

/** The payoff matrix of a player (0: A, 1: B) as a sparse matrix over (player-1 sequence, player-2 sequence). */
export function payoffMatrix(sf: SequenceForm, player: 0 | 1): SparseMatrix {
  const p = sf.payoffs;
  return {
    rows: sf.players[0].count,
    cols: sf.players[1].count,
    entryRow: p.row,
    entryCol: p.col,
    value: player === 0 ? p.a : p.b,
  };
}

/** The realization plan of a player's behaviour strategy: x(s) = product of the probabilities of the moves of s. */
export function realizationPlan(ps: PlayerSequences, b: BehaviorProfile): Float64Array {
  const x = new Float64Array(ps.count);
  x[0] = 1;
  // A sequence's parent is always numbered before it.
  for (let s = 1; s < ps.count; s++) x[s] = x[ps.parent[s]!]! * b.probs[ps.infoset[s]!]![ps.action[s]!]!;
  return x;
}

/** Exact version of realizationPlan for exact behaviour profiles. */
export function realizationPlanExact(ps: PlayerSequences, b: BehaviorProfile): Fraction[] {
  if (!b.exact) throw new SequenceFormError('the behaviour profile has no exact values');
  const x: Fraction[] = [new Fraction(1)];
  for (let s = 1; s < ps.count; s++) x.push(x[ps.parent[s]!]!.mul(b.exact[ps.infoset[s]!]![ps.action[s]!]!));
  return x;
}

/**
 * Behaviour strategies from realization plans (one per player, indexed by sequence):
 * b(h, a) = x(h, a) / x(parent(h)) wherever the player's own plan reaches h (x(parent(h)) > 0), even
 * if the opponent or chance prevents reaching it. Where the player's own plan excludes h, every
 * action gets 0 and then, as Gambit's MixedBehaviorProfile::UndefinedToCentroid does, any set that
 * is reached with probability 0 and whose probabilities sum to 0 gets the uniform distribution.
 * Chance sets repeat the chance probabilities. Exact plans give an exact profile.
 */
export function behaviorFromRealization(
  g: ExtensiveGame,
  sf: SequenceForm,
  plans:
    | readonly [ArrayLike<number>, ArrayLike<number>]
    | readonly [readonly Fraction[], readonly Fraction[]],
): BehaviorProfile {
  const isExact = plans[0].length > 0 && plans[0][0] instanceof Fraction;
  const zero = new Fraction(0);
  const probs: number[][] = g.infosets.map((h) =>
    h.player < 0 ? h.probs!.map((p) => p.value) : h.actions.map(() => 0),
  );
  const exact: Fraction[][] | undefined = isExact
    ? g.infosets.map((h) =>
        h.player < 0 ? h.probs!.map((p) => p.exact ?? new Fraction(p.value)) : h.actions.map(() => zero),
      )
    : undefined;
  for (const ps of sf.players) {
    const x = plans[ps.player]!;
    for (let s = 1; s < ps.count; s++) {
      const h = ps.infoset[s]!;
      const a = ps.action[s]!;
      if (exact) {
        const xs = (x as readonly Fraction[])[s]!;
        const xp = (x as readonly Fraction[])[ps.parent[s]!]!;
        if (xp.compare(0) > 0) exact[h]![a] = xs.div(xp);
      } else {
        const xs = (x as ArrayLike<number>)[s]!;
        const xp = (x as ArrayLike<number>)[ps.parent[s]!]!;
        if (xp > 0) probs[h]![a] = xs / xp;
      }
    }
  }
  if (exact) exact.forEach((row, h) => row.forEach((f, a) => (probs[h]![a] = f.valueOf())));
  undefinedToCentroid(g, probs, exact);
  return exact ? { probs, exact } : { probs };
}

/** Gambit's UndefinedToCentroid: sets reached with probability 0 whose probabilities sum to 0 become uniform. */
function undefinedToCentroid(g: ExtensiveGame, probs: number[][], exact: Fraction[][] | undefined): void {
  const reach = infosetReached(g, probs, exact);
  g.infosets.forEach((h, i) => {
    if (h.player < 0 || reach[i] || h.actions.length === 0) return;
    const total = exact ? exact[i]!.every((f) => f.compare(0) === 0) : probs[i]!.every((p) => p === 0);
    if (!total) return;
    const k = h.actions.length;
    for (let a = 0; a < k; a++) {
      probs[i]![a] = 1 / k;
      if (exact) exact[i]![a] = new Fraction(1, k);
    }
  });
}

/** Which information sets are reached with positive probability under the profile (exactly, when exact). */
function infosetReached(g: ExtensiveGame, probs: number[][], exact: Fraction[][] | undefined): Uint8Array {
  const { count, kind, infoset, childStart, childList } = g.nodes;
  const reached = new Uint8Array(count);
  reached[0] = 1;
  const out = new Uint8Array(g.infosets.length);
  for (let n = 0; n < count; n++) {
    if (!reached[n] || kind[n] === TERMINAL) continue;
    const h = infoset[n]!;
    out[h] = 1;
    for (let k = childStart[n]!, a = 0; k < childStart[n + 1]!; k++, a++) {
      const positive = exact ? exact[h]![a]!.compare(0) > 0 : probs[h]![a]! > 0;
      if (positive) reached[childList[k]!] = 1;
    }
  }
  return out;
}
