// Variance-based sensitivity: first-order and total Sobol indices (Sobol' 1993, "Sensitivity
// estimates for nonlinear mathematical models", MMCE 1(4)) by the Saltelli design (Saltelli 2002,
// "Making best use of model evaluations to compute sensitivity indices", CPC 145(2)): two
// independent N × k sample matrices A and B of the unit cube, and for each factor i the matrix
// A_B^(i), A with column i taken from B — N(k + 2) model runs in all. Estimators as recommended by
// Saltelli et al. (2010), "Variance based sensitivity analysis of model output. Design and
// estimator for the total sensitivity index", CPC 181(2), Table 2:
//   first order  S_i  = mean(f(B) · (f(A_B^(i)) − f(A))) / V          (Table 2 (b), Saltelli 2010)
//   total        S_Ti = mean((f(A) − f(A_B^(i)))²) / (2V)               (Table 2 (f), Jansen 1999)
// with V the variance of f over the 2N runs of A and B. f(B) is centred on the mean f̂0 of those
// runs first (E[f(A_B^(i)) − f(A)] = 0, so the expectation is unchanged): this makes S_i invariant
// to shifting the output and cuts its sampling error when |f0| is large (Sobol' 2001, "Global
// sensitivity indices for nonlinear mathematical models and their Monte Carlo estimates", MCS
// 55(1–3), §6). Confidence intervals are percentile
// bootstrap intervals (Efron & Tibshirani 1993, ch. 13) resampling the N rows, seeded.
//
// Plain data throughout: the design is points of the unit cube; callers map them through the
// factors' quantiles and evaluate them however they like (e.g. in a worker pool), then pass the
// outputs back in the same order.
import { uniformOpen } from '../../scenario/distributions.js';
import { streamFor } from '../../scenario/streams.js';
import { quantileSorted } from '../stats.js';

export interface SaltelliDesign {
  /** Number of factors. */
  readonly k: number;
  /** Base sample size (rows of A and of B). */
  readonly n: number;
  /**
   * The n(k + 2) points, row-major (point j's coordinates at points[j·k .. j·k + k)), in blocks of
   * n rows: block 0 is A, block 1 is B, block 2 + i is A_B^(i) (A with column i from B).
   */
  readonly points: Float64Array;
}

/** The number of model runs of a design: n(k + 2). */
export function designSize(k: number, n: number): number {
  return n * (k + 2);
}

/**
 * The Saltelli design for k factors and base sample size n under `seed`: A and B from independent
 * uniforms (row j of A and B from the stream (seed, 'saltelli', j), so a design is reproducible and
 * any row can be regenerated alone).
 */
