import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basicValues,
  basicValuesExact,
  cloneTableau,
  exactTableau,
  exitRow,
  floatTableau,
  integerize,
  isBasic,
  labelAt,
  pivot,
  rowOf,
} from './lcp-tableau.js';
import { Fraction } from './num.js';

const shape2 = { minRow: 1, maxRow: 2, minCol: 1, maxCol: 2 };
const entries = (a: number[][]) => {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  a.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v === 0) return;
      rows.push(i + 1);
      cols.push(j + 1);
      values.push(v);
    });
  });
  return { rows, cols, values };
};
const big = (e: ReturnType<typeof entries>) => ({ ...e, values: e.values.map(BigInt) });

describe('tableau pivoting', () => {
  it('solves a 2x2 system exactly after two pivots', () => {
    // 2 z1 + z2 + w1 = 4, z1 + 3 z2 + w2 = 5: z = (7/5, 6/5).
    const e = entries([
      [2, 1],
      [1, 3],
    ]);
    const t = exactTableau(shape2, big(e), [4n, 5n]);
    pivot(t, 0, 1);
    pivot(t, 1, 2);
    expect(basicValuesExact(t).map((v) => v.toFraction())).toEqual(['7/5', '6/5']);
    expect(labelAt(t, 0)).toBe(1);
    expect(rowOf(t, 2)).toBe(1);
    expect(isBasic(t, -1)).toBe(false);
    const f = floatTableau(shape2, e, [4, 5]);
    pivot(f, 0, 1);
    pivot(f, 1, 2);
    expect(basicValues(f)[0]).toBeCloseTo(1.4, 14);
    expect(basicValues(f)[1]).toBeCloseTo(1.2, 14);
  });

  it('keeps every entry an integer (fraction-free) and leaves a clone untouched', () => {
    const t = exactTableau(
      shape2,
      big(
        entries([
          [3, 5],
          [7, 11],
        ]),
      ),
      [1n, 1n],
    );
    const before = cloneTableau(t);
    pivot(t, 1, 1);
    expect(before.det).toBe(1n);
    expect(before.basic).toEqual(Int32Array.from([-1, -2]));
    expect(t.det).toBe(7n);
    // Basic solution: z1 = 1/7 in row 2, w1 = 1 - 3/7 = 4/7 in row 1.
    expect(basicValuesExact(t).map((v) => v.toFraction())).toEqual(['4/7', '1/7']);
  });

  it('scales rational data to integers by the lcm of the denominators', () => {
    const { values, rhs } = integerize([new Fraction(1, 2), new Fraction(-2, 3)], [new Fraction(1, 4)]);
    expect(values).toEqual([6n, -8n]);
    expect(rhs).toEqual([3n]);
  });
});

describe('lexicographic ratio test', () => {
  it('breaks a tie in the ratios on the slack columns, in row order', () => {
    // Entering column (1, 1) with right-hand side (1, 1): both rows have ratio 1. Column of the
    // slack -1 is e1: ratios 1 (row 1) and 0 (row 2). 'min' keeps row 2, 'max' row 1.
    const e = entries([
      [1, 0],
      [1, 0],
    ]);
    const t = exactTableau(shape2, big(e), [1n, 1n]);
    expect(exitRow(t, 1, 'min')).toBe(1);
    expect(exitRow(t, 1, 'max')).toBe(0);
    const f = floatTableau(shape2, e, [1, 1]);
    expect(exitRow(f, 1, 'min')).toBe(1);
    expect(exitRow(f, 1, 'max')).toBe(0);
  });

  it('takes the smallest ratio among positive entries and reports a ray', () => {
    const e = entries([
      [2, -1],
      [1, -3],
    ]);
    const t = exactTableau(shape2, big(e), [4n, 1n]);
    expect(exitRow(t, 1, 'min')).toBe(1); // ratios 2 and 1
    expect(exitRow(t, 2, 'min')).toBe(-1); // no positive entry
  });

  it('exact and float tableaux agree on random pivot sequences', () => {
    const small = fc.integer({ min: -6, max: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(small, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }),
        (a, b, enters) => {
          const shape = { minRow: 1, maxRow: 3, minCol: 1, maxCol: 3 };
          const e = entries(a);
          const t = exactTableau(shape, big(e), b.map(BigInt));
          const f = floatTableau(shape, e, b);
          for (const k of enters) {
            const label = isBasic(t, k) ? -k : k;
            if (isBasic(t, label)) continue;
            const r = exitRow(t, label, 'min');
            if (r < 0) continue;
            expect(exitRow(f, label, 'min')).toBe(r);
            pivot(t, r, label);
            pivot(f, r, label);
          }
          const ex = basicValuesExact(t);
          basicValues(f).forEach((v, i) => expect(v).toBeCloseTo(ex[i]!.valueOf(), 9));
          // The basis stays feasible: the minimum-ratio test never makes a value negative.
          for (const v of ex) expect(v.compare(0)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
