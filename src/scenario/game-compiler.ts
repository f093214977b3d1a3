// Compiling one scenario for many parameter draws: the tree of a policy rarely changes between
// draws, so after one full compileGame the compiler keeps its structure (nodes, information sets,
// leaves) and a plan of the formulas specialised to each position (expr/specialise.ts). A later
// draw replays the preorder walk with the new parameters: effects, chance probabilities and leaf
// payoffs are recomputed, and every formula that shapes the tree (stage `when`, availability,
// policy rule `when`) is re-evaluated where it does not fold to a constant. When any of them
// differs from the recorded tree, or a value is invalid (a probability out of range, a payoff not
// finite), the draw is compiled in full instead, so the result (and any error) is always the one
// compileGame gives. Outcome payoffs (exact Num objects) are built only when someone reads them.
import { numFromFloat } from '../game/num.js';
import type { ExtensiveGame, Infoset, Outcome } from '../game/types.js';
import { type CompileOptions, type CompiledGame, PROB_TOLERANCE, compileGame } from './compile.js';
import { BatchSpecialiser, DRAW, KNOWN, LeafPrograms, Specialiser } from './expr/specialise.js';
import type { Model } from './model.js';
import { PAYOFF_TERMS } from './schema.js';

const specialisers = new WeakMap<Model, Specialiser>();

/** The specialiser of a model's formulas (one per model, shared by compilers and leaf frames). */
export function modelSpecialiser(model: Model): Specialiser {
  let sp = specialisers.get(model);
  if (!sp) {
    const cls = new Uint8Array(model.envSize);
    for (const p of model.params) cls[p.slot] = DRAW;
    for (const t of model.types) for (const s of t.slots) cls[s] = KNOWN;
    for (const st of model.stages) {
      cls[st.playedSlot] = KNOWN;
      if (st.rankSlot >= 0) cls[st.rankSlot] = KNOWN;
      for (const c of st.choices) cls[c.slot] = KNOWN;
    }
    sp = new Specialiser(cls);
    specialisers.set(model, sp);
  }
  return sp;
}

const OPS = { add: 0, set: 1, mul: 2, max: 3, min: 4 } as const;

/** The recorded tree: a full compile's game without its outcomes, and its leaf numbering. */
interface Tree {
  readonly game: Omit<ExtensiveGame, 'outcomes'>;
  readonly leaves: { readonly count: number; readonly node: Int32Array };
  readonly nodeStep: Int32Array;
  readonly nodeLeaf: Int32Array;
  readonly steps: readonly string[];
}

/** The tree of a full compile (not the whole game: its outcomes and leaf values are per draw and large). */
function treeOf(cg: CompiledGame): Tree {
  return {
    game: {
      title: cg.game.title,
      comment: cg.game.comment,
      players: cg.game.players,
      nodes: cg.game.nodes,
      infosets: cg.game.infosets,
    },
    leaves: { count: cg.leaves.count, node: cg.leaves.node },
    nodeStep: cg.nodeStep,
    nodeLeaf: cg.nodeLeaf,
    steps: cg.steps,
  };
}

/** A decision node whose options depend on the draw: residuals of availability and rule conditions. */
interface DynamicDecision {
  readonly stage: number;
  readonly avail: Int32Array;
  readonly rules: Int32Array;
  readonly choices: Int32Array;
}

/** A policy's tree and the specialised formulas at its positions, for replaying draws. */
interface Plan {
  readonly base: Tree;
  readonly sp: Specialiser;
  /** Per node: where its edge data starts (edges are indexed by the child node). */
  readonly setStart: Int32Array;
  readonly setSlot: Int32Array;
  readonly setValue: Float64Array;
  readonly fxStart: Int32Array;
  readonly fxRes: Int32Array;
  readonly fxSlot: Int32Array;
  readonly fxOp: Uint8Array;
  readonly fxMin: Float64Array;
  readonly fxMax: Float64Array;
  /** Checks of stage `when` conditions before each node: residual and whether it must be 0 (skip). */
  readonly checkStart: Int32Array;
  readonly checkRes: Int32Array;
  readonly checkSkip: Uint8Array;
  /** Chance nodes: residuals of the probabilities (-1 for 'otherwise'). */
  readonly chance: Map<number, Int32Array>;
  readonly decisions: Map<number, DynamicDecision>;
  /** Slot of each component's value at each leaf (after running the leaf's program). */
  readonly leafSlot: Int32Array;
  /** What each leaf computes: progIds[progStart[leaf]] .. (see LeafPrograms). */
  readonly progStart: Int32Array;
  readonly progIds: Int32Array;
  readonly maxEffects: number;
  readonly depth: number;
}

