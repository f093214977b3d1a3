// `brink analyze` without the command line: run the draws, aggregate every figure, and return the
// report document with the raw aggregate numbers beside it (the JSON output).
import type { Sampling } from '../scenario/draw.js';
import type { Model } from '../scenario/model.js';
import { buildReport } from './build-report.js';
import { type ChecksResult, aggregateChecks } from './checks.js';
import { type CostsResult, aggregateCosts } from './costs.js';
import { type NegotiationResult, negotiationTrack } from './negotiation.js';
import { OUTCOME_CLASSES } from './outcomes.js';
import { type Q1Result, aggregateQ1 } from './questions/q1-talks-intent.js';
import { type Q2Result, aggregateQ2 } from './questions/q2-limited-strike.js';
import { type Q3Result, aggregateQ3 } from './questions/q3-sequences.js';
import { type Q4Result, aggregateQ4 } from './questions/q4-iran-response.js';
import { type Q5Result, aggregateQ5 } from './questions/q5-architectures.js';
import { type Q6Result, aggregateQ6 } from './questions/q6-oil-markets.js';
import { type Q7Result, aggregateQ7 } from './questions/q7-public-vs-backchannel.js';
import type { ReportDocument } from './report/document.js';
import { type RolloutResult, aggregateRollouts } from './rollouts.js';
import { POLICY_RUNS, type RunResult, baselineDetail, runDraws } from './run-draws.js';
import { coefficientOfVariation } from './stats.js';

export interface AnalyzeOptions {
  /** Default: the scenario's defaults.seed. */
  readonly seed?: number;
  /** Default: the scenario's defaults.draws. */
  readonly draws?: number;
  /** Default: the scenario's defaults.lambda. */
  readonly lambda?: number;
  /** Default: independent random draws. */
  readonly sampling?: Sampling;
  /** How the scenario is named in the provenance (e.g. the path given on the command line). */
  readonly scenarioLabel?: string;
  readonly version?: string;
  readonly onDraw?: (done: number, total: number) => void;
}

export interface SolverSummary {
  /** Solves per method, over all draws and policies. */
  readonly methods: Record<string, number>;
  readonly maxIterations: number;
  readonly maxResidual: number;
  /** Nodes of each policy game (first draw). */
  readonly nodes: Record<string, number>;
}

export interface AnalysisResults {
  readonly scenario: string;
  readonly seed: number;
  readonly draws: number;
  readonly lambda: number;
  readonly solver: SolverSummary;
  readonly costs: CostsResult;
  readonly q1: Q1Result;
  readonly q2: Q2Result;
  readonly q3: Q3Result;
  readonly q4: Q4Result;
  readonly q5: Q5Result;
  readonly q6: Q6Result;
  readonly q7: Q7Result;
  readonly checks: ChecksResult;
  readonly rollouts: RolloutResult;
  /** The negotiation agenda's per-issue forecasts and package comparison, when the scenario has one. */
  readonly negotiation?: NegotiationResult;
}

export interface Analysis {
  readonly run: RunResult;
  readonly results: AnalysisResults;
  readonly doc: ReportDocument;
}

/** Mean over draws of the baseline's outcome-class probabilities. */
function meanClassProbabilities(run: RunResult): number[] {
  const sums = new Array<number>(OUTCOME_CLASSES.length).fill(0);
  for (const r of run.records) r.policies.baseline!.outcomes.classes.forEach((p, k) => (sums[k]! += p));
  return sums.map((s) => s / Math.max(1, run.records.length));
}

function solverSummary(run: RunResult): SolverSummary {
  const methods: Record<string, number> = {};
  let maxIterations = 0;
  let maxResidual = 0;
  for (const r of run.records)
    for (const s of Object.values(r.solver)) {
      methods[s.method] = (methods[s.method] ?? 0) + 1;
      maxIterations = Math.max(maxIterations, s.iterations);
      maxResidual = Math.max(maxResidual, s.residual);
    }
  const first = run.records[0];
  const nodes = Object.fromEntries(POLICY_RUNS.map((p) => [p.id, first?.solver[p.id]?.nodes ?? 0]));
  return { methods, maxIterations, maxResidual, nodes };
}

export function aggregate(run: RunResult, scenario: string): AnalysisResults {
  return {
    scenario,
    seed: run.seed,
    draws: run.draws,
    lambda: run.lambda,
    solver: solverSummary(run),
    costs: aggregateCosts(run),
    q1: aggregateQ1(run),
    q2: aggregateQ2(run),
    q3: aggregateQ3(run),
    q4: aggregateQ4(run),
    q5: aggregateQ5(run),
    q6: aggregateQ6(run),
    q7: aggregateQ7(run),
    ...(run.model.negotiation ? { negotiation: negotiationTrack(run.model) } : {}),
    rollouts: aggregateRollouts(
      run.records.map((r) => baselineDetail(r).rollouts),
      meanClassProbabilities(run),
    ),
    checks: aggregateChecks(
      run.records.map((r) => baselineDetail(r).checks),
      coefficientOfVariation,
    ),
  };
}

/** The report of a run whose draws are done (in one process, across workers, or merged from shards). */
export function analysisOfRun(run: RunResult, options: AnalyzeOptions = {}): Analysis {
  const model = run.model;
  const results = aggregate(run, options.scenarioLabel ?? model.file);
  const doc = buildReport(results, {
    title: model.spec.title,
    scenarioId: model.spec.id,
    version: options.version ?? '',
  });
  return { run, results, doc };
}

/** Seed, draws and λ: the options given, else the scenario's defaults. */
export function runSettings(model: Model, options: AnalyzeOptions = {}) {
  const d = model.spec.defaults;
  return {
    seed: options.seed ?? d.seed,
    draws: options.draws ?? d.draws,
    lambda: options.lambda ?? d.lambda,
    sampling: options.sampling ?? 'random',
  };
}

/** The whole analysis in this thread. */
export function analyzeModel(model: Model, options: AnalyzeOptions = {}): Analysis {
  const run = runDraws(model, { ...runSettings(model, options), onDraw: options.onDraw });
  return analysisOfRun(run, options);
}
