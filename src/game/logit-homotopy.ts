// The principal branch of the logit quantal response equilibrium correspondence, traced from
// the centroid at lambda = 0 by predictor–corrector path following.
// McKelvey & Palfrey (1995, 1998); Turocy (2005) "A dynamic homotopy interpretation of the
// logistic quantal response equilibrium correspondence", GEB 51; Turocy (2010) "Computing
// sequential equilibria using agent quantal response equilibria", Econ Theory 42.
// Follows gambit-logit (src/solvers/logit/{path,nfglogit,efglogit}.cc, tools/logit/logit.cc):
// unknowns are log-probabilities and lambda itself (Gambit 16+ applies no transformation to
// lambda: the step length may grow 1.1x per step, so lambda reaches 1e8 in a few hundred steps);
// first step 0.03; the end point (-e) is the first accepted point whose regret is below 1e-8 times
// the game's payoff range — Nash regret for strategic games, agent regret (conditional on reaching
// each information set; sets reached with probability 0 in double precision excluded) for
// extensive ones, as gambit-logit 17 does; a target lambda (-l) is found by a secant search on
// lambda - target once the branch passes it, then (here) polished by Newton at exactly that lambda.
//
// Where Gambit gets stuck, this goes on, so that the end point is an equilibrium:
// - Bifurcations: Gambit perturbs the first equation when the tangent's orientation flips; on
//   degenerate games that can stall (contrib/games/2x2x2.nfg: Gambit stops at regret 0.21). After
//   a stall, tracing resumes from the stalled point following the branch straight through
//   bifurcations (orientation kept).
// - Large lambda: log-probabilities of abandoned actions run like -lambda * gap, beliefs behind
//   them lose precision (eps * |theta|) and lambda magnifies it past the corrector's tolerance:
//   the tracer crawls (gambit-logit runs into its time limit on contrib/games/bayes2a.efg). A crawl
//   or a stall at large lambda hands over to natural continuation in lambda with Newton at fixed
//   lambda, which tolerates that noise.
// - Payoffs far from unit scale (1e19) are divided by the payoff range before tracing.

import { branchSlope, makeNewtonWork, newtonAtLambda } from './logit-newton.js';
import {
  type LogitModel,
  type LogitWork,
  agentRegret,
  centroidTheta,
  compileExtensive,
  compileStrategic,
  makeWork,
  nashRegret,
  qreJacobian,
  qreResidual,
  withPayoffs,
} from './logit-system.js';
import { type CurveSystem, tracePath } from './path-tracer.js';
import type { BehaviorProfile, ExtensiveGame, MixedProfile, StrategicGame } from './types.js';

export interface HomotopyOptions {
  /** First step length (default 0.03, as gambit-logit -s). */
  firstStep?: number;
  /** Largest step growth factor (default 1.1, as gambit-logit -a). */
  maxDecel?: number;
  /** End point tolerance: Nash regret below this times the payoff range (default 1e-8, as gambit-logit -m). */
  maxRegret?: number;
  /**
   * Extensive games: the end point's regret test. 'agent' (default, as gambit-logit): at every
   * information set reached with positive probability, conditional on reaching it, so the end
   * point approximates a sequential equilibrium; 'nash': only the players' overall gains.
   */
  endRegret?: 'agent' | 'nash';
  /** Keep every accepted point of the branch (lambda and probabilities). */
  recordBranch?: boolean;
  /** Give up after this many accepted steps (default 100000). */
  maxSteps?: number;
}

export interface BranchPoint {
  lambda: number;
  /** Probabilities, flat: strategies player by player, or actions information set by information set. */
  probs: Float64Array;
}

export interface LogitTrace {
  lambda: number;
  /** Log-probabilities at the returned point. */
  theta: Float64Array;
  probs: Float64Array;
  /** Nash regret of the returned profile. */
  regret: number;
  /** Did the trace reach its goal (the target lambda, or an end point within the regret tolerance)? */
  ok: boolean;
  message: string;
  steps: number;
  /** True when Gambit's bifurcation handling stalled and the branch was followed straight through. */
  throughBifurcation: boolean;
  /** Orientation flips of the tangent met on the way: bifurcation points of a degenerate game. */
  bifurcations: number;
  branch?: BranchPoint[];
}

/** Largest number of unknowns the dense tracer accepts (its Jacobian has N^2 entries, its QR costs N^3). */
export const MAX_HOMOTOPY_VARS = 4000;

