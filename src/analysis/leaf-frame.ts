import type { NodeTable } from '../game/types.js';
// One solved game read as a table of leaves: how likely each leaf is (ρ), which choice was taken at
// every step on its path, and the values of the scenario's formulas there. Every figure of the
// analysis is an expectation over this table, E[X | A] = Σ_{ℓ∈A} ρ(ℓ) X(ℓ) / Σ_{ℓ∈A} ρ(ℓ)
// (design §5.0), so it can be traced to the formula X and the event A it sums.
import type { CompiledGame } from '../scenario/compile.js';
import type { Evaluator } from '../scenario/expr/compile.js';
import { BatchSpecialiser, LeafPrograms } from '../scenario/expr/specialise.js';
import { modelSpecialiser } from '../scenario/game-compiler.js';
import { type Model, compileExpression } from '../scenario/model.js';

/** Formulas of the scenario evaluated at every leaf, compiled once per model. */
export interface FeatureSet {
  readonly model: Model;
  readonly texts: readonly string[];
  readonly evaluators: readonly Evaluator[];
}

export function compileFeatures(model: Model, texts: readonly string[]): FeatureSet {
  const unique = [...new Set(texts)];
  return { model, texts: unique, evaluators: unique.map((t) => compileExpression(model, t)) };
}

export interface LeafFrame {
  readonly cg: CompiledGame;
  readonly count: number;
  /** ρ: probability of each leaf under the solved profile (sums to 1). */
  readonly prob: Float64Array;
  /** Steps: the private types, then the stages (CompiledGame.steps). */
  readonly steps: readonly string[];
  /** Read-only (shared by the frames of one tree). history[leaf * steps.length + s]: the choice taken at step s (index into the type's values or the stage's choices), -1 when the stage did not happen. */
  readonly history: Int16Array;
  /**
   * Formula text → its value at every leaf. Read-only: a column the moves alone determine is shared
   * by the frames of every draw of the same tree.
   */
  readonly columns: ReadonlyMap<string, Float64Array>;
}

/** Per information set of the compiled game, action position → choice index of its step. */
function actionToChoice(cg: CompiledGame): (infoset: number, step: number) => Int16Array {
  const m = cg.model;
  const T = m.types.length;
  const cache = new Map<number, Int16Array>();
  return (h, step) => {
    let map = cache.get(h);
    if (!map) {
      const ids = step < T ? m.types[step]!.values : m.stages[step - T]!.choices.map((c) => c.id);
      map = Int16Array.from(cg.game.infosets[h]!.actions, (a) => ids.indexOf(a));
      cache.set(h, map);
    }
    return map;
  };
}

/** The choice history of every leaf, from the tree (nodes are numbered in preorder). */
export function leafHistories(cg: CompiledGame): Int16Array {
  const S = cg.steps.length;
  const { count, childStart, childList, infoset } = cg.game.nodes;
  const nodeHist = new Int16Array(count * S).fill(-1);
  const choiceOf = actionToChoice(cg);
  for (let n = 0; n < count; n++) {
    const step = cg.nodeStep[n]!;
    if (step < 0) continue;
    const map = choiceOf(infoset[n]!, step);
    for (let c = childStart[n]!, a = 0; c < childStart[n + 1]!; c++, a++) {
      const child = childList[c]!;
      nodeHist.copyWithin(child * S, n * S, n * S + S);
      nodeHist[child * S + step] = map[a]!;
    }
  }
  const out = new Int16Array(cg.leaves.count * S);
  for (let leaf = 0; leaf < cg.leaves.count; leaf++) {
    const n = cg.leaves.node[leaf]!;
    out.set(nodeHist.subarray(n * S, n * S + S), leaf * S);
  }
  return out;
}

/** Per tree (node table) and feature set: the features specialised to each leaf (expr/specialise.ts). */
interface FramePlan {
  /** Slot of feature f's value at a leaf: slot[leaf * features + f], after running the leaf's program. */
  readonly slot: Int32Array;
  /** What each leaf computes: ids[start[leaf]] .. ids[start[leaf + 1] - 1] (see LeafPrograms). */
  readonly start: Int32Array;
  readonly ids: Int32Array;
  /** Per feature: its column when the moves alone fix its value at every leaf (the same for every draw), else undefined. */
  readonly fixed: (Float64Array | undefined)[];
}

