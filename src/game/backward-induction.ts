// Backward induction: the subgame-perfect equilibrium in pure strategies of a finite game of
// perfect information, chance moves allowed (Zermelo 1913; Kuhn 1953, "Extensive games and the
// problem of information", Theorem 3; Selten 1975 for subgame perfection).
//
// One reverse sweep over the preorder numbering (children have larger indices than their parent),
// over typed arrays: no recursion and no per-node objects, so trees of 10^6 nodes take well under
// a second and a few dozen bytes per node.
//
// Ties: the mover takes the first action (lowest index) whose value is within the tolerance of the
// best; the result says how many decisions were ties, since then other subgame-perfect equilibria
// exist. Information sets without nodes get their first action.
import { Fraction, type Num } from './num.js';
import { type BehaviorProfile, CHANCE, type ExtensiveGame, PERSONAL } from './types.js';

export class BackwardInductionError extends Error {
  override name = 'BackwardInductionError';
}

export interface BackwardInductionOptions {
  /** Values within tolerance · max(1, |best|) of the best count as ties. Default 1e-12. */
  tolerance?: number;
}

export interface BackwardInductionResult {
  /** The pure behaviour profile (chance sets keep their probabilities). Its rows are shared and frozen. */
  profile: BehaviorProfile;
  /** Expected payoff of each player from each node on under the profile: values[node * players + player]. */
  values: Float64Array;
  /** Chosen action of each information set; -1 for chance sets. */
  actions: Int32Array;
  /** Number of decisions where more than one action was best. */
  tiedDecisions: number;
  ties: boolean;
}

/** Why backward induction cannot be applied (a personal information set with several nodes), or undefined. */
export function perfectInformationViolation(g: ExtensiveGame): string | undefined {
  const members = new Int32Array(g.infosets.length);
  const { count, kind, infoset } = g.nodes;
  for (let n = 0; n < count; n++) {
    if (kind[n] === PERSONAL) members[infoset[n]!]++;
  }
  for (let h = 0; h < g.infosets.length; h++) {
    if (members[h]! > 1) {
      const info = g.infosets[h]!;
      const label = info.label ? ` "${info.label}"` : '';
      return `backward induction needs perfect information, but information set ${info.number}${label} of player ${info.player + 1} (${g.players[info.player]}) has ${members[h]} nodes; solve games of imperfect information with subgamePerfect and an equilibrium solver`;
    }
  }
  return undefined;
}

/** Frozen one-hot rows, shared between information sets with the same arity and choice. */
function unitRows(): (arity: number, action: number) => number[] {
  const cache = new Map<number, number[]>();
  return (arity, action) => {
    const key = arity * 65536 + action;
    let row = cache.get(key);
    if (!row) {
      row = Object.freeze(Array.from({ length: arity }, (_, a) => (a === action ? 1 : 0))) as number[];
      cache.set(key, row);
    }
    return row;
  };
}

function profileFromActions(g: ExtensiveGame, actions: Int32Array): BehaviorProfile {
  const unit = unitRows();
  // Chance sets often share one probability list (generated trees do); so do their rows.
  const chanceRows = new Map<readonly Num[], number[]>();
  const chanceRow = (probs: readonly Num[]) => {
    let row = chanceRows.get(probs);
    if (!row) {
      row = Object.freeze(probs.map((p) => p.value)) as number[];
      chanceRows.set(probs, row);
    }
    return row;
  };
  return {
    probs: g.infosets.map((h, i) =>
      h.player < 0 ? chanceRow(h.probs!) : unit(h.actions.length, actions[i]!),
    ),
  };
}

/** All chance probabilities in one flat array: set h's start at offset[h] (-1 for personal sets). */
function flatChanceProbs(g: ExtensiveGame): { offset: Int32Array; probs: Float64Array } {
  const offset = new Int32Array(g.infosets.length).fill(-1);
  let size = 0;
  g.infosets.forEach((h, i) => {
    if (h.player < 0) {
      offset[i] = size;
      size += h.actions.length;
    }
  });
  const probs = new Float64Array(size);
  g.infosets.forEach((h, i) => {
    h.probs?.forEach((p, a) => {
      if (h.player < 0) probs[offset[i]! + a] = p.value;
    });
  });
  return { offset, probs };
}

/**
 * The pure subgame-perfect equilibrium of a perfect-information game found by backward induction.
 * Throws BackwardInductionError when a personal information set has more than one node.
 */
