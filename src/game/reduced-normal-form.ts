// The reduced strategic form of an extensive game, as Gambit builds it, and the way back from
// mixed strategies over it to behaviour strategies (Kuhn 1953).
//
// A reduced strategy ("plan") fixes an action only at the information sets that the player's own
// earlier choices do not rule out; strategies differing only elsewhere are one strategy.
// Strategies are listed in the order of Gambit's GamePlayerRep::MakeReducedStrats
// (src/games/game.cc): a depth-first walk of the tree that follows every child of other players'
// and chance nodes in order and, at each of the player's information sets met for the first time,
// branches over its actions, first action outermost. Labels are Gambit's: the 1-based action
// number at each of the player's information sets in order, `*` where the plan leaves it open.
// The conversion to behaviour follows Gambit's MixedBehaviorProfile(MixedStrategyProfile)
// (src/games/behavmixed.cc): information sets the player's own strategy never reaches (or that
// only zero-probability chance moves reach) get probability 0 for every action.
import { Fraction, type Num, numFromFraction } from './num.js';
import {
  type BehaviorProfile,
  CHANCE,
  type ExtensiveGame,
  type MixedProfile,
  PERSONAL,
  type StrategicGame,
} from './types.js';

/**
 * A reduced strategy: for every information set of the game (indexed like ExtensiveGame.infosets),
 * the action index it takes, or -1 where it is left open or belongs to someone else.
 */
export type Plan = Int32Array;

export interface ReducedNormalForm {
  /** The reduced strategic game: players as in the tree, strategies labelled as Gambit does. */
  readonly game: StrategicGame;
  /** plans[player][strategy]: the actions that reduced strategy prescribes. */
  readonly plans: Plan[][];
}

export interface ReducedFormOptions {
  /** Refuse (throw) when the strategic form would have more pure profiles than this. */
  maxProfiles?: number;
}

/** The reduced strategies of one player, in Gambit's order. Throws when there are more than `limit`. */
export function reducedPlans(g: ExtensiveGame, player: number, limit = Number.POSITIVE_INFINITY): Plan[] {
  const { kind, infoset, childStart, childList } = g.nodes;
  const infosets = g.infosets;
  const plans: Plan[] = [];
  const plan = new Int32Array(infosets.length).fill(-1);
  // `pending` is the stack of subtrees still to walk for the current plan (top = next).
  const walk = (pending: number[]): void => {
    while (pending.length > 0) {
      const n = pending.pop()!;
      if (kind[n] !== PERSONAL && kind[n] !== CHANCE) continue;
      const h = infoset[n]!;
      const start = childStart[n]!;
      if (infosets[h]!.player === player) {
        const chosen = plan[h]!;
        if (chosen >= 0) {
          pending.push(childList[start + chosen]!);
          continue;
        }
        const arity = childStart[n + 1]! - start;
        for (let a = 0; a < arity; a++) {
          plan[h] = a;
          walk([...pending, childList[start + a]!]);
        }
        plan[h] = -1;
        return;
      }
      for (let c = childStart[n + 1]! - 1; c >= start; c--) pending.push(childList[c]!);
    }
    if (plans.length >= limit)
      throw new Error(`player ${player + 1} has more than ${limit} reduced strategies`);
    plans.push(plan.slice());
  };
  walk([0]);
  return plans;
}

/** Gambit's label of a reduced strategy: action numbers (1-based) at the player's information sets, `*` where open. */
export function planLabel(g: ExtensiveGame, player: number, plan: Plan): string {
  let label = '';
  g.infosets.forEach((h, i) => {
    if (h.player === player) label += plan[i]! >= 0 ? String(plan[i]! + 1) : '*';
  });
  return label === '' ? '*' : label;
}

/**
 * Walks the tree once, carrying for each player the list of its plans consistent with the path so
 * far and the product of chance probabilities; calls `visit` at every node.
 */
function walkConsistent(
  g: ExtensiveGame,
  plans: readonly (readonly Plan[])[],
  visit: (node: number, consistent: readonly (readonly number[])[], chance: Fraction | number) => void,
  exactChance: boolean,
): void {
  const { kind, infoset, childStart, childList } = g.nodes;
  const rec = (n: number, consistent: number[][], chance: Fraction | number): void => {
    visit(n, consistent, chance);
    if (kind[n] !== PERSONAL && kind[n] !== CHANCE) return;
    const h = infoset[n]!;
    const info = g.infosets[h]!;
    const start = childStart[n]!;
    const arity = childStart[n + 1]! - start;
    for (let a = 0; a < arity; a++) {
      const child = childList[start + a]!;
      if (info.player < 0) {
        const p = info.probs![a]!;
        if (p.value === 0 && (!p.exact || p.exact.n === 0n)) continue;
        const next = exactChance ? (chance as Fraction).mul(p.exact!) : (chance as number) * p.value;
        rec(child, consistent, next);
      } else {
        const mine = plans[info.player]!;
        const kept = consistent[info.player]!.filter((s) => mine[s]![h] === a);
        if (kept.length === 0) continue;
        const next = consistent.slice();
        next[info.player] = kept;
        rec(child, next, chance);
      }
    }
  };
  rec(
    0,
    plans.map((list) => list.map((_, s) => s)),
    exactChance ? new Fraction(1) : 1,
  );
}

