// Lemke's complementary pivoting (Lemke 1965) in revised form for large sparse LCPs, in floating
// point: the basis inverse is kept as a product of elementary "eta" matrices (the product form of
// the inverse, Dantzig & Orchard-Hays 1954) and rebuilt from scratch every so often
// ("reinversion", choosing pivot rows for sparsity with a threshold on their size, in the spirit of
// Markowitz 1957). Only the entering column and, on ties, columns of the inverse are computed
// (sparse FTRANs), so memory and work follow the sparsity of the problem rather than its square.
//
// The problem and the pivoting rules are the ones of lcp-tableau.ts (Gambit's LemkeTableau): the
// system [A | I](z; w) = b with rows 1..n, structural labels 0..n (0: the covering vector) and the
// slack of row r labelled -r; the minimum-ratio test over positive entries, ties broken
// lexicographically on the rows of the basis inverse in column order 1..n, then by lowest row.
// Ratios closer than a relative tolerance count as ties. Optionally (randomTieBreak) ties are first
// broken by a fixed pseudo-random perturbation of b, which shortens paths on degenerate problems.

export interface SparseLcp {
  /** Number of rows (1..n) and of structural labels besides 0 (labels 0..n). */
  readonly n: number;
  /** Compressed columns of A: the entries of label j are colStart[j] .. colStart[j + 1] - 1; length n + 2. */
  readonly colStart: Int32Array;
  /** 0-based row (row r is stored as r - 1). */
  readonly rowIndex: Int32Array;
  readonly value: Float64Array;
  /** Right-hand side by 0-based row. */
  readonly rhs: Float64Array;
}

export interface RevisedLemkeOptions {
  /** Give up after this many pivots. */
  readonly maxPivots?: number;
  /** Rebuild the inverse after this many updates (default 64). */
  readonly refactorEvery?: number;
  /** Called after every pivot with the entering and the leaving label. */
  readonly onPivot?: (entering: number, leaving: number) => void;
  /**
   * Break ties of the ratio test first by a fixed pseudo-random vector d, i.e. by the perturbation
   * b + e d + e^2 e_1 + e^3 e_2 + ..., and only then by Gambit's lexicographic rule (still a valid
   * lexicographic rule, so no cycling, and the end basis is feasible for b). In degenerate problems
   * this avoids long runs of degenerate pivots and costly tie-breaking, but the path, and possibly
   * the equilibrium found, differ from Gambit's. Default false (Gambit's rule).
   */
  readonly randomTieBreak?: boolean;
}

export interface RevisedLemkeResult {
  /** Label of the basic variable of each row (0-based position). */
  readonly basic: Int32Array;
  /** Its value. */
  readonly value: Float64Array;
  readonly pivots: number;
  /** How the path ended: 'solution' when the covering variable left, 'ray' when no row could leave. */
  readonly end: 'solution' | 'ray';
}

export class RevisedLemkeError extends Error {}

/** Growable eta file: eta k has pivot row pivotRow[k], pivot value pivotValue[k] and off-pivot entries start[k]..start[k+1]-1. */
interface EtaFile {
  count: number;
  pivotRow: Int32Array;
  pivotValue: Float64Array;
  start: Int32Array;
  index: Int32Array;
  value: Float64Array;
  nnz: number;
}

function newEtaFile(n: number): EtaFile {
  const cap = 64;
  return {
    count: 0,
    pivotRow: new Int32Array(cap),
    pivotValue: new Float64Array(cap),
    start: new Int32Array(cap + 1),
    index: new Int32Array(Math.max(16, n)),
    value: new Float64Array(Math.max(16, n)),
    nnz: 0,
  };
}

function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** A sparse work vector: dense values, a marker per row and the list of rows touched. */
interface Work {
  v: Float64Array;
  mark: Uint8Array;
  list: Int32Array;
  size: number;
}

function newWork(n: number): Work {
  return { v: new Float64Array(n), mark: new Uint8Array(n), list: new Int32Array(n), size: 0 };
}

function clearWork(w: Work): void {
  for (let k = 0; k < w.size; k++) {
    const i = w.list[k]!;
    w.v[i] = 0;
    w.mark[i] = 0;
  }
  w.size = 0;
}

function touch(w: Work, i: number): void {
  if (!w.mark[i]) {
    w.mark[i] = 1;
    w.list[w.size++] = i;
  }
}

