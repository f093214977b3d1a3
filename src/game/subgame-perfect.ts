// Subgame-perfect equilibrium by solving proper subgames bottom-up (Selten 1965, 1975): solve the
// smallest subgames with any Nash equilibrium solver, replace each by a terminal node paying its
// equilibrium value, solve the enclosing game, and so on up to the root. The solutions, put
// together, form a subgame-perfect equilibrium when each piece is a Nash equilibrium of its piece
// (the one-shot argument of Selten 1975, §2). Gambit's "solve by subgames" works the same way.
//
// The solver is a parameter: anything taking an ExtensiveGame to a BehaviorProfile (sequence-form
// Lemke, logit, backward induction for perfect information, ...), synchronous or not.
import { checkProfileShape, expectedPayoffsExact, nodeValues } from './behavior.js';
import { Fraction, type Num, numFromFraction } from './num.js';
import { type Cut, type PartialGame, buildPartialGame, subgameTree, subtreeEnds } from './subgames.js';
import type { BehaviorProfile, ExtensiveGame } from './types.js';

/** Solves one piece. `root` is the piece's root node in the original game. */
export type SubgameSolver = (piece: ExtensiveGame, context: { root: number }) => BehaviorProfile;
export type AsyncSubgameSolver = (
  piece: ExtensiveGame,
  context: { root: number },
) => BehaviorProfile | Promise<BehaviorProfile>;

export interface SolvedSubgame {
  /** Root node of the subgame in the original game. */
  readonly root: number;
  /** Index in `subgames` of the enclosing subgame; -1 for the whole game. */
  readonly parent: number;
  /** The information sets (original indices) decided when solving this piece. */
  readonly infosets: number[];
  /** Equilibrium payoff of each player in the subgame (what replaces it in its parent). */
  readonly value: Num[];
  /** Whether the solver was called (pieces without decisions need none). */
  readonly solved: boolean;
}

export interface SubgamePerfectResult {
  /** The combined profile. Exact when every piece's solution was exact and the game is. */
  readonly profile: BehaviorProfile;
  /** Every proper subgame in the order solved (postorder; the whole game last). */
  readonly subgames: SolvedSubgame[];
}

interface Plan {
  readonly g: ExtensiveGame;
  readonly tree: ReturnType<typeof subgameTree>;
  readonly end: Int32Array;
  readonly probs: (number[] | undefined)[];
  readonly exact: (Fraction[] | undefined)[];
  allExact: boolean;
  readonly values: Num[][];
  readonly solved: SolvedSubgame[];
}

function startPlan(g: ExtensiveGame): Plan {
  const end = subtreeEnds(g);
  return {
    g,
    tree: subgameTree(g),
    end,
    probs: g.infosets.map(() => undefined),
    exact: g.infosets.map(() => undefined),
    allExact: true,
    values: [],
    solved: [],
  };
}

/** The piece of subgame i: its subtree with the subgames directly inside replaced by their values. */
function pieceOf(plan: Plan, i: number): PartialGame {
  const s = plan.tree[i]!;
  const cuts: Cut[] = s.children.map((c) => ({ node: plan.tree[c]!.root, payoffs: plan.values[c]! }));
  return buildPartialGame(plan.g, s.root, cuts, plan.end);
}

function hasDecisions(piece: ExtensiveGame): boolean {
  return piece.infosets.some((h) => h.player >= 0);
}

/** Chance rows only: the profile of a piece where nobody moves (exact when chance is). */
function chanceOnly(piece: ExtensiveGame): BehaviorProfile {
  const probs = piece.infosets.map((h) => h.probs!.map((p) => p.value));
  const exact = piece.infosets.map((h) => h.probs!.map((p) => p.exact));
  if (exact.every((row) => row.every((x) => x !== undefined))) return { probs, exact: exact as Fraction[][] };
  return { probs };
}

/** Records a piece's solution: its rows in the combined profile and its value for the parent. */
function recordPiece(plan: Plan, i: number, part: PartialGame, b: BehaviorProfile, solved: boolean): void {
  checkProfileShape(part.game, b);
  const decided: number[] = [];
  part.game.infosets.forEach((h, k) => {
    if (h.player < 0) return;
    const original = part.infosetMap[k]!;
    decided.push(original);
    plan.probs[original] = b.probs[k]!.slice();
    const e = b.exact?.[k];
    if (e) plan.exact[original] = e.slice();
    else plan.allExact = false;
  });
  const exactValue = expectedPayoffsExact(part.game, b);
  let value: Num[];
  if (exactValue) value = exactValue.map(numFromFraction);
  else {
    const v = nodeValues(part.game, b);
    value = part.game.players.map((_, p) => ({ value: v[p]! }));
  }
  plan.values[i] = value;
  const s = plan.tree[i]!;
  plan.solved.push({ root: s.root, parent: s.parent, infosets: decided, value, solved });
}

/**
 * Rows a solver left at all zeros (Gambit's way of printing sets its own player's earlier moves
 * exclude) and sets without nodes (in no piece) get the uniform distribution: such sets are never
 * reached whatever the others do, so any choice keeps each piece an equilibrium.
 */
function finishProfile(plan: Plan): BehaviorProfile {
  const { g } = plan;
  const probs = g.infosets.map((h, i) => {
    if (h.player < 0) return h.probs!.map((p) => p.value);
    const row = plan.probs[i];
    if (row?.some((x) => x > 0)) return row;
    return h.actions.map(() => 1 / h.actions.length);
  });
  if (!plan.allExact || !g.infosets.every((h) => h.player >= 0 || h.probs!.every((p) => p.exact)))
    return { probs };
  const exact = g.infosets.map((h, i) => {
    if (h.player < 0) return h.probs!.map((p) => p.exact!);
    const row = plan.exact[i];
    if (row?.some((x) => x.n !== 0n)) return row;
    return h.actions.map(() => new Fraction(1, h.actions.length));
  });
  return { probs, exact };
}

/**
 * A subgame-perfect equilibrium: every proper subgame solved with `solve`, bottom-up. `solve` must
 * return a Nash equilibrium of each piece for the result to be subgame perfect; it is not called
 * for pieces without decisions.
 */
export function subgamePerfect(g: ExtensiveGame, solve: SubgameSolver): SubgamePerfectResult {
  const plan = startPlan(g);
  for (let i = 0; i < plan.tree.length; i++) {
    const part = pieceOf(plan, i);
    const call = hasDecisions(part.game);
    const b = call ? solve(part.game, { root: plan.tree[i]!.root }) : chanceOnly(part.game);
    recordPiece(plan, i, part, b, call);
  }
  return { profile: finishProfile(plan), subgames: plan.solved };
}

/** subgamePerfect with a solver that may return a promise (e.g. one built on the HiGHS LP). */
export async function subgamePerfectAsync(
  g: ExtensiveGame,
  solve: AsyncSubgameSolver,
): Promise<SubgamePerfectResult> {
  const plan = startPlan(g);
  for (let i = 0; i < plan.tree.length; i++) {
    const part = pieceOf(plan, i);
    const call = hasDecisions(part.game);
    const b = call ? await solve(part.game, { root: plan.tree[i]!.root }) : chanceOnly(part.game);
    recordPiece(plan, i, part, b, call);
  }
  return { profile: finishProfile(plan), subgames: plan.solved };
}