/** Gambit's equations as a curve in (theta, lambda). */
export function logitCurve(model: LogitModel, work: LogitWork = makeWork(model)): CurveSystem {
  const N = model.nVars;
  if (N > MAX_HOMOTOPY_VARS) {
    throw new Error(
      `the homotopy is dense: ${N} actions is more than ${MAX_HOMOTOPY_VARS}; use logit-fixed.ts`,
    );
  }
  const u = new Float64Array(N);
  const du = new Float64Array(N * N);
  return {
    equations: N,
    value: (x, out) => qreResidual(model, work, x.subarray(0, N), x[N]!, u, out),
    jacobian: (x, out) => qreJacobian(model, work, x.subarray(0, N), x[N]!, u, du, out, N + 1),
  };
}

function expAll(theta: Float64Array): Float64Array {
  return Float64Array.from(theta, Math.exp);
}

/** The point (theta, lambda) = x as a result. */
function finish(
  model: LogitModel,
  work: LogitWork,
  x: Float64Array,
  parts: {
    ok: boolean;
    message: string;
    steps: number;
    through: boolean;
    bifurcations?: number;
    branch?: BranchPoint[];
  },
): LogitTrace {
  const N = model.nVars;
  const theta = x.slice(0, N);
  return {
    lambda: x[N]!,
    theta,
    probs: expAll(theta),
    regret: nashRegret(model, work, theta),
    ok: parts.ok,
    message: parts.message,
    steps: parts.steps,
    throughBifurcation: parts.through,
    bifurcations: parts.bifurcations ?? 0,
    ...(parts.branch ? { branch: parts.branch } : {}),
  };
}

function startPoint(model: LogitModel): Float64Array {
  const x = new Float64Array(model.nVars + 1);
  x.set(centroidTheta(model));
  return x;
}

/** Largest lambda * payoff range worth following: beyond it doubles cannot tell the actions apart. */
const LAMBDA_SCALE_LIMIT = 1e15;

/**
 * Follows the principal branch until `goal` holds; if Gambit's bifurcation handling stalls first,
 * resumes from the stalled point following the branch straight through bifurcations.
 */
function traceBranch(
  model: LogitModel,
  opts: HomotopyOptions,
  goal: (x: Float64Array) => boolean,
  criterion: ((x: Float64Array) => number) | undefined,
): {
  x: Float64Array;
  ok: boolean;
  message: string;
  steps: number;
  through: boolean;
  bifurcations: number;
  branch?: BranchPoint[];
} {
  const N = model.nVars;
  const work = makeWork(model);
  const curve = logitCurve(model, work);
  const branch: BranchPoint[] | undefined = opts.recordBranch ? [] : undefined;
  const lambdaCap = LAMBDA_SCALE_LIMIT / Math.max(model.payoffRange, 1e-300);
  let capped = false;
  const crawl = crawlDetector(N, model.payoffRange || 1);
  let crawling = false;
  const terminate = (x: Float64Array) => {
    if (x[N]! < 0 || goal(x)) return true;
    if (!(x[N]! < lambdaCap)) capped = true;
    crawling = crawl(x);
    return capped || crawling;
  };
  const onPoint = branch
    ? (x: Float64Array) => {
        branch.push({ lambda: x[N]!, probs: expAll(x.subarray(0, N)) });
      }
    : undefined;
  const common = {
    firstStep: opts.firstStep ?? 0.03,
    maxDecel: opts.maxDecel ?? 1.1,
    maxSteps: opts.maxSteps ?? 100000,
    terminate,
    ...(onPoint ? { onPoint } : {}),
    ...(criterion ? { criterion: (x: Float64Array) => criterion(x) } : {}),
  };
  const first = tracePath(curve, startPoint(model), { ...common, bifurcation: 'perturb' });
  const reached = (r: { x: Float64Array; ok: boolean }) =>
    r.ok && !capped && !crawling && r.x[N]! >= 0 && (criterion ? true : goal(r.x));
  if (reached(first) || capped) {
    const message = capped ? 'lambda grew past the precision of doubles' : first.message;
    return {
      x: first.x,
      ok: reached(first),
      message,
      steps: first.steps,
      through: false,
      bifurcations: first.flips,
      ...(branch ? { branch } : {}),
    };
  }
  // Resume from the stalled point; its predecessor was accepted on the branch. (A crawl is not a
  // bifurcation: go straight to the endgame.)
  if (!crawling) branch?.pop();
  const second = crawling ? first : tracePath(curve, first.x, { ...common, bifurcation: 'through' });
  const steps = crawling ? first.steps : first.steps + second.steps;
  const bifurcations = crawling ? first.flips : first.flips + second.flips;
  if (reached(second) || capped || !(second.x[N]! > 0)) {
    const message = capped ? 'lambda grew past the precision of doubles' : second.message;
    return {
      x: second.x,
      ok: reached(second),
      message,
      steps,
      through: !crawling,
      bifurcations,
      ...(branch ? { branch } : {}),
    };
  }
  // Still stalled: at large lambda the arclength corrector runs out of precision (log-probabilities
  // of abandoned actions grow like -lambda); Newton at fixed lambda does not, so finish by natural
  // continuation in lambda.
  const target = criterion ? (x: Float64Array) => x[N]! - criterion(x) : undefined;
  const third = continueByNewton(model, second.x, goal, target?.(second.x), lambdaCap, onPoint);
  return {
    x: third.x,
    ok: third.ok,
    message: third.ok ? `${second.message}; finished by Newton continuation in lambda` : third.message,
    steps: steps + third.steps,
    through: !crawling,
    bifurcations,
    ...(branch ? { branch } : {}),
  };
}

