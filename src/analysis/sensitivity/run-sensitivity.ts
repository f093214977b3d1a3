// The sensitivity analysis of a scenario's headline figures (headline.ts) to its parameters, by
// three methods of this folder: a one-at-a-time tornado over every varying parameter (5 % and 95 %
// quantiles, the others at their means; one-at-a-time.ts), variance-based Sobol indices of a few
// factors by the Saltelli design (sobol.ts), and flip thresholds of a stage's modal option in one
// parameter (flip-threshold.ts). Each method builds its batch of parameter vectors first and has
// them evaluated by a point pool (point-pool.ts), so the figures do not depend on the worker count.
// Results are plain data (numbers, strings, arrays) for reports and JSON.
import { readFileSync } from 'node:fs';
import { quantile, support } from '../../scenario/distributions.js';
import type { Model } from '../../scenario/model.js';
import { didYouMean } from '../../scenario/suggest.js';
import { type Flip, flipThresholds } from './flip-threshold.js';
import { type HeadlineOutput, NOT_PLAYED, makeHeadlineEvaluator, stepOptions } from './headline.js';
import { type OatBar, oneAtATime } from './one-at-a-time.js';
import { type PointPool, makePointPool } from './point-pool.js';
import { parameterRanges, unitToParameters, varyingParameters } from './scenario-inputs.js';
import { type SobolResult, designSize, saltelliDesign, sobolIndices } from './sobol.js';

