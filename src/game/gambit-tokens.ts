// Tokenizer for Gambit's .efg and .nfg text formats, with line and column for every token so
// that errors can point at the place in the file.

export type TokenKind = 'string' | 'word' | 'lbrace' | 'rbrace' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  column: number;
}

export class GameFormatError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'GameFormatError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Splits a Gambit file into tokens. Commas separate nothing in Gambit's grammar and are dropped. */
export function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const advance = (ch: string) => {
    i++;
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === ',') {
      advance(ch);
      continue;
    }
    const startLine = line;
    const startCol = col;
    if (ch === '{' || ch === '}') {
      tokens.push({ kind: ch === '{' ? 'lbrace' : 'rbrace', text: ch, line, column: col });
      advance(ch);
      continue;
    }
    if (ch === '"') {
      advance(ch);
      let value = '';
      let closed = false;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '\\' && i + 1 < text.length) {
          advance(c);
          value += text[i]!;
          advance(text[i]!);
          continue;
        }
        if (c === '"') {
          advance(c);
          closed = true;
          break;
        }
        value += c;
        advance(c);
      }
      if (!closed)
        throw new GameFormatError(file, startLine, startCol, 'a quoted string is never closed (missing ")');
      tokens.push({ kind: 'string', text: value, line: startLine, column: startCol });
      continue;
    }
    let word = '';
    while (i < text.length && !/[\s,{}"]/.test(text[i]!)) {
      word += text[i]!;
      advance(text[i]!);
    }
    tokens.push({ kind: 'word', text: word, line: startLine, column: startCol });
  }
  tokens.push({ kind: 'eof', text: '', line, column: col });
  return tokens;
}

/** A cursor over tokens with "expect" helpers that raise errors naming what was expected. */
export class TokenStream {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    readonly file: string,
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  fail(token: Token, expected: string): never {
    const found =
      token.kind === 'eof'
        ? 'the end of the file'
        : token.kind === 'string'
          ? `"${token.text}"`
          : `'${token.text}'`;
    throw new GameFormatError(this.file, token.line, token.column, `expected ${expected}, found ${found}`);
  }

  expect(kind: TokenKind, what: string): Token {
    const t = this.next();
    if (t.kind !== kind) this.fail(t, what);
    return t;
  }

  expectWord(what: string, pattern?: RegExp): Token {
    const t = this.next();
    if (t.kind !== 'word' || (pattern && !pattern.test(t.text))) this.fail(t, what);
    return t;
  }

  /** A non-negative integer. */
  expectInt(what: string): number {
    const t = this.expectWord(what, /^\d+$/);
    return Number.parseInt(t.text, 10);
  }

  /** Reads `{ "a" "b" ... }` and returns the strings. */
  stringList(what: string): string[] {
    this.expect('lbrace', `'{' to open ${what}`);
    const out: string[] = [];
    while (this.peek().kind === 'string') out.push(this.next().text);
    this.expect('rbrace', `a quoted name or '}' to close ${what}`);
    return out;
  }
}

/** Quotes a label for writing, escaping quotes and backslashes as Gambit reads them. */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
