// Exact solution of a sparse square linear system over the rationals by Gaussian elimination with
// a Markowitz-style pivot choice (Markowitz 1957: pivot on a row with few nonzeros, in its column
// with fewest nonzeros) so that the sparse systems of sequence-form LP bases stay sparse.
import { Fraction } from './num.js';

/** One equation: coefficient per column (absent = 0). */
export type SparseRow = Map<number, Fraction>;

const ZERO = new Fraction(0);

/**
 * Solves rows · z = rhs for n unknowns (rows.length must be n). Returns undefined when the
 * system is singular. The inputs are not modified.
 */
export function solveSparseExact(
  n: number,
  rows: readonly SparseRow[],
  rhs: readonly Fraction[],
): Fraction[] | undefined {
  if (rows.length !== n || rhs.length !== n) throw new Error('solveSparseExact needs a square system');
  const work = rows.map((r) => {
    const m = new Map<number, Fraction>();
    for (const [c, v] of r) if (!v.equals(0)) m.set(c, v);
    return m;
  });
  const b = rhs.slice();
  const colRows: Set<number>[] = Array.from({ length: n }, () => new Set());
  work.forEach((r, i) => {
    for (const c of r.keys()) {
      if (c < 0 || c >= n) throw new Error(`column ${c} out of range`);
      colRows[c]!.add(i);
    }
  });
  const active = new Uint8Array(n).fill(1);
  const pivotRow: number[] = [];
  const pivotCol: number[] = [];
  for (let step = 0; step < n; step++) {
    const r = sparsestActiveRow(work, active);
    if (r < 0 || work[r]!.size === 0) return undefined;
    const c = sparsestColumnIn(work[r]!, colRows);
    const row = work[r]!;
    const p = row.get(c)!;
    active[r] = 0;
    for (const cc of row.keys()) colRows[cc]!.delete(r);
    pivotRow.push(r);
    pivotCol.push(c);
    for (const r2 of [...colRows[c]!]) {
      const other = work[r2]!;
      const factor = other.get(c)!.div(p);
      for (const [cc, v] of row) {
        const next = (other.get(cc) ?? ZERO).sub(factor.mul(v));
        if (next.equals(0)) {
          other.delete(cc);
          colRows[cc]!.delete(r2);
        } else {
          if (!other.has(cc)) colRows[cc]!.add(r2);
          other.set(cc, next);
        }
      }
      b[r2] = b[r2]!.sub(factor.mul(b[r]!));
    }
  }
  const z: Fraction[] = new Array(n).fill(ZERO);
  for (let k = n - 1; k >= 0; k--) {
    const row = work[pivotRow[k]!]!;
    const c = pivotCol[k]!;
    let acc = b[pivotRow[k]!]!;
    for (const [cc, v] of row) if (cc !== c) acc = acc.sub(v.mul(z[cc]!));
    z[c] = acc.div(row.get(c)!);
  }
  return z;
}

/** The active row with the fewest nonzeros (-1 when none is active). */
function sparsestActiveRow(work: SparseRow[], active: Uint8Array): number {
  let best = -1;
  for (let i = 0; i < work.length; i++) {
    if (!active[i]) continue;
    if (best < 0 || work[i]!.size < work[best]!.size) {
      best = i;
      if (work[i]!.size <= 1) break;
    }
  }
  return best;
}

/** The column of `row` that occurs in the fewest other active rows. */
function sparsestColumnIn(row: SparseRow, colRows: Set<number>[]): number {
  let best = -1;
  for (const c of row.keys()) if (best < 0 || colRows[c]!.size < colRows[best]!.size) best = c;
  return best;
}
