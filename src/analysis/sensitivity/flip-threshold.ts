// Flip thresholds: the values of one scalar parameter at which a discrete answer (an equilibrium
// action, a modal outcome) changes — the "switching values" of break-even analysis (e.g. Clemen &
// Reilly 2014, "Making Hard Decisions", ch. 5). A grid scan brackets every change between
// neighbouring grid points; bisection then narrows each bracket (Press et al. 2007, Numerical
// Recipes, 3rd ed., §9.1). A bracket whose ends end up separated by more than one change (A → B → C
// inside one grid cell) is followed to its other changes too; a change and its reversal inside one
// cell (A → B → A) is invisible at that grid, so the grid must be finer than the narrowest region.

export interface Flip<T> {
  /** The threshold: the midpoint of the final bracket. */
  readonly at: number;
  /** The answer just below and just above it. */
  readonly from: T;
  readonly to: T;
  /** The final bracket [a, b]: choice(a) = from, choice(b) = to, b − a within the tolerance. */
  readonly bracket: [number, number];
}

export interface FlipOptions {
  /** Grid points of the scan, ends included (default 41). */
  readonly points?: number;
  /** Bisection stops when the bracket is narrower than relTol · max(hi − lo, |a|, |b|) (default 1e-9). */
  readonly relTol?: number;
}

/** Every x in [lo, hi] where choice(x) changes, in increasing order. */
export function flipThresholds<T extends string | number>(
  choice: (x: number) => T,
  lo: number,
  hi: number,
  options: FlipOptions = {},
): Flip<T>[] {
  const points = options.points ?? 41;
  const relTol = options.relTol ?? 1e-9;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi))
    throw new RangeError(`need a finite interval lo < hi, not [${lo}, ${hi}]`);
  if (!Number.isInteger(points) || points < 2)
    throw new RangeError(`need at least 2 grid points, not ${points}`);
  const width = hi - lo;
  const xs = Array.from({ length: points }, (_, i) =>
    i === points - 1 ? hi : lo + (width * i) / (points - 1),
  );
  const cs = xs.map(choice);
  const out: Flip<T>[] = [];

  // Invariant: choice(a) = ca, choice(b) = cb, ca ≠ cb.
  const locate = (a: number, ca: T, b: number, cb: T): void => {
    const end = b;
    const cEnd = cb;
    for (;;) {
      const tol = relTol * Math.max(width, Math.abs(a), Math.abs(b));
      const mid = a + (b - a) / 2;
      if (b - a <= tol || mid <= a || mid >= b) break;
      const cm = choice(mid);
      if (Object.is(cm, ca)) a = mid;
      else {
        b = mid;
        cb = cm;
      }
    }
    out.push({ at: a + (b - a) / 2, from: ca, to: cb, bracket: [a, b] });
    if (!Object.is(cb, cEnd)) locate(b, cb, end, cEnd);
  };

  for (let i = 0; i + 1 < points; i++) {
    if (!Object.is(cs[i], cs[i + 1])) locate(xs[i]!, cs[i]!, xs[i + 1]!, cs[i + 1]!);
  }
  return out;
}
