// One entry point over every solver, with Gambit's method names. Each method lives in its own
// file (see the imports); this file only dispatches and reports payoffs and regret uniformly.
import {
  backwardInduction,
  backwardInductionExact,
  perfectInformationViolation,
} from './backward-induction.js';
import {
  expectedPayoffs as behaviorPayoffs,
  expectedPayoffsExact as behaviorPayoffsExact,
  maxNashRegret,
} from './behavior.js';
import { enumMixed, enumMixedExtensive } from './enum-mixed.js';
import { enumPureExtensive, enumPureMixed } from './enum-pure.js';
import type { ParsedGame } from './gambit-format.js';
import { lemkeHowsonAll } from './lemke-howson.js';
import { lemkeSequenceForm } from './lemke-sequence-form.js';
import {
  logitBehaviorAt,
  logitBehaviorLimit,
  logitStrategicAt,
  logitStrategicLimit,
} from './logit-homotopy.js';
import { lpSolveExtensive, lpSolveStrategic } from './lp-zero-sum.js';
import type { Fraction } from './num.js';
import { hasPerfectRecall } from './perfect-recall.js';
import { flattenBehavior } from './reduced-normal-form.js';
import {
  maxRegret,
  expectedPayoffs as mixedPayoffs,
  expectedPayoffsExact as mixedPayoffsExact,
} from './strategic.js';
import { subgamePerfect } from './subgame-perfect.js';
import type { BehaviorProfile, ExtensiveGame, MixedProfile, StrategicGame } from './types.js';

export const SOLVE_METHODS = ['spe', 'pure', 'enummixed', 'lcp', 'lp', 'logit'] as const;
export type SolveMethod = (typeof SOLVE_METHODS)[number];

/** A game a method cannot solve (wrong number of players, not zero-sum, imperfect recall...). */
export class SolverInputError extends Error {
  override name = 'SolverInputError';
}

export interface SolveOptions {
  /** logit: the λ to stop at; absent, the end point of the principal branch. */
  lambda?: number;
}

export interface Equilibrium {
  /** Probabilities in Gambit's `NE,` order: strategy by strategy, or action by action per information set. */
  flat: number[];
  /** The same, exactly, when the method computed in exact arithmetic. */
  exact?: Fraction[];
  /** Expected payoff of each player. */
  payoffs: number[];
  payoffsExact?: Fraction[];
  /** Largest gain any player can make by deviating (Nash regret); NaN when undefined (imperfect recall). */
  regret: number;
  /** logit only. */
  lambda?: number;
  /** The structured profile: mixed (strategic games, enummixed on trees) or behaviour. */
  mixed?: MixedProfile;
  behavior?: BehaviorProfile;
}

export interface Solution {
  method: SolveMethod;
  /** What the probabilities range over. */
  form: 'strategic' | 'reduced-strategic' | 'behavior';
  players: string[];
  /** One label per entry of `flat`: "player: strategy" or "player: infoset: action". */
  labels: string[];
  equilibria: Equilibrium[];
  notes: string[];
}

const INPUT_ERRORS = new Set([
  'LemkeHowsonError',
  'SequenceLemkeError',
  'LpMethodError',
  'BackwardInductionError',
  'SequenceFormError',
  'SolverInputError',
]);

function isInputError(e: unknown): e is Error {
  return e instanceof Error && (INPUT_ERRORS.has(e.name) || INPUT_ERRORS.has(e.constructor.name));
}

/** Solves a parsed game with a method; errors about the game's kind become SolverInputError. */
export async function solveGame(
  parsed: ParsedGame,
  method: SolveMethod,
  opts: SolveOptions = {},
): Promise<Solution> {
  try {
    return parsed.kind === 'nfg'
      ? await solveStrategic(parsed.game, method, opts)
      : await solveExtensive(parsed.game, method, opts);
  } catch (e) {
    if (isInputError(e) && !(e instanceof SolverInputError)) throw new SolverInputError(e.message);
    throw e;
  }
}

function strategicLabels(g: StrategicGame): string[] {
  return g.players.flatMap((p, i) => g.strategies[i]!.map((s) => `${p}: ${s}`));
}

function behaviorLabels(g: ExtensiveGame): string[] {
  return flattenBehavior(
    g,
    g.infosets.map((h, i) =>
      h.actions.map((a) => `${g.players[h.player] ?? 'chance'}: ${h.label || `infoset ${i + 1}`}: ${a}`),
    ),
  );
}

function mixedEquilibrium(g: StrategicGame, m: MixedProfile, lambda?: number): Equilibrium {
  const eq: Equilibrium = {
    flat: m.probs.flat(),
    payoffs: mixedPayoffs(g, m.probs),
    regret: maxRegret(g, m.probs),
    mixed: m,
  };
  if (m.exact) {
    eq.exact = m.exact.flat();
    eq.payoffsExact = mixedPayoffsExact(g, m.exact);
  }
  if (lambda !== undefined) eq.lambda = lambda;
  return eq;
}

function behaviorEquilibrium(g: ExtensiveGame, b: BehaviorProfile, lambda?: number): Equilibrium {
  const eq: Equilibrium = {
    flat: flattenBehavior(g, b.probs),
    payoffs: behaviorPayoffs(g, b),
    regret: hasPerfectRecall(g) ? maxNashRegret(g, b) : Number.NaN,
    behavior: b,
  };
  if (b.exact) {
    eq.exact = flattenBehavior(g, b.exact);
    const pe = behaviorPayoffsExact(g, b);
    if (pe) eq.payoffsExact = pe;
  }
  if (lambda !== undefined) eq.lambda = lambda;
  return eq;
}

