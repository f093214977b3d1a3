// Scenario model + one draw of its parameters → an extensive game of the engine.
// The template is expanded depth-first in preorder: the private types are drawn by chance at the
// root (in file order), then each stage in order: a decision node for the mover with the options
// available there (availability formulas and active policies applied), or a chance node with the
// event's probability formulas. Effects of each move update the outcome state along the path; at
// each leaf every actor's payoff U = gains − (C_kinetic + C_reputation + C_opportunity) is computed
// and its parts are kept in a side table so that reports can break costs down.
// Information sets: nodes of one stage whose histories agree on everything the mover observes
// (Model.visible) form one information set (Kuhn 1953).
import { numFromFloat } from '../game/num.js';
import { TreeBuilder } from '../game/tree.js';
import { CHANCE, type ExtensiveGame, PERSONAL, TERMINAL } from '../game/types.js';
import type { Path, Problem } from './diagnostics.js';
import type { Evaluator } from './expr/compile.js';
import { modelError } from './load.js';
import type { ChoiceModel, EffectModel, Model, StageModel } from './model.js';
import { PAYOFF_TERMS } from './schema.js';
import { didYouMean } from './suggest.js';

export interface CompileOptions {
  /** Names of the scenario's policies to apply. */
  readonly policies?: readonly string[];
  /** Stop with an error beyond this many nodes (default 2,000,000). */
  readonly maxNodes?: number;
  /** Label outcomes with their paths and information sets with what their mover saw (default true; off saves time and memory in large runs). */
  readonly labels?: boolean;
}

/** Per-leaf values, leaf-major flat arrays. Leaves are numbered in preorder. */
export interface LeafTable {
  readonly count: number;
  /** Node index of each leaf. */
  readonly node: Int32Array;
  /** Outcome state at each leaf: state[leaf * stateVars + v]. */
  readonly state: Float64Array;
  /** Every payoff part (Model.components order): parts[leaf * components + c]. */
  readonly parts: Float64Array;
  /** terms[(leaf * actors + actor) * 4 + t], t in PAYOFF_TERMS order (gains, C_kinetic, C_reputation, C_opportunity). */
  readonly terms: Float64Array;
  /** payoff[leaf * actors + actor] = gains − the three costs. */
  readonly payoff: Float64Array;
}

export interface CompiledGame {
  readonly game: ExtensiveGame;
  readonly model: Model;
  /** The parameter values (Model.params order) this game was built with. */
  readonly params: Float64Array;
  readonly policies: readonly string[];
  readonly leaves: LeafTable;
  /**
   * Step of each inner node: 0..T-1 the private types, T + k stage k; -1 for leaves.
   * The action taken into node n is its position among its parent's children.
   */
  readonly nodeStep: Int32Array;
  /** Leaf index of each node, -1 for inner nodes. */
  readonly nodeLeaf: Int32Array;
  /** Step names: type ids then stage ids (the numbering of nodeStep). */
  readonly steps: readonly string[];
  /**
   * Set when the leaf values were copied from another game of the same model and parameters whose
   * tree contains this one (game-compiler.ts): leaf l has the values of leaf map[l] of `game`.
   */
  readonly copiedFrom?: { readonly game: CompiledGame; readonly map: Int32Array };
}

const DEFAULT_MAX_NODES = 2_000_000;
export const PROB_TOLERANCE = 1e-9;

interface Growing {
  data: Float64Array;
  length: number;
}

function grow(g: Growing, n: number): void {
  if (g.length + n <= g.data.length) return;
  let size = Math.max(64, g.data.length * 2);
  while (size < g.length + n) size *= 2;
  const next = new Float64Array(size);
  next.set(g.data.subarray(0, g.length));
  g.data = next;
}

