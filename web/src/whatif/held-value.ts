// Checking a value typed or slid for a parameter before it is held: the same validation as
// `brink analyze --set` (withFixedParameters: a known parameter, a finite number), with its message
// when refused, and a note (not a refusal) when the value lies outside what the distribution draws.
import { ScenarioError } from '../../../src/scenario/diagnostics.js';
import { support } from '../../../src/scenario/distributions.js';
import { withFixedParameters } from '../../../src/scenario/fixed-parameters.js';
import type { Model } from '../../../src/scenario/model.js';

export type HeldCheck =
  | { readonly ok: true; readonly value: number; readonly note?: string }
  | { readonly ok: false; readonly message: string };

/** The text of a number input as a value to hold at, or the reason it cannot be held. */
export function checkHeldValue(model: Model, name: string, text: string): HeldCheck {
  const trimmed = text.trim();
  // Number('') is 0: an empty box is no value, not zero.
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  try {
    withFixedParameters(model, { [name]: value });
  } catch (e) {
    if (e instanceof ScenarioError)
      return { ok: false, message: e.diagnostics.map((d) => d.message).join('; ') };
    throw e;
  }
  const param = model.params.find((p) => p.name === name)!;
  const [lo, hi] = support(param.dist);
  if (param.dist.dist !== 'point' && (value < lo || value > hi))
    return { ok: true, value, note: `outside what the distribution draws ([${lo}, ${hi}])` };
  return { ok: true, value };
}
