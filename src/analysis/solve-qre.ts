// The agent logit QRE of a compiled scenario game, fast enough for a Monte Carlo run: thousands of
// solves of a 72,000-node game. Two things make it fast, neither changes the equilibrium:
//
// 1. Only the actors who move are players of the game that is solved. Factions, proxies, third
//    parties and mediators have no information sets, so their payoffs cannot change anyone's
//    behaviour; they are reported from the leaf table instead.
// 2. The equilibrium is the fixed point of the engine's backward sweep (logit-fixed.ts: beliefs
//    from the current profile, then every information set's logit response to the values below
//    it, deepest first). Iterated from the centroid, as in the design's prototype, the sweep
//    settles in 10–30 passes on this scenario (its beliefs couple only the US types to Iran's
//    reading of the opening, and Iran's stance to the US follow-up), where the certified
//    continuation (solveCompiled) needs 200–500 tangent sweeps. The test beside this file checks
//    that both give the same point; when the iteration does not settle, the continuation is used.
//
// The logit model's structure (tree, information sets, sweep order) is kept per policy and reused
// for every draw whose tree has the same shape: only payoffs and chance probabilities change.
import { type SweepPlan, makeSweepPlan, sweep } from '../game/logit-fixed.js';
import {
  type ExtensiveLogitModel,
  type LogitWork,
  centroidTheta,
  compileExtensive,
  fixedPointResidual,
  makeWork,
} from '../game/logit-system.js';
import { CHANCE, type ExtensiveGame } from '../game/types.js';
import type { CompiledGame } from '../scenario/compile.js';
import { solveCompiled } from '../scenario/solve.js';

export interface QreResult {
  /** Probability of each leaf (LeafTable order). */
  readonly leafProb: Float64Array;
  readonly method: 'sweep-iteration' | 'continuation';
  /** Sweeps of the iteration (or corrector iterations of the continuation). */
  readonly iterations: number;
  /** Largest |θ − log softmax(λ u(θ))| at the result. */
  readonly residual: number;
}

/** Stop when no action probability moves by more than this in one sweep. */
const SETTLED = 1e-12;
const MAX_SWEEPS = 400;

interface Structure {
  readonly count: number;
  readonly childStart: Int32Array;
  readonly infoset: Int32Array;
  readonly movers: number[];
  readonly model: ExtensiveLogitModel;
  readonly plan: SweepPlan;
  readonly work: LogitWork;
}

/** Players who own a personal information set, in player order. */
export function moversOf(game: ExtensiveGame): number[] {
  const set = new Set<number>();
  for (const h of game.infosets) if (h.player >= 0) set.add(h.player);
  return [...set].sort((a, b) => a - b);
}

/** The same tree with only the movers as players (information sets renumbered to them). */
export function restrictToMovers(game: ExtensiveGame, movers: readonly number[]): ExtensiveGame {
  const index = new Map(movers.map((p, i) => [p, i]));
  return {
    ...game,
    players: movers.map((p) => game.players[p]!),
    infosets: game.infosets.map((h) => (h.player < 0 ? h : { ...h, player: index.get(h.player)! })),
    outcomes: game.outcomes.map((o) => ({ ...o, payoffs: movers.map((p) => o.payoffs[p]!) })),
  };
}

