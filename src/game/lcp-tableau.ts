// Dictionary tableaux with lexicographic ratio tests, the engine of Lemke–Howson and Lemke's
// algorithm. Mirrors Gambit's linalg::Tableau / LemkeTableau (src/solvers/linalg/tableau.cc,
// lemketab.imp) so that pivot choices, and hence the equilibria found, are the same:
//  - the system is [A | I] (z; w) = b, rows numbered minRow..maxRow, structural columns labelled
//    minCol..maxCol, and the slack column of row r labelled -r (Gambit's convention);
//  - the exact tableau uses fraction-free integer pivoting (Edmonds 1967; Bareiss 1968): every
//    entry is an integer over one common denominator `det`, and each pivot divides exactly;
//  - the ratio test keeps rows whose entering-column entry is positive, then breaks ties
//    lexicographically, first on the basic solution and then on the slack columns -minRow,
//    -minRow-1, ... of the current basis (Eaves 1971), returning the lowest remaining row.
// Exact tableaux are used for rational games, float tableaux (d = 1, plain Gauss–Jordan) otherwise.
import { Fraction } from './num.js';

/** Which extreme of the ratios a ratio test keeps: Gambit's LemkeTableau::ExitIndex keeps the maximum, SF_ExitIndex the minimum. */
export type RatioRule = 'max' | 'min';

/** A sparse matrix given by its nonzero entries, with row and column labels as in the tableau. */
export interface LabelledEntries<T> {
  readonly rows: ArrayLike<number>;
  readonly cols: ArrayLike<number>;
  readonly values: readonly T[];
}

export interface TableauShape {
  readonly minRow: number;
  readonly maxRow: number;
  readonly minCol: number;
  readonly maxCol: number;
}

/** Fields shared by both kinds of tableau. `where[label + maxRow]` is the row (>= 0) of a basic label or ~column of a nonbasic one. */
interface TableauBase extends TableauShape {
  /** Number of rows. */
  readonly m: number;
  /** Number of nonbasic (dictionary) columns. */
  readonly n: number;
  /** Label of the basic variable of each row. */
  readonly basic: Int32Array;
  /** Label of the nonbasic variable of each dictionary column. */
  readonly nonbasic: Int32Array;
  readonly where: Int32Array;
}

/** Exact tableau: true dictionary = tab / det, basic solution = rhs / det (all bigint). */
export interface ExactTableau extends TableauBase {
  readonly kind: 'exact';
  readonly tab: bigint[];
  readonly rhs: bigint[];
  det: bigint;
}

/** Float tableau: the dictionary itself (det = 1). */
export interface FloatTableau extends TableauBase {
  readonly kind: 'float';
  readonly tab: Float64Array;
  readonly rhs: Float64Array;
  /** Entries at most this are treated as zero in ratio tests. */
  readonly eps: number;
}

export type Tableau = ExactTableau | FloatTableau;

export class TableauError extends Error {}

function baseFields(shape: TableauShape) {
  const m = shape.maxRow - shape.minRow + 1;
  const n = shape.maxCol - shape.minCol + 1;
  const basic = new Int32Array(m);
  const nonbasic = new Int32Array(n);
  const where = new Int32Array(shape.maxRow + shape.maxCol + 1);
  for (let i = 0; i < m; i++) {
    basic[i] = -(shape.minRow + i);
    where[basic[i]! + shape.maxRow] = i;
  }
  for (let j = 0; j < n; j++) {
    nonbasic[j] = shape.minCol + j;
    where[nonbasic[j]! + shape.maxRow] = ~j;
  }
  return { ...shape, m, n, basic, nonbasic, where };
}

function checkShape(shape: TableauShape): void {
  if (shape.minRow < 1 || shape.minCol < 0 || shape.maxRow < shape.minRow || shape.maxCol < shape.minCol) {
    throw new TableauError('bad tableau shape');
  }
}

/** An exact tableau for [A | I](z; w) = b with integer data; all slacks basic. */
export function exactTableau(
  shape: TableauShape,
  a: LabelledEntries<bigint>,
  b: readonly bigint[],
): ExactTableau {
  checkShape(shape);
  const base = baseFields(shape);
  const tab = new Array<bigint>(base.m * base.n).fill(0n);
  for (let k = 0; k < a.values.length; k++) {
    tab[(a.rows[k]! - shape.minRow) * base.n + (a.cols[k]! - shape.minCol)] = a.values[k]!;
  }
  return { kind: 'exact', ...base, tab, rhs: b.slice(), det: 1n };
}

/** A float tableau for [A | I](z; w) = b; all slacks basic. */
export function floatTableau(
  shape: TableauShape,
  a: LabelledEntries<number>,
  b: readonly number[],
  eps = 1e-12,
): FloatTableau {
  checkShape(shape);
  const base = baseFields(shape);
  const tab = new Float64Array(base.m * base.n);
  for (let k = 0; k < a.values.length; k++) {
    tab[(a.rows[k]! - shape.minRow) * base.n + (a.cols[k]! - shape.minCol)] = a.values[k]!;
  }
  return { kind: 'float', ...base, tab, rhs: Float64Array.from(b), eps };
}

