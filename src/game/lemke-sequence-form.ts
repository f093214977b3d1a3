import { type SparseRow, solveSparseExact } from './exact-linear.js';
// Lemke's algorithm on the sequence-form LCP of a two-player extensive game with perfect recall
// (Koller, Megiddo & von Stengel 1996, "Efficient computation of equilibria for extensive
// two-person games"; Lemke 1965 with Eaves' 1971 lexicographic rule). Gives one equilibrium in
// behaviour strategies, the one `gambit-lcp` prints for an .efg (src/solvers/lcp/efglcp.cc).
//
// The LCP, exactly as Gambit builds it (rows and columns 1..N, column 0 the covering vector):
//   1..n1                 player 1's sequences (sequence-form.ts order), then
//   n1+1..n1+n2           player 2's sequences,
//   n1+n2+1               player 1's "root" constraint, then one row per player-1 information set,
//   n1+n2+k1+1            player 2's root constraint, then one per player-2 information set;
//   A(s, t)  = payoff1(s, t) - shift * chance(s, t), A(t, s) = payoff2(s, t) - shift * chance(s, t),
//   where payoff(s, t) sums chance probability x cumulative payoff over the leaves of (s, t),
//   chance(s, t) is the chance probability of those leaves, and shift = 1 + the largest cumulative
//   payoff of any player at any leaf, so every leaf contributes payoff - shift < 0 (with outcomes
//   on inner nodes the largest outcome would not do: paths can add up beyond it);
//   for each set h with parent sequence p and action sequences s: A(p, h) = -1, A(h, p) = 1,
//   A(s, h) = 1, A(h, s) = -1; A(empty_i, root_i) = 1, A(root_i, empty_i) = -1; column 0 is -1;
//   b = 0 except b(root_1) = b(root_2) = -1.
// Start: the covering variable enters at row root_1, then root_1's column enters; each step brings
// in the complement of the label that left, with the minimum-ratio test and lexicographic ties on
// the slack columns -1, -2, ... (lcp-tableau.ts), until the covering variable leaves.
// Behaviour: b(h, a) = x(h, a) / x(parent(h)) where the player's own plan reaches h, else the
// centroid, as Gambit's UndefinedToCentroid (see sequence-form.ts, behaviorFromRealization).
// Engines: exact (dense fraction-free bigint tableau, lcp-tableau.ts: Gambit's path pivot for
// pivot) for rational games of moderate size; floating point with a sparse revised solver
// (lemke-revised.ts) for large games, whose end basis is solved exactly again for rational games.
import {
  type Tableau,
  type TableauShape,
  exactTableau,
  exitRow,
  floatTableau,
  integerize,
  labelAt,
  pivot,
  rowOf,
} from './lcp-tableau.js';
import { type SparseLcp, revisedLemke } from './lemke-revised.js';
import { Fraction } from './num.js';
import { type SequenceForm, behaviorFromRealization, sequenceForm } from './sequence-form.js';
import { type BehaviorProfile, type ExtensiveGame, TERMINAL } from './types.js';

export type Arithmetic = 'auto' | 'exact' | 'float';

export interface SequenceLemkeOptions {
  /** 'auto' (default): exact when every payoff and chance probability is exact. */
  readonly arithmetic?: Arithmetic;
  /** Give up after this many pivots (default: generous, proportional to the LCP size). */
  readonly maxPivots?: number;
  /** Floating-point engine: 'revised' (default; sparse, product-form inverse) or 'tableau' (dense, for small games and cross-checks). */
  readonly engine?: 'revised' | 'tableau';
  /** Called after every pivot with the entering and the leaving label (LCP numbering of the header). */
  readonly onPivot?: (entering: number, leaving: number) => void;
  /**
   * Tie-breaking of the floating-point revised engine: 'random' (default) breaks ties of the ratio
   * test by a fixed pseudo-random perturbation first (much shorter paths on degenerate games; see
   * lemke-revised.ts), 'gambit' uses Gambit's lexicographic rule only. The exact and the dense
   * engines always use Gambit's rule.
   */
  readonly tieBreak?: 'random' | 'gambit';
}

