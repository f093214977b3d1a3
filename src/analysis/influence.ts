// Which formulas read a name, and which payoff terms a name can change, through formulas, effects
// on the outcome state, probabilities and conditions. Built from the formula sites the checker
// uses (src/scenario/sites.ts) and the names each formula reads (namesOf). Nodes are the names of
// the formula language: `p`, `state.x`, `stage.option`, `stage.rank`, `type.value`, named formulas
// and `actor.term`. Strategic effects (a payoff changes what players choose) are not followed:
// the graph says what a name enters, not everything an equilibrium may shift.

import { type Path, formatPath } from '../scenario/diagnostics.js';
import { namesOf } from '../scenario/expr/ast.js';
import { parseExpr } from '../scenario/expr/parse.js';
import type { Model } from '../scenario/model.js';
import { optionCatalog } from '../scenario/options.js';
import { type FormulaSpec, PAYOFF_TERMS } from '../scenario/schema.js';
import { formulaSites } from '../scenario/sites.js';

export type UseRole =
  | 'prior'
  | 'when'
  | 'probability'
  | 'effect'
  | 'availability'
  | 'formula'
  | 'payoff'
  | 'policy';

/** A place in the scenario where a formula reads a name. */
export interface Use {
  /** Where the formula is, e.g. `payoffs.us.C_opportunity` or `stages[1].chance.happened.prob`. */
  readonly path: string;
  readonly role: UseRole;
  readonly formula: string;
  /** The stage the formula belongs to, for `when`, chance probabilities and chance effects. */
  readonly stage?: string;
}

/** A payoff term a name reaches, with the chain of names that leads there. */
export interface Reach {
  /** `actor.term`, e.g. `defender.C_reputation`. */
  readonly term: string;
  readonly path: string;
  /** From the name explained to the term, both included. */
  readonly chain: string[];
}

interface Site {
  readonly use: Use;
  readonly reads: string[];
  /** Names whose value or probability this formula decides. */
  readonly feeds: string[];
}

export interface UseGraph {
  readonly sites: Site[];
  /** name → names it changes directly, in scenario order. */
  readonly edges: Map<string, string[]>;
  /** The payoff terms defined, as `actor.term`, in actor then term order. */
  readonly terms: string[];
}

/** The names a formula reads, in order of first use. */
export function readsOf(source: FormulaSpec): string[] {
  return typeof source === 'string' ? [...namesOf(parseExpr(source)).keys()] : [];
}

/** Every name a stage decides: its choices (or outcomes), its rank and whether it is played. */
function stageNames(model: Model, stage: number): string[] {
  const s = model.stages[stage]!;
  return [
    `${s.id}.played`,
    ...s.choices.map((c) => `${s.id}.${c.id}`),
    ...(s.kind === 'decision' ? [`${s.id}.rank`] : []),
  ];
}

/** Decision stages of `actor` that offer option `id`. */
export function stagesOffering(model: Model, actor: string, id: string): number[] {
  const a = model.actors.indexOf(actor);
  const out: number[] = [];
  model.stages.forEach((s, i) => {
    if (s.kind === 'decision' && s.actor === a && s.choices.some((c) => c.id === id)) out.push(i);
  });
  return out;
}

/** What a formula site is for, and the names it decides, read off its path (see sites.ts). */
function classify(model: Model, path: Path): { role: UseRole; feeds: string[]; stage?: string } {
  const [head, a, b, c, d, e, f] = path;
  switch (head) {
    case 'types': {
      const values = Object.keys(model.spec.types[a as string]!.prior);
      return { role: 'prior', feeds: values.map((v) => `${a}.${v}`) };
    }
    case 'stages': {
      const stage = model.stages[a as number]!;
      if (b === 'when') return { role: 'when', feeds: stageNames(model, a as number), stage: stage.id };
      // ['stages', i, 'chance', outcome, 'prob' | 'effects', variable, op?]
      if (d === 'prob')
        return { role: 'probability', feeds: stageNames(model, a as number), stage: stage.id };
      return { role: 'effect', feeds: [`state.${e}`], stage: stage.id };
    }
    case 'ladders': {
      // ['ladders', actor, ladder, 'rungs', option, 'available' | 'effects', variable?, op?]
      const option = d as string;
      if (e === 'available') {
        const feeds = stagesOffering(model, a as string, option).flatMap((i) => {
          const id = model.stages[i]!.id;
          return [`${id}.${option}`, `${id}.rank`];
        });
        return { role: 'availability', feeds };
      }
      return { role: 'effect', feeds: [`state.${f}`] };
    }
    case 'formulas':
      return { role: 'formula', feeds: [a as string] };
    case 'payoffs':
      return { role: 'payoff', feeds: [`${a}.${b}`] };
    case 'policies': {
      const rule = model.spec.policies[a as string]!.rules[c as number]!;
      const stage = model.stages.findIndex((s) => s.id === rule.stage);
      return { role: 'policy', feeds: stageNames(model, stage), stage: rule.stage };
    }
    default:
      throw new Error(`formula site at an unexpected path: ${formatPath(path)}`);
  }
}