/**
 * Detects the arclength tracer crawling: at large lambda the corrector's tolerance (1e-4) falls
 * below the rounding noise of the equations and steps shrink to nothing (gambit-logit then runs
 * for minutes). True when lambda * range is past CRAWL_LAMBDA and, over the last CRAWL_WINDOW
 * accepted points, the point moved by less than a tenth of its size (steps that may grow 1.1x
 * each would have covered it many times over).
 */
const CRAWL_WINDOW = 100;
const CRAWL_LAMBDA = 1e3;

function crawlDetector(N: number, range: number): (x: Float64Array) => boolean {
  const history: Float64Array[] = [];
  return (x) => {
    history.push(Float64Array.from(x));
    if (history.length <= CRAWL_WINDOW) return false;
    const old = history.shift()!;
    if (x[N]! * range < CRAWL_LAMBDA) return false;
    let size = 1;
    let moved = 0;
    for (let k = 0; k <= N; k++) {
      size = Math.max(size, Math.abs(x[k]!));
      moved = Math.max(moved, Math.abs(x[k]! - old[k]!));
    }
    return moved < 0.1 * size;
  };
}

/**
 * Natural continuation in lambda from a point near the branch: Euler predictor along
 * d theta / d lambda, Newton corrector at fixed lambda; lambda doubles while Newton converges
 * quickly. Stops when goal holds, or at the target lambda.
 */
function continueByNewton(
  model: LogitModel,
  x0: Float64Array,
  goal: (x: Float64Array) => boolean,
  target: number | undefined,
  lambdaCap: number,
  onPoint: ((x: Float64Array) => void) | undefined,
): { x: Float64Array; ok: boolean; message: string; steps: number } {
  const N = model.nVars;
  const work = makeWork(model);
  const nw = makeNewtonWork(model);
  const x = Float64Array.from(x0);
  const theta = x.subarray(0, N);
  let lambda = x[N]!;
  if (target !== undefined && lambda > target) lambda = target;
  const first = newtonAtLambda(model, work, nw, theta, lambda, { maxFirstStep: 1e-2 });
  if (!first.converged)
    return {
      x: Float64Array.from(x0),
      ok: false,
      message: 'stalled, and Newton failed at the stalled point',
      steps: 0,
    };
  x[N] = lambda;
  const slope = new Float64Array(N);
  const trial = new Float64Array(N);
  let growth = 2;
  let steps = 0;
  for (;;) {
    if (target === undefined ? goal(x) : lambda >= target) return { x, ok: true, message: 'ok', steps };
    const next = target === undefined ? lambda * growth : Math.min(target, lambda * growth);
    if (!(next < lambdaCap))
      return { x, ok: false, message: 'lambda grew past the precision of doubles', steps };
    branchSlope(model, work, nw, theta, lambda, slope);
    for (let a = 0; a < N; a++) trial[a] = theta[a]! + (next - lambda) * slope[a]!;
    const r = newtonAtLambda(model, work, nw, trial, next, {
      maxIter: 15,
      maxFirstStep: 1,
      maxContraction: 0.5,
    });
    if (r.converged) {
      theta.set(trial);
      lambda = next;
      x[N] = lambda;
      steps++;
      onPoint?.(x);
      growth = Math.min(growth * 2, 16);
    } else {
      growth = 1 + (growth - 1) / 4;
      if (growth - 1 < 1e-9)
        return { x, ok: false, message: `Newton continuation stalled at lambda ${lambda}`, steps };
    }
  }
}

