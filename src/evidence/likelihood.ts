// The likelihood of one observation under each hypothesis, λ_h = P(report | h).
//  - hard evidence: the indicator's state k was seen, λ_h = P(k | h);
//  - virtual evidence (Pearl 1988, Probabilistic Reasoning in Intelligent Systems, §2.2.2): the
//    report gives relative likelihoods w_k of the states, λ_h = Σ_k w_k P(k | h);
//  - Jeffrey's rule (Jeffrey 1965): the report fixes the probability q_k of each state. Chan &
//    Darwiche (2005, "On the revision of probabilistic beliefs using uncertain evidence", AIJ 163)
//    show it equals virtual evidence with w_k = q_k / p_k, p_k the probability of k before the
//    report. We take p_k from the set's prior (Field 1978's Bayes-factor form of Jeffrey
//    conditioning), so that updates commute: the order in which reports arrive does not matter, and
//    a single report applied to the prior is exactly Jeffrey's rule.
import type { IndicatorModel } from '../scenario/model.js';
import { EvidenceError } from './errors.js';
import type { EvidenceValue } from './observation-types.js';

const PROB_TOLERANCE = 1e-6;

function stateIndex(ind: IndicatorModel, state: string): number {
  const k = ind.states.indexOf(state);
  if (k < 0)
    throw new EvidenceError(
      `indicator '${ind.id}' has no state '${state}' (expected one of ${ind.states.join(', ')})`,
    );
  return k;
}

/** Per-state weights of a soft observation, in the indicator's state order; unknown states are errors. */
function stateVector(ind: IndicatorModel, values: Record<string, number>, what: string): number[] {
  for (const s of Object.keys(values)) stateIndex(ind, s);
  const v = ind.states.map((s) => values[s] ?? 0);
  if (v.some((x) => !Number.isFinite(x) || x < 0))
    throw new EvidenceError(`indicator '${ind.id}': expected ${what} that are numbers >= 0`);
  if (v.every((x) => x === 0)) throw new EvidenceError(`indicator '${ind.id}': expected ${what} not all 0`);
  return v;
}

/** P(state k) under the prior: p_k = Σ_h prior_h P(k | h). */
export function priorPredictive(ind: IndicatorModel, prior: readonly number[]): number[] {
  return ind.states.map((_, k) => prior.reduce((s, p, h) => s + p * ind.likelihood[h]![k]!, 0));
}

/** λ_h for each hypothesis of the indicator's set, in the set's order. */
export function likelihoodVector(
  ind: IndicatorModel,
  value: EvidenceValue,
  prior: readonly number[],
): number[] {
  switch (value.kind) {
    case 'hard': {
      const k = stateIndex(ind, value.state);
      return ind.likelihood.map((row) => row[k]!);
    }
    case 'likelihood': {
      const w = stateVector(ind, value.weights, 'likelihood weights');
      return ind.likelihood.map((row) => row.reduce((s, l, k) => s + w[k]! * l, 0));
    }
    case 'probability': {
      const q = stateVector(ind, value.probs, 'state probabilities');
      const total = q.reduce((s, x) => s + x, 0);
      if (Math.abs(total - 1) > PROB_TOLERANCE)
        throw new EvidenceError(
          `indicator '${ind.id}': expected state probabilities that add up to 1, got ${total}`,
        );
      const p = priorPredictive(ind, prior);
      q.forEach((x, k) => {
        if (x > 0 && p[k] === 0)
          throw new EvidenceError(
            `indicator '${ind.id}': state '${ind.states[k]}' is impossible under every hypothesis but has probability ${x}`,
          );
      });
      const w = q.map((x, k) => (x === 0 ? 0 : x / p[k]!));
      return ind.likelihood.map((row) => row.reduce((s, l, k) => s + w[k]! * l, 0));
    }
  }
}
