// One unit of Monte Carlo work, as plain data so it can cross a worker-thread boundary: the
// scenario as text (a worker parses it once and keeps it), the run's settings, and a range of draw
// numbers. Every draw's parameters come from its own seeded streams, so a draw's record does not
// depend on which worker computes it or on how the range is cut.
import { registerBargainFunctions } from '../bargain/formula-functions.js';
import { registerEconFunctions } from '../econ/formula-functions.js';
import type { Sampling } from '../scenario/draw.js';
import { type FixedParameters, withFixedParameters } from '../scenario/fixed-parameters.js';
import { parseScenario } from '../scenario/load.js';
import type { Model } from '../scenario/model.js';
import { type TypePriors, withTypePriors } from '../scenario/type-priors.js';
import {
  type AnalysisFeatures,
  type DrawRecord,
  POLICY_RUNS,
  type PolicyRun,
  analysisFeatures,
  checkAnalysable,
  runDraw,
} from './run-draws.js';
import { makeQreSolver } from './solve-qre.js';

export interface DrawSettings {
  readonly seed: number;
  readonly lambda: number;
  /** Total draws of the whole run (Latin hypercube strata are cut from it). */
  readonly total: number;
  /** Default 'random'. */
  readonly sampling?: Sampling;
  /** The games to solve per draw (default POLICY_RUNS; 'baseline' is needed for the report's questions). */
  readonly runs?: readonly PolicyRun[];
  /** Priors of private types replaced by constants (`brink analyze --evidence`; see withTypePriors). */
  readonly typePriors?: TypePriors;
  /** Parameters held at values instead of drawn (`brink analyze --set`; see withFixedParameters). */
  readonly fixed?: FixedParameters;
}

/** The games a draw solves under these settings. */
export function selectedRuns(settings: DrawSettings): readonly PolicyRun[] {
  return settings.runs ?? POLICY_RUNS;
}

/** What a process keeps between tasks of the same scenario: parsing and solver set-up are paid once. */
export interface DrawContext {
  readonly model: Model;
  readonly features: AnalysisFeatures;
  readonly solver: ReturnType<typeof makeQreSolver>;
}

export function makeDrawContext(model: Model): DrawContext {
  checkAnalysable(model);
  return { model, features: analysisFeatures(model), solver: makeQreSolver() };
}

/** The records of draws [from, to), in order. */
export function runDrawRange(
  ctx: DrawContext,
  settings: DrawSettings,
  from: number,
  to: number,
  onDraw?: () => void,
): DrawRecord[] {
  const out: DrawRecord[] = [];
  const runs = selectedRuns(settings);
  for (let d = from; d < to; d++) {
    out.push(runDraw(ctx.model, d, settings, ctx.features, ctx.solver, runs));
    onDraw?.();
  }
  return out;
}

/** The scenario and settings a worker thread is started with (tinypool workerData). */
export interface DrawJob {
  readonly scenarioText: string;
  readonly scenarioFile: string;
  readonly settings: DrawSettings;
}

export function contextOfJob(job: DrawJob): DrawContext {
  registerBargainFunctions(); // worker threads parse the scenario: formulas may call the models
  registerEconFunctions();
  return contextOfParsed(parseScenario(job.scenarioText, job.scenarioFile), job.settings);
}

/** A job's context over its scenario already parsed (a worker that keeps the parse across jobs). */
export function contextOfParsed(model: Model, settings: DrawSettings): DrawContext {
  const priors = withTypePriors(model, settings.typePriors ?? {});
  return makeDrawContext(withFixedParameters(priors, settings.fixed ?? {}));
}

/**
 * The context of a what-if of `base`: the held values on base's features and solver, whose
 * compilers then serve the what-if too (its games have base's structure). The records are those of
 * a fresh context (tested); only the set-up of the first draws is saved.
 */
export function heldContext(base: DrawContext, fixed: FixedParameters): DrawContext {
  return { ...base, model: withFixedParameters(base.model, fixed) };
}
