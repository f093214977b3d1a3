// The logit quantal response equilibrium equations in log-probabilities, on flat arrays.
// McKelvey & Palfrey (1995) "Quantal response equilibria for normal form games", GEB 10;
// McKelvey & Palfrey (1998) "Quantal response equilibria for extensive form games" (agent QRE),
// Experimental Economics 1; Turocy (2005) GEB 51. The system and its Jacobian are Gambit's
// (src/solvers/logit/nfglogit.cc, efglogit.cc, logbehav.imp): unknowns theta = log p for every
// strategy (or every action of every personal information set) and lambda; per player (or
// information set) one equation  sum_a exp(theta_a) - 1 = 0  and, for every action a after the
// first, theta_a - theta_0 - lambda (u_a - u_0) = 0, where u_a is the action's expected payoff
// (for information sets: conditional on reaching the set, under the beliefs the profile implies).
//
// Derivatives for extensive games are taken by walking the ancestors of each node, not pairwise as
// Gambit does: O(nodes x depth x actions) for the whole Jacobian.
//
// Zero-probability information sets (reachable only through chance moves of probability zero)
// get uniform beliefs over their members, as in Gambit's LogBehavProfile.

import { perfectRecallViolation } from './perfect-recall.js';
import { CHANCE, type ExtensiveGame, PERSONAL, type StrategicGame } from './types.js';

interface ModelBase {
  /** Number of unknown log-probabilities (all strategies, or all personal actions). */
  readonly nVars: number;
  readonly nPlayers: number;
  /** Groups are players (strategic) or personal information sets (extensive): vars groupStart[g]..groupStart[g+1]-1. */
  readonly groupStart: Int32Array;
  readonly groupPlayer: Int32Array;
  /** Largest minus smallest payoff in the game (Gambit's scale for the regret tolerance). */
  readonly payoffRange: number;
}

export interface StrategicLogitModel extends ModelBase {
  readonly kind: 'nfg';
  readonly nProfiles: number;
  /** payoffs[profile * nPlayers + player], player 0's strategy varying fastest. */
  readonly payoffs: Float64Array;
}

export interface ExtensiveLogitModel extends ModelBase {
  readonly kind: 'efg';
  readonly nNodes: number;
  readonly parent: Int32Array;
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Group (personal information set) of a node, -1 for chance and terminal nodes. */
  readonly nodeGroup: Int32Array;
  /** Var of the action leading into a node from a personal node, else -1. */
  readonly edgeVar: Int32Array;
  /** Probability of the chance action leading into a node (1 when the parent is not chance). */
  readonly edgeProb: Float64Array;
  /** The node's own outcome: payoff[node * nPlayers + player] (outcomes on inner nodes add along the path). */
  readonly payoff: Float64Array;
  /** Members of each group in preorder. */
  readonly memberStart: Int32Array;
  readonly memberList: Int32Array;
  /** Index in game.infosets of each group. */
  readonly groupInfoset: Int32Array;
  /** The owner's last own action (var) before the group, -1 if none (perfect recall makes it unique). */
  readonly groupParentVar: Int32Array;
  /** Per player, their groups ordered so that every group comes before the groups preceding it. */
  readonly playerGroupsBottomUp: Int32Array[];
}

export type LogitModel = StrategicLogitModel | ExtensiveLogitModel;

/** Scratch arrays for evaluating one model; reuse them across calls to avoid allocation. */
export interface LogitWork {
  readonly prob: Float64Array;
  /** Extensive: log realization probability per node. */
  readonly logReach: Float64Array;
  /** Extensive: expected payoff of the subtree (node's own outcome included), per node and player. */
  readonly value: Float64Array;
  /** Extensive: belief of each personal node within its information set. */
  readonly belief: Float64Array;
  /** Extensive: per node scratch for best responses. */
  readonly seq: Int32Array;
  readonly bucket: Float64Array;
  /** Strategic: prefix products per player. */
  readonly prefix: Float64Array;
  readonly pure: Int32Array;
}

// ---------------------------------------------------------------------------------------------
// Compilation

