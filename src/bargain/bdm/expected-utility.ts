// Expected utility of a challenge in Bueno de Mesquita's model (Scholz, Calbert & Smith 2011,
// sections 2.2 and 3), with the status quo holding for sure absent a challenge (Q = 1, as in
// both ports and the published example):
//   EU_i(Δx_ij) = s_j [P_ij U_s + (1 − P_ij) U_f] + (1 − s_j) U_s − U_sq,
//   U_s = 2 − 4 (0.5 − 0.5 d)^r,  U_f = 2 − 4 (0.5 + 0.5 d)^r,  U_sq = 2 − 4 · 0.5^r,
// with d = |x_i − x_j| / range and r the risk exponent of the actor whose perception it is.

/** Utility of winning (success), losing (failure) and of the status quo at distance d ∈ [0, 1]. */
export function basicUtilities(
  d: number,
  r: number,
): { success: number; failure: number; statusQuo: number } {
  return {
    success: 2 - 4 * (0.5 - 0.5 * d) ** r,
    failure: 2 - 4 * (0.5 + 0.5 * d) ** r,
    statusQuo: 2 - 4 * 0.5 ** r,
  };
}

/**
 * The expected utility for a challenger of challenging a target, as perceived by an actor with
 * risk exponent `r`: `distance` = |x_challenger − x_target| / range, `pWin` = P(challenger wins),
 * `targetSalience` = the probability that the target resists.
 */
export function challengeUtility(distance: number, pWin: number, targetSalience: number, r: number): number {
  const u = basicUtilities(distance, r);
  const resist = targetSalience * (pWin * u.success + (1 - pWin) * u.failure);
  const yield_ = (1 - targetSalience) * u.success;
  return resist + yield_ - u.statusQuo;
}
