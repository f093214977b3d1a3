// Brent from the net shortfall, day by day, through constant-elasticity inverse demand:
//   P_t / P_0 = (1 + premium) · (1 − n_t / D)^(−1/ε_t),   ε_t = ε_d + ε_s · a_t,
// where n_t is the net shortfall (mb/d), D world demand, ε_d and ε_s the short-run demand and supply
// elasticities (magnitudes; Kilian & Murphy 2014, Baumeister & Hamilton 2019, Caldara, Cavallo &
// Iacoviello 2019), and a_t = max(0, 1 − C_t / B) the share left of the supply buffer B (commercial
// stocks and spare output; C_t the shortfall met so far). For a small loss s = n/D the rise is about
// s/(ε_s + ε_d), the facts file's rule; the curve is convex in s, and steepens further as the buffer
// runs out and only demand adjusts — the non-linearity of seed 003 comes from these two, not from an
// assumed spike.
import { BRENT_BASE_USD, SUPPLY_BUFFER_MB, WORLD_DEMAND_MBD } from './calibration.js';

/** Short-run elasticities, both as positive magnitudes. */
export interface Elasticities {
  readonly demand: number;
  readonly supply: number;
}

export interface PriceInput {
  /** Net shortfall per day, mb/d. */
  readonly net: readonly number[];
  readonly elasticity: Elasticities;
  /** Geopolitical risk premium, % of the base price. */
  readonly premiumPct?: number;
  readonly baseUsd?: number;
  readonly demandMbd?: number;
  readonly bufferMb?: number;
}

/** P/P0 for a shortfall n out of demand D at elasticity ε: (1 − n/D)^(−1/ε); ∞ when n ≥ D. */
export function priceRatio(n: number, demand: number, epsilon: number): number {
  const s = n / demand;
  if (s >= 1) return Number.POSITIVE_INFINITY;
  return (1 - s) ** (-1 / epsilon);
}

/** The effective elasticity once `used` million barrels of the buffer are gone. */
export function effectiveElasticity(e: Elasticities, used: number, bufferMb: number): number {
  const left = bufferMb > 0 ? Math.max(0, 1 - used / bufferMb) : 0;
  return e.demand + e.supply * left;
}

/** Brent (US$/bbl) on each day of the shortfall path. */
export function pricePath(i: PriceInput): number[] {
  const base = i.baseUsd ?? BRENT_BASE_USD;
  const demand = i.demandMbd ?? WORLD_DEMAND_MBD;
  const buffer = i.bufferMb ?? SUPPLY_BUFFER_MB;
  const premium = 1 + (i.premiumPct ?? 0) / 100;
  const out: number[] = [];
  let used = 0;
  for (const n of i.net) {
    out.push(base * premium * priceRatio(n, demand, effectiveElasticity(i.elasticity, used, buffer)));
    used += n; // a day's shortfall in mb/d is that many million barrels
  }
  return out;
}
