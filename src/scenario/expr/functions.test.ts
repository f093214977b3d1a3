import { describe, expect, test } from 'vitest';
import { compileFormula } from './compile.js';
import { ExprError } from './error.js';
import {
  BUILTIN_FUNCTIONS,
  FUNCTIONS,
  type FunctionDefinition,
  RESERVED_WORDS,
  registerFunctions,
  registeredFunctions,
} from './functions.js';
import { parseExpr } from './parse.js';

const slots: Record<string, number> = { x: 0, y: 1 };
const evaluate = (text: string, values: number[]): number =>
  compileFormula(text, (n) => (n in slots ? { slot: slots[n]! } : undefined))(Float64Array.from(values));

function errorOf(text: string): string {
  try {
    parseExpr(text);
  } catch (e) {
    if (e instanceof ExprError) return e.message;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

const hypot: FunctionDefinition = {
  minArgs: 2,
  maxArgs: 2,
  signature: 'test_hypot(a, b)',
  doc: 'The length of the hypotenuse.',
  apply: ([a, b]) => Math.hypot(a!, b!),
};
const mean: FunctionDefinition = {
  minArgs: 1,
  maxArgs: Number.POSITIVE_INFINITY,
  signature: 'test_mean(a, ...)',
  doc: 'The mean of its arguments.',
  apply: (a) => a.reduce((s, v) => s + v, 0) / a.length,
};

describe('registerFunctions', () => {
  test('makes functions callable in formulas, with their arity checked', () => {
    expect(() => parseExpr('test_hypot(3, 4)')).toThrow(/unknown function 'test_hypot'/);
    registerFunctions({ test_hypot: hypot, test_mean: mean });
    expect(evaluate('test_hypot(x, y)', [3, 4])).toBe(5);
    expect(evaluate('test_mean(x, y, 6) + 1', [1, 2])).toBe(4);
    expect(errorOf('test_hypot(1)')).toBe('test_hypot takes test_hypot(a, b) but was given 1 argument');
    expect(FUNCTIONS.test_hypot?.doc).toBe('The length of the hypotenuse.');
    expect([...registeredFunctions().keys()]).toEqual(expect.arrayContaining(['test_hypot', 'test_mean']));
    // Constant arguments fold at compile time, like the built-ins.
    expect(evaluate('test_hypot(6, 8)', [])).toBe(10);
  });

  test('registering the same definitions again is harmless', () => {
    registerFunctions({ test_hypot: hypot });
    registerFunctions({ test_hypot: hypot, test_mean: mean });
    expect(evaluate('test_hypot(x, y)', [5, 12])).toBe(13);
  });

  test('refuses built-ins, reserved words, other functions under a taken name, and bad arity', () => {
    registerFunctions({ test_hypot: hypot });
    const other = { ...hypot, apply: ([a, b]: number[]) => a! + b! };
    expect(() => registerFunctions({ test_hypot: other })).toThrow(
      "cannot register the formula function 'test_hypot': a different function 'test_hypot(a, b)' has this name",
    );
    expect(() => registerFunctions({ min: { ...hypot, signature: 'min(a, b)' } })).toThrow(
      "'min': it is a built-in function",
    );
    expect(() => registerFunctions({ if: hypot })).toThrow('built-in');
    expect(() => registerFunctions({ state: hypot })).toThrow('reserved word');
    expect(() => registerFunctions({ 'a.b': hypot })).toThrow('names are lower-case');
    expect(() => registerFunctions({ Upper: hypot })).toThrow('names are lower-case');
    expect(() => registerFunctions({ toString: hypot })).toThrow('names are lower-case');
    expect(() => registerFunctions({ test_bad: { ...hypot, minArgs: 3 } })).toThrow('maxArgs');
    expect(() => registerFunctions({ test_bad: { ...hypot, minArgs: -1 } })).toThrow('minArgs');
    // All or nothing: a refused entry registers none of the batch.
    expect(() => registerFunctions({ test_fresh: hypot, test_hypot: other })).toThrow();
    expect(FUNCTIONS.test_fresh).toBeUndefined();
    // The first definition stands.
    expect(evaluate('test_hypot(x, y)', [3, 4])).toBe(5);
  });

  test('registered names are not reserved, built-ins are', () => {
    registerFunctions({ test_hypot: hypot });
    expect(RESERVED_WORDS.has('test_hypot')).toBe(false);
    for (const b of BUILTIN_FUNCTIONS) expect(RESERVED_WORDS.has(b)).toBe(true);
  });

  test('an unknown function gets the closest known name, registered ones included', () => {
    registerFunctions({ test_hypot: hypot });
    expect(errorOf('test_hypo(1, 2)')).toBe("unknown function 'test_hypo' (did you mean 'test_hypot'?)");
    expect(errorOf('sqr(2)')).toBe("unknown function 'sqr' (did you mean 'sqrt'?)");
    expect(errorOf('constructor(2)')).toBe("unknown function 'constructor'");
    expect(errorOf('hasOwnProperty(2)')).toBe("unknown function 'hasOwnProperty'");
  });
});
