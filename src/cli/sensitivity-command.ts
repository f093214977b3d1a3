// `brink sensitivity [SCENARIO] [--sobol-n N] [--factors a,b,c | --top K] [--threshold PARAM
// --stage STAGE [--range LO,HI]] [--seed N] [--lambda X] [--workers N] [--format ...] [-o FILE] [-q]`:
// how the baseline game's headline outcomes respond to the scenario's parameters — a one-at-a-time
// tornado, Sobol indices of the leading factors, and optionally the flip thresholds of a stage's
// modal option in one parameter (docs/sensitivity.md).
import { defaultWorkers } from '../analysis/draw-pool.js';
import { renderReport } from '../analysis/report/render.js';
import { hasHeadlineOutputs } from '../analysis/sensitivity/headline.js';
import {
  type SobolRun,
  type ThresholdResult,
  type TornadoResult,
  checkStep,
  factorIndex,
  flipThresholdsFor,
  openPointPool,
  parameterIndex,
  sobolFor,
  thresholdRange,
  tornado,
} from '../analysis/sensitivity/run-sensitivity.js';
import { varyingParameters } from '../analysis/sensitivity/scenario-inputs.js';
import {
  type SensitivityResults,
  buildSensitivityReport,
} from '../analysis/sensitivity/sensitivity-report.js';
import { rerunners } from '../store/rerun.js';
import { recordRun } from '../store/run-store.js';
import { parseFormat, parseSeed, parseWorkers, readScenario, writeOutput } from './analyze-command.js';
import { parseLambda } from './compare-command.js';
import { UsageError } from './errors.js';
import { packageVersion } from './package-root.js';
import { makeProgress } from './progress.js';

export interface SensitivityCommandOptions {
  sobolN?: string;
  factors?: string;
  top?: string;
  threshold?: string;
  stage?: string;
  /** Comma-separated options of the stage to compare (only these). */
  between?: string;
  range?: string;
  points?: string;
  seed?: string;
  lambda?: string;
  workers?: string;
  db?: string;
  save?: boolean;
  format?: string;
  out?: string;
  quiet?: boolean;
}

export const DEFAULT_SOBOL_N = 64;
export const DEFAULT_TOP = 6;
export const DEFAULT_POINTS = 41;
const MAX_SOBOL_N = 100_000;

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const x = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(x) || x < min || x > max)
    throw new UsageError(`${option} ${text}: expected a whole number from ${min} to ${max}`);
  return x;
}

/** --sobol-n: 0 skips the Sobol indices; otherwise at least 2 rows. */
export function parseSobolN(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SOBOL_N;
  const n = wholeNumber('--sobol-n', text, 0, MAX_SOBOL_N);
  if (n === 1)
    throw new UsageError('--sobol-n 1: the Sobol estimators need at least 2 rows (or 0 to skip them)');
  return n;
}

/** "LO,HI" with LO < HI. */
export function parseRange(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((s) => s.trim());
  const [lo, hi] = parts.map(Number) as [number, number];
  if (
    parts.length !== 2 ||
    parts.some((p) => p === '') ||
    !(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)
  )
    throw new UsageError(`--range ${text}: expected two numbers LO,HI with LO < HI`);
  return [lo, hi];
}

/** Runs a name check of the analysis, turning its RangeError into a usage error. */
function checked<T>(option: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`${option}: ${e.message}`);
    throw e;
  }
}

/** "a,b" → the options compared by --between (at least two). */
function parseBetween(text: string): string[] {
  const names = text
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (names.length < 2)
    throw new UsageError(
      `--between ${text}: give two or more options of the stage, e.g. limited_strike,broad_campaign`,
    );
  return names;
}

async function checkedAsync<T>(option: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(`${option}: ${e.message}`);
    throw e;
  }
}

export interface Plan {
  readonly sobolN: number;
  readonly factors?: string[];
  readonly top: number;
  readonly threshold?: {
    param: string;
    stage: string;
    among?: string[];
    range?: [number, number];
    points: number;
  };
  readonly seed?: number;
  readonly lambda?: number;
  readonly workers: number;
}

function plan(opts: SensitivityCommandOptions): Plan {
  if (opts.factors !== undefined && opts.top !== undefined)
    throw new UsageError('--factors and --top: give one or the other');
  if ((opts.threshold === undefined) !== (opts.stage === undefined))
    throw new UsageError('--threshold and --stage go together: the parameter to scan and the stage to watch');
  for (const [option, value] of [
    ['--range', opts.range],
    ['--points', opts.points],
    ['--between', opts.between],
  ] as const)
    if (value !== undefined && opts.threshold === undefined)
      throw new UsageError(`${option}: only with --threshold`);
  const factors = opts.factors
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (factors !== undefined && factors.length === 0)
    throw new UsageError('--factors: give parameter names separated by commas');
  return {
    sobolN: parseSobolN(opts.sobolN),
    ...(factors ? { factors } : {}),
    top: opts.top === undefined ? DEFAULT_TOP : wholeNumber('--top', opts.top, 1, 1000),
    ...(opts.threshold !== undefined && opts.stage !== undefined
      ? {
          threshold: {
            param: opts.threshold,
            stage: opts.stage,
            ...(opts.between !== undefined ? { among: parseBetween(opts.between) } : {}),
            range: parseRange(opts.range),
            points:
              opts.points === undefined ? DEFAULT_POINTS : wholeNumber('--points', opts.points, 2, 10_000),
          },
        }
      : {}),
    seed: parseSeed(opts.seed),
    lambda: parseLambda(opts.lambda),
    workers: parseWorkers(opts.workers) ?? defaultWorkers(),
  };
}