interface State {
  readonly lcp: SparseLcp;
  readonly n: number;
  /** The tie-breaking vector d and B^-1 d (absent without randomTieBreak), with a scale estimate. */
  readonly d?: Float64Array;
  readonly xd?: Float64Array;
  xdScale: number;
  /** Position -> basic label; label + n -> position or -1. */
  readonly basic: Int32Array;
  readonly posOf: Int32Array;
  /** Position -> internal row of the product form, and back. */
  readonly rowOfPos: Int32Array;
  readonly posOfRow: Int32Array;
  readonly x: Float64Array;
  eta: EtaFile;
  /** An upper estimate of max |x|: the scale of rounding noise in ratio tests. */
  xScale: number;
  readonly work: Work;
  readonly work2: Work;
  updates: number;
}

function pushEta(f: EtaFile, pivotRow: number, w: Work): void {
  const k = f.count;
  if (k + 1 >= f.pivotRow.length) {
    f.pivotRow = grow(f.pivotRow, k + 2);
    f.pivotValue = grow(f.pivotValue, f.pivotRow.length);
    f.start = grow(f.start, f.pivotRow.length + 1);
  }
  f.index = grow(f.index, f.nnz + w.size);
  f.value = grow(f.value, f.nnz + w.size);
  f.pivotRow[k] = pivotRow;
  f.pivotValue[k] = w.v[pivotRow]!;
  let q = f.nnz;
  for (let t = 0; t < w.size; t++) {
    const i = w.list[t]!;
    const v = w.v[i]!;
    if (i === pivotRow || v === 0) continue;
    f.index[q] = i;
    f.value[q] = v;
    q++;
  }
  f.start[k] = f.nnz;
  f.nnz = q;
  f.start[k + 1] = q;
  f.count = k + 1;
}

/** Scatters the original column of a label into the work vector (internal rows = original rows before the etas). */
function scatter(s: State, label: number, w: Work): void {
  clearWork(w);
  if (label < 0) {
    const r = -label - 1;
    touch(w, r);
    w.v[r] = 1;
    return;
  }
  const { colStart, rowIndex, value } = s.lcp;
  for (let k = colStart[label]!; k < colStart[label + 1]!; k++) {
    const r = rowIndex[k]!;
    touch(w, r);
    w.v[r]! += value[k];
  }
}

/** w <- (product of etas) w: the column in the current basis, indexed by internal row. */
function ftran(f: EtaFile, w: Work): void {
  const { pivotRow, pivotValue, start, index, value } = f;
  for (let k = 0; k < f.count; k++) {
    const p = pivotRow[k]!;
    let t = w.v[p]!;
    if (t === 0) continue;
    t /= pivotValue[k]!;
    w.v[p] = t;
    for (let q = start[k]!; q < start[k + 1]!; q++) {
      const i = index[q]!;
      touch(w, i);
      w.v[i]! -= value[q]! * t;
    }
  }
}

/** out (by position) = B^-1 v; returns max |out|. */
function solveInto(s: State, v: Float64Array, out: Float64Array): number {
  const w = s.work;
  clearWork(w);
  for (let r = 0; r < s.n; r++) {
    if (v[r] !== 0) {
      touch(w, r);
      w.v[r] = v[r]!;
    }
  }
  ftran(s.eta, w);
  out.fill(0);
  let scale = 0;
  for (let t = 0; t < w.size; t++) {
    const i = w.list[t]!;
    out[s.posOfRow[i]!] = w.v[i]!;
    scale = Math.max(scale, Math.abs(w.v[i]!));
  }
  clearWork(w);
  return scale;
}

/** Rebuilds the product form for the current basis and recomputes the basic solution. */
function reinvert(s: State): void {
  const { n, basic, rowOfPos, posOfRow, lcp } = s;
  // Keep the buffers: the new file needs about as much room as the old one had.
  s.eta.count = 0;
  s.eta.nnz = 0;
  s.updates = 0;
  const used = new Uint8Array(n);
  const structural: number[] = [];
  for (let pos = 0; pos < n; pos++) {
    const label = basic[pos]!;
    if (label < 0) {
      rowOfPos[pos] = -label - 1;
      used[-label - 1] = 1;
    } else structural.push(pos);
  }
  // Static counts over the rows still free: columns with few entries first, rows with few entries preferred.
  const rowCount = new Int32Array(n);
  const colCount = new Map<number, number>();
  for (const pos of structural) {
    const j = basic[pos]!;
    let c = 0;
    for (let k = lcp.colStart[j]!; k < lcp.colStart[j + 1]!; k++) {
      const r = lcp.rowIndex[k]!;
      if (!used[r]) {
        rowCount[r]!++;
        c++;
      }
    }
    colCount.set(pos, c);
  }
  structural.sort((a, b) => colCount.get(a)! - colCount.get(b)! || a - b);
  const w = s.work;
  for (const pos of structural) {
    scatter(s, basic[pos]!, w);
    ftran(s.eta, w);
    let max = 0;
    for (let t = 0; t < w.size; t++) {
      const i = w.list[t]!;
      if (!used[i]) max = Math.max(max, Math.abs(w.v[i]!));
    }
    if (max < 1e-13) throw new RevisedLemkeError('the basis became numerically singular');
    let best = -1;
    for (let t = 0; t < w.size; t++) {
      const i = w.list[t]!;
      if (used[i] || Math.abs(w.v[i]!) < 0.1 * max) continue;
      if (best < 0 || rowCount[i]! < rowCount[best]! || (rowCount[i] === rowCount[best] && i < best))
        best = i;
    }
    used[best] = 1;
    rowOfPos[pos] = best;
    pushEta(s.eta, best, w);
  }
  for (let pos = 0; pos < n; pos++) posOfRow[rowOfPos[pos]!] = pos;
  // x = B^-1 b.
  clearWork(w);
  s.xScale = solveInto(s, lcp.rhs, s.x);
  if (s.d && s.xd) s.xdScale = solveInto(s, s.d, s.xd);
}