export interface SequenceLemkeResult {
  readonly profile: BehaviorProfile;
  /** Realization plans of the two players, indexed by sequence (sequence-form.ts order). */
  readonly plans: readonly [readonly number[], readonly number[]];
  /**
   * Exact realization plans, for exact games (absent for float games, with arithmetic 'float', or
   * in the rare case where the exact re-solve of a float path's end basis finds it infeasible; the
   * float profile is returned then).
   */
  readonly exactPlans?: readonly [readonly Fraction[], readonly Fraction[]];
  readonly pivots: number;
  readonly sequenceForm: SequenceForm;
}

export class SequenceLemkeError extends Error {}

/** The pivot limit was reached before the end of the path. */
export class PivotLimitError extends SequenceLemkeError {}

/** Row/column numbers of the sequence-form LCP (see the header). */
export interface LcpLayout {
  readonly n1: number;
  readonly n2: number;
  readonly root1: number;
  readonly root2: number;
  readonly total: number;
}

export function lcpLayout(sf: SequenceForm): LcpLayout {
  const n1 = sf.players[0].count;
  const n2 = sf.players[1].count;
  const k1 = sf.players[0].infosets.length + 1;
  const k2 = sf.players[1].infosets.length + 1;
  return { n1, n2, root1: n1 + n2 + 1, root2: n1 + n2 + k1 + 1, total: n1 + n2 + k1 + k2 };
}

/**
 * Gambit's payoff shift: the largest payoff of any player at the end of any play (the sum of the
 * outcomes along the path to a leaf, 0 at a leaf without outcomes; GameTreeRep::GetPlayerMaxPayoff),
 * plus 1, so that payoff - shift < 0 at every leaf.
 */
function shiftOf(g: ExtensiveGame, exact: boolean): Fraction | number {
  const { count, kind, outcome, parent } = g.nodes;
  const players = g.players.length;
  if (exact) {
    const cum: Fraction[][] = new Array(count);
    let max: Fraction | undefined;
    for (let n = 0; n < count; n++) {
      const base = parent[n]! < 0 ? g.players.map(() => new Fraction(0)) : cum[parent[n]!]!;
      const o = outcome[n]!;
      cum[n] = o < 0 ? base : base.map((v, p) => v.add(g.outcomes[o]!.payoffs[p]!.exact!));
      if (kind[n] === TERMINAL) for (const v of cum[n]!) if (!max || v.compare(max) > 0) max = v;
    }
    return (max ?? new Fraction(0)).add(1);
  }
  const cum = new Float64Array(count * players);
  let max = Number.NEGATIVE_INFINITY;
  for (let n = 0; n < count; n++) {
    const o = outcome[n]!;
    for (let p = 0; p < players; p++) {
      const v =
        (parent[n]! < 0 ? 0 : cum[parent[n]! * players + p]!) +
        (o < 0 ? 0 : g.outcomes[o]!.payoffs[p]!.value);
      cum[n * players + p] = v;
      if (kind[n] === TERMINAL && v > max) max = v;
    }
  }
  return (max === Number.NEGATIVE_INFINITY ? 0 : max) + 1;
}

/** Payoff entries of the LCP over (player-1 sequence, player-2 sequence): payoff - shift * chance. */
interface ShiftedPayoffs<T> {
  readonly row: ArrayLike<number>;
  readonly col: ArrayLike<number>;
  readonly a: T[];
  readonly b: T[];
}

