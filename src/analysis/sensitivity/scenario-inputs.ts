// The link between a scenario's parameters and the generic sensitivity methods of this folder,
// which see factors as coordinates of the unit cube (Sobol, sobol.ts) or as low/base/high values
// (one-at-a-time sweeps, one-at-a-time.ts): each parameter's distribution is its factor's measure,
// so a unit coordinate u becomes the parameter's u-quantile (the inverse-CDF transform, e.g.
// Saltelli et al. 2008, "Global Sensitivity Analysis: The Primer", §1.2.3). Parameters that cannot
// vary (point values, zero-variance distributions) are not factors; they keep their value.
import { type Distribution, mean, quantile, variance } from '../../scenario/distributions.js';

/** What this file needs of a scenario Model (Model satisfies it). */
export interface ParamsLike {
  readonly params: readonly { readonly name: string; readonly dist: Distribution }[];
}

export interface ParameterRanges {
  /** Parameter names, Model.params order. */
  readonly names: string[];
  /** Every parameter at its mean. */
  readonly base: Float64Array;
  /** The pLow- and pHigh-quantiles of every parameter (equal to the value for point parameters). */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** Indices of the parameters that vary: the sensitivity factors. */
  readonly varying: number[];
}

/** Does the distribution put mass on more than one value? (Truncated ones with unknown variance do.) */
function varies(d: Distribution): boolean {
  return d.dist !== 'point' && variance(d) !== 0;
}

/** Indices (Model.params order) of the parameters that vary: the factors of a sensitivity analysis. */
export function varyingParameters(model: ParamsLike): number[] {
  return model.params.flatMap((p, i) => (varies(p.dist) ? [i] : []));
}

/** Mean, low and high (by default the 5 % and 95 % quantiles) of every parameter. */
export function parameterRanges(model: ParamsLike, pLow = 0.05, pHigh = 0.95): ParameterRanges {
  if (!(pLow >= 0 && pLow <= pHigh && pHigh <= 1))
    throw new RangeError(`need 0 ≤ pLow ≤ pHigh ≤ 1, not ${pLow} and ${pHigh}`);
  return {
    names: model.params.map((p) => p.name),
    base: Float64Array.from(model.params, (p) => mean(p.dist)),
    low: Float64Array.from(model.params, (p) => quantile(p.dist, pLow)),
    high: Float64Array.from(model.params, (p) => quantile(p.dist, pHigh)),
    varying: varyingParameters(model),
  };
}

/**
 * The parameter vector (Model.params order) of a point u of the unit cube whose coordinates are the
 * varying parameters (varyingParameters order): each varying parameter at its u-quantile, the
 * others at their (only) value. `varying` may be passed to save recomputing it per point.
 */
export function unitToParameters(
  model: ParamsLike,
  u: ArrayLike<number>,
  varying: readonly number[] = varyingParameters(model),
): Float64Array {
  if (u.length !== varying.length)
    throw new RangeError(
      `the point has ${u.length} coordinates; the scenario has ${varying.length} varying parameters`,
    );
  const values = Float64Array.from(model.params, (p) => mean(p.dist));
  varying.forEach((index, c) => {
    values[index] = quantile(model.params[index]!.dist, u[c]!);
  });
  return values;
}

/** A copy of `values` with parameter `name` set to x. */
export function withParameter(
  model: ParamsLike,
  values: Float64Array,
  name: string,
  x: number,
): Float64Array {
  const index = model.params.findIndex((p) => p.name === name);
  if (index < 0) throw new RangeError(`no parameter named ${name}`);
  const out = Float64Array.from(values);
  out[index] = x;
  return out;
}