/** Flat arrays for the logit equations of a strategic game. */
export function compileStrategic(g: StrategicGame): StrategicLogitModel {
  const n = g.players.length;
  const counts = g.strategies.map((s) => s.length);
  const groupStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) groupStart[i + 1] = groupStart[i]! + counts[i]!;
  const payoffs = Float64Array.from(g.payoffs, (p) => p.value);
  const nProfiles = counts.reduce((a, b) => a * b, 1);
  return {
    kind: 'nfg',
    nVars: groupStart[n]!,
    nPlayers: n,
    groupStart,
    groupPlayer: Int32Array.from(counts, (_, i) => i),
    payoffRange: strategicRange(g),
    nProfiles,
    payoffs,
  };
}

/** Gambit's GetMaxPayoff - GetMinPayoff: over the game's outcomes. */
function strategicRange(g: StrategicGame): number {
  const values = g.outcomeForm
    ? g.outcomeForm.outcomes.flatMap((o) => o.payoffs.map((p) => p.value))
    : g.payoffs.map((p) => p.value);
  return rangeOf(values);
}

function rangeOf(values: number[]): number {
  if (values.length === 0) return 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo;
}

/** Flat arrays for the agent logit equations of an extensive game (which must have perfect recall). */
export function compileExtensive(g: ExtensiveGame): ExtensiveLogitModel {
  const violation = perfectRecallViolation(g);
  if (violation) throw new Error(`logit QRE needs perfect recall: ${violation}`);
  const { count, kind, infoset, outcome, parent, childStart, childList } = g.nodes;
  const P = g.players.length;

  // Groups: personal information sets in the game's (Gambit's printing) order.
  const groupOf = new Int32Array(g.infosets.length).fill(-1);
  const groupInfoset: number[] = [];
  const starts = [0];
  g.infosets.forEach((h, i) => {
    if (h.player < 0) return;
    groupOf[i] = groupInfoset.length;
    groupInfoset.push(i);
    starts.push(starts[starts.length - 1]! + h.actions.length);
  });
  const nGroups = groupInfoset.length;
  const groupStart = Int32Array.from(starts);
  const groupPlayer = Int32Array.from(groupInfoset, (i) => g.infosets[i]!.player);

  const nodeGroup = new Int32Array(count).fill(-1);
  const edgeVar = new Int32Array(count).fill(-1);
  const edgeProb = new Float64Array(count).fill(1);
  const payoff = new Float64Array(count * P);
  const memberCount = new Int32Array(nGroups + 1);
  for (let node = 0; node < count; node++) {
    const o = outcome[node]!;
    if (o >= 0)
      g.outcomes[o]!.payoffs.forEach((p, i) => {
        payoff[node * P + i] = p.value;
      });
    if (kind[node] === PERSONAL) {
      const grp = groupOf[infoset[node]!]!;
      nodeGroup[node] = grp;
      memberCount[grp + 1]!++;
      for (let c = childStart[node]!, j = 0; c < childStart[node + 1]!; c++, j++)
        edgeVar[childList[c]!] = groupStart[grp]! + j;
    } else if (kind[node] === CHANCE) {
      const probs = g.infosets[infoset[node]!]!.probs ?? [];
      for (let c = childStart[node]!, j = 0; c < childStart[node + 1]!; c++, j++) {
        edgeProb[childList[c]!] = probs[j]?.value ?? 0;
      }
    }
  }
  const memberStart = new Int32Array(nGroups + 1);
  for (let h = 0; h < nGroups; h++) memberStart[h + 1] = memberStart[h]! + memberCount[h + 1]!;
  const fill = memberStart.slice(0, nGroups);
  const memberList = new Int32Array(memberStart[nGroups]!);
  for (let node = 0; node < count; node++)
    if (nodeGroup[node]! >= 0) memberList[fill[nodeGroup[node]!]!++] = node;

  const groupParentVar = ownParentVars(
    count,
    parent,
    edgeVar,
    nodeGroup,
    groupPlayer,
    memberStart,
    memberList,
  );
  const playerGroupsBottomUp = g.players.map((_, i) => {
    const mine: number[] = [];
    for (let h = 0; h < nGroups; h++) if (groupPlayer[h] === i) mine.push(h);
    // A later own set lies below an earlier one, so its first member comes later in preorder.
    mine.sort((a, b) => memberList[memberStart[b]!]! - memberList[memberStart[a]!]!);
    return Int32Array.from(mine);
  });

  return {
    kind: 'efg',
    nVars: groupStart[nGroups]!,
    nPlayers: P,
    groupStart,
    groupPlayer,
    payoffRange: rangeOf(g.outcomes.flatMap((o) => o.payoffs.map((p) => p.value))),
    nNodes: count,
    parent: Int32Array.from(parent),
    childStart: Int32Array.from(childStart),
    childList: Int32Array.from(childList),
    nodeGroup,
    edgeVar,
    edgeProb,
    payoff,
    memberStart,
    memberList,
    groupInfoset: Int32Array.from(groupInfoset),
    groupParentVar,
    playerGroupsBottomUp,
  };
}

