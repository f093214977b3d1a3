// Tokenizer of Brink's formula language. Names may contain dots (`us.resolve`,
// `state.oil_disruption`); `and`, `or`, `not`, `true`, `false` are words, not names.
import { ExprError } from './error.js';

export type TokenKind = 'num' | 'name' | 'op' | 'lparen' | 'rparen' | 'comma' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The operator or name text; for numbers the literal text. */
  readonly text: string;
  /** 0-based offset in the formula. */
  readonly pos: number;
}

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const WORD_OPS = new Set(['and', 'or', 'not']);
// Longest first, so that `<=` wins over `<`.
const SYMBOL_OPS = ['<=', '>=', '==', '!=', '+', '-', '*', '/', '^', '<', '>'];

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      if (/^[A-Za-z_]/.test(rest.slice(num[0].length))) {
        throw new ExprError(`malformed number '${num[0]}${rest[num[0].length]}'`, i + 1);
      }
      out.push({ kind: 'num', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      if (rest[name[0].length] === '.')
        throw new ExprError(`a name cannot end with '.': '${name[0]}.'`, i + 1);
      out.push({ kind: WORD_OPS.has(name[0]) ? 'op' : 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, pos: i });
      i++;
      continue;
    }
    const op = SYMBOL_OPS.find((o) => rest.startsWith(o));
    if (op) {
      out.push({ kind: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    const hint =
      ch === '='
        ? " (use '==' to compare)"
        : ch === '&' || ch === '|' || ch === '!'
          ? " (use 'and', 'or', 'not')"
          : '';
    throw new ExprError(`unexpected character '${ch}'${hint}`, i + 1);
  }
  out.push({ kind: 'end', text: '', pos: text.length });
  return out;
}
