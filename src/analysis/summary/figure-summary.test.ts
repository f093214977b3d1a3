import { describe, expect, it } from 'vitest';
import { summarise } from '../stats.js';
import { FigureSummary } from './figure-summary.js';
import { SKETCH_ALPHA } from './quantile-sketch.js';

function summaryOf(values: readonly number[]): FigureSummary {
  const f = new FigureSummary();
  for (const v of values) f.add(v);
  return f;
}

describe('FigureSummary', () => {
  it('gives the Stat of summarise: exact mean, interval within α, NaN draws left out', () => {
    const values = [0.3, Number.NaN, 0.1, 0.7, 0.2, Number.NaN, 0.9, 0.05, 0.4];
    const exact = summarise(values);
    const s = summaryOf(values).stat();
    expect(s.n).toBe(7);
    expect(s.n).toBe(exact.n);
    expect(s.mean).toBe((0.3 + 0.1 + 0.7 + 0.2 + 0.9 + 0.05 + 0.4) / 7);
    expect(Math.abs(s.low - exact.low) / exact.low).toBeLessThanOrEqual(SKETCH_ALPHA);
    expect(Math.abs(s.high - exact.high) / exact.high).toBeLessThanOrEqual(SKETCH_ALPHA);
    expect(summaryOf([Number.NaN]).undefinedDraws).toBe(1);
  });

  it('is NaN with n = 0 when no draw defines it, and infinite means as a plain sum would be', () => {
    expect(summaryOf([Number.NaN, Number.NaN]).stat()).toEqual({
      mean: Number.NaN,
      low: Number.NaN,
      high: Number.NaN,
      n: 0,
    });
    expect(summaryOf([1, Number.POSITIVE_INFINITY]).stat().mean).toBe(Number.POSITIVE_INFINITY);
    expect(summaryOf([1, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]).stat().mean).toBeNaN();
  });

  it('merges and round-trips through JSON to the same text', () => {
    const values = Array.from({ length: 50 }, (_, i) =>
      i % 7 === 0 ? Number.NaN : Math.sin(i) * 10 ** (i % 5),
    );
    const whole = summaryOf(values);
    const a = summaryOf(values.slice(0, 20));
    const b = summaryOf(values.slice(20));
    b.merge(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(whole));
    const back = FigureSummary.fromJSON(JSON.parse(JSON.stringify(whole)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(whole));
    expect(back.stat()).toEqual(whole.stat());
    expect(() => FigureSummary.fromJSON({} as never)).toThrow(/expected/);
  });
});
