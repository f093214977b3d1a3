import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fraction } from './num.js';
import { type PolytopeVertex, enumerateVertices } from './vertex-enumeration.js';

const big = (rows: number[][]) => rows.map((r) => r.map(BigInt));
const asText = (v: PolytopeVertex) =>
  v.numerators.map((x) => new Fraction(x, v.denominator).toFraction()).join(',');
const sorted = (vs: PolytopeVertex[]) => vs.map(asText).sort();

/**
 * Brute force: every choice of d tight constraints among the d + k (z_i = 0 or row r tight),
 * solved exactly; the feasible solutions are the vertices.
 */
function bruteForce(m: number[][]): string[] {
  const k = m.length;
  const d = m[0]!.length;
  const found = new Set<string>();
  const choose = (start: number, picked: number[]) => {
    if (picked.length === d) {
      const sol = solveTight(m, picked);
      if (sol && isFeasible(m, sol)) found.add(sol.map((x) => x.toFraction()).join(','));
      return;
    }
    for (let c = start; c < d + k; c++) choose(c + 1, [...picked, c]);
  };
  choose(0, []);
  return [...found].sort();
}

/** Solves the d equations (z_c = 0 for c < d; row c - d equal to 1) by Gaussian elimination; undefined if singular. */
function solveTight(m: number[][], picked: number[]): Fraction[] | undefined {
  const d = m[0]!.length;
  const rows = picked.map((c) => {
    const coeff =
      c < d
        ? Array.from({ length: d }, (_, i) => new Fraction(i === c ? 1 : 0))
        : m[c - d]!.map((x) => new Fraction(x));
    return [...coeff, new Fraction(c < d ? 0 : 1)];
  });
  for (let col = 0; col < d; col++) {
    const p = rows.findIndex((r, i) => i >= col && r[col]!.n !== 0n);
    if (p < 0) return undefined;
    [rows[col], rows[p]] = [rows[p]!, rows[col]!];
    const pivot = rows[col]![col]!;
    rows[col] = rows[col]!.map((x) => x.div(pivot));
    for (let i = 0; i < d; i++) {
      if (i === col || rows[i]![col]!.n === 0n) continue;
      const f = rows[i]![col]!;
      rows[i] = rows[i]!.map((x, j) => x.sub(f.mul(rows[col]![j]!)));
    }
  }
  return rows.map((r) => r[d]!);
}

function isFeasible(m: number[][], z: Fraction[]): boolean {
  if (z.some((x) => x.compare(0) < 0)) return false;
  return m.every((row) => row.reduce((acc, a, i) => acc.add(z[i]!.mul(a)), new Fraction(0)).compare(1) <= 0);
}

describe('enumerateVertices', () => {
  it('the unit square has four vertices', () => {
    const vs = enumerateVertices(
      big([
        [1, 0],
        [0, 1],
      ]),
    );
    expect(sorted(vs)).toEqual(['0,0', '0,1', '1,0', '1,1']);
  });

  it('a degenerate simplex (redundant facets through its vertices) has its four vertices once each', () => {
    // z >= 0, z_i <= 1, z1 + z2 + z3 <= 1: at e_i four constraints are tight in three dimensions.
    const vs = enumerateVertices(
      big([
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [1, 1, 1],
      ]),
    );
    expect(sorted(vs)).toEqual(['0,0,0', '0,0,1', '0,1,0', '1,0,0']);
  });

  it('reports which variables are zero (tight constraints)', () => {
    const vs = enumerateVertices(
      big([
        [2, 1],
        [1, 2],
      ]),
    );
    // Vertices: 0, (1/2, 0), (0, 1/2), (1/3, 1/3).
    expect(sorted(vs)).toEqual(['0,0', '0,1/2', '1/2,0', '1/3,1/3']);
    const center = vs.find((v) => asText(v) === '1/3,1/3')!;
    // z0, z1 positive; both slacks zero: bits 2 and 3.
    expect(center.zeros[0]).toBe(0b1100);
  });

  it('switches to bigint when integers grow past 2^52', () => {
    const huge = 2 ** 40;
    const vs = enumerateVertices(
      big([
        [huge, 1],
        [1, huge + 1],
      ]),
    );
    expect(vs).toHaveLength(4);
    expect(sorted(vs)).toEqual(
      bruteForce([
        [huge, 1],
        [1, huge + 1],
      ]),
    );
  });

  it('refuses a matrix with a zero column (unbounded)', () => {
    expect(() => enumerateVertices(big([[1, 0]]))).toThrow();
  });

  it('agrees with brute force on random (often degenerate) polytopes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 3 })),
        (d, k, stream) => {
          const it = stream[Symbol.iterator]();
          const m = Array.from({ length: k }, () =>
            Array.from({ length: d }, () => it.next().value as number),
          );
          // Every column needs a positive entry for the polytope to be bounded.
          for (let c = 0; c < d; c++) if (m.every((r) => r[c] === 0)) m[0]![c] = 1;
          expect(sorted(enumerateVertices(big(m)))).toEqual(bruteForce(m));
        },
      ),
      { numRuns: 300 },
    );
  });
});