/** The sensitivity computations of a plan on a scenario; progress and timing on stderr unless quiet. */
export async function computeSensitivity(
  scenario: ReturnType<typeof readScenario>,
  p: Plan,
  quiet: boolean | undefined,
): Promise<{ results: SensitivityResults; seed: number; lambda: number }> {
  const { model } = scenario;
  if (p.factors) for (const f of p.factors) checked('--factors', () => factorIndex(model, f));
  if (p.threshold) {
    const { param, stage } = p.threshold;
    checked('--threshold', () => parameterIndex(model, param));
    checked('--stage', () => checkStep(model, stage));
  }
  // The interval scanned: --range, else the parameter's 1 %–99 % quantiles (or its support).
  const range =
    p.threshold &&
    (p.threshold.range ?? checked('--threshold', () => thresholdRange(model, p.threshold!.param)));
  const headline = hasHeadlineOutputs(model);
  if (!headline && !p.threshold)
    throw new UsageError(
      `${scenario.label} does not define the outcome classes (outcome_* formulas) the tornado and Sobol indices are read from; only --threshold PARAM --stage STAGE works on it`,
    );
  const top = Math.min(p.top, varyingParameters(model).length);
  const seed = p.seed ?? model.spec.defaults.seed;
  const lambda = p.lambda ?? model.spec.defaults.lambda;
  const pool = openPointPool(model, { lambda, workers: p.workers, scenarioText: scenario.text });
  const started = Date.now();
  const phase = async <T>(
    label: string,
    body: (onProgress: (d: number, t: number) => void) => Promise<T>,
  ) => {
    const progress = makeProgress(`brink sensitivity: ${label}`, quiet, 'solves');
    try {
      return await body((d, t) => progress.update(d, t));
    } finally {
      progress.stop();
    }
  };
  let t: TornadoResult | undefined;
  let sobol: SobolRun | undefined;
  const thresholds: ThresholdResult[] = [];
  try {
    if (headline) {
      t = await phase('tornado', (onProgress) => tornado(model, { pool, onProgress }));
      if (p.sobolN > 0) {
        const s = { pool, n: p.sobolN, seed, tornado: t };
        sobol = await phase('Sobol', (onProgress) =>
          sobolFor(model, p.factors ? { ...s, factors: p.factors, onProgress } : { ...s, top, onProgress }),
        );
      }
    }
    if (p.threshold && range) {
      const { param, stage, points, among } = p.threshold;
      const lo = range[0];
      const hi = range[1];
      thresholds.push(
        await phase('thresholds', (onProgress) =>
          checkedAsync('--between', () =>
            flipThresholdsFor(model, {
              pool,
              param,
              stage,
              lo,
              hi,
              points,
              onProgress,
              ...(among ? { among } : {}),
            }),
          ),
        ),
      );
    }
  } finally {
    await pool.close();
  }
  if (!quiet) {
    // Timing goes to stderr only: the output itself must not depend on the machine.
    const runs =
      (t?.evaluations ?? 0) + (sobol?.evaluations ?? 0) + thresholds.reduce((s, x) => s + x.evaluations, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`brink sensitivity: ${runs} solves in ${seconds} s\n`);
  }
  const results = { ...(t ? { tornado: t } : {}), ...(sobol ? { sobol } : {}), thresholds };
  return { results, seed, lambda };
}

/** The plan as the run store keeps it: everything but the worker count, which does not change results. */
function storedPlan(p: Plan, lambda: number): Record<string, unknown> {
  const { workers: _, ...rest } = p;
  return { ...rest, lambda };
}

/** Lets `brink runs rerun` reproduce stored sensitivity runs (the store cannot import the CLI). */
export function registerSensitivityRerun(): void {
  rerunners.sensitivity = async (model, run) => {
    const p = { ...(run.options as unknown as Plan), seed: run.seed, workers: defaultWorkers() };
    const scenario = { file: run.scenarioLabel, label: run.scenarioLabel, text: run.scenarioText, model };
    return (await computeSensitivity(scenario, p, true)).results;
  };
}

/** The plan of `brink analyze --sensitivity`: the tornado and Sobol indices at their defaults. */
export function analyzeSensitivityPlan(opts: { sobolN?: string; workers?: string; seed?: string }): Plan {
  return plan({ sobolN: opts.sobolN, workers: opts.workers, seed: opts.seed });
}

/** The report text; progress and timing go to stderr unless quiet. Throws UsageError or ScenarioError. */
export async function sensitivityReport(
  scenarioPath: string | undefined,
  opts: SensitivityCommandOptions = {},
): Promise<string> {
  const p = plan(opts);
  const format = parseFormat(opts.format);
  const scenario = readScenario(scenarioPath);
  const { results, seed, lambda } = await computeSensitivity(scenario, p, opts.quiet);
  if (opts.save !== false) {
    const stored = recordRun(opts.db, {
      kind: 'sensitivity',
      scenarioLabel: scenario.label,
      scenarioText: scenario.text,
      seed,
      draws: 0,
      options: storedPlan(p, lambda),
      version: packageVersion(),
      results,
    });
    if (!opts.quiet)
      process.stderr.write(`brink: saved as run ${stored.id} (brink runs show ${stored.id})\n`);
  }
  const doc = buildSensitivityReport(results, {
    title: scenario.model.spec.title,
    scenario: scenario.label,
    version: packageVersion(),
    seed,
    lambda,
  });
  return renderReport(format === 'json' ? doc : { ...doc, data: undefined }, format);
}

export async function sensitivityCommand(
  scenarioPath: string | undefined,
  opts: SensitivityCommandOptions = {},
): Promise<void> {
  const text = await sensitivityReport(scenarioPath, opts);
  if (opts.out === undefined) process.stdout.write(text);
  else writeOutput(opts.out, text);
}
