// Statistics across parameter draws and over the leaves of one solved game. Every figure of
// `brink analyze` is the mean over draws of a per-draw number, reported with the 5th and 95th
// percentiles of the draw distribution (a 90 % interval).

/** A figure across draws: its mean and the 5th–95th percentile interval; n = draws where it is defined. */
export interface Stat {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/**
 * The q-quantile of ascending values by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7, the default of R and NumPy): position (n − 1)·q.
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const frac = pos - lo;
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * frac;
}

/** Mean and 90 % interval of the defined (non-NaN) values; NaN figures with n = 0 when none is. */
export function summarise(values: readonly number[]): Stat {
  const defined = values.filter((v) => !Number.isNaN(v));
  if (defined.length === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN, n: 0 };
  const sorted = [...defined].sort((a, b) => a - b);
  let sum = 0;
  for (const v of defined) sum += v;
  return {
    mean: sum / defined.length,
    low: quantileSorted(sorted, 0.05),
    high: quantileSorted(sorted, 0.95),
    n: defined.length,
  };
}

/** Stat of a per-draw number picked out of each draw's record. */
export function statOf<T>(draws: readonly T[], pick: (d: T) => number): Stat {
  return summarise(draws.map(pick));
}

/** Sample standard deviation over mean (coefficient of variation); NaN for fewer than two values. */
export function coefficientOfVariation(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return Math.sqrt(variance) / Math.abs(mean);
}

/**
 * Weighted quantiles of a discrete distribution (values with probabilities): for each q, the
 * smallest value whose cumulative probability reaches q (the inverse of the distribution function).
 */
export function weightedQuantiles(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  qs: readonly number[],
): number[] {
  return weightedQuantilesFrom(values, weights, qs).quantiles;
}

/**
 * weightedQuantiles, starting the sort from `guess`, a likely order of the indices (e.g. that of a
 * previous draw of the same tree, which it returns as `order`): the sort is adaptive, so a close
 * guess makes it cheap. Values and indices order the entries totally, so the result does not
 * depend on the guess; a NaN value would make the comparison inconsistent, so it is then ignored.
 */
export function weightedQuantilesFrom(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  qs: readonly number[],
  guess?: readonly number[],
): { quantiles: number[]; order: number[] } {
  let total = 0;
  let nan = false;
  const positive = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (weights[i]! > 0) {
      positive[i] = 1;
      total += weights[i]!;
      if (Number.isNaN(values[i]!)) nan = true;
    }
  }
  const order: number[] = [];
  if (guess && !nan) {
    for (const i of guess) {
      if (positive[i] !== 1) continue;
      positive[i] = 2;
      order.push(i);
    }
  }
  for (let i = 0; i < values.length; i++) if (positive[i] === 1) order.push(i);
  if (order.length === 0) return { quantiles: qs.map(() => Number.NaN), order };
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  const quantiles = qs.map((q) => {
    let cum = 0;
    for (const i of order) {
      cum += weights[i]!;
      // A relative tolerance keeps q = 1 and sums rounded just below a boundary on the right value.
      if (cum >= q * total * (1 - 1e-12)) return values[i]!;
    }
    return values[order[order.length - 1]!]!;
  });
  return { quantiles, order };
}

/** a / b, or NaN when the conditioning event has no probability (b = 0). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Number.NaN;
}
