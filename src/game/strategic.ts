// Utilities for N-player strategic (normal-form) games: profile indexing, expected payoffs,
// pure-strategy values against a mixed profile, and regret (the Nash condition).
// Profiles are numbered as in Gambit's .nfg files: player 0's strategy varies fastest.
// Sums run only over profiles in the support of the mixture, so sparse profiles (most
// equilibria) cost far less than the full table.
import { Fraction, type Num, numFromFloat, numFromFraction } from './num.js';
import type { StrategicGame } from './types.js';

type PayoffInput = number | Fraction;

function toNum(v: PayoffInput): Num {
  return typeof v === 'number' ? numFromFloat(v) : numFromFraction(v);
}

/**
 * A strategic game from strategy counts and a payoff function of the pure profile. Integer and
 * Fraction payoffs are exact; other numbers are floats. Strategies are labelled 1, 2, ...
 */
export function makeStrategicGame(
  counts: readonly number[],
  payoff: (pure: number[]) => readonly PayoffInput[],
  title = '',
): StrategicGame {
  const strategies = counts.map((c) => Array.from({ length: c }, (_, j) => String(j + 1)));
  const total = counts.reduce((a, b) => a * b, 1);
  const payoffs: Num[] = [];
  const pure = counts.map(() => 0);
  for (let p = 0; p < total; p++) {
    let rest = p;
    for (let i = 0; i < counts.length; i++) {
      pure[i] = rest % counts[i]!;
      rest = Math.floor(rest / counts[i]!);
    }
    const row = payoff(pure.slice());
    if (row.length !== counts.length) throw new Error('one payoff per player is needed');
    for (const v of row) payoffs.push(toNum(v));
  }
  return { title, comment: '', players: counts.map((_, i) => `Player ${i + 1}`), strategies, payoffs };
}

/** A two-player game from the row player's matrix A and the column player's matrix B. */
export function bimatrixGame(
  a: readonly (readonly PayoffInput[])[],
  b: readonly (readonly PayoffInput[])[],
): StrategicGame {
  return makeStrategicGame([a.length, a[0]!.length], ([i, j]) => [a[i!]![j!]!, b[i!]![j!]!]);
}

/** Number of pure strategies of each player. */
export function strategyCounts(g: StrategicGame): number[] {
  return g.strategies.map((s) => s.length);
}

/** stride[i]: how far the profile index moves when player i's strategy goes up by one. */
export function profileStrides(g: StrategicGame): number[] {
  const strides: number[] = [];
  let s = 1;
  for (const list of g.strategies) {
    strides.push(s);
    s *= list.length;
  }
  return strides;
}

export function profileCount(g: StrategicGame): number {
  return g.strategies.reduce((p, s) => p * s.length, 1);
}

/** Index of a pure profile (one strategy index per player). */
export function profileIndex(g: StrategicGame, pure: readonly number[]): number {
  let index = 0;
  let stride = 1;
  for (let i = 0; i < g.strategies.length; i++) {
    index += pure[i]! * stride;
    stride *= g.strategies[i]!.length;
  }
  return index;
}

/** The pure profile (one strategy per player) of a profile index. */
export function profileFromIndex(g: StrategicGame, index: number): number[] {
  return g.strategies.map((list) => {
    const s = index % list.length;
    index = Math.floor(index / list.length);
    return s;
  });
}

/** Payoff of `player` at a pure profile, as a double. */
export function purePayoff(g: StrategicGame, profile: number, player: number): number {
  return g.payoffs[profile * g.players.length + player]!.value;
}

/** Payoffs as a flat Float64Array (same layout as g.payoffs), for inner loops. */
export function payoffTable(g: StrategicGame): Float64Array {
  return Float64Array.from(g.payoffs, (p) => p.value);
}

/** Does every payoff have an exact rational value? */
export function isExactGame(g: StrategicGame): boolean {
  return g.payoffs.every((p) => p.exact !== undefined);
}

/** The uniform mixture of every player (Gambit's centroid). */
export function centroid(g: StrategicGame): number[][] {
  return g.strategies.map((s) => s.map(() => 1 / s.length));
}

/** The mixed profile that plays one pure strategy per player. */
export function pureToMixed(g: StrategicGame, pure: readonly number[]): number[][] {
  return g.strategies.map((s, i) => s.map((_, j) => (j === pure[i] ? 1 : 0)));
}

/**
 * Visits every profile in the support of `probs`, skipping player `skip` (its strategy stays 0
 * in `base`), with the product of the other players' probabilities.
 */
function forEachSupported(
  counts: readonly number[],
  strides: readonly number[],
  probs: readonly (readonly number[])[],
  skip: number,
  visit: (base: number, weight: number) => void,
): void {
  const rec = (k: number, base: number, w: number): void => {
    if (k < 0) {
      visit(base, w);
      return;
    }
    if (k === skip) {
      rec(k - 1, base, w);
      return;
    }
    const p = probs[k]!;
    const stride = strides[k]!;
    for (let s = 0; s < counts[k]!; s++) {
      const q = p[s]!;
      if (q !== 0) rec(k - 1, base + s * stride, w * q);
    }
  };
  // Slowest-varying player first, so the innermost loop walks contiguous memory.
  rec(counts.length - 1, 0, 1);
}

