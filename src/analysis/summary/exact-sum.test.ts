import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSum } from './exact-sum.js';

/** x = m · 2^e exactly, with e ≥ −1074 (IEEE 754 binary64 fields). */
function decompose(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = exp === 0 ? frac : frac | (1n << 52n);
  return { m: negative ? -m : m, e: exp === 0 ? -1074 : exp - 1075 };
}

/** The correctly rounded (ties to even) sum, computed with integers: an independent reference. */
function referenceSum(values: readonly number[]): number {
  let s = 0n;
  for (const x of values) {
    const { m, e } = decompose(x);
    s += m << BigInt(e + 1074);
  }
  if (s === 0n) return 0;
  const negative = s < 0n;
  const a = negative ? -s : s;
  const shift = Math.max(0, a.toString(2).length - 53);
  let q = a >> BigInt(shift);
  if (shift > 0) {
    const r = a - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (r > half || (r === half && (q & 1n) === 1n)) q += 1n;
  }
  const v = Number(q) * 2 ** (shift - 1074);
  return negative ? -v : v;
}

describe('ExactSum', () => {
  it('gives the exact sum where naive addition does not (math.fsum cases)', () => {
    expect(ExactSum.of([1e100, 1, -1e100]).value()).toBe(1);
    const tenth = new Array<number>(10).fill(0.1);
    expect(tenth.reduce((s, x) => s + x, 0)).not.toBe(1);
    expect(ExactSum.of(tenth).value()).toBe(1);
    // Huge cancellation: the small terms survive exactly.
    const values = [1e16, 1, 1, 1, -1e16, 1e-300, 2 ** -1074];
    expect(ExactSum.of(values).value()).toBe(3);
    expect(ExactSum.of([1e308, -1e308, 2 ** -1074]).value()).toBe(2 ** -1074);
    expect(ExactSum.of([]).value()).toBe(0);
  });

  it('rounds half to even using the partials below (fsum correction)', () => {
    // 1 + 2^-53 is a tie between 1 and 1 + 2^-52; a tiny extra term breaks the tie upwards.
    expect(ExactSum.of([1, 2 ** -53]).value()).toBe(1);
    expect(ExactSum.of([1, 2 ** -53, 2 ** -100]).value()).toBe(1 + 2 ** -52);
    expect(ExactSum.of([1, -(2 ** -54), -(2 ** -100)]).value()).toBe(1 - 2 ** -53);
    expect(ExactSum.of([1, 2 ** -53, 2 ** -100]).value()).toBe(referenceSum([1, 2 ** -53, 2 ** -100]));
  });

  it('refuses non-finite values and finite sums that overflow', () => {
    expect(() => new ExactSum().add(Number.NaN)).toThrow(/not finite/);
    expect(() => new ExactSum().add(Number.POSITIVE_INFINITY)).toThrow(/not finite/);
    expect(() => ExactSum.of([1.7e308, 1.7e308])).toThrow(/overflows/);
  });

  const doubles = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1, max: 1 }),
    fc.integer({ min: -1000, max: 1000 }).map((k) => k * 0.1),
  );

  it('equals the integer reference (correct rounding)', () => {
    fc.assert(
      fc.property(fc.array(doubles, { maxLength: 40 }), (xs) => {
        expect(Object.is(ExactSum.of(xs).value(), referenceSum(xs))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the identical value and serialisation for any order and any split into merged parts', () => {
    fc.assert(
      fc.property(
        fc.array(doubles, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 40 }),
        (xs, keys, parts) => {
          const whole = ExactSum.of(xs);
          // A permutation: sort the indices by pseudo-random keys.
          const order = xs
            .map((_, i) => i)
            .sort((a, b) => keys[a % keys.length]! - keys[b % keys.length]! || a - b);
          const permuted = ExactSum.of(order.map((i) => xs[i]!));
          // A split into up to 6 parts, merged in reverse order.
          const sums = Array.from({ length: 6 }, () => new ExactSum());
          order.forEach((i, j) => sums[parts[j % parts.length]!]!.add(xs[i]!));
          const merged = new ExactSum();
          for (const s of sums.reverse()) merged.merge(s);
          expect(Object.is(permuted.value(), whole.value())).toBe(true);
          expect(Object.is(merged.value(), whole.value())).toBe(true);
          expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
          expect(JSON.stringify(permuted)).toBe(JSON.stringify(whole));
          const back = ExactSum.fromJSON(JSON.parse(JSON.stringify(whole)) as number[]);
          expect(Object.is(back.value(), whole.value())).toBe(true);
          expect(JSON.stringify(back)).toBe(JSON.stringify(whole));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('serialises a sum as its canonical parts, largest first', () => {
    const s = ExactSum.of([1e100, 1, 2 ** -60]);
    expect(s.canonical()).toEqual([1e100, 1, 2 ** -60]);
    expect(ExactSum.of([0.1, 0.2]).canonical()).toEqual([
      0.30000000000000004,
      referenceSum([0.1, 0.2, -0.30000000000000004]),
    ]);
  });
});
