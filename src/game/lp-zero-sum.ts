// Two-player constant-sum games by linear programming, solved with HiGHS (Huangfu & Hall 2018)
// compiled to WebAssembly (npm `highs`).
//
// Strategic form: the minimax LP of von Neumann / Dantzig (1951). Extensive form: the sequence-form
// LP of Koller, Megiddo & von Stengel (1996) and von Stengel (1996), which is the same LP with
// realization plans in place of mixed strategies:
//
//     max_{x,q} f'q   s.t.  F'q - A'x <= 0,  Ex = e,  x >= 0,  q free;
//
// its dual, min_{y,p} e'p s.t. E'p - Ay >= 0, Fy = f, y >= 0, gives player 2's plan y as the row
// duals. A strategic game is the special case E = F = [1 ... 1], e = f = [1]. Sequences, E, F and
// A come from sequence-form.ts; behaviour strategies are read off the plans as Gambit does
// (sets the player's own plan never reaches get the centroid).
//
// HiGHS works in floating point. For exact games the optimal basis HiGHS returns is re-solved in
// exact rational arithmetic (primal and dual), and the pair is accepted only after checking the
// duality certificate exactly: both plans feasible and f'q = e'p. As in Gambit (lp.cc), games
// that are not constant-sum are refused with "Method only valid for constant-sum games."
import type { Highs, ModelData } from 'highs';
import { type SparseRow, solveSparseExact } from './exact-linear.js';
import { Fraction, type Num, allExact } from './num.js';
import { perfectRecallViolation } from './perfect-recall.js';
import {
  type SequenceForm,
  type SparseMatrix,
  behaviorFromRealization,
  constraintMatrix,
  sequenceForm,
} from './sequence-form.js';
import { childrenOf } from './tree.js';
import type { BehaviorProfile, ExtensiveGame, MixedProfile, StrategicGame } from './types.js';

export class LpMethodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LpMethodError';
  }
}

export interface LpOptions {
  /**
   * Recover exact rational strategies from HiGHS's optimal basis. Default: when every payoff (and
   * chance probability) is exact and the two players have at most `exactLimit` strategies (or
   * sequences) in all. Forcing it on for a game with inexact numbers throws.
   */
  exact?: boolean;
  /** Size (strategies or sequences of both players) up to which `exact` is on by default (default 20000). */
  exactLimit?: number;
}

export interface LpStrategicResult {
  /** Player 1's equilibrium payoff (player 2 gets constant − value). */
  value: number;
  valueExact?: Fraction;
  /** The payoffs of every profile add up to this. */
  constant: number;
  profile: MixedProfile;
  /** Why exact recovery was not done or failed, when `profile.exact` is missing. */
  inexactReason?: string;
}

export interface LpExtensiveResult {
  value: number;
  valueExact?: Fraction;
  constant: number;
  /** Behaviour strategies, indexed like g.infosets; information sets a player's own plan never reaches are uniform, as in Gambit. */
  profile: BehaviorProfile;
  /** The realization plans over each player's sequences, numbered as in sequence-form.ts (0 is the empty sequence). */
  plans: { x: number[]; y: number[]; exact?: { x: Fraction[]; y: Fraction[] } };
  inexactReason?: string;
}

type HighsLoader = () => Promise<Highs>;
let highsPromise: Promise<Highs> | undefined;

/** Loads the HiGHS WebAssembly module once. */
export function loadHighs(): Promise<Highs> {
  // The package's types describe a CommonJS module, but Node loads its ESM build whose default
  // export is the loader itself; accept either shape.
  highsPromise ??= import('highs').then((m) => {
    const mod = m as unknown as { default: HighsLoader | { default: HighsLoader } };
    const load = typeof mod.default === 'function' ? mod.default : mod.default.default;
    return load();
  });
  return highsPromise;
}

// ---------------------------------------------------------------------------------------------
// The generic sequence-form LP.

/** A sparse matrix with integer coefficients, by rows. */
interface IntRows {
  cols: number[][];
  vals: number[][];
}

/**
 * A 2-player zero-sum game in sequence form. Player 1 maximises x'Ay subject to Ex = e, x >= 0;
 * player 2 minimises it subject to Fy = f, y >= 0. E and F have integer (±1) entries; e and f are
 * the unit vector on row 0.
 */
export interface ZeroSumSequenceLp {
  nx: number;
  ny: number;
  /** Entries of A (player 1's payoffs), at most one per (row, col) pair. */
  aRow: Int32Array;
  aCol: Int32Array;
  aValue: Float64Array;
  aExact?: Fraction[];
  E: IntRows;
  F: IntRows;
}