async function solveStrategic(g: StrategicGame, method: SolveMethod, opts: SolveOptions): Promise<Solution> {
  const base = {
    method,
    form: 'strategic' as const,
    players: g.players,
    labels: strategicLabels(g),
    notes: [] as string[],
  };
  switch (method) {
    case 'spe':
      throw new SolverInputError(
        'spe needs an extensive game (.efg); for a strategic game use pure, enummixed, lcp or logit',
      );
    case 'pure':
      return { ...base, equilibria: enumPureMixed(g).map((m) => mixedEquilibrium(g, m)) };
    case 'enummixed':
      requireTwoPlayers(g.players.length, method);
      return { ...base, equilibria: enumMixed(g).map((m) => mixedEquilibrium(g, m)) };
    case 'lcp':
      requireTwoPlayers(g.players.length, method);
      return { ...base, equilibria: lemkeHowsonAll(g).map((m) => mixedEquilibrium(g, m)) };
    case 'lp': {
      requireTwoPlayers(g.players.length, method);
      const r = await lpSolveStrategic(g);
      return { ...base, equilibria: [mixedEquilibrium(g, r.profile)] };
    }
    case 'logit': {
      const q = opts.lambda === undefined ? logitStrategicLimit(g) : logitStrategicAt(g, opts.lambda);
      const notes = q.ok ? [] : [`logit: ${q.message}`];
      return { ...base, notes, equilibria: [mixedEquilibrium(g, q.profile, q.lambda)] };
    }
  }
}

async function solveExtensive(g: ExtensiveGame, method: SolveMethod, opts: SolveOptions): Promise<Solution> {
  const base = {
    method,
    form: 'behavior' as const,
    players: g.players,
    labels: behaviorLabels(g),
    notes: [] as string[],
  };
  switch (method) {
    case 'spe':
      return { ...base, ...subgamePerfectSolution(g) };
    case 'pure':
      return { ...base, equilibria: enumPureExtensive(g).map((e) => behaviorEquilibrium(g, e.behavior)) };
    case 'enummixed': {
      requireTwoPlayers(g.players.length, method);
      requirePerfectRecall(g, method);
      const { rnf, equilibria } = enumMixedExtensive(g);
      return {
        ...base,
        form: 'reduced-strategic',
        labels: strategicLabels(rnf.game),
        equilibria: equilibria.map((m) => mixedEquilibrium(rnf.game, m)),
      };
    }
    case 'lcp':
      requireTwoPlayers(g.players.length, method);
      requirePerfectRecall(g, method);
      return { ...base, equilibria: [behaviorEquilibrium(g, lemkeSequenceForm(g))] };
    case 'lp': {
      requireTwoPlayers(g.players.length, method);
      requirePerfectRecall(g, method);
      const r = await lpSolveExtensive(g);
      return { ...base, equilibria: [behaviorEquilibrium(g, r.profile)] };
    }
    case 'logit': {
      const q = opts.lambda === undefined ? logitBehaviorLimit(g) : logitBehaviorAt(g, opts.lambda);
      const notes = q.ok ? [] : [`logit: ${q.message}`];
      return { ...base, notes, equilibria: [behaviorEquilibrium(g, q.profile, q.lambda)] };
    }
  }
}

/**
 * Subgame-perfect equilibrium: backward induction under perfect information (exact when the game
 * is), otherwise proper subgames solved bottom-up with Lemke (two players) or the logit limit.
 */
function subgamePerfectSolution(g: ExtensiveGame): Pick<Solution, 'equilibria' | 'notes'> {
  if (perfectInformationViolation(g) === undefined) {
    const exact =
      g.outcomes.every((o) => o.payoffs.every((p) => p.exact)) &&
      g.infosets.every((h) => !h.probs || h.probs.every((p) => p.exact));
    const r = exact ? backwardInductionExact(g) : backwardInduction(g);
    const notes = r.ties
      ? [`spe: ${r.tiedDecisions} decision(s) had tied best actions; the first was taken`]
      : [];
    return { notes, equilibria: [behaviorEquilibrium(g, r.profile)] };
  }
  const twoPlayerRecall = g.players.length === 2 && hasPerfectRecall(g);
  const solver = twoPlayerRecall
    ? (piece: ExtensiveGame) => lemkeSequenceForm(piece)
    : (piece: ExtensiveGame) => logitBehaviorLimit(piece).profile;
  const r = subgamePerfect(g, solver);
  return {
    notes: [
      `spe: ${r.subgames.length} proper subgame(s) solved bottom-up with ${twoPlayerRecall ? 'lcp' : 'the logit limit'}`,
    ],
    equilibria: [behaviorEquilibrium(g, r.profile)],
  };
}

function requireTwoPlayers(n: number, method: string) {
  if (n !== 2)
    throw new SolverInputError(`${method} is only valid for two-player games; this game has ${n} players`);
}

function requirePerfectRecall(g: ExtensiveGame, method: string) {
  if (!hasPerfectRecall(g))
    throw new SolverInputError(`${method} needs a game of perfect recall; this game does not have it`);
}