// Ties in floating point: two ratios are tied when they differ by less than TIE times the scale
// of the numbers they come from (rounding noise grows with that scale, not with the ratios).
const TIE = 1e-9;

/**
 * The leaving position for the column in s.work (the entering column in the current basis), or -1
 * for a ray: minimum ratio, then Gambit's lexicographic rule on rows of the inverse.
 */
function leavingPosition(s: State): number {
  const w = s.work;
  let max = 0;
  for (let t = 0; t < w.size; t++) max = Math.max(max, Math.abs(w.v[w.list[t]!]!));
  const xScale = s.xScale;
  const eps = Math.max(1e-12, 1e-10 * max);
  let min = Number.POSITIVE_INFINITY;
  for (let t = 0; t < w.size; t++) {
    const i = w.list[t]!;
    const a = w.v[i]!;
    if (a > eps) min = Math.min(min, s.x[s.posOfRow[i]!]! / a);
  }
  if (min === Number.POSITIVE_INFINITY) return -1;
  const best: number[] = [];
  for (let t = 0; t < w.size; t++) {
    const i = w.list[t]!;
    const a = w.v[i]!;
    if (a > eps && s.x[s.posOfRow[i]!]! / a - min <= TIE * (Math.abs(min) + xScale / a))
      best.push(s.posOfRow[i]!);
  }
  if (best.length === 1) return best[0]!;
  if (s.xd) {
    // The random direction d first: ties in it are (almost) impossible.
    const ratio = (pos: number) => s.xd![pos]! / w.v[s.rowOfPos[pos]!]!;
    let m = Number.POSITIVE_INFINITY;
    for (const pos of best) m = Math.min(m, ratio(pos));
    const kept = best.filter(
      (pos) => ratio(pos) - m <= TIE * (Math.abs(m) + s.xdScale / w.v[s.rowOfPos[pos]!]!),
    );
    if (kept.length === 1) return kept[0]!;
    return lexicographicTieBreak(s, kept);
  }
  return lexicographicTieBreak(s, best);
}

/**
 * Among tied positions, Gambit's lexicographic choice: for c = 1, 2, ..., keep the rows with the
 * smallest (B^-1)(row, c) / alpha(row), until one is left; then the lowest position. Column c of
 * B^-1 is a unit vector when the slack -c is basic (then only its own row can differ, upwards) and
 * otherwise costs one sparse FTRAN of e_c.
 */
function lexicographicTieBreak(s: State, tied: number[]): number {
  const w = s.work;
  const alpha = new Map<number, number>();
  for (const pos of tied) alpha.set(pos, w.v[s.rowOfPos[pos]!]!);
  let alive = tied.slice();
  const col = s.work2;
  for (let c = 1; c <= s.n && alive.length > 1; c++) {
    const slackPos = s.posOf[-c + s.n]!;
    if (slackPos >= 0) {
      // Column c of B^-1 is e(slackPos): that row's ratio 1/alpha > 0 loses to the others' 0.
      if (alpha.has(slackPos)) alive = alive.filter((pos) => pos !== slackPos);
      continue;
    }
    scatter(s, -c, col);
    ftran(s.eta, col);
    let min = Number.POSITIVE_INFINITY;
    let scale = 0;
    for (const pos of alive) {
      const r = col.v[s.rowOfPos[pos]!]! / alpha.get(pos)!;
      min = Math.min(min, r);
      scale = Math.max(scale, Math.abs(r));
    }
    // Rounding noise follows the size of the column's entries.
    for (let t = 0; t < col.size; t++) scale = Math.max(scale, Math.abs(col.v[col.list[t]!]!));
    const tol = TIE * scale;
    alive = alive.filter((pos) => col.v[s.rowOfPos[pos]!]! / alpha.get(pos)! - min <= tol);
    clearWork(col);
  }
  return Math.min(...alive);
}

