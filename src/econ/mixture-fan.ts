// The Brent fan of a mixture of disruptions: the fan of price-fan.ts when the disruption itself is
// uncertain, e.g. the paths of one outcome class of a solved crisis game, some of which close the
// strait for weeks and some of which only harass shipping. Each sample picks a component (share,
// days, threat) with probability proportional to its weight, then draws the price inputs exactly as
// priceFan does; the bands are pointwise quantiles over samples (Monte Carlo of a finite mixture).
// Averaging the disruptions first and running one fan would understate the spike, since the price is
// convex in the shortfall (Jensen's inequality). The component picks use their own generator, so the
// price inputs of sample k are those of priceFan with the same seed: a one-component mixture is
// exactly priceFan's fan.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformOpen } from '../scenario/distributions.js';
import { EconInputError } from './errors.js';
import { type Band, bandOf, fanSettings, samplePriceInputs } from './price-fan.js';
import { pricePath } from './price.js';
import { DEFAULT_HORIZON_DAYS, type SupplyShockPath, supplyShock } from './supply-shock.js';
import { riskPremiumPct } from './threat.js';

export interface FanComponent {
  /** Share of the Hormuz flow lost, 0–1. */
  readonly share: number;
  readonly days: number;
  /** Threat level 0–4 (threat.ts). */
  readonly threat: number;
  /** Relative weight ≥ 0 (normalised over the components). */
  readonly weight: number;
}

export interface MixtureFanInput {
  readonly components: readonly FanComponent[];
  readonly samples?: number;
  readonly seed?: number;
  readonly baseUsd?: number;
}

export interface MixtureFan {
  readonly baseUsd: number;
  /** Per day: median and 80 % band of Brent, US$/bbl. */
  readonly days: Band[];
  /** Per-sample summaries, % change from the base. */
  readonly peakPct: Band;
  readonly meanPct: Band;
  readonly firstDayPct: Band;
}

/** The seed of the component picks: a fixed offset from the price inputs' seed. */
const PICK_SEED_OFFSET = 0x9e3779b9;

function checkComponents(components: readonly FanComponent[]): number[] {
  if (components.length === 0) throw new EconInputError('mixture fan: expected at least one component');
  const cumulative: number[] = [];
  let total = 0;
  components.forEach((c, i) => {
    if (!(Number.isFinite(c.weight) && c.weight >= 0))
      throw new EconInputError(`component ${i}: weight ${c.weight}, expected a number ≥ 0`);
    if (Number.isNaN(riskPremiumPct(c.threat)))
      throw new EconInputError(`component ${i}: threat ${c.threat}, expected a level from 0 to 4`);
    total += c.weight;
    cumulative.push(total);
  });
  if (!(total > 0)) throw new EconInputError('mixture fan: the weights add up to 0');
  return cumulative.map((x) => x / total);
}

/** The first component whose cumulative weight exceeds u (binary search). */
function pick(cumulative: readonly number[], u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The Monte Carlo fan of Brent paths over a mixture of disruptions. Throws EconInputError on invalid input. */
export function mixtureFan(i: MixtureFanInput): MixtureFan {
  const { samples, seed, base } = fanSettings(i);
  const cumulative = checkComponents(i.components);
  const shocks = new Map<number, SupplyShockPath>();
  const shockOf = (k: number): SupplyShockPath => {
    let s = shocks.get(k);
    if (!s) {
      const c = i.components[k]!;
      s = supplyShock({ share: c.share, days: c.days, horizon: DEFAULT_HORIZON_DAYS });
      shocks.set(k, s);
    }
    return s;
  };
  const rng = xoroshiro128plus(seed);
  const picks = xoroshiro128plus(seed + PICK_SEED_OFFSET);
  const byDay: number[][] = Array.from({ length: DEFAULT_HORIZON_DAYS }, () => []);
  const peak: number[] = [];
  const mean: number[] = [];
  const first: number[] = [];
  const pct = (p: number) => 100 * (p / base - 1);
  for (let s = 0; s < samples; s++) {
    const k = i.components.length === 1 ? 0 : pick(cumulative, uniformOpen(picks));
    const input = samplePriceInputs(rng);
    const path = pricePath({
      net: shockOf(k).net,
      elasticity: input.elasticity,
      premiumPct: riskPremiumPct(i.components[k]!.threat) * input.premiumFactor,
      baseUsd: base,
    });
    let top = 0;
    let sum = 0;
    for (let t = 0; t < path.length; t++) {
      byDay[t]!.push(path[t]!);
      top = Math.max(top, path[t]!);
      sum += path[t]!;
    }
    peak.push(pct(top));
    mean.push(pct(sum / path.length));
    first.push(pct(path[0]!));
  }
  return {
    baseUsd: base,
    days: byDay.map(bandOf),
    peakPct: bandOf(peak),
    meanPct: bandOf(mean),
    firstDayPct: bandOf(first),
  };
}
