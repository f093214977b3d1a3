// Partial evaluation of compiled formulas, so that a Monte Carlo run evaluates at each leaf only
// what really varies there. The slots of the environment fall in three classes:
//   KNOWN — fixed by the position in the tree (types drawn, moves taken, ranks, stages played);
//   DRAW  — fixed for one parameter draw (the parameters);
//   FREE  — anything else (the outcome state, which effects change along each path).
// specialise() folds the KNOWN slots of a formula at one position into a residual formula, once per
// combination of the KNOWN values the formula reads, and keeps it across draws. Residual nodes that
// read only DRAW slots are computed once per draw by prepare() into extra slots past the model's
// environment; the rest is evaluated per leaf. Identical residual nodes are shared (hash-consing).
// Every operation is built by the same functions as the formula compiler and folds only when all
// its inputs are known (plus `if`/`and`/`or` decided by a known input, which never evaluate the
// other side anyway), so a residual gives the same double as the full formula, NaN included.
import {
  type Evaluator,
  type Shape,
  binary,
  call,
  constant,
  constantValue,
  shapeOf,
  unary,
} from './compile.js';

export const FREE = 0;
export const DRAW = 1;
export const KNOWN = 2;

const truth = (x: number): boolean => x !== 0 && !Number.isNaN(x);

