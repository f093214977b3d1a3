import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luFactor, luSolve, makeLuWork } from './dense-lu.js';

function load(rows: number[][]) {
  const w = makeLuWork(rows.length);
  w.a.set(rows.flat());
  return w;
}

describe('dense LU', () => {
  it('solves a 3x3 system with pivoting and gives the sign of the determinant', () => {
    // det = 0*(...)... computed by hand: [[0,2,1],[1,1,1],[2,1,3]] has det -3.
    const w = load([
      [0, 2, 1],
      [1, 1, 1],
      [2, 1, 3],
    ]);
    expect(luFactor(w)).toBe(true);
    expect(w.detSign).toBe(-1);
    // x = (1, 2, 3): b = (7, 6, 13).
    const b = new Float64Array([7, 6, 13]);
    luSolve(w, b);
    expect(Array.from(b)).toEqual([expect.closeTo(1, 13), expect.closeTo(2, 13), expect.closeTo(3, 13)]);
  });

  it('detects singular matrices', () => {
    const w = load([
      [1, 2],
      [2, 4],
    ]);
    expect(luFactor(w)).toBe(false);
    expect(w.detSign).toBe(0);
  });

  it('solves random well-conditioned systems (diagonally dominant)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1 << 30 }), (n, seed) => {
        let s = seed;
        const rnd = () => {
          s = (s * 1103515245 + 12345) % 2147483648;
          return s / 2147483648 - 0.5;
        };
        const a = Array.from({ length: n }, (_, r) =>
          Array.from({ length: n }, (_, c) => rnd() + (r === c ? n : 0)),
        );
        const x = Array.from({ length: n }, rnd);
        const b = new Float64Array(a.map((row) => row.reduce((t, v, c) => t + v * x[c]!, 0)));
        const w = load(a);
        expect(luFactor(w)).toBe(true);
        expect(w.detSign).toBe(1); // strictly diagonally dominant with positive diagonal
        luSolve(w, b);
        for (let i = 0; i < n; i++) expect(b[i]).toBeCloseTo(x[i]!, 10);
      }),
      { numRuns: 50 },
    );
  });
});
