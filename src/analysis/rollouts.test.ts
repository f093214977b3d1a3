import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileGame } from '../scenario/compile.js';
import { meanParameters } from '../scenario/draw.js';
import { loadScenario } from '../scenario/load-file.js';
import { aggregateRollouts, leafAt, pathText, rollOut } from './rollouts.js';

const model = loadScenario(join(import.meta.dirname, '../../scenarios/examples/two-rung-ladder.yaml'));
const cg = compileGame(model, meanParameters(model));

describe('leafAt', () => {
  test('finds the leaf whose cumulative interval holds u', () => {
    const cum = Float64Array.from([0.5, 0.5, 0.75, 1]);
    expect([0, 0.49, 0.5, 0.6, 0.75, 0.99].map((u) => leafAt(cum, u))).toEqual([0, 0, 2, 2, 3, 3]);
  });
});

describe('rollOut', () => {
  const n = cg.leaves.count;
  // Half the mass on the first leaf, a quarter on each of the last two, none elsewhere.
  const prob = new Float64Array(n);
  prob[0] = 0.5;
  prob[n - 2] = 0.25;
  prob[n - 1] = 0.25;
  const classes = Int8Array.from({ length: n }, (_, l) => (l === 0 ? 2 : l === n - 1 ? 0 : -1));

  test('samples leaves with their probabilities, from the draw’s own stream', () => {
    const r = rollOut(cg, prob, classes, 1, 0, 20_000);
    const counts = Object.fromEntries(r.paths);
    expect(r.paths).toHaveLength(3);
    const first = counts[pathText(cg, cg.leaves.node[0]!)]!;
    const last = counts[pathText(cg, cg.leaves.node[n - 1]!)]!;
    // Binomial standard errors: 0.0035 and 0.0031; allow 4 of them.
    expect(Math.abs(first / 20_000 - 0.5)).toBeLessThan(0.014);
    expect(Math.abs(last / 20_000 - 0.25)).toBeLessThan(0.013);
    // Classes: leaf 0 is class 2, the last leaf class 0, the other unclassified (last slot).
    expect(r.classCounts[2]).toBe(first);
    expect(r.classCounts[0]).toBe(last);
    expect(r.classCounts.at(-1)).toBe(20_000 - first - last);
    expect(rollOut(cg, prob, classes, 1, 0, 500)).toEqual(rollOut(cg, prob, classes, 1, 0, 500));
    expect(rollOut(cg, prob, classes, 1, 1, 500)).not.toEqual(rollOut(cg, prob, classes, 1, 0, 500));
  });

  test('a path is its moves, root first', () => {
    expect(pathText(cg, cg.leaves.node[0]!)).toMatch(/^\w+=\w+( → \w+=\w+)*$/);
  });
});

describe('aggregateRollouts', () => {
  test('adds counts over draws and ranks paths by frequency, ties by first sampling', () => {
    const r = aggregateRollouts(
      [
        {
          classCounts: [1, 0, 2, 0, 0, 0, 1],
          paths: [
            ['a', 2],
            ['b', 2],
          ],
        },
        {
          classCounts: [0, 0, 0, 0, 3, 1, 0],
          paths: [
            ['c', 3],
            ['b', 1],
          ],
        },
      ],
      [0.1, 0, 0.3, 0, 0.4, 0.2],
    );
    expect(r.rollouts).toBe(8);
    expect(r.classes.map((c) => c.sampled)).toEqual([1 / 8, 0, 2 / 8, 0, 3 / 8, 1 / 8]);
    expect(r.classes[4]!.exact).toBe(0.4);
    expect(r.topPaths).toEqual([
      { path: 'b', count: 3, share: 3 / 8 },
      { path: 'c', count: 3, share: 3 / 8 },
      { path: 'a', count: 2, share: 2 / 8 },
    ]);
    expect(r.distinctPaths).toBe(3);
  });
});
