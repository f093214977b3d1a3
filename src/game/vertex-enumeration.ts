// All vertices of a polytope { z >= 0 : M z <= 1 } with M >= 0 and no zero column (so it is
// bounded and the origin is a non-degenerate vertex), in exact arithmetic.
//
// Method: depth-first search over the feasible bases of the lexicographically perturbed system
// M z + s = 1 + (eps, eps^2, ...), as in lrs (Avis 2000, "lrs: a revised implementation of the
// reverse search vertex enumeration algorithm"; Avis & Fukuda 1992). The perturbed polytope is
// simple and connected, every vertex of the original is the image of one of its vertices, and each
// perturbed vertex has exactly one neighbour per non-basic column, chosen by the lexicographic
// ratio test. So degenerate polytopes are handled without visiting every basis of a degenerate
// vertex. Dictionaries use integer pivoting (Edmonds; every entry is a subdeterminant of the
// input), in doubles while every product stays below 2^52 and in bigint otherwise.

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

/**
 * Integer-pivoting dictionary of M z + s = 1 (as in lrs): one row per constraint, one column per
 * non-basic variable, then the right-hand side. Basic columns are implicit (det times a unit
 * vector), which halves the work of a pivot for square games.
 */
interface Tableau {
  /** Row in which the lexicographic ratio test makes the variable of column `col` enter, or -1 if unbounded. */
  leavingRow(col: number): number;
  /** Exchanges the basic variable of `row` with the non-basic variable of `col`; doing it twice undoes it. */
  pivot(row: number, col: number): void;
  /** Is the basic variable of this row zero (unperturbed)? */
  rhsIsZero(row: number): boolean;
  /** The vertex of the current basis (unperturbed). */
  vertex(): PolytopeVertex;
}

class Overflow extends Error {}

const LIMIT = 2 ** 52;

/**
 * Which variable is basic in each row and non-basic in each column, plus what the lexicographic
 * ratio test needs: the slack (= column of the basis inverse) basic in each row, and the columns
 * of the non-basic slacks in slack order.
 */
class Basis {
  readonly rowVar: Int32Array;
  readonly colVar: Int32Array;
  /** varRow[v] = row if v is basic, else -1 - column. */
  readonly varPos: Int32Array;
  /** Bits of the basic variables, 16 per word, for set keys. */
  readonly bits: Uint16Array;
  /** slackOfRow[r] = q when slack s_q is basic in row r, else k (never decisive). */
  readonly slackOfRow: Int32Array;
  /** The non-basic slacks in increasing order: their index q and their column. */
  readonly lexSlack: Int32Array;
  readonly lexCol: Int32Array;
  lexLength = 0;
  constructor(
    readonly k: number,
    readonly d: number,
  ) {
    this.rowVar = new Int32Array(k);
    this.colVar = new Int32Array(d);
    this.varPos = new Int32Array(d + k);
    this.bits = new Uint16Array(Math.ceil((d + k) / 16));
    this.slackOfRow = new Int32Array(k);
    this.lexSlack = new Int32Array(k);
    this.lexCol = new Int32Array(k);
    for (let c = 0; c < d; c++) {
      this.colVar[c] = c;
      this.varPos[c] = -1 - c;
    }
    for (let r = 0; r < k; r++) {
      this.rowVar[r] = d + r;
      this.varPos[d + r] = r;
      this.flip(d + r);
    }
    this.refreshLex();
  }
  private flip(v: number): void {
    this.bits[v >>> 4]! ^= 1 << (v & 15);
  }
  private refreshLex(): void {
    const { k, d } = this;
    this.lexLength = 0;
    for (let q = 0; q < k; q++) {
      const pos = this.varPos[d + q]!;
      if (pos < 0) {
        this.lexSlack[this.lexLength] = q;
        this.lexCol[this.lexLength++] = -1 - pos;
      }
    }
    for (let r = 0; r < k; r++) {
      const v = this.rowVar[r]!;
      this.slackOfRow[r] = v >= d ? v - d : k;
    }
  }
  swap(row: number, col: number): void {
    const left = this.rowVar[row]!;
    const entering = this.colVar[col]!;
    this.rowVar[row] = entering;
    this.colVar[col] = left;
    this.varPos[entering] = row;
    this.varPos[left] = -1 - col;
    this.flip(left);
    this.flip(entering);
    this.refreshLex();
  }
  /** Key of the basis, or of the neighbour where the variable of `col` replaces that of `row`. */
  key(row = -1, col = -1): string {
    if (row < 0) return String.fromCharCode.apply(null, this.bits as unknown as number[]);
    const left = this.rowVar[row]!;
    const entering = this.colVar[col]!;
    this.flip(left);
    this.flip(entering);
    const key = String.fromCharCode.apply(null, this.bits as unknown as number[]);
    this.flip(left);
    this.flip(entering);
    return key;
  }
  /** Key of the vertex: the set of zero variables, which determines a vertex of a polytope. */
  vertexKey(rhsIsZero: (row: number) => boolean): string {
    const words = new Uint16Array(this.bits.length);
    for (let v = 0; v < this.varPos.length; v++) {
      const r = this.varPos[v]!;
      if (r < 0 || rhsIsZero(r)) words[v >>> 4]! |= 1 << (v & 15);
    }
    return String.fromCharCode.apply(null, words as unknown as number[]);
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
    const row = basis.varPos[v]!;
    const value = row < 0 ? 0n : rhs(row);
    if (value === 0n) zeros[v >>> 5]! |= 1 << (v & 31);
    else if (v < d) {
      numerators[v] = value;
      g = gcd(g, value);
    }
  }
  return { numerators: numerators.map((x) => x / g), denominator: det / g, zeros };
}

