// `brink explain NAME`: what a name in a scenario is, where its value comes from, which formulas
// read it and which payoff terms it can change. Pure: takes a loaded model, returns plain data
// (the command formats it). A name may denote several things (an option id shared by two actors,
// an actor parameter and an option...): all of them are explained.
import { type Path, formatPath } from '../scenario/diagnostics.js';
import type { Model } from '../scenario/model.js';
import { optionCatalog } from '../scenario/options.js';
import {
  type EffectSpec,
  PAYOFF_TERMS,
  type ParameterSpec,
  type SourceSpec,
  isChanceStage,
} from '../scenario/schema.js';
import { effectFormula } from '../scenario/sites.js';
import { closest } from '../scenario/suggest.js';
import { type DistributionSummary, summarizeDistribution } from './distribution-summary.js';
import {
  type Reach,
  type Use,
  type UseGraph,
  buildUseGraph,
  reachOf,
  readsOf,
  stagesOffering,
  usesOf,
} from './influence.js';

export type SourceInfo =
  | { readonly kind: 'seed'; readonly seed: string; readonly quote: string; readonly note?: string }
  | { readonly kind: 'fact'; readonly fact: string; readonly note?: string }
  | { readonly kind: 'judgement'; readonly reason: string };

export interface EffectInfo {
  readonly variable: string;
  readonly op: 'add' | 'set' | 'mul' | 'max' | 'min';
  readonly formula: string;
  readonly path: string;
  /** Payoff terms that read the variable, directly or through formulas. */
  readonly readBy: Reach[];
}

interface Common {
  readonly name: string;
  /** Where it is defined in the scenario. */
  readonly path: string;
  /** Formulas that read it. */
  readonly uses: Use[];
  /** Payoff terms it can change. */
  readonly reaches: Reach[];
}

export interface ParameterSubject extends Common {
  readonly kind: 'parameter';
  readonly distribution: DistributionSummary;
  readonly unit?: string;
  readonly description?: string;
  readonly sources: SourceInfo[];
}

export interface OptionSubject extends Common {
  readonly kind: 'option';
  readonly actor: string;
  readonly ladder: string;
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly rank: number;
  /** Thresholds of the ladder this option crosses (those at or below its rank). */
  readonly thresholds: { readonly rank: number; readonly name: string }[];
  readonly available?: string;
  readonly ends: boolean;
  readonly effects: EffectInfo[];
  /** Stages that offer it, with the condition for the stage to happen. */
  readonly stages: { readonly id: string; readonly when?: string }[];
  readonly sources: SourceInfo[];
}

export interface ChanceOutcomeSubject extends Common {
  readonly kind: 'chance-outcome';
  readonly stage: string;
  readonly id: string;
  readonly probability: string;
  readonly when?: string;
  readonly ends: boolean;
  readonly effects: EffectInfo[];
}

export interface StateSubject extends Common {
  readonly kind: 'state';
  readonly initial: number;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  readonly description?: string;
  /** The effects that change it. */
  readonly changedBy: {
    /** The moves that apply the effect: `stage.option` or `stage.outcome`. */
    readonly by: string[];
    readonly op: EffectInfo['op'];
    readonly formula: string;
    readonly path: string;
  }[];
}

export interface FormulaSubject extends Common {
  readonly kind: 'formula';
  readonly formula: string;
  readonly reads: string[];
  readonly description?: string;
  readonly unit?: string;
}

export interface PayoffTermSubject extends Common {
  readonly kind: 'payoff-term';
  readonly actor: string;
  readonly term: string;
  /** The formula, or its named parts; for `payoff`, gains minus the three costs. */
  readonly parts: { readonly part: string; readonly formula: string; readonly path: string }[];
  readonly reads: string[];
}

export type Subject =
  | ParameterSubject
  | OptionSubject
  | ChanceOutcomeSubject
  | StateSubject
  | FormulaSubject
  | PayoffTermSubject;

export interface Explanation {
  /** The scenario's id. */
  readonly scenario: string;
  readonly name: string;
  /** Empty when the name is unknown (see suggestName). */
  readonly subjects: Subject[];
}

function sourceInfos(source: SourceSpec | undefined): SourceInfo[] {
  if (source === undefined) return [];
  const list = Array.isArray(source) ? source : [source];
  return list.map((s): SourceInfo => {
    if (typeof s === 'string') return { kind: 'fact', fact: s.slice('fact:'.length) };
    if ('seed' in s)
      return { kind: 'seed', seed: s.seed, quote: s.quote, ...(s.note ? { note: s.note } : {}) };
    if ('fact' in s) return { kind: 'fact', fact: s.fact, ...(s.note ? { note: s.note } : {}) };
    return { kind: 'judgement', reason: s.judgement };
  });
}

/** An effect as written, with the moves that apply it (`stage.option` or `stage.outcome`). */
interface WrittenEffect {
  readonly by: string[];
  readonly variable: string;
  readonly op: EffectInfo['op'];
  readonly formula: string;
  readonly path: string;
}

