import { describe, expect, test } from 'vitest';
import { mixtureFan } from './mixture-fan.js';
import { priceFan } from './price-fan.js';

describe('mixtureFan', () => {
  test('one component is exactly priceFan with the same seed', () => {
    const one = mixtureFan({
      components: [{ share: 0.5, days: 30, threat: 3, weight: 2 }],
      samples: 300,
      seed: 4,
    });
    const ref = priceFan({ share: 0.5, days: 30, threat: 3, samples: 300, seed: 4 });
    expect(one.days).toEqual(ref.days);
    expect(one.peakPct).toEqual(ref.peakPct);
    expect(one.meanPct).toEqual(ref.meanPct);
    expect(one.firstDayPct).toEqual(ref.firstDayPct);
  });

  test('a component of weight 0 is never drawn', () => {
    const calm = { share: 0, days: 0, threat: 0 };
    const a = mixtureFan({
      components: [
        { ...calm, weight: 1 },
        { share: 1, days: 60, threat: 4, weight: 0 },
      ],
      samples: 200,
    });
    const b = priceFan({ ...calm, samples: 200, seed: 1 });
    expect(a.peakPct).toEqual(b.peakPct);
  });

  test('a quarter calm, three quarters closure: its bands span both; its median is about the closure’s first tercile, below the closure’s median', () => {
    const calm = priceFan({ share: 0, days: 0, threat: 0, samples: 2000, seed: 1 });
    const closure = priceFan({ share: 1, days: 30, threat: 4, samples: 2000, seed: 1 });
    const mix = mixtureFan({
      components: [
        { share: 0, days: 0, threat: 0, weight: 1 },
        { share: 1, days: 30, threat: 4, weight: 3 },
      ],
      samples: 2000,
      seed: 1,
    });
    // The 10th percentile of the mixture is in the calm quarter, the 90th in the closure part.
    expect(mix.peakPct.low).toBeLessThanOrEqual(calm.peakPct.high);
    expect(mix.peakPct.high).toBeGreaterThan(closure.peakPct.low);
    expect(mix.peakPct.median).toBeGreaterThan(calm.peakPct.median);
    expect(mix.peakPct.median).toBeLessThan(closure.peakPct.median);
  });

  test('mixing is not averaging: the mixture of 0 % and 100 % lost spikes above one fan at 50 %', () => {
    const mix = mixtureFan({
      components: [
        { share: 0, days: 30, threat: 3, weight: 1 },
        { share: 1, days: 30, threat: 3, weight: 1 },
      ],
      samples: 2000,
    });
    const averaged = priceFan({ share: 0.5, days: 30, threat: 3, samples: 2000, seed: 1 });
    expect(mix.peakPct.high).toBeGreaterThan(averaged.peakPct.high);
  });

  test('is reproducible by seed and refuses bad input', () => {
    const c = [
      { share: 0.2, days: 10, threat: 2, weight: 1 },
      { share: 0.6, days: 5, threat: 3, weight: 3 },
    ];
    expect(mixtureFan({ components: c, seed: 9, samples: 100 })).toEqual(
      mixtureFan({ components: c, seed: 9, samples: 100 }),
    );
    expect(() => mixtureFan({ components: [] })).toThrow(/at least one component/);
    expect(() => mixtureFan({ components: [{ share: 0.2, days: 1, threat: 1, weight: -1 }] })).toThrow(
      /weight -1/,
    );
    expect(() => mixtureFan({ components: [{ share: 0.2, days: 1, threat: 1, weight: 0 }] })).toThrow(
      /add up to 0/,
    );
    expect(() => mixtureFan({ components: [{ share: 0.2, days: 1, threat: 9, weight: 1 }] })).toThrow(
      /threat 9/,
    );
  });
});
