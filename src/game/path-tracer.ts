// Predictor–corrector following of a smooth curve H(x) = 0, H: R^(n+1) -> R^n.
// Allgower & Georg, "Numerical Continuation Methods" (1990), ch. 5–6: Euler predictor along the
// unit tangent, chord-Newton corrector with the Moore–Penrose inverse of the Jacobian at the
// predicted point, step length adapted by the corrector's distance and contraction.
// Constants, the bifurcation perturbation and the secant "criterion" search follow Gambit's
// src/solvers/logit/path.cc (PathTracer::TracePath) so that logit branches match gambit-logit.
// QR here is Householder instead of Givens; the tangent's orientation is fixed by the same rule
// (det [J; t^T] > 0), so tangents and Newton steps are the same.

/** A curve given by n equations in n + 1 unknowns. */
export interface CurveSystem {
  /** Number of equations n; the unknowns are n + 1. */
  readonly equations: number;
  /** H(x) into out (length n). */
  value(x: Float64Array, out: Float64Array): void;
  /** Jacobian by equation: out[e * (n + 1) + k] = dH_e / dx_k. */
  jacobian(x: Float64Array, out: Float64Array): void;
}

export interface TraceOptions {
  /** First step length (Gambit's -s, default 0.03). */
  firstStep?: number;
  /** Largest factor by which the step can grow or shrink per step (Gambit's -a, default 1.1). */
  maxDecel?: number;
  /** Direction along the tangent: +1 or -1 (Gambit's omega, default 1). */
  omega?: number;
  /** Stop (successfully) when this holds at an accepted point. */
  terminate: (x: Float64Array) => boolean;
  /** Called at the start point and at every accepted point. */
  onPoint?: (x: Float64Array) => void;
  /**
   * A function whose zero is sought along the curve (e.g. lambda - target). When it changes sign
   * between two accepted points, the step length switches to the secant method.
   */
  criterion?: (x: Float64Array, t: Float64Array) => number;
  /** Stop with failure after this many accepted steps (default: no limit). */
  maxSteps?: number;
  /**
   * What to do when the tangent's orientation flips (a bifurcation): 'perturb' (Gambit: reject
   * the step, perturb the first equation a little and retry) or 'through' (accept the step and
   * keep going in the same geometric direction, so the same branch is followed through the point).
   */
  bifurcation?: 'perturb' | 'through';
}

export interface TraceResult {
  /** The last accepted point. */
  x: Float64Array;
  /** Unit tangent at x, oriented in the direction of travel. */
  tangent: Float64Array;
  ok: boolean;
  message: string;
  steps: number;
  /** Number of orientation flips seen (bifurcations crossed or attempted). */
  flips: number;
}

const C_TOL = 1e-4; // corrector converged when its step is this small
const C_MAX_DIST = 0.4; // largest first corrector step (distance to the curve)
const C_MAX_CONTR = 0.6; // largest contraction rate of the corrector
const C_ETA = 0.1; // guards the contraction rate against cancellation
const C_HMIN = 1e-8; // smallest step length
const C_MAX_ITER = 100; // corrector iterations
const C_NEWTON_TOL = 1e-8; // criterion tolerance for a successful secant search
const C_PERT = 1e-7; // perturbation of the first equation near a bifurcation

/**
 * Householder QR of the (n+1) x n matrix B = J^T, stored by column (column e = row e of J, i.e.
 * the layout of CurveSystem.jacobian). In place: on return a[e*m + k] for k <= e holds R (k, e)
 * (k < e) and the diagonal is in diag; the reflectors are in v (column e from index e).
 */
export interface QrWork {
  readonly n: number;
  readonly m: number;
  readonly a: Float64Array;
  readonly v: Float64Array;
  readonly diag: Float64Array;
  /** (-1)^(reflections) * prod sign(diag): sign of det [B | t] for t = Q e_m. */
  orientation: number;
}

export function makeQrWork(n: number): QrWork {
  const m = n + 1;
  return {
    n,
    m,
    a: new Float64Array(n * m),
    v: new Float64Array(n * m),
    diag: new Float64Array(n),
    orientation: 1,
  };
}