/** Everything the recursive expansion shares. */
interface Expansion {
  readonly model: Model;
  readonly env: Float64Array;
  readonly builder: TreeBuilder;
  /** Chosen index at each step so far; -1 when not played. */
  readonly history: Int32Array;
  /** Per stage, information-set key (see infoKey) → information set. */
  readonly infosets: Map<number | string, { index: number; choices: number[] }>[];
  /** Per stage, the key weight of each step (0 when the mover does not see it); undefined when keys would overflow. */
  readonly keyWeights: (Float64Array | undefined)[];
  /** Per stage, every choice index: the result when nothing filters them. */
  readonly allChoices: number[][];
  /** Old values of state variables changed by effects, to undo them on the way back up. */
  readonly undo: Growing;
  /** New values of effects, computed before any is applied. */
  readonly scratch: Float64Array;
  readonly rules: {
    stage: number;
    forbid: number[];
    fix?: number;
    when?: Evaluator;
    path: Path;
    policy: string;
  }[];
  readonly labels: boolean;
  readonly maxNodes: number;
  readonly nodeStep: number[];
  readonly leafNode: number[];
  readonly state: Growing;
  readonly parts: Growing;
}

function stepName(m: Model, step: number): string {
  const T = m.types.length;
  return step < T ? m.types[step]!.id : m.stages[step - T]!.id;
}

function choiceName(m: Model, step: number, choice: number): string {
  const T = m.types.length;
  return step < T ? m.types[step]!.values[choice]! : m.stages[step - T]!.choices[choice]!.id;
}

/** "us_type=resolved, us_open=strike" for the steps played so far (all, or those in `only`). */
function historyText(x: Expansion, upTo: number, only?: boolean[]): string {
  const parts: string[] = [];
  for (let s = 0; s < upTo; s++) {
    if (only && !only[s]) continue;
    const c = x.history[s]!;
    parts.push(`${stepName(x.model, s)}=${c < 0 ? '(none)' : choiceName(x.model, s, c)}`);
  }
  return parts.join(', ');
}

function fail(x: Expansion, step: number, problem: Omit<Problem, 'message'> & { message: string }): never {
  const where = step > 0 ? ` (after ${historyText(x, step)})` : '';
  throw modelError(x.model, [{ ...problem, message: `${problem.message}${where}` }]);
}

function checkNodeCount(x: Expansion, step: number): void {
  if (x.builder.nodeCount >= x.maxNodes) {
    fail(x, step, {
      path: ['stages'],
      message: `the game has more than ${x.maxNodes} nodes: prune options with availability conditions, merge stages, or raise maxNodes`,
    });
  }
}

/** Probabilities of a chance step's branches, checked to be a distribution. */
function chanceProbs(
  x: Expansion,
  step: number,
  probs: (Evaluator | 'otherwise')[],
  paths: Path[],
): number[] {
  const values = probs.map((p) => (p === 'otherwise' ? 0 : p(x.env)));
  const rest = probs.indexOf('otherwise');
  if (rest >= 0) values[rest] = 1 - values.reduce((s, v) => s + v, 0);
  values.forEach((v, i) => {
    if (!(v >= -PROB_TOLERANCE && v <= 1 + PROB_TOLERANCE)) {
      fail(x, step, { path: paths[i]!, message: `expected a probability between 0 and 1, got ${v}` });
    }
  });
  const total = values.reduce((s, v) => s + v, 0);
  if (Math.abs(total - 1) > PROB_TOLERANCE) {
    fail(x, step, {
      path: paths[0]!.slice(0, -2),
      message: `the probabilities add up to ${total}, not 1 (use prob: otherwise for the remainder)`,
    });
  }
  return values.map((v) => Math.min(1, Math.max(0, v)));
}

/** Applies a move's effects, all computed from the state before it; old values go on x.undo. */
function applyEffects(x: Expansion, effects: EffectModel[]): void {
  const { env, scratch } = x;
  for (let k = 0; k < effects.length; k++) scratch[k] = effects[k]!.value(env);
  grow(x.undo, effects.length);
  effects.forEach((e, k) => {
    const old = env[e.slot]!;
    x.undo.data[x.undo.length++] = old;
    const v = scratch[k]!;
    let value: number;
    switch (e.op) {
      case 'add':
        value = old + v;
        break;
      case 'set':
        value = v;
        break;
      case 'mul':
        value = old * v;
        break;
      case 'max':
        value = Math.max(old, v);
        break;
      case 'min':
        value = Math.min(old, v);
        break;
    }
    const info = x.model.stateVars[e.state]!;
    if (info.min !== undefined && value < info.min) value = info.min;
    if (info.max !== undefined && value > info.max) value = info.max;
    env[e.slot] = value;
  });
}

