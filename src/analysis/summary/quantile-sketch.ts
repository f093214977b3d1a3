// A mergeable quantile sketch with relative accuracy: DDSketch (C. Masson, J. E. Rim & H. K. Lee
// 2019, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees",
// PVLDB 12(12)). A value x > 0 is counted in the logarithmic bucket i = ⌈log_γ x⌉, γ = (1+α)/(1−α),
// which covers (γ^(i−1), γ^i]; the bucket's representative 2γ^i/(γ+1) is within relative error α of
// every value in it. Negative values have their own buckets by |x|, values below a minimum
// magnitude count as zero, and ±Infinity are counted at the ends. Buckets are never collapsed, so a
// sketch is a function of the multiset of values alone: any order and any split into merged parts
// give the same counts (merge adds them), and the same serialisation.
//
// quantile(q) follows the draws' interval rule (stats.ts, Hyndman & Fan 7): the order statistics at
// ⌊(n−1)q⌋ and ⌈(n−1)q⌉ are taken from the buckets holding them, and interpolated linearly. When both
// have the same sign the result is within relative error α of the exact quantile; across a sign
// change the error is at most α times the larger magnitude (plus the zero threshold).

/** Relative accuracy of the sweep's intervals: 0.1 %. */
export const SKETCH_ALPHA = 0.001;
/** Magnitudes below this count as zero (figures of a sweep are probabilities and utilities). */
export const SKETCH_MIN_MAGNITUDE = 1e-12;

export interface QuantileSketchJson {
  readonly alpha: number;
  readonly minMagnitude: number;
  readonly zeros: number;
  readonly negativeInfinity: number;
  readonly positiveInfinity: number;
  /** [bucket index, count], ascending index; buckets of |x| for negative values. */
  readonly positive: [number, number][];
  readonly negative: [number, number][];
}

export class QuantileSketch {
  readonly gamma: number;
  private readonly logGamma: number;
  private readonly positive = new Map<number, number>();
  private readonly negative = new Map<number, number>();
  private zeros = 0;
  private negativeInfinity = 0;
  private positiveInfinity = 0;
  private total = 0;

