// End-to-end tests of `brink oil` (the built dist: npm test builds it first), and its option parsing.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, brink } from '../../test/support/brink-cli.js';
import { priceFan } from '../econ/price-fan.js';
import { UsageError } from './errors.js';
import { oilInput, shownDays } from './oil-command.js';

describe('oilInput', () => {
  it('defaults: no release, threat attacks with a disruption and calm without, 90 days, seed 1', () => {
    expect(oilInput({ disruption: '0.5', days: '30' })).toEqual({
      share: 0.5,
      days: 30,
      releaseMbd: 0,
      threat: 3,
      horizon: 90,
      seed: 1,
      samples: 1000,
      format: 'text',
    });
    expect(oilInput({ disruption: '0', days: '0' }).threat).toBe(0);
    expect(oilInput({ disruption: '0.2', days: '5', threat: 'war', json: true })).toMatchObject({
      threat: 4,
      format: 'json',
    });
  });

  it('bad input names the option and what was expected', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ days: '30' }, /--disruption is required/],
      [{ disruption: '0.5' }, /--days is required/],
      [{ disruption: '1.2', days: '30' }, /--disruption 1.2: expected a share from 0 to 1/],
      [{ disruption: 'NaN', days: '30' }, /--disruption NaN: expected a share/],
      [{ disruption: '0.5', days: '-1' }, /--days -1: expected a number of days/],
      [{ disruption: '0.5', days: '30', release: '-2' }, /--release -2: expected mb\/d/],
      [{ disruption: '0.5', days: '30', horizon: '2.5' }, /--horizon 2.5: expected an integer/],
      [{ disruption: '0.5', days: '30', threat: 'panic' }, /--threat panic: expected one of calm/],
      [
        { disruption: '0.5', days: '30', format: 'pdf' },
        /--format pdf: expected one of text, md, html, json/,
      ],
    ];
    for (const [o, message] of bad) {
      expect(() => oilInput(o)).toThrow(UsageError);
      expect(() => oilInput(o)).toThrow(message);
    }
  });

  it('shows about 30 days, the first and the last', () => {
    expect(shownDays(90)).toEqual(Array.from({ length: 30 }, (_, k) => 3 * k).concat(89));
    expect(shownDays(5)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe.skipIf(!existsSync(BIN))('brink oil, end to end', () => {
  it('text: the peak with its band, a compact chart and the supply table', () => {
    const r = brink('oil', '--disruption', '0.5', '--days', '30', '--release', '2');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const fan = priceFan({ share: 0.5, days: 30, releaseMbd: 2, threat: 3 });
    expect(r.out).toContain('Brent after a Hormuz disruption of 50 % for 30 days');
    expect(r.out).toMatch(/Peak Brent change \(%\)/);
    expect(r.out).toMatch(/[▁▂▃▄▅▆▇█]{10,}/); // the sparkline
    expect(r.out).toContain('net shortfall');
    const json = JSON.parse(
      brink('oil', '--disruption', '0.5', '--days', '30', '--release', '2', '--json').out,
    );
    expect(json.data.peakPct.median).toBeCloseTo(fan.peakPct.median, 9);
    expect(json.data.days).toHaveLength(90);
    expect(json.data.days[13].release).toBe(2);
  });

  it('zero disruption gives the baseline path; same seed, same bytes', () => {
    const json = JSON.parse(brink('oil', '--disruption', '0', '--days', '0', '--json').out);
    for (const d of json.data.days) expect([d.median, d.low, d.high]).toEqual([70, 70, 70]);
    const a = brink('oil', '--disruption', '0.3', '--days', '10', '--seed', '5', '--format', 'md');
    const b = brink('oil', '--disruption', '0.3', '--days', '10', '--seed', '5', '--format', 'md');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('html: an SVG chart', () => {
    const r = brink('oil', '--disruption', '0.5', '--days', '30', '--format', 'html', '--samples', '200');
    expect(r.code).toBe(0);
    expect(r.out).toContain('<svg');
  });

  it('bad input: a clear message and exit 2', () => {
    for (const args of [
      ['--disruption', '1.5', '--days', '30'],
      ['--disruption', '0.5', '--days', '-3'],
      ['--disruption', 'NaN', '--days', '3'],
      ['--disruption', '0.5', '--days', '3', '--bogus'],
    ]) {
      const r = brink('oil', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^(brink: |error: unknown option)/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
