// Dense LU factorisation with partial pivoting (Golub & Van Loan, "Matrix Computations", 3.4),
// for the Newton steps of the logit solvers. Row-major, in place; keeps the sign of the
// determinant, which the fixed-lambda solver watches to detect folds of the logit branch.

export interface LuWork {
  readonly n: number;
  /** The matrix, row-major (a[r * n + c]); overwritten by L (unit, below) and U. */
  readonly a: Float64Array;
  readonly piv: Int32Array;
  /** Sign of det A (0 when singular). */
  detSign: number;
}

export function makeLuWork(n: number): LuWork {
  return { n, a: new Float64Array(n * n), piv: new Int32Array(n), detSign: 1 };
}

/** Factorises w.a in place. Returns false when the matrix is (numerically) singular. */
export function luFactor(w: LuWork): boolean {
  const { n, a, piv } = w;
  let sign = 1;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k]!);
    for (let r = k + 1; r < n; r++) {
      const v = Math.abs(a[r * n + k]!);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    piv[k] = p;
    if (best === 0 || !Number.isFinite(best)) {
      w.detSign = 0;
      return false;
    }
    if (p !== k) {
      sign = -sign;
      const rk = k * n;
      const rp = p * n;
      for (let c = 0; c < n; c++) {
        const t = a[rk + c]!;
        a[rk + c] = a[rp + c]!;
        a[rp + c] = t;
      }
    }
    const pivot = a[k * n + k]!;
    if (pivot < 0) sign = -sign;
    const rk = k * n;
    for (let r = k + 1; r < n; r++) {
      const rr = r * n;
      const f = a[rr + k]! / pivot;
      if (f === 0) continue;
      a[rr + k] = f;
      for (let c = k + 1; c < n; c++) a[rr + c]! -= f * a[rk + c]!;
    }
  }
  w.detSign = sign;
  return true;
}

/** Solves A x = b in place (b becomes x), after luFactor succeeded. */
export function luSolve(w: LuWork, b: Float64Array): void {
  const { n, a, piv } = w;
  for (let k = 0; k < n; k++) {
    const p = piv[k]!;
    if (p !== k) {
      const t = b[k]!;
      b[k] = b[p]!;
      b[p] = t;
    }
  }
  for (let r = 1; r < n; r++) {
    let s = b[r]!;
    const rr = r * n;
    for (let c = 0; c < r; c++) s -= a[rr + c]! * b[c]!;
    b[r] = s;
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    const rr = r * n;
    for (let c = r + 1; c < n; c++) s -= a[rr + c]! * b[c]!;
    b[r] = s / a[rr + r]!;
  }
}