  constructor(
    readonly alpha = SKETCH_ALPHA,
    readonly minMagnitude = SKETCH_MIN_MAGNITUDE,
  ) {
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`QuantileSketch: alpha ${alpha} not in (0, 1)`);
    if (!(minMagnitude > 0)) throw new RangeError(`QuantileSketch: minMagnitude ${minMagnitude} not > 0`);
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
  }

  /** Values counted (NaN is never counted). */
  get count(): number {
    return this.total;
  }

  get infinities(): { negative: number; positive: number } {
    return { negative: this.negativeInfinity, positive: this.positiveInfinity };
  }

  /** The bucket of a magnitude ≥ minMagnitude. */
  bucketOf(magnitude: number): number {
    return Math.ceil(Math.log(magnitude) / this.logGamma);
  }

  /** The value standing for bucket i: within relative error α of any magnitude in it. */
  representative(i: number): number {
    return (2 * this.gamma ** i) / (this.gamma + 1);
  }

  add(x: number, times = 1): void {
    if (Number.isNaN(x)) throw new RangeError('QuantileSketch.add: NaN (count it apart)');
    this.total += times;
    if (x === Number.POSITIVE_INFINITY) this.positiveInfinity += times;
    else if (x === Number.NEGATIVE_INFINITY) this.negativeInfinity += times;
    else if (Math.abs(x) < this.minMagnitude) this.zeros += times;
    else {
      const store = x > 0 ? this.positive : this.negative;
      const i = this.bucketOf(Math.abs(x));
      store.set(i, (store.get(i) ?? 0) + times);
    }
  }

  /** Adds the other sketch's counts (same α and minimum magnitude). */
  merge(other: QuantileSketch): void {
    if (other.alpha !== this.alpha || other.minMagnitude !== this.minMagnitude)
      throw new RangeError(
        `QuantileSketch.merge: α ${other.alpha}, min ${other.minMagnitude} differ from α ${this.alpha}, min ${this.minMagnitude}`,
      );
    for (const [i, c] of other.positive) this.positive.set(i, (this.positive.get(i) ?? 0) + c);
    for (const [i, c] of other.negative) this.negative.set(i, (this.negative.get(i) ?? 0) + c);
    this.zeros += other.zeros;
    this.negativeInfinity += other.negativeInfinity;
    this.positiveInfinity += other.positiveInfinity;
    this.total += other.total;
  }

  /** Runs of equal representatives in ascending value order: [value, count]. */
  private ascending(): [number, number][] {
    const neg = [...this.negative].sort((a, b) => b[0] - a[0]);
    const pos = [...this.positive].sort((a, b) => a[0] - b[0]);
    const runs: [number, number][] = [];
    if (this.negativeInfinity > 0) runs.push([Number.NEGATIVE_INFINITY, this.negativeInfinity]);
    for (const [i, c] of neg) runs.push([-this.representative(i), c]);
    if (this.zeros > 0) runs.push([0, this.zeros]);
    for (const [i, c] of pos) runs.push([this.representative(i), c]);
    if (this.positiveInfinity > 0) runs.push([Number.POSITIVE_INFINITY, this.positiveInfinity]);
    return runs;
  }

  /** Quantiles by the rule of stats.ts (position (n − 1)·q, linear interpolation); NaN when empty. */
  quantiles(qs: readonly number[]): number[] {
    if (this.total === 0) return qs.map(() => Number.NaN);
    const runs = this.ascending();
    // The k-th smallest value (0-based): the representative of the run holding it.
    const orderStatistic = (k: number): number => {
      let seen = 0;
      for (const [v, c] of runs) {
        seen += c;
        if (k < seen) return v;
      }
      return runs[runs.length - 1]![0];
    };
    return qs.map((q) => {
      const pos = (this.total - 1) * q;
      const lo = Math.floor(pos);
      const hi = Math.ceil(pos);
      const a = orderStatistic(lo);
      const b = orderStatistic(hi);
      return lo === hi || a === b ? a : a + (b - a) * (pos - lo);
    });
  }

  quantile(q: number): number {
    return this.quantiles([q])[0]!;
  }

  toJSON(): QuantileSketchJson {
    const sorted = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]);
    return {
      alpha: this.alpha,
      minMagnitude: this.minMagnitude,
      zeros: this.zeros,
      negativeInfinity: this.negativeInfinity,
      positiveInfinity: this.positiveInfinity,
      positive: sorted(this.positive),
      negative: sorted(this.negative),
    };
  }

  static fromJSON(json: QuantileSketchJson): QuantileSketch {
    const s = new QuantileSketch(json.alpha, json.minMagnitude);
    const count = (what: string, c: unknown): number => {
      if (!Number.isSafeInteger(c) || (c as number) < 0)
        throw new RangeError(`QuantileSketch.fromJSON: ${what}: expected a count, got ${String(c)}`);
      return c as number;
    };
    s.zeros = count('zeros', json.zeros);
    s.negativeInfinity = count('negativeInfinity', json.negativeInfinity);
    s.positiveInfinity = count('positiveInfinity', json.positiveInfinity);
    s.total = s.zeros + s.negativeInfinity + s.positiveInfinity;
    for (const [name, pairs, store] of [
      ['positive', json.positive, s.positive],
      ['negative', json.negative, s.negative],
    ] as const) {
      if (!Array.isArray(pairs)) throw new RangeError(`QuantileSketch.fromJSON: ${name}: expected an array`);
      for (const pair of pairs) {
        const [i, c] = Array.isArray(pair) ? pair : [];
        if (!Number.isSafeInteger(i) || store.has(i as number))
          throw new RangeError(`QuantileSketch.fromJSON: ${name}: bad bucket ${JSON.stringify(pair)}`);
        const n = count(`${name} bucket ${i}`, c);
        if (n === 0) continue;
        store.set(i as number, n);
        s.total += n;
      }
    }
    return s;
  }
}
