// Lemke–Howson for bimatrix games (Lemke & Howson 1964, "Equilibrium points of bimatrix games";
// Shapley 1974, "A note on the Lemke–Howson algorithm"), with Gambit's "all accessible equilibria"
// search (gambit-lcp on a strategic game; src/solvers/lcp/nfglcp.cc, linalg/lhtab.imp).
//
// Choices that follow Gambit, so that the equilibria and their order match `gambit-lcp`:
//  - payoffs are shifted by min = min(smallest payoff of any outcome, 0) - 1 so that every entry is
//    positive (Gambit also divides by max - min, which changes no pivot);
//  - two tableaux: T1 has rows 1..n1 (player 1's strategies) and columns n1+1..n1+n2 holding
//    A - min, T2 has rows n1+1..n1+n2 and columns 1..n1 holding B^T - min, both with right-hand
//    side -1. Label k in 1..n1+n2 is strategy k (player 1's first, then player 2's); its
//    complement is the slack -k;
//  - the ratio test keeps the largest ratio (the solution is nonpositive in this sign convention)
//    and breaks ties lexicographically on the slack columns of the tableau (lcp-tableau.ts);
//  - LemkePath(k) enters k (or -k when k is basic) and pivots complementary labels in until k or -k
//    leaves; AllLemke starts with every label 1..n1+n2 from the artificial equilibrium and, from
//    each new equilibrium, with every label but the one that reached it, depth first. Bases are
//    identified by their set of basic strategy labels, as Gambit's BFS comparison does.
// Exact (bigint, fraction-free) for rational games, floating point otherwise.
import {
  type ExactTableau,
  type FloatTableau,
  type Tableau,
  TableauError,
  cloneTableau,
  exactTableau,
  exitRow,
  floatTableau,
  hasLabel,
  integerize,
  isBasic,
  labelAt,
  pivot,
  rowOf,
} from './lcp-tableau.js';
import { Fraction, exactFromDouble } from './num.js';
import type { MixedProfile, StrategicGame } from './types.js';

export type Arithmetic = 'auto' | 'exact' | 'float';

export interface LemkeHowsonOptions {
  /** 'auto' (default): exact when every payoff is exact. */
  readonly arithmetic?: Arithmetic;
  /** Stop after this many equilibria (0 or absent: all accessible ones). */
  readonly maxEquilibria?: number;
  /** Do not follow paths deeper than this from the artificial equilibrium (0 or absent: no limit), as gambit-lcp -r. */
  readonly maxDepth?: number;
}

/** The pair of tableaux of a bimatrix game. */
interface LhTableau {
  readonly n1: number;
  readonly n2: number;
  t1: Tableau;
  t2: Tableau;
}

export class LemkeHowsonError extends Error {}

function checkBimatrix(g: StrategicGame): [number, number] {
  if (g.players.length !== 2) {
    throw new LemkeHowsonError(
      `Lemke–Howson needs a two-player game; this one has ${g.players.length} players`,
    );
  }
  const n1 = g.strategies[0]!.length;
  const n2 = g.strategies[1]!.length;
  if (n1 === 0 || n2 === 0) throw new LemkeHowsonError('every player needs at least one strategy');
  return [n1, n2];
}

/** Payoffs of all outcomes (Gambit's GetMinPayoff ranges over outcomes, used or not). */
function outcomePayoffs(g: StrategicGame) {
  if (g.outcomeForm) return g.outcomeForm.outcomes.flatMap((o) => o.payoffs);
  return g.payoffs;
}

function isExact(g: StrategicGame): boolean {
  return (
    g.payoffs.every((p) => p.exact !== undefined) && outcomePayoffs(g).every((p) => p.exact !== undefined)
  );
}

/** Gambit's shift: min(smallest outcome payoff, 0) - 1, so that payoff - shift >= 1. */
function exactShift(g: StrategicGame): Fraction {
  let min = new Fraction(0);
  for (const p of outcomePayoffs(g)) if (p.exact!.compare(min) < 0) min = p.exact!;
  return min.sub(1);
}

