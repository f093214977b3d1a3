// Parameters grouped by what they enter in the game, read off the scenario's use graph
// (src/analysis/influence.ts): following named formulas to the first place that is not a formula,
// a parameter is a prior of a private type, a chance probability, an effect of moves on an outcome-
// state variable, a part of an actor's payoff term, or a condition. A parameter used in several
// ways goes to the first of those kinds (priors first: they shape the whole tree), in scenario order.
import { type Use, type UseGraph, buildUseGraph, usesOf } from '../../../src/analysis/influence.js';
import type { Model, ParamModel } from '../../../src/scenario/model.js';

export interface ParamGroup {
  /** Stable key, e.g. "prior:talks_intent", "payoff:us.C_kinetic". */
  readonly key: string;
  readonly label: string;
  readonly params: ParamModel[];
}

const KIND_ORDER = ['prior', 'probability', 'effect', 'payoff', 'condition', 'unused'] as const;
type Kind = (typeof KIND_ORDER)[number];

interface Target {
  readonly kind: Kind;
  readonly key: string;
  readonly label: string;
}

/** The named formula a `formula` use lies in: `formulas.<name>` or `formulas.<name>.formula`. */
function formulaName(use: Use): string {
  return use.path.split('.')[1]!;
}

/** What a use (other than a formula) means for grouping. */
function targetOf(use: Use): Target {
  const parts = use.path.split('.');
  switch (use.role) {
    case 'prior':
      return { kind: 'prior', key: `prior:${parts[1]}`, label: `Prior of the private type ${parts[1]}` };
    case 'probability':
      return {
        kind: 'probability',
        key: `probability:${use.stage}`,
        label: `Chance probabilities at ${use.stage}`,
      };
    case 'effect': {
      // …effects.<variable>[.op]: the variable follows `effects`.
      const variable = parts[parts.indexOf('effects') + 1];
      return { kind: 'effect', key: `effect:${variable}`, label: `Effects of moves on state.${variable}` };
    }
    case 'payoff':
      return {
        kind: 'payoff',
        key: `payoff:${parts[1]}.${parts[2]}`,
        label: `Payoff ${parts[1]}.${parts[2]}`,
      };
    default:
      return { kind: 'condition', key: 'condition', label: 'Conditions (when, available, policies)' };
  }
}

/** The first target of `name`, in KIND_ORDER, through any chain of named formulas. */
export function targetOfName(graph: UseGraph, name: string): Target {
  const seen = new Set<string>([name]);
  const found: Target[] = [];
  let frontier = [name];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const use of usesOf(graph, frontier)) {
      if (use.role !== 'formula') {
        found.push(targetOf(use));
        continue;
      }
      const f = formulaName(use);
      if (!seen.has(f)) {
        seen.add(f);
        next.push(f);
      }
    }
    frontier = next;
  }
  if (found.length === 0)
    return { kind: 'unused', key: 'unused', label: 'Read by no formula of the game (reports or unused)' };
  return found.reduce((best, t) => (KIND_ORDER.indexOf(t.kind) < KIND_ORDER.indexOf(best.kind) ? t : best));
}

/** The model's parameters in groups: kinds in KIND_ORDER, groups and parameters in scenario order. */
export function groupParameters(model: Model, graph: UseGraph = buildUseGraph(model)): ParamGroup[] {
  const groups = new Map<string, { target: Target; params: ParamModel[] }>();
  for (const p of model.params) {
    const t = targetOfName(graph, p.name);
    const g = groups.get(t.key);
    if (g) g.params.push(p);
    else groups.set(t.key, { target: t, params: [p] });
  }
  return [...groups.values()]
    .map((g, i) => ({ ...g, i }))
    .sort((a, b) => KIND_ORDER.indexOf(a.target.kind) - KIND_ORDER.indexOf(b.target.kind) || a.i - b.i)
    .map(({ target, params }) => ({ key: target.key, label: target.label, params }));
}

/** Does a parameter match a filter text (its name, group, distribution or source, case-insensitive)? */
export function matchesFilter(filter: string, ...texts: readonly string[]): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = texts.join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}
