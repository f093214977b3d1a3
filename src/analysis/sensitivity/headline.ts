// The model function of the sensitivity analysis: one parameter vector in, the headline figures of
// the BASELINE game out (no policy games), by the same steps as one draw of `brink analyze`
// (run-draws.ts): compile the game with those values (scenario/game-compiler.ts, which reuses the
// tree between calls and gives the game compileGame would), solve the agent logit QRE at λ
// (McKelvey & Palfrey 1998, "Quantal response equilibria for extensive form games", Experimental
// Economics 1(1)), and read the leaf table (design §5.0). The headline outputs are the
// probabilities of three outcome classes (design §5.1), summed exactly as analyze sums them, so a
// parameter vector gives here the figures analyze reports for a draw with those values. The modal
// choice of a stage is the option with the largest marginal probability over the equilibrium path
// distribution, P(option) = Σ ρ(ℓ) over the leaves ℓ whose path takes it; it works for any scenario.
import { makeGameCompiler } from '../../scenario/game-compiler.js';
import type { Model } from '../../scenario/model.js';
import { didYouMean } from '../../scenario/suggest.js';
import { type FeatureSet, type LeafFrame, buildFrame, compileFeatures, expectation } from '../leaf-frame.js';
import { OUTCOME_CLASSES, classMask, leafClasses } from '../outcomes.js';
import { makeQreSolver } from '../solve-qre.js';

export interface HeadlineOutput {
  /** An OUTCOME_CLASSES id. */
  readonly id: string;
  readonly label: string;
}

/** P(regional war), P(Hormuz disruption), P(deal) of the baseline game. */
export const HEADLINE_OUTPUTS: readonly HeadlineOutput[] = [
  { id: 'regional_war', label: 'P(regional war)' },
  { id: 'hormuz_disruption', label: 'P(Hormuz disruption)' },
  { id: 'deal', label: 'P(deal)' },
];

/** Does the scenario define the outcome-class formulas the headline outputs are read from? */
export function hasHeadlineOutputs(model: Model): boolean {
  return OUTCOME_CLASSES.every((c) => model.spec.formulas[c.formula] !== undefined);
}

/** The key under which the baseline game's solver structure is kept. */
const BASELINE = 'baseline';

/** Marginal probabilities of a step's options over the equilibrium path distribution. */
export interface StepMarginals {
  /** Option ids (a type's values or a stage's choices), model order. */
  readonly options: readonly string[];
  /** P(the path takes option c), per option. */
  readonly prob: number[];
  /** P(the step is not reached). */
  readonly notPlayed: number;
}

/** What modalChoice returns when no path of positive probability reaches the stage. */
export const NOT_PLAYED = 'not played';

/** Type ids then stage ids: the steps a modal choice can be asked of. */
export function stepIds(model: Model): string[] {
  return [...model.types.map((t) => t.id), ...model.stages.map((s) => s.id)];
}

/** The option ids of a step; a RangeError (with a suggestion) for an unknown one. */
export function stepOptions(model: Model, step: string): string[] {
  const t = model.types.find((x) => x.id === step);
  if (t) return [...t.values];
  const s = model.stages.find((x) => x.id === step);
  if (s) return s.choices.map((c) => c.id);
  throw new RangeError(`no stage or type '${step}'${didYouMean(step, stepIds(model))}`);
}

export function stepMarginals(frame: LeafFrame, step: string): StepMarginals {
  const options = stepOptions(frame.cg.model, step);
  const s = frame.steps.indexOf(step);
  const S = frame.steps.length;
  const prob = new Array<number>(options.length).fill(0);
  let notPlayed = 0;
  for (let l = 0; l < frame.count; l++) {
    const c = frame.history[l * S + s]!;
    if (c < 0) notPlayed += frame.prob[l]!;
    else prob[c]! += frame.prob[l];
  }
  return { options, prob, notPlayed };
}

