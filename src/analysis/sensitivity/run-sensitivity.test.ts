// The three sensitivity methods on a one-decision game whose answers are known by hand, and the
// tornado of the US–Iran scenario checked against direct solves of the baseline game.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../scenario/load-file.js';
import { makeHeadlineEvaluator } from './headline.js';
import { pointWorkerFile } from './point-pool.js';
import {
  type TornadoResult,
  factorIndex,
  flipThresholdsFor,
  parameterIndex,
  sobolFor,
  thresholdRange,
  topFactors,
  tornado,
} from './run-sensitivity.js';
import { parameterRanges } from './scenario-inputs.js';

const ROOT = join(import.meta.dirname, '../../..');
const TINY = join(ROOT, 'test/fixtures/sensitivity-tiny.yaml');
const US_IRAN = join(ROOT, 'scenarios/us-iran-2026.yaml');

/** P(talk) at the logit QRE of the tiny game (λ = 4): talk is worth a, fight 0.5. */
const pTalk = (a: number) => 1 / (1 + Math.exp(-4 * (a - 0.5)));

describe('sensitivity of a one-decision game', () => {
  const model = loadScenario(TINY);

  test('tornado: each parameter alone at its 5 % and 95 % quantiles, ranked by swing', async () => {
    const t = await tornado(model);
    expect(t.lambda).toBe(4);
    // a ~ U(0, 1), p ~ U(0.1, 0.5); `fixed` has one value and is not swept: 1 + 2·2 runs.
    expect(t.parameters).toEqual(['a', 'p']);
    expect(t.evaluations).toBe(5);
    expect(t.atBase[0]).toBeCloseTo(0.5 * 0.3, 14);
    expect(t.atBase[2]).toBeCloseTo(0.5, 14);
    const [war, , deal] = t.bars;
    // P(war) = (1 − P(talk))·p: p from 0.12 to 0.48 at P(talk) = 1/2 swings 0.18; a swings 0.3·(P(talk, 0.95) − P(talk, 0.05)).
    const aSwing = pTalk(0.95) - pTalk(0.05);
    expect(war!.map((b) => b.name)).toEqual(['a', 'p']);
    expect(war![0]!.atLow).toBeCloseTo((1 - pTalk(0.05)) * 0.3, 14);
    expect(war![0]!.atHigh).toBeCloseTo((1 - pTalk(0.95)) * 0.3, 14);
    expect(war![0]!.swing).toBeCloseTo(0.3 * aSwing, 14);
    expect(war![1]).toMatchObject({ name: 'p' });
    expect(war![1]!.low).toBeCloseTo(0.12, 14);
    expect(war![1]!.high).toBeCloseTo(0.48, 14);
    expect(war![1]!.swing).toBeCloseTo(0.18, 14);
    expect(deal![0]!.swing).toBeCloseTo(aSwing, 14);
    expect(deal![1]!.swing).toBeCloseTo(0, 14);
    expect(topFactors(t, 1)).toEqual(['a']);
    // Restricted to named parameters.
    const only = await tornado(model, { parameters: ['p'] });
    expect(only.evaluations).toBe(3);
    expect(only.bars[0]![0]).toEqual(war![1]);
  });

  test('Sobol: P(deal) depends on a alone, so p has first and total index 0 (to rounding)', async () => {
    const s = await sobolFor(model, { factors: ['a', 'p'], n: 32, bootstrap: 200 });
    expect(s).toMatchObject({ n: 32, seed: 3, selection: 'named', heldAtMeans: 0, evaluations: 32 * 4 });
    const deal = s.indices[2]!;
    expect(deal.first[1]).toBeCloseTo(0, 12);
    expect(deal.total[1]).toBeCloseTo(0, 12);
    expect(deal.total[0]).toBeGreaterThan(0.8);
    expect(deal.total[0]).toBeLessThan(1.2);
    expect(deal.firstCI).toHaveLength(2);
    // P(war) = (1 − P(talk))·p: both factors matter.
    expect(s.indices[0]!.total[0]).toBeGreaterThan(0.1);
    expect(s.indices[0]!.total[1]).toBeGreaterThan(0.1);
    // Deterministic: the same seed gives the same numbers.
    expect(await sobolFor(model, { factors: ['a', 'p'], n: 32, bootstrap: 200 })).toEqual(s);
    // Factors from the tornado: `top` of them.
    const top = await sobolFor(model, { top: 1, n: 8, bootstrap: 0 });
    expect(top).toMatchObject({ factors: ['a'], selection: 'tornado', heldAtMeans: 1, evaluations: 24 });
  });

  test('flip threshold: the modal move switches from fight to talk at a = 0.5, found to 1e-6', async () => {
    expect(thresholdRange(model, 'a')).toEqual([0.01, 0.99]);
    const r = await flipThresholdsFor(model, { param: 'a', stage: 'move' });
    expect(r).toMatchObject({
      lo: 0.01,
      hi: 0.99,
      points: 41,
      modalAtLo: 'fight',
      modalAtHi: 'talk',
      base: 0.5,
    });
    expect(r.flips).toHaveLength(1);
    const f = r.flips[0]!;
    expect(f).toMatchObject({ from: 'fight', to: 'talk' });
    expect(Math.abs(f.at - 0.5)).toBeLessThan(1e-6);
    expect(f.bracket[1] - f.bracket[0]).toBeLessThan(1e-6);
    // The war stage: erupt is modal once p > 1/2, outside p's own range but inside a given one.
    expect((await flipThresholdsFor(model, { param: 'p', stage: 'war' })).flips).toEqual([]);
    const w = await flipThresholdsFor(model, { param: 'p', stage: 'war', lo: 0.1, hi: 0.9, points: 9 });
    expect(w.flips.map((x) => [x.from, x.to])).toEqual([['calm', 'erupt']]);
    expect(Math.abs(w.flips[0]!.at - 0.5)).toBeLessThan(1e-6);
    // Restricted to some options (--between): the same switch between the two, and a named result.
    const b = await flipThresholdsFor(model, { param: 'a', stage: 'move', among: ['talk', 'fight'] });
    expect(b.among).toEqual(['talk', 'fight']);
    expect(Math.abs(b.flips[0]!.at - 0.5)).toBeLessThan(1e-6);
    // With one option the answer is that option wherever the stage is played.
    const one = await flipThresholdsFor(model, { param: 'a', stage: 'move', among: ['fight'], points: 5 });
    expect(one).toMatchObject({ modalAtLo: 'fight', modalAtHi: 'fight', flips: [] });
    await expect(flipThresholdsFor(model, { param: 'a', stage: 'move', among: ['talks'] })).rejects.toThrow(
      /'talks' is not an option of 'move'.*talk/,
    );
  });

  test('unknown or fixed names are refused with a suggestion', async () => {
    expect(() => parameterIndex(model, 'aa')).toThrow("no parameter 'aa' (did you mean 'a'?)");
    expect(() => factorIndex(model, 'fixed')).toThrow("parameter 'fixed' has a single value");
    expect(() => thresholdRange(model, 'fixed')).toThrow('give the interval to scan');
    await expect(flipThresholdsFor(model, { param: 'a', stage: 'mvoe' })).rejects.toThrow(
      "(did you mean 'move'?)",
    );
    await expect(tornado(loadScenario(join(ROOT, 'scenarios/examples/chicken.yaml')))).rejects.toThrow(
      'no headline outputs',
    );
  });

  test('top factors take the largest swing over the outputs', () => {
    const bar = (index: number, name: string, swing: number) => ({
      index,
      name,
      low: 0,
      high: 1,
      atLow: 0,
      atHigh: swing,
      swing,
    });
    const t = {
      bars: [
        [bar(2, 'c', 0.3), bar(0, 'a', 0.1)],
        [bar(0, 'a', 0.5), bar(1, 'b', 0.3), bar(2, 'c', 0)],
      ],
    } as unknown as TornadoResult;
    // a: 0.5, b: 0.3, c: 0.3 (tie broken by parameter order).
    expect(topFactors(t, 3)).toEqual(['a', 'b', 'c']);
    expect(topFactors(t, 1)).toEqual(['a']);
  });
});

