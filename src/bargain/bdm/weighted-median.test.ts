import { describe, expect, it } from 'vitest';
import { weightedMean, weightedMedian } from './weighted-median.js';

const w = (capability: number, salience: number) => ({ capability, salience });

describe('weightedMedian / weightedMean', () => {
  it('the weighted median of the EU example is 7, its mean 7.38996 (both as the port prints them)', () => {
    // c·s at 4: .064 + .006 + .128 + .05 = .248; at 7: .093 (cumulative .341 ≥ half of .677); at 10: .336.
    const actors = [w(0.08, 0.8), w(0.08, 0.4), w(0.03, 0.2), w(0.16, 0.8), w(0.16, 0.6)];
    actors.push(w(0.16, 0.6), w(0.16, 0.9), w(0.05, 0.1), w(0.05, 1), w(0.08, 0.7));
    const x = [4, 7, 4, 4, 10, 10, 10, 7, 4, 7];
    expect(weightedMedian(actors, x)).toBe(7);
    expect(weightedMean(actors, x)).toBeCloseTo(7.389955686853767, 14);
  });

  it('weights are capability × salience, and the input order does not matter', () => {
    const actors = [w(1, 1), w(1, 1), w(2, 0.5)];
    expect(weightedMedian(actors, [10, 0, 4])).toBe(4);
    expect(weightedMean(actors, [10, 0, 4])).toBeCloseTo(14 / 3, 14);
    // A heavy actor alone decides; a salience-0 actor counts for nothing.
    expect(weightedMedian([w(3, 1), w(1, 1), w(100, 0)], [2, 8, 9])).toBe(2);
  });

  it('an exact half split goes to the lower position', () => {
    expect(weightedMedian([w(1, 1), w(1, 1)], [0, 10])).toBe(0);
    expect(weightedMedian([w(0.1, 0.5), w(0.05, 1), w(0.1, 1)], [1, 2, 3])).toBe(2);
  });
});