/** The most probable option (the first on ties), or NOT_PLAYED when the step is never reached. */
export function modalOf(m: StepMarginals, among?: readonly string[]): string {
  let best = -1;
  for (let c = 0; c < m.prob.length; c++) {
    if (among && !among.includes(m.options[c]!)) continue;
    if (m.prob[c]! > 0 && (best < 0 || m.prob[c]! > m.prob[best]!)) best = c;
  }
  return best < 0 ? NOT_PLAYED : m.options[best]!;
}

/** A model function kept per scenario and λ: the solver's structure is set up once and reused. */
export interface HeadlineEvaluator {
  readonly model: Model;
  readonly lambda: number;
  /** HEADLINE_OUTPUTS when the scenario defines the outcome classes, else none. */
  readonly outputs: readonly HeadlineOutput[];
  /** The solved baseline game as a leaf table (outcome-class formulas evaluated when defined). */
  frame(params: Float64Array): LeafFrame;
  /** The outputs' values (outputs order) for a parameter vector (Model.params order). */
  evaluate(params: Float64Array): number[];
  /** Index of the modal option of `step` (stepOptions order), -1 when the step is not reached. */
  /** The most probable option of a step (only among `among` when given); −1 when none is played. */
  modalIndex(params: Float64Array, step: string, among?: readonly string[]): number;
}

export function makeHeadlineEvaluator(model: Model, lambda: number): HeadlineEvaluator {
  if (!(lambda > 0 && Number.isFinite(lambda))) throw new RangeError(`λ must be a number > 0, not ${lambda}`);
  const outputs = hasHeadlineOutputs(model) ? HEADLINE_OUTPUTS : [];
  const features: FeatureSet = compileFeatures(
    model,
    outputs.length > 0 ? OUTCOME_CLASSES.map((c) => c.formula) : [],
  );
  const classIndex = outputs.map((o) => OUTCOME_CLASSES.findIndex((c) => c.id === o.id));
  const solver = makeQreSolver();
  // Fresh leaf arrays per game (no reuseBuffers): frame() hands out frames a caller may keep.
  const compiler = makeGameCompiler(model, { policies: [], labels: false });
  const frame = (params: Float64Array): LeafFrame => {
    if (params.length !== model.params.length)
      throw new RangeError(`${params.length} parameter values for ${model.params.length} parameters`);
    const cg = compiler.compile(params);
    return buildFrame(cg, solver.solve(cg, lambda, BASELINE).leafProb, features);
  };
  return {
    model,
    lambda,
    outputs,
    frame,
    evaluate(params) {
      if (outputs.length === 0)
        throw new RangeError(
          `the scenario does not define the outcome classes (${OUTCOME_CLASSES.map((c) => c.formula).join(', ')}), so it has no headline outputs`,
        );
      const f = frame(params);
      const classes = leafClasses(f);
      // The same sum as measureOutcomes (outcomes.ts), so the figures equal analyze's.
      return classIndex.map((k) => expectation(f, classMask(classes, k)));
    },
    modalIndex(params, step, among) {
      const options = stepOptions(model, step);
      const m = stepMarginals(frame(params), step);
      const modal = modalOf(m, among);
      return modal === NOT_PLAYED ? -1 : options.indexOf(modal);
    },
  };
}

/** The headline outputs (HEADLINE_OUTPUTS order) of the baseline game at λ (default: the scenario's). */
export function headline(model: Model, params: Float64Array, lambda = model.spec.defaults.lambda): number[] {
  return makeHeadlineEvaluator(model, lambda).evaluate(params);
}

/** The modal option of a stage (or type) in the baseline game at λ (default: the scenario's). */
export function modalChoice(
  model: Model,
  params: Float64Array,
  stage: string,
  lambda = model.spec.defaults.lambda,
): string {
  return modalOf(stepMarginals(makeHeadlineEvaluator(model, lambda).frame(params), stage));
}
