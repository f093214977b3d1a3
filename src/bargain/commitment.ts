// War as a commitment problem: Powell (2006), "War as a commitment problem", International
// Organization 60(1): 169–203 — the shifting-power case of its general model.
//
// Convention. An infinite horizon, periods t = 0, 1, 2, …, discount factor δ ∈ [0, 1); each period a
// pie of size 1 is divided. The rising state R makes the offers: it proposes D's share x_t ∈ [0, 1]; the
// declining state D accepts, or fights. War ends the game once and for all: D wins (and takes the whole
// pie every period after) with probability p_t, and each period of the (permanent) outcome D pays c_D —
// so D's war value at t is W_D(t) = (p_t − c_D)/(1 − δ), in flow units p_t − c_D (Powell's
// normalisation of the costs). Power shifts once: p_0 = p_now, p_t = p_later for every t ≥ 1.
//
// Derivation.
// (1) From period 1 on the game is stationary. R gives D just enough to stop it fighting,
//     x = max(0, p_later − c_D) per period (never less than nothing), so D's peaceful value is
//     V_D(1) = max(0, p_later − c_D)/(1 − δ). R cannot credibly promise more: once strong, it will only
//     ever pay D's reservation value.
// (2) In period 0 the most R can give is the whole pie today: D's best credible peace is
//     1 + δ V_D(1).
// (3) R can always buy D off when that is enough: D's total war value plus R's is
//     (1 − c_D − c_R)/(1 − δ) < 1/(1 − δ), so R prefers any peace that leaves D exactly W_D(0) to war.
// Hence war (in every subgame-perfect equilibrium) iff W_D(0) > 1 + δ V_D(1), i.e. in flow units
//     p_now − c_D > (1 − δ) + δ · max(0, p_later − c_D).
// When p_later ≥ c_D this rearranges to a condition on the shift Δ = p_now − p_later:
//     δ Δ > (1 − δ)(1 − p_now + c_D),   i.e.   Δ > Δ* = (1 − δ)(1 − p_now + c_D) / δ.
// Read as δΔ/(1 − δ) > 1 − p_now + c_D: war when the present value of D's loss from tomorrow on exceeds
// the extra R can hand over today (the whole pie less D's current war flow). Patient states (δ → 1)
// fight over ever smaller shifts. If
// p_now − c_D ≤ 1 − δ, no shift is large enough (Δ* = ∞); if p_later < c_D the max(0, ·) binds but the
// threshold is the same (war iff Δ > Δ* whenever Δ* is finite). When peace holds, R offers D today
//     x_0 = W_D(0) − δ V_D(1) = (p_now − c_D − δ max(0, p_later − c_D)) / (1 − δ), clipped at 0;
// x_0 > 1 is exactly the war condition. (Requires c_D ≥ 0, c_R ≥ 0 for step (3).)
//
// Durability (seed 004, /work/shared/seeds/004_e1cf7199659a785e.txt): "Tehran points to the US withdrawal
// from the JCPOA under the Trump administration as evidence that any agreement with Washington is only as
// durable as the current president's willingness to honor it. Iranian officials have demanded guarantees
// that any new agreement would be binding beyond a single presidential term — a commitment that no US
// administration can constitutionally make." Model: a period is a presidential term, discount δ per term.
// A deal gives Iran a benefit b in the term it is signed and in each later term it survives; each term
// change it survives with probability q (independently), and once broken it is gone. Giving up leverage
// (e.g. enrichment) is irreversible; Iran's payoff after a broken deal without leverage is normalised to
// 0. Then the deal is worth Σ_t (δq)^t b = b / (1 − δq), the fraction (1 − δ)/(1 − δq) of a permanent
// deal's b/(1 − δ). Keeping leverage worth ℓ per term gives ℓ/(1 − δ). Iran keeps its leverage iff
//     b/(1 − δq) < ℓ/(1 − δ)  ⇔  b < b* = ℓ(1 − δq)/(1 − δ)  ⇔  q < q* = (1 − (1 − δ) b/ℓ)/δ.
// This is Powell's problem again: disarming shifts power to the US, which cannot commit its successors.

import { BargainInputError } from './errors.js';

export interface CommitmentInput {
  /** D's probability of winning a war fought now, in [0, 1]. */
  readonly pNow: number;
  /** D's probability of winning a war from the next period on, in [0, 1]. */
  readonly pLater: number;
  /** D's per-period cost of war (flow units: a share of the per-period pie), ≥ 0. */
  readonly costD: number;
  /** The discount factor δ ∈ [0, 1). */
  readonly delta: number;
}

export interface CommitmentResult {
  /** True when D fights now: its war value exceeds the best R can credibly offer. */
  readonly war: boolean;
  /** W_D(0) = (p_now − c_D)/(1 − δ). */
  readonly warValueNow: number;
  /** 1 + δ max(0, p_later − c_D)/(1 − δ): the whole pie today, D's reservation value after. */
  readonly maxPeaceValue: number;
  /** The share of today's pie that buys D off, W_D(0) − δ V_D(1) clipped at 0; it exceeds 1 iff war. */
  readonly requiredShareNow: number;
  /** Δ = p_now − p_later. */
  readonly shift: number;
  /** The largest shift compatible with peace, (1 − δ)(1 − p_now + c_D)/δ; Infinity if none is too large. */
  readonly criticalShift: number;
}