function floatShift(g: StrategicGame): { min: number; scale: number } {
  let min = 0;
  let max = 0;
  for (const p of outcomePayoffs(g)) {
    min = Math.min(min, p.value);
    max = Math.max(max, p.value);
  }
  min -= 1;
  return { min, scale: 1 / (max - min) };
}

function buildTableau(g: StrategicGame, exact: boolean): LhTableau {
  const [n1, n2] = checkBimatrix(g);
  // Entry lists: T1 holds player 1's payoffs at (i, n1 + j), T2 player 2's at (n1 + j, i).
  const rows1: number[] = [];
  const cols1: number[] = [];
  const rows2: number[] = [];
  const cols2: number[] = [];
  for (let i = 1; i <= n1; i++) {
    for (let j = 1; j <= n2; j++) {
      rows1.push(i);
      cols1.push(n1 + j);
      rows2.push(n1 + j);
      cols2.push(i);
    }
  }
  const shape1 = { minRow: 1, maxRow: n1, minCol: n1 + 1, maxCol: n1 + n2 };
  const shape2 = { minRow: n1 + 1, maxRow: n1 + n2, minCol: 1, maxCol: n1 };
  const profile = (i: number, j: number) => (i - 1 + (j - 1) * n1) * 2;
  if (exact) {
    const shift = exactShift(g);
    const v1: Fraction[] = [];
    const v2: Fraction[] = [];
    for (let i = 1; i <= n1; i++) {
      for (let j = 1; j <= n2; j++) {
        v1.push(g.payoffs[profile(i, j)]!.exact!.sub(shift));
        v2.push(g.payoffs[profile(i, j) + 1]!.exact!.sub(shift));
      }
    }
    // Each tableau is scaled to integers on its own; b = -1 stays, which only rescales the
    // strategy variables and so changes no pivot.
    const one = [new Fraction(1)];
    const i1 = integerize(v1, one);
    const i2 = integerize(v2, one);
    return {
      n1,
      n2,
      t1: exactTableau(shape1, { rows: rows1, cols: cols1, values: i1.values }, new Array(n1).fill(-1n)),
      t2: exactTableau(shape2, { rows: rows2, cols: cols2, values: i2.values }, new Array(n2).fill(-1n)),
    };
  }
  const { min, scale } = floatShift(g);
  const v1: number[] = [];
  const v2: number[] = [];
  for (let i = 1; i <= n1; i++) {
    for (let j = 1; j <= n2; j++) {
      v1.push((g.payoffs[profile(i, j)]!.value - min) * scale);
      v2.push((g.payoffs[profile(i, j) + 1]!.value - min) * scale);
    }
  }
  return {
    n1,
    n2,
    t1: floatTableau(shape1, { rows: rows1, cols: cols1, values: v1 }, new Array(n1).fill(-1), 1e-12),
    t2: floatTableau(shape2, { rows: rows2, cols: cols2, values: v2 }, new Array(n2).fill(-1), 1e-12),
  };
}

function cloneLh(t: LhTableau): LhTableau {
  return { n1: t.n1, n2: t.n2, t1: cloneTableau(t.t1), t2: cloneTableau(t.t2) };
}

function memberOf(t: LhTableau, label: number): boolean {
  return isBasic(t.t1, label) || isBasic(t.t2, label);
}

/** Brings a label in by the ratio test of the tableau it belongs to; returns the label that left. */
function pivotIn(t: LhTableau, inLabel: number): number {
  const tab = hasLabel(t.t1, inLabel) ? t.t1 : t.t2;
  let row = exitRow(tab, inLabel, 'max');
  // A Lemke–Howson path never ends in a ray, so in floating point a tiny positive entry is the pivot.
  if (row < 0 && tab.kind === 'float') row = exitRow(tab, inLabel, 'max', 0);
  if (row < 0) throw new LemkeHowsonError(`no pivot row for label ${inLabel} (unbounded path)`);
  const out = labelAt(tab, row);
  pivot(tab, row, inLabel);
  return out;
}

