import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POLICY_RUNS, analysisFeatures, runDraw } from '../../../src/analysis/run-draws.js';
import { makeQreSolver } from '../../../src/analysis/solve-qre.js';
import { meanParameters } from '../../../src/scenario/draw.js';
import { withFixedParameters } from '../../../src/scenario/fixed-parameters.js';
import { loadScenario } from '../../../src/scenario/load-file.js';
import { solveDrawGame } from './solve-draw.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const model = loadScenario(join(ROOT, 'scenarios/us-iran-2026.yaml'));

describe("one draw's game, as the Monte Carlo solves it", () => {
  // Policy games are small (about a thousand nodes), so the comparison is quick.
  // The first parameter held at its mean, as the what-if controls (brink analyze --set) would.
  const held0 = meanParameters(model)[0]!;
  const fixed = { [model.params[0]!.name]: held0 };
  for (const policy of ['grand_bargain', 'pressure_first']) {
    it(`${policy}: the same parameters, game and QRE iterations as runDraw`, () => {
      const settings = { seed: 7, lambda: 10, total: 20, draw: 3, policy, fixed };
      const mine = solveDrawGame(model, settings);
      const held = withFixedParameters(model, fixed);
      const run = POLICY_RUNS.find((r) => r.id === policy)!;
      const record = runDraw(held, 3, settings, analysisFeatures(held), makeQreSolver(), [run]);
      const info = record.solver[policy]!;
      expect(mine.stats.paramDigest).toBe(info.paramDigest);
      expect(mine.stats.nodes).toBe(info.nodes);
      expect(mine.stats.method).toBe(info.method);
      expect(mine.stats.iterations).toBe(info.iterations);
      expect(mine.stats.residual).toBe(info.residual);
      expect(mine.cg.params[0]).toBe(held0);
    });
  }

  it('reaches every leaf with total probability 1 and ends the most likely path at a leaf', () => {
    const { tree, cg } = solveDrawGame(model, {
      seed: 1,
      lambda: 10,
      total: 20,
      draw: 0,
      policy: 'grand_bargain',
    });
    expect(tree.reach[0]).toBeCloseTo(1, 12);
    const path = Array.from(tree.onPath.keys()).filter((n) => tree.onPath[n] === 1);
    const last = path[path.length - 1]!;
    expect(cg.nodeLeaf[last]).toBeGreaterThanOrEqual(0);
    // Along the path, reach is the product of the branch probabilities.
    const product = path.reduce((p, n) => p * tree.branch[n]!, 1);
    expect(tree.reach[last]).toBeCloseTo(product, 12);
  });

  it('refuses a draw outside the run and an unknown policy', () => {
    expect(() =>
      solveDrawGame(model, { seed: 1, lambda: 10, total: 5, draw: 5, policy: 'baseline' }),
    ).toThrow(/draw 5/);
    expect(() => solveDrawGame(model, { seed: 1, lambda: 10, total: 5, draw: 0, policy: 'nope' })).toThrow(
      /unknown policy/,
    );
  });
});
