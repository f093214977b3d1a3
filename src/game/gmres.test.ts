import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gmres } from './gmres.js';

function matvec(a: number[][]): (v: Float64Array, out: Float64Array) => void {
  return (v, out) => {
    for (let r = 0; r < a.length; r++) {
      let s = 0;
      for (let c = 0; c < a.length; c++) s += a[r]![c]! * v[c]!;
      out[r] = s;
    }
  };
}

describe('GMRES', () => {
  it('solves a small nonsymmetric system exactly in n steps', () => {
    const a = [
      [4, 1, 0],
      [2, 3, 1],
      [0, -1, 2],
    ];
    // x = (1, -1, 2): b = (3, 1, 5).
    const x = new Float64Array(3);
    const r = gmres(matvec(a), new Float64Array([3, 1, 5]), x, { tol: 1e-14 });
    expect(r.converged).toBe(true);
    expect(r.products).toBeLessThanOrEqual(5);
    expect(Array.from(x)).toEqual([expect.closeTo(1, 12), expect.closeTo(-1, 12), expect.closeTo(2, 12)]);
  });

  it('I + low rank converges in rank + 1 Krylov steps', () => {
    const n = 50;
    const u = Array.from({ length: n }, (_, i) => Math.sin(i));
    const w = Array.from({ length: n }, (_, i) => Math.cos(2 * i) / n);
    const apply = (v: Float64Array, out: Float64Array) => {
      let d = 0;
      for (let i = 0; i < n; i++) d += w[i]! * v[i]!;
      for (let i = 0; i < n; i++) out[i] = v[i]! + u[i]! * d;
    };
    const b = Float64Array.from({ length: n }, (_, i) => i % 3);
    const x = new Float64Array(n);
    const r = gmres(apply, b, x, { tol: 1e-12 });
    expect(r.converged).toBe(true);
    expect(r.products).toBeLessThanOrEqual(4);
    const check = new Float64Array(n);
    apply(x, check);
    for (let i = 0; i < n; i++) expect(check[i]).toBeCloseTo(b[i]!, 10);
  });

  it('with restarts, solves random diagonally dominant systems', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 1 << 30 }), (n, seed) => {
        let s = seed;
        const rnd = () => {
          s = (s * 48271) % 2147483647;
          return s / 2147483647 - 0.5;
        };
        const a = Array.from({ length: n }, (_, r) =>
          Array.from({ length: n }, (_, c) => rnd() + (r === c ? n / 2 + 1 : 0)),
        );
        const want = Float64Array.from({ length: n }, rnd);
        const b = new Float64Array(n);
        matvec(a)(want, b);
        const x = new Float64Array(n);
        const r = gmres(matvec(a), b, x, { tol: 1e-12, restart: 5, maxProducts: 2000 });
        expect(r.converged).toBe(true);
        for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(want[i]!, 8);
      }),
      { numRuns: 40 },
    );
  });

  it('b = 0 gives x = 0 at once', () => {
    const x = Float64Array.from([1, 2]);
    expect(
      gmres(
        matvec([
          [1, 0],
          [0, 1],
        ]),
        new Float64Array(2),
        x,
      ).products,
    ).toBe(0);
    expect(Array.from(x)).toEqual([0, 0]);
  });
});