export function backwardInduction(
  g: ExtensiveGame,
  options: BackwardInductionOptions = {},
): BackwardInductionResult {
  const violation = perfectInformationViolation(g);
  if (violation) throw new BackwardInductionError(violation);
  const tol = options.tolerance ?? 1e-12;
  const np = g.players.length;
  const { count, kind, infoset, outcome, childStart, childList } = g.nodes;
  const player = Int32Array.from(g.infosets, (h) => h.player);
  const chance = flatChanceProbs(g);
  const pay = new Float64Array(g.outcomes.length * np);
  g.outcomes.forEach((o, i) => {
    for (let p = 0; p < np; p++) pay[i * np + p] = o.payoffs[p]?.value ?? 0;
  });
  const values = new Float64Array(count * np);
  const actions = new Int32Array(g.infosets.length);
  for (let h = 0; h < g.infosets.length; h++) if (player[h]! < 0) actions[h] = -1;
  let tiedDecisions = 0;

  for (let n = count - 1; n >= 0; n--) {
    const base = n * np;
    const start = childStart[n]!;
    const end = childStart[n + 1]!;
    if (kind[n] === CHANCE) {
      const first = chance.offset[infoset[n]!]! - start;
      for (let k = start; k < end; k++) {
        const w = chance.probs[first + k]!;
        const c = childList[k]! * np;
        for (let p = 0; p < np; p++) values[base + p] += w * values[c + p]!;
      }
    } else if (kind[n] === PERSONAL) {
      const h = infoset[n]!;
      if (end === start) throw new BackwardInductionError(`node ${n} is a decision node without actions`);
      const mover = player[h]!;
      let best = Number.NEGATIVE_INFINITY;
      for (let k = start; k < end; k++) best = Math.max(best, values[childList[k]! * np + mover]!);
      const floor = best - tol * Math.max(1, Math.abs(best));
      let chosen = -1;
      let atBest = 0;
      for (let k = start; k < end; k++) {
        if (values[childList[k]! * np + mover]! >= floor) {
          atBest++;
          if (chosen < 0) chosen = k;
        }
      }
      if (atBest > 1) tiedDecisions++;
      actions[h] = chosen - start;
      const c = childList[chosen]! * np;
      for (let p = 0; p < np; p++) values[base + p] = values[c + p]!;
    }
    const o = outcome[n]!;
    if (o >= 0) for (let p = 0; p < np; p++) values[base + p] += pay[o * np + p]!;
  }
  return { profile: profileFromActions(g, actions), values, actions, tiedDecisions, ties: tiedDecisions > 0 };
}

export interface ExactBackwardInductionResult {
  profile: BehaviorProfile;
  /** Exact expected payoffs from each node on: values[node * players + player]. */
  values: Fraction[];
  actions: Int32Array;
  tiedDecisions: number;
  ties: boolean;
}

/**
 * Backward induction in exact rational arithmetic, for games whose payoffs and chance
 * probabilities are all exact (Gambit's files always are): ties are then exact ties.
 * Slower and larger than backwardInduction; meant for small and medium games.
 */
export function backwardInductionExact(g: ExtensiveGame): ExactBackwardInductionResult {
  const violation = perfectInformationViolation(g);
  if (violation) throw new BackwardInductionError(violation);
  const np = g.players.length;
  const { count, kind, infoset, outcome, childStart, childList } = g.nodes;
  const exactOf = (x: { exact?: Fraction } | undefined, what: string): Fraction => {
    if (!x?.exact)
      throw new BackwardInductionError(
        `exact backward induction needs exact numbers, but ${what} is not exact`,
      );
    return x.exact;
  };
  const zero = new Fraction(0);
  const values: Fraction[] = new Array(count * np).fill(zero);
  const actions = new Int32Array(g.infosets.length);
  g.infosets.forEach((h, i) => {
    if (h.player < 0) actions[i] = -1;
  });
  let tiedDecisions = 0;
  for (let n = count - 1; n >= 0; n--) {
    const base = n * np;
    const start = childStart[n]!;
    const end = childStart[n + 1]!;
    if (kind[n] === CHANCE) {
      const h = g.infosets[infoset[n]!]!;
      for (let k = start; k < end; k++) {
        const w = exactOf(h.probs?.[k - start], `a chance probability of information set ${h.number}`);
        const c = childList[k]! * np;
        for (let p = 0; p < np; p++) values[base + p] = values[base + p]!.add(w.mul(values[c + p]!));
      }
    } else if (kind[n] === PERSONAL) {
      const h = infoset[n]!;
      if (end === start) throw new BackwardInductionError(`node ${n} is a decision node without actions`);
      const mover = g.infosets[h]!.player;
      let chosen = start;
      let ties = 0;
      for (let k = start + 1; k < end; k++) {
        const cmp = values[childList[k]! * np + mover]!.compare(values[childList[chosen]! * np + mover]!);
        if (cmp > 0) {
          chosen = k;
          ties = 0;
        } else if (cmp === 0) ties++;
      }
      if (ties > 0) tiedDecisions++;
      actions[h] = chosen - start;
      const c = childList[chosen]! * np;
      for (let p = 0; p < np; p++) values[base + p] = values[c + p]!;
    }
    const o = outcome[n]!;
    if (o >= 0) {
      const payoffs = g.outcomes[o]!.payoffs;
      for (let p = 0; p < np; p++)
        values[base + p] = values[base + p]!.add(
          exactOf(payoffs[p], `a payoff of outcome ${g.outcomes[o]!.number}`),
        );
    }
  }
  const profile = profileFromActions(g, actions);
  const exact = g.infosets.map((h, i) =>
    h.player < 0
      ? h.probs!.map((p) => exactOf(p, 'a chance probability'))
      : h.actions.map((_, a) => new Fraction(a === actions[i] ? 1 : 0)),
  );
  return {
    profile: { probs: profile.probs, exact },
    values,
    actions,
    tiedDecisions,
    ties: tiedDecisions > 0,
  };
}