function writtenEffects(
  fx: Record<string, EffectSpec> | undefined,
  base: Path,
  by: string[],
): WrittenEffect[] {
  return Object.entries(fx ?? {}).map(([variable, e]) => {
    const f = effectFormula(e, [...base, variable]);
    return { by, variable, op: f.op, formula: String(f.source), path: formatPath(f.path) };
  });
}

/** Every effect in the scenario: options in ladder order, then chance outcomes in stage order. */
function allEffects(model: Model): WrittenEffect[] {
  const out: WrittenEffect[] = [];
  for (const [actor, options] of optionCatalog(model.spec)) {
    for (const o of options) {
      const moves = stagesOffering(model, actor, o.id).map((i) => `${model.stages[i]!.id}.${o.id}`);
      out.push(...writtenEffects(o.spec.effects, [...o.path, 'effects'], moves));
    }
  }
  model.spec.stages.forEach((s, i) => {
    if (!isChanceStage(s)) return;
    for (const [id, o] of Object.entries(s.chance))
      out.push(...writtenEffects(o.effects, ['stages', i, 'chance', id, 'effects'], [`${s.id}.${id}`]));
  });
  return out;
}

function effectInfos(graph: UseGraph, effects: WrittenEffect[]): EffectInfo[] {
  return effects.map(({ variable, op, formula, path }) => ({
    variable,
    op,
    formula,
    path,
    readBy: reachOf(graph, [`state.${variable}`]),
  }));
}

function parameterSubjects(model: Model, graph: UseGraph, name: string): ParameterSubject[] {
  return model.params
    .filter((p) => p.name === name)
    .map((p) => {
      // The parameter as written, for its unit and description (the model keeps only the distribution).
      let spec: unknown = model.spec;
      for (const k of p.path) spec = (spec as Record<string | number, unknown>)[k];
      const written = spec as ParameterSpec;
      return {
        kind: 'parameter',
        name: p.name,
        path: formatPath(p.path),
        distribution: summarizeDistribution(p.dist),
        ...(written.unit ? { unit: written.unit } : {}),
        ...(written.description ? { description: written.description } : {}),
        sources: sourceInfos(p.source),
        uses: usesOf(graph, [p.name]),
        reaches: reachOf(graph, [p.name]),
      };
    });
}

function optionSubjects(model: Model, graph: UseGraph, name: string): OptionSubject[] {
  const out: OptionSubject[] = [];
  for (const [actor, options] of optionCatalog(model.spec)) {
    for (const o of options) {
      const offered = stagesOffering(model, actor, o.id);
      const moves = offered.map((i) => `${model.stages[i]!.id}.${o.id}`);
      if (name !== o.id && !moves.includes(name)) continue;
      const ladder = model.spec.ladders[actor]![o.ladder]!;
      out.push({
        kind: 'option',
        name,
        path: formatPath(o.path),
        actor,
        ladder: o.ladder,
        id: o.id,
        label: o.spec.label ?? o.id,
        ...(o.spec.description ? { description: o.spec.description } : {}),
        rank: o.rank,
        thresholds: (ladder.thresholds ?? [])
          .filter((t) => o.rank >= t.rank)
          .map((t) => ({ rank: t.rank, name: t.name })),
        ...(o.spec.available === undefined ? {} : { available: String(o.spec.available) }),
        ends: o.spec.ends ?? false,
        effects: effectInfos(graph, writtenEffects(o.spec.effects, [...o.path, 'effects'], moves)),
        stages: offered.map((i) => {
          const s = model.spec.stages[i]!;
          return { id: s.id, ...(s.when === undefined ? {} : { when: String(s.when) }) };
        }),
        sources: sourceInfos(o.spec.source),
        uses: usesOf(graph, moves),
        reaches: reachOf(graph, moves),
      });
    }
  }
  return out;
}

function chanceOutcomeSubjects(model: Model, graph: UseGraph, name: string): ChanceOutcomeSubject[] {
  const out: ChanceOutcomeSubject[] = [];
  model.spec.stages.forEach((s, i) => {
    if (!isChanceStage(s)) return;
    for (const [id, o] of Object.entries(s.chance)) {
      const move = `${s.id}.${id}`;
      if (name !== id && name !== move) continue;
      out.push({
        kind: 'chance-outcome',
        name,
        path: formatPath(['stages', i, 'chance', id]),
        stage: s.id,
        id,
        probability: String(o.prob),
        ...(s.when === undefined ? {} : { when: String(s.when) }),
        ends: o.ends ?? false,
        effects: effectInfos(
          graph,
          writtenEffects(o.effects, ['stages', i, 'chance', id, 'effects'], [move]),
        ),
        uses: usesOf(graph, [move]),
        reaches: reachOf(graph, [move]),
      });
    }
  });
  return out;
}

