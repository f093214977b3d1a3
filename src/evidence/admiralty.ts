// How far a report is believed: the NATO Admiralty code (STANAG 2511; AJP-2.1) grades the source's
// reliability A–F and the information's credibility 1–6. Schum (1994, Evidential Foundations of
// Probabilistic Reasoning, ch. 7) shows that an imperfectly credible report of an event has a
// likelihood ratio closer to 1 than the event itself. We model that attenuation by tempering the
// likelihood: a report of weight w ∈ [0, 1] contributes L^w (w·log L in log-odds), so w = 1 is an
// exact observation and w = 0 none at all. The grade → weight table below is a judgement: equal
// steps from "completely reliable/confirmed" (1) down to "unreliable/improbable" (0.2); "cannot be
// judged" (F, 6) is taken as the middle of the scale (0.5), neither trusted nor dismissed.
import type { Credibility, Reliability } from './observation-types.js';

export const RELIABILITY_WEIGHT: Readonly<Record<Reliability, number>> = {
  A: 1,
  B: 0.8,
  C: 0.6,
  D: 0.4,
  E: 0.2,
  F: 0.5,
};

export const CREDIBILITY_WEIGHT: Readonly<Record<Credibility, number>> = {
  1: 1,
  2: 0.8,
  3: 0.6,
  4: 0.4,
  5: 0.2,
  6: 0.5,
};

/** w = reliability weight × credibility weight: both must hold for the report to carry weight. */
export function admiraltyWeight(reliability: Reliability, credibility: Credibility): number {
  return RELIABILITY_WEIGHT[reliability] * CREDIBILITY_WEIGHT[credibility];
}
