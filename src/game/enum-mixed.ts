// All extreme Nash equilibria of a two-player strategic game, as Gambit's `gambit-enummixed`
// (src/solvers/enummixed/enummixed.cc, after Mangasarian 1964): enumerate the vertices of the two
// best-response polytopes
//   P = { x >= 0 : B^T x <= 1 },   Q = { y >= 0 : A y <= 1 }
// (payoffs shifted to be positive) and keep the pairs of non-zero vertices that are complementary:
// every pure strategy is either unplayed or a best response (Avis, Rosenberg, Savani & von Stengel
// 2010, "Enumeration of Nash equilibria for two-player games", Economic Theory 42). Normalising
// such a pair gives an extreme point of the set of equilibria; degenerate games are covered because
// every vertex of each polytope is enumerated (see vertex-enumeration.ts).
// Arithmetic is exact: rational payoffs are scaled to integers; float payoffs are read as the exact
// binary fractions they are, so the equilibria returned are exact equilibria of the float game.
import { Fraction, exactFromDouble } from './num.js';
import { type ReducedFormOptions, type ReducedNormalForm, reducedNormalForm } from './reduced-normal-form.js';
import type { ExtensiveGame, MixedProfile, StrategicGame } from './types.js';
import {
  type PolytopeVertex,
  type VertexEnumerationOptions,
  enumerateVertices,
} from './vertex-enumeration.js';

export interface EnumMixedOptions extends VertexEnumerationOptions {}

export { exactFromDouble };

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * One player's payoff matrix (rows = player 1's strategies, columns = player 2's) as positive
 * integers: scaled by the common denominator and shifted so the smallest entry is 1. Equilibria
 * are unchanged by both.
 */
export function positiveIntegerPayoffs(g: StrategicGame, player: number): bigint[][] {
  const m = g.strategies[0]!.length;
  const n = g.strategies[1]!.length;
  const exact: Fraction[][] = [];
  for (let i = 0; i < m; i++) {
    const row: Fraction[] = [];
    for (let j = 0; j < n; j++) {
      const p = g.payoffs[(i + j * m) * 2 + player]!;
      row.push(p.exact ?? exactFromDouble(p.value));
    }
    exact.push(row);
  }
  let denom = 1n;
  for (const row of exact) for (const x of row) denom = lcm(denom, x.d);
  const ints = exact.map((row) => row.map((x) => x.s * x.n * (denom / x.d)));
  let min = ints[0]![0]!;
  for (const row of ints) for (const x of row) if (x < min) min = x;
  return ints.map((row) => row.map((x) => x - min + 1n));
}

function transpose(a: readonly (readonly bigint[])[]): bigint[][] {
  return a[0]!.map((_, j) => a.map((row) => row[j]!));
}

/** Label bitset (m + n labels) of a vertex. `labelOf[v]` maps polytope variable v to its label. */
function labelSet(v: PolytopeVertex, labelOf: readonly number[], words: number): Uint32Array {
  const out = new Uint32Array(words);
  for (let var_ = 0; var_ < labelOf.length; var_++) {
    if (v.zeros[var_ >>> 5]! & (1 << (var_ & 31))) {
      const l = labelOf[var_]!;
      out[l >>> 5]! |= 1 << (l & 31);
    }
  }
  return out;
}

function isOrigin(v: PolytopeVertex): boolean {
  return v.numerators.every((x) => x === 0n);
}

