// One-at-a-time sensitivity, shown as a tornado diagram (e.g. Howard 1988, "Decision analysis:
// practice and promise", Management Science 34(6); Saltelli et al. 2008, "Global Sensitivity
// Analysis: The Primer", §1.2.2): from a base point, move each factor alone to its low and its high
// value, and rank the factors by the swing |f(high) − f(low)| of each output. Local by design: it
// misses interactions, which the Sobol total indices (sobol.ts) capture.
import { type ParamsLike, parameterRanges } from './scenario-inputs.js';

export interface OatOptions {
  /** The base point (default every parameter's mean). */
  readonly base?: ArrayLike<number>;
  /** Per-parameter low and high values (default the pLow and pHigh quantiles). */
  readonly low?: ArrayLike<number>;
  readonly high?: ArrayLike<number>;
  /** Quantiles of the default low and high (0.05 and 0.95). */
  readonly pLow?: number;
  readonly pHigh?: number;
}

export interface OatBar {
  /** Index of the parameter (Model.params order) and its name. */
  readonly index: number;
  readonly name: string;
  /** The parameter's low and high values. */
  readonly low: number;
  readonly high: number;
  /** The output with the parameter at low and at high, the others at base. */
  readonly atLow: number;
  readonly atHigh: number;
  /** |atHigh − atLow|. */
  readonly swing: number;
}

export interface OatResult {
  readonly base: Float64Array;
  /** The outputs at the base point. */
  readonly atBase: number[];
  /** Per output, one bar per parameter with low ≠ high, widest swing first (ties by index; NaN last). */
  readonly bars: OatBar[][];
}

/**
 * The one-at-a-time sweep: 1 + 2m evaluations for m parameters with low ≠ high. `evaluate` gets a
 * full parameter vector (Model.params order; it may not keep it) and returns every output.
 */
export function oneAtATime(
  model: ParamsLike,
  evaluate: (params: Float64Array) => readonly number[],
  options: OatOptions = {},
): OatResult {
  const n = model.params.length;
  const needDefaults = !options.base || !options.low || !options.high;
  const ranges = needDefaults ? parameterRanges(model, options.pLow, options.pHigh) : undefined;
  const base = Float64Array.from(options.base ?? ranges!.base);
  const low = Float64Array.from(options.low ?? ranges!.low);
  const high = Float64Array.from(options.high ?? ranges!.high);
  for (const [what, v] of [
    ['base', base],
    ['low', low],
    ['high', high],
  ] as const)
    if (v.length !== n) throw new RangeError(`${what} has ${v.length} values; the model has ${n} parameters`);
  const atBase = [...evaluate(Float64Array.from(base))];
  const outputs = atBase.length;
  const bars: OatBar[][] = Array.from({ length: outputs }, () => []);
  const at = (i: number, x: number) => {
    const p = Float64Array.from(base);
    p[i] = x;
    const y = evaluate(p);
    if (y.length !== outputs)
      throw new RangeError(`the evaluator returned ${y.length} outputs, then ${outputs}`);
    return y;
  };
  for (let i = 0; i < n; i++) {
    if (low[i] === high[i]) continue;
    const yLow = at(i, low[i]!);
    const yHigh = at(i, high[i]!);
    for (let o = 0; o < outputs; o++) {
      bars[o]!.push({
        index: i,
        name: model.params[i]!.name,
        low: low[i]!,
        high: high[i]!,
        atLow: yLow[o]!,
        atHigh: yHigh[o]!,
        swing: Math.abs(yHigh[o]! - yLow[o]!),
      });
    }
  }
  const key = (s: number) => (Number.isNaN(s) ? -1 : s);
  for (const list of bars) list.sort((a, b) => key(b.swing) - key(a.swing) || a.index - b.index);
  return { base, atBase, bars };
}
