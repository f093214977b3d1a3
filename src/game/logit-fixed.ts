// Logit QRE at one fixed lambda, fast, on the principal branch.
// The crisis model solves thousands of compiled games at a scenario's lambda, so this solver
// avoids tracing the whole branch (logit-homotopy.ts) whenever it can:
//
// 1. Extensive games whose beliefs depend on chance only (every information set's members share
//    the same personal moves on their paths: perfect information, or private information drawn
//    by chance and never inferred from others' moves): one backward sweep — each information set's
//    logit response to the values below it, deepest first — is the exact agent QRE, and it is
//    unique at every lambda, so it is the principal branch's point (certificate 'unique').
// 2. Otherwise, natural-parameter continuation from lambda = 0 in a few large steps (Allgower &
//    Georg 1990, ch. 2 and 6): a tangent predictor d theta / d lambda, then a corrector at the new
//    lambda — Newton on the log-probability equations with a dense LU (small games; it also sees
//    the sign of det J_theta) or, for large games, Newton–Krylov on the sweep map theta = S(theta)
//    (Knoll & Keyes 2004, J. Comput. Phys. 193: GMRES on (I - DS) with products DS v from
//    forward-mode tangent sweeps, O(nodes) each; DS holds only the belief couplings, so few
//    products are needed). A step is accepted only if the corrector converges quickly from the
//    prediction (first correction and contraction bounded) and, with dense Newton, det J_theta
//    keeps its sign; otherwise the step is cut. Near a fold of the branch the slope blows up and
//    the step collapses: the solver then falls back to the homotopy (logit-homotopy.ts), which
//    defines the principal branch's point at lambda as the first crossing of lambda (as
//    gambit-logit -l). Continuation with these tests stays on the branch it started on
//    (certificate 'continuation'): the standard argument of path following, not a proof. Its
//    known blind spot is a bifurcation of a degenerate (e.g. symmetric) game, where branches
//    cross: dense Newton sees det J_theta change sign and hands over to the homotopy (which then
//    takes Gambit's branch); Newton–Krylov cannot see it. Generic payoffs have no bifurcations.
//
// Work arrays and the sweep schedule are built once per game structure (LogitSolver) so that
// repeated solves with other lambdas or payoffs (withPayoffs) do not rebuild them.

import { gmres } from './gmres.js';
import {
  type LogitTrace,
  MAX_HOMOTOPY_VARS,
  toBehaviorProfile,
  toMixedProfile,
  traceToLambda,
} from './logit-homotopy.js';
import { type NewtonWork, branchSlope, makeNewtonWork, newtonAtLambda } from './logit-newton.js';
import {
  type ExtensiveLogitModel,
  type LogitModel,
  type LogitWork,
  centroidTheta,
  compileExtensive,
  compileStrategic,
  fixedPointResidual,
  makeWork,
  reachAndBeliefs,
  subtreeValues,
} from './logit-system.js';
import type { BehaviorProfile, ExtensiveGame, MixedProfile, StrategicGame } from './types.js';

// ---------------------------------------------------------------------------------------------
// Sweep plan

/** The order of one backward sweep: node n (>= 0): its subtree value; -1 - h: information set h's logit response. */
export interface SweepPlan {
  readonly schedule: Int32Array;
  /** Beliefs depend on chance moves only (so one sweep is exact and the QRE unique). */
  readonly beliefsFixed: boolean;
  /** Some information sets depend on each other's values (the sweep then uses last values). */
  readonly cyclic: boolean;
}

/**
 * Depth-first postorder of "a node's value needs its children and its information set's
 * response; a response needs the children of all the set's members".
 */