function normalise(v: PolytopeVertex): Fraction[] {
  const total = v.numerators.reduce((a, b) => a + b, 0n);
  return v.numerators.map((x) => new Fraction(x, total));
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** p/q as the nearest-ish double, also when p and q are too large for doubles (Fraction.valueOf gives NaN there). */
export function ratioToNumber(p: bigint, q: bigint): number {
  const shift = Math.max(bitLength(p < 0n ? -p : p), bitLength(q)) - 1000;
  if (shift > 0) {
    p >>= BigInt(shift);
    q >>= BigInt(shift);
    if (q === 0n) return p === 0n ? 0 : Number.POSITIVE_INFINITY;
  }
  return Number(p) / Number(q);
}

function toDoubles(row: readonly Fraction[]): number[] {
  return row.map((x) => ratioToNumber(x.s * x.n, x.d));
}

/** All extreme Nash equilibria of a two-player strategic game (Gambit's enummixed), exact. */
export function enumMixed(g: StrategicGame, options: EnumMixedOptions = {}): MixedProfile[] {
  if (g.players.length !== 2) throw new Error('enumMixed needs a two-player game');
  const m = g.strategies[0]!.length;
  const n = g.strategies[1]!.length;
  const a = positiveIntegerPayoffs(g, 0);
  const b = positiveIntegerPayoffs(g, 1);
  // P: variables x_0..x_{m-1} (labels 0..m-1), slacks of B^T x <= 1 (labels m..m+n-1).
  const labelsP = Array.from({ length: m + n }, (_, v) => v);
  // Q: variables y_0..y_{n-1} (labels m..m+n-1), slacks of A y <= 1 (labels 0..m-1).
  const labelsQ = Array.from({ length: n + m }, (_, v) => (v < n ? m + v : v - n));
  const words = Math.ceil((m + n) / 32);

  const vertsP = enumerateVertices(transpose(b), options).filter((v) => !isOrigin(v));
  const vertsQ = enumerateVertices(a, options).filter((v) => !isOrigin(v));
  const labP = vertsP.map((v) => labelSet(v, labelsP, words));
  const labQ = vertsQ.map((v) => labelSet(v, labelsQ, words));

  const exactGame = g.payoffs.every((p) => p.exact !== undefined);
  const normQ = new Map<number, Fraction[]>();
  const out: MixedProfile[] = [];
  let normP: Fraction[] = [];
  let lastP = -1;
  for (const [p, q] of complementaryPairs(labP, labQ, m + n)) {
    if (p !== lastP) {
      normP = normalise(vertsP[p]!);
      lastP = p;
    }
    let nq = normQ.get(q);
    if (!nq) {
      nq = normalise(vertsQ[q]!);
      normQ.set(q, nq);
    }
    const exact = [normP, nq];
    const probs = exact.map(toDoubles);
    out.push(exactGame ? { probs, exact } : { probs });
  }
  return out;
}

/**
 * Pairs (p, q) whose label sets cover all labels. For each p only the q holding its rarest
 * missing label are tried, which keeps this far below |P| x |Q| in practice.
 */
export function complementaryPairs(
  labP: readonly Uint32Array[],
  labQ: readonly Uint32Array[],
  labels: number,
): [number, number][] {
  const words = Math.ceil(labels / 32);
  const has = (set: Uint32Array, l: number) => (set[l >>> 5]! & (1 << (l & 31))) !== 0;
  const holders: number[][] = Array.from({ length: labels }, () => []);
  labQ.forEach((lq, q) => {
    for (let l = 0; l < labels; l++) if (has(lq, l)) holders[l]!.push(q);
  });
  const full = new Uint32Array(words);
  for (let l = 0; l < labels; l++) full[l >>> 5]! |= 1 << (l & 31);
  const out: [number, number][] = [];
  labP.forEach((lp, p) => {
    let rarest = -1;
    for (let l = 0; l < labels; l++) {
      if (!has(lp, l) && (rarest < 0 || holders[l]!.length < holders[rarest]!.length)) rarest = l;
    }
    // A vertex with every label would be the origin, which is never paired.
    if (rarest < 0) return;
    for (const q of holders[rarest]!) {
      const lq = labQ[q]!;
      let covers = true;
      for (let w = 0; w < words && covers; w++) covers = ((lp[w]! | lq[w]!) & full[w]!) >>> 0 === full[w]!;
      if (covers) out.push([p, q]);
    }
  });
  return out;
}

export interface ExtensiveMixedResult {
  /** The reduced strategic form the equilibria are expressed over. */
  readonly rnf: ReducedNormalForm;
  /** Extreme equilibria as mixed profiles over the reduced strategies (Gambit's output for .efg). */
  readonly equilibria: MixedProfile[];
}

/** enummixed on a two-player extensive game: runs on Gambit's reduced strategic form. */
export function enumMixedExtensive(
  g: ExtensiveGame,
  options: EnumMixedOptions & ReducedFormOptions & { rnf?: ReducedNormalForm } = {},
): ExtensiveMixedResult {
  const rnf = options.rnf ?? reducedNormalForm(g, options);
  return { rnf, equilibria: enumMixed(rnf.game, options) };
}
