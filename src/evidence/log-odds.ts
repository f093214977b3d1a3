// Bayes' rule in log-odds form (Good 1950, Probability and the Weighing of Evidence): the posterior
// log-odds of hypothesis i against j are the prior log-odds plus Σ_items log(λ_i / λ_j), each item's
// log likelihood ratio ("weight of evidence"). With n hypotheses we keep one log weight per
// hypothesis, log p_h + Σ ℓ_h, and normalise at the end (log-sum-exp), which is the same thing
// for every pair at once and never overflows.

/** w · log λ, the tempered log likelihood (see admiralty.ts); 0^w = 0 for w > 0 and 1 for w = 0. */
export function temperedLog(lambda: readonly number[], w: number): number[] {
  return lambda.map((l) => (w === 0 ? 0 : l === 0 ? Number.NEGATIVE_INFINITY : w * Math.log(l)));
}

/** Normalised probabilities from log weights; undefined when every weight is −∞ (impossible evidence). */
export function normaliseLog(logWeights: readonly number[]): number[] | undefined {
  const m = Math.max(...logWeights);
  if (m === Number.NEGATIVE_INFINITY) return undefined;
  const e = logWeights.map((x) => Math.exp(x - m));
  const z = e.reduce((s, x) => s + x, 0);
  return e.map((x) => x / z);
}

/** Posterior of a set: prior times the product of the items' (tempered) likelihoods, in log form. */
export function updateLogOdds(
  prior: readonly number[],
  items: readonly (readonly number[])[],
): number[] | undefined {
  // No evidence: the prior itself, exactly (a round trip through log and exp would not be).
  if (items.length === 0) return [...prior];
  const logW = prior.map((p, h) => items.reduce((s, l) => s + l[h]!, Math.log(p)));
  return normaliseLog(logW);
}

/** log(p / (1 − p)): the log-odds of a hypothesis against all the others together. */
export function logOdds(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}
