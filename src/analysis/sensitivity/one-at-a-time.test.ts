import { describe, expect, test } from 'vitest';
import type { Distribution } from '../../scenario/distributions.js';
import { oneAtATime } from './one-at-a-time.js';

const model = (params: [string, Distribution][]) => ({
  params: params.map(([name, dist]) => ({ name, dist })),
});

describe('one-at-a-time sweep', () => {
  const m = model([
    ['a', { dist: 'uniform', low: 0, high: 10 }],
    ['b', { dist: 'normal', mean: 0, sd: 1 }],
    ['c', { dist: 'point', value: 2 }],
    ['d', { dist: 'discrete', values: [0, 1], probs: [0.5, 0.5] }],
  ]);
  // f1 = 3a + b² + c is flat in b about b = 0 at symmetric b's; f2 = a·b + 10d is flat in a at b = 0.
  const f = (p: Float64Array) => [3 * p[0]! + p[1]! ** 2 + p[2]!, p[0]! * p[1]! + 10 * p[3]!];
  const z95 = 1.6448536269514722;

  test('ranks parameters by swing between the 5 % and 95 % quantiles, per output', () => {
    let calls = 0;
    const r = oneAtATime(m, (p) => {
      calls++;
      return f(p);
    });
    // Base = means (5, 0, 2, 0.5); c is a point, so 1 + 2·3 evaluations.
    expect(Array.from(r.base)).toEqual([5, 0, 2, 0.5]);
    expect(calls).toBe(7);
    expect(r.atBase).toEqual([17, 5]);
    const [f1, f2] = r.bars;
    // f1: a from 0.5 to 9.5 gives 3·0.5 + 2 = 3.5 and 3·9.5 + 2 = 30.5, a swing of 27; b at ±z gives the same b², so 0; d does not enter.
    expect(f1!.map((x) => x.name)).toEqual(['a', 'b', 'd']);
    expect(f1![0]).toMatchObject({ index: 0, low: 0.5, high: 9.5, atLow: 3.5, atHigh: 30.5, swing: 27 });
    expect(f1![1]!.swing).toBeCloseTo(0, 12);
    expect(f1![1]!.low).toBeCloseTo(-z95, 7);
    expect(f1![1]!.high).toBeCloseTo(z95, 7);
    // f2: b swings 5·2z ≈ 16.45; d (0 → 1) swings 10; a swings 0 (b = 0 at base).
    expect(f2!.map((x) => x.name)).toEqual(['b', 'd', 'a']);
    expect(f2![0]!.swing).toBeCloseTo(10 * z95, 6);
    expect(f2![1]).toMatchObject({ low: 0, high: 1, atLow: 0, atHigh: 10, swing: 10 });
    expect(f2![2]!.swing).toBe(0);
  });

  test('takes explicit base, low and high, and other quantiles', () => {
    const r = oneAtATime(m, f, { base: [1, 1, 0, 0], low: [0, -1, 0, 0], high: [2, 3, 0, 1] });
    // Parameters with low = high (c) are skipped. f1: a swing 6, b swing 9 − 1 = 8, d 0.
    expect(r.bars[0]!.map((x) => [x.name, x.swing])).toEqual([
      ['b', 8],
      ['a', 6],
      ['d', 0],
    ]);
    // f2 = a·b + 10d: a swing 2·1 = 2, b swing 1·4 = 4, d swing 10.
    expect(r.bars[1]!.map((x) => [x.name, x.swing])).toEqual([
      ['d', 10],
      ['b', 4],
      ['a', 2],
    ]);
    const q = oneAtATime(m, f, { pLow: 0.25, pHigh: 0.75 });
    expect(q.bars[0]![0]).toMatchObject({ name: 'a', low: 2.5, high: 7.5, swing: 15 });
  });

  test('rejects vectors of the wrong length', () => {
    expect(() => oneAtATime(m, f, { base: [1], low: [0], high: [1] })).toThrow(RangeError);
  });
});
