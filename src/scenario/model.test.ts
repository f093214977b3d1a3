import { describe, expect, test } from 'vitest';
import { parseScenario } from './load.js';
import { compileExpression } from './model.js';

const YAML = `
id: m
title: M
actors:
  us: { kind: state }
  iran: { kind: state }
  oman: { kind: mediator }
ladders:
  us: { l: { rungs: { a: {}, b: {} } } }
  iran: { l: { rungs: { x: {}, y: {} } } }
  oman: { l: { rungs: { relay: {}, silence: {} } } }
types:
  us_type: { actor: us, prior: { r: 0.5, c: otherwise } }
  ir_type: { actor: iran, observed_by: [oman], prior: { w: 0.5, k: otherwise } }
stages:
  - { id: us1, actor: us }
  - { id: secret, chance: { leak: { prob: 0.5 }, none: { prob: otherwise } }, observed_by: [iran] }
  - { id: ir1, actor: iran }
  - { id: om1, actor: oman, observes: [us1] }
  - { id: us2, actor: us, observes: [] }
payoffs: { us: {}, iran: {}, oman: {} }
`;

describe('buildModel', () => {
  const m = parseScenario(YAML, 'm.yaml');

  test('who sees what: own types, observed_by, observes lists, perfect recall', () => {
    // Columns: us_type, ir_type, us1, secret, ir1, om1, us2.
    const row = (k: number) => m.visible[k]!.map((v) => (v ? 1 : 0)).join('');
    expect(row(0)).toBe('1000000'); // us1: its own type only
    expect(row(2)).toBe('0111000'); // ir1: own type, the US move, the secret shown to it
    expect(row(3)).toBe('0110000'); // om1: ir_type (observed_by) and only us1 (observes list)
    expect(row(4)).toBe('1010000'); // us2: observes nothing new, remembers its type and us1
  });

  test('stage and choice data', () => {
    expect(m.stages.map((s) => `${s.id}:${s.kind}:${s.actor}`)).toEqual([
      'us1:decision:0',
      'secret:chance:-1',
      'ir1:decision:1',
      'om1:decision:2',
      'us2:decision:0',
    ]);
    expect(m.types.map((t) => `${t.id}:${t.actor}:${t.values.join('/')}`)).toEqual([
      'us_type:0:r/c',
      'ir_type:1:w/k',
    ]);
  });

  test('compileExpression evaluates further formulas against the model, with suggestions', () => {
    const f = compileExpression(m, 'us1.b + 2 * us_type.r');
    const env = new Float64Array(m.envSize);
    const slot = (n: string) => (m.resolve(n) as { slot: number }).slot;
    expect(f(env)).toBe(0);
    env[slot('us1.b')] = 1;
    env[slot('us_type.r')] = 1;
    expect(f(env)).toBe(3);
    expect(() => compileExpression(m, 'us1.bb')).toThrow("unknown name 'us1.bb' (did you mean 'us1.b'?)");
  });
});