export function makeSweepPlan(model: ExtensiveLogitModel): SweepPlan {
  const { nNodes, childStart, childList, nodeGroup, memberStart, memberList } = model;
  const nGroups = memberStart.length - 1;
  const state = new Uint8Array(nNodes + nGroups); // 0 new, 1 open, 2 done
  const schedule = new Int32Array(nNodes + nGroups);
  let out = 0;
  let cyclic = false;
  const stack: number[] = [0];
  const pushDeps = (item: number) => {
    const push = (dep: number) => {
      if (state[dep] === 0) stack.push(dep);
      else if (state[dep] === 1) cyclic = true;
    };
    if (item < nNodes) {
      const g = nodeGroup[item]!;
      if (g >= 0) push(nNodes + g);
      for (let c = childStart[item]!; c < childStart[item + 1]!; c++) push(childList[c]!);
    } else {
      const h = item - nNodes;
      for (let m = memberStart[h]!; m < memberStart[h + 1]!; m++) {
        const x = memberList[m]!;
        for (let c = childStart[x]!; c < childStart[x + 1]!; c++) push(childList[c]!);
      }
    }
  };
  while (stack.length > 0) {
    const item = stack[stack.length - 1]!;
    if (state[item] === 0) {
      state[item] = 1;
      pushDeps(item);
    } else {
      stack.pop();
      if (state[item] === 1) {
        state[item] = 2;
        schedule[out++] = item < nNodes ? item : -1 - (item - nNodes);
      }
    }
  }
  return {
    schedule: schedule.subarray(0, out),
    beliefsFixed: !cyclic && beliefsFromChanceOnly(model),
    cyclic,
  };
}

