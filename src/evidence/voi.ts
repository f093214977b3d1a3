// Value of information: which indicator, if observed next, would move the assessment most. For an
// indicator not yet observed, each state k has predictive probability P(k) = Σ_h π_h P(k | h)
// under the current posterior π; observing k (exactly, graded A1) gives the posterior π_k. We
// report two expectations over k:
//  - the expected Kullback–Leibler divergence Σ_k P(k) KL(π_k ‖ π), in bits. Without grouping this
//    is the mutual information between the indicator and the hypotheses, Lindley's (1956, "On a
//    measure of the information provided by an experiment", Ann. Math. Stat. 27) expected
//    information of an experiment; the ranking uses it;
//  - the expected shift Σ_k P(k) · ½ Σ_h |π_k(h) − π(h)| (total variation): how many percentage
//    points of probability move, on average.
// π_k is computed by the same assessment as the real reports, so an indicator whose group already
// holds a more diagnostic report is worth nothing (it would not count).
import type { EvidenceModel } from '../scenario/model.js';
import { activeObservations, assessSet } from './assess.js';
import type { Observation } from './observation-types.js';

export interface VoiEntry {
  readonly indicator: string;
  readonly label: string;
  readonly group?: string;
  /** P(k) of each state under the current posterior. */
  readonly stateProbs: readonly number[];
  /** Posterior if each state were observed. */
  readonly posteriors: readonly (readonly number[])[];
  readonly expectedKlBits: number;
  readonly expectedShift: number;
}

function klBits(p: readonly number[], q: readonly number[]): number {
  return p.reduce((s, x, h) => (x === 0 ? s : s + x * Math.log2(x / q[h]!)), 0);
}

function totalVariation(p: readonly number[], q: readonly number[]): number {
  return p.reduce((s, x, h) => s + Math.abs(x - q[h]!), 0) / 2;
}

/** Every indicator of the set with no standing report, most informative first (ties: file order). */
export function valueOfInformation(
  evidence: EvidenceModel,
  setId: string,
  observations: readonly Observation[],
  asOf?: string,
): VoiEntry[] {
  const active = activeObservations(observations, asOf);
  const pi = assessSet(evidence, setId, active).posterior;
  const seen = new Set(active.map((o) => o.indicator));
  const nextId = active.reduce((m, o) => Math.max(m, o.id), 0) + 1;
  // A hypothetical report comes after every real one, so real reports win ties in a group.
  const date = '9999-12-31';
  const out: VoiEntry[] = [];
  for (const ind of evidence.indicators) {
    if (ind.set !== setId || seen.has(ind.id)) continue;
    const stateProbs = ind.states.map((_, k) => pi.reduce((s, p, h) => s + p * ind.likelihood[h]![k]!, 0));
    const posteriors = ind.states.map((state, k) => {
      if (stateProbs[k] === 0) return pi;
      const hyp: Observation = {
        id: nextId,
        scenario: '',
        indicator: ind.id,
        value: { kind: 'hard', state },
        eventDate: date,
        reportDate: date,
        source: 'value of information',
        reliability: 'A',
        credibility: 1,
      };
      return assessSet(evidence, setId, [...active, hyp]).posterior;
    });
    out.push({
      indicator: ind.id,
      label: ind.label,
      group: ind.group,
      stateProbs,
      posteriors,
      expectedKlBits: posteriors.reduce((s, p, k) => s + stateProbs[k]! * klBits(p, pi), 0),
      expectedShift: posteriors.reduce((s, p, k) => s + stateProbs[k]! * totalVariation(p, pi), 0),
    });
  }
  // Stable sort: equal values keep file order.
  return out.sort((a, b) => b.expectedKlBits - a.expectedKlBits);
}
