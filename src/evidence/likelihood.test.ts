import { describe, expect, test } from 'vitest';
import type { IndicatorModel } from '../scenario/model.js';
import { likelihoodVector, priorPredictive } from './likelihood.js';

// Two hypotheses, prior (0.25, 0.75); P(seen | h) = 0.8 and 0.4.
const IND: IndicatorModel = {
  id: 'carrier',
  label: 'carrier',
  set: 's',
  states: ['seen', 'not_seen'],
  likelihood: [
    [0.8, 0.2],
    [0.4, 0.6],
  ],
  line: 0,
  source: { judgement: 'test' },
  path: [],
};
const PRIOR = [0.25, 0.75];

describe('likelihoodVector', () => {
  test('hard evidence reads the column of the state seen', () => {
    expect(likelihoodVector(IND, { kind: 'hard', state: 'not_seen' }, PRIOR)).toEqual([0.2, 0.6]);
  });
  test('virtual evidence mixes the columns by the weights', () => {
    // 3:1 for seen: λ = (3·0.8 + 0.2, 3·0.4 + 0.6) = (2.6, 1.8).
    const l = likelihoodVector(IND, { kind: 'likelihood', weights: { seen: 3, not_seen: 1 } }, PRIOR);
    expect(l[0]).toBeCloseTo(2.6, 12);
    expect(l[1]).toBeCloseTo(1.8, 12);
  });
  test("Jeffrey's rule: applied to the prior, P(h) = Σ_k q_k P(h | k)", () => {
    // p(seen) = 0.25·0.8 + 0.75·0.4 = 0.5. P(h1 | seen) = 0.2/0.5 = 0.4, P(h1 | not) = 0.05/0.5 = 0.1.
    const p = priorPredictive(IND, PRIOR);
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p[1]).toBeCloseTo(0.5, 12);
    const l = likelihoodVector(IND, { kind: 'probability', probs: { seen: 0.9, not_seen: 0.1 } }, PRIOR);
    const post = PRIOR.map((p, h) => p * l[h]!);
    const z = post[0]! + post[1]!;
    expect(post[0]! / z).toBeCloseTo(0.9 * 0.4 + 0.1 * 0.1, 12); // 0.37
  });
  test('unknown states and bad probabilities are clear errors', () => {
    expect(() => likelihoodVector(IND, { kind: 'hard', state: 'sen' }, PRIOR)).toThrow(
      "indicator 'carrier' has no state 'sen' (expected one of seen, not_seen)",
    );
    expect(() => likelihoodVector(IND, { kind: 'probability', probs: { seen: 0.5 } }, PRIOR)).toThrow(
      'expected state probabilities that add up to 1, got 0.5',
    );
  });
});
