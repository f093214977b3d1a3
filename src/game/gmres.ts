// Restarted GMRES for A x = b with A given only as a product v -> A v (Saad & Schultz 1986,
// "GMRES: a generalized minimal residual algorithm for solving nonsymmetric linear systems",
// SIAM J. Sci. Stat. Comput. 7; Saad, "Iterative Methods for Sparse Linear Systems", 6.5):
// Arnoldi with modified Gram–Schmidt, Givens rotations on the Hessenberg matrix.
// Used by the fixed-lambda logit solver for Newton steps on large games (Jacobian-free).

export interface GmresOptions {
  /** Stop when |b - A x| <= tol |b| (default 1e-10). */
  tol?: number;
  /** Krylov dimension before a restart (default 40). */
  restart?: number;
  /** Most products A v in total (default 400). */
  maxProducts?: number;
}

export interface GmresResult {
  converged: boolean;
  /** Products A v used. */
  products: number;
  /** |b - A x| / |b| at the end. */
  relResidual: number;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/** Solves A x = b; x holds the initial guess and receives the solution. */
export function gmres(
  apply: (v: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  x: Float64Array,
  opts: GmresOptions = {},
): GmresResult {
  const n = b.length;
  const tol = opts.tol ?? 1e-10;
  const m = Math.max(1, Math.min(opts.restart ?? 40, n));
  const maxProducts = opts.maxProducts ?? 400;
  const bnorm = norm(b);
  if (bnorm === 0) {
    x.fill(0);
    return { converged: true, products: 0, relResidual: 0 };
  }
  const V: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(n));
  const H = new Float64Array((m + 1) * m); // H[i * m + j]
  const cs = new Float64Array(m);
  const sn = new Float64Array(m);
  const g = new Float64Array(m + 1);
  const w = new Float64Array(n);
  let products = 0;
  let rel = Number.POSITIVE_INFINITY;
  while (products < maxProducts) {
    // r = b - A x
    apply(x, w);
    products++;
    const r = V[0]!;
    for (let i = 0; i < n; i++) r[i] = b[i]! - w[i]!;
    const beta = norm(r);
    rel = beta / bnorm;
    if (rel <= tol) return { converged: true, products, relResidual: rel };
    for (let i = 0; i < n; i++) r[i]! /= beta;
    g.fill(0);
    g[0] = beta;
    let k = 0;
    for (; k < m && products < maxProducts; k++) {
      apply(V[k]!, w);
      products++;
      for (let i = 0; i <= k; i++) {
        const vi = V[i]!;
        let h = 0;
        for (let t = 0; t < n; t++) h += w[t]! * vi[t]!;
        H[i * m + k] = h;
        for (let t = 0; t < n; t++) w[t]! -= h * vi[t]!;
      }
      const hk = norm(w);
      H[(k + 1) * m + k] = hk;
      if (hk > 0) {
        const vk = V[k + 1]!;
        for (let t = 0; t < n; t++) vk[t] = w[t]! / hk;
      }
      // Apply the previous rotations to the new column, then a new one to zero H[k+1][k].
      for (let i = 0; i < k; i++) {
        const a = H[i * m + k]!;
        const c = H[(i + 1) * m + k]!;
        H[i * m + k] = cs[i]! * a + sn[i]! * c;
        H[(i + 1) * m + k] = -sn[i]! * a + cs[i]! * c;
      }
      const a = H[k * m + k]!;
      const c = H[(k + 1) * m + k]!;
      const d = Math.hypot(a, c);
      cs[k] = d === 0 ? 1 : a / d;
      sn[k] = d === 0 ? 0 : c / d;
      H[k * m + k] = d;
      H[(k + 1) * m + k] = 0;
      g[k + 1] = -sn[k]! * g[k]!;
      g[k] = cs[k]! * g[k]!;
      rel = Math.abs(g[k + 1]!) / bnorm;
      if (rel <= tol || hk === 0) {
        k++;
        break;
      }
    }
    // x += V y with H y = g (upper triangular k x k).
    const y = new Float64Array(k);
    for (let i = k - 1; i >= 0; i--) {
      let s = g[i]!;
      for (let j = i + 1; j < k; j++) s -= H[i * m + j]! * y[j]!;
      y[i] = H[i * m + i]! === 0 ? 0 : s / H[i * m + i]!;
    }
    for (let j = 0; j < k; j++) {
      const vj = V[j]!;
      for (let t = 0; t < n; t++) x[t]! += y[j]! * vj[t]!;
    }
    if (rel <= tol) return { converged: true, products, relResidual: rel };
  }
  return { converged: false, products, relResidual: rel };
}
