import { beforeAll, describe, expect, test } from 'vitest';
import { compareModel } from '../../../src/analysis/compare.js';
import { type RunResult, runDraws } from '../../../src/analysis/run-draws.js';
import { loadScenario } from '../../../src/scenario/load-file.js';
import type { Model } from '../../../src/scenario/model.js';
import { availablePolicies, comparePolicies, comparedIds, comparisonPlan } from './policy-comparison.js';

const SCENARIO = new URL('../../../scenarios/us-iran-2026.yaml', import.meta.url).pathname;
let model: Model;
let run: RunResult;
beforeAll(() => {
  model = loadScenario(SCENARIO);
  // The page's analysis: every policy game of each draw, as the workers compute it.
  run = runDraws(model, { seed: 1, draws: 3, lambda: model.spec.defaults.lambda });
}, 120_000);

describe('policies read from the analysis records', () => {
  test('every policy game of the draws can be chosen, the baseline first', () => {
    const choices = availablePolicies(model, run.records);
    expect(choices.length).toBe(12);
    expect(choices[0]).toEqual({ id: 'baseline', label: 'Baseline (no constraint)' });
    expect(choices.map((c) => c.id)).toContain('grand_bargain');
    expect(choices.find((c) => c.id === 'grand_bargain')!.label).toBe('Grand bargain');
  });

  test('the reference is chosen as brink compare chooses it', () => {
    expect(comparedIds(model, ['grand_bargain'])).toEqual(['baseline', 'grand_bargain']);
    expect(comparedIds(model, ['grand_bargain', 'baseline'])).toEqual(['baseline', 'grand_bargain']);
    expect(comparedIds(model, ['segmented_reciprocity', 'grand_bargain'])).toEqual([
      'segmented_reciprocity',
      'grand_bargain',
    ]);
    expect(() => comparedIds(model, [])).toThrow(/no policy to compare/);
  });

  test('the figures are those of brink compare solving the chosen policies alone', () => {
    const chosen = ['grand-bargain', 'segmented-reciprocity'];
    const page = comparePolicies(run, comparisonPlan(model, chosen)).results;
    const cli = compareModel(model, { policies: chosen, seed: 1, draws: 3 }).results;
    expect(page.reference).toBe('grand_bargain');
    expect(page.policies.map((p) => p.id)).toEqual(['grand_bargain', 'segmented_reciprocity']);
    expect(page.draws).toBe(3);
    // Bit for bit: a policy's game of a draw does not depend on which other games the draw solves.
    expect(page.metrics).toEqual(cli.metrics);
    expect(page.policies).toEqual(cli.policies);
    expect(page.differences).toEqual(cli.differences);
  }, 120_000);

  test('a paired difference is the mean of the per-draw differences', () => {
    const { results } = comparePolicies(run, comparisonPlan(model, ['baseline', 'no_us_threat']));
    const perDraw = run.records.map(
      (r) => r.policies.no_us_threat!.outcomes.classes[0]! - r.policies.baseline!.outcomes.classes[0]!,
    );
    const id = results.metrics[0]!.id;
    expect(results.differences[0]!.figures[id]!.mean).toBeCloseTo(
      perDraw.reduce((a, b) => a + b, 0) / perDraw.length,
      15,
    );
  });
});