/** The LCP matrix entries (Gambit's A) as labelled lists. */
function lcpEntries<T>(
  sf: SequenceForm,
  layout: LcpLayout,
  pay: ShiftedPayoffs<T>,
  unit: (v: -1 | 1) => T,
): { rows: number[]; cols: number[]; values: T[] } {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: T[] = [];
  const put = (r: number, c: number, v: T) => {
    rows.push(r);
    cols.push(c);
    values.push(v);
  };
  const { n1, total } = layout;
  for (let k = 0; k < pay.row.length; k++) {
    const s = pay.row[k]! + 1;
    const t = n1 + pay.col[k]! + 1;
    put(s, t, pay.a[k]!);
    put(t, s, pay.b[k]!);
  }
  sf.players.forEach((ps, pl) => {
    const seqBase = pl === 0 ? 0 : n1;
    const rowBase = pl === 0 ? layout.root1 : layout.root2;
    ps.infosets.forEach((_, k) => {
      const seqs = ps.actionSequence[k]!;
      if (seqs.length === 0 || seqs[0]! < 0) return; // a set without nodes
      const h = rowBase + 1 + k;
      const parent = seqBase + ps.infosetParent[k]! + 1;
      put(parent, h, unit(-1));
      put(h, parent, unit(1));
      for (const s of seqs) {
        put(seqBase + s + 1, h, unit(1));
        put(h, seqBase + s + 1, unit(-1));
      }
    });
    put(seqBase + 1, rowBase, unit(1));
    put(rowBase, seqBase + 1, unit(-1));
  });
  for (let r = 1; r <= total; r++) put(r, 0, unit(-1));
  return { rows, cols, values };
}

interface LcpData<T> {
  readonly rows: number[];
  readonly cols: number[];
  readonly values: T[];
  /** Right-hand side by 0-based row. */
  readonly rhs: T[];
}

function exactLcp(g: ExtensiveGame, sf: SequenceForm, layout: LcpLayout): LcpData<Fraction> {
  const shift = shiftOf(g, true) as Fraction;
  const one = new Fraction(1);
  const minusOne = new Fraction(-1);
  const ex = sf.payoffs.exact!;
  const pay: ShiftedPayoffs<Fraction> = {
    row: sf.payoffs.row,
    col: sf.payoffs.col,
    a: ex.a.map((v, k) => v.sub(shift.mul(ex.chance[k]!))),
    b: ex.b.map((v, k) => v.sub(shift.mul(ex.chance[k]!))),
  };
  const e = lcpEntries<Fraction>(sf, layout, pay, (v) => (v === 1 ? one : minusOne));
  const rhs = new Array<Fraction>(layout.total).fill(new Fraction(0));
  rhs[layout.root1 - 1] = minusOne;
  rhs[layout.root2 - 1] = minusOne;
  return { ...e, rhs };
}

function floatLcp(g: ExtensiveGame, sf: SequenceForm, layout: LcpLayout): LcpData<number> {
  const shift = shiftOf(g, false) as number;
  const p = sf.payoffs;
  const pay: ShiftedPayoffs<number> = {
    row: p.row,
    col: p.col,
    a: Array.from(p.a, (v, k) => v - shift * p.chance[k]!),
    b: Array.from(p.b, (v, k) => v - shift * p.chance[k]!),
  };
  const e = lcpEntries<number>(sf, layout, pay, (v) => v);
  const rhs = new Array<number>(layout.total).fill(0);
  rhs[layout.root1 - 1] = -1;
  rhs[layout.root2 - 1] = -1;
  return { ...e, rhs };
}

const shapeOf = (layout: LcpLayout): TableauShape => ({
  minRow: 1,
  maxRow: layout.total,
  minCol: 0,
  maxCol: layout.total,
});

function exactDenseTableau(data: LcpData<Fraction>, layout: LcpLayout): Tableau {
  const ints = integerize(data.values, data.rhs);
  return exactTableau(shapeOf(layout), { rows: data.rows, cols: data.cols, values: ints.values }, ints.rhs);
}