/** Factorises w.a (filled with the Jacobian) in place. */
export function qrFactor(w: QrWork): void {
  const { n, m, a, v, diag } = w;
  let sign = 1;
  for (let e = 0; e < n; e++) {
    const col = e * m;
    let norm2 = 0;
    for (let k = e; k < m; k++) norm2 += a[col + k]! * a[col + k]!;
    const norm = Math.sqrt(norm2);
    const x0 = a[col + e]!;
    const alpha = x0 >= 0 ? -norm : norm;
    // v = x - alpha e1, normalised; H = I - 2 v v^T maps x to alpha e1.
    let vnorm2 = 0;
    for (let k = e; k < m; k++) {
      const vk = k === e ? x0 - alpha : a[col + k]!;
      v[col + k] = vk;
      vnorm2 += vk * vk;
    }
    diag[e] = alpha;
    if (vnorm2 === 0) {
      // Zero column: no reflection needed (R's diagonal entry is 0, so J is singular).
      for (let k = e; k < m; k++) v[col + k] = 0;
      continue;
    }
    sign = -sign;
    const inv = 1 / Math.sqrt(vnorm2);
    for (let k = e; k < m; k++) v[col + k]! *= inv;
    for (let j = e + 1; j < n; j++) {
      const cj = j * m;
      let dot = 0;
      for (let k = e; k < m; k++) dot += v[col + k]! * a[cj + k]!;
      dot *= 2;
      for (let k = e; k < m; k++) a[cj + k]! -= dot * v[col + k]!;
    }
  }
  for (let e = 0; e < n; e++) if (diag[e]! < 0) sign = -sign;
  w.orientation = sign;
}

/** y <- Q y, i.e. H_0 H_1 ... H_{n-1} y. */
function applyQ(w: QrWork, y: Float64Array): void {
  const { n, m, v } = w;
  for (let e = n - 1; e >= 0; e--) {
    const col = e * m;
    let dot = 0;
    for (let k = e; k < m; k++) dot += v[col + k]! * y[k]!;
    if (dot === 0) continue;
    dot *= 2;
    for (let k = e; k < m; k++) y[k]! -= dot * v[col + k]!;
  }
}

/** The unit tangent (kernel of J), oriented so that det [J; t^T] > 0 (Gambit's orientation). */
export function qrTangent(w: QrWork, out: Float64Array): void {
  out.fill(0);
  out[w.m - 1] = w.orientation;
  applyQ(w, out);
}

/**
 * The minimum-norm Newton correction for J d = -h: solves R^T y = h and returns d = -Q [y; 0]
 * in out (length n + 1). h is left unchanged. Returns |d|.
 */