/** Expected payoff of every player under a mixed profile probs[player][strategy]. */
export function expectedPayoffs(g: StrategicGame, probs: readonly (readonly number[])[]): number[] {
  const n = g.players.length;
  const table = g.payoffs;
  const out = new Array<number>(n).fill(0);
  forEachSupported(strategyCounts(g), profileStrides(g), probs, -1, (profile, w) => {
    const at = profile * n;
    for (let i = 0; i < n; i++) out[i]! += w * table[at + i]!.value;
  });
  return out;
}

/** Payoff to `player` of each of its pure strategies when the others play their mixtures. */
export function strategyValues(
  g: StrategicGame,
  probs: readonly (readonly number[])[],
  player: number,
): number[] {
  const n = g.players.length;
  const table = g.payoffs;
  const count = g.strategies[player]!.length;
  const strides = profileStrides(g);
  const stride = strides[player]!;
  const values = new Array<number>(count).fill(0);
  forEachSupported(strategyCounts(g), strides, probs, player, (base, w) => {
    for (let s = 0; s < count; s++) values[s]! += w * table[(base + s * stride) * n + player]!.value;
  });
  return values;
}

/** Regret of each player: best pure-strategy value minus its expected payoff (never negative up to rounding). */
export function regrets(g: StrategicGame, probs: readonly (readonly number[])[]): number[] {
  return g.players.map((_, i) => {
    const values = strategyValues(g, probs, i);
    const p = probs[i]!;
    let expected = 0;
    let best = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < values.length; s++) {
      expected += p[s]! * values[s]!;
      if (values[s]! > best) best = values[s]!;
    }
    return best - expected;
  });
}

/** Largest regret over players: 0 exactly at a Nash equilibrium. */
export function maxRegret(g: StrategicGame, probs: readonly (readonly number[])[]): number {
  return Math.max(...regrets(g, probs));
}

// ---------------------------------------------------------------------------------------------
// Exact versions, over Fraction. They need every payoff exact.

const ZERO = new Fraction(0);

function exactPayoff(g: StrategicGame, index: number): Fraction {
  const e = g.payoffs[index]!.exact;
  if (!e) throw new Error('exact computation needs exact payoffs');
  return e;
}

function forEachSupportedExact(
  counts: readonly number[],
  strides: readonly number[],
  probs: readonly (readonly Fraction[])[],
  skip: number,
  visit: (base: number, weight: Fraction) => void,
): void {
  const rec = (k: number, base: number, w: Fraction): void => {
    if (k < 0) {
      visit(base, w);
      return;
    }
    if (k === skip) {
      rec(k - 1, base, w);
      return;
    }
    const p = probs[k]!;
    for (let s = 0; s < counts[k]!; s++) {
      const q = p[s]!;
      if (q.n !== 0n) rec(k - 1, base + s * strides[k]!, w.mul(q));
    }
  };
  rec(counts.length - 1, 0, new Fraction(1));
}

export function expectedPayoffsExact(g: StrategicGame, probs: readonly (readonly Fraction[])[]): Fraction[] {
  const n = g.players.length;
  const out = g.players.map(() => ZERO);
  forEachSupportedExact(strategyCounts(g), profileStrides(g), probs, -1, (profile, w) => {
    for (let i = 0; i < n; i++) out[i] = out[i]!.add(w.mul(exactPayoff(g, profile * n + i)));
  });
  return out;
}

export function strategyValuesExact(
  g: StrategicGame,
  probs: readonly (readonly Fraction[])[],
  player: number,
): Fraction[] {
  const n = g.players.length;
  const count = g.strategies[player]!.length;
  const strides = profileStrides(g);
  const stride = strides[player]!;
  const values = new Array<Fraction>(count).fill(ZERO);
  forEachSupportedExact(strategyCounts(g), strides, probs, player, (base, w) => {
    for (let s = 0; s < count; s++)
      values[s] = values[s]!.add(w.mul(exactPayoff(g, (base + s * stride) * n + player)));
  });
  return values;
}

export function regretsExact(g: StrategicGame, probs: readonly (readonly Fraction[])[]): Fraction[] {
  return g.players.map((_, i) => {
    const values = strategyValuesExact(g, probs, i);
    let expected = ZERO;
    let best = values[0]!;
    values.forEach((v, s) => {
      expected = expected.add(probs[i]![s]!.mul(v));
      if (v.compare(best) > 0) best = v;
    });
    return best.sub(expected);
  });
}

/** Largest exact regret over players: zero exactly at a Nash equilibrium. */
export function maxRegretExact(g: StrategicGame, probs: readonly (readonly Fraction[])[]): Fraction {
  return regretsExact(g, probs).reduce((a, b) => (b.compare(a) > 0 ? b : a));
}