/** State slots the moves of two leaves may set differently: those written at and after the first step where they differ. */
function changedSlots(m: Model, history: Int16Array, leaf: number): Set<number> | undefined {
  if (leaf === 0) return undefined;
  const T = m.types.length;
  const S = T + m.stages.length;
  const out = new Set<number>();
  let s = 0;
  while (s < S && history[leaf * S + s] === history[(leaf - 1) * S + s]) s++;
  for (; s < S; s++) {
    if (s < T) continue;
    const stage = m.stages[s - T]!;
    for (const l of [leaf, leaf - 1]) {
      const c = history[l * S + s]!;
      if (c >= 0) for (const e of stage.choices[c]!.effects) out.add(e.slot);
    }
  }
  return out;
}

const historyCache = new WeakMap<NodeTable, Int16Array>();
const planCache = new WeakMap<NodeTable, Map<FeatureSet, FramePlan>>();

/** Sets the slots of the leaf's moves (and clears those of the previous leaf, listed in `set`). */
function setMoves(m: Model, history: Int16Array, leaf: number, env: Float64Array, set: number[]): void {
  const T = m.types.length;
  const S = T + m.stages.length;
  for (const slot of set) env[slot] = 0;
  set.length = 0;
  for (let s = 0; s < S; s++) {
    const c = history[leaf * S + s]!;
    if (c < 0) continue;
    if (s < T) {
      set.push(m.types[s]!.slots[c]!);
      env[m.types[s]!.slots[c]!] = 1;
      continue;
    }
    const stage = m.stages[s - T]!;
    const choice = stage.choices[c]!;
    env[choice.slot] = 1;
    env[stage.playedSlot] = 1;
    set.push(choice.slot, stage.playedSlot);
    if (stage.rankSlot >= 0) {
      env[stage.rankSlot] = choice.rank;
      set.push(stage.rankSlot);
    }
  }
}

function framePlan(cg: CompiledGame, history: Int16Array, features: FeatureSet): FramePlan {
  let byFeatures = planCache.get(cg.game.nodes);
  if (!byFeatures) {
    byFeatures = new Map();
    planCache.set(cg.game.nodes, byFeatures);
  }
  const known = byFeatures.get(features);
  if (known) return known;
  const m = cg.model;
  const sp = modelSpecialiser(m);
  const F = features.evaluators.length;
  const count = cg.leaves.count;
  const env = new Float64Array(m.envSize);
  const set: number[] = [];
  const slot = new Int32Array(count * F);
  const programs = new LeafPrograms(sp);
  const batch = new BatchSpecialiser(sp, features.evaluators);
  const fixed: (Float64Array | undefined)[] = features.evaluators.map(() => new Float64Array(count));
  for (let leaf = 0; leaf < count; leaf++) {
    setMoves(m, history, leaf, env, set);
    const roots = batch.at(env);
    for (let f = 0; f < F; f++) {
      slot[leaf * F + f] = sp.valueSlot(roots[f]!);
      const c = sp.constantOf(roots[f]!);
      if (c === undefined) fixed[f] = undefined;
      else if (fixed[f]) fixed[f]![leaf] = c;
    }
    programs.add(roots, changedSlots(m, history, leaf));
  }
  const plan = { slot, ...programs.finish(), fixed };
  byFeatures.set(features, plan);
  return plan;
}

/**
 * Evaluates the features at every leaf: parameters, the leaf's outcome state and its path's moves.
 * Each feature is specialised once per tree to the moves of each leaf, so that a draw computes only
 * what depends on its parameters and on the leaf's state; the values are those of the formulas.
 */
