// Exact, order-independent summation of doubles: Shewchuk's non-overlapping expansions (J. R.
// Shewchuk 1997, "Adaptive precision floating-point arithmetic and fast robust geometric
// predicates", Discrete & Computational Geometry 18) as Python's math.fsum uses them. The partials
// hold the sum exactly, so any order of additions and any split into merged parts hold the same
// real number, and value() rounds it once, correctly (half-even). A sweep's means are exact sums of
// millions of per-draw figures, computed in shards and merged in any order: the same bits each way.

/** Thrown when a finite sum leaves the double range (figures of a sweep never come near it). */
export class ExactSumOverflow extends RangeError {
  override name = 'ExactSumOverflow';
}

export class ExactSum {
  /** Non-overlapping, non-zero, increasing magnitude (Shewchuk's invariant); their sum is exact. */
  private partials: number[] = [];

  /** Adds a finite double exactly; NaN and ±Infinity are refused (the caller counts them apart). */
  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`ExactSum.add: ${x} is not finite`);
    if (x === 0) return;
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      const y0 = p[j]!;
      const swap = Math.abs(x) < Math.abs(y0);
      const a = swap ? y0 : x;
      const y = swap ? x : y0;
      const hi = a + y;
      // Two-sum: hi + lo = a + y exactly when |a| ≥ |y| (Dekker's fast-two-sum).
      const lo = y - (hi - a);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    if (!Number.isFinite(x)) throw new ExactSumOverflow('ExactSum: the sum overflows a double');
    p.length = i;
    if (x !== 0) p.push(x);
  }

  /** Adds another sum's partials (the other is unchanged): the exact sum of both. */
  merge(other: ExactSum): void {
    for (const x of other.partials) this.add(x);
  }

  /** The exact sum rounded once to the nearest double, ties to even (fsum's final step). */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    n--;
    let hi = p[n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      n--;
      const y = p[n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // hi + lo is exact, and the partials below have the sign of lo: when lo is exactly half an ulp
    // of hi, they decide the rounding direction that hi + lo (ties to even) got wrong.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }

  /**
   * The canonical expansion of the sum: its correctly rounded value, then that of the remainder,
   * and so on. It depends on the real number only, not on the order in which it was built, so two
   * equal sums serialise to the same text. Each remainder is below half an ulp of the last part,
   * so it ends after at most ~40 parts (the doubles span 2^−1074 … 2^1024).
   */
  canonical(): number[] {
    const rest = new ExactSum();
    rest.partials = [...this.partials];
    const out: number[] = [];
    while (rest.partials.length > 0) {
      const v = rest.value();
      out.push(v);
      rest.add(-v);
    }
    return out;
  }

  /** The canonical parts as plain numbers (JSON keeps doubles exactly). */
  toJSON(): number[] {
    return this.canonical();
  }

  /** A sum from parts written by toJSON (or any finite numbers: they are added exactly). */
  static fromJSON(parts: readonly number[]): ExactSum {
    const s = new ExactSum();
    for (const x of parts) {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new RangeError(`ExactSum.fromJSON: ${String(x)} is not a finite number`);
      s.add(x);
    }
    return s;
  }

  static of(values: Iterable<number>): ExactSum {
    const s = new ExactSum();
    for (const x of values) s.add(x);
    return s;
  }
}
