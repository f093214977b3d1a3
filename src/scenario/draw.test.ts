import { describe, expect, test } from 'vitest';
import { drawParameters, meanParameters, parameterRecord } from './draw.js';
import { parseScenario } from './load.js';

const scenario = (extra = '') => `
id: d
title: D
actors:
  us: { kind: state, params: { resolve: { dist: uniform, low: 0, high: 1, source: "fact:x" } } }
parameters:
${extra}  cost: { dist: normal, mean: 5, sd: 1, source: { judgement: "j" } }
  p: { dist: beta, alpha: 2, beta: 2, source: { judgement: "j" } }
  k: { value: 3, source: { judgement: "j" } }
ladders:
  us: { l: { rungs: { a: {} } } }
stages:
  - { id: s, actor: us }
payoffs:
  us: { gains: "cost + p + k + us.resolve" }
`;

describe('drawParameters', () => {
  const m = parseScenario(scenario(), 'd.yaml');

  test('is deterministic per (seed, draw) and varies across draws', () => {
    expect(drawParameters(m, 11, 0)).toEqual(drawParameters(m, 11, 0));
    expect(drawParameters(m, 11, 1)).not.toEqual(drawParameters(m, 11, 0));
    expect(drawParameters(m, 12, 0)).not.toEqual(drawParameters(m, 11, 0));
    // Point values are not random.
    expect(drawParameters(m, 11, 7)[2]).toBe(3);
  });

  test('adding a parameter does not change the draws of the others', () => {
    const more = parseScenario(
      scenario('  extra: { dist: uniform, low: 0, high: 9, source: "fact:y" }\n'),
      'd.yaml',
    );
    const a = parameterRecord(m, drawParameters(m, 5, 3));
    const b = parameterRecord(more, drawParameters(more, 5, 3));
    expect(Object.keys(b)).toEqual(['extra', 'cost', 'p', 'k', 'us.resolve']);
    for (const k of Object.keys(a)) expect(b[k]).toBe(a[k]);
  });

  test('means', () => {
    expect(parameterRecord(m, meanParameters(m))).toEqual({ cost: 5, p: 0.5, k: 3, 'us.resolve': 0.5 });
  });
});