function evaluateColumns(
  cg: CompiledGame,
  history: Int16Array,
  features: FeatureSet,
): Map<string, Float64Array> {
  const m = cg.model;
  const plan = framePlan(cg, history, features);
  const sp = modelSpecialiser(m);
  const env = new Float64Array(sp.envSize);
  m.params.forEach((p, i) => {
    env[p.slot] = cg.params[i]!;
  });
  sp.prepare(env);
  const ns = m.stateVars.length;
  const stateSlots = Int32Array.from(m.stateVars, (s) => s.slot);
  const F = features.texts.length;
  const count = cg.leaves.count;
  const { slot, start, ids, fixed } = plan;
  const cols = features.texts.map((_, f) => fixed[f] ?? new Float64Array(count));
  const live = Int32Array.from(features.texts.flatMap((_, f) => (fixed[f] ? [] : [f])));
  const state = cg.leaves.state;
  const set: number[] = [];
  for (let leaf = 0; leaf < count; leaf++) {
    // The moves are set too: formulas the specialiser cannot see into (payoff terms) read them.
    setMoves(m, history, leaf, env, set);
    for (let k = 0; k < ns; k++) env[stateSlots[k]!] = state[leaf * ns + k]!;
    sp.run(ids, env, start[leaf]!, start[leaf + 1]!);
    for (let i = 0; i < live.length; i++) {
      const f = live[i]!;
      cols[f]![leaf] = env[slot[leaf * F + f]!]!;
    }
  }
  return new Map(features.texts.map((t, i) => [t, cols[i]!]));
}

/**
 * The columns of a game whose leaf values were copied from `from`'s game (a policy game and the
 * baseline of the same draw): each formula has the same value at a leaf as at the leaf it was copied
 * from (same path, same parameters), so the columns are gathered; undefined when `from` does not
 * hold every feature or is not that game's frame.
 */
function gatheredColumns(
  cg: CompiledGame,
  features: FeatureSet,
  from: LeafFrame | undefined,
): Map<string, Float64Array> | undefined {
  const src = cg.copiedFrom;
  if (!from || !src || src.game !== from.cg) return undefined;
  if (!features.texts.every((t) => from.columns.has(t))) return undefined;
  const { map } = src;
  return new Map(
    features.texts.map((t) => {
      const source = from.columns.get(t)!;
      const col = new Float64Array(map.length);
      for (let l = 0; l < map.length; l++) col[l] = source[map[l]!]!;
      return [t, col];
    }),
  );
}

/**
 * The frame of a solved game. `from`, optional: the frame of the game this one's leaf values were
 * copied from (CompiledGame.copiedFrom), whose columns are then gathered instead of evaluated.
 */
export function buildFrame(
  cg: CompiledGame,
  prob: Float64Array,
  features: FeatureSet,
  from?: LeafFrame,
): LeafFrame {
  // Replayed draws share their tree (scenario/game-compiler.ts), so the histories are kept per tree.
  let history = historyCache.get(cg.game.nodes);
  if (!history) {
    history = leafHistories(cg);
    historyCache.set(cg.game.nodes, history);
  }
  return {
    cg,
    count: cg.leaves.count,
    prob,
    steps: cg.steps,
    history,
    columns: gatheredColumns(cg, features, from) ?? evaluateColumns(cg, history, features),
  };
}

// ---- reading a frame -----------------------------------------------------------------------------

/** A formula's column; the formula must be among the frame's features. */
export function column(frame: LeafFrame, text: string): Float64Array {
  const c = frame.columns.get(text);
  if (!c) throw new Error(`internal: feature '${text}' was not evaluated`);
  return c;
}

/** Index of a step (type or stage id). */
export function stepIndex(frame: LeafFrame, id: string): number {
  const s = frame.steps.indexOf(id);
  if (s < 0) throw new Error(`internal: no step '${id}'`);
  return s;
}

/** The choice ids of a step: a type's values or a stage's choices, in model order. */
export function choiceIds(model: Model, step: string): string[] {
  const t = model.types.find((x) => x.id === step);
  if (t) return t.values;
  const s = model.stages.find((x) => x.id === step);
  if (!s) throw new Error(`internal: no step '${step}'`);
  return s.choices.map((c) => c.id);
}

/** Index of a choice at a step. */
export function choiceIndex(model: Model, step: string, id: string): number {
  const i = choiceIds(model, step).indexOf(id);
  if (i < 0) throw new Error(`internal: no choice '${id}' at '${step}'`);
  return i;
}

/** Leaves where the step took this choice (1) or not (0). */
export function took(frame: LeafFrame, step: string, id: string): Uint8Array {
  const s = stepIndex(frame, step);
  const c = choiceIndex(frame.cg.model, step, id);
  const S = frame.steps.length;
  const out = new Uint8Array(frame.count);
  for (let l = 0; l < frame.count; l++) if (frame.history[l * S + s] === c) out[l] = 1;
  return out;
}

