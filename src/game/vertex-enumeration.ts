// All vertices of a polytope { z >= 0 : M z <= 1 } with M >= 0 and no zero column (so it is
// bounded and the origin is a non-degenerate vertex), in exact arithmetic.
//
// Method: depth-first search over the feasible bases of the lexicographically perturbed system
// M z + s = 1 + (eps, eps^2, ...), as in lrs (Avis 2000, "lrs: a revised implementation of the
// reverse search vertex enumeration algorithm"; Avis & Fukuda 1992). The perturbed polytope is
// simple and connected, every vertex of the original is the image of one of its vertices, and each
// perturbed vertex has exactly one neighbour per non-basic column, chosen by the lexicographic
// ratio test. So degenerate polytopes are handled without visiting every basis of a degenerate
// vertex. Tableaux use integer pivoting (Edmonds; every entry is a subdeterminant of the input),
// in doubles while every product stays below 2^52 and in bigint otherwise.

/** A vertex: z = numerators / denominator, and which variables (z then slacks s) are zero there. */
export interface PolytopeVertex {
  readonly numerators: bigint[];
  readonly denominator: bigint;
  /** Bitset over the d + k variables (z_0..z_{d-1}, s_0..s_{k-1}): bit set where the variable is 0. */
  readonly zeros: Uint32Array;
}

export interface VertexEnumerationOptions {
  /** Stop with an error after this many perturbed vertices (bases) have been visited. */
  maxBases?: number;
}

/** Integer-pivoting tableau of M z + s = 1: rows = constraints, columns = z, s, then the right-hand side. */
interface Tableau {
  /** Row in which the lexicographic ratio test makes `col` enter, or -1 if the column is unbounded. */
  leavingRow(col: number): number;
  pivot(row: number, col: number): void;
  /** The vertex of the current basis (unperturbed). */
  vertex(): PolytopeVertex;
}

class Overflow extends Error {}

const LIMIT = 2 ** 52;

