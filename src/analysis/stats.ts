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
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (weights[i]! > 0) {
      order.push(i);
      total += weights[i]!;
    }
  }
  if (order.length === 0) return qs.map(() => Number.NaN);
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  return qs.map((q) => {
    let cum = 0;
    for (const i of order) {
      cum += weights[i]!;
      // A relative tolerance keeps q = 1 and sums rounded just below a boundary on the right value.
      if (cum >= q * total * (1 - 1e-12)) return values[i]!;
    }
    return values[order[order.length - 1]!]!;
  });
}

/** a / b, or NaN when the conditioning event has no probability (b = 0). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Number.NaN;
}