/**
 * Payoffs far from unit scale are divided by the payoff range before tracing (the branch at
 * lambda for payoffs u is the branch at lambda * s for payoffs u / s): with payoffs of 1e19 the
 * tangent at lambda = 0 is almost orthogonal to the lambda axis and doubles lose its direction.
 */
const NORMALISE_ABOVE = 1e4;
const NORMALISE_BELOW = 1e-4;

function scaled(model: LogitModel): { model: LogitModel; factor: number } {
  const r = model.payoffRange;
  if (r === 0 || (r <= NORMALISE_ABOVE && r >= NORMALISE_BELOW)) return { model, factor: 1 };
  const payoffs = (model.kind === 'nfg' ? model.payoffs : model.payoff).map((v) => v / r);
  return { model: withPayoffs(model, payoffs, 1), factor: r };
}

/** Lambda of the scaled model back to the caller's scale, in the result and its branch. */
function unscale(original: LogitModel, work: LogitWork, t: LogitTrace, factor: number): LogitTrace {
  if (factor === 1) return t;
  return {
    ...t,
    lambda: t.lambda / factor,
    regret: nashRegret(original, work, t.theta),
    ...(t.branch ? { branch: t.branch.map((b) => ({ lambda: b.lambda / factor, probs: b.probs })) } : {}),
  };
}

/** The point of the principal branch at lambda (the first time the branch reaches it), on a compiled model. */
export function traceToLambda(model: LogitModel, lambda: number, opts: HomotopyOptions = {}): LogitTrace {
  if (!(lambda >= 0)) throw new Error(`lambda must be non-negative, got ${lambda}`);
  const { model: m, factor } = scaled(model);
  const t = unscale(model, makeWork(model), traceScaledToLambda(m, lambda * factor, opts), factor);
  return t.ok ? { ...t, lambda } : t;
}

function traceScaledToLambda(model: LogitModel, lambda: number, opts: HomotopyOptions): LogitTrace {
  const N = model.nVars;
  const work = makeWork(model);
  if (N === 0 || lambda === 0) {
    const x = startPoint(model);
    x[N] = lambda;
    const branch = opts.recordBranch ? { branch: [{ lambda, probs: expAll(x.subarray(0, N)) }] } : {};
    return finish(model, work, x, {
      ok: true,
      message: 'no path to follow',
      steps: 0,
      through: false,
      ...branch,
    });
  }
  if (!(lambda * model.payoffRange < LAMBDA_SCALE_LIMIT)) {
    const message = 'lambda times the payoff range is past the precision of doubles';
    return finish(model, work, startPoint(model), { ok: false, message, steps: 0, through: false });
  }
  const r = traceBranch(
    model,
    opts,
    () => false,
    (x) => x[N]! - lambda,
  );
  if (!r.ok) return finish(model, work, r.x, r);
  // Polish: Newton on the square system at exactly the target lambda.
  const theta = r.x.slice(0, N);
  const nr = newtonAtLambda(model, work, makeNewtonWork(model), theta, lambda, { maxFirstStep: 1e-3 });
  const x = new Float64Array(N + 1);
  if (nr.converged) {
    x.set(theta);
    x[N] = lambda;
  } else x.set(r.x);
  const message = nr.converged ? r.message : 'final Newton polish at the target lambda failed';
  return finish(model, work, x, { ...r, ok: nr.converged, message });
}

/**
 * The end point of the principal branch as lambda grows: the first point whose regret is below
 * maxRegret times the payoff range (an approximate Nash equilibrium; for extensive games, with
 * the agent regret test, an approximate sequential equilibrium: Turocy 2010).
 */
export function traceToLimit(model: LogitModel, opts: HomotopyOptions = {}): LogitTrace {
  const { model: m, factor } = scaled(model);
  return unscale(model, makeWork(model), traceScaledToLimit(m, opts), factor);
}

