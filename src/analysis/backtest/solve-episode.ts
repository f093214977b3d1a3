// Solves one episode with the machinery of `brink analyze` (run-draws.ts): for each parameter draw
// (scenario/draw.ts, one stream per parameter), the scenario's game is compiled (reusing its tree
// between draws, scenario/game-compiler.ts) and solved by agent logit QRE at the scenario's λ
// (solve-qre.ts); the decision's choice probabilities are then read off the leaves, conditional on
// the situation (decision-probs.ts). Plain data out: one probability vector per draw.
import type { CompiledGame } from '../../scenario/compile.js';
import { ScenarioError } from '../../scenario/diagnostics.js';
import { sampleParameters } from '../../scenario/draw.js';
import { makeGameCompiler } from '../../scenario/game-compiler.js';
import { toDiagnostics } from '../../scenario/load.js';
import { leafHistories } from '../leaf-frame.js';
import { makeQreSolver } from '../solve-qre.js';
import { type DecisionCells, decisionCells, decisionProbabilities } from './decision-probs.js';
import type { LoadedEpisode } from './load-episode.js';

export interface EpisodeRunOptions {
  /** Default: the scenario's defaults.seed. */
  readonly seed?: number;
  /** Default: the scenario's defaults.draws. */
  readonly draws?: number;
}

export interface EpisodeDraws {
  readonly seed: number;
  readonly draws: number;
  readonly lambda: number;
  /** probs[draw][option]: P(option | situation) in that draw's equilibrium (NaN: no mass reached it). */
  readonly probs: number[][];
  /** Draws whose decision had no probability mass in floating point (left out of the figures). */
  readonly undefinedDraws: number;
}

function unreached(ep: LoadedEpisode): ScenarioError {
  const moves = Object.keys(ep.spec.situation.moves).length > 0;
  return new ScenarioError(
    toDiagnostics(
      [
        {
          path: moves ? ['situation', 'moves'] : ['decision', 'stage'],
          message: `the situation never reaches the decision stage '${ep.spec.decision.stage}': a move is not available after the earlier ones, or the stage's 'when' is false there`,
        },
      ],
      ep.file,
      ep.locate,
    ),
  );
}

export function solveEpisode(ep: LoadedEpisode, options: EpisodeRunOptions = {}): EpisodeDraws {
  const defaults = ep.model.spec.defaults;
  const seed = options.seed ?? defaults.seed;
  const draws = options.draws ?? defaults.draws;
  const lambda = defaults.lambda;
  const compiler = makeGameCompiler(ep.model, { labels: false });
  const solver = makeQreSolver();
  const cellsByTree = new WeakMap<CompiledGame['game']['nodes'], DecisionCells>();
  const probs: number[][] = [];
  let undefinedDraws = 0;
  for (let d = 0; d < draws; d++) {
    const params = sampleParameters(ep.model, seed, d);
    const cg = compiler.compile(params);
    let cells = cellsByTree.get(cg.game.nodes);
    if (!cells) {
      cells = decisionCells(leafHistories(cg), cg.steps.length, ep.situation, ep.decisionStep);
      cellsByTree.set(cg.game.nodes, cells);
    }
    if (cells.reached === 0) throw unreached(ep);
    const qre = solver.solve(cg, lambda, 'episode');
    const p = decisionProbabilities(cells, qre.leafProb, ep.options.length);
    if (p.some(Number.isNaN)) undefinedDraws++;
    probs.push(p);
  }
  return { seed, draws, lambda, probs, undefinedDraws };
}
