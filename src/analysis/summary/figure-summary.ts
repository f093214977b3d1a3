// One figure of a sweep, summarised over any number of draws in constant memory and merged in any
// order: how many draws define it, how many do not (NaN, e.g. a conditional figure of a class with
// no probability), the exact sum of its values (exact-sum.ts) and a quantile sketch (quantile-
// sketch.ts). It gives the Stat of stats.ts: the mean is the exact sum over n, correctly rounded
// before the one division; the 90 % interval is read from the sketch (relative accuracy α).
import type { Stat } from '../stats.js';
import { ExactSum } from './exact-sum.js';
import { QuantileSketch, type QuantileSketchJson } from './quantile-sketch.js';

export interface FigureSummaryJson {
  /** Draws where the figure is NaN. */
  readonly nan: number;
  /** Canonical parts of the exact sum of the finite values. */
  readonly sum: number[];
  /** Every non-NaN value, ±∞ included. */
  readonly sketch: QuantileSketchJson;
}

export class FigureSummary {
  private nan = 0;
  private readonly sum = new ExactSum();
  private readonly sketch: QuantileSketch;

  constructor(sketch = new QuantileSketch()) {
    this.sketch = sketch;
  }

  add(x: number): void {
    if (Number.isNaN(x)) {
      this.nan++;
      return;
    }
    if (Number.isFinite(x)) this.sum.add(x);
    this.sketch.add(x);
  }

  merge(other: FigureSummary): void {
    this.nan += other.nan;
    this.sum.merge(other.sum);
    this.sketch.merge(other.sketch);
  }

  /** Draws where the figure is defined (not NaN). */
  get n(): number {
    return this.sketch.count;
  }

  get undefinedDraws(): number {
    return this.nan;
  }

  /** Mean and 5th–95th percentile interval of the defined values, as summarise (stats.ts) gives them. */
  stat(): Stat {
    const n = this.n;
    if (n === 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN, n: 0 };
    const [low, high] = this.sketch.quantiles([0.05, 0.95]) as [number, number];
    return { mean: this.mean(), low, high, n };
  }

  private mean(): number {
    const inf = this.sketch.infinities;
    if (inf.positive > 0 && inf.negative > 0) return Number.NaN;
    if (inf.positive > 0) return Number.POSITIVE_INFINITY;
    if (inf.negative > 0) return Number.NEGATIVE_INFINITY;
    return this.sum.value() / this.n;
  }

  toJSON(): FigureSummaryJson {
    return { nan: this.nan, sum: this.sum.canonical(), sketch: this.sketch.toJSON() };
  }

  static fromJSON(json: FigureSummaryJson): FigureSummary {
    if (!Number.isSafeInteger(json?.nan) || json.nan < 0 || !Array.isArray(json.sum))
      throw new RangeError('FigureSummary.fromJSON: expected {nan, sum, sketch}');
    const f = new FigureSummary(QuantileSketch.fromJSON(json.sketch));
    f.nan = json.nan;
    f.sum.merge(ExactSum.fromJSON(json.sum));
    return f;
  }
}
