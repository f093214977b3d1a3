// A checked scenario turned into plain data and compiled formulas, ready to be expanded into a game
// for each draw of its parameters. Built once per scenario; every formula is compiled here, once.

import type { Path } from './diagnostics.js';
import type { Distribution } from './distributions.js';
import { type Evaluator, type Resolver, compileFormula } from './expr/compile.js';
import type { Locator } from './locate.js';
import {
  type EffectSpec,
  type EvidenceSpec,
  type NegotiationSpec,
  PAYOFF_TERMS,
  type ParameterSpec,
  type PayoffTerm,
  type PublicityNeedKind,
  type ScenarioSpec,
  type SourceSpec,
  isChanceStage,
} from './schema.js';
import { effectFormula } from './sites.js';
import { didYouMean } from './suggest.js';
import type { StateVarInfo, SymbolTable } from './symbols.js';

export interface ParamModel {
  readonly name: string;
  readonly dist: Distribution;
  readonly source: SourceSpec;
  readonly path: Path;
  readonly slot: number;
}

export interface EffectModel {
  readonly state: number;
  readonly slot: number;
  readonly op: 'add' | 'set' | 'mul' | 'max' | 'min';
  readonly value: Evaluator;
}

export interface ChoiceModel {
  readonly id: string;
  readonly label: string;
  /** Decision stages: the ladder and rank of the option. */
  readonly ladder?: string;
  readonly rank: number;
  /** Names of the ladder's thresholds this option crosses (those at or below its rank). */
  readonly thresholds: string[];
  /** Indicator slot `<stage>.<id>`. */
  readonly slot: number;
  readonly available?: Evaluator;
  /** Chance stages: the probability formula, or 'otherwise'. */
  readonly prob?: Evaluator | 'otherwise';
  readonly effects: EffectModel[];
  readonly ends: boolean;
  readonly path: Path;
}

export interface StageModel {
  readonly kind: 'decision' | 'chance';
  readonly id: string;
  readonly label: string;
  /** Player index of the mover; -1 for chance. */
  readonly actor: number;
  readonly choices: ChoiceModel[];
  readonly when?: Evaluator;
  readonly rankSlot: number;
  readonly playedSlot: number;
  readonly path: Path;
}

export interface TypeModel {
  readonly id: string;
  readonly actor: number;
  readonly values: string[];
  readonly prior: (Evaluator | 'otherwise')[];
  readonly slots: number[];
  readonly path: Path;
}

export interface ComponentModel {
  readonly actor: number;
  readonly term: PayoffTerm;
  /** Name of the part for terms given as named parts; '' for a single formula. */
  readonly part: string;
  readonly value: Evaluator;
  readonly path: Path;
}

export interface PolicyRuleModel {
  readonly stage: number;
  /** Choice indices (within the stage) removed by the rule. */
  readonly forbid: number[];
  /** The only choice left, when the rule fixes one. */
  readonly fix?: number;
  readonly when?: Evaluator;
  readonly path: Path;
}

export interface NegotiationIssueModel {
  readonly id: string;
  readonly label: string;
  readonly scale: readonly [number, number];
  readonly verifiable: boolean;
  readonly description?: string;
  readonly source: SourceSpec;
}

export interface StakeholderPositionModel {
  readonly position: number;
  readonly salience: number;
  readonly source: SourceSpec;
}

export interface StakeholderModel {
  readonly id: string;
  readonly label: string;
  readonly capability: number;
  readonly source: SourceSpec;
  /** Issue id → position; issues the stakeholder is not engaged on are absent. */
  readonly positions: ReadonlyMap<string, StakeholderPositionModel>;
  /** Issue id → what kind of concession it can accept (principals only). */
  readonly needs: ReadonlyMap<string, { readonly need: PublicityNeedKind; readonly source: SourceSpec }>;
}

/** The negotiation agenda as plain data, in file order. */
export interface NegotiationModel {
  readonly issues: NegotiationIssueModel[];
  readonly stakeholders: StakeholderModel[];
}

/** One hypothesis of a set: its prior and where the prior comes from. */
export interface HypothesisModel {
  readonly id: string;
  readonly label: string;
  readonly prior: number;
  readonly source: SourceSpec;
}

/** Mutually exclusive, exhaustive hypotheses (seed 000's "buying time / risk control / legitimacy"). */
export interface HypothesisSetModel {
  readonly id: string;
  readonly label: string;
  readonly hypotheses: readonly HypothesisModel[];
  /** id of the scenario type whose prior the posterior replaces, if any */
  readonly type?: string;
  readonly path: Path;
}

