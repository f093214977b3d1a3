import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileGame } from './compile.js';
import { meanParameters } from './draw.js';
import { loadScenario } from './load-file.js';
import { solveCompiled } from './solve.js';
import { likeliestPaths, stepSummaries } from './summary.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '../../scenarios/examples/two-rung-ladder.yaml');

describe('summaries of the two-rung ladder equilibrium', () => {
  const model = loadScenario(file);
  const cg = compileGame(model, meanParameters(model));
  const sol = solveCompiled(cg);

  test('choice probabilities per step', () => {
    expect(stepSummaries(cg, sol)).toEqual([
      {
        step: 'opening',
        kind: 'decision',
        actor: 'challenger',
        reached: 1,
        choices: [
          { id: 'hold', prob: 0 },
          { id: 'escalate', prob: 1 },
        ],
      },
      {
        step: 'incident',
        kind: 'chance',
        actor: undefined,
        reached: 1,
        choices: [
          { id: 'happened', prob: 0.2 },
          { id: 'calm', prob: 0.8 },
        ],
      },
      {
        step: 'response',
        kind: 'decision',
        actor: 'defender',
        reached: 1,
        choices: [
          { id: 'concede', prob: 0.8 },
          { id: 'fight', prob: 0.2 },
        ],
      },
    ]);
  });

  test('the likeliest paths', () => {
    expect(likeliestPaths(cg, sol, 3)).toEqual([
      { leaf: 3, prob: 0.8, path: ['opening=escalate', 'incident=calm', 'response=concede'] },
      { leaf: 2, prob: 0.2, path: ['opening=escalate', 'incident=happened', 'response=fight'] },
      { leaf: 0, prob: 0, path: ['opening=hold'] },
    ]);
  });

  test('thresholds crossed by each option', () => {
    expect(model.stages.map((s) => s.choices.map((c) => `${c.id}:${c.thresholds.join('/')}`))).toEqual([
      ['hold:', 'escalate:forward deployment'],
      ['happened:', 'calm:'],
      ['concede:', 'fight:war'],
    ]);
  });
});
