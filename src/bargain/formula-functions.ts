// The bargaining models as functions of the scenario formula language, e.g.
//   gains: "if(state.war, p - c_a, fearon_low(p, c_a, c_b))"
// Each is a scalar view of one model of this directory (numbers in, one number out; truth values are
// 1 and 0), computed by that model's own code so that a formula and the library give the same double.
// The scenario layer cannot import src/bargain, so the interfaces register these with
// registerBargainFunctions() before they parse scenarios (the CLI at start-up, the worker threads of
// src/analysis when they set up).
//
// Invalid arguments (a probability outside [0, 1], a discount factor of 1, own ≤ conflict in
// critical_risk, NaN, ...) give NaN instead of throwing: the scenario compiler then reports the payoff
// formula that produced it with its file, line and path ("the payoff formula gives NaN, expected a
// finite number"). In a condition NaN counts as false, as for log(-1), so guard such uses. The
// argument conventions are those of the models; see docs/bargain.md and scenarios/examples/README.md.

import { type FunctionDefinition, registerFunctions } from '../scenario/expr/functions.js';
import { isCredible } from './audience-costs.js';
import { commitmentProblem, criticalShift, durabilityDiscount } from './commitment.js';
import { criticalRisk } from './critical-risk.js';
import { BargainInputError } from './errors.js';
import { type FearonRange, bargainingRange } from './fearon-range.js';
import { type OptimalOffer, optimalOffer } from './risk-return.js';

/** Runs a model; its input errors become NaN (any other error is a bug and propagates). */
function orNaN(f: () => number): number {
  try {
    return f();
  } catch (e) {
    if (e instanceof BargainInputError) return Number.NaN;
    throw e;
  }
}

const truth = (b: boolean): number => (b ? 1 : 0);

const isProbability = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;
const isDiscount = (x: number): boolean => Number.isFinite(x) && x >= 0 && x < 1;
const isCost = (x: number): boolean => Number.isFinite(x) && x >= 0;

function fearon(args: readonly number[], pick: (r: FearonRange) => number): number {
  const [p, costA, costB, riskA = 1, riskB = 1] = args as [number, number, number, number?, number?];
  return orNaN(() => pick(bargainingRange({ p, costA, costB, riskA, riskB })));
}

/** A's optimal take-it-or-leave-it offer when B's cost is U(0, c̄) (Fearon's example). */
function tioliUniform(args: readonly number[], pick: (o: OptimalOffer) => number): number {
  const [p, costA, costBMax] = args as [number, number, number];
  // U(0, 0) is the point 0 (optimalOffer's numeric method handles it exactly).
  if (!(Number.isFinite(costBMax) && costBMax >= 0)) return Number.NaN;
  return orNaN(() => pick(optimalOffer({ p, costA, costB: { dist: 'uniform', low: 0, high: costBMax } })));
}

const FEARON_ARGS = { minArgs: 3, maxArgs: 5 } as const;
const FEARON_REF = 'Fearon (1995); docs/bargain.md "Bargaining range"';
const TIOLI_REF = 'Fearon (1995), Powell (1999); docs/bargain.md "Risk–return trade-off"';