function chanceIsExact(g: ExtensiveGame): boolean {
  return g.infosets.every((h) => h.player >= 0 || (h.probs ?? []).every((p) => p.exact !== undefined));
}

function outcomesAreExact(g: ExtensiveGame): boolean {
  return g.outcomes.every((o) => o.payoffs.every((p) => p.exact !== undefined));
}

/** Calls `f` with every index of the product of the given lists (the strategic-form profile index). */
function forEachProduct(
  lists: readonly (readonly number[])[],
  strides: readonly number[],
  f: (profile: number) => void,
): void {
  const rec = (k: number, base: number): void => {
    if (k < 0) {
      f(base);
      return;
    }
    for (const s of lists[k]!) rec(k - 1, base + s * strides[k]!);
  };
  rec(lists.length - 1, 0);
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * The reduced strategic form. Payoffs are expected payoffs over chance, adding outcomes met on
 * the way (outcomes on inner nodes count for every leaf below); exact when the game is.
 */
export function reducedNormalForm(g: ExtensiveGame, options: ReducedFormOptions = {}): ReducedNormalForm {
  const nPlayers = g.players.length;
  const limit = options.maxProfiles ?? Number.POSITIVE_INFINITY;
  const plans = g.players.map((_, i) => reducedPlans(g, i, limit));
  const counts = plans.map((p) => p.length);
  const total = counts.reduce((a, b) => a * b, 1);
  if (total > limit) {
    throw new Error(
      `the reduced strategic form has ${total} profiles, more than the limit ${options.maxProfiles}`,
    );
  }
  const strides: number[] = [];
  counts.reduce((s, c) => {
    strides.push(s);
    return s * c;
  }, 1);
  const exact = chanceIsExact(g) && outcomesAreExact(g);
  const floatSums = new Float64Array(total * nPlayers);
  // Exact sums are kept as integers over one common denominator, found in a first pass.
  const contributions: { lists: number[][]; amounts: Fraction[] }[] = [];
  walkConsistent(
    g,
    plans,
    (node, consistent, chance) => {
      const o = g.nodes.outcome[node]!;
      if (o < 0) return;
      const pays = g.outcomes[o]!.payoffs;
      if (exact) {
        const w = chance as Fraction;
        if (w.n === 0n) return;
        contributions.push({
          lists: consistent.map((l) => l.slice()),
          amounts: pays.map((p) => w.mul(p.exact!)),
        });
      } else {
        const w = chance as number;
        forEachProduct(consistent, strides, (profile) => {
          for (let i = 0; i < nPlayers; i++) floatSums[profile * nPlayers + i]! += w * pays[i]!.value;
        });
      }
    },
    exact,
  );
  let payoffs: Num[];
  if (exact) {
    let denom = 1n;
    for (const c of contributions) for (const a of c.amounts) denom = lcm(denom, a.d);
    const sums = new Array<bigint>(total * nPlayers).fill(0n);
    for (const c of contributions) {
      const nums = c.amounts.map((a) => a.s * a.n * (denom / a.d));
      forEachProduct(c.lists, strides, (profile) => {
        for (let i = 0; i < nPlayers; i++) sums[profile * nPlayers + i]! += nums[i];
      });
    }
    payoffs = sums.map((s) => numFromFraction(new Fraction(s, denom)));
  } else {
    payoffs = Array.from(floatSums, (value) => ({ value }));
  }
  const game: StrategicGame = {
    title: g.title,
    comment: g.comment,
    players: g.players.slice(),
    strategies: plans.map((list, i) => list.map((plan) => planLabel(g, i, plan))),
    payoffs,
  };
  return { game, plans };
}

/**
 * Behaviour probabilities of one player from its mixture over reduced strategies, as Gambit
 * computes them: at each of its information sets, the probability of an action is the weight of
 * the plans that reach the set and take it, over the weight of the plans that reach it. Sets the
 * player's own plans never reach, or that only zero-probability chance moves reach, get 0.
 */
function playerBehavior<T>(
  g: ExtensiveGame,
  player: number,
  plans: readonly Plan[],
  probs: readonly T[],
  ops: { zero: T; isZero: (x: T) => boolean; add: (a: T, b: T) => T; div: (a: T, b: T) => T },
  out: T[][],
): void {
  const support = probs.map((_, s) => s).filter((s) => !ops.isZero(probs[s]!));
  const { kind, infoset, childStart, childList } = g.nodes;
  const done = new Uint8Array(g.infosets.length);
  const rec = (n: number, consistent: number[]): void => {
    if (kind[n] !== PERSONAL && kind[n] !== CHANCE) return;
    const h = infoset[n]!;
    const info = g.infosets[h]!;
    const start = childStart[n]!;
    const arity = childStart[n + 1]! - start;
    if (info.player === player) {
      if (!done[h]) {
        done[h] = 1;
        let reach = ops.zero;
        const byAction = new Array<T>(arity).fill(ops.zero);
        for (const s of consistent) {
          reach = ops.add(reach, probs[s]!);
          const a = plans[s]![h]!;
          if (a >= 0) byAction[a] = ops.add(byAction[a]!, probs[s]!);
        }
        out[h] = byAction.map((w) => (ops.isZero(w) ? ops.zero : ops.div(w, reach)));
      }
      for (let a = 0; a < arity; a++) {
        const kept = consistent.filter((s) => plans[s]![h] === a);
        if (kept.length > 0) rec(childList[start + a]!, kept);
      }
      return;
    }
    for (let a = 0; a < arity; a++) {
      // A zero-probability chance move reaches nothing, as in Gambit's realization weights.
      if (info.player < 0 && info.probs![a]!.value === 0) continue;
      rec(childList[start + a]!, consistent);
    }
  };
  if (support.length > 0) rec(0, support);
}

const floatOps = {
  zero: 0,
  isZero: (x: number) => x === 0,
  add: (a: number, b: number) => a + b,
  div: (a: number, b: number) => a / b,
};
const FZERO = new Fraction(0);
const exactOps = {
  zero: FZERO,
  isZero: (x: Fraction) => x.n === 0n,
  add: (a: Fraction, b: Fraction) => a.add(b),
  div: (a: Fraction, b: Fraction) => a.div(b),
};

function chanceRows<T>(g: ExtensiveGame, out: T[][], conv: (p: Num) => T): void {
  g.infosets.forEach((h, i) => {
    if (h.player < 0) out[i] = (h.probs ?? []).map(conv);
  });
}

/**
 * The behaviour profile of a mixed profile over reduced strategies (Kuhn's theorem), with
 * Gambit's conventions (unreached information sets are all zeros; chance rows repeat the chance
 * probabilities). Exact when the mixed profile carries exact probabilities and chance is exact.
 */
export function mixedToBehavior(
  g: ExtensiveGame,
  rnf: ReducedNormalForm,
  profile: MixedProfile,
): BehaviorProfile {
  const probs = g.infosets.map((h) => h.actions.map(() => 0));
  chanceRows(g, probs, (p) => p.value);
  g.players.forEach((_, i) => {
    playerBehavior(g, i, rnf.plans[i]!, profile.probs[i]!, floatOps, probs);
  });
  const exactIn = profile.exact;
  if (!exactIn || !chanceIsExact(g)) return { probs };
  const exact = g.infosets.map((h) => h.actions.map(() => FZERO));
  chanceRows(g, exact, (p) => p.exact!);
  g.players.forEach((_, i) => {
    playerBehavior(g, i, rnf.plans[i]!, exactIn[i]!, exactOps, exact);
  });
  return { probs: exact.map((row) => row.map((x) => x.valueOf())), exact };
}

/** The behaviour profile of a pure profile (one reduced strategy per player), exact. */
export function pureToBehavior(
  g: ExtensiveGame,
  rnf: ReducedNormalForm,
  pure: readonly number[],
): BehaviorProfile {
  const exact = rnf.plans.map((list, i) => list.map((_, s) => new Fraction(s === pure[i] ? 1 : 0)));
  return mixedToBehavior(g, rnf, { probs: exact.map((r) => r.map((x) => x.valueOf())), exact });
}

/** The actions a reduced strategy prescribes, as (information set index, action index) pairs. */
export function planActions(plan: Plan): { infoset: number; action: number }[] {
  const out: { infoset: number; action: number }[] = [];
  plan.forEach((a, h) => {
    if (a >= 0) out.push({ infoset: h, action: a });
  });
  return out;
}

/** Flattens a behaviour profile player by player, information set by information set (Gambit's `NE,` order, chance left out). */
export function flattenBehavior<T>(g: ExtensiveGame, probs: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  g.infosets.forEach((h, i) => {
    if (h.player >= 0) out.push(...probs[i]!);
  });
  return out;
}