/*
 * The lexicographic ratio test, written out in both tableaux because it is the innermost loop.
 * Among rows with a positive entry in the entering column, the smallest ratio rhs / entry wins;
 * degenerate ties are broken by the rows of the basis inverse (the slack columns) in slack order,
 * divided by the entry. A slack basic in one of the two rows decides at once (that row has det > 0
 * there, the other 0) and a slack basic in another row never decides, so only the non-basic
 * slacks before the first such basic one are compared.
 */

class FloatTableau implements Tableau {
  private readonly t: Float64Array;
  /** d + 1 columns: the non-basic variables, then the right-hand side. */
  private readonly width: number;
  private det = 1;
  constructor(
    m: readonly (readonly bigint[])[],
    private readonly basis: Basis,
  ) {
    const { k, d } = basis;
    this.width = d + 1;
    this.t = new Float64Array(k * this.width);
    for (let r = 0; r < k; r++) {
      for (let c = 0; c < d; c++) {
        const x = Number(m[r]![c]!);
        if (Math.abs(x) > LIMIT) throw new Overflow();
        this.t[r * this.width + c] = x;
      }
      this.t[r * this.width + d] = 1;
    }
  }

  leavingRow(col: number): number {
    const { t, width } = this;
    const { k, d, slackOfRow, lexCol, lexSlack, lexLength } = this.basis;
    let best = -1;
    let bestA = 0;
    for (let r = 0; r < k; r++) {
      const a = t[r * width + col]!;
      if (a <= 0) continue;
      if (best < 0) {
        best = r;
        bestA = a;
        continue;
      }
      let x = t[r * width + d]! * bestA;
      let y = t[best * width + d]! * a;
      if (x > LIMIT || y > LIMIT) throw new Overflow();
      let sign = x < y ? -1 : x > y ? 1 : 0;
      if (sign === 0) {
        const stop = Math.min(slackOfRow[r]!, slackOfRow[best]!);
        for (let i = 0; i < lexLength; i++) {
          if (lexSlack[i]! > stop) break;
          const c = lexCol[i]!;
          x = t[r * width + c]! * bestA;
          y = t[best * width + c]! * a;
          if (x > LIMIT || x < -LIMIT || y > LIMIT || y < -LIMIT) throw new Overflow();
          if (x !== y) {
            sign = x < y ? -1 : 1;
            break;
          }
        }
        if (sign === 0) sign = slackOfRow[r]! < slackOfRow[best]! ? 1 : -1;
      }
      if (sign < 0) {
        best = r;
        bestA = a;
      }
    }
    return best;
  }

