// The names formulas can use, and the slot each one occupies in the evaluation environment
// (a Float64Array): parameters, outcome-state variables, indicators of private types, of moves and
// of chance outcomes, plus named formulas and payoff terms (which are computed, not stored).
import type { Path, Problem } from './diagnostics.js';
import { RESERVED_WORDS } from './expr/functions.js';
import { type OptionRef, optionCatalog, stageOptionIds } from './options.js';
import {
  type FormulaSpec,
  PAYOFF_TERMS,
  type ParameterSpec,
  type ScenarioSpec,
  isChanceStage,
} from './schema.js';

export type SymbolInfo =
  | { readonly kind: 'param'; readonly slot: number; readonly param: number }
  | { readonly kind: 'state'; readonly slot: number; readonly index: number }
  | { readonly kind: 'type'; readonly slot: number; readonly type: number; readonly value: number }
  | { readonly kind: 'move'; readonly slot: number; readonly stage: number; readonly choice: number }
  | { readonly kind: 'rank'; readonly slot: number; readonly stage: number }
  | { readonly kind: 'played'; readonly slot: number; readonly stage: number }
  | { readonly kind: 'formula'; readonly name: string; readonly path: Path; readonly source: FormulaSpec }
  | { readonly kind: 'term'; readonly actor: string; readonly term: string };

export interface ParamInfo {
  /** `p` for a scenario parameter, `actor.p` for an actor's. */
  readonly name: string;
  readonly spec: ParameterSpec;
  readonly path: Path;
  readonly slot: number;
}

export interface StateVarInfo {
  readonly name: string;
  readonly initial: number;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  readonly slot: number;
}

export interface SymbolTable {
  readonly names: Map<string, SymbolInfo>;
  readonly params: ParamInfo[];
  readonly stateVars: StateVarInfo[];
  readonly catalog: Map<string, OptionRef[]>;
  /** Per stage (in order), the ids of its choices: offered options, or chance outcomes. */
  readonly stageChoices: string[][];
  readonly envSize: number;
  readonly problems: Problem[];
}

/** The per-actor computed names: `us.gains`, ..., and `us.payoff` (gains minus the three costs). */
export const ACTOR_TERMS = [...PAYOFF_TERMS, 'payoff'] as const;

export function buildSymbols(spec: ScenarioSpec): SymbolTable {
  const names = new Map<string, SymbolInfo>();
  const problems: Problem[] = [];
  const params: ParamInfo[] = [];
  const stateVars: StateVarInfo[] = [];
  let slots = 0;
  const topLevel = new Map<string, string>(); // id → what it names, for clashes between sections

  const claimTopLevel = (id: string, what: string, path: Path): void => {
    if (RESERVED_WORDS.has(id)) {
      problems.push({ path, key: true, message: `'${id}' is a reserved word and cannot name ${what}` });
      return;
    }
    const before = topLevel.get(id);
    if (before)
      problems.push({ path, key: true, message: `'${id}' already names ${before}; names must be unique` });
    else topLevel.set(id, what);
  };
  const define = (name: string, info: SymbolInfo, path: Path): void => {
    // Clashes of plain names are reported once, by claimTopLevel.
    if (names.has(name)) {
      if (name.includes('.'))
        problems.push({ path, key: true, message: `the name '${name}' is defined twice` });
    } else names.set(name, info);
  };
  const addParam = (name: string, p: ParameterSpec, path: Path): void => {
    const slot = slots++;
    params.push({ name, spec: p, path, slot });
    define(name, { kind: 'param', slot, param: params.length - 1 }, path);
  };

  for (const id of Object.keys(spec.actors)) claimTopLevel(id, 'an actor', ['actors', id]);
  for (const id of Object.keys(spec.parameters)) claimTopLevel(id, 'a parameter', ['parameters', id]);
  for (const id of Object.keys(spec.formulas)) claimTopLevel(id, 'a formula', ['formulas', id]);
  for (const id of Object.keys(spec.types)) claimTopLevel(id, 'a private type', ['types', id]);
  spec.stages.forEach((s, i) => {
    claimTopLevel(s.id, `stage ${i + 1}`, ['stages', i, 'id']);
  });

  for (const [id, p] of Object.entries(spec.parameters)) addParam(id, p, ['parameters', id]);
  for (const [actor, a] of Object.entries(spec.actors)) {
    if (a.autonomy) addParam(`${actor}.autonomy`, a.autonomy, ['actors', actor, 'autonomy']);
    for (const [id, p] of Object.entries(a.params ?? {}))
      addParam(`${actor}.${id}`, p, ['actors', actor, 'params', id]);
  }
  for (const [id, v] of Object.entries(spec.state)) {
    const slot = slots++;
    const info =
      typeof v === 'number' ? { initial: v } : { initial: v.default, min: v.min, max: v.max, unit: v.unit };
    stateVars.push({ name: id, slot, ...info });
    define(`state.${id}`, { kind: 'state', slot, index: stateVars.length - 1 }, ['state', id]);
  }
  Object.entries(spec.types).forEach(([id, t], type) => {
    Object.keys(t.prior).forEach((value, v) => {
      define(`${id}.${value}`, { kind: 'type', slot: slots++, type, value: v }, [
        'types',
        id,
        'prior',
        value,
      ]);
    });
  });

  const catalog = optionCatalog(spec);
  const stageChoices: string[][] = [];
  spec.stages.forEach((s, stage) => {
    const choices = isChanceStage(s) ? Object.keys(s.chance) : stageOptionIds(s, catalog);
    stageChoices.push(choices);
    choices.forEach((c, choice) => {
      const path: Path = isChanceStage(s) ? ['stages', stage, 'chance', c] : ['stages', stage];
      if (c === 'played' || c === 'rank') {
        problems.push({
          path,
          key: isChanceStage(s),
          message: `'${c}' is reserved (${s.id}.${c} is computed); rename this option`,
        });
        return;
      }
      define(`${s.id}.${c}`, { kind: 'move', slot: slots++, stage, choice }, path);
    });
    if (!isChanceStage(s)) names.set(`${s.id}.rank`, { kind: 'rank', slot: slots++, stage });
    names.set(`${s.id}.played`, { kind: 'played', slot: slots++, stage });
  });

  for (const [id, f] of Object.entries(spec.formulas)) {
    const isObject = typeof f === 'object';
    const path: Path = isObject ? ['formulas', id, 'formula'] : ['formulas', id];
    define(id, { kind: 'formula', name: id, path, source: isObject ? f.formula : f }, ['formulas', id]);
  }
  for (const actor of Object.keys(spec.payoffs)) {
    for (const term of ACTOR_TERMS)
      define(`${actor}.${term}`, { kind: 'term', actor, term }, ['payoffs', actor]);
  }

  return { names, params, stateVars, catalog, stageChoices, envSize: slots, problems };
}
