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

function constantOf(e: Evaluator): number | undefined {
  return (e as Evaluator & { constant?: number }).constant;
}

function constant(value: number): Evaluator {
  const f = ((): number => value) as Evaluator & { constant?: number };
  f.constant = value;
  return f;
}

function binary(op: string, a: Evaluator, b: Evaluator): Evaluator {
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

function call(fn: string, args: Evaluator[]): Evaluator {
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
        const slot = b.slot;
        return (env) => env[slot]!;
      }
      case 'unary': {
        const a = go(x.arg);
        const f: Evaluator = x.op === '-' ? (env) => -a(env) : (env) => (truth(a(env)) ? 0 : 1);
        return fold(f, [a]);
      }
      case 'binary': {
        const a = go(x.left);
        const b = go(x.right);
        return fold(binary(x.op, a, b), [a, b]);
      }
      case 'call': {
        const args = x.args.map(go);
        return fold(call(x.fn, args), args);
      }
    }
  };
  return go(e);
}

function fold(f: Evaluator, inputs: Evaluator[]): Evaluator {
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
