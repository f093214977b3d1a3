import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SparseRow, solveSparseExact } from './exact-linear.js';
import { Fraction } from './num.js';

const F = (n: number, d = 1) => new Fraction(n, d);
const row = (entries: [number, number][]): SparseRow => new Map(entries.map(([c, v]) => [c, F(v)]));

describe('solveSparseExact', () => {
  it('solves a 3x3 system with a rational answer', () => {
    // x + y + z = 1, 2x - y = 0, y - 3z = 0: y = 3z, x = 3z/2, so 11z/2 = 1 → z = 2/11, y = 6/11, x = 3/11.
    const z = solveSparseExact(
      3,
      [
        row([
          [0, 1],
          [1, 1],
          [2, 1],
        ]),
        row([
          [0, 2],
          [1, -1],
        ]),
        row([
          [1, 1],
          [2, -3],
        ]),
      ],
      [F(1), F(0), F(0)],
    );
    expect(z?.map((v) => v.toFraction())).toEqual(['3/11', '6/11', '2/11']);
  });

  it('reports singular systems', () => {
    expect(
      solveSparseExact(
        2,
        [
          row([
            [0, 1],
            [1, 2],
          ]),
          row([
            [0, 2],
            [1, 4],
          ]),
        ],
        [F(1), F(2)],
      ),
    ).toBeUndefined();
    expect(solveSparseExact(2, [row([[0, 1]]), row([[0, 3]])], [F(1), F(3)])).toBeUndefined();
  });

  it('handles an empty system and ignores explicit zeros', () => {
    expect(solveSparseExact(0, [], [])).toEqual([]);
    const z = solveSparseExact(
      2,
      [
        row([
          [0, 0],
          [1, 2],
        ]),
        row([
          [0, 5],
          [1, 0],
        ]),
      ],
      [F(1), F(1)],
    );
    expect(z?.map((v) => v.toFraction())).toEqual(['1/5', '1/2']);
  });

  it('does not modify its inputs', () => {
    const rows = [
      row([
        [0, 1],
        [1, 1],
      ]),
      row([
        [0, 1],
        [1, -1],
      ]),
    ];
    const rhs = [F(2), F(0)];
    expect(solveSparseExact(2, rows, rhs)?.map((v) => v.toFraction())).toEqual(['1', '1']);
    expect(rows[1]!.get(1)!.toFraction()).toBe('-1');
    expect(rows[1]!.size).toBe(2);
    expect(rhs[0]!.toFraction()).toBe('2');
  });

  it('recovers a known solution of random sparse integer systems exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n }), {
              minLength: n,
              maxLength: n,
            }),
            fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }),
          ),
        ),
        ([n, dense, sol]) => {
          const rows = dense.map(
            (r) => new Map(r.map((v, c) => [c, F(v)] as [number, Fraction]).filter(([, v]) => !v.equals(0))),
          );
          const rhs = dense.map((r) => r.reduce((acc, v, c) => acc.add(F(v * sol[c]!)), F(0)));
          const z = solveSparseExact(n, rows, rhs);
          if (z === undefined) {
            // Singular: the matrix must be rank deficient.
            expect(exactRank(dense)).toBeLessThan(n);
          } else {
            expect(z.map((v) => v.valueOf())).toEqual(sol);
          }
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });
});

/** Rank of a small integer matrix by exact Fraction elimination (dense, independent of the sparse code). */
function exactRank(m: number[][]): number {
  const a = m.map((r) => r.map((v) => F(v)));
  let rank = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && rank < a.length; c++) {
    const p = a.findIndex((r, i) => i >= rank && !r[c]!.equals(0));
    if (p < 0) continue;
    [a[rank], a[p]] = [a[p]!, a[rank]!];
    for (let i = 0; i < a.length; i++) {
      if (i === rank || a[i]![c]!.equals(0)) continue;
      const f = a[i]![c]!.div(a[rank]![c]!);
      a[i] = a[i]!.map((v, k) => v.sub(f.mul(a[rank]![k]!)));
    }
    rank++;
  }
  return rank;
}