function stateSubjects(model: Model, graph: UseGraph, name: string): StateSubject[] {
  return model.stateVars
    .filter((v) => name === v.name || name === `state.${v.name}`)
    .map((v) => {
      const node = `state.${v.name}`;
      const written = model.spec.state[v.name];
      const description = typeof written === 'object' ? written.description : undefined;
      const changedBy = allEffects(model)
        .filter((e) => e.variable === v.name)
        .map(({ by, op, formula, path }) => ({ by, op, formula, path }));
      return {
        kind: 'state',
        name,
        path: formatPath(['state', v.name]),
        initial: v.initial,
        ...(v.min === undefined ? {} : { min: v.min }),
        ...(v.max === undefined ? {} : { max: v.max }),
        ...(v.unit === undefined ? {} : { unit: v.unit }),
        ...(description === undefined ? {} : { description }),
        changedBy,
        uses: usesOf(graph, [node]),
        reaches: reachOf(graph, [node]),
      };
    });
}

function formulaSubjects(model: Model, graph: UseGraph, name: string): FormulaSubject[] {
  const f = model.spec.formulas[name];
  if (f === undefined) return [];
  const isObject = typeof f === 'object';
  const source = isObject ? f.formula : f;
  return [
    {
      kind: 'formula',
      name,
      path: formatPath(isObject ? ['formulas', name, 'formula'] : ['formulas', name]),
      formula: String(source),
      reads: readsOf(source),
      ...(isObject && f.description ? { description: f.description } : {}),
      ...(isObject && f.unit ? { unit: f.unit } : {}),
      uses: usesOf(graph, [name]),
      reaches: reachOf(graph, [name]),
    },
  ];
}

function payoffTermSubjects(model: Model, graph: UseGraph, name: string): PayoffTermSubject[] {
  const dot = name.indexOf('.');
  const actor = name.slice(0, dot);
  const term = name.slice(dot + 1);
  const payoff = model.spec.payoffs[actor];
  if (dot < 0 || !payoff || !(term === 'payoff' || (PAYOFF_TERMS as readonly string[]).includes(term)))
    return [];
  let parts: PayoffTermSubject['parts'];
  if (term === 'payoff') {
    parts = [
      {
        part: '',
        formula: `${actor}.gains - (${actor}.C_kinetic + ${actor}.C_reputation + ${actor}.C_opportunity)`,
        path: formatPath(['payoffs', actor]),
      },
    ];
  } else {
    const t = payoff[term as (typeof PAYOFF_TERMS)[number]];
    if (t === undefined) parts = [];
    else if (typeof t === 'object')
      parts = Object.entries(t).map(([part, f]) => ({
        part,
        formula: String(f),
        path: formatPath(['payoffs', actor, term, part]),
      }));
    else parts = [{ part: '', formula: String(t), path: formatPath(['payoffs', actor, term]) }];
  }
  const reads =
    term === 'payoff'
      ? PAYOFF_TERMS.map((t) => `${actor}.${t}`)
      : [...new Set(parts.flatMap((p) => readsOf(p.formula)))];
  return [
    {
      kind: 'payoff-term',
      name,
      path: formatPath(term === 'payoff' ? ['payoffs', actor] : ['payoffs', actor, term]),
      actor,
      term,
      parts,
      reads,
      uses: usesOf(graph, [name]),
      reaches: reachOf(graph, [name]),
    },
  ];
}

/** Every name `explain` understands, for suggestions. */
export function explainableNames(model: Model): string[] {
  const names = new Set<string>();
  for (const p of model.params) names.add(p.name);
  for (const v of model.stateVars) {
    names.add(v.name);
    names.add(`state.${v.name}`);
  }
  for (const f of Object.keys(model.spec.formulas)) names.add(f);
  for (const actor of Object.keys(model.spec.payoffs)) {
    for (const t of [...PAYOFF_TERMS, 'payoff']) names.add(`${actor}.${t}`);
  }
  for (const options of optionCatalog(model.spec).values()) for (const o of options) names.add(o.id);
  for (const s of model.stages)
    for (const c of s.choices) {
      names.add(`${s.id}.${c.id}`);
      if (s.kind === 'chance') names.add(c.id);
    }
  return [...names];
}

/** The closest name `explain` knows, if one is close enough. */
export function suggestName(model: Model, name: string): string | undefined {
  return closest(name, explainableNames(model));
}

export function explain(model: Model, name: string): Explanation {
  const graph = buildUseGraph(model);
  const subjects: Subject[] = [
    ...parameterSubjects(model, graph, name),
    ...stateSubjects(model, graph, name),
    ...formulaSubjects(model, graph, name),
    ...payoffTermSubjects(model, graph, name),
    ...optionSubjects(model, graph, name),
    ...chanceOutcomeSubjects(model, graph, name),
  ];
  return { scenario: model.spec.id, name, subjects };
}