/** An observable indicator bearing on one hypothesis set. */
export interface IndicatorModel {
  readonly id: string;
  readonly label: string;
  readonly set: string;
  readonly states: readonly string[];
  /** likelihood[h][k] = P(state k | hypothesis h), h in the set's order */
  readonly likelihood: readonly (readonly number[])[];
  /** Correlated indicators share a group, so they are not counted twice. */
  readonly group?: string;
  /** 1-based line of the indicator in the scenario file (0 when unknown). */
  readonly line: number;
  readonly source: SourceSpec;
  readonly description?: string;
  readonly path: Path;
}

/** The scenario's `evidence:` section as plain data, in file order. */
export interface EvidenceModel {
  readonly sets: readonly HypothesisSetModel[];
  readonly indicators: readonly IndicatorModel[];
}

export interface Model {
  readonly spec: ScenarioSpec;
  readonly file: string;
  readonly locate?: Locator;
  /** Players of the compiled game: every actor, in file order. */
  readonly actors: string[];
  readonly params: ParamModel[];
  readonly stateVars: StateVarInfo[];
  readonly types: TypeModel[];
  readonly stages: StageModel[];
  /** Payoff parts of every actor; U = Σ gains parts − Σ cost parts. */
  readonly components: ComponentModel[];
  readonly policies: Map<string, PolicyRuleModel[]>;
  /**
   * visible[stage][source]: does the mover at `stage` know what happened at `source`? Sources are
   * the private types (0..T-1) then the stages (T..T+S-1). Meaningless for chance stages.
   */
  readonly visible: boolean[][];
  readonly envSize: number;
  /** Name → binding, for compiling further formulas (see compileExpression). */
  readonly resolve: Resolver;
  /** Every name formulas can use. */
  readonly names: string[];
  /** The negotiation agenda, when the scenario has one. */
  readonly negotiation?: NegotiationModel;
  /** Hypotheses and indicators, when the scenario has an `evidence:` section. */
  readonly evidence?: EvidenceModel;
}

export function toDistribution(p: ParameterSpec): Distribution {
  switch (p.dist) {
    case undefined:
    case 'point':
      return { dist: 'point', value: p.value };
    case 'uniform':
      return { dist: 'uniform', low: p.low, high: p.high };
    case 'triangular':
      return { dist: 'triangular', low: p.low, mode: p.mode, high: p.high };
    case 'normal':
      return { dist: 'normal', mean: p.mean, sd: p.sd, min: p.min, max: p.max };
    case 'lognormal':
      return { dist: 'lognormal', mu: p.mu, sigma: p.sigma, min: p.min, max: p.max };
    case 'beta':
      return { dist: 'beta', alpha: p.alpha, beta: p.beta };
    case 'discrete':
      return { dist: 'discrete', values: p.values, probs: p.probs };
  }
}

function makeResolver(
  spec: ScenarioSpec,
  symbols: SymbolTable,
  actors: string[],
): { resolve: Resolver; components: ComponentModel[] } {
  const formulas = new Map<string, Evaluator>();
  const terms = new Map<string, Evaluator>();
  const components: ComponentModel[] = [];
  const building = new Set<string>();

  const resolve: Resolver = (name) => {
    const s = symbols.names.get(name);
    if (!s) return undefined;
    switch (s.kind) {
      case 'formula':
        return { formula: namedFormula(name, s.source) };
      case 'term':
        return { formula: term(s.actor, s.term) };
      default:
        return { slot: s.slot };
    }
  };
  // Named formulas are compiled on first use and shared; `building` guards against cycles the
  // checker has already reported, so a bug there cannot hang the compiler.
  const namedFormula = (name: string, source: string | number | boolean): Evaluator => {
    const done = formulas.get(name);
    if (done) return done;
    if (building.has(name)) throw new Error(`formula cycle through ${name}`);
    building.add(name);
    const f = compileFormula(source, resolve);
    building.delete(name);
    formulas.set(name, f);
    return f;
  };
  const partsOf = (actor: string, t: PayoffTerm): ComponentModel[] => {
    const spec_ = spec.payoffs[actor]?.[t];
    if (spec_ === undefined) return [];
    const a = actors.indexOf(actor);
    const base: Path = ['payoffs', actor, t];
    if (typeof spec_ === 'object') {
      return Object.entries(spec_).map(([part, f]) => ({
        actor: a,
        term: t,
        part,
        value: compileFormula(f, resolve),
        path: [...base, part],
      }));
    }
    return [{ actor: a, term: t, part: '', value: compileFormula(spec_, resolve), path: base }];
  };
  const sum = (fs: Evaluator[]): Evaluator => {
    if (fs.length === 0) return () => 0;
    if (fs.length === 1) return fs[0]!;
    return (env) => {
      let s = 0;
      for (const f of fs) s += f(env);
      return s;
    };
  };
  const term = (actor: string, t: string): Evaluator => {
    const key = `${actor}.${t}`;
    const done = terms.get(key);
    if (done) return done;
    if (building.has(key)) throw new Error(`formula cycle through ${key}`);
    building.add(key);
    let f: Evaluator;
    if (t === 'payoff') {
      const [g, k, r, o] = PAYOFF_TERMS.map((x) => term(actor, x)) as [
        Evaluator,
        Evaluator,
        Evaluator,
        Evaluator,
      ];
      f = (env) => g(env) - (k(env) + r(env) + o(env));
    } else {
      f = sum(partsOf(actor, t as PayoffTerm).map((c) => c.value));
    }
    building.delete(key);
    terms.set(key, f);
    return f;
  };
  // The side table keeps every part of every actor's payoff, in a fixed order.
  for (const actor of actors) {
    for (const t of PAYOFF_TERMS) components.push(...partsOf(actor, t));
  }
  return { resolve, components };
}