class Mismatch extends Error {}

/**
 * Leaf values to copy instead of computing: a game of the same model and parameters whose tree
 * contains this one (a policy only fixes or forbids choices, so each of its leaves is a leaf of the
 * unconstrained game with the same path, where every effect and payoff formula gives the same value).
 */
interface LeafSource {
  readonly game: CompiledGame;
  readonly leaves: CompiledGame['leaves'];
  /** This tree's leaf → the source's leaf. */
  readonly map: Int32Array;
}

/** The path of every leaf as text: the step and action taken at each node from the root. */
function leafPaths(tree: Pick<Tree, 'game' | 'nodeStep' | 'nodeLeaf' | 'leaves'>): string[] {
  const { childStart, childList, infoset } = tree.game.nodes;
  const out = new Array<string>(tree.leaves.count);
  const walk = (n: number, path: string): void => {
    const leaf = tree.nodeLeaf[n]!;
    if (leaf >= 0) {
      out[leaf] = path;
      return;
    }
    const actions = tree.game.infosets[infoset[n]!]!.actions;
    const step = tree.nodeStep[n]!;
    for (let c = childStart[n]!, a = 0; c < childStart[n + 1]!; c++, a++)
      walk(childList[c]!, `${path}${step}:${actions[a]};`);
  };
  walk(0, '');
  return out;
}

/** Path → leaf of a source tree, kept per tree (its replays share the leaves' node array). */
const pathIndexes = new WeakMap<Int32Array, Map<string, number>>();

function pathIndex(from: CompiledGame): Map<string, number> {
  let index = pathIndexes.get(from.leaves.node);
  if (!index) {
    const built = new Map<string, number>();
    leafPaths(from).forEach((path, leaf) => built.set(path, leaf));
    pathIndexes.set(from.leaves.node, built);
    index = built;
  }
  return index;
}

/** This tree's leaf → the leaf of `from` with the same path; undefined when some leaf has none. */
function leafMap(tree: Tree, from: CompiledGame): Int32Array | undefined {
  const index = pathIndex(from);
  const paths = leafPaths(tree);
  const map = new Int32Array(paths.length);
  for (let leaf = 0; leaf < paths.length; leaf++) {
    const j = index.get(paths[leaf]!);
    if (j === undefined) return undefined;
    map[leaf] = j;
  }
  return map;
}

/** Choice index of each action of an information set at a step. */
function choiceIndices(model: Model, step: number, actions: readonly string[]): number[] {
  const T = model.types.length;
  const ids = step < T ? model.types[step]!.values : model.stages[step - T]!.choices.map((c) => c.id);
  return actions.map((a) => ids.indexOf(a));
}

