// The fast QRE of the analysis must be the engine's certified one (solveCompiled: continuation on
// the principal branch), leaf by leaf.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { type CompiledGame, compileGame } from '../scenario/compile.js';
import { drawParameters, meanParameters } from '../scenario/draw.js';
import { loadScenario } from '../scenario/load-file.js';
import { solveCompiled } from '../scenario/solve.js';
import { makeQreSolver, moversOf, restrictToMovers } from './solve-qre.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const US_IRAN = join(ROOT, 'scenarios/us-iran-2026.yaml');

function maxLeafGap(cg: CompiledGame, key: string): { gap: number; method: string } {
  const fast = makeQreSolver().solve(cg, cg.model.spec.defaults.lambda, key);
  const certified = solveCompiled(cg, { method: 'qre' });
  expect(certified.ok).toBe(true);
  let gap = 0;
  for (let l = 0; l < cg.leaves.count; l++)
    gap = Math.max(gap, Math.abs(fast.leafProb[l]! - certified.leafProb[l]!));
  return { gap, method: fast.method };
}

describe('sweep iteration against the certified continuation', () => {
  test('the example games', () => {
    for (const name of ['chicken', 'two-rung-ladder', 'fearon-bargaining']) {
      const model = loadScenario(join(ROOT, 'scenarios/examples', `${name}.yaml`));
      const cg = compileGame(model, meanParameters(model));
      const { gap } = maxLeafGap(cg, name);
      expect(gap, name).toBeLessThan(1e-9);
    }
  });

  test('US–Iran, pillar-removal policy at the parameter means (beliefs depend on behaviour)', () => {
    const model = loadScenario(US_IRAN);
    const cg = compileGame(model, meanParameters(model), { policies: ['no_us_threat'], labels: false });
    const { gap, method } = maxLeafGap(cg, 'no_us_threat');
    expect(method).toBe('sweep-iteration');
    expect(gap).toBeLessThan(1e-9);
  });

  test('US–Iran baseline, first draw of the default seed', () => {
    const model = loadScenario(US_IRAN);
    const cg = compileGame(model, drawParameters(model, model.spec.defaults.seed, 0), { labels: false });
    const { gap, method } = maxLeafGap(cg, 'baseline');
    expect(method).toBe('sweep-iteration');
    expect(gap).toBeLessThan(1e-9);
  });

  test('a reused structure with other payoffs gives the same point as a fresh solver', () => {
    const model = loadScenario(US_IRAN);
    const solver = makeQreSolver();
    const games = [0, 1].map((d) =>
      compileGame(model, drawParameters(model, 1, d), { policies: ['nuclear_public'], labels: false }),
    );
    solver.solve(games[0]!, 10, 'p');
    const reused = solver.solve(games[1]!, 10, 'p').leafProb;
    const fresh = makeQreSolver().solve(games[1]!, 10, 'p').leafProb;
    expect(Array.from(reused)).toEqual(Array.from(fresh));
  });
});

describe('only the movers are solved', () => {
  test('the US–Iran game has two movers; the restricted game keeps their payoffs and the tree', () => {
    const model = loadScenario(US_IRAN);
    const cg = compileGame(model, meanParameters(model), { policies: ['nuclear_public'], labels: false });
    const movers = moversOf(cg.game);
    expect(movers.map((p) => cg.game.players[p])).toEqual(['us', 'iran']);
    const g = restrictToMovers(cg.game, movers);
    expect(g.players).toEqual(['us', 'iran']);
    expect(g.nodes).toBe(cg.game.nodes);
    expect(g.infosets.length).toBe(cg.game.infosets.length);
    expect(g.outcomes[0]!.payoffs.map((p) => p.value)).toEqual(
      movers.map((p) => cg.game.outcomes[0]!.payoffs[p]!.value),
    );
  });
});
