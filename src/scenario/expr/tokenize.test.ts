import { describe, expect, test } from 'vitest';
import { ExprError } from './error.js';
import { tokenize } from './tokenize.js';

function errorOf(text: string): { message: string; col: number } {
  try {
    tokenize(text);
  } catch (e) {
    if (e instanceof ExprError) return { message: e.message, col: e.col };
    throw e;
  }
  throw new Error(`expected '${text}' to fail`);
}

describe('tokenize', () => {
  test('dotted names, numbers in all forms, two-character operators', () => {
    const t = tokenize('state.oil_disruption>=1.5e-3 and .5!=us.resolve');
    expect(t.map((x) => `${x.kind}:${x.text}`)).toEqual([
      'name:state.oil_disruption',
      'op:>=',
      'num:1.5e-3',
      'op:and',
      'num:.5',
      'op:!=',
      'name:us.resolve',
      'end:',
    ]);
    expect(t.map((x) => x.pos)).toEqual([0, 20, 22, 29, 33, 35, 37, 47]);
  });

  test('bad characters point at their column, with hints', () => {
    expect(() => tokenize('a = b')).toThrow("unexpected character '=' (use '==' to compare)");
    expect(errorOf('a && b')).toEqual({
      message: "unexpected character '&' (use 'and', 'or', 'not')",
      col: 3,
    });
    expect(errorOf('2x + 1')).toEqual({ message: "malformed number '2x'", col: 1 });
    expect(errorOf('1 + us. + 1')).toEqual({ message: "a name cannot end with '.': 'us.'", col: 5 });
    expect(errorOf('x # comment')).toEqual({ message: "unexpected character '#'", col: 3 });
  });
});