function makePlan(model: Model, cg: Tree, policies: readonly string[]): Plan {
  const sp = modelSpecialiser(model);
  const T = model.types.length;
  const END = T + model.stages.length;
  const { count, childStart, childList, infoset } = cg.game.nodes;
  const env = new Float64Array(model.envSize);
  const rules = policies.flatMap((p) => model.policies.get(p) ?? []);
  const setStart = new Int32Array(count + 1);
  const fxStart = new Int32Array(count + 1);
  const checkStart = new Int32Array(count + 1);
  const sets: number[] = [];
  const setValues: number[] = [];
  const fx: number[] = [];
  const fxSlot: number[] = [];
  const fxOp: number[] = [];
  const fxMin: number[] = [];
  const fxMax: number[] = [];
  const checkRes: number[] = [];
  const checkSkip: number[] = [];
  const chance = new Map<number, Int32Array>();
  const decisions = new Map<number, DynamicDecision>();
  const nc = model.components.length;
  const leafSlot = new Int32Array(cg.leaves.count * nc);
  const leafPrograms = new LeafPrograms(sp);
  // State slots the moves since the last leaf wrote (applied or undone); undefined before the first.
  let changed: Set<number> | undefined;
  const components = new BatchSpecialiser(
    sp,
    model.components.map((c) => c.value),
  );
  let maxEffects = 1;
  let depth = 0;
  const stepOfNode = (n: number): number => (cg.nodeLeaf[n]! >= 0 ? END : cg.nodeStep[n]!);

  // Nodes are visited in preorder, so the edge arrays of node n are filled when n is reached.
  const checks = (node: number, from: number, target: number): void => {
    checkStart[node] = checkRes.length;
    for (let step = from; step < END && step >= T; step++) {
      const stage = model.stages[step - T]!;
      if (!stage.when) break;
      const skip = target > step;
      const id = sp.specialise(stage.when, env);
      const c = sp.constantOf(id);
      if (c === undefined) {
        checkRes.push(id);
        checkSkip.push(skip ? 1 : 0);
      } else if ((c === 0) !== skip) throw new Error('internal: a stage condition disagrees with the tree');
      if (!skip) break;
    }
  };
  const edge = (
    child: number,
    slotValues: number[],
    effects: Model['stages'][number]['choices'][number]['effects'],
  ) => {
    setStart[child] = sets.length;
    for (let i = 0; i < slotValues.length; i += 2) {
      sets.push(slotValues[i]!);
      setValues.push(slotValues[i + 1]!);
      env[slotValues[i]!] = slotValues[i + 1]!;
    }
    fxStart[child] = fx.length;
    maxEffects = Math.max(maxEffects, effects.length);
    for (const e of effects) {
      fx.push(sp.specialise(e.value, env));
      changed?.add(e.slot);
      fxSlot.push(e.slot);
      fxOp.push(OPS[e.op]);
      const info = model.stateVars[e.state]!;
      fxMin.push(info.min ?? Number.NEGATIVE_INFINITY);
      fxMax.push(info.max ?? Number.POSITIVE_INFINITY);
    }
  };
  const visit = (n: number, level: number): void => {
    depth = Math.max(depth, level + 1);
    const leaf = cg.nodeLeaf[n]!;
    if (leaf >= 0) {
      const roots = components.at(env);
      for (let k = 0; k < nc; k++) leafSlot[leaf * nc + k] = sp.valueSlot(roots[k]!);
      leafPrograms.add(roots, changed);
      changed = new Set();
      return;
    }
    const step = cg.nodeStep[n]!;
    const h = cg.game.infosets[infoset[n]!]!;
    const choices = choiceIndices(model, step, h.actions);
    const kids = childList.subarray(childStart[n]!, childStart[n + 1]!);
    if (step < T) {
      const t = model.types[step]!;
      chance.set(
        n,
        Int32Array.from(t.prior, (p) => (p === 'otherwise' ? -1 : sp.specialise(p, env))),
      );
      kids.forEach((child, a) => {
        const slot = t.slots[choices[a]!]!;
        edge(child, [slot, 1], []);
        checks(child, step + 1, stepOfNode(child));
        visit(child, level + 1);
        env[slot] = 0;
      });
      return;
    }
    const k = step - T;
    const stage = model.stages[k]!;
    if (stage.kind === 'chance') {
      chance.set(
        n,
        Int32Array.from(stage.choices, (c) => (c.prob === 'otherwise' ? -1 : sp.specialise(c.prob!, env))),
      );
    } else {
      const avail = Int32Array.from(stage.choices, (c) =>
        c.available ? sp.specialise(c.available, env) : -1,
      );
      const mine = rules.filter((r) => r.stage === k);
      const ruleRes = Int32Array.from(mine, (r) => (r.when ? sp.specialise(r.when, env) : -1));
      const dynamic = [...avail, ...ruleRes].some((id) => id >= 0 && sp.constantOf(id) === undefined);
      if (dynamic) decisions.set(n, { stage: k, avail, rules: ruleRes, choices: Int32Array.from(choices) });
    }
    kids.forEach((child, a) => {
      const c = stage.choices[choices[a]!]!;
      const sv = [stage.playedSlot, 1, c.slot, 1];
      if (stage.rankSlot >= 0) sv.push(stage.rankSlot, c.rank);
      edge(child, sv, c.effects);
      checks(child, c.ends ? END : step + 1, stepOfNode(child));
      visit(child, level + 1);
      for (const e of c.effects) changed?.add(e.slot);
      for (let i = 0; i < sv.length; i += 2) env[sv[i]!] = 0;
    });
  };
  checks(0, 0, stepOfNode(0));
  visit(0, 0);
  // Node 0 has no incoming edge; close the ranges for the last node.
  setStart[count] = sets.length;
  fxStart[count] = fx.length;
  checkStart[count] = checkRes.length;
  return {
    base: cg,
    sp,
    setStart,
    setSlot: Int32Array.from(sets),
    setValue: Float64Array.from(setValues),
    fxStart,
    fxRes: Int32Array.from(fx),
    fxSlot: Int32Array.from(fxSlot),
    fxOp: Uint8Array.from(fxOp),
    fxMin: Float64Array.from(fxMin),
    fxMax: Float64Array.from(fxMax),
    checkStart,
    checkRes: Int32Array.from(checkRes),
    checkSkip: Uint8Array.from(checkSkip),
    chance,
    decisions,
    leafSlot,
    ...(() => {
      const p = leafPrograms.finish();
      return { progStart: p.start, progIds: p.ids };
    })(),
    maxEffects,
    depth,
  };
}