/**
 * Scales rational data to integers by the lcm of all denominators. Scaling A and b together only
 * rescales the slack variables, which leaves every ratio comparison, and so every pivot, unchanged.
 */
export function integerize(
  values: readonly Fraction[],
  rhs: readonly Fraction[],
): { values: bigint[]; rhs: bigint[] } {
  let lcm = 1n;
  const gcd = (x: bigint, y: bigint): bigint => {
    while (y !== 0n) [x, y] = [y, x % y];
    return x < 0n ? -x : x;
  };
  for (const f of [...values, ...rhs]) {
    const d = f.d;
    lcm = (lcm / gcd(lcm, d)) * d;
  }
  const scale = (f: Fraction) => f.s * f.n * (lcm / f.d);
  return { values: values.map(scale), rhs: rhs.map(scale) };
}

export function cloneTableau<T extends Tableau>(t: T): T {
  const base = {
    ...t,
    basic: t.basic.slice(),
    nonbasic: t.nonbasic.slice(),
    where: t.where.slice(),
    tab: t.tab.slice(),
    rhs: t.rhs.slice(),
  };
  return base as T;
}

export function isBasic(t: Tableau, label: number): boolean {
  const i = label + t.maxRow;
  return i >= 0 && i < t.where.length && t.where[i]! >= 0 && isLabel(t, label);
}

function isLabel(t: TableauShape, label: number): boolean {
  return (label >= t.minCol && label <= t.maxCol) || (-label >= t.minRow && -label <= t.maxRow);
}

/** Is the label a variable of this tableau (a structural column or a row's slack)? */
export function hasLabel(t: TableauShape, label: number): boolean {
  return isLabel(t, label);
}

/** Row (0-based) of a basic label, or -1. */
export function rowOf(t: Tableau, label: number): number {
  if (!isLabel(t, label)) return -1;
  const w = t.where[label + t.maxRow]!;
  return w >= 0 ? w : -1;
}

/** Label of the basic variable in a row (0-based). */
export function labelAt(t: Tableau, row: number): number {
  return t.basic[row]!;
}

/** Brings `inLabel` into the basis in place of the variable of row `row` (0-based). */
export function pivot(t: Tableau, row: number, inLabel: number): void {
  if (!isLabel(t, inLabel)) throw new TableauError(`label ${inLabel} is not in this tableau`);
  const w = t.where[inLabel + t.maxRow]!;
  if (w >= 0) throw new TableauError(`label ${inLabel} is already basic`);
  const col = ~w;
  if (t.kind === 'exact') pivotExact(t, row, col);
  else pivotFloat(t, row, col);
  const outLabel = t.basic[row]!;
  t.basic[row] = inLabel;
  t.nonbasic[col] = outLabel;
  t.where[inLabel + t.maxRow] = row;
  t.where[outLabel + t.maxRow] = ~col;
}

// Fraction-free pivot: with p the pivot entry and d the old denominator, every other entry becomes
// (x*p - (row entry)*(column entry)) / d, which is an exact division (Bareiss).
function pivotExact(t: ExactTableau, r: number, c: number): void {
  const { m, n, tab, rhs } = t;
  const d = t.det;
  const rowBase = r * n;
  const p = tab[rowBase + c]!;
  if (p === 0n) throw new TableauError('zero pivot');
  for (let i = 0; i < m; i++) {
    if (i === r) continue;
    const base = i * n;
    const f = tab[base + c]!;
    if (f === 0n) {
      if (p !== d) {
        for (let j = 0; j < n; j++) {
          const x = tab[base + j]!;
          if (x !== 0n) tab[base + j] = (x * p) / d;
        }
        rhs[i] = (rhs[i]! * p) / d;
      }
      continue;
    }
    for (let j = 0; j < n; j++) {
      if (j === c) continue;
      const y = tab[rowBase + j]!;
      const x = tab[base + j]!;
      if (y === 0n) {
        if (x !== 0n) tab[base + j] = (x * p) / d;
      } else {
        tab[base + j] = (x * p - y * f) / d;
      }
    }
    rhs[i] = (rhs[i]! * p - rhs[r]! * f) / d;
    tab[base + c] = -f;
  }
  tab[rowBase + c] = d;
  t.det = p;
}