function undoEffects(x: Expansion, effects: EffectModel[]): void {
  for (let k = effects.length - 1; k >= 0; k--) x.env[effects[k]!.slot] = x.undo.data[--x.undo.length]!;
}

function emitLeaf(x: Expansion, step: number): void {
  const m = x.model;
  const np = m.actors.length;
  const payoff = new Array<number>(np).fill(0);
  const { components, stateVars } = m;
  grow(x.parts, components.length);
  const parts = x.parts.data;
  for (let k = 0; k < components.length; k++) {
    const c = components[k]!;
    const v = c.value(x.env);
    if (!Number.isFinite(v)) {
      fail(x, step, { path: c.path, message: `the payoff formula gives ${v}, expected a finite number` });
    }
    parts[x.parts.length + k] = v;
    payoff[c.actor] += c.term === 'gains' ? v : -v;
  }
  x.parts.length += components.length;
  grow(x.state, stateVars.length);
  for (let k = 0; k < stateVars.length; k++) x.state.data[x.state.length + k] = x.env[stateVars[k]!.slot]!;
  x.state.length += stateVars.length;
  const label = x.labels ? historyText(x, m.types.length + m.stages.length) : '';
  const outcome = x.builder.addOutcome({ label, payoffs: payoff.map(numFromFloat) });
  checkNodeCount(x, step);
  x.leafNode.push(x.builder.addNode(TERMINAL, -1, outcome, ''));
  x.nodeStep.push(-1);
}

function chooseAndRecurse(
  x: Expansion,
  step: number,
  stage: StageModel | undefined,
  choice: ChoiceModel | undefined,
  typeSlot: number,
  index: number,
): void {
  const { env } = x;
  x.history[step] = index;
  if (stage && choice) {
    env[stage.playedSlot] = 1;
    env[choice.slot] = 1;
    if (stage.rankSlot >= 0) env[stage.rankSlot] = choice.rank;
    applyEffects(x, choice.effects);
  } else env[typeSlot] = 1;
  expand(x, choice?.ends ? x.model.types.length + x.model.stages.length : step + 1);
  if (stage && choice) {
    undoEffects(x, choice.effects);
    env[stage.playedSlot] = 0;
    env[choice.slot] = 0;
    if (stage.rankSlot >= 0) env[stage.rankSlot] = 0;
  } else env[typeSlot] = 0;
  x.history[step] = -1;
}

/** The choices left at a decision node after availability and policies. */
function availableChoices(x: Expansion, step: number, k: number, stage: StageModel): number[] {
  const all = x.allChoices[k]!;
  let open = all;
  if (stage.choices.some((c) => c.available !== undefined)) {
    open = all.filter((i) => {
      const a = stage.choices[i]!.available;
      return a === undefined || a(x.env) !== 0;
    });
  }
  for (const r of x.rules) {
    if (r.stage !== k || (r.when && r.when(x.env) === 0)) continue;
    if (r.fix !== undefined) {
      if (!open.includes(r.fix)) {
        fail(x, step, {
          path: r.path,
          message: `policy '${r.policy}' fixes '${stage.choices[r.fix]!.id}', which is not available here`,
        });
      }
      open = [r.fix];
    } else open = open.filter((i) => !r.forbid.includes(i));
  }
  if (open.length === 0) {
    fail(x, step, {
      path: stage.path,
      message: `no option of ${x.model.actors[stage.actor]} is available at stage '${stage.id}': give the stage a 'when' condition or make an option available`,
    });
  }
  return open;
}

/**
 * Identifies what the mover at stage k knows: the choices at the steps it sees. A number in mixed
 * radix (each step's choice + 1, so "not played" is 0) when that fits in a double exactly, else text.
 */
function infoKey(x: Expansion, step: number, k: number): number | string {
  const w = x.keyWeights[k];
  const visible = x.model.visible[k]!;
  if (w) {
    let key = 0;
    for (let s = 0; s < step; s++) key += w[s]! * (x.history[s]! + 1);
    return key;
  }
  let key = '';
  for (let s = 0; s < step; s++) if (visible[s]) key += `|${x.history[s]}`;
  return key;
}

