// A parameter's distribution in words and numbers: as written in the scenario, its mean and its
// 90 % interval (5th to 95th percentile), from the helpers in src/scenario/distributions.ts.
import { type Distribution, mean, quantile } from '../scenario/distributions.js';

export interface DistributionSummary {
  /** As in the scenario, e.g. "beta(alpha=2, beta=8)", or the value of a point parameter. */
  readonly text: string;
  readonly mean: number;
  /** The 5th and 95th percentiles; absent for a point value. */
  readonly interval?: [number, number];
}

/** The p-quantile of any distribution a scenario can use (kept for callers; same as quantile). */
export function anyQuantile(d: Distribution, p: number): number {
  return quantile(d, p);
}

/** "name(key=value, ...)" with the optional keys that are set; numbers exactly as written. */
function call(name: string, args: [string, number | undefined][]): string {
  const set = args.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`);
  return `${name}(${set.join(', ')})`;
}

export function describeDistribution(d: Distribution): string {
  switch (d.dist) {
    case 'point':
      return String(d.value);
    case 'uniform':
      return call('uniform', [
        ['low', d.low],
        ['high', d.high],
      ]);
    case 'triangular':
      return call('triangular', [
        ['low', d.low],
        ['mode', d.mode],
        ['high', d.high],
      ]);
    case 'normal':
      return call('normal', [
        ['mean', d.mean],
        ['sd', d.sd],
        ['min', d.min],
        ['max', d.max],
      ]);
    case 'lognormal':
      return call('lognormal', [
        ['mu', d.mu],
        ['sigma', d.sigma],
        ['min', d.min],
        ['max', d.max],
      ]);
    case 'beta':
      return call('beta', [
        ['alpha', d.alpha],
        ['beta', d.beta],
      ]);
    case 'discrete':
      return `discrete(values=[${d.values.join(', ')}], probs=[${d.probs.join(', ')}])`;
  }
}

export function summarizeDistribution(d: Distribution): DistributionSummary {
  const text = describeDistribution(d);
  if (d.dist === 'point') return { text, mean: d.value };
  return { text, mean: mean(d), interval: [anyQuantile(d, 0.05), anyQuantile(d, 0.95)] };
}
