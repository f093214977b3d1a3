// Replacing the prior of private types with constants: `brink analyze --evidence` makes the
// posterior of a hypothesis set (src/evidence) the prior of the type it stands for, and reruns the
// whole model on it. Pure: returns a new model; the formulas of the replaced priors are dropped
// (they encoded the scenario's reasoning before the evidence; the posterior supersedes them).
import { ScenarioError } from './diagnostics.js';
import { constant } from './expr/compile.js';
import type { Model, TypeModel } from './model.js';
import { didYouMean } from './suggest.js';

/** Type id → value → probability. */
export type TypePriors = Readonly<Record<string, Readonly<Record<string, number>>>>;

const TOLERANCE = 1e-9;

function problem(model: Model, path: string, message: string): ScenarioError {
  return new ScenarioError([{ file: model.file, line: 0, col: 0, path, message }]);
}

function replaced(model: Model, t: TypeModel, probs: Readonly<Record<string, number>>): TypeModel {
  for (const v of Object.keys(probs)) {
    if (!t.values.includes(v))
      throw problem(
        model,
        `types.${t.id}`,
        `'${v}' is not a value of type '${t.id}'${didYouMean(v, t.values)}`,
      );
  }
  const p = t.values.map((v) => probs[v]);
  const missing = t.values.filter((_, i) => p[i] === undefined);
  if (missing.length > 0)
    throw problem(model, `types.${t.id}`, `expected a prior for every value: ${missing.join(', ')} missing`);
  const total = p.reduce((s: number, x) => s + x!, 0);
  if (p.some((x) => !(x! >= 0 && x! <= 1)) || Math.abs(total - 1) > TOLERANCE)
    throw problem(
      model,
      `types.${t.id}`,
      `expected prior probabilities in [0, 1] that add up to 1, got ${total}`,
    );
  return { ...t, prior: p.map((x) => constant(x!)) };
}

/** The model with the priors of the named types replaced by the given constants. */
export function withTypePriors(model: Model, priors: TypePriors): Model {
  const ids = model.types.map((t) => t.id);
  for (const id of Object.keys(priors)) {
    if (!ids.includes(id))
      throw problem(model, 'types', `'${id}' is not a private type${didYouMean(id, ids)}`);
  }
  if (Object.keys(priors).length === 0) return model;
  const types = model.types.map((t) => (priors[t.id] === undefined ? t : replaced(model, t, priors[t.id]!)));
  const specTypes = Object.fromEntries(
    Object.entries(model.spec.types).map(([id, t]) => [
      id,
      priors[id] === undefined ? t : { ...t, prior: { ...priors[id] } },
    ]),
  );
  return { ...model, types, spec: { ...model.spec, types: specTypes } };
}