/** Key weights per stage, or undefined where the number of distinct keys exceeds 2^53. */
function keyWeights(model: Model): (Float64Array | undefined)[] {
  const T = model.types.length;
  const arity = [...model.types.map((t) => t.values.length), ...model.stages.map((s) => s.choices.length)];
  return model.stages.map((_, k) => {
    const w = new Float64Array(T + k);
    let m = 1;
    for (let s = 0; s < T + k; s++) {
      if (!model.visible[k]![s]) continue;
      w[s] = m;
      m *= arity[s]! + 1;
    }
    return m <= Number.MAX_SAFE_INTEGER ? w : undefined;
  });
}

function sameChoices(a: number[], b: number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function decisionNode(x: Expansion, step: number, k: number, stage: StageModel): void {
  const open = availableChoices(x, step, k, stage);
  const visible = x.model.visible[k]!;
  const key = infoKey(x, step, k);
  let info = x.infosets[k]!.get(key);
  if (!info) {
    const seen = x.labels ? historyText(x, step, visible) : '';
    const index = x.builder.addInfoset({
      player: stage.actor,
      label: seen ? `${stage.id} | ${seen}` : stage.id,
      actions: open.map((i) => stage.choices[i]!.id),
    });
    info = { index, choices: open };
    x.infosets[k]!.set(key, info);
  } else if (!sameChoices(info.choices, open)) {
    const names = (cs: number[]) => cs.map((i) => stage.choices[i]!.id).join(', ');
    fail(x, step, {
      path: stage.path,
      message: `${x.model.actors[stage.actor]} cannot tell these histories apart at stage '${stage.id}' but is offered different options ([${names(info.choices)}] vs [${names(open)}]): availability depends on something it does not observe`,
    });
  }
  checkNodeCount(x, step);
  x.builder.addNode(PERSONAL, info.index, -1, '');
  x.nodeStep.push(step);
  for (const i of info.choices) chooseAndRecurse(x, step, stage, stage.choices[i]!, -1, i);
}

function chanceStageNode(x: Expansion, step: number, stage: StageModel): void {
  const probs = chanceProbs(
    x,
    step,
    stage.choices.map((c) => c.prob!),
    stage.choices.map((c) => [...c.path, 'prob']),
  );
  const index = x.builder.addInfoset({
    player: -1,
    label: stage.id,
    actions: stage.choices.map((c) => c.id),
    probs: probs.map(numFromFloat),
  });
  checkNodeCount(x, step);
  x.builder.addNode(CHANCE, index, -1, '');
  x.nodeStep.push(step);
  stage.choices.forEach((c, i) => {
    chooseAndRecurse(x, step, stage, c, -1, i);
  });
}

function typeNode(x: Expansion, step: number): void {
  const t = x.model.types[step]!;
  const probs = chanceProbs(
    x,
    step,
    t.prior,
    t.values.map((v) => [...t.path, 'prior', v]),
  );
  const index = x.builder.addInfoset({
    player: -1,
    label: t.id,
    actions: t.values,
    probs: probs.map(numFromFloat),
  });
  checkNodeCount(x, step);
  x.builder.addNode(CHANCE, index, -1, '');
  x.nodeStep.push(step);
  t.slots.forEach((slot, i) => {
    chooseAndRecurse(x, step, undefined, undefined, slot, i);
  });
}

function expand(x: Expansion, step: number): void {
  const m = x.model;
  const T = m.types.length;
  if (step >= T + m.stages.length) {
    emitLeaf(x, step);
    return;
  }
  if (step < T) {
    typeNode(x, step);
    return;
  }
  const k = step - T;
  const stage = m.stages[k]!;
  if (stage.when && stage.when(x.env) === 0) {
    expand(x, step + 1);
    return;
  }
  if (stage.kind === 'chance') chanceStageNode(x, step, stage);
  else decisionNode(x, step, k, stage);
}

function activeRules(model: Model, names: readonly string[]): Expansion['rules'] {
  const out: Expansion['rules'] = [];
  for (const name of names) {
    const rules = model.policies.get(name);
    if (!rules) {
      const known = [...model.policies.keys()];
      const list = known.length ? `; the scenario has: ${known.join(', ')}` : '; the scenario has none';
      throw modelError(model, [
        { path: ['policies'], message: `no policy named '${name}'${didYouMean(name, known)}${list}` },
      ]);
    }
    for (const r of rules) out.push({ ...r, policy: name });
  }
  return out;
}

/** Expands the scenario into a game for one vector of parameter values. Throws ScenarioError. */
export function compileGame(model: Model, params: Float64Array, options: CompileOptions = {}): CompiledGame {
  if (params.length !== model.params.length) {
    throw new Error(`expected ${model.params.length} parameter values, got ${params.length}`);
  }
  const env = new Float64Array(model.envSize);
  model.params.forEach((p, i) => {
    env[p.slot] = params[i]!;
  });
  for (const s of model.stateVars) env[s.slot] = s.initial;
  const steps = [...model.types.map((t) => t.id), ...model.stages.map((s) => s.id)];
  const x: Expansion = {
    model,
    env,
    builder: new TreeBuilder({
      title: model.spec.title,
      comment: model.spec.description ?? '',
      players: model.actors,
    }),
    history: new Int32Array(steps.length).fill(-1),
    infosets: model.stages.map(() => new Map()),
    keyWeights: keyWeights(model),
    allChoices: model.stages.map((st) => st.choices.map((_, i) => i)),
    undo: { data: new Float64Array(64), length: 0 },
    scratch: new Float64Array(
      Math.max(1, ...model.stages.flatMap((st) => st.choices.map((c) => c.effects.length))),
    ),
    rules: activeRules(model, options.policies ?? []),
    labels: options.labels ?? true,
    maxNodes: options.maxNodes ?? DEFAULT_MAX_NODES,
    nodeStep: [],
    leafNode: [],
    state: { data: new Float64Array(0), length: 0 },
    parts: { data: new Float64Array(0), length: 0 },
  };
  expand(x, 0);
  const game = x.builder.finish();
  const count = x.leafNode.length;
  const np = model.actors.length;
  const nc = model.components.length;
  const parts = x.parts.data.slice(0, x.parts.length);
  const terms = new Float64Array(count * np * PAYOFF_TERMS.length);
  const payoff = new Float64Array(count * np);
  const nt = PAYOFF_TERMS.length;
  const termOf = Int32Array.from(model.components, (c) => c.actor * nt + PAYOFF_TERMS.indexOf(c.term));
  const sign = Float64Array.from(model.components, (c) => (c.term === 'gains' ? 1 : -1));
  const actorOf = Int32Array.from(model.components, (c) => c.actor);
  for (let leaf = 0; leaf < count; leaf++) {
    for (let k = 0; k < nc; k++) {
      const v = parts[leaf * nc + k]!;
      terms[leaf * np * nt + termOf[k]!] += v;
      payoff[leaf * np + actorOf[k]!] += sign[k]! * v;
    }
  }
  const nodeLeaf = new Int32Array(game.nodes.count).fill(-1);
  x.leafNode.forEach((n, leaf) => {
    nodeLeaf[n] = leaf;
  });
  return {
    game,
    model,
    params: Float64Array.from(params),
    policies: [...(options.policies ?? [])],
    leaves: {
      count,
      node: Int32Array.from(x.leafNode),
      state: x.state.data.slice(0, x.state.length),
      parts,
      terms,
      payoff,
    },
    nodeStep: Int32Array.from(x.nodeStep),
    nodeLeaf,
    steps,
  };
}

/** The moves on the path to a node: step name and choice name, root first. */
export function pathTo(cg: CompiledGame, node: number): { step: string; choice: string }[] {
  const { parent, childStart, childList, infoset } = cg.game.nodes;
  const out: { step: string; choice: string }[] = [];
  for (let n = node; parent[n]! >= 0; n = parent[n]!) {
    const p = parent[n]!;
    let a = 0;
    while (childList[childStart[p]! + a] !== n) a++;
    // Action labels are choice ids; decision nodes offer only the available choices.
    out.push({ step: cg.steps[cg.nodeStep[p]!]!, choice: cg.game.infosets[infoset[p]!]!.actions[a]! });
  }
  return out.reverse();
}
