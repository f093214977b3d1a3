// Newton's method on the logit QRE equations at a fixed lambda (the square system in the
// log-probabilities; see logit-system.ts), with the acceptance tests of a continuation corrector
// (Allgower & Georg 1990, 6.1: bounded first step, bounded contraction) so that a caller stepping
// along the branch can tell "converged to the point continuing the branch" from "jumped".
// Also the branch's slope d theta / d lambda = -J_theta^{-1} dH/dlambda, for Euler predictors.

import { type LuWork, luFactor, luSolve, makeLuWork } from './dense-lu.js';
import { type LogitModel, type LogitWork, qreJacobian, qreResidual } from './logit-system.js';

export interface NewtonWork {
  readonly u: Float64Array;
  readonly du: Float64Array;
  readonly jac: Float64Array;
  readonly lu: LuWork;
  readonly h: Float64Array;
}

export function makeNewtonWork(model: LogitModel): NewtonWork {
  const N = model.nVars;
  return {
    u: new Float64Array(N),
    du: new Float64Array(N * N),
    jac: new Float64Array(N * (N + 1)),
    lu: makeLuWork(N),
    h: new Float64Array(N),
  };
}

export interface NewtonOptions {
  /** Iteration limit (default 40). */
  maxIter?: number;
  /** Converged when a step's largest component is below this (default 1e-10; the next would be ~1e-20). */
  stepTol?: number;
  /** Reject when the first step is longer (Euclidean) than this (default: no limit). */
  maxFirstStep?: number;
  /** Reject when a step is not shorter than this fraction of the previous one (default: no limit). */
  maxContraction?: number;
}

export interface NewtonResult {
  converged: boolean;
  iterations: number;
  /** Largest |H| at the returned point. */
  residual: number;
  /** Sign of det J_theta at the last factorisation (0: singular). */
  detSign: number;
  /** Euclidean length of the first step. */
  firstStep: number;
}

/**
 * Steps this small that no longer shrink are rounding noise. At large lambda, log-probabilities
 * of abandoned actions are about -lambda * gap; beliefs at sets reached through them then carry
 * relative errors of eps * |theta|, which the equations multiply by lambda * payoff range.
 */
function noiseLevel(model: LogitModel, theta: Float64Array, lambda: number): number {
  return Math.max(1e-7, 8 * Number.EPSILON * (1 + maxAbs(theta)) * Math.max(1, lambda * model.payoffRange));
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

function norm2(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/** Factorises J_theta at (theta, lambda) into nw.lu; false if singular. */
export function factorAt(
  model: LogitModel,
  work: LogitWork,
  nw: NewtonWork,
  theta: Float64Array,
  lambda: number,
): boolean {
  const N = model.nVars;
  qreJacobian(model, work, theta, lambda, nw.u, nw.du, nw.lu.a, N);
  return luFactor(nw.lu);
}

/**
 * Newton iterations on H(theta, lambda) = 0 with lambda fixed, updating theta in place. On
 * rejection theta holds the last iterate; callers keep their own copy to retry.
 */
export function newtonAtLambda(
  model: LogitModel,
  work: LogitWork,
  nw: NewtonWork,
  theta: Float64Array,
  lambda: number,
  opts: NewtonOptions = {},
): NewtonResult {
  const maxIter = opts.maxIter ?? 40;
  const stepTol = opts.stepTol ?? 1e-10;
  const N = model.nVars;
  const { h, lu } = nw;
  let prev = Number.POSITIVE_INFINITY;
  let firstStep = 0;
  let detSign = 0;
  const noise = noiseLevel(model, theta, lambda);
  for (let it = 1; it <= maxIter; it++) {
    if (!factorAt(model, work, nw, theta, lambda)) {
      return { converged: false, iterations: it, residual: Number.NaN, detSign: 0, firstStep };
    }
    detSign = lu.detSign;
    qreResidual(model, work, theta, lambda, nw.u, h);
    luSolve(lu, h);
    const len = norm2(h);
    if (!Number.isFinite(len))
      return { converged: false, iterations: it, residual: Number.NaN, detSign, firstStep };
    if (it === 1) {
      firstStep = len;
      if (opts.maxFirstStep !== undefined && len > opts.maxFirstStep) {
        return { converged: false, iterations: it, residual: Number.NaN, detSign, firstStep };
      }
    } else if (opts.maxContraction !== undefined && len > opts.maxContraction * prev && maxAbs(h) > noise) {
      return { converged: false, iterations: it, residual: Number.NaN, detSign, firstStep };
    }
    for (let a = 0; a < N; a++) theta[a]! -= h[a];
    const stagnated = it >= 2 && maxAbs(h) <= noise && len >= 0.5 * prev;
    prev = len;
    if (maxAbs(h) <= stepTol || stagnated) {
      qreResidual(model, work, theta, lambda, nw.u, h);
      return { converged: true, iterations: it, residual: maxAbs(h), detSign, firstStep };
    }
  }
  qreResidual(model, work, theta, lambda, nw.u, h);
  return { converged: false, iterations: maxIter, residual: maxAbs(h), detSign, firstStep };
}

/**
 * d theta / d lambda along the branch at (theta, lambda), into out. Returns the sign of
 * det J_theta (0 when singular: a fold or bifurcation point).
 */
export function branchSlope(
  model: LogitModel,
  work: LogitWork,
  nw: NewtonWork,
  theta: Float64Array,
  lambda: number,
  out: Float64Array,
): number {
  const N = model.nVars;
  // Full Jacobian with the lambda column, then the square part for the factorisation.
  qreJacobian(model, work, theta, lambda, nw.u, nw.du, nw.jac, N + 1);
  const a = nw.lu.a;
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) a[r * N + c] = nw.jac[r * (N + 1) + c]!;
    out[r] = -nw.jac[r * (N + 1) + N]!;
  }
  if (!luFactor(nw.lu)) return 0;
  luSolve(nw.lu, out);
  return nw.lu.detSign;
}