export function saltelliDesign(k: number, n: number, seed: number): SaltelliDesign {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`a Sobol design needs k ≥ 1 factors, not ${k}`);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a Sobol design needs n ≥ 2 rows, not ${n}`);
  const points = new Float64Array(designSize(k, n) * k);
  const a = (j: number) => j * k;
  const b = (j: number) => (n + j) * k;
  for (let j = 0; j < n; j++) {
    const rng = streamFor(seed, 'saltelli', j);
    for (let c = 0; c < k; c++) points[a(j) + c] = uniformOpen(rng);
    for (let c = 0; c < k; c++) points[b(j) + c] = uniformOpen(rng);
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const row = ((2 + i) * n + j) * k;
      points.set(points.subarray(a(j), a(j) + k), row);
      points[row + i] = points[b(j) + i]!;
    }
  }
  return { k, n, points };
}

export interface SobolOptions {
  /** Bootstrap resamples for the confidence intervals (default 1000; 0 for none). */
  readonly bootstrap?: number;
  /** Coverage of the intervals (default 0.95). */
  readonly level?: number;
  /** Seed of the bootstrap resampling (default 0). */
  readonly seed?: number;
}

export interface SobolResult {
  /** First-order index S_i of each factor. */
  readonly first: number[];
  /** Total index S_Ti of each factor. */
  readonly total: number[];
  /** Percentile bootstrap intervals [low, high] of each S_i (empty when bootstrap is 0). */
  readonly firstCI: [number, number][];
  readonly totalCI: [number, number][];
  /** The output's variance over the 2n runs of A and B; all indices are 0 when it is 0. */
  readonly variance: number;
  /** The output's mean over the same runs. */
  readonly mean: number;
}

/** Index estimates from rows `rows` (with repetition) of one output. */
function estimate(
  y: ArrayLike<number>,
  k: number,
  n: number,
  rows: Int32Array | null,
  first: Float64Array,
  total: Float64Array,
): { mean: number; variance: number } {
  const m = rows ? rows.length : n;
  const row = (t: number) => (rows ? rows[t]! : t);
  let sum = 0;
  for (let t = 0; t < m; t++) sum += y[row(t)]! + y[n + row(t)]!;
  const mu = sum / (2 * m);
  let ss = 0;
  for (let t = 0; t < m; t++) ss += (y[row(t)]! - mu) ** 2 + (y[n + row(t)]! - mu) ** 2;
  const v = ss / (2 * m);
  for (let i = 0; i < k; i++) {
    const off = (2 + i) * n;
    let s1 = 0;
    let st = 0;
    for (let t = 0; t < m; t++) {
      const j = row(t);
      const fa = y[j]!;
      const fab = y[off + j]!;
      s1 += (y[n + j]! - mu) * (fab - fa);
      st += (fa - fab) ** 2;
    }
    first[i] = v > 0 ? s1 / m / v : 0;
    total[i] = v > 0 ? st / m / (2 * v) : 0;
  }
  return { mean: mu, variance: v };
}

/**
 * First-order and total Sobol indices of each output, with bootstrap intervals. `outputs[o][r]` is
 * output o at design point r (length n(k + 2), the design's order). The same bootstrap resamples
 * serve every output.
 */
export function sobolIndices(
  design: Pick<SaltelliDesign, 'k' | 'n'>,
  outputs: readonly (Float64Array | readonly number[])[],
  options: SobolOptions = {},
): SobolResult[] {
  const { k, n } = design;
  const size = designSize(k, n);
  outputs.forEach((y, o) => {
    if (y.length !== size)
      throw new RangeError(`output ${o} has ${y.length} values; the design has ${size} points`);
  });
  const reps = options.bootstrap ?? 1000;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 0;
  const boot = outputs.map(() => ({
    first: Array.from({ length: k }, () => new Float64Array(reps)),
    total: Array.from({ length: k }, () => new Float64Array(reps)),
  }));
  const rows = new Int32Array(n);
  const f = new Float64Array(k);
  const t = new Float64Array(k);
  for (let r = 0; r < reps; r++) {
    const rng = streamFor(seed, 'sobol-bootstrap', r);
    for (let j = 0; j < n; j++) rows[j] = Math.min(n - 1, Math.floor(uniformOpen(rng) * n));
    outputs.forEach((y, o) => {
      estimate(y, k, n, rows, f, t);
      for (let i = 0; i < k; i++) {
        boot[o]!.first[i]![r] = f[i]!;
        boot[o]!.total[i]![r] = t[i]!;
      }
    });
  }
  const interval = (xs: Float64Array): [number, number] => {
    const sorted = Array.from(xs).sort((a, b) => a - b);
    return [quantileSorted(sorted, (1 - level) / 2), quantileSorted(sorted, (1 + level) / 2)];
  };
  return outputs.map((y, o) => {
    const first = new Float64Array(k);
    const total = new Float64Array(k);
    const { mean, variance } = estimate(y, k, n, null, first, total);
    return {
      first: Array.from(first),
      total: Array.from(total),
      firstCI: reps > 0 ? boot[o]!.first.map(interval) : [],
      totalCI: reps > 0 ? boot[o]!.total.map(interval) : [],
      variance,
      mean,
    };
  });
}
