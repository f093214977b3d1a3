// The oil market model as functions of the scenario formula language, e.g.
//   oil_price_change_pct: "brent_change_pct(state.hormuz_disruption, state.disruption_days, oil_elasticity_sum)"
// Each is a scalar view of a model of this directory, computed by that model's own code so that a
// formula and the library give the same double. The scenario layer cannot import src/econ, so the
// interfaces register these with registerEconFunctions() before they parse scenarios (the CLI at
// start-up, the worker threads of src/analysis when they set up), as src/bargain does.
//
// A formula is evaluated at every leaf of the game for every draw: the path functions memoise their
// result by argument tuple in a small bounded map (a 90-day path costs a few microseconds; a draw has
// a few dozen distinct (share, days) pairs). Invalid arguments (a share above 1, negative days, NaN, a
// non-positive elasticity) give NaN, which the scenario compiler reports at the formula that produced it.

import { type FunctionDefinition, registerFunctions } from '../scenario/expr/functions.js';
import { BYPASS_SPARE_MBD } from './calibration.js';
import { EconInputError } from './errors.js';
import { exporterRevenueChange } from './feedback.js';
import { CENTRAL_ELASTICITY } from './price-fan.js';
import { type Elasticities, pricePath } from './price.js';
import { DEFAULT_HORIZON_DAYS, meanNetShortfall, supplyShock } from './supply-shock.js';
import { riskPremiumPct, warRiskPremium } from './threat.js';

/** Share of the elasticity sum that is supply (the studies' means), used to split a scenario's sum. */
export const SUPPLY_SHARE_OF_ELASTICITY =
  CENTRAL_ELASTICITY.supply / (CENTRAL_ELASTICITY.supply + CENTRAL_ELASTICITY.demand);
export const CENTRAL_ELASTICITY_SUM = CENTRAL_ELASTICITY.supply + CENTRAL_ELASTICITY.demand;

/** The elasticities for a sum e_s + |e_d|, split in the studies' mean proportion. */
export function splitElasticity(sum: number): Elasticities {
  return { supply: sum * SUPPLY_SHARE_OF_ELASTICITY, demand: sum * (1 - SUPPLY_SHARE_OF_ELASTICITY) };
}

/** The central path's figures for one argument tuple. */
export interface PathFigures {
  /** Mean net shortfall over the disruption's days, mb/d. */
  readonly shortfallMbd: number;
  /** Mean Brent change over the 90-day horizon, %. */
  readonly meanPct: number;
  /** Highest Brent change on any day of the horizon, %. */
  readonly peakPct: number;
}

/** The figures of the central path (no risk premium): the library's numbers. Throws on bad input. */
export function pathFigures(
  share: number,
  days: number,
  elasticitySum: number,
  releaseMbd: number,
  bypassMbd: number = BYPASS_SPARE_MBD,
): PathFigures {
  if (!(Number.isFinite(elasticitySum) && elasticitySum > 0)) {
    throw new EconInputError(`elasticity ${elasticitySum}: expected a number > 0`);
  }
  const shock = supplyShock({ share, days, releaseMbd, bypassMbd, horizon: DEFAULT_HORIZON_DAYS });
  const path = pricePath({ net: shock.net, elasticity: splitElasticity(elasticitySum), baseUsd: 1 });
  let sum = 0;
  let peak = 0;
  for (const p of path) {
    sum += p;
    peak = Math.max(peak, p);
  }
  return {
    shortfallMbd: meanNetShortfall(shock, days),
    meanPct: 100 * (sum / path.length - 1),
    peakPct: 100 * (peak - 1),
  };
}

const MEMO_LIMIT = 4096;
const CONTEXT_LIMIT = 16;
// Memoised by every argument. The per-draw arguments (elasticity, release, bypass) form a context,
// found by a short linear scan: different formulas call with different contexts at the same leaf
// (the shortfall without elasticity, the price with it), so the few contexts of a draw are kept side
// by side; within one, share then days are two Map probes. Cleared when full.
interface MemoContext {
  readonly sum: number;
  readonly release: number;
  readonly bypass: number;
  readonly byShare: Map<number, Map<number, PathFigures | undefined>>;
}
let contexts: MemoContext[] = [];
let memoSize = 0;

function contextFor(sum: number, release: number, bypass: number): MemoContext {
  for (const c of contexts) if (c.sum === sum && c.release === release && c.bypass === bypass) return c;
  if (contexts.length >= CONTEXT_LIMIT || memoSize >= MEMO_LIMIT) {
    contexts = [];
    memoSize = 0;
  }
  const c = { sum, release, bypass, byShare: new Map() };
  contexts.push(c);
  return c;
}

