import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../stats.js';
import { QuantileSketch, SKETCH_ALPHA, SKETCH_MIN_MAGNITUDE } from './quantile-sketch.js';

const QS = [0, 0.05, 0.25, 0.5, 0.9, 0.95, 1];

function sketchOf(values: readonly number[]): QuantileSketch {
  const s = new QuantileSketch();
  for (const v of values) s.add(v);
  return s;
}

/**
 * The sketch's error bound at q: α times the interpolated magnitudes of the two order statistics
 * (= α·|exact| when they have the same sign), plus the zero threshold, with slack for rounding.
 */
function bound(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const f = pos - lo;
  const m = (1 - f) * Math.abs(sorted[lo]!) + f * Math.abs(sorted[Math.ceil(pos)]!);
  return SKETCH_ALPHA * m * (1 + 1e-9) + SKETCH_MIN_MAGNITUDE;
}

function expectWithinAlpha(values: readonly number[]): void {
  const sorted = [...values].sort((a, b) => a - b);
  const got = sketchOf(values).quantiles(QS);
  QS.forEach((q, j) => {
    const exact = quantileSorted(sorted, q);
    expect(Math.abs(got[j]! - exact)).toBeLessThanOrEqual(bound(sorted, q));
  });
}

/** A deterministic pseudo-random sample (a linear congruential generator). */
function sample(n: number, f: (u: number) => number): number[] {
  let s = 12345;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return f(s / 2 ** 32);
  });
}

describe('QuantileSketch (DDSketch)', () => {
  it('has relative accuracy α on positive, negative and mixed samples', () => {
    const lognormal = sample(5000, (u) => Math.exp(6 * (u - 0.5)));
    expectWithinAlpha(lognormal);
    expectWithinAlpha(lognormal.map((x) => -x));
    expectWithinAlpha(sample(3001, (u) => (u - 0.3) * 100));
    expectWithinAlpha(sample(7, (u) => u));
    // Probabilities spanning many orders of magnitude, with exact zeros.
    expectWithinAlpha(sample(2000, (u) => (u < 0.1 ? 0 : 10 ** (-10 * u))));
  });

  it('is within α of the exact quantile for same-sign data (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.boolean(),
        (xs, negate) => {
          const values = negate ? xs.map((x) => -x) : xs;
          const sorted = [...values].sort((a, b) => a - b);
          const got = sketchOf(values).quantiles(QS);
          QS.forEach((q, j) => {
            const exact = quantileSorted(sorted, q);
            expect(Math.abs(got[j]! - exact)).toBeLessThanOrEqual(
              SKETCH_ALPHA * Math.abs(exact) * (1 + 1e-9),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows a bucket’s values by a representative within α, and −0, tiny values and ±∞ at their places', () => {
    const s = new QuantileSketch();
    expect(s.quantile(0.5)).toBeNaN();
    for (const x of [Number.NEGATIVE_INFINITY, -2, -0, 1e-15, 3, Number.POSITIVE_INFINITY]) s.add(x);
    expect(s.count).toBe(6);
    const [min, a, b, c, d, max] = s.quantiles([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(min).toBe(Number.NEGATIVE_INFINITY);
    expect(Math.abs(a! + 2) / 2).toBeLessThanOrEqual(SKETCH_ALPHA);
    expect(b).toBe(0);
    expect(c).toBe(0);
    expect(Math.abs(d! - 3) / 3).toBeLessThanOrEqual(SKETCH_ALPHA);
    expect(max).toBe(Number.POSITIVE_INFINITY);
    expect(() => s.add(Number.NaN)).toThrow(/NaN/);
    // Bucket i covers (γ^(i−1), γ^i].
    const i = s.bucketOf(1.5);
    expect(s.gamma ** (i - 1)).toBeLessThan(1.5);
    expect(s.gamma ** i).toBeGreaterThanOrEqual(1.5);
  });

  it('merges commutatively and associatively, bit for bit, and round-trips through JSON', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 120 }),
        fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 120 }),
        (xs, parts) => {
          const whole = sketchOf(xs);
          const thirds = [0, 1, 2].map((k) => sketchOf(xs.filter((_, i) => parts[i % parts.length] === k)));
          const [a, b, c] = thirds as [QuantileSketch, QuantileSketch, QuantileSketch];
          const abc = sketchOf([]);
          abc.merge(a);
          abc.merge(b);
          abc.merge(c);
          const cba = sketchOf([]);
          const bc = sketchOf([]);
          bc.merge(c);
          bc.merge(b);
          cba.merge(bc);
          cba.merge(a);
          const text = JSON.stringify(whole);
          expect(JSON.stringify(abc)).toBe(text);
          expect(JSON.stringify(cba)).toBe(text);
          const back = QuantileSketch.fromJSON(JSON.parse(text));
          expect(JSON.stringify(back)).toBe(text);
          const qs = whole.quantiles(QS);
          expect(back.quantiles(QS).every((v, i) => Object.is(v, qs[i]))).toBe(true);
          expect(cba.quantiles(QS).every((v, i) => Object.is(v, qs[i]))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('serialises buckets as sorted [index, count] pairs and refuses other sketches', () => {
    const s = sketchOf([5, 1, 5, -1, 0]);
    const json = s.toJSON();
    expect(json.zeros).toBe(1);
    expect(json.positive).toEqual([
      [0, 1],
      [s.bucketOf(5), 2],
    ]);
    expect(json.negative).toEqual([[0, 1]]);
    expect(() => s.merge(new QuantileSketch(0.01))).toThrow(/differ/);
    expect(() => QuantileSketch.fromJSON({ ...json, positive: [[1, -2]] })).toThrow(/count/);
  });
});
