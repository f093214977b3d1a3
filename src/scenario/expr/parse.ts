// Pratt parser for formulas (Pratt 1973, "Top down operator precedence").
// Precedence, loosest first: or < and < not < comparisons (non-associative) < + - < * / < unary - < ^
// (right-associative, so 2^3^2 = 2^9 and -2^2 = -4, as in mathematics).
import type { BinaryOp, Expr } from './ast.js';
import { ExprError } from './error.js';
import { FUNCTIONS, unknownFunctionMessage } from './functions.js';
import { type Token, tokenize } from './tokenize.js';

const INFIX: Record<string, { lbp: number; rbp: number }> = {
  or: { lbp: 10, rbp: 11 },
  and: { lbp: 20, rbp: 21 },
  '<': { lbp: 40, rbp: 41 },
  '<=': { lbp: 40, rbp: 41 },
  '>': { lbp: 40, rbp: 41 },
  '>=': { lbp: 40, rbp: 41 },
  '==': { lbp: 40, rbp: 41 },
  '!=': { lbp: 40, rbp: 41 },
  '+': { lbp: 50, rbp: 51 },
  '-': { lbp: 50, rbp: 51 },
  '*': { lbp: 60, rbp: 61 },
  '/': { lbp: 60, rbp: 61 },
  '^': { lbp: 80, rbp: 79 },
};
const NOT_RBP = 30;
const NEG_RBP = 70;
const COMPARISON_LBP = 40;

/** Parses a formula; throws ExprError with the 1-based column of the problem. */
export function parseExpr(text: string): Expr {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): Token => tokens[i]!;
  const next = (): Token => tokens[i++]!;
  const describe = (t: Token): string => (t.kind === 'end' ? 'the end of the formula' : `'${t.text}'`);
  const fail = (t: Token, what: string): never => {
    throw new ExprError(`expected ${what} but found ${describe(t)}`, t.pos + 1);
  };

  const parseCall = (nameTok: Token): Expr => {
    const spec = FUNCTIONS[nameTok.text];
    if (!spec) throw new ExprError(unknownFunctionMessage(nameTok.text), nameTok.pos + 1);
    next(); // (
    const args: Expr[] = [];
    if (peek().kind !== 'rparen') {
      for (;;) {
        args.push(parse(0));
        if (peek().kind === 'comma') next();
        else break;
      }
    }
    if (peek().kind !== 'rparen') fail(peek(), `',' or ')' in the call of ${nameTok.text}`);
    next();
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      throw new ExprError(
        `${nameTok.text} takes ${spec.signature} but was given ${args.length} argument${args.length === 1 ? '' : 's'}`,
        nameTok.pos + 1,
      );
    }
    return { kind: 'call', fn: nameTok.text, args, pos: nameTok.pos };
  };

  const prefix = (): Expr => {
    const t = next();
    switch (t.kind) {
      case 'num':
        return { kind: 'num', value: Number(t.text), pos: t.pos };
      case 'name':
        if (t.text === 'true' || t.text === 'false')
          return { kind: 'num', value: t.text === 'true' ? 1 : 0, pos: t.pos };
        if (peek().kind === 'lparen') return parseCall(t);
        return { kind: 'name', name: t.text, pos: t.pos };
      case 'lparen': {
        const inner = parse(0);
        if (peek().kind !== 'rparen') fail(peek(), "')'");
        next();
        return inner;
      }
      case 'op':
        if (t.text === '-') return { kind: 'unary', op: '-', arg: parse(NEG_RBP), pos: t.pos };
        if (t.text === '+') return parse(NEG_RBP);
        if (t.text === 'not') return { kind: 'unary', op: 'not', arg: parse(NOT_RBP), pos: t.pos };
        return fail(t, 'a number, a name or (');
      default:
        return fail(t, 'a number, a name or (');
    }
  };

  const parse = (minBp: number): Expr => {
    let left = prefix();
    for (;;) {
      const t = peek();
      if (t.kind !== 'op') break;
      const bp = INFIX[t.text];
      if (!bp || bp.lbp < minBp) break;
      next();
      const right = parse(bp.rbp);
      if (bp.lbp === COMPARISON_LBP) {
        const after = peek();
        if (after.kind === 'op' && INFIX[after.text]?.lbp === COMPARISON_LBP) {
          throw new ExprError(
            `comparisons cannot be chained: write 'a < b and b < c' instead of 'a < b < c'`,
            after.pos + 1,
          );
        }
      }
      left = { kind: 'binary', op: t.text as BinaryOp, left, right, pos: t.pos };
    }
    return left;
  };

  const result = parse(0);
  const last = peek();
  if (last.kind !== 'end') fail(last, 'an operator or the end of the formula');
  return result;
}
