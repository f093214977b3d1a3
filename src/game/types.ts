// Plain-data game representations shared by every solver. Nothing here knows about crises.
import type { Fraction, Num } from './num.js';

export const TERMINAL = 0;
export const CHANCE = 1;
export const PERSONAL = 2;
export type NodeKind = typeof TERMINAL | typeof CHANCE | typeof PERSONAL;

/**
 * Nodes of an extensive game, stored as columns (struct of arrays) so that trees of a million
 * nodes stay compact. Nodes are numbered in preorder: node 0 is the root, and the children of
 * node n are childList[childStart[n]] .. childList[childStart[n + 1] - 1], in action order.
 */
export interface NodeTable {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly label: string[];
  /** Index into ExtensiveGame.infosets; -1 for terminal nodes. */
  readonly infoset: Int32Array;
  /** Index into ExtensiveGame.outcomes; -1 when the node has no outcome. Outcomes on inner nodes add up along the path, as in Gambit. */
  readonly outcome: Int32Array;
  /** -1 for the root. */
  readonly parent: Int32Array;
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
}

export interface Infoset {
  /** 0-based player index; -1 for chance. */
  readonly player: number;
  /** Gambit's number of this information set within its player (1-based), used by the file formats. */
  readonly number: number;
  readonly label: string;
  readonly actions: string[];
  /** Chance information sets only: the probability of each action. */
  readonly probs?: Num[];
}

export interface Outcome {
  readonly label: string;
  /** Gambit's outcome number (1-based), used by the file formats. */
  readonly number: number;
  /** One payoff per player. */
  readonly payoffs: Num[];
}

export interface ExtensiveGame {
  readonly title: string;
  readonly comment: string;
  readonly players: string[];
  readonly nodes: NodeTable;
  /**
   * All information sets, chance ones included (chance last). Personal information sets are
   * ordered player by player and, within a player, by first appearance in preorder: the order in
   * which Gambit prints profiles (it ignores the numbers written in the file for this).
   */
  readonly infosets: Infoset[];
  readonly outcomes: Outcome[];
}

/**
 * An N-player strategic (normal-form) game. Profiles are numbered as in Gambit's .nfg files:
 * player 0's strategy varies fastest. payoffs[profile * players.length + player].
 */
export interface StrategicGame {
  readonly title: string;
  readonly comment: string;
  readonly players: string[];
  readonly strategies: string[][];
  readonly payoffs: Num[];
  /** Present when the game was given in Gambit's outcome form; kept so that writing it back is faithful. */
  readonly outcomeForm?: {
    readonly outcomes: { label: string; payoffs: Num[] }[];
    /** Per profile, 1-based outcome number, 0 for none (all payoffs zero). */
    readonly profileOutcome: Int32Array;
  };
}

/** A mixed strategy profile: probs[player][strategy]. `exact` is present when computed in exact arithmetic. */
export interface MixedProfile {
  readonly probs: number[][];
  readonly exact?: Fraction[][];
}

/**
 * A behaviour strategy profile: probs[infoset][action], indexed like ExtensiveGame.infosets.
 * Entries for chance information sets repeat the chance probabilities.
 */
export interface BehaviorProfile {
  readonly probs: number[][];
  readonly exact?: Fraction[][];
}
