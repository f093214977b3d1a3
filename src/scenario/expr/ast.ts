// The syntax tree of a formula, and the names it uses (for dependency and cycle checks).

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type UnaryOp = '-' | 'not';

export type Expr =
  | { readonly kind: 'num'; readonly value: number; readonly pos: number }
  | { readonly kind: 'name'; readonly name: string; readonly pos: number }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Expr; readonly pos: number }
  | {
      readonly kind: 'binary';
      readonly op: BinaryOp;
      readonly left: Expr;
      readonly right: Expr;
      readonly pos: number;
    }
  | { readonly kind: 'call'; readonly fn: string; readonly args: Expr[]; readonly pos: number };

/** Every name the formula reads, with the offset of its first use, in order of first use. */
export function namesOf(e: Expr): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (x: Expr): void => {
    switch (x.kind) {
      case 'num':
        return;
      case 'name':
        if (!out.has(x.name)) out.set(x.name, x.pos);
        return;
      case 'unary':
        walk(x.arg);
        return;
      case 'binary':
        walk(x.left);
        walk(x.right);
        return;
      case 'call':
        for (const a of x.args) walk(a);
    }
  };
  walk(e);
  return out;
}
