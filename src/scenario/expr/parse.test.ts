import { describe, expect, test } from 'vitest';
import type { Expr } from './ast.js';
import { namesOf } from './ast.js';
import { ExprError } from './error.js';
import { parseExpr } from './parse.js';

/** The tree as a fully parenthesised string, to check precedence and associativity. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'name':
      return e.name;
    case 'unary':
      return `(${e.op === 'not' ? 'not ' : '-'}${show(e.arg)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'call':
      return `${e.fn}(${e.args.map(show).join(', ')})`;
  }
}

function errorOf(text: string): { message: string; col: number } {
  try {
    parseExpr(text);
  } catch (e) {
    if (e instanceof ExprError) return { message: e.message, col: e.col };
    throw e;
  }
  throw new Error(`expected '${text}' to fail`);
}

describe('parse', () => {
  test.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['2 ^ 3 ^ 2', '(2 ^ (3 ^ 2))'],
    ['-2 ^ 2', '(-(2 ^ 2))'],
    ['2 ^ -1', '(2 ^ (-1))'],
    ['a - -b', '(a - (-b))'],
    ['+a', 'a'],
    ['a < b + 1', '(a < (b + 1))'],
    ['not a == b', '(not (a == b))'],
    ['a or b and c', '(a or (b and c))'],
    ['not a and b', '((not a) and b)'],
    ['if(x > 0, log(x), 0)', 'if((x > 0), log(x), 0)'],
    ['max(a, b, c) - min(1)', '(max(a, b, c) - min(1))'],
    ['clamp(us.resolve * 2, 0, 1)', 'clamp((us.resolve * 2), 0, 1)'],
    ['true + false', '(1 + 0)'],
  ])('%s', (text, tree) => {
    expect(show(parseExpr(text))).toBe(tree);
  });

  test('errors carry the column of the offending token', () => {
    expect(errorOf('1 +')).toEqual({
      message: 'expected a number, a name or ( but found the end of the formula',
      col: 4,
    });
    expect(errorOf('(a + b')).toEqual({ message: "expected ')' but found the end of the formula", col: 7 });
    expect(errorOf('a b')).toEqual({
      message: "expected an operator or the end of the formula but found 'b'",
      col: 3,
    });
    expect(errorOf('sqr(2)')).toEqual({ message: "unknown function 'sqr' (did you mean 'sqrt'?)", col: 1 });
    expect(errorOf('frobnicate(2)').message).toBe("unknown function 'frobnicate'");
    expect(errorOf('toString(2)').message).toBe("unknown function 'toString'");
    expect(errorOf('1 + if(a, b)')).toEqual({
      message: 'if takes if(condition, then, else) but was given 2 arguments',
      col: 5,
    });
    expect(errorOf('abs()').message).toBe('abs takes abs(x) but was given 0 arguments');
    expect(errorOf('a < b < c')).toEqual({
      message: "comparisons cannot be chained: write 'a < b and b < c' instead of 'a < b < c'",
      col: 7,
    });
    expect(errorOf('max(1,)').col).toBe(7);
    expect(errorOf('').message).toBe('expected a number, a name or ( but found the end of the formula');
  });

  test('namesOf lists each name once with its first position', () => {
    expect([...namesOf(parseExpr('a + b.c * if(a, d, b.c)'))]).toEqual([
      ['a', 0],
      ['b.c', 4],
      ['d', 16],
    ]);
  });
});