function effectsOf(
  fx: Record<string, EffectSpec> | undefined,
  base: Path,
  symbols: SymbolTable,
  resolve: Resolver,
): EffectModel[] {
  return Object.entries(fx ?? {}).map(([v, e]) => {
    const f = effectFormula(e, [...base, v]);
    const state = symbols.stateVars.findIndex((s) => s.name === v);
    return {
      state,
      slot: symbols.stateVars[state]!.slot,
      op: f.op,
      value: compileFormula(f.source, resolve),
    };
  });
}

/** Who knows what, per stage: see Model.visible. Perfect recall: what a mover saw or did stays known. */
function visibility(spec: ScenarioSpec): boolean[][] {
  const typeIds = Object.keys(spec.types);
  const T = typeIds.length;
  const out: boolean[][] = [];
  spec.stages.forEach((s, i) => {
    const row = new Array<boolean>(T + spec.stages.length).fill(false);
    out.push(row);
    if (isChanceStage(s)) return;
    const me = s.actor;
    const explicit = Array.isArray(s.observes) ? new Set(s.observes) : undefined;
    typeIds.forEach((id, t) => {
      const ty = spec.types[id]!;
      const shown = ty.actor === me || (ty.observed_by ?? []).includes(me);
      // A type shown to an actor is known to it whatever the stage observes; a list can add more.
      row[t] = ty.actor === me || shown || (explicit?.has(id) ?? false);
    });
    for (let j = 0; j < i; j++) {
      const prev = spec.stages[j]!;
      const own = !isChanceStage(prev) && prev.actor === me;
      const shown = prev.observed_by === undefined || prev.observed_by.includes(me);
      row[T + j] = own || (explicit ? explicit.has(prev.id) : shown);
    }
    for (let j = 0; j < i; j++) {
      const prev = spec.stages[j]!;
      if (isChanceStage(prev) || prev.actor !== me) continue;
      for (let h = 0; h < row.length; h++) if (out[j]![h]) row[h] = true;
    }
  });
  return out;
}

/** The negotiation section as plain data. */
export function negotiationModel(n: NegotiationSpec): NegotiationModel {
  return {
    issues: Object.entries(n.issues).map(([id, i]) => ({
      id,
      label: i.label,
      scale: [i.scale[0], i.scale[1]] as const,
      verifiable: i.verifiable,
      description: i.description,
      source: i.source,
    })),
    stakeholders: Object.entries(n.stakeholders).map(([id, s]) => ({
      id,
      label: s.label,
      capability: s.capability,
      source: s.source,
      positions: new Map(Object.entries(s.positions)),
      needs: new Map(Object.entries(s.needs ?? {})),
    })),
  };
}

/** The evidence section as plain data; `locate` gives each indicator its line. */
export function evidenceModel(e: EvidenceSpec, locate?: Locator): EvidenceModel {
  const sets: HypothesisSetModel[] = Object.entries(e.sets).map(([id, s]) => ({
    id,
    label: s.label ?? id,
    hypotheses: Object.entries(s.hypotheses).map(([h, x]) => ({
      id: h,
      label: x.label ?? h,
      prior: x.prior,
      source: x.source,
    })),
    type: s.type,
    path: ['evidence', 'sets', id],
  }));
  const indicators: IndicatorModel[] = Object.entries(e.indicators).map(([id, ind]) => {
    const set = sets.find((s) => s.id === ind.set);
    const path: Path = ['evidence', 'indicators', id];
    return {
      id,
      label: ind.label ?? id,
      set: ind.set,
      states: [...ind.states],
      likelihood: (set?.hypotheses ?? []).map((h) => ind.states.map((k) => ind.likelihood[h.id]?.[k] ?? 0)),
      group: ind.group,
      line: locate ? locate(path, { key: true }).line : 0,
      source: ind.source,
      description: ind.description,
      path,
    };
  });
  return { sets, indicators };
}

