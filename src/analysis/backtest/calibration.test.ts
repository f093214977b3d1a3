import { describe, expect, it } from 'vitest';
import { reliabilityBins } from './calibration.js';

describe('reliability bins', () => {
  it('averages forecasts and outcomes per bin of equal width, the last bin closed', () => {
    const bins = reliabilityBins([
      { p: 0.1, o: 0 },
      { p: 0.15, o: 1 },
      { p: 0.5, o: 1 },
      { p: 1, o: 1 },
      { p: 0.8, o: 0 },
    ]);
    expect(bins.map((b) => b.count)).toEqual([2, 0, 1, 0, 2]);
    expect(bins[0]!.predicted).toBeCloseTo(0.125, 15);
    expect(bins[0]!.observed).toBe(0.5);
    expect(Number.isNaN(bins[1]!.observed)).toBe(true);
    expect(bins[4]!.predicted).toBeCloseTo(0.9, 15);
    expect(bins[4]!.observed).toBe(0.5);
  });
});
