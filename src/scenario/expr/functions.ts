// The functions of the formula language: the built-ins below, and functions registered by model
// modules through registerFunctions (the scenario layer cannot import them; e.g. src/bargain registers
// fearon_low, tioli_offer_uniform, ...). `if` is special: it evaluates only the branch it takes (so
// `if(x > 0, log(x), 0)` never computes log of a non-positive number).
//
// A registered function must be pure and total: numbers in, a number out, the same result for the
// same arguments (the compiler folds calls with constant arguments, and the per-path specialiser of
// specialise.ts evaluates a call once per distinct input and reuses the value). It must not throw:
// for invalid arguments it returns NaN, which the scenario compiler reports at the formula that
// produced it (a payoff must be finite) — in a condition NaN counts as false, like log(-1).
import { didYouMean } from '../suggest.js';

export interface FunctionSpec {
  readonly minArgs: number;
  /** Infinity for variadic functions. */
  readonly maxArgs: number;
  readonly signature: string;
  /** Absent for `if`, which the compiler handles lazily. */
  readonly apply?: (args: number[]) => number;
  /** One line on what the function computes (registered functions). */
  readonly doc?: string;
}

/** A function contributed to the formula language by a model module. */
export interface FunctionDefinition {
  readonly minArgs: number;
  /** Infinity for variadic functions. */
  readonly maxArgs: number;
  /** How it is called, e.g. 'fearon_low(p, cost_a, cost_b)'. */
  readonly signature: string;
  /** One line on what it computes (and its reference). */
  readonly doc: string;
  /** Pure and total: NaN for invalid arguments, never throws. */
  readonly apply: (args: number[]) => number;
}

const BUILTINS: Readonly<Record<string, FunctionSpec>> = {
  if: { minArgs: 3, maxArgs: 3, signature: 'if(condition, then, else)' },
  min: {
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    signature: 'min(a, b, ...)',
    apply: (a) => Math.min(...a),
  },
  max: {
    minArgs: 1,
    maxArgs: Number.POSITIVE_INFINITY,
    signature: 'max(a, b, ...)',
    apply: (a) => Math.max(...a),
  },
  abs: { minArgs: 1, maxArgs: 1, signature: 'abs(x)', apply: (a) => Math.abs(a[0]!) },
  exp: { minArgs: 1, maxArgs: 1, signature: 'exp(x)', apply: (a) => Math.exp(a[0]!) },
  log: { minArgs: 1, maxArgs: 1, signature: 'log(x) (natural logarithm)', apply: (a) => Math.log(a[0]!) },
  sqrt: { minArgs: 1, maxArgs: 1, signature: 'sqrt(x)', apply: (a) => Math.sqrt(a[0]!) },
  clamp: {
    minArgs: 3,
    maxArgs: 3,
    signature: 'clamp(x, low, high)',
    apply: (a) => Math.min(Math.max(a[0]!, a[1]!), a[2]!),
  },
};

// No prototype, so that `toString(1)` or `constructor(1)` is an unknown function, not Object's.
const table: Record<string, FunctionSpec> = Object.assign(Object.create(null), BUILTINS);

/**
 * Every function a formula may call, by name: the built-ins and those registered so far. The parser
 * and the compilers look functions up here when a formula is parsed and compiled.
 */
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = table;

/** The built-in function names (fixed; registered names are not reserved, see below). */
export const BUILTIN_FUNCTIONS: readonly string[] = Object.keys(BUILTINS);

/** Words that cannot be used as names of parameters, formulas, actors and so on. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  ...BUILTIN_FUNCTIONS,
  'and',
  'or',
  'not',
  'true',
  'false',
  'state',
]);

const registered = new Map<string, FunctionDefinition>();
const NAME = /^[a-z_][a-z0-9_]*$/;

function sameDefinition(a: FunctionDefinition, b: FunctionDefinition): boolean {
  return (
    a.apply === b.apply && a.minArgs === b.minArgs && a.maxArgs === b.maxArgs && a.signature === b.signature
  );
}

function registrationProblem(name: string, d: FunctionDefinition): string | undefined {
  if (!NAME.test(name)) return 'names are lower-case letters, digits and _, not starting with a digit';
  if (Object.hasOwn(BUILTINS, name)) return 'it is a built-in function';
  if (RESERVED_WORDS.has(name)) return 'it is a reserved word';
  const before = registered.get(name);
  if (before && !sameDefinition(before, d)) return `a different function '${before.signature}' has this name`;
  if (typeof d.apply !== 'function') return 'apply must be a function';
  if (!(Number.isInteger(d.minArgs) && d.minArgs >= 0)) return 'minArgs must be a non-negative integer';
  if (!(d.maxArgs >= d.minArgs && (Number.isInteger(d.maxArgs) || d.maxArgs === Number.POSITIVE_INFINITY)))
    return 'maxArgs must be an integer ≥ minArgs, or Infinity';
  return undefined;
}

/**
 * Adds functions to the formula language. Registering the same definition again (the same apply,
 * arity and signature) does nothing, so module set-up code may run more than once; a built-in name
 * or a name already registered to a different function is refused, and then nothing is registered.
 * Register before parsing the scenarios that call them (in every worker thread too).
 *
 * Registered names are not reserved words: a parameter may share a function's name, since a call is
 * always written with parentheses — so a scenario's validity never depends on what is registered.
 */
export function registerFunctions(defs: Readonly<Record<string, FunctionDefinition>>): void {
  const entries = Object.entries(defs);
  for (const [name, d] of entries) {
    const problem = registrationProblem(name, d);
    if (problem !== undefined) throw new Error(`cannot register the formula function '${name}': ${problem}`);
  }
  for (const [name, d] of entries) {
    if (registered.has(name)) continue;
    registered.set(name, d);
    table[name] = {
      minArgs: d.minArgs,
      maxArgs: d.maxArgs,
      signature: d.signature,
      doc: d.doc,
      apply: d.apply,
    };
  }
}

/** The registered functions, in order of registration. */
export function registeredFunctions(): ReadonlyMap<string, FunctionDefinition> {
  return registered;
}

/** The message for a call of an unknown function, with the closest known name. */
export function unknownFunctionMessage(name: string): string {
  return `unknown function '${name}'${didYouMean(name, Object.keys(table))}`;
}