export function buildModel(spec: ScenarioSpec, symbols: SymbolTable, file: string, locate?: Locator): Model {
  const actors = Object.keys(spec.actors);
  const { resolve, components } = makeResolver(spec, symbols, actors);
  const params: ParamModel[] = symbols.params.map((p) => ({
    name: p.name,
    dist: toDistribution(p.spec),
    source: p.spec.source,
    path: p.path,
    slot: p.slot,
  }));
  const types: TypeModel[] = Object.entries(spec.types).map(([id, t]) => {
    const values = Object.keys(t.prior);
    return {
      id,
      actor: actors.indexOf(t.actor),
      values,
      prior: values.map((v) => {
        const p = t.prior[v]!;
        return p === 'otherwise' ? 'otherwise' : compileFormula(p, resolve);
      }),
      slots: values.map((v) => (symbols.names.get(`${id}.${v}`) as { slot: number }).slot),
      path: ['types', id],
    };
  });
  const slotOf = (name: string): number =>
    (symbols.names.get(name) as { slot: number } | undefined)?.slot ?? -1;
  const stages: StageModel[] = spec.stages.map((s, i) => {
    const base: Path = ['stages', i];
    const when = s.when === undefined ? undefined : compileFormula(s.when, resolve);
    const ids = symbols.stageChoices[i]!;
    if (isChanceStage(s)) {
      const choices: ChoiceModel[] = ids.map((id) => {
        const o = s.chance[id]!;
        return {
          id,
          label: o.label ?? id,
          rank: 0,
          thresholds: [],
          slot: slotOf(`${s.id}.${id}`),
          prob: o.prob === 'otherwise' ? 'otherwise' : compileFormula(o.prob, resolve),
          effects: effectsOf(o.effects, [...base, 'chance', id, 'effects'], symbols, resolve),
          ends: o.ends ?? false,
          path: [...base, 'chance', id],
        };
      });
      return {
        kind: 'chance',
        id: s.id,
        label: s.label ?? s.id,
        actor: -1,
        choices,
        when,
        rankSlot: -1,
        playedSlot: slotOf(`${s.id}.played`),
        path: base,
      };
    }
    const catalog = symbols.catalog.get(s.actor) ?? [];
    const choices: ChoiceModel[] = ids.map((id) => {
      const o = catalog.find((x) => x.id === id)!;
      return {
        id,
        label: o.spec.label ?? id,
        ladder: o.ladder,
        rank: o.rank,
        thresholds: (spec.ladders[s.actor]?.[o.ladder]?.thresholds ?? [])
          .filter((t) => o.rank >= t.rank)
          .map((t) => t.name),
        slot: slotOf(`${s.id}.${id}`),
        available: o.spec.available === undefined ? undefined : compileFormula(o.spec.available, resolve),
        effects: effectsOf(o.spec.effects, [...o.path, 'effects'], symbols, resolve),
        ends: o.spec.ends ?? false,
        path: o.path,
      };
    });
    return {
      kind: 'decision',
      id: s.id,
      label: s.label ?? s.id,
      actor: actors.indexOf(s.actor),
      choices,
      when,
      rankSlot: slotOf(`${s.id}.rank`),
      playedSlot: slotOf(`${s.id}.played`),
      path: base,
    };
  });
  const policies = new Map<string, PolicyRuleModel[]>();
  for (const [id, pol] of Object.entries(spec.policies)) {
    policies.set(
      id,
      pol.rules.map((r, k) => {
        const stage = spec.stages.findIndex((s) => s.id === r.stage);
        const ids = symbols.stageChoices[stage]!;
        return {
          stage,
          forbid: (r.forbid ?? []).map((o) => ids.indexOf(o)),
          fix: r.fix === undefined ? undefined : ids.indexOf(r.fix),
          when: r.when === undefined ? undefined : compileFormula(r.when, resolve),
          path: ['policies', id, 'rules', k],
        };
      }),
    );
  }
  return {
    spec,
    file,
    locate,
    actors,
    params,
    stateVars: symbols.stateVars,
    types,
    stages,
    components,
    policies,
    visible: visibility(spec),
    names: [...symbols.names.keys()],
    envSize: symbols.envSize,
    resolve,
    negotiation: spec.negotiation === undefined ? undefined : negotiationModel(spec.negotiation),
    evidence: spec.evidence === undefined ? undefined : evidenceModel(spec.evidence, locate),
  };
}

/** Compiles a further formula (e.g. a report's question) against a model's names. Throws ExprError. */
export function compileExpression(model: Model, text: string): Evaluator {
  return compileFormula(text, model.resolve, (n) => `unknown name '${n}'${didYouMean(n, model.names)}`);
}
