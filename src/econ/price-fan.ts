// The Brent fan: the price path of price.ts under the uncertainty of its inputs, by Monte Carlo. Each
// sample draws one of the three elasticity studies (probability 1/3 each), scales its demand and supply
// estimates by independent log-normal factors (σ = ELASTICITY_LOG_SD), and scales the threat's risk
// premium by a log-normal factor (σ = RISK_PREMIUM_LOG_SD). Random numbers come from pure-rand's
// xoroshiro128+ seeded with `seed`, four uniforms per sample in a fixed order, so a seed gives the
// same fan on every machine. Bands are pointwise: the 10th and 90th percentiles of the price on each
// day (an 80 % band), with the median path between them.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { normalQuantile, uniformOpen } from '../scenario/distributions.js';
import { BRENT_BASE_USD, ELASTICITY_LOG_SD, ELASTICITY_STUDIES, RISK_PREMIUM_LOG_SD } from './calibration.js';
import { EconInputError } from './errors.js';
import { type Elasticities, pricePath } from './price.js';
import { type SupplyShockInput, type SupplyShockPath, supplyShock } from './supply-shock.js';
import { riskPremiumPct } from './threat.js';

export const DEFAULT_SAMPLES = 1000;
export const MAX_SAMPLES = 100_000;
/** The band's quantiles: an 80 % band. */
export const BAND = [0.1, 0.9] as const;

/** The studies' mean elasticities: the central case used where one path is wanted (formula functions). */
export const CENTRAL_ELASTICITY: Elasticities = {
  demand: ELASTICITY_STUDIES.reduce((s, e) => s + e.demand, 0) / ELASTICITY_STUDIES.length,
  supply: ELASTICITY_STUDIES.reduce((s, e) => s + e.supply, 0) / ELASTICITY_STUDIES.length,
};

export interface PriceSample {
  readonly elasticity: Elasticities;
  readonly premiumFactor: number;
}

/** One draw of the uncertain inputs: four uniforms, for the study, the demand factor, the supply
 * factor and the premium factor, in that order. */
export function samplePriceInputs(rng: RandomGenerator): PriceSample {
  const k = Math.min(ELASTICITY_STUDIES.length - 1, Math.floor(uniformOpen(rng) * ELASTICITY_STUDIES.length));
  const study = ELASTICITY_STUDIES[k]!;
  const zd = normalQuantile(uniformOpen(rng));
  const zs = normalQuantile(uniformOpen(rng));
  const zp = normalQuantile(uniformOpen(rng));
  return {
    elasticity: {
      demand: study.demand * Math.exp(ELASTICITY_LOG_SD * zd),
      supply: study.supply * Math.exp(ELASTICITY_LOG_SD * zs),
    },
    premiumFactor: Math.exp(RISK_PREMIUM_LOG_SD * zp),
  };
}

/** The q-quantile of ascending values (Hyndman & Fan 1996, definition 7). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Median and 80 % band of a per-sample figure. */
export interface Band {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export function bandOf(values: readonly number[]): Band {
  const s = [...values].sort((a, b) => a - b);
  return {
    median: quantileSorted(s, 0.5),
    low: quantileSorted(s, BAND[0]),
    high: quantileSorted(s, BAND[1]),
  };
}

export interface FanInput extends SupplyShockInput {
  /** Threat level 0–4 (threat.ts); default 0 (calm). */
  readonly threat?: number;
  readonly seed?: number;
  readonly samples?: number;
  readonly baseUsd?: number;
  /** World demand, mb/d (default 100; a historical episode passes its own). */
  readonly demandMbd?: number;
}

export interface PriceFan {
  readonly baseUsd: number;
  readonly shock: SupplyShockPath;
  /** Per day: median and 80 % band of Brent, US$/bbl. */
  readonly days: Band[];
  /** Per-sample summaries, % change from the base: the peak, the mean over the horizon, day 0. */
  readonly peakPct: Band;
  readonly meanPct: Band;
  readonly firstDayPct: Band;
  /** The premium at the threat level (median), %. */
  readonly premiumPct: number;
}

/** A fan's Monte Carlo settings with their defaults, checked. Throws EconInputError. */
export function fanSettings(i: { samples?: number; seed?: number; baseUsd?: number }): {
  samples: number;
  seed: number;
  base: number;
} {
  const samples = i.samples ?? DEFAULT_SAMPLES;
  if (!(Number.isInteger(samples) && samples >= 1 && samples <= MAX_SAMPLES)) {
    throw new EconInputError(`samples ${samples}: expected an integer from 1 to ${MAX_SAMPLES}`);
  }
  const seed = i.seed ?? 1;
  if (!(Number.isSafeInteger(seed) && seed >= 0)) {
    throw new EconInputError(`seed ${seed}: expected a non-negative integer`);
  }
  const base = i.baseUsd ?? BRENT_BASE_USD;
  if (!(Number.isFinite(base) && base > 0))
    throw new EconInputError(`base price ${base}: expected a price > 0`);
  return { samples, seed, base };
}

/** The Monte Carlo fan of Brent paths. Throws EconInputError on invalid input. */
export function priceFan(i: FanInput): PriceFan {
  const { samples, seed, base } = fanSettings(i);
  const premium = riskPremiumPct(i.threat ?? 0);
  if (Number.isNaN(premium)) throw new EconInputError(`threat ${i.threat}: expected a level from 0 to 4`);
  const shock = supplyShock(i);
  const rng = xoroshiro128plus(seed);
  const horizon = shock.net.length;
  const byDay: number[][] = Array.from({ length: horizon }, () => []);
  const peak: number[] = [];
  const mean: number[] = [];
  const first: number[] = [];
  for (let k = 0; k < samples; k++) {
    const s = samplePriceInputs(rng);
    const path = pricePath({
      net: shock.net,
      elasticity: s.elasticity,
      premiumPct: premium * s.premiumFactor,
      baseUsd: base,
      ...(i.demandMbd !== undefined ? { demandMbd: i.demandMbd } : {}),
    });
    let top = 0;
    let sum = 0;
    for (let t = 0; t < horizon; t++) {
      byDay[t]!.push(path[t]!);
      top = Math.max(top, path[t]!);
      sum += path[t]!;
    }
    const pct = (p: number) => 100 * (p / base - 1);
    peak.push(pct(top));
    mean.push(pct(sum / horizon));
    first.push(pct(path[0]!));
  }
  return {
    baseUsd: base,
    shock,
    days: byDay.map(bandOf),
    peakPct: bandOf(peak),
    meanPct: bandOf(mean),
    firstDayPct: bandOf(first),
    premiumPct: premium,
  };
}
