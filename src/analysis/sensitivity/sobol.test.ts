import { describe, expect, test } from 'vitest';
import { designSize, saltelliDesign, sobolIndices } from './sobol.js';

/** Evaluates f at every design point, after mapping the unit cube to the factors' ranges. */
function evaluate(
  d: { k: number; points: Float64Array },
  map: (u: number) => number,
  f: (x: Float64Array) => number,
): Float64Array {
  const count = d.points.length / d.k;
  const x = new Float64Array(d.k);
  const y = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < d.k; c++) x[c] = map(d.points[r * d.k + c]!);
    y[r] = f(x);
  }
  return y;
}

describe('Saltelli design', () => {
  test('A_B^(i) is A with column i from B, and points lie inside the unit cube', () => {
    const k = 3;
    const n = 5;
    const d = saltelliDesign(k, n, 1);
    expect(d.points.length).toBe(designSize(k, n) * k);
    expect(d.points.every((v) => v > 0 && v < 1)).toBe(true);
    const at = (block: number, j: number, c: number) => d.points[(block * n + j) * k + c]!;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < n; j++)
        for (let c = 0; c < k; c++) expect(at(2 + i, j, c)).toBe(c === i ? at(1, j, c) : at(0, j, c));
    // A and B are different samples.
    expect(at(0, 0, 0)).not.toBe(at(1, 0, 0));
  });

  test('is deterministic by seed', () => {
    expect(saltelliDesign(2, 8, 3).points).toEqual(saltelliDesign(2, 8, 3).points);
    expect(saltelliDesign(2, 8, 4).points).not.toEqual(saltelliDesign(2, 8, 3).points);
  });
});

describe('Sobol indices', () => {
  // Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π). Analytic
  // partial variances (Sobol' & Levitan 1999): V1 = bπ⁴/5 + b²π⁸/50 + 1/2, V2 = a²/8, V3 = 0,
  // V13 = 8b²π⁸/225, V = V1 + V2 + V13.
  const a = 7;
  const b = 0.1;
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const V = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18 + 0.5;
  const V1 = (b * pi4) / 5 + (b * b * pi8) / 50 + 0.5;
  const V2 = (a * a) / 8;
  const V13 = (8 * b * b * pi8) / 225;
  const exactFirst = [V1 / V, V2 / V, 0];
  const exactTotal = [(V1 + V13) / V, V2 / V, V13 / V];
  const ishigami = (x: Float64Array) =>
    Math.sin(x[0]!) + a * Math.sin(x[1]!) ** 2 + b * x[2]! ** 4 * Math.sin(x[0]!);
  const toPi = (u: number) => -Math.PI + 2 * Math.PI * u;

  test('the analytic Ishigami values are the published ones', () => {
    expect(V1 + V2 + V13).toBeCloseTo(V, 12);
    expect(exactFirst[0]).toBeCloseTo(0.3139, 4);
    expect(exactFirst[1]).toBeCloseTo(0.4424, 4);
    expect(exactTotal[0]).toBeCloseTo(0.5576, 4);
    expect(exactTotal[2]).toBeCloseTo(0.2437, 4);
  });

  test('recovers the Ishigami indices with N = 2^13, the intervals covering the truth', () => {
    const d = saltelliDesign(3, 2 ** 13, 2024);
    const y = evaluate(d, toPi, ishigami);
    const [r] = sobolIndices(d, [y], { bootstrap: 500, seed: 1 });
    expect(r!.variance).toBeGreaterThan(0.9 * V);
    expect(r!.variance).toBeLessThan(1.1 * V);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r!.first[i]! - exactFirst[i]!)).toBeLessThan(0.03);
      expect(Math.abs(r!.total[i]! - exactTotal[i]!)).toBeLessThan(0.03);
      const [fl, fh] = r!.firstCI[i]!;
      const [tl, th] = r!.totalCI[i]!;
      expect(fl).toBeLessThanOrEqual(exactFirst[i]!);
      expect(fh).toBeGreaterThanOrEqual(exactFirst[i]!);
      expect(tl).toBeLessThanOrEqual(exactTotal[i]!);
      expect(th).toBeGreaterThanOrEqual(exactTotal[i]!);
      // And the intervals are informative: narrower than 0.1.
      expect(fh - fl).toBeLessThan(0.1);
      expect(th - tl).toBeLessThan(0.1);
    }
  });

  test('several outputs at once: a linear model has S_i = S_Ti = c_i²/Σc²', () => {
    const c = [1, 2, 3, 0];
    const sum2 = c.reduce((s, v) => s + v * v, 0);
    const d = saltelliDesign(4, 4096, 7);
    const lin = evaluate(
      d,
      (u) => u,
      (x) => c.reduce((s, ci, i) => s + ci * x[i]!, 0),
    );
    // A second output, 2·(linear) + 5, has the same indices; a constant has variance 0.
    const scaled = lin.map((v) => 2 * v + 5);
    const constant = new Array<number>(lin.length).fill(1);
    const [r1, r2, r3] = sobolIndices(d, [lin, scaled, constant], { bootstrap: 200 });
    for (let i = 0; i < 4; i++) {
      const exact = (c[i]! * c[i]!) / sum2;
      expect(Math.abs(r1!.first[i]! - exact)).toBeLessThan(0.02);
      expect(Math.abs(r1!.total[i]! - exact)).toBeLessThan(0.02);
      expect(r2!.first[i]).toBeCloseTo(r1!.first[i]!, 10);
      expect(r2!.total[i]).toBeCloseTo(r1!.total[i]!, 10);
    }
    // The inert factor: f(A) = f(A_B^(4)) exactly, so both of its estimates are exactly 0.
    expect(r1!.first[3]).toBe(0);
    expect(r1!.total[3]).toBe(0);
    // Var of Σ c_i U_i = Σc²/12.
    expect(r1!.variance).toBeCloseTo(sum2 / 12, 1);
    expect(r2!.variance).toBeCloseTo(4 * r1!.variance, 10);
    expect(r3).toMatchObject({ variance: 0, first: [0, 0, 0, 0], total: [0, 0, 0, 0] });
  });

  test('bootstrap intervals are reproducible by seed and absent when switched off', () => {
    const d = saltelliDesign(2, 256, 1);
    const y = evaluate(
      d,
      (u) => u,
      (x) => x[0]! + x[1]! * x[1]!,
    );
    const one = sobolIndices(d, [y], { bootstrap: 100, seed: 3 })[0]!;
    expect(sobolIndices(d, [y], { bootstrap: 100, seed: 3 })[0]).toEqual(one);
    expect(sobolIndices(d, [y], { bootstrap: 100, seed: 4 })[0]!.firstCI).not.toEqual(one.firstCI);
    expect(sobolIndices(d, [y], { bootstrap: 0 })[0]!.firstCI).toEqual([]);
  });

  test('rejects outputs of the wrong length', () => {
    const d = saltelliDesign(2, 4, 1);
    expect(() => sobolIndices(d, [[1, 2, 3]])).toThrow(RangeError);
  });
});
