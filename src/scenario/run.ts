// One Monte Carlo draw of a scenario, end to end: draw the parameters, expand the game, solve it.
import { type CompiledGame, compileGame } from './compile.js';
import { drawParameters } from './draw.js';
import type { Model } from './model.js';
import { type Solution, type SolveMethod, solveCompiled } from './solve.js';

export interface DrawOptions {
  /** Default: the scenario's defaults.seed. */
  readonly seed?: number;
  /** Default: the scenario's defaults.lambda. */
  readonly lambda?: number;
  readonly policies?: readonly string[];
  readonly method?: SolveMethod;
  /** Outcome and information-set labels (default false here: draws are for statistics). */
  readonly labels?: boolean;
}

export interface DrawResult {
  readonly draw: number;
  readonly params: Float64Array;
  readonly compiled: CompiledGame;
  readonly solution: Solution;
}

export function solveDraw(model: Model, draw: number, options: DrawOptions = {}): DrawResult {
  const seed = options.seed ?? model.spec.defaults.seed;
  const params = drawParameters(model, seed, draw);
  const compiled = compileGame(model, params, {
    policies: options.policies,
    labels: options.labels ?? false,
  });
  const solution = solveCompiled(compiled, { lambda: options.lambda, method: options.method });
  return { draw, params, compiled, solution };
}
