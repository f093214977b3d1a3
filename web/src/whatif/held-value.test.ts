import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/load.js';
import { checkHeldValue } from './held-value.js';

const model = parseScenario(
  `
id: held
title: Held values
actors: { a: { kind: state } }
parameters:
  p: { dist: beta, alpha: 2, beta: 6, source: { judgement: j } }
  v: { value: 70, source: { judgement: j } }
ladders: { a: { moves: { rungs: { wait: , go: } } } }
stages: [{ id: open, actor: a }]
payoffs: { a: { gains: p * v * open.go } }
`,
  'held.yaml',
);

describe('checking a held value', () => {
  it('accepts finite numbers and notes values outside the support', () => {
    expect(checkHeldValue(model, 'p', ' 0.4 ')).toEqual({ ok: true, value: 0.4 });
    expect(checkHeldValue(model, 'p', '1.5')).toEqual({
      ok: true,
      value: 1.5,
      note: 'outside what the distribution draws ([0, 1])',
    });
    // A point value has no support to leave.
    expect(checkHeldValue(model, 'v', '90')).toEqual({ ok: true, value: 90 });
  });

  it('refuses with the message of brink analyze --set', () => {
    expect(checkHeldValue(model, 'p', '')).toEqual({
      ok: false,
      message: 'expected a finite number, got NaN',
    });
    expect(checkHeldValue(model, 'p', 'abc')).toEqual({
      ok: false,
      message: 'expected a finite number, got NaN',
    });
    expect(checkHeldValue(model, 'p', '1e999')).toEqual({
      ok: false,
      message: 'expected a finite number, got Infinity',
    });
    expect(checkHeldValue(model, 'q', '1')).toEqual({
      ok: false,
      message: "'q' is not a parameter (did you mean 'p'?)",
    });
  });
});