/** Gambit's LemkePath: follows the path that drops label `dup` until a completely labelled point is reached. */
function lemkePath(t: LhTableau, dup: number): void {
  let enter = memberOf(t, dup) ? -dup : dup;
  const limit = 100 * (t.n1 + t.n2) * (t.n1 + t.n2) + 1000;
  for (let steps = 0; ; steps++) {
    if (steps > limit) throw new LemkeHowsonError('Lemke–Howson path did not terminate (cycling)');
    const exit = pivotIn(t, enter);
    if (exit === dup || exit === -dup) return;
    enter = -exit;
  }
}

/** Basic strategy labels (1..n1+n2), sorted: the identity of a basis for Gambit's duplicate test. */
function basisKey(t: LhTableau): string {
  const keys: number[] = [];
  for (let k = 1; k <= t.n1 + t.n2; k++) if (memberOf(t, k)) keys.push(k);
  return keys.join(',');
}

/** Value of a structural label in its tableau: exact for exact tableaux. */
function labelValueExact(t: ExactTableau, label: number): Fraction {
  const r = rowOf(t, label);
  return r < 0 ? new Fraction(0) : new Fraction(t.rhs[r]!, t.det);
}

function labelValueFloat(t: FloatTableau, label: number): number {
  const r = rowOf(t, label);
  return r < 0 ? 0 : t.rhs[r]!;
}

/** The mixed profile at the current basis (player 1's weights live in T2, player 2's in T1); undefined at the artificial equilibrium. */
function profileOf(t: LhTableau): MixedProfile | undefined {
  const labels1 = Array.from({ length: t.n1 }, (_, i) => i + 1);
  const labels2 = Array.from({ length: t.n2 }, (_, j) => t.n1 + j + 1);
  if (t.t1.kind === 'exact' && t.t2.kind === 'exact') {
    const w1 = labels1.map((k) => labelValueExact(t.t2 as ExactTableau, k));
    const w2 = labels2.map((k) => labelValueExact(t.t1 as ExactTableau, k));
    const normalize = (w: Fraction[]) => {
      const sum = w.reduce((a, b) => a.add(b), new Fraction(0));
      return sum.equals(0) ? undefined : w.map((x) => x.div(sum));
    };
    const p1 = normalize(w1);
    const p2 = normalize(w2);
    if (!p1 || !p2) return undefined;
    return { probs: [p1.map((f) => f.valueOf()), p2.map((f) => f.valueOf())], exact: [p1, p2] };
  }
  const w1 = labels1.map((k) => labelValueFloat(t.t2 as FloatTableau, k));
  const w2 = labels2.map((k) => labelValueFloat(t.t1 as FloatTableau, k));
  const s1 = w1.reduce((a, b) => a + b, 0);
  const s2 = w2.reduce((a, b) => a + b, 0);
  if (s1 === 0 || s2 === 0) return undefined;
  return { probs: [w1.map((x) => x / s1), w2.map((x) => x / s2)] };
}

function useExact(g: StrategicGame, arithmetic: Arithmetic | undefined): boolean {
  const exact = isExact(g);
  if (arithmetic === 'exact' && !exact) throw new LemkeHowsonError('exact arithmetic needs exact payoffs');
  return arithmetic === 'float' ? false : exact;
}

/**
 * One equilibrium: the end of the Lemke–Howson path from the artificial equilibrium that drops
 * `label` (1-based, 1..n1 for player 1's strategies, n1+1..n1+n2 for player 2's), as
 * `gambit-lcp -e 1` does with label 1.
 */
export function lemkeHowson(
  g: StrategicGame,
  label = 1,
  opts: { arithmetic?: Arithmetic } = {},
): MixedProfile {
  return withExactFallback(g, opts.arithmetic, (game, arithmetic) =>
    lemkeHowsonOnce(game, label, arithmetic),
  );
}