interface LpSolution {
  x: Float64Array;
  y: Float64Array;
  value: number;
  exact?: { x: Fraction[]; y: Fraction[]; value: Fraction };
  inexactReason?: string;
}

/** Solves the sequence-form LP with HiGHS, then (optionally) recovers and certifies the exact optimum. */
export function solveSequenceLp(highs: Highs, lp: ZeroSumSequenceLp, exact: boolean): LpSolution {
  const scale = payoffScale(lp.aValue);
  const model = buildModel(highs, lp, scale);
  const res = highs.raw.lpCall(model);
  if (res.status === -1) throw new LpMethodError('HiGHS failed on the linear program');
  const optimal = highs.constants.modelStatus.optimal;
  if (res.value.modelStatus !== optimal) {
    throw new LpMethodError(`HiGHS did not find an optimum (model status ${res.value.modelStatus})`);
  }
  const { colValue, rowDual } = res.value.solution;
  const x = Float64Array.from(colValue.subarray(0, lp.nx), (v) => Math.max(0, v));
  const y = Float64Array.from(rowDual.subarray(0, lp.ny), (v) => Math.max(0, v));
  // f = unit vector on row 0, so the objective is q_0.
  const value = colValue[lp.nx]! / scale;
  if (!exact) return { x, y, value, inexactReason: 'exact recovery not requested' };
  const rec = exactFromBasis(lp, res.value.basis.colStatus, res.value.basis.rowStatus);
  if (typeof rec === 'string') return { x, y, value, inexactReason: rec };
  return {
    x: Float64Array.from(rec.x, (v) => v.valueOf()),
    y: Float64Array.from(rec.y, (v) => v.valueOf()),
    value: rec.value.valueOf(),
    exact: rec,
  };
}

/**
 * HiGHS treats coefficients above 1e15 as infinite, so payoffs are scaled to a largest magnitude of
 * 1 when they are far from it. Scaling A scales q and the value but not the plans x and y, nor the
 * optimal basis (which the exact recovery re-solves with the unscaled payoffs).
 */
function payoffScale(a: Float64Array): number {
  let max = 0;
  for (let t = 0; t < a.length; t++) max = Math.max(max, Math.abs(a[t]!));
  return max > 1e6 || (max > 0 && max < 1e-6) ? 1 / max : 1;
}

/**
 * Columns: x (nx, >= 0) then q (one per row of F, free). Rows: one per player-2 sequence j,
 * (F'q)_j - (A'x)_j <= 0, then the rows of Ex = e.
 */
function buildModel(highs: Highs, lp: ZeroSumSequenceLp, scale: number): ModelData {
  const nq = lp.F.cols.length;
  const nE = lp.E.cols.length;
  const numCols = lp.nx + nq;
  const numRows = lp.ny + nE;
  const byCol = lp.aCol.length;
  // Entries per row j: -A(i, j) for each i, F(k, j) for each k.
  const count = new Int32Array(numRows + 1);
  for (let t = 0; t < byCol; t++) count[lp.aCol[t]! + 1]++;
  lp.F.cols.forEach((cols) => {
    for (const j of cols) count[j + 1]++;
  });
  lp.E.cols.forEach((cols, r) => {
    count[lp.ny + r + 1] += cols.length;
  });
  for (let r = 0; r < numRows; r++) count[r + 1] += count[r]!;
  const starts = Int32Array.from(count);
  const fill = count.slice(0, numRows);
  const indices = new Int32Array(starts[numRows]!);
  const values = new Float64Array(starts[numRows]!);
  const put = (r: number, c: number, v: number) => {
    const k = fill[r]!++;
    indices[k] = c;
    values[k] = v;
  };
  for (let t = 0; t < byCol; t++) put(lp.aCol[t]!, lp.aRow[t]!, -lp.aValue[t]! * scale);
  lp.F.cols.forEach((cols, k) => {
    cols.forEach((j, t) => {
      put(j, lp.nx + k, lp.F.vals[k]![t]!);
    });
  });
  lp.E.cols.forEach((cols, r) => {
    cols.forEach((i, t) => {
      put(lp.ny + r, i, lp.E.vals[r]![t]!);
    });
  });
  const inf = highs.infinity;
  const colCost = new Float64Array(numCols);
  colCost[lp.nx] = 1;
  const colLower = new Float64Array(numCols).fill(-inf);
  colLower.fill(0, 0, lp.nx);
  const rowLower = new Float64Array(numRows).fill(-inf);
  const rowUpper = new Float64Array(numRows);
  rowLower[lp.ny] = 1;
  rowUpper[lp.ny] = 1;
  for (let r = lp.ny + 1; r < numRows; r++) rowLower[r] = 0;
  return {
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper: new Float64Array(numCols).fill(inf),
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
  };
}