/** The compiled game of one draw from a plan; throws Mismatch when the draw needs a full compile. */
/** Leaf-table arrays a replay may write into again (see GameCompilerOptions.reuseBuffers). */
interface Buffers {
  parts: Float64Array;
  state: Float64Array;
  terms: Float64Array;
  payoff: Float64Array;
}

function replay(
  plan: Plan,
  model: Model,
  params: Float64Array,
  policies: readonly string[],
  buffers: Buffers | undefined,
  source?: LeafSource,
): { cg: CompiledGame; buffers: Buffers } {
  const { base, sp } = plan;
  const game0 = base.game;
  const { childStart, childList, infoset } = game0.nodes;
  const env = new Float64Array(sp.envSize);
  model.params.forEach((p, i) => {
    env[p.slot] = params[i]!;
  });
  for (const s of model.stateVars) env[s.slot] = s.initial;
  sp.prepare(env);
  const value = (id: number): number => sp.value(id, env);
  const rules = policies.flatMap((p) => model.policies.get(p) ?? []);
  const nc = model.components.length;
  const ns = model.stateVars.length;
  const np = model.actors.length;
  const leafCount = base.leaves.count;
  const parts = buffers?.parts ?? new Float64Array(leafCount * nc);
  const state = buffers?.state ?? new Float64Array(leafCount * ns);
  const stateSlots = Int32Array.from(model.stateVars, (s) => s.slot);
  // Terms and payoffs are added up leaf by leaf in component order, as compileGame does.
  const nt = PAYOFF_TERMS.length;
  const terms = buffers ? buffers.terms.fill(0) : new Float64Array(leafCount * np * nt);
  const payoff = buffers ? buffers.payoff.fill(0) : new Float64Array(leafCount * np);
  const termOf = Int32Array.from(model.components, (c) => c.actor * nt + PAYOFF_TERMS.indexOf(c.term));
  const sign = Float64Array.from(model.components, (c) => (c.term === 'gains' ? 1 : -1));
  const actorOf = Int32Array.from(model.components, (c) => c.actor);
  const infosets = game0.infosets.slice();
  const scratch = new Float64Array(plan.maxEffects);
  const undo = new Float64Array(plan.maxEffects * plan.depth + 1);
  let undoTop = 0;
  const { setStart, setSlot, setValue, fxStart, fxRes, fxSlot, fxOp, fxMin, fxMax } = plan;
  const { checkStart, checkRes, checkSkip, leafSlot, progStart, progIds } = plan;

  const check = (n: number): void => {
    for (let i = checkStart[n]!; i < checkStart[n + 1]!; i++) {
      // The full compile skips a stage when its condition is exactly 0.
      if ((value(checkRes[i]!) === 0) !== (checkSkip[i] === 1)) throw new Mismatch();
    }
  };
  const chanceNode = (n: number, res: Int32Array): void => {
    // The arithmetic of compile.ts chanceProbs, so that the probabilities are the same doubles.
    const values = Array.from(res, (r) => (r < 0 ? 0 : value(r)));
    const rest = res.indexOf(-1);
    if (rest >= 0) values[rest] = 1 - values.reduce((s, v) => s + v, 0);
    for (const v of values) if (!(v >= -PROB_TOLERANCE && v <= 1 + PROB_TOLERANCE)) throw new Mismatch();
    const total = values.reduce((s, v) => s + v, 0);
    if (Math.abs(total - 1) > PROB_TOLERANCE) throw new Mismatch();
    const h = infosets[infoset[n]!]!;
    infosets[infoset[n]!] = {
      player: h.player,
      number: h.number,
      label: h.label,
      actions: h.actions,
      probs: values.map((v) => numFromFloat(Math.min(1, Math.max(0, v)))),
    };
  };
  const decision = (d: DynamicDecision): void => {
    const stage = model.stages[d.stage]!;
    let open: number[] = [];
    for (let i = 0; i < stage.choices.length; i++)
      if (d.avail[i]! < 0 || value(d.avail[i]!) !== 0) open.push(i);
    const mine = rules.filter((r) => r.stage === d.stage);
    mine.forEach((r, j) => {
      const w = d.rules[j]!;
      if (w >= 0 && value(w) === 0) return;
      if (r.fix !== undefined) {
        if (!open.includes(r.fix)) throw new Mismatch();
        open = [r.fix];
      } else open = open.filter((i) => !r.forbid.includes(i));
    });
    if (open.length !== d.choices.length) throw new Mismatch();
    for (let i = 0; i < open.length; i++) if (open[i] !== d.choices[i]) throw new Mismatch();
  };
  const copyLeaf = (leaf: number, from: LeafSource): void => {
    // The source's values were checked finite when it was compiled; terms and payoffs were added
    // in the same component order, so copying gives the same doubles as computing.
    const j = from.map[leaf]!;
    const src = from.leaves;
    parts.set(src.parts.subarray(j * nc, (j + 1) * nc), leaf * nc);
    terms.set(src.terms.subarray(j * np * nt, (j + 1) * np * nt), leaf * np * nt);
    payoff.set(src.payoff.subarray(j * np, (j + 1) * np), leaf * np);
    state.set(src.state.subarray(j * ns, (j + 1) * ns), leaf * ns);
  };
  const leafNode = (leaf: number): void => {
    if (source) {
      copyLeaf(leaf, source);
      return;
    }
    const b = leaf * nc;
    sp.run(progIds, env, progStart[leaf]!, progStart[leaf + 1]!);
    const tb = leaf * np * nt;
    const pb = leaf * np;
    for (let k = 0; k < nc; k++) {
      const v = env[leafSlot[b + k]!]!;
      if (!Number.isFinite(v)) throw new Mismatch();
      parts[b + k] = v;
      terms[tb + termOf[k]!] += v;
      payoff[pb + actorOf[k]!] += sign[k]! * v;
    }
    const o = leaf * ns;
    for (let k = 0; k < ns; k++) state[o + k] = env[stateSlots[k]!]!;
  };
  const visit = (n: number): void => {
    check(n);
    const leaf = base.nodeLeaf[n]!;
    if (leaf >= 0) {
      leafNode(leaf);
      return;
    }
    const res = plan.chance.get(n);
    if (res) chanceNode(n, res);
    else {
      const d = plan.decisions.get(n);
      if (d) decision(d);
    }
    for (let c = childStart[n]!; c < childStart[n + 1]!; c++) {
      const child = childList[c]!;
      for (let i = setStart[child]!; i < setStart[child + 1]!; i++) env[setSlot[i]!] = setValue[i]!;
      const f0 = fxStart[child]!;
      const f1 = fxStart[child + 1]!;
      // Effects are all computed from the state before the move, then applied (compile.ts applyEffects).
      // Effects are evaluated whole (not by run()), so the leaves' computed values stay valid.
      for (let i = f0; i < f1; i++) scratch[i - f0] = value(fxRes[i]!);
      for (let i = f0; i < f1; i++) {
        const s = fxSlot[i]!;
        const old = env[s]!;
        undo[undoTop++] = old;
        const v = scratch[i - f0]!;
        let x: number;
        switch (fxOp[i]) {
          case 0:
            x = old + v;
            break;
          case 1:
            x = v;
            break;
          case 2:
            x = old * v;
            break;
          case 3:
            x = Math.max(old, v);
            break;
          default:
            x = Math.min(old, v);
        }
        if (x < fxMin[i]!) x = fxMin[i]!;
        if (x > fxMax[i]!) x = fxMax[i]!;
        env[s] = x;
      }
      visit(child);
      for (let i = f1 - 1; i >= f0; i--) env[fxSlot[i]!] = undo[--undoTop]!;
      for (let i = setStart[child]!; i < setStart[child + 1]!; i++) env[setSlot[i]!] = 0;
    }
  };
  visit(0);

  let outcomes: Outcome[] | undefined;
  const game = {
    title: game0.title,
    comment: game0.comment,
    players: game0.players,
    nodes: game0.nodes,
    infosets: infosets as Infoset[],
  } as ExtensiveGame;
  // The exact payoffs of compileGame's outcomes (gains minus costs, added in component order).
  Object.defineProperty(game, 'outcomes', {
    enumerable: true,
    get: (): Outcome[] => {
      outcomes ??= Array.from({ length: leafCount }, (_, leaf) => ({
        label: '',
        number: leaf + 1,
        payoffs: Array.from({ length: np }, (_, a) => numFromFloat(payoff[leaf * np + a]!)),
      }));
      return outcomes;
    },
  });
  const cg: CompiledGame = {
    game,
    model,
    params: Float64Array.from(params),
    policies: [...policies],
    leaves: { count: leafCount, node: base.leaves.node, state, parts, terms, payoff },
    nodeStep: base.nodeStep,
    nodeLeaf: base.nodeLeaf,
    steps: base.steps,
    ...(source ? { copiedFrom: { game: source.game, map: source.map } } : {}),
  };
  return { cg, buffers: { parts, state, terms, payoff } };
}

