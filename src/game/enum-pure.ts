// All pure-strategy Nash equilibria, as Gambit's `gambit-enumpure` (src/solvers/enumpure/enumpure.h):
// a pure profile is an equilibrium when no player has a pure strategy that pays strictly more.
// For an extensive game the search runs on Gambit's reduced strategic form and each equilibrium
// is reported as a behaviour profile (0 at information sets the player's own plan never reaches).
// One pass per player over the payoff table finds, for every choice of the others, the player's
// best payoff; a profile is an equilibrium when every player attains its best. Exact games are
// compared exactly (through the rank of each payoff among the player's distinct payoffs).
import { Fraction } from './num.js';
import {
  type ReducedFormOptions,
  type ReducedNormalForm,
  pureToBehavior,
  reducedNormalForm,
} from './reduced-normal-form.js';
import { profileFromIndex, profileStrides } from './strategic.js';
import type { BehaviorProfile, ExtensiveGame, MixedProfile, StrategicGame } from './types.js';

/**
 * Each player's payoffs as comparable doubles: the payoffs themselves for float games, or for
 * exact games the rank of the payoff among that player's distinct exact values (so that ties and
 * order are exact even where doubles would round).
 */
function comparablePayoffs(g: StrategicGame): Float64Array {
  const n = g.players.length;
  const out = new Float64Array(g.payoffs.length);
  const exact = g.payoffs.every((p) => p.exact !== undefined);
  if (!exact) {
    g.payoffs.forEach((p, k) => {
      out[k] = p.value;
    });
    return out;
  }
  for (let i = 0; i < n; i++) {
    const distinct = new Map<string, Fraction>();
    for (let k = i; k < g.payoffs.length; k += n) {
      const e = g.payoffs[k]!.exact!;
      distinct.set(`${e.s * e.n}/${e.d}`, e);
    }
    const sorted = [...distinct.entries()].sort((a, b) => a[1].compare(b[1]));
    const rank = new Map<string, number>(sorted.map(([key], r) => [key, r]));
    for (let k = i; k < g.payoffs.length; k += n) {
      const e = g.payoffs[k]!.exact!;
      out[k] = rank.get(`${e.s * e.n}/${e.d}`)!;
    }
  }
  return out;
}

/** Indices of all pure-strategy Nash equilibrium profiles, in profile order (player 0 fastest). */
export function pureEquilibriumIndices(g: StrategicGame): number[] {
  const n = g.players.length;
  const counts = g.strategies.map((s) => s.length);
  const strides = profileStrides(g);
  const total = counts.reduce((a, b) => a * b, 1);
  const pay = comparablePayoffs(g);
  // alive[p] = 1 while profile p is still a candidate.
  const alive = new Uint8Array(total).fill(1);
  for (let i = 0; i < n; i++) {
    const stride = strides[i]!;
    const count = counts[i]!;
    const block = stride * count;
    // Profiles with player i at strategy 0: low part < stride, high part a multiple of block.
    for (let high = 0; high < total; high += block) {
      for (let low = 0; low < stride; low++) {
        const base = high + low;
        let best = Number.NEGATIVE_INFINITY;
        for (let s = 0; s < count; s++) {
          const v = pay[(base + s * stride) * n + i]!;
          if (v > best) best = v;
        }
        for (let s = 0; s < count; s++) {
          const p = base + s * stride;
          if (pay[p * n + i]! < best) alive[p] = 0;
        }
      }
    }
  }
  const out: number[] = [];
  for (let p = 0; p < total; p++) if (alive[p]) out.push(p);
  return out;
}

/** All pure-strategy Nash equilibria, each as one strategy index per player. */
export function enumPure(g: StrategicGame): number[][] {
  return pureEquilibriumIndices(g).map((p) => profileFromIndex(g, p));
}

/** All pure-strategy Nash equilibria as (exact) mixed profiles, as Gambit prints them for .nfg games. */
export function enumPureMixed(g: StrategicGame): MixedProfile[] {
  return enumPure(g).map((pure) => {
    const exact = g.strategies.map((list, i) => list.map((_, s) => new Fraction(s === pure[i] ? 1 : 0)));
    return { probs: exact.map((row) => row.map((x) => x.valueOf())), exact };
  });
}

export interface ExtensivePureEquilibrium {
  /** One reduced strategy per player (indices into rnf.plans). */
  readonly pure: number[];
  /** The behaviour profile Gambit prints for it. */
  readonly behavior: BehaviorProfile;
}

/** All pure-strategy Nash equilibria of an extensive game, over its reduced strategic form. */
export function enumPureExtensive(
  g: ExtensiveGame,
  options: ReducedFormOptions & { rnf?: ReducedNormalForm } = {},
): ExtensivePureEquilibrium[] {
  const rnf = options.rnf ?? reducedNormalForm(g, options);
  return enumPure(rnf.game).map((pure) => ({ pure, behavior: pureToBehavior(g, rnf, pure) }));
}
