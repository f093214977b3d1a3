import { describe, expect, it } from 'vitest';
import { randomExtensiveGame } from './generate.js';
import { type SparseLcp, revisedLemke } from './lemke-revised.js';
import { sequenceFormLcp } from './lemke-sequence-form.js';

/** An LCP w = q + M z in the solver's form [A | I](z; w) = b: A = -M, b = q, column 0 = -d. */
function lcpOf(m: number[][], q: number[], d: number[]): SparseLcp {
  const n = q.length;
  const cols: [number, number][][] = Array.from({ length: n + 1 }, () => []);
  d.forEach((v, i) => cols[0]!.push([i, -v]));
  m.forEach((row, i) => row.forEach((v, j) => v !== 0 && cols[j + 1]!.push([i, -v])));
  const colStart = new Int32Array(n + 2);
  cols.forEach((c, j) => (colStart[j + 1] = colStart[j]! + c.length));
  const flat = cols.flat();
  return {
    n,
    colStart,
    rowIndex: Int32Array.from(flat, ([i]) => i),
    value: Float64Array.from(flat, ([, v]) => v),
    rhs: Float64Array.from(q),
  };
}

/** Values of structural labels 1..n at the end. */
function zOf(n: number, basic: Int32Array, value: Float64Array): number[] {
  const z = new Array(n).fill(0);
  basic.forEach((label, pos) => {
    if (label > 0) z[label - 1] = value[pos]!;
  });
  return z;
}

describe('revised Lemke on hand-made LCPs', () => {
  it('solves a positive definite LCP: z = (4/3, 7/3)', () => {
    // w = q + M z with M = [[2, 1], [1, 2]], q = (-5, -6): w = 0 at 2 z1 + z2 = 5, z1 + 2 z2 = 6.
    // The covering variable enters at the most negative q (row 2), then z2, the complement of w2.
    const lcp = lcpOf(
      [
        [2, 1],
        [1, 2],
      ],
      [-5, -6],
      [1, 1],
    );
    const r = revisedLemke(lcp, 2, 2);
    expect(r.end).toBe('solution');
    const z = zOf(2, r.basic, r.value);
    expect(z[0]).toBeCloseTo(4 / 3, 12);
    expect(z[1]).toBeCloseTo(7 / 3, 12);
  });

  it('ends in a ray when the LCP has no solution', () => {
    // w = -1 - z can never be nonnegative.
    const r = revisedLemke(lcpOf([[-1]], [-1], [1]), 1, 1);
    expect(r.end).toBe('ray');
  });
});

describe('revised Lemke: the product form and its reinversion', () => {
  it('follows the same pivots however often the inverse is rebuilt', () => {
    for (const seed of [3, 8, 21]) {
      const { lcp, layout } = sequenceFormLcp(randomExtensiveGame({ seed, nodes: 300, float: true }));
      const trace = (refactorEvery: number) => {
        const out: string[] = [];
        const r = revisedLemke(lcp, layout.root1, layout.root1, {
          refactorEvery,
          onPivot: (e, l) => out.push(`${e}>${l}`),
        });
        expect(r.end).toBe('solution');
        return { path: out.join(' '), value: r.value };
      };
      const a = trace(1);
      const b = trace(64);
      const c = trace(100_000);
      expect(b.path).toBe(a.path);
      expect(c.path).toBe(a.path);
      c.value.forEach((v, i) => expect(v).toBeCloseTo(a.value[i]!, 9));
    }
  });

  it('returns a complementary, feasible basis: w and z never both basic, all values >= 0', () => {
    for (const seed of [1, 2, 5]) {
      for (const randomTieBreak of [false, true]) {
        const { lcp, layout } = sequenceFormLcp(randomExtensiveGame({ seed, nodes: 400 }));
        const r = revisedLemke(lcp, layout.root1, layout.root1, { randomTieBreak });
        const basic = new Set(r.basic);
        expect(basic.has(0)).toBe(false);
        for (let k = 1; k <= lcp.n; k++) expect(basic.has(k) && basic.has(-k)).toBe(false);
        for (const v of r.value) expect(v).toBeGreaterThanOrEqual(-1e-9);
      }
    }
  });
});