/** Replaces the basic variable at `pos` by `label`, whose column in the current basis is in s.work. */
function pivotAt(s: State, pos: number, label: number): void {
  const w = s.work;
  const row = s.rowOfPos[pos]!;
  const theta = s.x[pos]! / w.v[row]!;
  if (s.xd) {
    const xd = s.xd;
    const td = xd[pos]! / w.v[row]!;
    for (let t = 0; t < w.size; t++) {
      const i = w.list[t]!;
      const p = s.posOfRow[i]!;
      if (p !== pos) {
        xd[p]! -= td * w.v[i]!;
        s.xdScale = Math.max(s.xdScale, Math.abs(xd[p]!));
      }
    }
    xd[pos] = td;
    s.xdScale = Math.max(s.xdScale, Math.abs(td));
  }
  for (let t = 0; t < w.size; t++) {
    const i = w.list[t]!;
    const p = s.posOfRow[i]!;
    if (p !== pos) {
      s.x[p]! -= theta * w.v[i]!;
      s.xScale = Math.max(s.xScale, Math.abs(s.x[p]!));
    }
  }
  s.x[pos] = theta;
  s.xScale = Math.max(s.xScale, Math.abs(theta));
  pushEta(s.eta, row, w);
  s.updates++;
  const out = s.basic[pos]!;
  s.posOf[out + s.n] = -1;
  s.basic[pos] = label;
  s.posOf[label + s.n] = pos;
}

/** A fixed vector with entries in [1, 2) from a linear congruential sequence, so runs are reproducible. */
function tieVector(n: number): Float64Array {
  const out = new Float64Array(n);
  let seed = 12345;
  for (let r = 0; r < n; r++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out[r] = 1 + seed / 4294967296;
  }
  return out;
}

/**
 * Runs Lemke's path: first the covering variable (label 0) enters at row `firstRow` (1-based),
 * then `firstEnter`, then the complement of every label that leaves, until label 0 leaves.
 */
export function revisedLemke(
  lcp: SparseLcp,
  firstRow: number,
  firstEnter: number,
  opts: RevisedLemkeOptions = {},
): RevisedLemkeResult {
  const n = lcp.n;
  if (lcp.colStart.length !== n + 2) throw new RevisedLemkeError('colStart must have n + 2 entries');
  const basic = new Int32Array(n);
  const posOf = new Int32Array(2 * n + 1).fill(-1);
  for (let pos = 0; pos < n; pos++) {
    basic[pos] = -(pos + 1);
    posOf[-(pos + 1) + n] = pos;
  }
  const d = opts.randomTieBreak ? tieVector(n) : undefined;
  const s: State = {
    lcp,
    n,
    d,
    xd: d ? Float64Array.from(d) : undefined,
    xdScale: d ? 2 : 0,
    basic,
    posOf,
    rowOfPos: Int32Array.from({ length: n }, (_, i) => i),
    posOfRow: Int32Array.from({ length: n }, (_, i) => i),
    x: Float64Array.from(lcp.rhs),
    eta: newEtaFile(n),
    xScale: lcp.rhs.reduce((m, v) => Math.max(m, Math.abs(v)), 0),
    work: newWork(n),
    work2: newWork(n),
    updates: 0,
  };
  const refactorEvery = opts.refactorEvery ?? 64;
  const maxPivots = opts.maxPivots ?? 50 * n + 1000;
  // The first pivot is forced (Gambit: Pivot(root, 0)).
  scatter(s, 0, s.work);
  ftran(s.eta, s.work);
  pivotAt(s, firstRow - 1, 0);
  let enter = firstEnter;
  for (let pivots = 1; ; pivots++) {
    if (pivots > maxPivots)
      throw new RevisedLemkeError(`Lemke's algorithm did not finish in ${maxPivots} pivots`);
    if (s.updates >= refactorEvery) reinvert(s);
    if (s.posOf[enter + n] !== -1) throw new RevisedLemkeError(`label ${enter} is already basic`);
    scatter(s, enter, s.work);
    ftran(s.eta, s.work);
    const pos = leavingPosition(s);
    if (pos < 0) {
      clearWork(s.work);
      return { basic: s.basic, value: s.x, pivots, end: 'ray' };
    }
    const out = s.basic[pos]!;
    pivotAt(s, pos, enter);
    clearWork(s.work);
    opts.onPivot?.(enter, out);
    if (out === 0) {
      reinvert(s); // a fresh solve for accurate final values
      return { basic: s.basic, value: s.x, pivots, end: 'solution' };
    }
    enter = -out;
  }
}