function lemkeHowsonOnce(g: StrategicGame, label: number, arithmetic: Arithmetic | undefined): MixedProfile {
  const t = buildTableau(g, useExact(g, arithmetic));
  if (!Number.isInteger(label) || label < 1 || label > t.n1 + t.n2) {
    throw new LemkeHowsonError(`label must be an integer from 1 to ${t.n1 + t.n2}`);
  }
  lemkePath(t, label);
  const p = profileOf(t);
  if (!p) throw new LemkeHowsonError('the path returned to the artificial equilibrium');
  return p;
}

/**
 * All equilibria accessible from the artificial equilibrium by Lemke–Howson paths and from those
 * by further paths, in the order `gambit-lcp` prints them (depth-first, labels in increasing order).
 */
export function lemkeHowsonAll(g: StrategicGame, opts: LemkeHowsonOptions = {}): MixedProfile[] {
  return withExactFallback(g, opts.arithmetic, (game, arithmetic) =>
    lemkeHowsonAllOnce(game, { ...opts, arithmetic }),
  );
}

/**
 * Floating-point pivoting can cycle on degenerate float games, where rounding hides exact ties.
 * Then the path is followed again in exact arithmetic on the doubles' exact binary values, which
 * always terminates (lexicographic rule); the answer is reported in floats, as the input was.
 */
function withExactFallback<T extends MixedProfile | MixedProfile[]>(
  g: StrategicGame,
  arithmetic: Arithmetic | undefined,
  run: (game: StrategicGame, arithmetic: Arithmetic | undefined) => T,
): T {
  if (useExact(g, arithmetic)) return run(g, arithmetic);
  try {
    const out = run(g, arithmetic);
    const all: MixedProfile[] = Array.isArray(out) ? out : [out as MixedProfile];
    // Underflow (payoffs near 5e-324) can leave 0/0 in a float profile: treat it as a failure too.
    if (all.every((m) => m.probs.every((row) => row.every(Number.isFinite)))) return out;
  } catch (e) {
    if (!(e instanceof LemkeHowsonError) && !(e instanceof TableauError)) throw e;
  }
  {
    const exactGame: StrategicGame = {
      ...g,
      payoffs: g.payoffs.map((p) => ({ value: p.value, exact: exactFromDouble(p.value) })),
    };
    const out = run(exactGame, 'exact');
    // Probabilities from the exact values: n and d can exceed a double's range here.
    const prob = (f: Fraction) => Number((f.n * 2n ** 64n) / f.d) / 2 ** 64;
    const floats = (m: MixedProfile): MixedProfile => ({
      probs: m.exact ? m.exact.map((row) => row.map(prob)) : m.probs,
    });
    return (Array.isArray(out) ? out.map(floats) : floats(out as MixedProfile)) as T;
  }
}

function lemkeHowsonAllOnce(g: StrategicGame, opts: LemkeHowsonOptions): MixedProfile[] {
  const start = buildTableau(g, useExact(g, opts.arithmetic));
  const seen = new Set<string>();
  const found: MixedProfile[] = [];
  const stopAfter = opts.maxEquilibria ?? 0;
  const maxDepth = opts.maxDepth ?? 0;
  const total = start.n1 + start.n2;

  // Returns false when the equilibrium limit is reached.
  const search = (j: number, t: LhTableau, depth: number): boolean => {
    if (maxDepth !== 0 && depth > maxDepth) return true;
    if (depth > 0) {
      const key = basisKey(t);
      if (seen.has(key)) return true;
      seen.add(key);
      const p = profileOf(t);
      if (!p) return true; // back at the artificial equilibrium
      found.push(p);
      if (stopAfter > 0 && found.length >= stopAfter) return false;
    }
    for (let i = 1; i <= total; i++) {
      if (i === j) continue;
      const copy = cloneLh(t);
      lemkePath(copy, i);
      if (!search(i, copy, depth + 1)) return false;
    }
    return true;
  };
  try {
    search(0, start, 0);
  } catch (e) {
    if (e instanceof TableauError) throw new LemkeHowsonError(e.message);
    throw e;
  }
  return found;
}
