// One draw's game, compiled and solved as `brink analyze` does it for that draw (runDraw in
// src/analysis/run-draws.ts): the parameters of draw d under the run's seed (parameters held by the
// what-if controls have point distributions, as with --set), the game of one policy run compiled
// from them, and its agent logit QRE at the run's λ by the same solver. Kept whole in the Game
// view's worker, which answers the page's questions about it node by node.
import { POLICY_RUNS, paramDigest } from '../../../src/analysis/run-draws.js';
import { makeQreSolver } from '../../../src/analysis/solve-qre.js';
import type { CompiledGame } from '../../../src/scenario/compile.js';
import { type Sampling, sampleParameters } from '../../../src/scenario/draw.js';
import { type FixedParameters, withFixedParameters } from '../../../src/scenario/fixed-parameters.js';
import { makeGameCompiler } from '../../../src/scenario/game-compiler.js';
import type { Model } from '../../../src/scenario/model.js';
import { type SolvedTree, solveTree } from './solved-tree.js';

export interface DrawGameSettings {
  readonly seed: number;
  readonly lambda: number;
  /** Draws of the run (Latin hypercube strata depend on it; random draws do not). */
  readonly total: number;
  readonly sampling?: Sampling;
  readonly fixed?: FixedParameters;
  readonly draw: number;
  /** A POLICY_RUNS id ('baseline' for the unconstrained game). */
  readonly policy: string;
}

export interface SolveStats {
  readonly nodes: number;
  readonly leaves: number;
  readonly infosets: number;
  readonly method: string;
  readonly iterations: number;
  readonly residual: number;
  /** Digest of the parameter values (equals the run's SolveInfo.paramDigest for this draw). */
  readonly paramDigest: string;
  readonly compileMs: number;
  readonly solveMs: number;
}

export interface SolvedDraw {
  readonly cg: CompiledGame;
  readonly tree: SolvedTree;
  readonly stats: SolveStats;
}

export function solveDrawGame(model: Model, s: DrawGameSettings): SolvedDraw {
  const run = POLICY_RUNS.find((r) => r.id === s.policy);
  if (!run) throw new Error(`unknown policy run '${s.policy}'`);
  if (!Number.isInteger(s.draw) || s.draw < 0 || s.draw >= s.total)
    throw new Error(`draw ${s.draw} is not among the run's draws 0…${s.total - 1}`);
  const held = withFixedParameters(model, s.fixed ?? {});
  const params = sampleParameters(held, s.seed, s.draw, s.sampling, s.total);
  const t0 = performance.now();
  // With labels the compiler expands the draw in full: the same game as the CLI's replay, field by
  // field (game-compiler.ts), with the information sets named by what their mover saw.
  const cg = makeGameCompiler(held, { policies: run.policies, labels: true }).compile(params);
  const t1 = performance.now();
  const qre = makeQreSolver().solve(cg, s.lambda, run.id);
  const t2 = performance.now();
  const np = held.actors.length;
  const tree = solveTree({
    game: cg.game,
    leafNode: cg.leaves.node,
    leafProb: qre.leafProb,
    payoffs: (n) => {
      const leaf = cg.nodeLeaf[n]!;
      return Array.from(cg.leaves.payoff.subarray(leaf * np, (leaf + 1) * np));
    },
    stepOf: (n) => cg.steps[cg.nodeStep[n]!] ?? '',
  });
  return {
    cg,
    tree,
    stats: {
      nodes: cg.game.nodes.count,
      leaves: cg.leaves.count,
      infosets: cg.game.infosets.length,
      method: qre.method,
      iterations: qre.iterations,
      residual: qre.residual,
      paramDigest: paramDigest(cg.params),
      compileMs: t1 - t0,
      solveMs: t2 - t1,
    },
  };
}
