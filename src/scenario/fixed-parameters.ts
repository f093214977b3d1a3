// What-if on a scenario: parameters held at given values instead of drawn (`brink analyze --set
// name=value`, and the workbench's sliders). Pure: returns a new model whose named parameters have
// point distributions. The other parameters keep their own seeded streams (draw.ts), so a run with
// a parameter fixed is paired draw by draw with the run without it: common random numbers.
import { ScenarioError } from './diagnostics.js';
import type { Model } from './model.js';
import { didYouMean } from './suggest.js';

/** Parameter name → the value it is held at. */
export type FixedParameters = Readonly<Record<string, number>>;

/** The model with the named parameters held at the given values (their sources are kept). */
export function withFixedParameters(model: Model, fixed: FixedParameters): Model {
  const names = model.params.map((p) => p.name);
  for (const [name, value] of Object.entries(fixed)) {
    if (!names.includes(name))
      throw new ScenarioError([
        {
          file: model.file,
          line: 0,
          col: 0,
          path: 'parameters',
          message: `'${name}' is not a parameter${didYouMean(name, names)}`,
        },
      ]);
    if (!Number.isFinite(value))
      throw new ScenarioError([
        {
          file: model.file,
          line: 0,
          col: 0,
          path: `parameters.${name}`,
          message: `expected a finite number, got ${value}`,
        },
      ]);
  }
  if (Object.keys(fixed).length === 0) return model;
  const params = model.params.map((p) =>
    fixed[p.name] === undefined ? p : { ...p, dist: { dist: 'point' as const, value: fixed[p.name]! } },
  );
  const held: Model = { ...model, params };
  structures.set(held, structureOf(model));
  return held;
}

/** A model held by withFixedParameters → the model whose game structure it shares. */
const structures = new WeakMap<Model, Model>();

/**
 * The model whose formulas, tree and slots `model` shares. Holding parameters changes only what is
 * drawn (the distributions), never the game's structure, so compilers and their caches made for
 * the structure serve every what-if of it: a move of the workbench's sliders skips the set-up.
 */
export function structureOf(model: Model): Model {
  return structures.get(model) ?? model;
}

/** `name=value` as typed on the command line, or a message saying what was expected. */
export function parseAssignment(text: string): { name: string; value: number } | string {
  const m = /^\s*([A-Za-z_][\w.]*)\s*=\s*(\S+)\s*$/.exec(text);
  if (!m) return `expected name=value, got '${text}'`;
  const value = Number(m[2]);
  if (!Number.isFinite(value)) return `${m[1]}: expected a number, got '${m[2]}'`;
  return { name: m[1]!, value };
}
