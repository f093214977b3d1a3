import { describe, expect, test } from 'vitest';
import { type Binding, compileFormula, constantValue } from './compile.js';
import { ExprError } from './error.js';

const slots: Record<string, number> = { x: 0, y: 1, 'us.resolve': 2, 'state.oil': 3 };

function evaluate(text: string, values: number[] = [2, -3, 0.5, 0.25]): number {
  const f = compileFormula(text, (n) => (n in slots ? { slot: slots[n]! } : undefined));
  return f(Float64Array.from(values));
}

describe('evaluate', () => {
  test.each([
    ['1 + 2 * 3', 7],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['x * y', -6],
    ['x / 0', Number.POSITIVE_INFINITY],
    ['us.resolve + state.oil', 0.75],
    ['x > y', 1],
    ['x <= y', 0],
    ['x == 2 and y != 2', 1],
    ['x < 1 or y > 0', 0],
    ['not x', 0],
    ['not 0', 1],
    ['if(x > 1, 10, 20)', 10],
    ['if(0, 10, 20)', 20],
    ['min(x, y, 7)', -3],
    ['max(x, y)', 2],
    ['abs(y)', 3],
    ['exp(0) + log(exp(2))', 3],
    ['sqrt(16)', 4],
    ['clamp(y, -1, 1)', -1],
    ['clamp(us.resolve, 0, 1)', 0.5],
    ['true and false', 0],
  ])('%s = %s', (text, value) => {
    expect(evaluate(text)).toBe(value);
  });

  test('if evaluates only the branch it takes', () => {
    // log(-3) is NaN; the untaken branch must not poison the result.
    expect(evaluate('if(y > 0, log(y), 1)')).toBe(1);
  });

  test('NaN is false in conditions', () => {
    expect(evaluate('if(sqrt(y), 1, 2)')).toBe(2);
    expect(evaluate('sqrt(y) or 0')).toBe(0);
  });

  test('constant sub-expressions are folded', () => {
    expect(constantValue(compileFormula('2 * (3 + 4)', () => undefined))).toBe(14);
    expect(constantValue(compileFormula(2.5, () => undefined))).toBe(2.5);
    expect(constantValue(compileFormula(true, () => undefined))).toBe(1);
    expect(
      constantValue(compileFormula('x + 1', (n) => (n === 'x' ? { slot: 0 } : undefined))),
    ).toBeUndefined();
  });

  test('names bound to constants and to other formulas', () => {
    const inner = compileFormula('x * 10', (n) => (n === 'x' ? { slot: 0 } : undefined));
    const bindings: Record<string, Binding> = { k: { value: 3 }, f: { formula: inner } };
    const outer = compileFormula('f + k', (n) => bindings[n]);
    expect(outer(Float64Array.from([4]))).toBe(43);
  });

  test('unknown names are reported with their column and a custom message', () => {
    try {
      compileFormula(
        'x + nope',
        (n) => (n === 'x' ? { slot: 0 } : undefined),
        (n) => `no '${n}' here`,
      );
      throw new Error('should fail');
    } catch (e) {
      expect(e).toBeInstanceOf(ExprError);
      expect((e as ExprError).message).toBe("no 'nope' here");
      expect((e as ExprError).col).toBe(5);
    }
  });
});