/** The LP's constraint matrix M (rows as above) in exact arithmetic, by rows and by columns. */
function exactMatrix(lp: ZeroSumSequenceLp): { rows: SparseRow[]; cols: SparseRow[] } {
  const nq = lp.F.cols.length;
  const numRows = lp.ny + lp.E.cols.length;
  const rows: SparseRow[] = Array.from({ length: numRows }, () => new Map());
  const cols: SparseRow[] = Array.from({ length: lp.nx + nq }, () => new Map());
  const set = (r: number, c: number, v: Fraction) => {
    const next = (rows[r]!.get(c) ?? new Fraction(0)).add(v);
    rows[r]!.set(c, next);
    cols[c]!.set(r, next);
  };
  for (let t = 0; t < lp.aCol.length; t++) set(lp.aCol[t]!, lp.aRow[t]!, lp.aExact![t]!.neg());
  lp.F.cols.forEach((cs, k) => {
    cs.forEach((j, t) => {
      set(j, lp.nx + k, new Fraction(lp.F.vals[k]![t]!));
    });
  });
  lp.E.cols.forEach((cs, r) => {
    cs.forEach((i, t) => {
      set(lp.ny + r, i, new Fraction(lp.E.vals[r]![t]!));
    });
  });
  return { rows, cols };
}

const BASIC = 1;

/**
 * Re-solves HiGHS's optimal basis exactly. Nonbasic columns are 0 (x at its bound, free q at zero)
 * and nonbasic rows hold with equality, so the basic columns solve a square system; the row duals
 * of the nonbasic rows solve its transpose with the basic columns' costs. Returns the exact plans
 * and value, or a reason string when the basis is singular or the certificate fails.
 */
function exactFromBasis(
  lp: ZeroSumSequenceLp,
  colStatus: Int32Array,
  rowStatus: Int32Array,
): { x: Fraction[]; y: Fraction[]; value: Fraction } | string {
  const { rows, cols } = exactMatrix(lp);
  const numRows = rows.length;
  const basicCols: number[] = [];
  for (let c = 0; c < cols.length; c++) if (colStatus[c] === BASIC) basicCols.push(c);
  const tightRows: number[] = [];
  for (let r = 0; r < numRows; r++) if (rowStatus[r] !== BASIC) tightRows.push(r);
  if (basicCols.length !== tightRows.length) return 'the basis HiGHS returned is not square';
  const colPos = new Map(basicCols.map((c, i) => [c, i]));
  const rowPos = new Map(tightRows.map((r, i) => [r, i]));
  const rhsOf = (r: number) => new Fraction(r === lp.ny ? 1 : 0);
  const primalRows = tightRows.map((r) => remap(rows[r]!, colPos));
  const z = solveSparseExact(basicCols.length, primalRows, tightRows.map(rhsOf));
  if (!z) return 'the optimal basis is singular in exact arithmetic';
  const dualRows = basicCols.map((c) => remap(cols[c]!, rowPos));
  const cost = (c: number) => new Fraction(c === lp.nx ? 1 : 0);
  const pi = solveSparseExact(basicCols.length, dualRows, basicCols.map(cost));
  if (!pi) return 'the optimal basis is singular in exact arithmetic';
  const full = new Array<Fraction>(cols.length).fill(new Fraction(0));
  basicCols.forEach((c, i) => {
    full[c] = z[i]!;
  });
  const dual = new Array<Fraction>(numRows).fill(new Fraction(0));
  tightRows.forEach((r, i) => {
    dual[r] = pi[i]!;
  });
  const problem = certificateProblem(lp, rows, cols, full, dual);
  if (problem) return `exact certificate failed: ${problem}`;
  return { x: full.slice(0, lp.nx), y: dual.slice(0, lp.ny), value: full[lp.nx]! };
}

/** Keeps the entries of `row` whose index is in `pos`, renumbered. */
function remap(row: SparseRow, pos: Map<number, number>): SparseRow {
  const out: SparseRow = new Map();
  for (const [k, v] of row) {
    const p = pos.get(k);
    if (p !== undefined) out.set(p, v);
  }
  return out;
}

/**
 * Checks exactly that (x, q) is primal feasible, (y, p) dual feasible and f'q = e'p, which proves
 * both optimal. Returns a description of the first failure, or undefined.
 */