function compute(
  share: number,
  days: number,
  sum: number,
  release: number,
  bypass: number,
): PathFigures | undefined {
  try {
    return pathFigures(share, days, sum, release, bypass);
  } catch (e) {
    if (!(e instanceof EconInputError)) throw e;
    return undefined;
  }
}

/** pathFigures memoised by argument tuple; undefined for invalid arguments. */
function figures(args: readonly number[]): PathFigures | undefined {
  // x + 0 turns −0 into 0, so that equal keys are equal inputs. A NaN per-draw argument never finds
  // its context (NaN ≠ NaN) and is computed again: invalid, so NaN all the same.
  const share = args[0]! + 0;
  const days = args[1]! + 0;
  const sum = (args[2] ?? CENTRAL_ELASTICITY_SUM) + 0;
  const release = (args[3] ?? 0) + 0;
  const bypass = (args[4] ?? BYPASS_SPARE_MBD) + 0;
  const ctx = contextFor(sum, release, bypass);
  let byDays = ctx.byShare.get(share);
  if (byDays === undefined) ctx.byShare.set(share, (byDays = new Map()));
  if (byDays.has(days)) return byDays.get(days);
  const f = compute(share, days, sum, release, bypass);
  byDays.set(days, f);
  memoSize++;
  return f;
}

const pick = (args: readonly number[], get: (f: PathFigures) => number): number => {
  const f = figures(args);
  return f === undefined ? Number.NaN : get(f);
};

const PATH_ARGS = { minArgs: 2, maxArgs: 5 } as const;
const PATH_REF =
  'docs/econ.md; supply-shock.ts, price.ts: constant-elasticity inverse demand, buffers that run out';

/** The formula functions of the oil market model, by name (docs/econ.md). */
export const ECON_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = {
  oil_net_shortfall_mbd: {
    minArgs: 2,
    maxArgs: 4,
    signature: 'oil_net_shortfall_mbd(share, days[, release_mbd[, bypass_mbd]])',
    doc: `Mean net shortfall (mb/d) over the disruption's days: share of 20 mb/d, ramped, minus the bypass (default 3.05 mb/d) after 7 days and releases after 13. ${PATH_REF}`,
    apply: ([share, days, release = 0, bypass = BYPASS_SPARE_MBD]) =>
      pick([share!, days!, CENTRAL_ELASTICITY_SUM, release, bypass], (f) => f.shortfallMbd),
  },
  brent_change_pct: {
    ...PATH_ARGS,
    signature: 'brent_change_pct(share, days[, elasticity_sum[, release_mbd[, bypass_mbd]]])',
    doc: `Mean Brent change (%) over the 90-day horizon of the central path, without risk premium. ${PATH_REF}`,
    apply: (a) => pick(a, (f) => f.meanPct),
  },
  brent_peak_pct: {
    ...PATH_ARGS,
    signature: 'brent_peak_pct(share, days[, elasticity_sum[, release_mbd[, bypass_mbd]]])',
    doc: `Highest Brent change (%) on any day of the 90-day horizon, without risk premium. ${PATH_REF}`,
    apply: (a) => pick(a, (f) => f.peakPct),
  },
  oil_risk_premium_pct: {
    minArgs: 1,
    maxArgs: 1,
    signature: 'oil_risk_premium_pct(threat_level)',
    doc: 'Geopolitical risk premium (%) before any barrel is lost, threat 0 (calm) to 4 (war), interpolated. docs/econ.md',
    apply: ([level]) => riskPremiumPct(level!),
  },
  war_risk_premium: {
    minArgs: 1,
    maxArgs: 1,
    signature: 'war_risk_premium(threat_level)',
    doc: 'War-risk insurance, share of hull value per voyage, threat 0 (calm) to 4 (war), interpolated. docs/econ.md',
    apply: ([level]) => warRiskPremium(level!),
  },
  oil_revenue_change: {
    minArgs: 2,
    maxArgs: 2,
    signature: 'oil_revenue_change(volume_lost_share, price_change_pct)',
    doc: "An exporter's revenue change as a share of its revenue: (1 − v)(1 + p/100) − 1. docs/econ.md",
    apply: ([v, p]) =>
      Number.isFinite(v) && v! >= 0 && v! <= 1 && Number.isFinite(p) && p! > -100
        ? exporterRevenueChange(v!, p!)
        : Number.NaN,
  },
};

/**
 * Makes the oil market model callable from scenario formulas. Idempotent: call it before parsing
 * scenarios, once per thread (a second call does nothing).
 */
export function registerEconFunctions(): void {
  registerFunctions(ECON_FUNCTIONS);
}
