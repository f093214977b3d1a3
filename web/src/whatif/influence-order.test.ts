import { describe, expect, it } from 'vitest';
import type { DrawRecord } from '../../../src/analysis/run-draws.js';
import { byInfluence, midRanks, parameterInfluence, spearman } from './influence-order.js';

describe('rank correlation', () => {
  it('ranks with ties at their mean rank', () => {
    expect(midRanks([10, 30, 20, 30])).toEqual([1, 3.5, 2, 3.5]);
  });

  it('is 1 for any increasing relation and −1 for a decreasing one', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [5, 3, 2, -9])).toBeCloseTo(-1, 12);
    // Textbook case: d = (0, −1, 1, 0, 0) → ρ = 1 − 6·2/(5·24) = 0.9.
    expect(spearman([1, 2, 3, 4, 5], [1, 3, 2, 4, 5])).toBeCloseTo(0.9, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1, 2], [1, 2])).toBeNaN();
  });
});

function record(params: Record<string, number>, classes: number[]): DrawRecord {
  return {
    draw: 0,
    params,
    policies: { baseline: { outcomes: { classes } } },
    solver: {},
  } as unknown as DrawRecord;
}

describe('parameter influence', () => {
  it('takes the class with the strongest correlation, and puts constant parameters last', () => {
    const records = [
      record({ a: 0.1, b: 5, c: 1 }, [0.1, 0.9]),
      record({ a: 0.2, b: 3, c: 1 }, [0.3, 0.7]),
      record({ a: 0.3, b: 4, c: 1 }, [0.2, 0.8]),
      record({ a: 0.4, b: 1, c: 1 }, [0.6, 0.4]),
    ];
    const inf = parameterInfluence(records, ['c', 'a', 'b']);
    expect(inf[0]!.rho).toBeNaN();
    // a vs class 0: ranks (1,2,3,4) vs (1,3,2,4): ρ = 0.8; class 1 gives −0.8, the same |ρ|: first kept.
    expect(inf[1]).toEqual({ name: 'a', rho: expect.closeTo(0.8, 12), classIndex: 0 });
    // b vs class 0: ranks (4,2,3,1) vs (1,3,2,4): ρ = −1.
    expect(inf[2]).toEqual({ name: 'b', rho: expect.closeTo(1, 12), classIndex: 0 });
    expect(byInfluence(inf)).toEqual(['b', 'a', 'c']);
  });
});