function traceScaledToLimit(model: LogitModel, opts: HomotopyOptions): LogitTrace {
  const N = model.nVars;
  const work = makeWork(model);
  const scale = model.payoffRange;
  const tol = (opts.maxRegret ?? 1e-8) * (scale !== 0 ? scale : 1);
  const regretOf = opts.endRegret === 'nash' || model.kind === 'nfg' ? nashRegret : agentRegret;
  const goal = (x: Float64Array) => regretOf(model, work, x.subarray(0, N)) < tol;
  if (N === 0 || goal(startPoint(model))) {
    const message = 'the centroid is already an equilibrium';
    return finish(model, work, startPoint(model), { ok: true, message, steps: 0, through: false });
  }
  const r = traceBranch(model, opts, goal, undefined);
  return finish(model, work, r.x, r);
}

// ---------------------------------------------------------------------------------------------
// Game-level entry points

export interface StrategicQre {
  lambda: number;
  profile: MixedProfile;
  /** Nash regret of the profile. */
  regret: number;
  ok: boolean;
  message: string;
  steps: number;
  throughBifurcation: boolean;
  bifurcations: number;
  branch?: { lambda: number; profile: MixedProfile }[];
}

export interface BehaviorQre {
  lambda: number;
  /** Agent behaviour profile, indexed like game.infosets (chance sets repeat their probabilities). */
  profile: BehaviorProfile;
  /** Nash regret of the profile. */
  regret: number;
  ok: boolean;
  message: string;
  steps: number;
  throughBifurcation: boolean;
  bifurcations: number;
  branch?: { lambda: number; profile: BehaviorProfile }[];
}

/** Flat probabilities (strategies player by player) as a mixed profile. */
export function toMixedProfile(g: StrategicGame, probs: ArrayLike<number>): MixedProfile {
  let k = 0;
  return { probs: g.strategies.map((s) => s.map(() => probs[k++]!)) };
}

/** Flat probabilities (personal actions, information set by information set in game order) as a behaviour profile. */
export function toBehaviorProfile(g: ExtensiveGame, probs: ArrayLike<number>): BehaviorProfile {
  let k = 0;
  return {
    probs: g.infosets.map((h) =>
      h.player < 0 ? (h.probs ?? []).map((p) => p.value) : h.actions.map(() => probs[k++]!),
    ),
  };
}

function strategicResult(g: StrategicGame, t: LogitTrace): StrategicQre {
  return {
    lambda: t.lambda,
    profile: toMixedProfile(g, t.probs),
    regret: t.regret,
    ok: t.ok,
    message: t.message,
    steps: t.steps,
    throughBifurcation: t.throughBifurcation,
    bifurcations: t.bifurcations,
    ...(t.branch
      ? { branch: t.branch.map((b) => ({ lambda: b.lambda, profile: toMixedProfile(g, b.probs) })) }
      : {}),
  };
}

function behaviorResult(g: ExtensiveGame, t: LogitTrace): BehaviorQre {
  return {
    lambda: t.lambda,
    profile: toBehaviorProfile(g, t.probs),
    regret: t.regret,
    ok: t.ok,
    message: t.message,
    steps: t.steps,
    throughBifurcation: t.throughBifurcation,
    bifurcations: t.bifurcations,
    ...(t.branch
      ? { branch: t.branch.map((b) => ({ lambda: b.lambda, profile: toBehaviorProfile(g, b.probs) })) }
      : {}),
  };
}

/** Logit QRE of a strategic game on the principal branch at lambda. */
export function logitStrategicAt(g: StrategicGame, lambda: number, opts: HomotopyOptions = {}): StrategicQre {
  return strategicResult(g, traceToLambda(compileStrategic(g), lambda, opts));
}

/** End point of the principal logit branch of a strategic game (an approximate Nash equilibrium). */
export function logitStrategicLimit(g: StrategicGame, opts: HomotopyOptions = {}): StrategicQre {
  return strategicResult(g, traceToLimit(compileStrategic(g), opts));
}

/** Agent logit QRE of an extensive game on the principal branch at lambda. */
export function logitBehaviorAt(g: ExtensiveGame, lambda: number, opts: HomotopyOptions = {}): BehaviorQre {
  return behaviorResult(g, traceToLambda(compileExtensive(g), lambda, opts));
}

/** End point of the principal agent-logit branch of an extensive game (approximately a sequential equilibrium). */
export function logitBehaviorLimit(g: ExtensiveGame, opts: HomotopyOptions = {}): BehaviorQre {
  return behaviorResult(g, traceToLimit(compileExtensive(g), opts));
}