function certificateProblem(
  lp: ZeroSumSequenceLp,
  rows: SparseRow[],
  cols: SparseRow[],
  primal: Fraction[],
  dual: Fraction[],
): string | undefined {
  for (let i = 0; i < lp.nx; i++) if (primal[i]!.lt(0)) return `x[${i}] < 0`;
  for (let j = 0; j < lp.ny; j++) if (dual[j]!.lt(0)) return `y[${j}] < 0`;
  for (let r = 0; r < rows.length; r++) {
    let act = new Fraction(0);
    for (const [c, v] of rows[r]!) act = act.add(v.mul(primal[c]!));
    if (r < lp.ny ? act.gt(0) : !act.equals(r === lp.ny ? 1 : 0)) return `primal row ${r}`;
  }
  for (let c = 0; c < cols.length; c++) {
    let act = new Fraction(0);
    for (const [r, v] of cols[c]!) act = act.add(v.mul(dual[r]!));
    const cost = c === lp.nx ? 1 : 0;
    // x columns: dual constraint >= 0 (reduced cost sign of a maximisation); q columns: equality.
    if (c < lp.nx ? act.lt(cost) : !act.equals(cost)) return `dual column ${c}`;
  }
  if (!primal[lp.nx]!.equals(dual[lp.ny]!)) return 'primal and dual values differ';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Strategic games.

/** The constant the payoffs of every profile add up to, or undefined if the game is not constant-sum. */
export function strategicConstantSum(g: StrategicGame): Fraction | number | undefined {
  const n = g.players.length;
  const profiles = g.payoffs.length / n;
  const exact = allExact(g.payoffs);
  let first: Fraction | number | undefined;
  for (let p = 0; p < profiles; p++) {
    const slice = g.payoffs.slice(p * n, p * n + n);
    const sum = exact ? exactSum(slice) : slice.reduce((a, b) => a + b.value, 0);
    if (first === undefined) first = sum;
    else if (!sameSum(first, sum)) return undefined;
  }
  return first ?? 0;
}

function exactSum(nums: Num[]): Fraction {
  return nums.reduce((a, b) => a.add(b.exact!), new Fraction(0));
}

function sameSum(a: Fraction | number, b: Fraction | number): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    const x = a.valueOf();
    const y = b.valueOf();
    return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  }
  return a.equals(b);
}

function requireTwoPlayerConstantSum(players: number, constant: Fraction | number | undefined): void {
  if (players !== 2) throw new LpMethodError('Method only valid for two-player games.');
  if (constant === undefined) throw new LpMethodError('Method only valid for constant-sum games.');
}

/** The matrix game as a sequence-form LP: one information set per player holding all strategies. */
function strategicLp(g: StrategicGame, exact: boolean): ZeroSumSequenceLp {
  const m = g.strategies[0]!.length;
  const k = g.strategies[1]!.length;
  const size = m * k;
  const aRow = new Int32Array(size);
  const aCol = new Int32Array(size);
  const aValue = new Float64Array(size);
  const aExact: Fraction[] | undefined = exact ? new Array(size) : undefined;
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < m; i++) {
      const t = j * m + i;
      const pay = g.payoffs[2 * t]!;
      aRow[t] = i;
      aCol[t] = j;
      aValue[t] = pay.value;
      if (aExact) aExact[t] = pay.exact!;
    }
  }
  const all = (n: number) => ({
    cols: [Array.from({ length: n }, (_, i) => i)],
    vals: [new Array<number>(n).fill(1)],
  });
  return { nx: m, ny: k, aRow, aCol, aValue, aExact, E: all(m), F: all(k) };
}

/** One optimal (minimax) profile and the value of a 2-player constant-sum strategic game. */
export async function lpSolveStrategic(g: StrategicGame, opts: LpOptions = {}): Promise<LpStrategicResult> {
  const constant = strategicConstantSum(g);
  requireTwoPlayerConstantSum(g.players.length, constant);
  const gameExact = allExact(g.payoffs);
  const limit = opts.exactLimit ?? 20000;
  const size = g.strategies[0]!.length + g.strategies[1]!.length;
  const wantExact = opts.exact ?? (gameExact && size <= limit);
  if (wantExact && !gameExact) throw new LpMethodError('exact recovery needs exact payoffs');
  const lp = strategicLp(g, wantExact);
  const sol = solveSequenceLp(await loadHighs(), lp, wantExact);
  const profile: MixedProfile = {
    probs: [Array.from(sol.x), Array.from(sol.y)],
    ...(sol.exact ? { exact: [sol.exact.x, sol.exact.y] } : {}),
  };
  return {
    value: sol.value,
    ...(sol.exact ? { valueExact: sol.exact.value } : {}),
    constant: constant!.valueOf(),
    profile,
    ...(sol.exact ? {} : { inexactReason: gameExact ? sol.inexactReason : 'the game has inexact payoffs' }),
  };
}