export function qrNewtonStep(w: QrWork, h: Float64Array, out: Float64Array): number {
  const { n, m, a, diag } = w;
  for (let e = 0; e < n; e++) {
    let s = h[e]!;
    const col = e * m;
    for (let k = 0; k < e; k++) s -= a[col + k]! * out[k]!;
    out[e] = s / diag[e]!;
  }
  out[n] = 0;
  applyQ(w, out);
  let d = 0;
  for (let k = 0; k < m; k++) {
    out[k] = -out[k]!;
    d += out[k]! * out[k]!;
  }
  return Math.sqrt(d);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** The unit tangent at x (oriented by det [J; t^T] > 0). */
export function tangentAt(
  sys: CurveSystem,
  x: Float64Array,
  w: QrWork = makeQrWork(sys.equations),
): Float64Array {
  sys.jacobian(x, w.a);
  qrFactor(w);
  const t = new Float64Array(w.m);
  qrTangent(w, t);
  return t;
}

/**
 * Follows the curve from x0 (which must lie on it) until `terminate` holds, the criterion's zero
 * is found, or the step length falls below its minimum.
 */
export function tracePath(sys: CurveSystem, x0: Float64Array, opts: TraceOptions): TraceResult {
  const n = sys.equations;
  const m = n + 1;
  const maxDecel = opts.maxDecel ?? 1.1;
  let omega = opts.omega ?? 1;
  const through = opts.bifurcation === 'through';
  const criterion = opts.criterion ?? (() => -1);
  let h = opts.firstStep ?? 0.03;

  const w = makeQrWork(n);
  let x = Float64Array.from(x0);
  let u = new Float64Array(m);
  let t = new Float64Array(m);
  let newT = new Float64Array(m);
  const y = new Float64Array(n);
  const d = new Float64Array(m);

  sys.jacobian(x, w.a);
  qrFactor(w);
  qrTangent(w, t);
  opts.onPoint?.(x);

  let newton = false;
  let pert = 0;
  let pertCountdown = 0;
  let steps = 0;
  let flips = 0;
  const done = (ok: boolean, message: string): TraceResult => {
    const tangent = Float64Array.from(t, (v) => v * omega);
    return { x, tangent, ok, message, steps, flips };
  };
  const belowMinimum = (): TraceResult =>
    newton && Math.abs(criterion(x, t)) < C_NEWTON_TOL
      ? done(true, 'terminated at a point satisfying the criterion')
      : done(false, 'step size fell below its minimum');

  while (!opts.terminate(x)) {
    if (opts.maxSteps !== undefined && steps >= opts.maxSteps)
      return done(false, 'maximum number of steps reached');
    if (Math.abs(h) <= C_HMIN) return belowMinimum();
    if (!Number.isFinite(h)) return done(false, 'step length overflowed (the curve runs off to infinity)');
    let accept = true;

    // Predictor along the tangent.
    for (let k = 0; k < m; k++) u[k] = x[k]! + h * omega * t[k]!;
    let decel = 1 / maxDecel;
    sys.jacobian(u, w.a);
    qrFactor(w);

    // Chord-Newton corrector with the factorisation at the predicted point.
    let iter = 1;
    let disto = 0;
    for (;;) {
      sys.value(u, y);
      y[0]! += pert;
      const dist = qrNewtonStep(w, y, d);
      for (let k = 0; k < m; k++) u[k]! += d[k];
      if (!(dist < C_MAX_DIST)) {
        accept = false;
        break;
      }
      decel = Math.max(decel, Math.sqrt(dist / C_MAX_DIST) * maxDecel);
      if (iter >= 2) {
        const contr = dist / (disto + C_TOL * C_ETA);
        if (contr > C_MAX_CONTR) {
          accept = false;
          break;
        }
        decel = Math.max(decel, Math.sqrt(contr / C_MAX_CONTR) * maxDecel);
      }
      if (dist <= C_TOL) break;
      disto = dist;
      iter++;
      if (iter > C_MAX_ITER) return done(false, 'maximum corrector iterations exceeded');
    }

    qrTangent(w, newT);
    if (dot(t, newT) < 0) {
      if (through) {
        // Same geometric direction: the branch continues through the bifurcation point.
        if (accept) {
          omega = -omega;
          flips++;
        }
      } else {
        // Gambit: reject, and perturb the first equation until past the apparent bifurcation.
        flips++;
        if (pertCountdown === 0) {
          pert = C_PERT;
          pertCountdown = Math.abs(2 * h);
        }
        accept = false;
      }
    }
    if (!accept) {
      h /= maxDecel;
      if (Math.abs(h) <= C_HMIN) return belowMinimum();
      continue;
    }

    decel = Math.min(decel, maxDecel);
    if (!newton && criterion(x, t) * criterion(u, newT) < 0) newton = true;
    if (newton) {
      // Secant step towards the criterion's zero (may be negative: back along the tangent).
      const cu = criterion(u, newT);
      h *= -cu / (cu - criterion(x, t));
    } else {
      h = Math.abs(h / decel);
    }

    [x, u] = [u, x];
    [t, newT] = [newT, t];
    opts.onPoint?.(x);
    steps++;
    if (pertCountdown > 0) {
      pertCountdown -= Math.abs(h);
      if (pertCountdown < 0) {
        pert = 0;
        pertCountdown = 0;
      }
    }
  }
  return done(true, 'terminated');
}
