// Which parameters moved the outcome most in the run on screen: per parameter, the largest
// |Spearman rank correlation| (Spearman 1904; Pearson correlation of mid-ranks, so ties are handled)
// across the draws between its drawn value and each outcome class's probability. Cheap (the draws
// are already computed) and data-derived, but noisy with few draws: the view says so and shows ρ.
import type { DrawRecord } from '../../../src/analysis/run-draws.js';

/** Ranks 1..n, ties sharing the mean of their ranks. */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = r;
    i = j + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's ρ of two equally long samples; NaN when either is constant or shorter than 3. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 3) return Number.NaN;
  return pearson(midRanks(x), midRanks(y));
}

export interface Influence {
  readonly name: string;
  /** max over classes of |ρ|; NaN when the parameter did not vary (a point value or held). */
  readonly rho: number;
  /** The outcome class index where |ρ| is largest (-1 with rho NaN). */
  readonly classIndex: number;
}

/** Influence of each named parameter on the baseline's outcome-class probabilities across the draws. */
export function parameterInfluence(records: readonly DrawRecord[], names: readonly string[]): Influence[] {
  const classes = records[0]?.policies.baseline?.outcomes.classes.length ?? 0;
  const byClass = Array.from({ length: classes }, (_, k) =>
    records.map((r) => r.policies.baseline!.outcomes.classes[k]!),
  );
  return names.map((name) => {
    const x = records.map((r) => r.params[name]!);
    let rho = Number.NaN;
    let classIndex = -1;
    byClass.forEach((y, k) => {
      const r = Math.abs(spearman(x, y));
      if (!Number.isNaN(r) && (Number.isNaN(rho) || r > rho)) {
        rho = r;
        classIndex = k;
      }
    });
    return { name, rho, classIndex };
  });
}

/** Names by decreasing influence; those without one (constant) last, in the given order. */
export function byInfluence(influence: readonly Influence[]): string[] {
  return influence
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ra = Number.isNaN(a.f.rho) ? -1 : a.f.rho;
      const rb = Number.isNaN(b.f.rho) ? -1 : b.f.rho;
      return rb - ra || a.i - b.i;
    })
    .map(({ f }) => f.name);
}