export interface GameCompiler {
  /**
   * The game for one vector of parameter values: equal, field by field, to compileGame's. `from`,
   * optional, is a game of the same model and parameter values whose tree contains this one's (the
   * unconstrained game when this compiler applies policies): a replay then copies the leaf values
   * from it instead of computing them. It must stay unchanged until this call returns.
   */
  compile(params: Float64Array, from?: CompiledGame): CompiledGame;
  /** Draws compiled in full (the first, and those whose tree differed) and replayed; `copied`: replays whose leaf values came from `from`. */
  readonly stats: { full: number; replayed: number; copied: number };
}

/** Bit-for-bit equality of two parameter vectors (so that NaN and −0 count as themselves). */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export interface GameCompilerOptions extends CompileOptions {
  /**
   * Write each replayed draw's leaf table (state, parts, terms, payoff) into the arrays of the
   * previous replayed draw, sparing the allocation of tens of megabytes per draw. Only for callers
   * that are done with a game before compiling the next one (as runDraw is).
   */
  readonly reuseBuffers?: boolean;
}

/**
 * A compiler of one model under fixed options that reuses the tree between draws. Replay needs
 * options.labels === false (labels are per-draw text); with labels every draw is compiled in full.
 */
export function makeGameCompiler(model: Model, options: GameCompilerOptions = {}): GameCompiler {
  let plan: Plan | undefined;
  // The tree of the last full compile: planned when a second draw comes (a single draw costs no more).
  let tree: Tree | undefined;
  let buffers: Buffers | undefined;
  const policies = options.policies ?? [];
  const stats = { full: 0, replayed: 0, copied: 0 };
  const full = (params: Float64Array): CompiledGame => {
    stats.full++;
    const cg = compileGame(model, params, {
      policies: options.policies,
      maxNodes: options.maxNodes,
      labels: options.labels,
    });
    plan = undefined;
    if (options.labels === false) tree = treeOf(cg);
    buffers = undefined;
    return cg;
  };
  // The leaf map to the last source tree (a source's replays share its leaves' node array).
  let mapped: { plan: Plan; node: Int32Array; map: Int32Array | undefined } | undefined;
  const sourceFor = (from: CompiledGame | undefined, params: Float64Array): LeafSource | undefined => {
    if (!plan || !from || from.model !== model || !sameValues(from.params, params)) return undefined;
    if (mapped?.plan !== plan || mapped.node !== from.leaves.node)
      mapped = { plan, node: from.leaves.node, map: leafMap(plan.base, from) };
    return mapped.map ? { game: from, leaves: from.leaves, map: mapped.map } : undefined;
  };
  return {
    stats,
    compile(params, from) {
      if (tree && params.length === model.params.length) {
        plan = makePlan(model, tree, policies);
        tree = undefined;
      }
      if (!plan || params.length !== model.params.length) return full(params);
      try {
        const source = sourceFor(from, params);
        const out = replay(plan, model, params, policies, buffers, source);
        if (source) stats.copied++;
        if (options.reuseBuffers) buffers = out.buffers;
        stats.replayed++;
        return out.cg;
      } catch (e) {
        if (!(e instanceof Mismatch)) throw e;
        return full(params);
      }
    },
  };
}