/** The formula functions of the bargaining models, by name (see scenarios/examples/README.md). */
export const BARGAIN_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = {
  fearon_low: {
    ...FEARON_ARGS,
    signature: 'fearon_low(p, cost_a, cost_b[, risk_a, risk_b])',
    doc: `A's smallest acceptable share (p − c_A)^(1/r_A), clipped to [0, 1]. ${FEARON_REF}`,
    apply: (a) => fearon(a, (r) => r.low),
  },
  fearon_high: {
    ...FEARON_ARGS,
    signature: 'fearon_high(p, cost_a, cost_b[, risk_a, risk_b])',
    doc: `The largest share of A that B accepts, 1 − (1 − p − c_B)^(1/r_B), clipped to [0, 1]. ${FEARON_REF}`,
    apply: (a) => fearon(a, (r) => r.high),
  },
  fearon_width: {
    ...FEARON_ARGS,
    signature: 'fearon_width(p, cost_a, cost_b[, risk_a, risk_b])',
    doc: `fearon_high − fearon_low, or 0 when the range is empty. ${FEARON_REF}`,
    apply: (a) => fearon(a, (r) => r.width),
  },
  fearon_empty: {
    ...FEARON_ARGS,
    signature: 'fearon_empty(p, cost_a, cost_b[, risk_a, risk_b])',
    doc: `1 when no division is preferred to war by both states, else 0. ${FEARON_REF}`,
    apply: (a) => fearon(a, (r) => truth(r.empty)),
  },
  tioli_offer_uniform: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'tioli_offer_uniform(p, cost_a, cost_b_max)',
    doc: `A's optimal take-it-or-leave-it share when B's cost is U(0, cost_b_max): p + (c̄ − c_A)/2, clamped. ${TIOLI_REF}`,
    apply: (a) => tioliUniform(a, (o) => o.offer),
  },
  tioli_war_prob_uniform: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'tioli_war_prob_uniform(p, cost_a, cost_b_max)',
    doc: `The chance B rejects that offer and fights: (c̄ − c_A)/(2c̄) in the interior case. ${TIOLI_REF}`,
    apply: (a) => tioliUniform(a, (o) => o.warProbability),
  },
  powell_war: {
    minArgs: 4,
    maxArgs: 4,
    signature: 'powell_war(p_now, p_later, cost_d, delta)',
    doc: '1 when the declining state fights now: p_now − c_D > (1 − δ) + δ·max(0, p_later − c_D). Powell (2006); docs/bargain.md',
    apply: ([pNow, pLater, costD, delta]) =>
      orNaN(() =>
        truth(commitmentProblem({ pNow: pNow!, pLater: pLater!, costD: costD!, delta: delta! }).war),
      ),
  },
  critical_shift: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'critical_shift(p_now, cost_d, delta)',
    doc: 'The largest shift p_now − p_later compatible with peace, (1 − δ)(1 − p_now + c_D)/δ; ∞ when none is too large. Powell (2006)',
    apply: ([pNow, costD, delta]) =>
      isProbability(pNow!) && isCost(costD!) && isDiscount(delta!)
        ? criticalShift(pNow!, costD!, delta!)
        : Number.NaN,
  },
  durable_deal_value: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'durable_deal_value(benefit, durability, delta)',
    doc: 'The discounted value b/(1 − δq) of a deal that survives each change of government with probability q. docs/bargain.md "Durability of a commitment"',
    apply: ([benefit, durability, delta]) =>
      orNaN(
        () =>
          durabilityDiscount({ benefit: benefit!, durability: durability!, delta: delta!, leverageValue: 0 })
            .dealValue,
      ),
  },
  critical_risk: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'critical_risk(own, other, conflict)',
    doc: "One side's critical risk (own − other)/(own − conflict), clipped to [0, 1]; own must beat conflict. Zeuthen (1930), Harsanyi (1956)",
    apply: ([own, other, conflict]) => orNaN(() => criticalRisk(own!, other!, conflict!)),
  },
  credible_threat: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'credible_threat(value, war_cost, audience_cost)',
    doc: '1 when a defender who values the issue at v fights rather than back down: v − c ≥ −a. Fearon (1994)',
    apply: ([value, warCost, audienceCost]) =>
      Number.isFinite(value) && Number.isFinite(warCost) && warCost! > 0 && isCost(audienceCost!)
        ? truth(isCredible(value!, warCost!, audienceCost!))
        : Number.NaN,
  },
};

/**
 * Makes the bargaining models callable from scenario formulas. Idempotent: call it before parsing
 * scenarios, once per thread (a second call does nothing).
 */
export function registerBargainFunctions(): void {
  registerFunctions(BARGAIN_FUNCTIONS);
}