function floatDenseTableau(data: LcpData<number>, layout: LcpLayout): Tableau {
  let scale = 1;
  for (const v of data.values) scale = Math.max(scale, Math.abs(v));
  return floatTableau(shapeOf(layout), data, data.rhs, 1e-11 * scale);
}

/** The LCP in compressed columns for the revised solver. */
function sparseLcp(data: LcpData<number>, layout: LcpLayout): SparseLcp {
  const n = layout.total;
  const colStart = new Int32Array(n + 2);
  for (const c of data.cols) colStart[c + 1]!++;
  for (let j = 0; j <= n; j++) colStart[j + 1]! += colStart[j];
  const fill = colStart.slice(0, n + 1);
  const rowIndex = new Int32Array(data.rows.length);
  const value = new Float64Array(data.rows.length);
  data.rows.forEach((r, k) => {
    const q = fill[data.cols[k]!]!++;
    rowIndex[q] = r - 1;
    value[q] = data.values[k]!;
  });
  return { n, colStart, rowIndex, value, rhs: Float64Array.from(data.rhs) };
}

/** Follows Lemke's path from the primary ray; returns the number of pivots. */
function lemkePath(
  t: Tableau,
  layout: LcpLayout,
  maxPivots: number,
  onPivot?: (entering: number, leaving: number) => void,
  workLimit = Number.POSITIVE_INFINITY,
): number {
  pivot(t, layout.root1 - 1, 0);
  let enter = layout.root1;
  let work = 0;
  for (let pivots = 1; ; pivots++) {
    if (pivots > maxPivots)
      throw new PivotLimitError(`Lemke's algorithm did not finish in ${maxPivots} pivots`);
    if (t.kind === 'exact' && workLimit < Number.POSITIVE_INFINITY) {
      // A pivot costs about (entries) x (size of the integers, which grow like the denominator).
      work += t.m * t.n * Math.ceil(t.det.toString(16).length / 16);
      if (work > workLimit) throw new PivotLimitError('the exact path is too long for exact arithmetic');
    }
    const row = exitRow(t, enter, 'min');
    if (row < 0) throw new SequenceLemkeError('Lemke path ended in a ray: no equilibrium found');
    const out = labelAt(t, row);
    pivot(t, row, enter);
    onPivot?.(enter, out);
    if (out === 0) return pivots;
    enter = -out;
  }
}

/** The realization plans at the end of the path: basic sequence values, 0 where nonbasic or not positive. */
function plansExact(
  t: Tableau & { kind: 'exact' },
  sf: SequenceForm,
  layout: LcpLayout,
): [Fraction[], Fraction[]] {
  const zero = new Fraction(0);
  const plan = (count: number, base: number) =>
    Array.from({ length: count }, (_, s) => {
      const r = rowOf(t, base + s + 1);
      if (r < 0) return zero;
      const v = new Fraction(t.rhs[r]!, t.det);
      return v.compare(0) > 0 ? v : zero;
    });
  return [plan(sf.players[0].count, 0), plan(sf.players[1].count, layout.n1)];
}

function plansFloat(
  t: Tableau & { kind: 'float' },
  sf: SequenceForm,
  layout: LcpLayout,
): [number[], number[]] {
  const plan = (count: number, base: number) =>
    Array.from({ length: count }, (_, s) => {
      const r = rowOf(t, base + s + 1);
      const v = r < 0 ? 0 : t.rhs[r]!;
      return v > t.eps ? v : 0;
    });
  return [plan(sf.players[0].count, 0), plan(sf.players[1].count, layout.n1)];
}

/** The floating-point sequence-form LCP of a game in compressed columns (see the header), with its layout. */
export function sequenceFormLcp(g: ExtensiveGame): {
  lcp: SparseLcp;
  layout: LcpLayout;
  sequenceForm: SequenceForm;
} {
  const sf = sequenceForm(g);
  const layout = lcpLayout(sf);
  return { lcp: sparseLcp(floatLcp(g, sf, layout), layout), layout, sequenceForm: sf };
}