/** For each group, the owner's last action on the path to its first member (-1 for none). */
function ownParentVars(
  count: number,
  parent: Int32Array,
  edgeVar: Int32Array,
  nodeGroup: Int32Array,
  groupPlayer: Int32Array,
  memberStart: Int32Array,
  memberList: Int32Array,
): Int32Array {
  const nGroups = groupPlayer.length;
  const out = new Int32Array(nGroups).fill(-1);
  for (let h = 0; h < nGroups; h++) {
    if (memberStart[h + 1] === memberStart[h]) continue;
    const player = groupPlayer[h]!;
    let z = memberList[memberStart[h]!]!;
    while (z > 0 && z < count) {
      const y = parent[z]!;
      if (nodeGroup[y]! >= 0 && groupPlayer[nodeGroup[y]!] === player) {
        out[h] = edgeVar[z]!;
        break;
      }
      z = y;
    }
  }
  return out;
}

/** The same game structure with other payoffs (strategic: per profile and player; extensive: per node and player). */
export function withPayoffs<M extends LogitModel>(model: M, payoffs: Float64Array, payoffRange?: number): M {
  const expected = model.kind === 'nfg' ? model.nProfiles * model.nPlayers : model.nNodes * model.nPlayers;
  if (payoffs.length !== expected) throw new Error(`expected ${expected} payoffs, got ${payoffs.length}`);
  const range = payoffRange ?? rangeOf(Array.from(payoffs));
  return model.kind === 'nfg'
    ? ({ ...model, payoffs, payoffRange: range } as M)
    : ({ ...model, payoff: payoffs, payoffRange: range } as M);
}

export function makeWork(model: LogitModel): LogitWork {
  const nodes = model.kind === 'efg' ? model.nNodes : 0;
  return {
    prob: new Float64Array(model.nVars),
    logReach: new Float64Array(nodes),
    value: new Float64Array(nodes * model.nPlayers),
    belief: new Float64Array(nodes),
    seq: new Int32Array(nodes),
    bucket: new Float64Array(model.nVars + 1),
    prefix: new Float64Array(model.nPlayers + 1),
    pure: new Int32Array(model.nPlayers),
  };
}

// ---------------------------------------------------------------------------------------------
// Profiles

/** log(1 / #actions) for every var: the centroid, where every branch starts at lambda = 0. */
export function centroidTheta(model: LogitModel): Float64Array {
  const theta = new Float64Array(model.nVars);
  for (let h = 0; h + 1 < model.groupStart.length; h++) {
    const s = model.groupStart[h]!;
    const e = model.groupStart[h + 1]!;
    for (let a = s; a < e; a++) theta[a] = -Math.log(e - s);
  }
  return theta;
}

/** theta <- log softmax(lambda u) per group: the logit response to the action values u. */
export function logitResponse(model: LogitModel, u: Float64Array, lambda: number, theta: Float64Array): void {
  for (let h = 0; h + 1 < model.groupStart.length; h++) {
    const s = model.groupStart[h]!;
    const e = model.groupStart[h + 1]!;
    let max = Number.NEGATIVE_INFINITY;
    for (let a = s; a < e; a++) max = Math.max(max, lambda * u[a]!);
    let sum = 0;
    for (let a = s; a < e; a++) sum += Math.exp(lambda * u[a]! - max);
    const logSum = max + Math.log(sum);
    for (let a = s; a < e; a++) theta[a] = lambda * u[a]! - logSum;
  }
}