// The pooled run uses the built worker module (dist), which `npm test` builds first.
describe.skipIf(!existsSync(pointWorkerFile()))('tornado of the US–Iran scenario', () => {
  test(
    'two parameters, pooled: deterministic, and the bars equal direct solves',
    { timeout: 240_000 },
    async () => {
      const model = loadScenario(US_IRAN);
      const names = ['p_leak', 'us_hawks.influence'];
      const t = await tornado(model, { parameters: names, workers: 2 });
      expect(t.evaluations).toBe(5);
      expect(t.parameters).toEqual(names);
      const ev = makeHeadlineEvaluator(model, model.spec.defaults.lambda);
      const ranges = parameterRanges(model);
      expect(t.atBase).toEqual(ev.evaluate(ranges.base));
      for (const name of names) {
        const i = parameterIndex(model, name);
        const at = (x: number) => {
          const p = Float64Array.from(ranges.base);
          p[i] = x;
          return ev.evaluate(p);
        };
        const low = at(ranges.low[i]!);
        const high = at(ranges.high[i]!);
        t.outputs.forEach((_, o) => {
          const bar = t.bars[o]!.find((b) => b.name === name)!;
          expect(bar.atLow).toBe(low[o]);
          expect(bar.atHigh).toBe(high[o]);
        });
      }
      // Ranked by swing within each output.
      for (const bars of t.bars) expect(bars[0]!.swing).toBeGreaterThanOrEqual(bars[1]!.swing);
    },
  );
});