/**
 * Exact values of the sequences at a basis found in floating point: solves the basis system exactly
 * and checks that it is feasible. Undefined when it is not (the float path went astray).
 */
function exactPlansAtBasis(
  data: LcpData<Fraction>,
  basic: Int32Array,
  sf: SequenceForm,
  layout: LcpLayout,
): [Fraction[], Fraction[]] | undefined {
  const n = layout.total;
  const zero = new Fraction(0);
  // Rows whose slack is basic drop out; the structural basic variables solve the other rows.
  const slackBasic = new Uint8Array(n);
  const unknown = new Map<number, number>();
  for (const label of basic) {
    if (label < 0) slackBasic[-label - 1] = 1;
    else unknown.set(label, unknown.size);
  }
  const rowsOf: SparseRow[] = [];
  const rowId = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    if (!slackBasic[r]) {
      rowId[r] = rowsOf.length;
      rowsOf.push(new Map());
    }
  }
  const slackRows = new Map<number, Fraction>();
  data.rows.forEach((r1, k) => {
    const j = unknown.get(data.cols[k]!);
    if (j === undefined) return;
    const r = r1 - 1;
    if (rowId[r]! >= 0) rowsOf[rowId[r]!]!.set(j, data.values[k]!);
  });
  if (rowsOf.length !== unknown.size) return undefined;
  const rhs = rowsOf.map(() => zero);
  for (let r = 0; r < n; r++) if (rowId[r]! >= 0) rhs[rowId[r]!] = data.rhs[r]!;
  const z = solveSparseExact(unknown.size, rowsOf, rhs);
  if (!z) return undefined;
  if (z.some((v) => v.compare(0) < 0)) return undefined;
  // Basic slacks: w_r = b_r - sum_j A(r, j) z_j must be nonnegative.
  for (let r = 0; r < n; r++) if (slackBasic[r]) slackRows.set(r, data.rhs[r]!);
  data.rows.forEach((r1, k) => {
    const j = unknown.get(data.cols[k]!);
    const r = r1 - 1;
    if (j === undefined || !slackBasic[r]) return;
    slackRows.set(r, slackRows.get(r)!.sub(data.values[k]!.mul(z[j]!)));
  });
  for (const v of slackRows.values()) if (v.compare(0) < 0) return undefined;
  const plan = (count: number, base: number) =>
    Array.from({ length: count }, (_, s) => {
      const j = unknown.get(base + s + 1);
      return j === undefined ? zero : z[j]!;
    });
  return [plan(sf.players[0].count, 0), plan(sf.players[1].count, layout.n1)];
}

function resultFromExact(
  g: ExtensiveGame,
  sf: SequenceForm,
  plans: [Fraction[], Fraction[]],
  pivots: number,
): SequenceLemkeResult {
  return {
    profile: behaviorFromRealization(g, sf, plans),
    plans: [plans[0].map((f) => f.valueOf()), plans[1].map((f) => f.valueOf())],
    exactPlans: plans,
    pivots,
    sequenceForm: sf,
  };
}

/** Largest LCP (rows) that 'auto' follows in exact arithmetic; beyond it the path is followed in floating point and the end point solved exactly. */
export const EXACT_PATH_LIMIT = 250;
/** 'auto' abandons the exact path for the float one past this much work (entries x 64-bit words, summed over pivots: about a second). */
export const EXACT_WORK_LIMIT = 3e7;

