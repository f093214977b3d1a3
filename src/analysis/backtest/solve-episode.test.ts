import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../scenario/diagnostics.js';
import { loadEpisode, parseEpisode } from './load-episode.js';
import { solveEpisode } from './solve-episode.js';

const FIX = join(resolve(import.meta.dirname, '../../..'), 'test/fixtures/backtest');

describe('solving an episode', () => {
  it('uses the scenario defaults unless told, one forecast per draw', () => {
    const r = solveEpisode(loadEpisode(join(FIX, 'toy-hit.yaml')));
    // toy-scenario.yaml: defaults { seed: 1, lambda: 1, draws: 4 }.
    expect([r.seed, r.lambda, r.draws, r.probs.length]).toEqual([1, 1, 4, 4]);
    expect(r.probs[3]![0]).toBeCloseTo(0.75, 9);
    expect(solveEpisode(loadEpisode(join(FIX, 'toy-hit.yaml')), { seed: 9, draws: 2 }).probs).toHaveLength(2);
  });

  it('applies parameter overrides of the situation: no gain, an even choice', () => {
    const file = join(FIX, 'toy-hit.yaml');
    const text = readFileSync(file, 'utf8').replace(
      '  moves: { first: provoke }',
      '  moves: { first: provoke }\n  parameters: { gain: { value: 0, source: { judgement: "none" } } }',
    );
    const r = solveEpisode(parseEpisode(text, file), { draws: 1 });
    expect(r.probs[0]![0]).toBeCloseTo(0.5, 12);
  });

  it('refuses a situation that never reaches the decision, naming the situation', () => {
    const file = join(FIX, 'toy-unreached.yaml');
    let message = '';
    try {
      solveEpisode(loadEpisode(file), { draws: 1 });
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      message = (e as Error).message;
    }
    expect(message).toBe(
      `${file}:19:10: situation.moves — the situation never reaches the decision stage 'second': a move is not available after the earlier ones, or the stage's 'when' is false there`,
    );
  });
});