  rhsIsZero(row: number): boolean {
    return this.t[row * this.width + this.width - 1] === 0;
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
      if (f === 0) {
        if (piv !== det) {
          for (let c = 0; c < width; c++) {
            const x = t[pi + c]! * piv;
            if (x > LIMIT || x < -LIMIT) throw new Overflow();
            t[pi + c] = x / det;
          }
        }
      } else {
        for (let c = 0; c < width; c++) {
          const x = t[pi + c]! * piv;
          const y = f * t[pr + c]!;
          if (x > LIMIT || x < -LIMIT || y > LIMIT || y < -LIMIT) throw new Overflow();
          t[pi + c] = (x - y) / det;
        }
      }
      // The leaving variable takes over the column: its old column was det * e_row.
      t[pi + col] = -f;
    }
    t[pr + col] = det;
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
    this.width = d + 1;
    this.t = new Array<bigint>(k * this.width).fill(0n);
    for (let r = 0; r < k; r++) {
      for (let c = 0; c < d; c++) this.t[r * this.width + c] = m[r]![c]!;
      this.t[r * this.width + d] = 1n;
    }
  }

  leavingRow(col: number): number {
    const { t, width } = this;
    const { k, d, slackOfRow, lexCol, lexSlack, lexLength } = this.basis;
    let best = -1;
    let bestA = 0n;
    for (let r = 0; r < k; r++) {
      const a = t[r * width + col]!;
      if (a <= 0n) continue;
      if (best < 0) {
        best = r;
        bestA = a;
        continue;
      }
      let x = t[r * width + d]! * bestA;
      let y = t[best * width + d]! * a;
      let sign = x < y ? -1 : x > y ? 1 : 0;
      if (sign === 0) {
        const stop = Math.min(slackOfRow[r]!, slackOfRow[best]!);
        for (let i = 0; i < lexLength; i++) {
          if (lexSlack[i]! > stop) break;
          const c = lexCol[i]!;
          x = t[r * width + c]! * bestA;
          y = t[best * width + c]! * a;
          if (x !== y) {
            sign = x < y ? -1 : 1;
            break;
          }
        }
        if (sign === 0) sign = slackOfRow[r]! < slackOfRow[best]! ? 1 : -1;
      }
      if (sign < 0) {
        best = r;
        bestA = a;
      }
    }
    return best;
  }

  rhsIsZero(row: number): boolean {
    return this.t[row * this.width + this.width - 1] === 0n;
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
        if (piv !== det)
          for (let c = 0; c < width; c++) if (t[pi + c] !== 0n) t[pi + c] = (t[pi + c]! * piv) / det;
      } else {
        for (let c = 0; c < width; c++) t[pi + c] = (t[pi + c]! * piv - f * t[pr + c]!) / det;
      }
      t[pi + col] = -f;
    }
    t[pr + col] = det;
    this.det = piv;
    this.basis.swap(row, col);
  }

  vertex(): PolytopeVertex {
    const { t, width } = this;
    return makeVertex(this.basis, (r) => t[r * width + width - 1]!, this.det);
  }
}

function search(tableau: Tableau, basis: Basis, options: VertexEnumerationOptions): PolytopeVertex[] {
  const d = basis.d;
  const seenBases = new Set<string>([basis.key()]);
  const vertices = new Map<string, PolytopeVertex>();
  const rhsIsZero = (r: number) => tableau.rhsIsZero(r);
  const record = () => {
    const key = basis.vertexKey(rhsIsZero);
    if (!vertices.has(key)) vertices.set(key, tableau.vertex());
  };
  record();
  // Explicit stack: each frame remembers the next column to try and the pivot that led to it.
  const stack: { next: number; row: number; col: number }[] = [{ next: 0, row: -1, col: -1 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    let moved = false;
    while (frame.next < d) {
      const col = frame.next++;
      // Column frame.col holds the variable that just left: pivoting on it leads straight back.
      if (col === frame.col) continue;
      const row = tableau.leavingRow(col);
      if (row < 0) continue;
      // The neighbour's basis, checked before paying for the pivot.
      const key = basis.key(row, col);
      if (seenBases.has(key)) continue;
      seenBases.add(key);
      if (options.maxBases !== undefined && seenBases.size > options.maxBases) {
        throw new Error(`vertex enumeration stopped after ${options.maxBases} bases`);
      }
      tableau.pivot(row, col);
      record();
      stack.push({ next: 0, row, col });
      moved = true;
      break;
    }
    if (!moved) {
      stack.pop();
      // The same exchange again restores the parent's dictionary exactly.
      if (frame.row >= 0) tableau.pivot(frame.row, frame.col);
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
  for (const row of m)
    for (const x of row) if (x < 0n) throw new Error('enumerateVertices needs a non-negative matrix');
  for (let c = 0; c < d; c++) {
    if (!m.some((row) => row[c]! > 0n))
      throw new Error('enumerateVertices needs a positive entry in every column');
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