const truthCache = new WeakMap<Float64Array, Uint8Array>();

/** A 0/1 mask from a column (non-zero = true); computed once per column. */
export function truthOf(values: Float64Array): Uint8Array {
  let out = truthCache.get(values);
  if (out) return out;
  out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && !Number.isNaN(values[i]!)) out[i] = 1;
  truthCache.set(values, out);
  return out;
}

/** Leaves in both masks. */
export function both(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

/** Leaves not in the mask. */
export function not(a: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = 1 - a[i]!;
  return out;
}

/** Σ ρ over the leaves of a mask (all leaves when no mask). */
export function mass(frame: LeafFrame, mask?: Uint8Array): number {
  let s = 0;
  for (let l = 0; l < frame.count; l++) if (!mask || mask[l]) s += frame.prob[l]!;
  return s;
}

/** E[X] or E[X | mask]; NaN when the mask has no probability. X is a column or a per-leaf function. */
export function expectation(
  frame: LeafFrame,
  x: ArrayLike<number> | ((leaf: number) => number),
  mask?: Uint8Array,
): number {
  let num = 0;
  let den = 0;
  const get = typeof x === 'function' ? x : (l: number) => x[l]!;
  for (let l = 0; l < frame.count; l++) {
    if (mask && !mask[l]) continue;
    const w = frame.prob[l]!;
    den += w;
    if (w !== 0) num += w * get(l);
  }
  return den > 0 ? num / den : Number.NaN;
}

/** P(event) or P(event | mask). */
export function probability(frame: LeafFrame, event: Uint8Array, mask?: Uint8Array): number {
  return expectation(frame, event, mask);
}

/** Probability mass of every combination of choices at some steps (design §5.5's conditionals). */
export interface CrossTab {
  readonly steps: readonly string[];
  /** Per step, its choice ids; index 0 of each axis is "did not happen". */
  readonly axes: readonly string[][];
  /** mass[index], index = Σ (choice + 1) · stride[i]. */
  readonly mass: Float64Array;
  readonly stride: readonly number[];
}

export function crossTab(frame: LeafFrame, steps: readonly string[]): CrossTab {
  const model = frame.cg.model;
  const axes = steps.map((s) => choiceIds(model, s));
  const stride: number[] = [];
  let size = 1;
  for (const a of axes) {
    stride.push(size);
    size *= a.length + 1;
  }
  const cells = crossTabCells(frame, steps, stride);
  const out = new Float64Array(size);
  for (let l = 0; l < frame.count; l++) out[cells[l]!]! += frame.prob[l];
  return { steps, axes, mass: out, stride };
}

// Per tree (the histories are shared by its draws) and list of steps: each leaf's cell.
const cellCache = new WeakMap<Int16Array, Map<string, Int32Array>>();

function crossTabCells(frame: LeafFrame, steps: readonly string[], stride: readonly number[]): Int32Array {
  let bySteps = cellCache.get(frame.history);
  if (!bySteps) {
    bySteps = new Map();
    cellCache.set(frame.history, bySteps);
  }
  const key = steps.join('\u0000');
  const known = bySteps.get(key);
  if (known) return known;
  const idx = steps.map((s) => stepIndex(frame, s));
  const S = frame.steps.length;
  const cells = new Int32Array(frame.count);
  for (let l = 0; l < frame.count; l++) {
    let k = 0;
    for (let i = 0; i < idx.length; i++) k += (frame.history[l * S + idx[i]!]! + 1) * stride[i]!;
    cells[l] = k;
  }
  bySteps.set(key, cells);
  return cells;
}

/** Mass of the cells matching the given choices (undefined = any; -1 = did not happen). */
export function cellMass(tab: CrossTab, choices: readonly (number | undefined)[]): number {
  let total = 0;
  const dims = tab.axes.map((a) => a.length + 1);
  const rec = (i: number, base: number): void => {
    if (i === dims.length) {
      total += tab.mass[base]!;
      return;
    }
    const c = choices[i];
    if (c !== undefined) rec(i + 1, base + (c + 1) * tab.stride[i]!);
    else for (let v = 0; v < dims[i]!; v++) rec(i + 1, base + v * tab.stride[i]!);
  };
  rec(0, 0);
  return total;
}
