// Compiles a formula's syntax tree once into nested closures over a Float64Array of slots, so that
// evaluating it at each of 10^5 leaves and thousands of draws costs a few function calls, with no
// name look-ups and no eval. Truth values are 1 and 0; any non-zero number counts as true.
import type { Expr } from './ast.js';
import { ExprError } from './error.js';
import { FUNCTIONS } from './functions.js';
import { parseExpr } from './parse.js';

export type Evaluator = (env: Float64Array) => number;

/** What a name stands for: a slot of the environment, a constant, or another compiled formula. */
export type Binding = { slot: number } | { value: number } | { formula: Evaluator };

/** Returns the binding of a name, or undefined when the name is unknown (then the compiler reports it). */
export type Resolver = (name: string) => Binding | undefined;

/** Message for an unknown name; the caller may add a suggestion. */
export type UnknownNameMessage = (name: string) => string;

const truth = (x: number): boolean => x !== 0 && !Number.isNaN(x);

/**
 * What a compiled evaluator computes, for code that rewrites formulas (specialise.ts): the
 * operation and its inputs (themselves evaluators). Constants are read with constantValue;
 * evaluators built elsewhere (e.g. payoff-term sums) have no shape and stay opaque.
 */
export type Shape =
  | { readonly kind: 'slot'; readonly slot: number }
  | { readonly kind: 'unary'; readonly op: '-' | 'not'; readonly arg: Evaluator }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Evaluator; readonly right: Evaluator }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Evaluator[] };

const shapes = new WeakMap<Evaluator, Shape>();

/** The shape of an evaluator compiled here, or undefined (constants and foreign evaluators). */
export function shapeOf(e: Evaluator): Shape | undefined {
  return shapes.get(e);
}

function withShape(e: Evaluator, shape: Shape): Evaluator {
  if (constantOf(e) === undefined) shapes.set(e, shape);
  return e;
}

function constantOf(e: Evaluator): number | undefined {
  return (e as Evaluator & { constant?: number }).constant;
}

/** An evaluator returning a constant (constantValue reads it back). */
export function constant(value: number): Evaluator {
  const f = ((): number => value) as Evaluator & { constant?: number };
  f.constant = value;
  return f;
}

/** The evaluator of a binary operator (also used by specialise.ts, so both compute alike). */
export function binary(op: string, a: Evaluator, b: Evaluator): Evaluator {
  switch (op) {
    case '+':
      return (env) => a(env) + b(env);
    case '-':
      return (env) => a(env) - b(env);
    case '*':
      return (env) => a(env) * b(env);
    case '/':
      return (env) => a(env) / b(env);
    case '^':
      return (env) => a(env) ** b(env);
    case '<':
      return (env) => (a(env) < b(env) ? 1 : 0);
    case '<=':
      return (env) => (a(env) <= b(env) ? 1 : 0);
    case '>':
      return (env) => (a(env) > b(env) ? 1 : 0);
    case '>=':
      return (env) => (a(env) >= b(env) ? 1 : 0);
    case '==':
      return (env) => (a(env) === b(env) ? 1 : 0);
    case '!=':
      return (env) => (a(env) !== b(env) ? 1 : 0);
    case 'and':
      return (env) => (truth(a(env)) && truth(b(env)) ? 1 : 0);
    case 'or':
      return (env) => (truth(a(env)) || truth(b(env)) ? 1 : 0);
    default:
      throw new Error(`unknown operator ${op}`);
  }
}

/** The evaluator of a function call; `if` evaluates only the branch it takes. */
export function call(fn: string, args: Evaluator[]): Evaluator {
  if (fn === 'if') {
    const [c, t, f] = args as [Evaluator, Evaluator, Evaluator];
    return (env) => (truth(c(env)) ? t(env) : f(env));
  }
  const apply = FUNCTIONS[fn]!.apply!;
  if (args.length === 1) {
    const [a] = args as [Evaluator];
    return (env) => apply([a(env)]);
  }
  return (env) => apply(args.map((a) => a(env)));
}

/** The evaluator of a unary operator. */
export function unary(op: '-' | 'not', a: Evaluator): Evaluator {
  return op === '-' ? (env) => -a(env) : (env) => (truth(a(env)) ? 0 : 1);
}

/** An evaluator reading one slot of the environment. */
export function slotReader(slot: number): Evaluator {
  return withShape((env) => env[slot]!, { kind: 'slot', slot });
}

/** Compiles a parsed formula. Sub-expressions whose inputs are all constants are folded. */
export function compileAst(e: Expr, resolve: Resolver, unknown?: UnknownNameMessage): Evaluator {
  const go = (x: Expr): Evaluator => {
    switch (x.kind) {
      case 'num':
        return constant(x.value);
      case 'name': {
        const b = resolve(x.name);
        if (!b) throw new ExprError(unknown ? unknown(x.name) : `unknown name '${x.name}'`, x.pos + 1);
        if ('value' in b) return constant(b.value);
        if ('formula' in b) return b.formula;
        return slotReader(b.slot);
      }
      case 'unary': {
        const a = go(x.arg);
        return withShape(fold(unary(x.op, a), [a]), { kind: 'unary', op: x.op, arg: a });
      }
      case 'binary': {
        const a = go(x.left);
        const b = go(x.right);
        return withShape(fold(binary(x.op, a, b), [a, b]), { kind: 'binary', op: x.op, left: a, right: b });
      }
      case 'call': {
        const args = x.args.map(go);
        return withShape(fold(call(x.fn, args), args), { kind: 'call', fn: x.fn, args });
      }
    }
  };
  return go(e);
}

/** f itself, or a constant when all its inputs are constants (f evaluated once). */
export function fold(f: Evaluator, inputs: readonly Evaluator[]): Evaluator {
  if (inputs.every((i) => constantOf(i) !== undefined)) return constant(f(new Float64Array(0)));
  return f;
}

/** Parses and compiles a formula given as text, or wraps a number. */
export function compileFormula(
  source: string | number | boolean,
  resolve: Resolver,
  unknown?: UnknownNameMessage,
): Evaluator {
  if (typeof source === 'number') return constant(source);
  if (typeof source === 'boolean') return constant(source ? 1 : 0);
  return compileAst(parseExpr(source), resolve, unknown);
}

/** The constant value of a compiled formula, when it has one (e.g. `2 * 3`). */
export function constantValue(e: Evaluator): number | undefined {
  return constantOf(e);
}