/**
 * Largest violation of the logit fixed point in log-probabilities: max over actions of
 * |theta_a - log softmax(lambda u(theta))_a|. u is scratch (nVars).
 */
export function fixedPointResidual(
  model: LogitModel,
  work: LogitWork,
  theta: Float64Array,
  lambda: number,
  u: Float64Array,
): number {
  actionValues(model, work, theta, u);
  let worst = 0;
  for (let h = 0; h + 1 < model.groupStart.length; h++) {
    const s = model.groupStart[h]!;
    const e = model.groupStart[h + 1]!;
    let max = Number.NEGATIVE_INFINITY;
    for (let a = s; a < e; a++) max = Math.max(max, lambda * u[a]!);
    let sum = 0;
    for (let a = s; a < e; a++) sum += Math.exp(lambda * u[a]! - max);
    const logSum = max + Math.log(sum);
    for (let a = s; a < e; a++) worst = Math.max(worst, Math.abs(theta[a]! - (lambda * u[a]! - logSum)));
  }
  return worst;
}

function fillProbs(theta: Float64Array, prob: Float64Array): void {
  for (let a = 0; a < theta.length; a++) prob[a] = Math.exp(theta[a]!);
}

// ---------------------------------------------------------------------------------------------
// Action values and their derivatives

/** u[var]: each strategy's (action's) expected payoff to its owner at the profile exp(theta). */
export function actionValues(model: LogitModel, work: LogitWork, theta: Float64Array, u: Float64Array): void {
  if (model.kind === 'nfg') strategicValues(model, work, theta, u, undefined);
  else extensiveValues(model, work, theta, u);
}

/**
 * u as in actionValues, and du[r * nVars + c] = d u_r / d theta_c, with every theta treated as a
 * free coordinate (the sum-to-one equations hold the profile on the simplex).
 */
export function valueJacobian(
  model: LogitModel,
  work: LogitWork,
  theta: Float64Array,
  u: Float64Array,
  du: Float64Array,
): void {
  if (model.kind === 'nfg') strategicValues(model, work, theta, u, du);
  else {
    extensiveValues(model, work, theta, u);
    extensiveValueDerivs(model, work, theta, u, du);
  }
}

function strategicValues(
  model: StrategicLogitModel,
  work: LogitWork,
  theta: Float64Array,
  u: Float64Array,
  du: Float64Array | undefined,
): void {
  const { nPlayers: n, nVars: N, groupStart, payoffs, nProfiles } = model;
  const { prob, prefix, pure } = work;
  fillProbs(theta, prob);
  u.fill(0);
  du?.fill(0);
  pure.fill(0);
  for (let p = 0; p < nProfiles; p++) {
    prefix[0] = 1;
    for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! * prob[groupStart[i]! + pure[i]!]!;
    // Walk down from the last player with a running suffix product: the weight of every player's
    // payoff is the product of the other players' probabilities.
    let suffix = 1;
    for (let i = n - 1; i >= 0; i--) {
      const w = payoffs[p * n + i]! * prefix[i]! * suffix;
      const row = groupStart[i]! + pure[i]!;
      u[row]! += w;
      if (du && w !== 0) {
        for (let k = 0; k < n; k++) if (k !== i) du[row * N + groupStart[k]! + pure[k]!]! += w;
      }
      suffix *= prob[row]!;
    }
    for (let i = 0; i < n; i++) {
      if (++pure[i]! < groupStart[i + 1]! - groupStart[i]!) break;
      pure[i] = 0;
    }
  }
}

/** Log realization probabilities (work.logReach) and beliefs (work.belief) for the profile exp(theta). */
export function reachAndBeliefs(model: ExtensiveLogitModel, work: LogitWork, theta: Float64Array): void {
  const { nNodes, parent, edgeVar, edgeProb } = model;
  const { logReach } = work;
  logReach[0] = 0;
  for (let n = 1; n < nNodes; n++) {
    const e = edgeVar[n]!;
    logReach[n] = logReach[parent[n]!]! + (e >= 0 ? theta[e]! : Math.log(edgeProb[n]!));
  }
  computeBeliefs(model, work);
}