function pivotFloat(t: FloatTableau, r: number, c: number): void {
  const { m, n, tab, rhs } = t;
  const rowBase = r * n;
  const p = tab[rowBase + c]!;
  if (p === 0) throw new TableauError('zero pivot');
  const inv = 1 / p;
  for (let j = 0; j < n; j++) tab[rowBase + j]! *= inv;
  tab[rowBase + c] = inv;
  rhs[r]! *= inv;
  const rr = rhs[r]!;
  for (let i = 0; i < m; i++) {
    if (i === r) continue;
    const base = i * n;
    const f = tab[base + c]!;
    if (f === 0) continue;
    for (let j = 0; j < n; j++) {
      const y = tab[rowBase + j]!;
      if (y !== 0) tab[base + j]! -= f * y;
    }
    tab[base + c] = -f * inv;
    rhs[i]! -= f * rr;
  }
}

/** The column of a label in the current basis (B^-1 times its original column), scaled by det for exact tableaux. */
function columnExact(t: ExactTableau, label: number): bigint[] {
  const w = t.where[label + t.maxRow]!;
  const out = new Array<bigint>(t.m).fill(0n);
  if (w >= 0) out[w] = t.det;
  else {
    const c = ~w;
    for (let i = 0; i < t.m; i++) out[i] = t.tab[i * t.n + c]!;
  }
  return out;
}

function columnFloat(t: FloatTableau, label: number): Float64Array {
  const w = t.where[label + t.maxRow]!;
  const out = new Float64Array(t.m);
  if (w >= 0) out[w] = 1;
  else {
    const c = ~w;
    for (let i = 0; i < t.m; i++) out[i] = t.tab[i * t.n + c]!;
  }
  return out;
}

/**
 * The row (0-based) that leaves when `inLabel` enters, by the lexicographic ratio test; -1 when
 * the entering column has no positive entry (a ray). Float tableaux count entries above `eps`
 * (default: the tableau's) as positive.
 */
export function exitRow(t: Tableau, inLabel: number, rule: RatioRule, eps?: number): number {
  if (!isLabel(t, inLabel)) throw new TableauError(`label ${inLabel} is not in this tableau`);
  return t.kind === 'exact' ? exitRowExact(t, inLabel, rule) : exitRowFloat(t, inLabel, rule, eps ?? t.eps);
}

function exitRowExact(t: ExactTableau, inLabel: number, rule: RatioRule): number {
  const sign = t.det < 0n ? -1n : 1n;
  const incol = columnExact(t, inLabel);
  let best: number[] = [];
  for (let i = 0; i < t.m; i++) if (incol[i]! * sign > 0n) best.push(i);
  if (best.length === 0) return -1;
  // Ratios x_i / y_i share the sign of the denominators' product, which is positive here, so
  // comparing them is comparing x_i * y_k with x_k * y_i.
  for (let c = t.minRow - 1; best.length > 1; c++) {
    if (c > t.maxRow) throw new TableauError('lexicographic ratio test failed to break a tie');
    const col = c < t.minRow ? t.rhs : columnExact(t, -c);
    let ext = best[0]!;
    for (const i of best) {
      const cmp = col[i]! * incol[ext]! - col[ext]! * incol[i]!;
      if (rule === 'max' ? cmp > 0n : cmp < 0n) ext = i;
    }
    best = best.filter((i) => col[i]! * incol[ext]! === col[ext]! * incol[i]!);
  }
  return best[0]!;
}

function exitRowFloat(t: FloatTableau, inLabel: number, rule: RatioRule, eps: number): number {
  const incol = columnFloat(t, inLabel);
  let best: number[] = [];
  for (let i = 0; i < t.m; i++) if (incol[i]! > eps) best.push(i);
  if (best.length === 0) return -1;
  // Ratios are tied when they differ by less than 1e-12 times the scale of the column they come
  // from (rounding noise follows that scale). Rows still tied after every column are numerically
  // identical: the lowest one is taken, as the exact rule would if they were.
  for (let c = t.minRow - 1; best.length > 1 && c <= t.maxRow; c++) {
    const col = c < t.minRow ? t.rhs : columnFloat(t, -c);
    let ext = col[best[0]!]! / incol[best[0]!]!;
    let scale = 0;
    for (const i of best) {
      const r = col[i]! / incol[i]!;
      if (rule === 'max' ? r > ext : r < ext) ext = r;
      scale = Math.max(scale, Math.abs(r));
    }
    for (let i = 0; i < t.m; i++) scale = Math.max(scale, Math.abs(col[i]!) / Math.abs(incol[best[0]!]!));
    const tol = 1e-12 * scale;
    best = best.filter((i) => Math.abs(col[i]! / incol[i]! - ext) <= tol);
  }
  return best[0]!;
}

/** The value of each basic variable, by row (0-based), exactly. */
export function basicValuesExact(t: ExactTableau): Fraction[] {
  return t.rhs.map((x) => new Fraction(x, t.det));
}

/** The value of each basic variable, by row, as floats. */
export function basicValues(t: Tableau): number[] {
  if (t.kind === 'float') return Array.from(t.rhs);
  return basicValuesExact(t).map((f) => f.valueOf());
}