function numberKey(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

const OP_NEG = 0;
const OP_NOT = 1;
const OP_ADD = 2;
const OP_SUB = 3;
const OP_MUL = 4;
const OP_DIV = 5;
const OP_POW = 6;
const OP_LT = 7;
const OP_LE = 8;
const OP_GT = 9;
const OP_GE = 10;
const OP_EQ = 11;
const OP_NE = 12;
const OP_AND = 13;
const OP_OR = 14;
const OP_IF = 15;
const OP_CLOSURE = 16;
const OPCODES: Record<string, number> = {
  'u-': OP_NEG,
  unot: OP_NOT,
  'b+': OP_ADD,
  'b-': OP_SUB,
  'b*': OP_MUL,
  'b/': OP_DIV,
  'b^': OP_POW,
  'b<': OP_LT,
  'b<=': OP_LE,
  'b>': OP_GT,
  'b>=': OP_GE,
  'b==': OP_EQ,
  'b!=': OP_NE,
  band: OP_AND,
  bor: OP_OR,
  cif: OP_IF,
};

interface Root {
  readonly deps: Int32Array;
  readonly cache: Map<number | string, number>;
}

/**
 * The KNOWN values a formula reads, as a cache key: a number when they are small integers (moves
 * are 0/1, ranks small), else text. The two kinds never collide in a Map.
 */
function knownKey(deps: Int32Array, env: Float64Array): number | string {
  if (deps.length <= 7) {
    let key = 0;
    let i = 0;
    for (; i < deps.length; i++) {
      const v = env[deps[i]!]!;
      if (!(Number.isInteger(v) && v >= -64 && v < 64) || Object.is(v, -0)) break;
      key = key * 128 + (v + 64);
    }
    if (i === deps.length) return key;
  }
  let key = '';
  for (let i = 0; i < deps.length; i++) key += `${numberKey(env[deps[i]!]!)},`;
  return key;
}

export class Specialiser {
  /** Size of the model's environment; extra slots follow it. */
  readonly baseSize: number;
  private readonly cls: Uint8Array;
  /** Per residual: the slot holding its value (after prepare), or -1 when it is computed per leaf. */
  readonly slot: number[] = [];
  /** Per residual: its evaluator as used by run() (for OP_CLOSURE residuals). */
  private readonly fn: Evaluator[] = [];
  /** Per residual: an evaluator of its value from the prepared environment (the whole tree). */
  readonly deep: Evaluator[] = [];
  /** Per residual: its constant value, when it is one. */
  private readonly constants: (number | undefined)[] = [];
  private readonly isDraw: boolean[] = [];
  private readonly keys = new Map<string, number>();
  private readonly opaque = new Map<Evaluator, number>();
  private readonly readers = new Map<number, Evaluator>();
  private readonly constSlots: { slot: number; value: number }[] = [];
  private readonly drawNodes: number[] = [];
  private readonly roots = new Map<Evaluator, Root>();
  /** Per residual computed per leaf: its operation (OP_*) and the slots of its inputs; -1 for others. */
  private readonly op: number[] = [];
  private readonly a0: number[] = [];
  private readonly a1: number[] = [];
  private readonly a2: number[] = [];
  /** Per residual computed per leaf: the slot run() writes its value to. */
  private readonly tmp: number[] = [];
  /** Per residual: its inputs (residual ids). */
  private readonly kids: number[][] = [];
  private readonly programs = new Map<string, Int32Array>();
  /** Per residual computed per leaf: the FREE slots it reads; undefined for opaque residuals. */
  private readonly freeSlots: (number[] | undefined)[] = [];
  private readonly depsOf = new Map<Evaluator, number[]>();
  private size: number;

  /** cls[slot] is FREE, DRAW or KNOWN for every slot of the model's environment. */
  constructor(cls: Uint8Array) {
    this.cls = cls;
    this.baseSize = cls.length;
    this.size = cls.length;
  }

  /** Length an environment needs for prepare() and the residuals made so far. */
  get envSize(): number {
    return this.size;
  }

  /** Number of residual nodes made so far. */
  get count(): number {
    return this.slot.length;
  }

  /** The residual of e at the position whose KNOWN slots are set in env. */
  specialise(e: Evaluator, env: Float64Array): number {
    this.knownSlotsOf(e);
    const root = this.roots.get(e)!;
    const key = knownKey(root.deps, env);
    let id = root.cache.get(key);
    if (id === undefined) {
      id = this.build(e, env, new Map());
      root.cache.set(key, id);
    }
    return id;
  }

  /** The KNOWN slots a formula reads (those its residuals depend on). */
  knownSlotsOf(e: Evaluator): Int32Array {
    let root = this.roots.get(e);
    if (!root) {
      root = { deps: Int32Array.from(this.knownDeps(e)), cache: new Map() };
      this.roots.set(e, root);
    }
    return root.deps;
  }

  /** The constant value of a residual, or undefined when it depends on a draw or a leaf. */
  constantOf(id: number): number | undefined {
    return this.constants[id];
  }

  /** Writes the constants and this draw's DRAW-only residuals; env holds the parameters. */
  prepare(env: Float64Array): void {
    if (env.length < this.size) throw new Error('internal: environment too small for the specialiser');
    for (const c of this.constSlots) env[c.slot] = c.value;
    for (const id of this.drawNodes) env[this.slot[id]!] = this.fn[id]!(env);
  }

  /** The value of a residual (env prepared for the draw and holding the leaf's FREE slots). */
  value(id: number, env: Float64Array): number {
    const s = this.slot[id]!;
    return s >= 0 ? env[s]! : this.deep[id]!(env);
  }

  /** The slot holding a residual's value: prepared by prepare(), or (per leaf) written by run(). */
  valueSlot(id: number): number {
    const s = this.slot[id]!;
    return s >= 0 ? s : this.tmp[id]!;
  }

  /**
   * The residuals run() must compute, in order, so that valueSlot(r) holds the value of every root.
   * Shared inputs are computed once; `if`, `and` and `or` compute both sides (formulas have no side
   * effects, so this changes the work done, never the value).
   */
  program(roots: ArrayLike<number>): Int32Array {
    let key = '';
    for (let i = 0; i < roots.length; i++) key += `${roots[i]},`;
    let prog = this.programs.get(key);
    if (prog) return prog;
    const need = new Set<number>();
    const walk = (id: number): void => {
      if (this.slot[id]! >= 0 || need.has(id)) return;
      need.add(id);
      for (const k of this.kids[id]!) walk(k);
    };
    for (let i = 0; i < roots.length; i++) walk(roots[i]!);
    // Inputs are made before the residuals that use them, so ids are in dependency order.
    prog = Int32Array.from(need).sort();
    this.programs.set(key, prog);
    return prog;
  }

  /** Computes a program's residuals at one leaf (env prepared and holding the FREE slots). */
  run(prog: Int32Array, env: Float64Array, from = 0, to = prog.length): void {
    const { op, a0, a1, a2, tmp, fn } = this;
    for (let i = from; i < to; i++) {
      const id = prog[i]!;
      const x = a0[id]!;
      const y = a1[id]!;
      let v: number;
      switch (op[id]) {
        case OP_NEG:
          v = -env[x]!;
          break;
        case OP_NOT:
          v = truth(env[x]!) ? 0 : 1;
          break;
        case OP_ADD:
          v = env[x]! + env[y]!;
          break;
        case OP_SUB:
          v = env[x]! - env[y]!;
          break;
        case OP_MUL:
          v = env[x]! * env[y]!;
          break;
        case OP_DIV:
          v = env[x]! / env[y]!;
          break;
        case OP_POW:
          v = env[x]! ** env[y]!;
          break;
        case OP_LT:
          v = env[x]! < env[y]! ? 1 : 0;
          break;
        case OP_LE:
          v = env[x]! <= env[y]! ? 1 : 0;
          break;
        case OP_GT:
          v = env[x]! > env[y]! ? 1 : 0;
          break;
        case OP_GE:
          v = env[x]! >= env[y]! ? 1 : 0;
          break;
        case OP_EQ:
          v = env[x]! === env[y]! ? 1 : 0;
          break;
        case OP_NE:
          v = env[x]! !== env[y]! ? 1 : 0;
          break;
        case OP_AND:
          v = truth(env[x]!) && truth(env[y]!) ? 1 : 0;
          break;
        case OP_OR:
          v = truth(env[x]!) || truth(env[y]!) ? 1 : 0;
          break;
        case OP_IF:
          v = truth(env[x]!) ? env[y]! : env[a2[id]!]!;
          break;
        default:
          v = fn[id]!(env);
      }
      env[tmp[id]!] = v;
    }
  }

  /** The residuals a residual is computed from. */
  inputsOf(id: number): readonly number[] {
    return this.kids[id]!;
  }

  /** The FREE slots a residual reads (through its inputs too); undefined when it is opaque. */
  freeSlotsOf(id: number): readonly number[] | undefined {
    return this.freeSlots[id];
  }

  /** Does a residual computed per leaf read something other than FREE slots (an opaque formula)? */
  isOpaque(id: number): boolean {
    return this.freeSlots[id] === undefined;
  }

  private knownDeps(e: Evaluator): number[] {
    const done = this.depsOf.get(e);
    if (done) return done;
    const sh = shapeOf(e);
    let out: number[] = [];
    if (sh) {
      switch (sh.kind) {
        case 'slot':
          out = this.cls[sh.slot] === KNOWN ? [sh.slot] : [];
          break;
        case 'unary':
          out = this.knownDeps(sh.arg);
          break;
        case 'binary':
          out = merge([this.knownDeps(sh.left), this.knownDeps(sh.right)]);
          break;
        case 'call':
          out = merge(sh.args.map((a) => this.knownDeps(a)));
          break;
      }
    }
    this.depsOf.set(e, out);
    return out;
  }

  private build(e: Evaluator, env: Float64Array, memo: Map<Evaluator, number>): number {
    const seen = memo.get(e);
    if (seen !== undefined) return seen;
    let id: number;
    const c = constantValue(e);
    const sh = c === undefined ? shapeOf(e) : undefined;
    if (c !== undefined) id = this.constNode(c);
    else if (!sh) id = this.opaqueNode(e);
    else if (sh.kind === 'slot') {
      const k = this.cls[sh.slot];
      id = k === KNOWN ? this.constNode(env[sh.slot]!) : this.slotNode(sh.slot, k === DRAW);
    } else id = this.opNode(sh, env, memo);
    memo.set(e, id);
    return id;
  }

  private opNode(
    sh: Exclude<Shape, { kind: 'slot' }>,
    env: Float64Array,
    memo: Map<Evaluator, number>,
  ): number {
    let kids: number[];
    let tag: string;
    switch (sh.kind) {
      case 'unary':
        kids = [this.build(sh.arg, env, memo)];
        tag = `u${sh.op}`;
        break;
      case 'binary': {
        kids = [this.build(sh.left, env, memo), this.build(sh.right, env, memo)];
        tag = `b${sh.op}`;
        const [a, b] = kids.map((k) => this.constants[k]) as [number | undefined, number | undefined];
        if (sh.op === 'and' && ((a !== undefined && !truth(a)) || (b !== undefined && !truth(b))))
          return this.constNode(0);
        if (sh.op === 'or' && ((a !== undefined && truth(a)) || (b !== undefined && truth(b))))
          return this.constNode(1);
        break;
      }
      case 'call': {
        if (sh.fn === 'if') {
          const cond = this.build(sh.args[0]!, env, memo);
          const cv = this.constants[cond];
          if (cv !== undefined) return this.build(truth(cv) ? sh.args[1]! : sh.args[2]!, env, memo);
          kids = [cond, this.build(sh.args[1]!, env, memo), this.build(sh.args[2]!, env, memo)];
        } else kids = sh.args.map((a) => this.build(a, env, memo));
        tag = `c${sh.fn}`;
        break;
      }
    }
    const make = (inputs: Evaluator[]): Evaluator => {
      switch (sh.kind) {
        case 'unary':
          return unary(sh.op, inputs[0]!);
        case 'binary':
          return binary(sh.op, inputs[0]!, inputs[1]!);
        case 'call':
          return call(sh.fn, inputs);
      }
    };
    if (kids.every((k) => this.constants[k] !== undefined)) {
      const f = make(kids.map((k) => constant(this.constants[k]!)));
      return this.constNode(f(new Float64Array(0)));
    }
    const key = `${tag}(${kids.join(',')})`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const draw = kids.every((k) => this.isDraw[k]);
    const f = make(kids.map((k) => this.input(k)));
    const id = this.push(draw ? this.size++ : -1, f, undefined, draw, kids);
    if (draw) this.drawNodes.push(id);
    else {
      const code = OPCODES[tag];
      this.op[id] = code ?? OP_CLOSURE;
      const inputs = kids.map((k) => this.valueSlot(k));
      this.a0[id] = inputs[0] ?? 0;
      this.a1[id] = inputs[1] ?? 0;
      this.a2[id] = inputs[2] ?? 0;
      // Operations without an opcode read their inputs from their slots too (one call, not a tree).
      if (code === undefined) this.fn[id] = make(kids.map((k) => this.reader(this.valueSlot(k))));
      this.tmp[id] = this.size++;
      // value() evaluates the whole tree: keep the tree closure for it.
      this.deep[id] = f;
      const free = kids.map((k) => this.freeSlots[k]);
      if (free.every((x) => x !== undefined)) {
        this.freeSlots[id] = merge(free as number[][]);
      }
    }
    this.keys.set(key, id);
    return id;
  }

  /** An evaluator of a residual for use inside another one. */
  private input(id: number): Evaluator {
    const s = this.slot[id]!;
    if (s < 0) return this.deep[id]!;
    return this.reader(s);
  }

  private reader(s: number): Evaluator {
    let r = this.readers.get(s);
    if (!r) {
      r = (env) => env[s]!;
      this.readers.set(s, r);
    }
    return r;
  }

  private push(
    slot: number,
    fn: Evaluator,
    value: number | undefined,
    draw: boolean,
    kids: number[] = [],
  ): number {
    this.slot.push(slot);
    this.fn.push(fn);
    this.deep.push(fn);
    this.kids.push(kids);
    this.op.push(-1);
    this.a0.push(0);
    this.a1.push(0);
    this.a2.push(0);
    this.tmp.push(-1);
    this.freeSlots.push(slot >= 0 ? [] : undefined);
    this.constants.push(value);
    this.isDraw.push(draw);
    return this.slot.length - 1;
  }

  private constNode(v: number): number {
    const key = `#${numberKey(v)}`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const slot = this.size++;
    this.constSlots.push({ slot, value: v });
    const id = this.push(slot, constant(v), v, true);
    this.keys.set(key, id);
    return id;
  }

  private slotNode(slot: number, draw: boolean): number {
    const key = `$${slot}`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    const id = this.push(slot, (env) => env[slot]!, undefined, draw);
    if (!draw) this.freeSlots[id] = [slot];
    this.keys.set(key, id);
    return id;
  }

  private opaqueNode(e: Evaluator): number {
    const known = this.opaque.get(e);
    if (known !== undefined) return known;
    const id = this.push(-1, e, undefined, false);
    this.op[id] = OP_CLOSURE;
    this.tmp[id] = this.size++;
    this.opaque.set(e, id);
    return id;
  }
}

function merge(lists: number[][]): number[] {
  const set = new Set<number>();
  for (const l of lists) for (const x of l) set.add(x);
  return [...set].sort((a, b) => a - b);
}

/**
 * Specialises a list of formulas at a run of positions (e.g. the leaves in preorder), redoing only
 * those whose KNOWN inputs differ from the previous position.
 */
export class BatchSpecialiser {
  private readonly sp: Specialiser;
  private readonly formulas: readonly Evaluator[];
  private readonly deps: Int32Array[];
  private readonly union: Int32Array;
  private readonly last: Float64Array;
  private first = true;
  /** The residual of each formula at the last position given to at(). */
  readonly roots: Int32Array;

  constructor(sp: Specialiser, formulas: readonly Evaluator[]) {
    this.sp = sp;
    this.formulas = formulas;
    this.deps = formulas.map((f) => sp.knownSlotsOf(f));
    this.union = Int32Array.from(merge(this.deps.map((d) => Array.from(d))));
    this.last = new Float64Array(sp.baseSize);
    this.roots = new Int32Array(formulas.length);
  }

  /** The residuals at the position whose KNOWN slots are set in env. */
  at(env: Float64Array): Int32Array {
    const { deps, last, roots } = this;
    for (let i = 0; i < deps.length; i++) {
      const d = deps[i]!;
      let same = !this.first;
      for (let j = 0; same && j < d.length; j++) same = env[d[j]!] === last[d[j]!];
      if (!same) roots[i] = this.sp.specialise(this.formulas[i]!, env);
    }
    for (let j = 0; j < this.union.length; j++) last[this.union[j]!] = env[this.union[j]!]!;
    this.first = false;
    return roots;
  }
}

/**
 * Programs for a run of leaves visited in order, each computing only what changed since the leaf
 * before: a residual is recomputed when it was not computed before, or reads a FREE slot that may
 * have changed (listed by the caller from the tree: the slots the moves since the last leaf wrote),
 * or is opaque. Residual values stay in their slots between leaves, so this gives the same values as
 * running every leaf's whole program. Nothing else may write those slots during the run.
 */
export class LeafPrograms {
  private readonly sp: Specialiser;
  /** Per residual: the leaf (1, 2, ...) it was last computed at; per FREE slot: the leaf it last changed at. */
  private readonly computedAt: number[] = [];
  private readonly lastChange: number[] = [];
  private time = 0;
  private resetAt = 0;
  private ids = new Int32Array(1024);
  private length = 0;
  private readonly start: number[] = [0];
  private readonly found: number[] = [];
  private readonly mark: number[] = [];
  private stamp = 1;

  constructor(sp: Specialiser) {
    this.sp = sp;
  }

  /** The next leaf: the residuals it needs, and the FREE slots changed since the last leaf (undefined: any). */
  add(roots: ArrayLike<number>, changed: Iterable<number> | undefined): void {
    const { sp, computedAt, lastChange } = this;
    const now = ++this.time;
    if (changed === undefined) this.resetAt = now;
    else for (const slot of changed) lastChange[slot] = now;
    // A residual is valid when computed since the last reset and none of its slots changed since.
    // A valid residual's inputs are valid too (they read a subset of its slots), so the walk stops there.
    const found = this.found;
    found.length = 0;
    const walk = (r: number): void => {
      if (sp.slot[r]! >= 0 || this.mark[r] === this.stamp) return;
      const at = computedAt[r] ?? -1;
      const slots = sp.freeSlotsOf(r);
      if (at >= this.resetAt && slots) {
        let valid = true;
        for (let i = 0; valid && i < slots.length; i++) valid = (lastChange[slots[i]!] ?? 0) <= at;
        if (valid) return;
      }
      this.mark[r] = this.stamp;
      found.push(r);
      computedAt[r] = now;
      for (const k of sp.inputsOf(r)) walk(k);
    };
    for (let i = 0; i < roots.length; i++) walk(roots[i]!);
    this.stamp++;
    if (this.length + found.length > this.ids.length) {
      const next = new Int32Array(Math.max(this.ids.length * 2, this.length + found.length));
      next.set(this.ids.subarray(0, this.length));
      this.ids = next;
    }
    // Inputs are made before the residuals that use them: ascending ids are a valid order.
    const out = this.ids.subarray(this.length, this.length + found.length);
    out.set(found);
    out.sort();
    this.length += found.length;
    this.start.push(this.length);
  }

  /** Leaf l computes ids[start[l]] .. ids[start[l + 1] - 1]. */
  finish(): { start: Int32Array; ids: Int32Array } {
    return { start: Int32Array.from(this.start), ids: this.ids.slice(0, this.length) };
  }
}