/**
 * One Nash equilibrium in behaviour strategies, by Lemke's algorithm on the sequence form, with
 * its realization plans. Throws SequenceFormError for games without two players or perfect recall.
 *
 * Arithmetic: 'exact' follows the whole path in exact arithmetic (dense fraction-free tableau:
 * Gambit's pivots exactly, but slow beyond a few hundred sequences); 'float' follows it in floating
 * point with a sparse revised solver (lemke-revised.ts), for large games; 'auto' (default) is
 * 'exact' for exact games with an LCP of at most EXACT_PATH_LIMIT rows (unless the path costs more
 * than EXACT_WORK_LIMIT) and otherwise follows the path in floating point and then solves
 * its final basis exactly (for exact games), so the equilibrium is still exact, though the float
 * path (random tie-breaking by default) may end at a different equilibrium than Gambit's.
 */
export function lemkeSequenceFormSolve(
  g: ExtensiveGame,
  opts: SequenceLemkeOptions = {},
): SequenceLemkeResult {
  const sf = sequenceForm(g);
  if (opts.arithmetic === 'exact' && !sf.exact)
    throw new SequenceLemkeError('exact arithmetic needs exact payoffs and chance probabilities');
  const layout = lcpLayout(sf);
  const maxPivots = opts.maxPivots ?? 50 * layout.total + 1000;
  const wantExactPath =
    opts.arithmetic === 'exact' ||
    (opts.arithmetic !== 'float' && sf.exact && layout.total <= EXACT_PATH_LIMIT);
  if (wantExactPath) {
    // 'auto' gives up on a long exact path (its big integers grow with every pivot) and falls back
    // to the float path with an exact end point.
    const workLimit = opts.arithmetic === 'exact' ? Number.POSITIVE_INFINITY : EXACT_WORK_LIMIT;
    const t = exactDenseTableau(exactLcp(g, sf, layout), layout);
    try {
      const pivots = lemkePath(t, layout, maxPivots, opts.onPivot, workLimit);
      return resultFromExact(g, sf, plansExact(t as Tableau & { kind: 'exact' }, sf, layout), pivots);
    } catch (e) {
      if (!(e instanceof PivotLimitError) || opts.arithmetic === 'exact') throw e;
    }
  }
  const data = floatLcp(g, sf, layout);
  if (opts.engine === 'tableau') {
    const t = floatDenseTableau(data, layout);
    const pivots = lemkePath(t, layout, maxPivots, opts.onPivot);
    const [x1, x2] = plansFloat(t as Tableau & { kind: 'float' }, sf, layout);
    return { profile: behaviorFromRealization(g, sf, [x1, x2]), plans: [x1, x2], pivots, sequenceForm: sf };
  }
  const run = revisedLemke(sparseLcp(data, layout), layout.root1, layout.root1, {
    maxPivots,
    onPivot: opts.onPivot,
    randomTieBreak: opts.tieBreak !== 'gambit',
  });
  if (run.end === 'ray') throw new SequenceLemkeError('Lemke path ended in a ray: no equilibrium found');
  if (opts.arithmetic !== 'float' && sf.exact) {
    const plans = exactPlansAtBasis(exactLcp(g, sf, layout), run.basic, sf, layout);
    if (plans) return resultFromExact(g, sf, plans, run.pivots);
  }
  const labelValue = new Float64Array(layout.total + 1);
  run.basic.forEach((label, pos) => {
    if (label >= 0) labelValue[label] = run.value[pos]!;
  });
  const plan = (count: number, base: number) =>
    Array.from({ length: count }, (_, s) => {
      const v = labelValue[base + s + 1]!;
      return v > 1e-12 ? v : 0;
    });
  const x1 = plan(sf.players[0].count, 0);
  const x2 = plan(sf.players[1].count, layout.n1);
  return {
    profile: behaviorFromRealization(g, sf, [x1, x2]),
    plans: [x1, x2],
    pivots: run.pivots,
    sequenceForm: sf,
  };
}

/** One Nash equilibrium in behaviour strategies (see lemkeSequenceFormSolve). */
export function lemkeSequenceForm(g: ExtensiveGame, opts: SequenceLemkeOptions = {}): BehaviorProfile {
  return lemkeSequenceFormSolve(g, opts).profile;
}