/** Do all members of every information set share the same personal moves on their paths? */
function beliefsFromChanceOnly(model: ExtensiveLogitModel): boolean {
  const { nNodes, parent, edgeVar, nodeGroup } = model;
  const history = new Int32Array(nNodes);
  const ids = new Map<string, number>();
  for (let n = 1; n < nNodes; n++) {
    const e = edgeVar[n]!;
    const p = history[parent[n]!]!;
    if (e < 0) history[n] = p;
    else {
      const key = `${p}:${e}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(key, id);
      }
      history[n] = id;
    }
  }
  const seen = new Map<number, number>();
  for (let n = 0; n < nNodes; n++) {
    const g = nodeGroup[n]!;
    if (g < 0) continue;
    const h = seen.get(g);
    if (h === undefined) seen.set(g, history[n]!);
    else if (h !== history[n]) return false;
  }
  return true;
}

/**
 * One backward sweep: beliefs from theta as given, then, in plan order, subtree values and each
 * information set's logit response (written into theta) to the values below it. On return
 * work.prob holds exp(theta) for the new theta; `probsReady` says it already holds exp(theta) for
 * the theta given (as the previous sweep left it, when nothing touched work since), so that the
 * exponentials need not be taken again.
 */
export function sweep(
  model: ExtensiveLogitModel,
  plan: SweepPlan,
  work: LogitWork,
  theta: Float64Array,
  lambda: number,
  probsReady = false,
): void {
  const {
    nPlayers: P,
    childStart,
    childList,
    edgeVar,
    edgeProb,
    payoff,
    groupStart,
    groupPlayer,
    memberStart,
    memberList,
  } = model;
  const { value, belief, prob } = work;
  reachAndBeliefs(model, work, theta);
  if (!probsReady) for (let a = 0; a < theta.length; a++) prob[a] = Math.exp(theta[a]!);
  // With cyclic dependencies some values are read before this sweep recomputes them: take them
  // at theta, so that the sweep is a function of theta (Newton on it needs that).
  if (plan.cyclic) subtreeValues(model, work);
  const schedule = plan.schedule;
  for (let s = 0; s < schedule.length; s++) {
    const item = schedule[s]!;
    if (item >= 0) {
      const base = item * P;
      if (P === 2) {
        // Two players (a bargaining game's usual movers): the same sums, unrolled.
        let v0 = payoff[base]!;
        let v1 = payoff[base + 1]!;
        for (let c = childStart[item]!; c < childStart[item + 1]!; c++) {
          const child = childList[c]!;
          const e = edgeVar[child]!;
          const w = e >= 0 ? prob[e]! : edgeProb[child]!;
          if (w === 0) continue;
          v0 += w * value[child * 2]!;
          v1 += w * value[child * 2 + 1]!;
        }
        value[base] = v0;
        value[base + 1] = v1;
        continue;
      }
      for (let i = 0; i < P; i++) value[base + i] = payoff[base + i]!;
      for (let c = childStart[item]!; c < childStart[item + 1]!; c++) {
        const child = childList[c]!;
        const e = edgeVar[child]!;
        const w = e >= 0 ? prob[e]! : edgeProb[child]!;
        if (w === 0) continue;
        for (let i = 0; i < P; i++) value[base + i]! += w * value[child * P + i]!;
      }
      continue;
    }
    const h = -1 - item;
    const first = groupStart[h]!;
    const k = groupStart[h + 1]! - first;
    const i = groupPlayer[h]!;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      let u = 0;
      for (let m = memberStart[h]!; m < memberStart[h + 1]!; m++) {
        const x = memberList[m]!;
        const mu = belief[x]!;
        if (mu !== 0) u += mu * value[childList[childStart[x]! + j]! * P + i]!;
      }
      const z = lambda * u;
      theta[first + j] = z;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(theta[first + j]! - max);
    const logSum = max + Math.log(sum);
    for (let j = 0; j < k; j++) {
      theta[first + j]! -= logSum;
      prob[first + j] = Math.exp(theta[first + j]!);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Newton–Krylov on the sweep map

/** Scratch for tangents of a sweep. */
export interface TangentWork {
  readonly dReach: Float64Array;
  readonly dBelief: Float64Array;
  readonly dValue: Float64Array;
  readonly dProb: Float64Array;
  readonly out: Float64Array;
  readonly dOut: Float64Array;
}

export function makeTangentWork(model: ExtensiveLogitModel): TangentWork {
  return {
    dReach: new Float64Array(model.nNodes),
    dBelief: new Float64Array(model.nNodes),
    dValue: new Float64Array(model.nNodes * model.nPlayers),
    dProb: new Float64Array(model.nVars),
    out: new Float64Array(model.nVars),
    dOut: new Float64Array(model.nVars),
  };
}

/**
 * One sweep S(theta) into tw.out and its directional derivative D_theta S v + dS/dlambda dLambda
 * into tw.dOut (forward-mode differentiation of sweep(): beliefs, subtree values, responses).
 * primal = false reuses the values, beliefs and probabilities that the previous call left in
 * work at the same theta (only for acyclic plans, where every value is final when read).
 */
export function sweepTangent(
  model: ExtensiveLogitModel,
  plan: SweepPlan,
  work: LogitWork,
  tw: TangentWork,
  theta: Float64Array,
  v: Float64Array,
  lambda: number,
  dLambda = 0,
  primal = true,
): void {
  const { nNodes, nPlayers: P, parent, childStart, childList, edgeVar, edgeProb, payoff } = model;
  const { groupStart, groupPlayer, memberStart, memberList } = model;
  const { value, belief, prob, logReach } = work;
  const { dReach, dBelief, dValue, dProb, out, dOut } = tw;
  if (primal) reachAndBeliefs(model, work, theta);
  dReach[0] = 0;
  for (let n = 1; n < nNodes; n++) {
    const e = edgeVar[n]!;
    dReach[n] = dReach[parent[n]!]! + (e >= 0 ? v[e]! : 0);
  }
  for (let h = 0; h + 1 < memberStart.length; h++) {
    let reachable = false;
    let mean = 0;
    for (let m = memberStart[h]!; m < memberStart[h + 1]!; m++) {
      const x = memberList[m]!;
      if (logReach[x]! > Number.NEGATIVE_INFINITY) reachable = true;
      mean += belief[x]! * dReach[x]!;
    }
    for (let m = memberStart[h]!; m < memberStart[h + 1]!; m++) {
      const x = memberList[m]!;
      dBelief[x] = reachable && belief[x]! > 0 ? belief[x]! * (dReach[x]! - mean) : 0;
    }
  }
  for (let a = 0; a < theta.length; a++) {
    if (primal) prob[a] = Math.exp(theta[a]!);
    dProb[a] = prob[a]! * v[a]!;
    if (primal) out[a] = theta[a]!;
    dOut[a] = v[a]!;
  }
  if (plan.cyclic) valuesWithTangent(model, work, tw);
  const schedule = plan.schedule;
  for (let s = 0; s < schedule.length; s++) {
    const item = schedule[s]!;
    if (item >= 0) {
      const base = item * P;
      for (let i = 0; i < P; i++) {
        if (primal) value[base + i] = payoff[base + i]!;
        dValue[base + i] = 0;
      }
      for (let c = childStart[item]!; c < childStart[item + 1]!; c++) {
        const child = childList[c]!;
        const e = edgeVar[child]!;
        const w = e >= 0 ? prob[e]! : edgeProb[child]!;
        const dw = e >= 0 ? dProb[e]! : 0;
        for (let i = 0; i < P; i++) {
          if (primal) value[base + i]! += w * value[child * P + i]!;
          dValue[base + i]! += dw * value[child * P + i]! + w * dValue[child * P + i]!;
        }
      }
      continue;
    }
    const h = -1 - item;
    const first = groupStart[h]!;
    const k = groupStart[h + 1]! - first;
    const i = groupPlayer[h]!;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      let u = 0;
      let du = 0;
      for (let m = memberStart[h]!; m < memberStart[h + 1]!; m++) {
        const x = memberList[m]!;
        const at = childList[childStart[x]! + j]! * P + i;
        u += belief[x]! * value[at]!;
        du += dBelief[x]! * value[at]! + belief[x]! * dValue[at]!;
      }
      if (primal) out[first + j] = lambda * u;
      dOut[first + j] = lambda * du + dLambda * u;
      if (lambda * u > max) max = lambda * u;
    }
    if (primal) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Math.exp(out[first + j]! - max);
      const logSum = max + Math.log(sum);
      for (let j = 0; j < k; j++) {
        out[first + j]! -= logSum;
        prob[first + j] = Math.exp(out[first + j]!);
      }
    }
    let mean = 0;
    for (let j = 0; j < k; j++) mean += prob[first + j]! * dOut[first + j]!;
    for (let j = 0; j < k; j++) {
      dOut[first + j]! -= mean;
      dProb[first + j] = prob[first + j]! * dOut[first + j]!;
    }
  }
}

/** Subtree values and their tangents at the current prob / dProb (the cyclic pre-pass of sweepTangent). */
function valuesWithTangent(model: ExtensiveLogitModel, work: LogitWork, tw: TangentWork): void {
  const { nNodes, nPlayers: P, childStart, childList, edgeVar, edgeProb, payoff } = model;
  const { value, prob } = work;
  const { dValue, dProb } = tw;
  for (let node = nNodes - 1; node >= 0; node--) {
    const base = node * P;
    for (let i = 0; i < P; i++) {
      value[base + i] = payoff[base + i]!;
      dValue[base + i] = 0;
    }
    for (let c = childStart[node]!; c < childStart[node + 1]!; c++) {
      const child = childList[c]!;
      const e = edgeVar[child]!;
      const w = e >= 0 ? prob[e]! : edgeProb[child]!;
      const dw = e >= 0 ? dProb[e]! : 0;
      for (let i = 0; i < P; i++) {
        value[base + i]! += w * value[child * P + i]!;
        dValue[base + i]! += dw * value[child * P + i]! + w * dValue[child * P + i]!;
      }
    }
  }
}

interface KrylovWork {
  readonly tw: TangentWork;
  readonly g: Float64Array;
  readonly delta: Float64Array;
  readonly zero: Float64Array;
}

function makeKrylovWork(model: ExtensiveLogitModel): KrylovWork {
  const N = model.nVars;
  return {
    tw: makeTangentWork(model),
    g: new Float64Array(N),
    delta: new Float64Array(N),
    zero: new Float64Array(N),
  };
}

/**
 * d theta / d lambda along the branch: (I - D_theta S) t = dS/dlambda, by GMRES. Returns false if
 * GMRES did not converge.
 */
function krylovSlope(
  model: ExtensiveLogitModel,
  plan: SweepPlan,
  work: LogitWork,
  kw: KrylovWork,
  theta: Float64Array,
  lambda: number,
  out: Float64Array,
): boolean {
  const { tw, zero } = kw;
  const N = theta.length;
  sweepTangent(model, plan, work, tw, theta, zero, lambda, 1);
  const rhs = Float64Array.from(tw.dOut);
  out.set(rhs);
  const r = gmres(
    (v, o) => {
      sweepTangent(model, plan, work, tw, theta, v, lambda, 0, plan.cyclic);
      for (let a = 0; a < N; a++) o[a] = v[a]! - tw.dOut[a]!;
    },
    rhs,
    out,
    { tol: 1e-4, restart: 40, maxProducts: 400 }, // a predictor needs no more
  );
  return r.converged;
}

interface KrylovResult {
  converged: boolean;
  iterations: number;
  products: number;
  firstStep: number;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
}

/**
 * Newton's method on theta = S(theta) (S: one sweep), with the linear systems
 * (I - DS) delta = S(theta) - theta solved by GMRES from tangent sweeps. Where beliefs do not
 * depend on the profile DS = 0 and one step is exact; otherwise DS carries only the belief (and
 * cyclic) couplings, which GMRES resolves in few products. theta is updated in place.
 */
function newtonKrylov(
  model: ExtensiveLogitModel,
  plan: SweepPlan,
  work: LogitWork,
  kw: KrylovWork,
  theta: Float64Array,
  lambda: number,
  opts: { tol: number; maxIter: number; maxFirstStep: number; maxContraction: number },
): KrylovResult {
  const { tw, g, delta, zero } = kw;
  const N = theta.length;
  let products = 0;
  let firstStep = 0;
  let prev = Number.POSITIVE_INFINITY;
  const apply = (v: Float64Array, out: Float64Array) => {
    sweepTangent(model, plan, work, tw, theta, v, lambda, 0, plan.cyclic);
    for (let a = 0; a < N; a++) out[a] = v[a]! - tw.dOut[a]!;
  };
  for (let it = 1; it <= opts.maxIter; it++) {
    sweepTangent(model, plan, work, tw, theta, zero, lambda);
    for (let a = 0; a < N; a++) g[a] = tw.out[a]! - theta[a]!;
    const gn = maxAbs(g);
    if (!Number.isFinite(gn)) return { converged: false, iterations: it, products, firstStep };
    const noise = Math.max(
      opts.tol,
      8 * Number.EPSILON * (1 + maxAbs(theta)) * Math.max(1, lambda * model.payoffRange),
    );
    if (gn <= opts.tol || (it > 1 && gn <= noise && gn >= 0.5 * prev)) {
      theta.set(tw.out);
      return { converged: true, iterations: it, products, firstStep };
    }
    delta.set(g);
    // Inexact Newton (Eisenstat & Walker 1996): solve only as accurately as the residual warrants.
    const forcing = Math.min(1e-2, Math.max(1e-10, gn));
    const r = gmres(apply, g, delta, { tol: forcing, restart: 40, maxProducts: 400 });
    products += r.products;
    const step = maxAbs(delta);
    if (!Number.isFinite(step)) return { converged: false, iterations: it, products, firstStep };
    if (it === 1) {
      firstStep = step;
      if (step > opts.maxFirstStep) return { converged: false, iterations: it, products, firstStep };
    } else if (step > opts.maxContraction * prev && step > noise) {
      return { converged: false, iterations: it, products, firstStep };
    }
    for (let a = 0; a < N; a++) theta[a]! += delta[a];
    prev = step;
  }
  return { converged: false, iterations: opts.maxIter, products, firstStep };
}

// ---------------------------------------------------------------------------------------------
// The solver

export interface FixedOptions {
  /**
   * A point of this game's principal branch at a smaller lambda (e.g. a previous solve) to
   * continue from instead of lambda = 0.
   */
  start?: { lambda: number; theta: Float64Array };
  /** Games with at most this many actions use dense Newton as corrector (it also sees bifurcations), larger ones Newton–Krylov sweeps (default 64). */
  denseLimit?: number;
  /** Largest game (actions) for which dense Newton or the homotopy may be used as fallback (default 1000). */
  maxDenseVars?: number;
  /** Fixed-point tolerance in log-probabilities (default 1e-12). */
  tol?: number;
  /** Fall back to the homotopy when continuation fails (default true). */
  fallback?: boolean;
}

export type Certificate = 'unique' | 'continuation' | 'homotopy' | 'none';

export interface FixedResult {
  lambda: number;
  /** Log-probabilities, flat (strategies player by player, or actions by information set). */
  theta: Float64Array;
  probs: Float64Array;
  /** Largest |theta - log softmax(lambda u(theta))| at the result. */
  residual: number;
  ok: boolean;
  /** How the result is known to be the principal branch's point (see the header). */
  certificate: Certificate;
  method: 'sweep' | 'newton' | 'newton-krylov' | 'homotopy';
  /** Continuation steps accepted (lambda stages). */
  stages: number;
  /** Corrector iterations (Newton steps or sweeps) over all stages, rejected ones included. */
  iterations: number;
  message: string;
}

/** A solver for one game structure: compiled once, then cheap per lambda (and per payoff draw via setModel). */
export interface LogitSolver {
  readonly model: LogitModel;
  solve(lambda: number, opts?: FixedOptions): FixedResult;
  /** Same structure, other payoffs (see withPayoffs in logit-system.ts). */
  setModel(model: LogitModel): void;
}

export function makeLogitSolver(model: LogitModel): LogitSolver {
  let current = model;
  const work = makeWork(model);
  const plan = model.kind === 'efg' ? makeSweepPlan(model) : undefined;
  let newton: NewtonWork | undefined;
  let krylov: KrylovWork | undefined;
  const scratch = new Float64Array(model.nVars);
  return {
    get model() {
      return current;
    },
    setModel(m: LogitModel) {
      if (m.nVars !== current.nVars || m.kind !== current.kind)
        throw new Error('setModel needs the same game structure');
      current = m;
    },
    solve(lambda: number, opts: FixedOptions = {}): FixedResult {
      if (!(lambda >= 0) || !Number.isFinite(lambda))
        throw new Error(`lambda must be finite and non-negative, got ${lambda}`);
      const ctx: Context = {
        model: current,
        work,
        plan,
        scratch,
        opts,
        getNewton: () => (newton ??= makeNewtonWork(current)),
        getKrylov: () => (krylov ??= makeKrylovWork(current as ExtensiveLogitModel)),
      };
      return solveFixed(ctx, lambda);
    },
  };
}

interface Context {
  model: LogitModel;
  work: LogitWork;
  plan: SweepPlan | undefined;
  scratch: Float64Array;
  opts: FixedOptions;
  getNewton: () => NewtonWork;
  getKrylov: () => KrylovWork;
}

/** Logit QRE at lambda on a compiled model (builds a solver; keep a LogitSolver for repeated solves). */
export function solveLogitFixed(model: LogitModel, lambda: number, opts: FixedOptions = {}): FixedResult {
  return makeLogitSolver(model).solve(lambda, opts);
}

function result(
  ctx: Context,
  lambda: number,
  theta: Float64Array,
  parts: Omit<FixedResult, 'lambda' | 'theta' | 'probs' | 'residual'>,
): FixedResult {
  const residual = fixedPointResidual(ctx.model, ctx.work, theta, lambda, ctx.scratch);
  return { lambda, theta, probs: Float64Array.from(theta, Math.exp), residual, ...parts };
}

function solveFixed(ctx: Context, lambda: number): FixedResult {
  const { model, plan, opts } = ctx;
  const N = model.nVars;
  if (N === 0 || lambda === 0) {
    const theta = centroidTheta(model);
    return result(ctx, lambda, theta, {
      ok: true,
      certificate: 'unique',
      method: 'sweep',
      stages: 0,
      iterations: 0,
      message: 'centroid',
    });
  }
  if (model.kind === 'efg' && plan?.beliefsFixed) {
    const theta = centroidTheta(model);
    sweep(model, plan, ctx.work, theta, lambda);
    return result(ctx, lambda, theta, {
      ok: true,
      certificate: 'unique',
      method: 'sweep',
      stages: 1,
      iterations: 1,
      message: 'one backward sweep (beliefs fixed by chance)',
    });
  }
  const denseLimit = opts.denseLimit ?? 64;
  const maxDense = Math.min(opts.maxDenseVars ?? 1000, MAX_HOMOTOPY_VARS);
  const useSweeps = model.kind === 'efg' && N > denseLimit;
  let iterations = 0;
  if (useSweeps) {
    const r = continueWithKrylov(ctx, lambda);
    iterations += r.iterations;
    if (r.ok)
      return result(ctx, lambda, r.theta, {
        ok: true,
        certificate: 'continuation',
        method: 'newton-krylov',
        stages: r.stages,
        iterations,
        message: 'continuation with Newton–Krylov sweeps',
      });
  }
  if (N <= maxDense) {
    const r = continueWithNewton(ctx, lambda);
    iterations += r.iterations;
    if (r.ok)
      return result(ctx, lambda, r.theta, {
        ok: true,
        certificate: 'continuation',
        method: 'newton',
        stages: r.stages,
        iterations,
        message: 'continuation with Newton',
      });
    if (opts.fallback ?? true) {
      const t: LogitTrace = traceToLambda(model, lambda);
      const theta = t.theta;
      return result(ctx, lambda, theta, {
        ok: t.ok,
        certificate: t.ok ? 'homotopy' : 'none',
        method: 'homotopy',
        stages: t.steps,
        iterations,
        message: `continuation stalled (${r.message}); homotopy: ${t.message}`,
      });
    }
    return result(ctx, lambda, r.theta, {
      ok: false,
      certificate: 'none',
      method: 'newton',
      stages: r.stages,
      iterations,
      message: r.message,
    });
  }
  return result(ctx, lambda, centroidTheta(model), {
    ok: false,
    certificate: 'none',
    method: 'newton-krylov',
    stages: 0,
    iterations,
    message: 'Newton–Krylov continuation failed and the game is too large for dense fallbacks',
  });
}

interface Continuation {
  ok: boolean;
  theta: Float64Array;
  stages: number;
  iterations: number;
  message: string;
}

function startOf(ctx: Context, lambda: number): { lambda: number; theta: Float64Array } {
  const s = ctx.opts.start;
  if (s && s.lambda <= lambda && s.theta.length === ctx.model.nVars)
    return { lambda: s.lambda, theta: Float64Array.from(s.theta) };
  return { lambda: 0, theta: centroidTheta(ctx.model) };
}

/** First continuation step: to where lambda times the payoff range reaches 1, where the logit response map is a mild contraction. */
function firstStep(ctx: Context, from: number, to: number): number {
  const r = ctx.model.payoffRange;
  return r > 0 ? Math.min(to - from, 1 / r) : to - from;
}

const MIN_STEP = 1e-10;

/** Continuation steps tried (accepted or not) before giving up: a few large steps is the point. */
const MAX_ATTEMPTS = 300;

/**
 * Largest first Newton–Krylov correction (log-probabilities, max norm) of a continuation step:
 * a larger one suggests the corrector left the branch for another nearby one.
 */
const KRYLOV_MAX_FIRST_STEP = 0.25;

/** Intermediate continuation points need not be exact: only the last one is returned. */
const STAGE_TOL = 1e-6;

/** Next step length factor after an accepted step: corrector iterations say how good the prediction was. */
function growth(iterations: number): number {
  return iterations <= 2 ? 8 : iterations <= 3 ? 4 : iterations <= 5 ? 2 : 1;
}

/** Natural continuation in lambda with a tangent predictor and a Newton corrector. */
function continueWithNewton(ctx: Context, target: number): Continuation {
  const { model, work } = ctx;
  const nw = ctx.getNewton();
  const N = model.nVars;
  const tol = ctx.opts.tol ?? 1e-12;
  let { lambda, theta } = startOf(ctx, target);
  const slope = new Float64Array(N);
  const trial = new Float64Array(N);
  let stages = 0;
  let iterations = 0;
  const sign = branchSlope(model, work, nw, theta, lambda, slope);
  if (sign === 0) return { ok: false, theta, stages, iterations, message: 'singular Jacobian at the start' };
  let step = firstStep(ctx, lambda, target);
  let attempts = 0;
  while (lambda < target) {
    if (++attempts > MAX_ATTEMPTS)
      return {
        ok: false,
        theta,
        stages,
        iterations,
        message: `no progress after ${MAX_ATTEMPTS} steps at lambda ${lambda.toPrecision(6)}`,
      };
    const next = Math.min(target, lambda + step);
    const d = next - lambda;
    for (let a = 0; a < N; a++) trial[a] = theta[a]! + d * slope[a]!;
    const stepTol = next === target ? Math.max(tol, 1e-13) : STAGE_TOL;
    const r = newtonAtLambda(model, work, nw, trial, next, {
      maxIter: 12,
      maxFirstStep: 1,
      maxContraction: 0.5,
      stepTol,
    });
    iterations += r.iterations;
    const nextSign = r.converged ? branchSlope(model, work, nw, trial, next, slope) : 0;
    if (r.converged && nextSign === sign) {
      theta.set(trial);
      lambda = next;
      stages++;
      step *= growth(r.iterations);
      continue;
    }
    // Rejected: restore the slope at the accepted point and shorten the step.
    if (r.converged) branchSlope(model, work, nw, theta, lambda, slope);
    step /= 4;
    if (step < MIN_STEP * Math.max(1, target)) {
      return {
        ok: false,
        theta,
        stages,
        iterations,
        message: `step collapsed at lambda ${lambda.toPrecision(6)} (a fold or bifurcation)`,
      };
    }
  }
  return { ok: true, theta, stages, iterations, message: 'ok' };
}

/**
 * Natural continuation in lambda with a secant predictor and Newton–Krylov on the sweep map as
 * corrector (for games too large for dense Jacobians).
 */
function continueWithKrylov(ctx: Context, target: number): Continuation {
  const { model, work, plan } = ctx;
  if (model.kind !== 'efg' || !plan) throw new Error('Newton–Krylov sweeps need an extensive game');
  const kw = ctx.getKrylov();
  const N = model.nVars;
  const tol = ctx.opts.tol ?? 1e-12;
  let { lambda, theta } = startOf(ctx, target);
  const slope = new Float64Array(N);
  const trial = new Float64Array(N);
  let stages = 0;
  let iterations = 0;
  let step = firstStep(ctx, lambda, target);
  let haveSlope = krylovSlope(model, plan, work, kw, theta, lambda, slope);
  let attempts = 0;
  while (lambda < target) {
    if (++attempts > MAX_ATTEMPTS)
      return {
        ok: false,
        theta,
        stages,
        iterations,
        message: `no progress after ${MAX_ATTEMPTS} steps at lambda ${lambda.toPrecision(6)}`,
      };
    const next = Math.min(target, lambda + step);
    const d = next - lambda;
    for (let a = 0; a < N; a++) trial[a] = theta[a]! + (haveSlope ? d * slope[a]! : 0);
    const r = newtonKrylov(model, plan, work, kw, trial, next, {
      tol: next === target ? tol : STAGE_TOL,
      maxIter: 12,
      maxFirstStep: KRYLOV_MAX_FIRST_STEP,
      maxContraction: 0.5,
    });
    iterations += r.iterations;
    if (r.converged) {
      theta = Float64Array.from(trial);
      lambda = next;
      stages++;
      step *= growth(r.iterations);
      if (lambda < target) haveSlope = krylovSlope(model, plan, work, kw, theta, lambda, slope);
      continue;
    }
    step /= 4;
    if (step < MIN_STEP * Math.max(1, target)) {
      return {
        ok: false,
        theta,
        stages,
        iterations,
        message: `step collapsed at lambda ${lambda.toPrecision(6)} (a fold or bifurcation)`,
      };
    }
  }
  return { ok: true, theta, stages, iterations, message: 'ok' };
}

// ---------------------------------------------------------------------------------------------
// Game-level entry points

export interface StrategicFixed extends Omit<FixedResult, 'theta' | 'probs'> {
  profile: MixedProfile;
}

export interface BehaviorFixed extends Omit<FixedResult, 'theta' | 'probs'> {
  /** Agent behaviour profile indexed like game.infosets (chance sets repeat their probabilities). */
  profile: BehaviorProfile;
}

/** Logit QRE of a strategic game at lambda (principal branch). */
export function logitStrategicFixed(
  g: StrategicGame,
  lambda: number,
  opts: FixedOptions = {},
): StrategicFixed {
  const { theta: _t, probs, ...rest } = solveLogitFixed(compileStrategic(g), lambda, opts);
  return { ...rest, profile: toMixedProfile(g, probs) };
}

/** Agent logit QRE of an extensive game at lambda (principal branch). */
export function logitBehaviorFixed(g: ExtensiveGame, lambda: number, opts: FixedOptions = {}): BehaviorFixed {
  const { theta: _t, probs, ...rest } = solveLogitFixed(compileExtensive(g), lambda, opts);
  return { ...rest, profile: toBehaviorProfile(g, probs) };
}
