import { describe, expect, it } from 'vitest';
import { branchSlope, makeNewtonWork, newtonAtLambda } from './logit-newton.js';
import { centroidTheta, compileStrategic, makeWork } from './logit-system.js';
import { bimatrixGame } from './strategic.js';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

/** Row's top strategy beats bottom by 1; column's left pays p, right 2(1 - p). */
const dominance = bimatrixGame(
  [
    [3, 1],
    [2, 0],
  ],
  [
    [1, 0],
    [0, 2],
  ],
);

/** The QRE of `dominance` at lambda, by hand: p = sigma(lambda), q = sigma(lambda (3p - 2)). */
function exact(lambda: number): number[] {
  const p = sigma(lambda);
  const q = sigma(lambda * (3 * p - 2));
  return [p, 1 - p, q, 1 - q].map(Math.log);
}

describe('Newton at fixed lambda', () => {
  it('converges quadratically from the centroid to the hand-solved QRE', () => {
    const m = compileStrategic(dominance);
    const theta = centroidTheta(m);
    const r = newtonAtLambda(m, makeWork(m), makeNewtonWork(m), theta, 1);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeLessThan(10);
    expect(r.residual).toBeLessThan(1e-14);
    exact(1).forEach((t, i) => {
      expect(theta[i]).toBeCloseTo(t, 13);
    });
    // det J_theta at a regular point of the branch: not zero.
    expect(Math.abs(r.detSign)).toBe(1);
  });

  it('rejects when the first step is longer than allowed, leaving a usable iterate', () => {
    const m = compileStrategic(dominance);
    const theta = centroidTheta(m);
    const r = newtonAtLambda(m, makeWork(m), makeNewtonWork(m), theta, 8, { maxFirstStep: 1e-3 });
    expect(r.converged).toBe(false);
    expect(r.firstStep).toBeGreaterThan(1e-3);
    expect(r.iterations).toBe(1);
  });

  it('branchSlope is d theta / d lambda of the hand-solved branch', () => {
    const m = compileStrategic(dominance);
    const lambda = 1.5;
    const theta = Float64Array.from(exact(lambda));
    const slope = new Float64Array(4);
    const sign = branchSlope(m, makeWork(m), makeNewtonWork(m), theta, lambda, slope);
    expect(Math.abs(sign)).toBe(1);
    const eps = 1e-6;
    const up = exact(lambda + eps);
    const down = exact(lambda - eps);
    for (let a = 0; a < 4; a++) expect(slope[a]).toBeCloseTo((up[a]! - down[a]!) / (2 * eps), 7);
  });
});