export interface EvaluationOptions {
  /** Logit QRE λ (default: the scenario's). Ignored with `pool` (the pool's λ is used). */
  readonly lambda?: number;
  /** Worker threads (default 1: this thread). Ignored with `pool`. */
  readonly workers?: number;
  /** The text the model was parsed from, for the workers (default: the model's file, read again). */
  readonly scenarioText?: string;
  /** An open pool to evaluate with (see openPointPool); the caller closes it. */
  readonly pool?: PointPool;
  /** Called as model runs complete. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A point pool for a scenario at λ (default: the scenario's), in this thread or across workers. */
export function openPointPool(
  model: Model,
  options: Pick<EvaluationOptions, 'lambda' | 'workers' | 'scenarioText'> = {},
): PointPool {
  const lambda = options.lambda ?? model.spec.defaults.lambda;
  const workers = options.workers ?? 1;
  const evaluator = makeHeadlineEvaluator(model, lambda);
  const scenarioText = workers > 1 ? (options.scenarioText ?? readFileSync(model.file, 'utf8')) : '';
  return makePointPool({ scenarioText, scenarioFile: model.file, lambda }, evaluator, { workers });
}

async function withPool<T>(model: Model, options: EvaluationOptions, body: (pool: PointPool) => Promise<T>) {
  if (options.pool) return body(options.pool);
  const pool = openPointPool(model, options);
  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}

/** Index of a parameter; a RangeError with a suggestion for an unknown name. */
export function parameterIndex(model: Model, name: string): number {
  const i = model.params.findIndex((p) => p.name === name);
  if (i < 0)
    throw new RangeError(
      `no parameter '${name}'${didYouMean(
        name,
        model.params.map((p) => p.name),
      )}`,
    );
  return i;
}

/** Index of a parameter that varies (a sensitivity factor); RangeError otherwise. */
export function factorIndex(model: Model, name: string): number {
  const i = parameterIndex(model, name);
  if (!varyingParameters(model).includes(i))
    throw new RangeError(`parameter '${name}' has a single value in the scenario, so it cannot be a factor`);
  return i;
}

/** The step (stage or private type) a threshold is asked of; RangeError with a suggestion otherwise. */
export function checkStep(model: Model, step: string): string {
  stepOptions(model, step);
  return step;
}

function requireOutputs(pool: PointPool): readonly HeadlineOutput[] {
  const outputs = pool.evaluator.outputs;
  if (outputs.length === 0)
    throw new RangeError(
      'the scenario does not define the six outcome classes (outcome_* formulas), so it has no headline outputs to analyse',
    );
  return outputs;
}

// ---- tornado -------------------------------------------------------------------------------------

export interface TornadoOptions extends EvaluationOptions {
  /** The parameters to sweep (default: every varying parameter). */
  readonly parameters?: readonly string[];
  /** Quantiles of the low and high values (default 0.05 and 0.95). */
  readonly pLow?: number;
  readonly pHigh?: number;
}

export interface TornadoResult {
  readonly lambda: number;
  readonly pLow: number;
  readonly pHigh: number;
  readonly outputs: HeadlineOutput[];
  /** Names of the swept parameters (Model.params order). */
  readonly parameters: string[];
  /** The outputs with every parameter at its mean. */
  readonly atBase: number[];
  /** Per output, one bar per swept parameter, widest swing first (one-at-a-time.ts). */
  readonly bars: OatBar[][];
  /** Model runs: 1 + 2m for m swept parameters. */
  readonly evaluations: number;
}

/**
 * The one-at-a-time tornado of the headline outputs: each parameter alone at its pLow- and
 * pHigh-quantile, the others at their means. The sweep of one-at-a-time.ts is run twice, once to
 * collect its points and once to read their outputs back from the pool, so the ranking logic
 * stays in one place.
 */
export async function tornado(model: Model, options: TornadoOptions = {}): Promise<TornadoResult> {
  const pLow = options.pLow ?? 0.05;
  const pHigh = options.pHigh ?? 0.95;
  const ranges = parameterRanges(model, pLow, pHigh);
  const swept = options.parameters
    ? [...new Set(options.parameters.map((n) => factorIndex(model, n)))].sort((a, b) => a - b)
    : ranges.varying;
  const low = Float64Array.from(ranges.base);
  const high = Float64Array.from(ranges.base);
  for (const i of swept) {
    low[i] = ranges.low[i]!;
    high[i] = ranges.high[i]!;
  }
  return withPool(model, options, async (pool) => {
    const outputs = requireOutputs(pool);
    const points: Float64Array[] = [];
    oneAtATime(
      model,
      (p) => {
        points.push(Float64Array.from(p));
        return outputs.map(() => 0);
      },
      { base: ranges.base, low, high },
    );
    const values = await pool.run(points, { kind: 'headline' }, options.onProgress);
    let k = 0;
    const result = oneAtATime(
      model,
      (p) => {
        const expected = points[k]!;
        if (!p.every((x, i) => Object.is(x, expected[i])))
          throw new Error('internal: the sweep changed order');
        return values[k++]!;
      },
      { base: ranges.base, low, high },
    );
    return {
      lambda: pool.evaluator.lambda,
      pLow,
      pHigh,
      outputs: [...outputs],
      parameters: swept.map((i) => model.params[i]!.name),
      atBase: result.atBase,
      bars: result.bars,
      evaluations: points.length,
    };
  });
}

/** The k parameters of largest swing over all outputs (the largest of their swings), widest first. */
export function topFactors(t: TornadoResult, k: number): string[] {
  const widest = new Map<string, { index: number; swing: number }>();
  for (const bars of t.bars)
    for (const b of bars) {
      const s = Number.isNaN(b.swing) ? -1 : b.swing;
      const seen = widest.get(b.name);
      if (!seen || s > seen.swing) widest.set(b.name, { index: b.index, swing: s });
    }
  return [...widest.entries()]
    .sort(([, a], [, b]) => b.swing - a.swing || a.index - b.index)
    .slice(0, k)
    .map(([name]) => name);
}

// ---- Sobol indices ---------------------------------------------------------------------------------

export interface SobolForOptions extends EvaluationOptions {
  /** The factors by name; default: the `top` of the tornado. */
  readonly factors?: readonly string[];
  /** Factors taken from the tornado when none are named (default 6). */
  readonly top?: number;
  /** A tornado already computed (else one is run when factors are not named). */
  readonly tornado?: TornadoResult;
  /** Base sample size N (default 64): N(k + 2) model runs. */
  readonly n?: number;
  /** Seed of the design and of the bootstrap (default: the scenario's). */
  readonly seed?: number;
  /** Bootstrap resamples (default 1000) and the intervals' coverage (default 0.95). */
  readonly bootstrap?: number;
  readonly level?: number;
}

export interface SobolRun {
  readonly lambda: number;
  readonly seed: number;
  readonly n: number;
  readonly factors: string[];
  /** How the factors were chosen. */
  readonly selection: 'named' | 'tornado';
  /** Varying parameters that are not factors: held at their means, so the indices are conditional on them. */
  readonly heldAtMeans: number;
  readonly outputs: HeadlineOutput[];
  /** Per output (outputs order): S_i, S_Ti and their bootstrap intervals, factors order. */
  readonly indices: SobolResult[];
  readonly bootstrap: number;
  readonly level: number;
  /** Model runs: N(k + 2). */
  readonly evaluations: number;
}

/**
 * First-order and total Sobol indices of the headline outputs for a few factors, each ranging over
 * its distribution (the inverse-CDF map of scenario-inputs.ts), the other parameters at their means.
 */
export async function sobolFor(model: Model, options: SobolForOptions = {}): Promise<SobolRun> {
  const n = options.n ?? 64;
  const seed = options.seed ?? model.spec.defaults.seed;
  const bootstrap = options.bootstrap ?? 1000;
  const level = options.level ?? 0.95;
  if (options.factors) for (const f of options.factors) factorIndex(model, f);
  return withPool(model, options, async (pool) => {
    const outputs = requireOutputs(pool);
    let names = options.factors ? [...new Set(options.factors)] : undefined;
    if (!names) {
      const t = options.tornado ?? (await tornado(model, { pool, onProgress: options.onProgress }));
      names = topFactors(t, options.top ?? 6);
    }
    const factors = names.map((f) => factorIndex(model, f));
    const design = saltelliDesign(factors.length, n, seed);
    const k = factors.length;
    const points = Array.from({ length: designSize(k, n) }, (_, r) =>
      unitToParameters(model, design.points.subarray(r * k, (r + 1) * k), factors),
    );
    const values = await pool.run(points, { kind: 'headline' }, options.onProgress);
    const series = outputs.map((_, o) => Float64Array.from(values, (v) => v[o]!));
    return {
      lambda: pool.evaluator.lambda,
      seed,
      n,
      factors: names,
      selection: options.factors ? 'named' : 'tornado',
      heldAtMeans: varyingParameters(model).length - k,
      outputs: [...outputs],
      indices: sobolIndices(design, series, { bootstrap, level, seed }),
      bootstrap,
      level,
      evaluations: points.length,
    };
  });
}

// ---- flip thresholds --------------------------------------------------------------------------------

export interface ThresholdOptions extends EvaluationOptions {
  readonly param: string;
  /** A stage (or private type) id. */
  readonly stage: string;
  /** Compare only these options of the stage (e.g. limited_strike, broad_campaign): which of them is more probable. */
  readonly among?: readonly string[];
  /** The interval scanned (default: the parameter's 1 % and 99 % quantiles, else its support). */
  readonly lo?: number;
  readonly hi?: number;
  /** Grid points of the scan (default 41). */
  readonly points?: number;
  /** Relative width at which bisection stops (default 1e-6). */
  readonly relTol?: number;
}

export interface ThresholdResult {
  readonly lambda: number;
  readonly param: string;
  readonly stage: string;
  /** The options compared, when not all of the stage's. */
  readonly among?: readonly string[];
  readonly lo: number;
  readonly hi: number;
  readonly points: number;
  readonly relTol: number;
  /** The parameter's mean (where the other parameters are held) and the modal option there. */
  readonly base: number;
  readonly modalAtBase: string;
  /** The modal option at the ends of the interval. */
  readonly modalAtLo: string;
  readonly modalAtHi: string;
  /** Every switch of the modal option in [lo, hi], increasing. */
  readonly flips: Flip<string>[];
  readonly evaluations: number;
}

/** The default scan interval of a parameter: its 1 %–99 % quantiles, else its support. */
export function thresholdRange(model: Model, name: string): [number, number] {
  const d = model.params[parameterIndex(model, name)]!.dist;
  const a = quantile(d, 0.01);
  const b = quantile(d, 0.99);
  if (Math.min(a, b) < Math.max(a, b)) return [Math.min(a, b), Math.max(a, b)];
  const [lo, hi] = support(d);
  if (Number.isFinite(lo) && Number.isFinite(hi) && lo < hi) return [lo, hi];
  throw new RangeError(`parameter '${name}' has a single value; give the interval to scan`);
}

/**
 * The values of one parameter, the others at their means, at which the modal option of a stage
 * changes: a grid scan (evaluated by the pool) then bisection of each bracket (in this thread).
 */
export async function flipThresholdsFor(model: Model, options: ThresholdOptions): Promise<ThresholdResult> {
  const index = parameterIndex(model, options.param);
  const stage = checkStep(model, options.stage);
  const range =
    options.lo === undefined || options.hi === undefined ? thresholdRange(model, options.param) : undefined;
  const lo = options.lo ?? range![0];
  const hi = options.hi ?? range![1];
  const points = options.points ?? 41;
  const relTol = options.relTol ?? 1e-6;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi))
    throw new RangeError(`need a finite interval lo < hi to scan, not [${lo}, ${hi}]`);
  if (!Number.isInteger(points) || points < 2)
    throw new RangeError(`need at least 2 grid points, not ${points}`);
  const base = parameterRanges(model).base;
  const at = (x: number) => {
    const p = Float64Array.from(base);
    p[index] = x;
    return p;
  };
  const choices = stepOptions(model, stage);
  const among = options.among;
  for (const o of among ?? [])
    if (!choices.includes(o))
      throw new RangeError(
        `'${o}' is not an option of '${stage}'${didYouMean(o, choices)}; it has ${choices.join(', ')}`,
      );
  const name = (c: number) => (c < 0 ? NOT_PLAYED : choices[c]!);
  return withPool(model, options, async (pool) => {
    // The grid of flipThresholds (same arithmetic, so the same doubles), evaluated in one batch.
    const width = hi - lo;
    const xs = Array.from({ length: points }, (_, i) =>
      i === points - 1 ? hi : lo + (width * i) / (points - 1),
    );
    const q = { kind: 'modal', step: stage, ...(among ? { among } : {}) } as const;
    const grid = await pool.run([...xs.map(at), at(base[index]!)], q, options.onProgress);
    const cache = new Map<number, string>(xs.map((x, i) => [x, name(grid[i]![0]!)]));
    let evaluations = grid.length;
    const choice = (x: number): string => {
      let c = cache.get(x);
      if (c === undefined) {
        evaluations++;
        c = name(pool.evaluator.modalIndex(at(x), stage, among));
        cache.set(x, c);
      }
      return c;
    };
    const flips = flipThresholds(choice, lo, hi, { points, relTol });
    return {
      lambda: pool.evaluator.lambda,
      param: options.param,
      stage,
      ...(among ? { among: [...among] } : {}),
      lo,
      hi,
      points,
      relTol,
      base: base[index]!,
      modalAtBase: name(grid[points]![0]!),
      modalAtLo: cache.get(xs[0]!)!,
      modalAtHi: cache.get(xs[points - 1]!)!,
      flips,
      evaluations,
    };
  });
}