/** Realization probabilities (log), subtree values and beliefs for the profile exp(theta). */
function extensiveNodeData(model: ExtensiveLogitModel, work: LogitWork, theta: Float64Array): void {
  fillProbs(theta, work.prob);
  reachAndBeliefs(model, work, theta);
  subtreeValues(model, work);
}

/** work.value: each subtree's expected payoffs (the node's own outcome included) under work.prob. */
export function subtreeValues(model: ExtensiveLogitModel, work: LogitWork): void {
  const { nNodes, nPlayers: P, edgeVar, edgeProb, childStart, childList, payoff } = model;
  const { prob, value } = work;
  for (let n = nNodes - 1; n >= 0; n--) {
    const base = n * P;
    for (let i = 0; i < P; i++) value[base + i] = payoff[base + i]!;
    for (let c = childStart[n]!; c < childStart[n + 1]!; c++) {
      const child = childList[c]!;
      const e = edgeVar[child]!;
      const w = e >= 0 ? prob[e]! : edgeProb[child]!;
      if (w === 0) continue;
      for (let i = 0; i < P; i++) value[base + i]! += w * value[child * P + i]!;
    }
  }
}

function computeBeliefs(model: ExtensiveLogitModel, work: LogitWork): void {
  const { memberStart, memberList } = model;
  const { logReach, belief } = work;
  for (let h = 0; h + 1 < memberStart.length; h++) {
    const s = memberStart[h]!;
    const e = memberStart[h + 1]!;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = s; k < e; k++) max = Math.max(max, logReach[memberList[k]!]!);
    if (max === Number.NEGATIVE_INFINITY) {
      for (let k = s; k < e; k++) belief[memberList[k]!] = 1 / (e - s);
      continue;
    }
    let total = 0;
    for (let k = s; k < e; k++) total += Math.exp(logReach[memberList[k]!]! - max);
    for (let k = s; k < e; k++) belief[memberList[k]!] = Math.exp(logReach[memberList[k]!]! - max) / total;
  }
}

function extensiveValues(
  model: ExtensiveLogitModel,
  work: LogitWork,
  theta: Float64Array,
  u: Float64Array,
): void {
  extensiveNodeData(model, work, theta);
  groupActionValues(model, work, u);
}

/** u[a] = sum over members x of belief(x) * value(child of x by a), for the set's owner. */
export function groupActionValues(model: ExtensiveLogitModel, work: LogitWork, u: Float64Array): void {
  const { nPlayers: P, groupStart, groupPlayer, memberStart, memberList, childStart, childList } = model;
  const { value, belief } = work;
  u.fill(0);
  for (let h = 0; h + 1 < groupStart.length; h++) {
    const s = groupStart[h]!;
    const k = groupStart[h + 1]! - s;
    const i = groupPlayer[h]!;
    for (let m = memberStart[h]!; m < memberStart[h + 1]!; m++) {
      const x = memberList[m]!;
      const mu = belief[x]!;
      if (mu === 0) continue;
      const c0 = childStart[x]!;
      for (let j = 0; j < k; j++) u[s + j]! += mu * value[childList[c0 + j]! * P + i]!;
    }
  }
}

