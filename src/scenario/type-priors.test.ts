import { describe, expect, test } from 'vitest';
import { compileGame } from './compile.js';
import { drawParameters } from './draw.js';
import { parseScenario } from './load.js';
import { withTypePriors } from './type-priors.js';

const YAML = `
id: t
title: T
actors: { us: { kind: state } }
parameters: { p: { value: 0.3, source: { judgement: "j" } } }
ladders: { us: { l: { rungs: { hold: {}, strike: {} } } } }
types:
  intent: { actor: us, prior: { time: p, risk: otherwise } }
stages: [{ id: open, actor: us }]
payoffs: { us: { gains: "open.strike * intent.time" } }
`;

function intentProbs(model: ReturnType<typeof parseScenario>): number[] {
  const cg = compileGame(model, drawParameters(model, 1, 0));
  const info = cg.game.infosets.find((i) => i.label === 'intent')!;
  return (info.probs ?? []).map((p) => p.value);
}

describe('withTypePriors', () => {
  const model = parseScenario(YAML, 't.yaml');

  test('the compiled game draws the type with the given prior', () => {
    expect(intentProbs(model)).toEqual([0.3, 0.7]);
    const m = withTypePriors(model, { intent: { time: 0.6, risk: 0.4 } });
    expect(intentProbs(m)).toEqual([0.6, 0.4]);
    expect(m.spec.types.intent!.prior).toEqual({ time: 0.6, risk: 0.4 });
    // The original model is untouched.
    expect(intentProbs(model)).toEqual([0.3, 0.7]);
  });

  test('no overrides: the same model', () => {
    expect(withTypePriors(model, {})).toBe(model);
  });

  test('unknown types and values, and priors not adding up to 1, are errors', () => {
    expect(() => withTypePriors(model, { intnet: { time: 1 } })).toThrow(
      "'intnet' is not a private type (did you mean 'intent'?)",
    );
    expect(() => withTypePriors(model, { intent: { tim: 0.5, risk: 0.5 } })).toThrow(
      "'tim' is not a value of type 'intent' (did you mean 'time'?)",
    );
    expect(() => withTypePriors(model, { intent: { time: 0.5, risk: 0.6 } })).toThrow(
      'expected prior probabilities in [0, 1] that add up to 1, got 1.1',
    );
  });
});
