// The built-in functions of the formula language. `if` is special: it evaluates only the branch it
// takes (so `if(x > 0, log(x), 0)` never computes log of a non-positive number).

export interface FunctionSpec {
  readonly minArgs: number;
  /** Infinity for variadic functions. */
  readonly maxArgs: number;
  readonly signature: string;
  /** Absent for `if`, which the compiler handles lazily. */
  readonly apply?: (args: number[]) => number;
}

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
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

/** Words that cannot be used as names of parameters, formulas, actors and so on. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(FUNCTIONS),
  'and',
  'or',
  'not',
  'true',
  'false',
  'state',
]);