function extensiveValueDerivs(
  model: ExtensiveLogitModel,
  work: LogitWork,
  theta: Float64Array,
  u: Float64Array,
  du: Float64Array,
): void {
  const { nVars: N, nPlayers: P, nNodes, groupStart, groupPlayer, memberStart, memberList } = model;
  const { childStart, childList, parent, edgeVar, edgeProb, nodeGroup } = model;
  const { value, belief, prob, logReach } = work;
  du.fill(0);

  // (A) Beliefs at h move with every action on the path to a member: for an action b on the path
  // to x, d u_a / d theta_b gains belief(x) (value(x, a) - u_a).
  for (let h = 0; h + 1 < groupStart.length; h++) {
    const s = groupStart[h]!;
    const k = groupStart[h + 1]! - s;
    const i = groupPlayer[h]!;
    const ms = memberStart[h]!;
    const me = memberStart[h + 1]!;
    // Uniform beliefs of an unreachable set do not move.
    let reachable = false;
    for (let m = ms; m < me; m++) if (logReach[memberList[m]!]! > Number.NEGATIVE_INFINITY) reachable = true;
    if (!reachable) continue;
    for (let m = ms; m < me; m++) {
      const x = memberList[m]!;
      const mu = belief[x]!;
      if (mu === 0) continue;
      const c0 = childStart[x]!;
      for (let z = x; z > 0; z = parent[z]!) {
        const b = edgeVar[z]!;
        if (b < 0) continue;
        for (let j = 0; j < k; j++)
          du[(s + j) * N + b]! += mu * (value[childList[c0 + j]! * P + i]! - u[s + j]!);
      }
    }
  }

  // (B) Values below (y, a) move with every action b at a node x' below: d u_a / d theta_b gains
  // belief(y) rho(x' | child) p_b value_i(x', b), where rho(x' | child) is the probability of
  // the path from the child of y by a down to x'.
  for (let xp = 0; xp < nNodes; xp++) {
    const hp = nodeGroup[xp]!;
    if (hp < 0) continue;
    const sp = groupStart[hp]!;
    const kp = groupStart[hp + 1]! - sp;
    const c0 = childStart[xp]!;
    let cond = 0;
    for (let c = xp; c > 0; ) {
      const y = parent[c]!;
      const hy = nodeGroup[y]!;
      if (hy >= 0) {
        const coef = belief[y]! * Math.exp(cond);
        if (coef !== 0) {
          const i = groupPlayer[hy]!;
          const row = edgeVar[c]! * N;
          for (let j = 0; j < kp; j++)
            du[row + sp + j]! += coef * prob[sp + j]! * value[childList[c0 + j]! * P + i]!;
        }
      }
      const e = edgeVar[c]!;
      cond += e >= 0 ? theta[e]! : Math.log(edgeProb[c]!);
      if (cond === Number.NEGATIVE_INFINITY) break;
      c = y;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The QRE equations

/** Gambit's equations at (theta, lambda): per group, sum - 1, then theta_a - theta_0 - lambda (u_a - u_0). */
export function qreResidual(
  model: LogitModel,
  work: LogitWork,
  theta: Float64Array,
  lambda: number,
  u: Float64Array,
  out: Float64Array,
): void {
  actionValues(model, work, theta, u);
  const { groupStart } = model;
  for (let h = 0; h + 1 < groupStart.length; h++) {
    const s = groupStart[h]!;
    const e = groupStart[h + 1]!;
    let sum = -1;
    for (let a = s; a < e; a++) sum += Math.exp(theta[a]!);
    out[s] = sum;
    for (let a = s + 1; a < e; a++) out[a] = theta[a]! - theta[s]! - lambda * (u[a]! - u[s]!);
  }
}

/**
 * The Jacobian of qreResidual by equation: out[e * stride + k] = dH_e / d theta_k, and when
 * stride = nVars + 1 also out[e * stride + nVars] = dH_e / d lambda. du is scratch (nVars^2).
 */
export function qreJacobian(
  model: LogitModel,
  work: LogitWork,
  theta: Float64Array,
  lambda: number,
  u: Float64Array,
  du: Float64Array,
  out: Float64Array,
  stride: number,
): void {
  valueJacobian(model, work, theta, u, du);
  const { groupStart, nVars: N } = model;
  const withLambda = stride > N;
  out.fill(0);
  for (let h = 0; h + 1 < groupStart.length; h++) {
    const s = groupStart[h]!;
    const e = groupStart[h + 1]!;
    const sumRow = s * stride;
    for (let a = s; a < e; a++) out[sumRow + a] = Math.exp(theta[a]!);
    for (let a = s + 1; a < e; a++) {
      const row = a * stride;
      const ra = a * N;
      const r0 = s * N;
      for (let c = 0; c < N; c++) {
        const d = du[ra + c]! - du[r0 + c]!;
        if (d !== 0) out[row + c] = -lambda * d;
      }
      out[row + a]! += 1;
      out[row + s]! -= 1;
      if (withLambda) out[row + N] = -(u[a]! - u[s]!);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Regret

/**
 * Nash regret: the largest gain any player has from switching to a best response (Gambit's
 * GetMaxRegret, which for behaviour profiles is the regret of the equivalent mixed profile).
 */
export function nashRegret(model: LogitModel, work: LogitWork, theta: Float64Array): number {
  return model.kind === 'nfg' ? strategicRegret(model, work, theta) : extensiveRegret(model, work, theta);
}

function strategicRegret(model: StrategicLogitModel, work: LogitWork, theta: Float64Array): number {
  const u = new Float64Array(model.nVars);
  strategicValues(model, work, theta, u, undefined);
  let worst = 0;
  for (let i = 0; i < model.nPlayers; i++) {
    let best = Number.NEGATIVE_INFINITY;
    let mean = 0;
    for (let a = model.groupStart[i]!; a < model.groupStart[i + 1]!; a++) {
      best = Math.max(best, u[a]!);
      mean += work.prob[a]! * u[a]!;
    }
    if (model.groupStart[i + 1]! > model.groupStart[i]!) worst = Math.max(worst, best - mean);
  }
  return worst;
}

/**
 * Best-response value of each player against the others' behaviour, by backward induction over
 * the player's own information sets (perfect recall): payoff at node y, weighted by the others'
 * (and chance's) probability of reaching y, is credited to the player's last own action before y;
 * each own set then passes its best action's total up to the action before it.
 */
function extensiveRegret(model: ExtensiveLogitModel, work: LogitWork, theta: Float64Array): number {
  extensiveNodeData(model, work, theta);
  const {
    nNodes,
    nPlayers: P,
    nVars: N,
    parent,
    edgeVar,
    edgeProb,
    nodeGroup,
    groupPlayer,
    groupStart,
    payoff,
  } = model;
  const { seq, bucket, value } = work;
  const other = new Float64Array(nNodes);
  let worst = 0;
  for (let i = 0; i < P; i++) {
    bucket.fill(0);
    seq[0] = -1;
    other[0] = 0;
    for (let n = 1; n < nNodes; n++) {
      const y = parent[n]!;
      const e = edgeVar[n]!;
      const own = e >= 0 && groupPlayer[nodeGroup[y]!] === i;
      seq[n] = own ? e : seq[y]!;
      other[n] = other[y]! + (own ? 0 : e >= 0 ? theta[e]! : Math.log(edgeProb[n]!));
    }
    for (let n = 0; n < nNodes; n++) {
      const v = payoff[n * P + i]!;
      if (v === 0) continue;
      const w = Math.exp(other[n]!);
      if (w === 0) continue;
      bucket[seq[n]! < 0 ? N : seq[n]!]! += w * v;
    }
    for (const h of model.playerGroupsBottomUp[i]!) {
      let best = Number.NEGATIVE_INFINITY;
      for (let a = groupStart[h]!; a < groupStart[h + 1]!; a++) best = Math.max(best, bucket[a]!);
      const up = model.groupParentVar[h]!;
      bucket[up < 0 ? N : up]! += best;
    }
    const current = value[i]!; // the root's value: the expected payoff
    worst = Math.max(worst, bucket[N]! - current);
  }
  return worst;
}

/**
 * Agent regret: the largest gain from changing the action at one information set, conditional
 * on reaching it (Gambit's GetAgentMaxRegret, the stopping rule of gambit-logit on extensive
 * games). As in Gambit, a set whose realization probability is zero in double precision counts
 * as having no regret.
 */
export function agentRegret(model: LogitModel, work: LogitWork, theta: Float64Array): number {
  if (model.kind === 'nfg') return strategicRegret(model, work, theta);
  const u = new Float64Array(model.nVars);
  extensiveValues(model, work, theta, u);
  const { groupStart, memberStart, memberList } = model;
  let worst = 0;
  for (let h = 0; h + 1 < groupStart.length; h++) {
    let reach = 0;
    for (let m = memberStart[h]!; m < memberStart[h + 1]!; m++)
      reach += Math.exp(work.logReach[memberList[m]!]!);
    if (reach === 0) continue;
    let best = Number.NEGATIVE_INFINITY;
    let mean = 0;
    for (let a = groupStart[h]!; a < groupStart[h + 1]!; a++) {
      best = Math.max(best, u[a]!);
      mean += work.prob[a]! * u[a]!;
    }
    worst = Math.max(worst, best - mean);
  }
  return worst;
}
