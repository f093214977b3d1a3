// The model function of the sensitivity analysis: by hand on a one-decision game, and equal to
// what `brink analyze` reports for the baseline game of a draw of the US–Iran scenario.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { drawParameters, meanParameters } from '../../scenario/draw.js';
import { loadScenario } from '../../scenario/load-file.js';
import { OUTCOME_CLASSES } from '../outcomes.js';
import { POLICY_RUNS, analysisFeatures, runDraw } from '../run-draws.js';
import {
  HEADLINE_OUTPUTS,
  NOT_PLAYED,
  hasHeadlineOutputs,
  headline,
  makeHeadlineEvaluator,
  modalChoice,
  modalOf,
  stepMarginals,
} from './headline.js';

const ROOT = join(import.meta.dirname, '../../..');
const TINY = join(ROOT, 'test/fixtures/sensitivity-tiny.yaml');
const CHICKEN = join(ROOT, 'scenarios/examples/chicken.yaml');
const US_IRAN = join(ROOT, 'scenarios/us-iran-2026.yaml');

/** P(talk) at the logit QRE of the tiny game: talk is worth a, fight 0.5. */
const pTalk = (a: number, lambda: number) => 1 / (1 + Math.exp(-lambda * (a - 0.5)));

describe('headline outputs of a one-decision game', () => {
  const model = loadScenario(TINY);
  const params = (a: number, p: number) => Float64Array.from([a, p, 2]);

  test('P(war), P(Hormuz disruption), P(deal) are the logit probabilities by hand', () => {
    expect(hasHeadlineOutputs(model)).toBe(true);
    const ev = makeHeadlineEvaluator(model, 4);
    expect(ev.outputs).toEqual(HEADLINE_OUTPUTS);
    const talk = pTalk(0.8, 4);
    const [war, hormuz, deal] = ev.evaluate(params(0.8, 0.3));
    expect(deal).toBeCloseTo(talk, 14);
    expect(war).toBeCloseTo((1 - talk) * 0.3, 14);
    expect(hormuz).toBeCloseTo((1 - talk) * 0.7, 14);
    // The scenario's λ is the default.
    expect(headline(model, params(0.8, 0.3))).toEqual([war, hormuz, deal]);
    expect(headline(model, params(0.8, 0.3), 1)[2]).toBeCloseTo(pTalk(0.8, 1), 14);
  });

  test('marginals and the modal option of a stage; a stage off the path is not played', () => {
    const ev = makeHeadlineEvaluator(model, 4);
    const m = stepMarginals(ev.frame(params(0.2, 0.3)), 'war');
    const fight = 1 - pTalk(0.2, 4);
    expect(m.options).toEqual(['erupt', 'calm']);
    expect(m.prob[0]).toBeCloseTo(fight * 0.3, 14);
    expect(m.prob[1]).toBeCloseTo(fight * 0.7, 14);
    expect(m.notPlayed).toBeCloseTo(1 - fight, 14);
    expect(modalChoice(model, params(0.2, 0.3), 'move')).toBe('fight');
    expect(modalChoice(model, params(0.7, 0.3), 'move')).toBe('talk');
    expect(modalChoice(model, params(0.2, 0.6), 'war')).toBe('erupt');
    expect(ev.modalIndex(params(0.2, 0.3), 'war')).toBe(1);
    expect(modalOf({ options: ['x', 'y'], prob: [0, 0], notPlayed: 1 })).toBe(NOT_PLAYED);
    // Ties go to the first option.
    expect(modalOf({ options: ['x', 'y'], prob: [0.5, 0.5], notPlayed: 0 })).toBe('x');
    expect(() => modalChoice(model, params(0.2, 0.3), 'mvoe')).toThrow(
      "no stage or type 'mvoe' (did you mean 'move'?)",
    );
  });

  test('a scenario without outcome classes still has modal choices, but no headline outputs', () => {
    const chicken = loadScenario(CHICKEN);
    expect(hasHeadlineOutputs(chicken)).toBe(false);
    const ev = makeHeadlineEvaluator(chicken, 0.3);
    expect(ev.outputs).toEqual([]);
    expect(() => ev.evaluate(meanParameters(chicken))).toThrow('no headline outputs');
    // The symmetric QRE below the pitchfork: swerve and straight are not equally likely, but one is modal.
    expect(['swerve', 'straight']).toContain(modalChoice(chicken, meanParameters(chicken), 'alpha_move'));
  });
});

describe('headline outputs of the US–Iran scenario', () => {
  test('equal, bit for bit, to the baseline outcome classes of an analyze draw', { timeout: 120_000 }, () => {
    const model = loadScenario(US_IRAN);
    const lambda = model.spec.defaults.lambda;
    const baseline = POLICY_RUNS.filter((r) => r.id === 'baseline');
    const record = runDraw(model, 3, { seed: 11, lambda }, analysisFeatures(model), undefined, baseline);
    const classes = record.policies.baseline!.outcomes.classes;
    const want = HEADLINE_OUTPUTS.map((o) => classes[OUTCOME_CLASSES.findIndex((c) => c.id === o.id)]!);
    expect(headline(model, drawParameters(model, 11, 3), lambda)).toEqual(want);
    expect(want[0]! + want[1]! + want[2]!).toBeLessThan(1);
  });
});
