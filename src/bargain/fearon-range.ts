// The bargaining range of Fearon (1995), "Rationalist explanations for war", International
// Organization 49(3): 379–414, §"War is costly and risky, so rational states should have incentives to
// locate negotiated settlements that all would prefer to fight".
//
// Set-up. Two states divide a pie [0, 1]; x is A's share, 1 − x is B's. War is a lottery: A wins (and
// takes the whole pie) with probability p, B with 1 − p, and each pays a cost c_A, c_B. As in Fearon,
// the costs enter in *utility* units, after the lottery: A's expected utility of war is
//   p·u_A(1) + (1 − p)·u_A(0) − c_A,
// and B's is (1 − p)·u_B(0) + p·u_B(1) − c_B, where u_B is written over A's share x. Risk attitudes are
// power functions u_A(x) = x^r_A and u_B(x) = (1 − x)^r_B, so u(0) = 0 and u(1) = 1 for the winner:
//   A prefers the deal x to war  iff  x^r_A ≥ p − c_A,          i.e. x ≥ (p − c_A)^(1/r_A),
//   B prefers the deal x to war  iff  (1 − x)^r_B ≥ 1 − p − c_B, i.e. x ≤ 1 − (1 − p − c_B)^(1/r_B),
// with a threshold clipped to the edge of the pie when its base is ≤ 0 (that side prefers every deal).
// For risk-neutral states (r = 1) the range is [p − c_A, p + c_B]: it is never empty when the costs are
// non-negative, and empty (before clipping) only when c_A + c_B < 0 — war must be "costly".
//
// Risk aversion widens the range. With 0 < r < 1, u is concave; a base b ∈ [0, 1] raised to 1/r > 1 falls
// (b^(1/r) ≤ b), so A's lower threshold drops and B's upper threshold rises: a risk-averse state accepts
// less than its certainty-equivalent share to avoid the war lottery. Risk acceptance (r > 1, convex u)
// narrows it and can empty it even with positive costs — Fearon's caveat that war needs costs *or* risk
// aversion to be dominated.

import { BargainInputError } from './errors.js';

export interface FearonRangeInput {
  /** Probability that A wins a war, in [0, 1]. */
  readonly p: number;
  /** A's cost of war, in A's utility units (a share of the pie when r_A = 1). */
  readonly costA: number;
  /** B's cost of war, in B's utility units. */
  readonly costB: number;
  /** A's risk exponent: u_A(x) = x^riskA; < 1 risk-averse, 1 neutral (default), > 1 risk-acceptant. */
  readonly riskA?: number;
  /** B's risk exponent: u_B(x) = (1 − x)^riskB. */
  readonly riskB?: number;
}

export interface FearonRange {
  /** A's smallest acceptable share, clipped to [0, 1]. */
  readonly low: number;
  /** A's largest share B accepts, clipped to [0, 1]. */
  readonly high: number;
  /** high − low, or 0 when the range is empty. */
  readonly width: number;
  /** True when no division of the pie is preferred to war by both states. */
  readonly empty: boolean;
}

function requireFinite(value: number, field: string): void {
  if (!Number.isFinite(value))
    throw new BargainInputError(`${field}: expected a finite number, got ${value}`);
}

function requireProbability(value: number, field: string): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new BargainInputError(`${field}: expected a probability in [0, 1], got ${value}`);
  }
}

function requireRiskExponent(value: number, field: string): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new BargainInputError(`${field}: expected a positive finite risk exponent, got ${value}`);
  }
}

/** base^(1/r) for base > 0, 0 for base ≤ 0 (the threshold clipped at the edge of the pie). */
function certaintyShare(base: number, r: number): number {
  if (base <= 0) return 0;
  return r === 1 ? base : base ** (1 / r);
}

/** A's reservation share: the least x with x^r_A ≥ p − c_A (may exceed 1 when c_A < 0). */
export function reservationA(p: number, costA: number, riskA = 1): number {
  return certaintyShare(p - costA, riskA);
}

/** The most B concedes: the largest x with (1 − x)^r_B ≥ 1 − p − c_B (may fall below 0 when c_B < 0). */
export function reservationB(p: number, costB: number, riskB = 1): number {
  // For r_B = 1 write p + c_B directly, so the risk-neutral range is exactly [p − c_A, p + c_B].
  if (riskB === 1) return Math.min(1, p + costB);
  return 1 - certaintyShare(1 - p - costB, riskB);
}

const clip01 = (x: number) => Math.min(1, Math.max(0, x));

/** The set of divisions of [0, 1] that both states prefer to war. */
export function bargainingRange({ p, costA, costB, riskA = 1, riskB = 1 }: FearonRangeInput): FearonRange {
  requireProbability(p, 'p');
  requireFinite(costA, 'costA');
  requireFinite(costB, 'costB');
  requireRiskExponent(riskA, 'riskA');
  requireRiskExponent(riskB, 'riskB');
  const lowRaw = reservationA(p, costA, riskA);
  const highRaw = reservationB(p, costB, riskB);
  const empty = lowRaw > highRaw || lowRaw > 1 || highRaw < 0;
  const low = clip01(lowRaw);
  const high = clip01(highRaw);
  return { low, high, width: empty ? 0 : high - low, empty };
}