// ---------------------------------------------------------------------------------------------
// Extensive games.

/** Gambit's test (GameTreeRep::IsConstSum): at every node all children's subtree payoff sums agree. */
export function extensiveConstantSum(g: ExtensiveGame): Fraction | number | undefined {
  const exact = allExact(g.outcomes.flatMap((o) => o.payoffs));
  const sums: (Fraction | number)[] = new Array(g.nodes.count);
  // Reverse preorder visits children before parents.
  for (let n = g.nodes.count - 1; n >= 0; n--) {
    const kids = childrenOf(g, n);
    let sum: Fraction | number = exact ? new Fraction(0) : 0;
    if (kids.length > 0) {
      sum = sums[kids[0]!]!;
      for (let t = 1; t < kids.length; t++) if (!sameSum(sum, sums[kids[t]!]!)) return undefined;
    }
    const o = g.nodes.outcome[n]!;
    if (o >= 0) {
      const pays = g.outcomes[o]!.payoffs;
      sum = exact
        ? (sum as Fraction).add(exactSum(pays))
        : (sum as number) + pays.reduce((a, b) => a + b.value, 0);
    }
    sums[n] = sum;
  }
  return sums[0];
}

/** A constraint matrix (E or F) of the sequence form as integer rows, leaving out the empty rows of sets without nodes. */
function intRows(m: SparseMatrix): IntRows {
  const cols: number[][] = Array.from({ length: m.rows }, () => []);
  const vals: number[][] = Array.from({ length: m.rows }, () => []);
  for (let t = 0; t < m.entryRow.length; t++) {
    cols[m.entryRow[t]!]!.push(m.entryCol[t]!);
    vals[m.entryRow[t]!]!.push(m.value[t]!);
  }
  const keep = cols.map((c, r) => r === 0 || c.length > 0);
  return { cols: cols.filter((_, r) => keep[r]), vals: vals.filter((_, r) => keep[r]) };
}

/** The LP of an extensive game, from its sequence form (player 1's payoffs are A). */
export function extensiveLp(sf: SequenceForm, exact: boolean): ZeroSumSequenceLp {
  const p = sf.payoffs;
  if (exact && !p.exact)
    throw new LpMethodError('exact recovery needs exact payoffs and chance probabilities');
  return {
    nx: sf.players[0].count,
    ny: sf.players[1].count,
    aRow: p.row,
    aCol: p.col,
    aValue: p.a,
    ...(exact ? { aExact: p.exact!.a as Fraction[] } : {}),
    E: intRows(constraintMatrix(sf.players[0])),
    F: intRows(constraintMatrix(sf.players[1])),
  };
}

/** One optimal behaviour profile and the value of a 2-player constant-sum extensive game with perfect recall. */
export async function lpSolveExtensive(g: ExtensiveGame, opts: LpOptions = {}): Promise<LpExtensiveResult> {
  const constant = extensiveConstantSum(g);
  requireTwoPlayerConstantSum(g.players.length, constant);
  if (perfectRecallViolation(g)) {
    throw new LpMethodError('Computing equilibria of games with imperfect recall is not supported.');
  }
  const sf = sequenceForm(g);
  const gameExact = sf.exact;
  const limit = opts.exactLimit ?? 20000;
  const wantExact = opts.exact ?? (gameExact && sf.players[0].count + sf.players[1].count <= limit);
  const sol = solveSequenceLp(await loadHighs(), extensiveLp(sf, wantExact), wantExact);
  const x = Array.from(sol.x);
  const y = Array.from(sol.y);
  return {
    value: sol.value,
    ...(sol.exact ? { valueExact: sol.exact.value } : {}),
    constant: constant!.valueOf(),
    profile: behaviorFromRealization(g, sf, sol.exact ? [sol.exact.x, sol.exact.y] : [x, y]),
    plans: { x, y, ...(sol.exact ? { exact: { x: sol.exact.x, y: sol.exact.y } } : {}) },
    ...(sol.exact ? {} : { inexactReason: gameExact ? sol.inexactReason : 'the game has inexact payoffs' }),
  };
}
