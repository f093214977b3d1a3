// The Nash bargaining solution on a finite set of feasible utility vectors: Nash (1950), "The bargaining
// problem", Econometrica 18(2): 155–162. Among the outcomes that give every player strictly more than the
// disagreement point d, choose the one maximising the Nash product Π_i (u_i − d_i). On a finite set the
// maximiser is found by enumeration; ties go to the first listed. (For packages of issues over a box of
// positions see packages.ts, which maximises the same product over the continuous Pareto frontier.)

import { BargainInputError } from './errors.js';

export interface NashBargainingResult {
  /** Index of the maximiser in the input list, or null when no outcome beats d for everyone. */
  readonly index: number | null;
  /** Its utilities, or null. */
  readonly utilities: readonly number[] | null;
  /** Its Nash product Π(u_i − d_i), or 0 when there is no agreement. */
  readonly product: number;
}

function requireVector(u: readonly number[], n: number, field: string): void {
  if (u.length !== n) throw new BargainInputError(`${field}: expected ${n} utilities, got ${u.length}`);
  u.forEach((x, i) => {
    if (!Number.isFinite(x))
      throw new BargainInputError(`${field}[${i}]: expected a finite number, got ${x}`);
  });
}

/** Π_i (u_i − d_i), without any clamping (negative when an odd number of players lose). */
export function nashProduct(utilities: readonly number[], disagreement: readonly number[]): number {
  if (disagreement.length === 0) throw new BargainInputError('disagreement: expected at least one player');
  requireVector(disagreement, disagreement.length, 'disagreement');
  requireVector(utilities, disagreement.length, 'utilities');
  return utilities.reduce((p, u, i) => p * (u - disagreement[i]!), 1);
}

/** True when every player gains strictly over the disagreement point. */
export function individuallyRational(utilities: readonly number[], disagreement: readonly number[]): boolean {
  return utilities.every((u, i) => u > disagreement[i]!);
}

/** The Nash bargaining solution on a finite list of utility vectors. */
export function nashBargainingFinite(
  points: readonly (readonly number[])[],
  disagreement: readonly number[],
): NashBargainingResult {
  let index: number | null = null;
  let product = 0;
  points.forEach((u, k) => {
    const p = nashProduct(u, disagreement);
    if (individuallyRational(u, disagreement) && (index === null || p > product)) {
      index = k;
      product = p;
    }
  });
  return { index, utilities: index === null ? null : points[index]!, product };
}