/** Shared bookkeeping: which variable is basic in each row. */
class Basis {
  readonly rowVar: Int32Array;
  readonly varRow: Int32Array;
  constructor(
    readonly k: number,
    readonly d: number,
  ) {
    this.rowVar = new Int32Array(k);
    this.varRow = new Int32Array(d + k).fill(-1);
    for (let r = 0; r < k; r++) {
      this.rowVar[r] = d + r;
      this.varRow[d + r] = r;
    }
  }
  swap(row: number, col: number): number {
    const left = this.rowVar[row]!;
    this.varRow[left] = -1;
    this.rowVar[row] = col;
    this.varRow[col] = row;
    return left;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function makeVertex(basis: Basis, rhs: (row: number) => bigint, det: bigint): PolytopeVertex {
  const { k, d } = basis;
  const zeros = new Uint32Array(Math.ceil((d + k) / 32));
  const numerators = new Array<bigint>(d).fill(0n);
  let g = det;
  for (let v = 0; v < d + k; v++) {
    const row = basis.varRow[v]!;
    const value = row < 0 ? 0n : rhs(row);
    if (value === 0n) zeros[v >>> 5]! |= 1 << (v & 31);
    else if (v < d) {
      numerators[v] = value;
      g = gcd(g, value);
    }
  }
  return { numerators: numerators.map((x) => x / g), denominator: det / g, zeros };
}

class FloatTableau implements Tableau {
  private readonly t: Float64Array;
  private readonly width: number;
  private det = 1;
  constructor(
    m: readonly (readonly bigint[])[],
    private readonly basis: Basis,
  ) {
    const { k, d } = basis;
    this.width = d + k + 1;
    this.t = new Float64Array(k * this.width);
    for (let r = 0; r < k; r++) {
      for (let c = 0; c < d; c++) {
        const x = Number(m[r]![c]!);
        if (Math.abs(x) > LIMIT) throw new Overflow();
        this.t[r * this.width + c] = x;
      }
      this.t[r * this.width + d + r] = 1;
      this.t[r * this.width + d + k] = 1;
    }
  }

  leavingRow(col: number): number {
    const { t, width } = this;
    const { k, d } = this.basis;
    let best = -1;
    for (let r = 0; r < k; r++) {
      const a = t[r * width + col]!;
      if (a <= 0) continue;
      if (best < 0) {
        best = r;
        continue;
      }
      const b = t[best * width + col]!;
      // Compare row r against row best: (rhs, then the slack columns) / pivot entry.
      for (let q = -1; q < k; q++) {
        const col2 = q < 0 ? d + k : d + q;
        const x = t[r * width + col2]! * b;
        const y = t[best * width + col2]! * a;
        if (x > LIMIT || x < -LIMIT || y > LIMIT || y < -LIMIT) throw new Overflow();
        if (x < y) {
          best = r;
          break;
        }
        if (x > y) break;
      }
    }
    return best;
  }

  pivot(row: number, col: number): void {
    const { t, width } = this;
    const { k } = this.basis;
    const piv = t[row * width + col]!;
    const det = this.det;
    const pr = row * width;
    for (let i = 0; i < k; i++) {
      if (i === row) continue;
      const pi = i * width;
      const f = t[pi + col]!;
      for (let c = 0; c < width; c++) {
        const x = t[pi + c]! * piv;
        const y = f * t[pr + c]!;
        if (x > LIMIT || x < -LIMIT || y > LIMIT || y < -LIMIT) throw new Overflow();
        t[pi + c] = (x - y) / det;
      }
    }
    this.det = piv;
    this.basis.swap(row, col);
  }

  vertex(): PolytopeVertex {
    const { t, width } = this;
    return makeVertex(this.basis, (r) => BigInt(t[r * width + width - 1]!), BigInt(this.det));
  }
}

class BigTableau implements Tableau {
  private readonly t: bigint[];
  private readonly width: number;
  private det = 1n;
  constructor(
    m: readonly (readonly bigint[])[],
    private readonly basis: Basis,
  ) {
    const { k, d } = basis;
    this.width = d + k + 1;
    this.t = new Array<bigint>(k * this.width).fill(0n);
    for (let r = 0; r < k; r++) {
      for (let c = 0; c < d; c++) this.t[r * this.width + c] = m[r]![c]!;
      this.t[r * this.width + d + r] = 1n;
      this.t[r * this.width + d + k] = 1n;
    }
  }

  leavingRow(col: number): number {
    const { t, width } = this;
    const { k, d } = this.basis;
    let best = -1;
    for (let r = 0; r < k; r++) {
      const a = t[r * width + col]!;
      if (a <= 0n) continue;
      if (best < 0) {
        best = r;
        continue;
      }
      const b = t[best * width + col]!;
      for (let q = -1; q < k; q++) {
        const col2 = q < 0 ? d + k : d + q;
        const x = t[r * width + col2]! * b;
        const y = t[best * width + col2]! * a;
        if (x < y) {
          best = r;
          break;
        }
        if (x > y) break;
      }
    }
    return best;
  }

  pivot(row: number, col: number): void {
    const { t, width } = this;
    const { k } = this.basis;
    const piv = t[row * width + col]!;
    const det = this.det;
    const pr = row * width;
    for (let i = 0; i < k; i++) {
      if (i === row) continue;
      const pi = i * width;
      const f = t[pi + col]!;
      if (f === 0n) {
        for (let c = 0; c < width; c++) if (t[pi + c] !== 0n) t[pi + c] = (t[pi + c]! * piv) / det;
      } else {
        for (let c = 0; c < width; c++) t[pi + c] = (t[pi + c]! * piv - f * t[pr + c]!) / det;
      }
    }
    this.det = piv;
    this.basis.swap(row, col);
  }

  vertex(): PolytopeVertex {
    const { t, width } = this;
    return makeVertex(this.basis, (r) => t[r * width + width - 1]!, this.det);
  }
}

function basisKey(basis: Basis): string {
  // The basic variables as a bitset string; one UTF-16 unit per 15 variables.
  const n = basis.varRow.length;
  let s = '';
  for (let base = 0; base < n; base += 15) {
    let code = 0;
    for (let b = 0; b < 15 && base + b < n; b++) if (basis.varRow[base + b]! >= 0) code |= 1 << b;
    s += String.fromCharCode(code);
  }
  return s;
}

function vertexKey(v: PolytopeVertex): string {
  return `${v.numerators.join(',')}/${v.denominator}`;
}

function search(
  tableau: Tableau,
  basis: Basis,
  options: VertexEnumerationOptions,
): PolytopeVertex[] {
  const total = basis.d + basis.k;
  const seenBases = new Set<string>([basisKey(basis)]);
  const vertices = new Map<string, PolytopeVertex>();
  const record = () => {
    const v = tableau.vertex();
    const key = vertexKey(v);
    if (!vertices.has(key)) vertices.set(key, v);
  };
  record();
  // Explicit stack: each frame remembers the next column to try and how to undo its pivot.
  const stack: { next: number; row: number; left: number }[] = [{ next: 0, row: -1, left: -1 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    let moved = false;
    while (frame.next < total) {
      const col = frame.next++;
      if (basis.varRow[col]! >= 0) continue;
      const row = tableau.leavingRow(col);
      if (row < 0) continue;
      const left = basis.rowVar[row]!;
      // The neighbour's basis, checked before paying for the pivot.
      basis.varRow[left] = -1;
      basis.varRow[col] = row;
      const key = basisKey(basis);
      basis.varRow[col] = -1;
      basis.varRow[left] = row;
      if (seenBases.has(key)) continue;
      seenBases.add(key);
      if (options.maxBases !== undefined && seenBases.size > options.maxBases) {
        throw new Error(`vertex enumeration stopped after ${options.maxBases} bases`);
      }
      tableau.pivot(row, col);
      record();
      stack.push({ next: 0, row, left });
      moved = true;
      break;
    }
    if (!moved) {
      stack.pop();
      // Undo the pivot that led here: the variable that left re-enters in the same row.
      if (frame.row >= 0) tableau.pivot(frame.row, frame.left);
    }
  }
  return [...vertices.values()];
}

/**
 * All vertices of { z >= 0 : M z <= 1 } for a non-negative integer matrix M (k rows, d columns)
 * whose every column has a positive entry. The origin is among them.
 */
export function enumerateVertices(
  m: readonly (readonly bigint[])[],
  options: VertexEnumerationOptions = {},
): PolytopeVertex[] {
  const k = m.length;
  const d = k === 0 ? 0 : m[0]!.length;
  for (const row of m) for (const x of row) if (x < 0n) throw new Error('enumerateVertices needs a non-negative matrix');
  for (let c = 0; c < d; c++) {
    if (!m.some((row) => row[c]! > 0n)) throw new Error('enumerateVertices needs a positive entry in every column');
  }
  try {
    const basis = new Basis(k, d);
    return search(new FloatTableau(m, basis), basis, options);
  } catch (e) {
    if (!(e instanceof Overflow)) throw e;
  }
  const basis = new Basis(k, d);
  return search(new BigTableau(m, basis), basis, options);
}