function sameArray(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameShape(s: Structure, game: ExtensiveGame): boolean {
  return (
    s.count === game.nodes.count &&
    sameArray(s.childStart, game.nodes.childStart) &&
    sameArray(s.infoset, game.nodes.infoset)
  );
}

function newStructure(cg: CompiledGame): Structure {
  const movers = moversOf(cg.game);
  const model = compileExtensive(restrictToMovers(cg.game, movers));
  return {
    count: cg.game.nodes.count,
    childStart: Int32Array.from(cg.game.nodes.childStart),
    infoset: Int32Array.from(cg.game.nodes.infoset),
    movers,
    model,
    plan: makeSweepPlan(model),
    work: makeWork(model),
  };
}

/** The structure's logit model with this draw's payoffs (from the leaf table) and chance probabilities. */
function modelFor(s: Structure, cg: CompiledGame): ExtensiveLogitModel {
  const M = s.movers.length;
  const np = cg.model.actors.length;
  const payoff = new Float64Array(s.count * M);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let leaf = 0; leaf < cg.leaves.count; leaf++) {
    const node = cg.leaves.node[leaf]!;
    for (let i = 0; i < M; i++) {
      const u = cg.leaves.payoff[leaf * np + s.movers[i]!]!;
      payoff[node * M + i] = u;
      if (u < lo) lo = u;
      if (u > hi) hi = u;
    }
  }
  const { kind, infoset, childStart, childList } = cg.game.nodes;
  const edgeProb = new Float64Array(s.count).fill(1);
  for (let n = 0; n < s.count; n++) {
    if (kind[n] !== CHANCE) continue;
    const probs = cg.game.infosets[infoset[n]!]!.probs ?? [];
    for (let c = childStart[n]!, j = 0; c < childStart[n + 1]!; c++, j++)
      edgeProb[childList[c]!] = probs[j]?.value ?? 0;
  }
  return { ...s.model, payoff, edgeProb, payoffRange: hi - lo };
}

/** Iterates the sweep from the centroid; the settled log-probabilities, or undefined. */
function iterateSweep(
  model: ExtensiveLogitModel,
  plan: SweepPlan,
  work: LogitWork,
  lambda: number,
): { theta: Float64Array; sweeps: number } | undefined {
  const theta = centroidTheta(model);
  const next = new Float64Array(theta.length);
  // exp(theta): a sweep leaves exp(next) in work.prob, so no exponential is taken twice.
  const probs = Float64Array.from(theta, Math.exp);
  for (let k = 1; k <= MAX_SWEEPS; k++) {
    next.set(theta);
    sweep(model, plan, work, next, lambda, k > 1);
    let change = 0;
    for (let a = 0; a < theta.length; a++) {
      const d = Math.abs(work.prob[a]! - probs[a]!);
      if (d > change || Number.isNaN(d)) change = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
    }
    probs.set(work.prob.subarray(0, theta.length));
    theta.set(next);
    if (!Number.isFinite(change)) return undefined;
    if (change <= SETTLED) return { theta, sweeps: k };
  }
  return undefined;
}

/** Leaf probabilities from the action probabilities: products along each path (nodes in preorder). */
function leafProbabilities(model: ExtensiveLogitModel, probs: Float64Array, cg: CompiledGame): Float64Array {
  const reach = new Float64Array(model.nNodes);
  reach[0] = 1;
  for (let n = 1; n < model.nNodes; n++) {
    const e = model.edgeVar[n]!;
    reach[n] = reach[model.parent[n]!]! * (e >= 0 ? probs[e]! : model.edgeProb[n]!);
  }
  return Float64Array.from(cg.leaves.node, (n) => reach[n]!);
}

export interface QreSolver {
  /** The QRE at λ of one compiled game; `key` names its tree shape (e.g. the policies applied). */
  solve(cg: CompiledGame, lambda: number, key: string): QreResult;
}

export function makeQreSolver(): QreSolver {
  const structures = new Map<string, Structure>();
  return {
    solve(cg, lambda, key) {
      let s = structures.get(key);
      if (!s || !sameShape(s, cg.game)) {
        s = newStructure(cg);
        structures.set(key, s);
      }
      const model = modelFor(s, cg);
      const settled = iterateSweep(model, s.plan, s.work, lambda);
      if (settled) {
        const residual = fixedPointResidual(
          model,
          s.work,
          settled.theta,
          lambda,
          new Float64Array(model.nVars),
        );
        const probs = Float64Array.from(settled.theta, Math.exp);
        return {
          leafProb: leafProbabilities(model, probs, cg),
          method: 'sweep-iteration',
          iterations: settled.sweeps,
          residual,
        };
      }
      const sol = solveCompiled(cg, { lambda, method: 'qre' });
      return { leafProb: sol.leafProb, method: 'continuation', iterations: 0, residual: sol.residual };
    },
  };
}
