// The capability × salience weighted median of positions: the Condorcet winner of pairwise
// votes with weights c_k s_k and linear utilities, the forecast of Bueno de Mesquita's model
// (Scholz, Calbert & Smith 2011, section 3.2); and the weighted mean, the baseline beside it.

export interface Weighted {
  capability: number;
  salience: number;
}

/**
 * The weighted median of `positions` with weights c·s. When the weight below a position is
 * exactly half the total, every point between it and the next position ties; we return the
 * lower one (Condorcet ties are broken towards the smaller position).
 */
export function weightedMedian(actors: readonly Weighted[], positions: readonly number[]): number {
  const items = positions
    .map((x, i) => ({ x, w: actors[i]!.capability * actors[i]!.salience }))
    .sort((a, b) => a.x - b.x);
  const total = items.reduce((s, it) => s + it.w, 0);
  let cum = 0;
  for (const it of items) {
    cum += it.w;
    // A small tolerance so that 0.5 + 0.5 split as floats still counts as half.
    if (cum >= total / 2 - 1e-12 * total) return it.x;
  }
  return items[items.length - 1]!.x;
}

/** Σ c s x / Σ c s: the baseline any forecast must beat. */
export function weightedMean(actors: readonly Weighted[], positions: readonly number[]): number {
  let t = 0;
  let w = 0;
  positions.forEach((x, i) => {
    const wi = actors[i]!.capability * actors[i]!.salience;
    t += wi * x;
    w += wi;
  });
  return t / w;
}