function addEdge(edges: Map<string, string[]>, from: string, to: string): void {
  const list = edges.get(from);
  if (!list) edges.set(from, [to]);
  else if (!list.includes(to)) list.push(to);
}

/** Edges that come from the game's structure rather than from a formula. */
function structuralEdges(model: Model, edges: Map<string, string[]>): void {
  model.stages.forEach((s, i) => {
    for (const c of s.choices) {
      const move = `${s.id}.${c.id}`;
      for (const e of c.effects) addEdge(edges, move, `state.${model.stateVars[e.state]!.name}`);
      if (s.kind === 'decision') addEdge(edges, move, `${s.id}.rank`);
      // A choice that ends the episode decides whether every later stage happens.
      if (c.ends)
        for (let j = i + 1; j < model.stages.length; j++)
          for (const n of stageNames(model, j)) addEdge(edges, move, n);
    }
  });
  for (const actor of Object.keys(model.spec.payoffs)) {
    for (const t of PAYOFF_TERMS) addEdge(edges, `${actor}.${t}`, `${actor}.payoff`);
  }
}

export function buildUseGraph(model: Model): UseGraph {
  const stageChoices = model.stages.map((s) => s.choices.map((c) => c.id));
  const sites: Site[] = formulaSites(model.spec, optionCatalog(model.spec), stageChoices).map((site) => {
    const { role, feeds, stage } = classify(model, site.path);
    const use: Use = {
      path: formatPath(site.path),
      role,
      formula: String(site.source),
      ...(stage === undefined ? {} : { stage }),
    };
    return { use, reads: readsOf(site.source), feeds };
  });
  const edges = new Map<string, string[]>();
  for (const s of sites) for (const r of s.reads) for (const f of s.feeds) addEdge(edges, r, f);
  structuralEdges(model, edges);
  const terms = Object.keys(model.spec.payoffs).flatMap((actor) =>
    PAYOFF_TERMS.filter((t) => model.spec.payoffs[actor]![t] !== undefined).map((t) => `${actor}.${t}`),
  );
  return { sites, edges, terms };
}

/** The formulas that read any of `names`, in scenario order. */
export function usesOf(graph: UseGraph, names: readonly string[]): Use[] {
  return graph.sites.filter((s) => s.reads.some((r) => names.includes(r))).map((s) => s.use);
}

/**
 * The payoff terms reachable from `starts`, each with a shortest chain of names (breadth-first,
 * edges in scenario order, so the chain is the same on every run). The starts themselves are not
 * reported, so a term does not reach itself.
 */
export function reachOf(graph: UseGraph, starts: readonly string[]): Reach[] {
  const parent = new Map<string, string | undefined>();
  const queue: string[] = [];
  for (const s of starts) {
    if (!parent.has(s)) {
      parent.set(s, undefined);
      queue.push(s);
    }
  }
  for (let k = 0; k < queue.length; k++) {
    const n = queue[k]!;
    for (const m of graph.edges.get(n) ?? []) {
      if (parent.has(m)) continue;
      parent.set(m, n);
      queue.push(m);
    }
  }
  const chain = (n: string): string[] => {
    const out = [n];
    for (let p = parent.get(n); p !== undefined; p = parent.get(p)) out.unshift(p);
    return out;
  };
  return graph.terms
    .filter((t) => parent.has(t) && !starts.includes(t))
    .map((t) => {
      const [actor, term] = t.split('.') as [string, string];
      return { term: t, path: formatPath(['payoffs', actor, term]), chain: chain(t) };
    });
}
