// Parameter draws: one value per parameter, from its own stream (see streams.ts), so draw d under
// seed s is the same whatever else the scenario contains, and any draw can be made on its own.
import { mean, sample } from './distributions.js';
import { lhsParameters } from './latin-hypercube.js';
import type { Model } from './model.js';
import { streamFor } from './streams.js';

/** Values of model.params (same order) for draw number `draw` (0-based) under `seed`. */
export function drawParameters(model: Pick<Model, 'params'>, seed: number, draw: number): Float64Array {
  return Float64Array.from(model.params, (p) => sample(p.dist, streamFor(seed, p.name, draw)));
}

/** How a run's draws are made: independent random draws, or a Latin hypercube over the whole run. */
export type Sampling = 'random' | 'lhs';
export const SAMPLINGS: readonly Sampling[] = ['random', 'lhs'];

/** Draw `draw` of a run of `total` draws under `sampling` (plain random draws ignore `total`). */
export function sampleParameters(
  model: Pick<Model, 'params'>,
  seed: number,
  draw: number,
  sampling: Sampling = 'random',
  total = 1,
): Float64Array {
  return sampling === 'lhs' ? lhsParameters(model, seed, draw, total) : drawParameters(model, seed, draw);
}

/** Every parameter at its mean: a central case for quick looks and tests. */
export function meanParameters(model: Pick<Model, 'params'>): Float64Array {
  return Float64Array.from(model.params, (p) => mean(p.dist));
}

/** Parameter name → value, for reports. */
export function parameterRecord(model: Pick<Model, 'params'>, values: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  model.params.forEach((p, i) => {
    out[p.name] = values[i]!;
  });
  return out;
}