function requireProbability(value: number, field: string): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) {
    throw new BargainInputError(`${field}: expected a probability in [0, 1], got ${value}`);
  }
}

function requireDiscount(value: number, field: string): void {
  if (!(Number.isFinite(value) && value >= 0 && value < 1)) {
    throw new BargainInputError(`${field}: expected a discount factor in [0, 1), got ${value}`);
  }
}

function requireFinite(value: number, field: string, nonNegative = false): void {
  if (!Number.isFinite(value) || (nonNegative && value < 0)) {
    const what = nonNegative ? 'a finite non-negative number' : 'a finite number';
    throw new BargainInputError(`${field}: expected ${what}, got ${value}`);
  }
}

/** The largest power shift p_now − p_later that still permits peace (Infinity if every shift does). */
export function criticalShift(pNow: number, costD: number, delta: number): number {
  if (pNow - costD <= 1 - delta) return Number.POSITIVE_INFINITY;
  return ((1 - delta) * (1 - pNow + costD)) / delta;
}

/** Whether a power shift from p_now to p_later leads the declining state to fight now. */
export function commitmentProblem({ pNow, pLater, costD, delta }: CommitmentInput): CommitmentResult {
  requireProbability(pNow, 'pNow');
  requireProbability(pLater, 'pLater');
  requireFinite(costD, 'costD', true);
  requireDiscount(delta, 'delta');
  const laterFlow = Math.max(0, pLater - costD);
  const warValueNow = (pNow - costD) / (1 - delta);
  const maxPeaceValue = 1 + (delta * laterFlow) / (1 - delta);
  return {
    war: warValueNow > maxPeaceValue,
    warValueNow,
    maxPeaceValue,
    requiredShareNow: Math.max(0, warValueNow - (delta * laterFlow) / (1 - delta)),
    shift: pNow - pLater,
    criticalShift: criticalShift(pNow, costD, delta),
  };
}

export interface DurabilityInput {
  /** The deal's benefit b to the state that gives up its leverage, per period while the deal lasts. */
  readonly benefit: number;
  /** q ∈ [0, 1]: the chance the deal survives each change of government (term). */
  readonly durability: number;
  /** The discount factor δ ∈ [0, 1) per period (term). */
  readonly delta: number;
  /** ℓ ≥ 0: the per-period value of keeping the leverage (no deal). */
  readonly leverageValue: number;
}

export interface DurabilityResult {
  /** b / (1 − δq): the expected discounted value of the deal. */
  readonly dealValue: number;
  /** b / (1 − δ): the same deal if it were binding for ever. */
  readonly permanentValue: number;
  /** (1 − δ)/(1 − δq) = dealValue / permanentValue. */
  readonly discountFactor: number;
  /** ℓ / (1 − δ): the value of keeping the leverage. */
  readonly leverageKeptValue: number;
  /** True when keeping the leverage is strictly better than the deal. */
  readonly keepsLeverage: boolean;
  /** b* = ℓ(1 − δq)/(1 − δ): the smallest per-period benefit that makes the deal worth taking. */
  readonly minimumBenefit: number;
  /** q* ∈ [0, 1]: the least durability at which the deal is worth taking; null if even q = 1 is not enough. */
  readonly criticalDurability: number | null;
}

/** q* = (1 − (1 − δ) b/ℓ)/δ, clipped at 0; null when it exceeds 1. */
function criticalDurability(benefit: number, delta: number, leverageValue: number): number | null {
  if (leverageValue === 0) return 0;
  if (delta === 0) return benefit >= leverageValue ? 0 : null;
  const q = (1 - ((1 - delta) * benefit) / leverageValue) / delta;
  if (q > 1) return null;
  return Math.max(0, q);
}

/** The value of a deal whose other side may renege at each change of government. */
export function durabilityDiscount({
  benefit,
  durability,
  delta,
  leverageValue,
}: DurabilityInput): DurabilityResult {
  requireFinite(benefit, 'benefit', true);
  requireProbability(durability, 'durability');
  requireDiscount(delta, 'delta');
  requireFinite(leverageValue, 'leverageValue', true);
  const dealValue = benefit / (1 - delta * durability);
  const leverageKeptValue = leverageValue / (1 - delta);
  return {
    dealValue,
    permanentValue: benefit / (1 - delta),
    discountFactor: (1 - delta) / (1 - delta * durability),
    leverageKeptValue,
    keepsLeverage: leverageKeptValue > dealValue,
    minimumBenefit: (leverageValue * (1 - delta * durability)) / (1 - delta),
    criticalDurability: criticalDurability(benefit, delta, leverageValue),
  };
}
