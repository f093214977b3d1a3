// From observations to the priors of the scenario's private types: each hypothesis set that names a
// `type` gives that type the set's posterior (assess.ts), which `brink analyze --evidence` passes
// to withTypePriors (src/scenario/type-priors.ts) so the whole model reruns on what was observed.
import type { EvidenceModel } from '../scenario/model.js';
import type { TypePriors } from '../scenario/type-priors.js';
import { activeObservations, assessSet } from './assess.js';
import type { Observation } from './observation-types.js';

export interface SetPosterior {
  readonly set: string;
  readonly type: string;
  readonly hypotheses: readonly string[];
  readonly prior: readonly number[];
  readonly posterior: readonly number[];
  /** Reports bearing on the set, and how many of them count (one per group). */
  readonly reports: number;
  readonly counted: number;
}

export interface EvidencePriors {
  readonly asOf?: string;
  readonly priors: TypePriors;
  readonly sets: readonly SetPosterior[];
}

export function evidencePriors(
  evidence: EvidenceModel,
  observations: readonly Observation[],
  asOf?: string,
): EvidencePriors {
  const active = activeObservations(observations, asOf);
  const sets: SetPosterior[] = [];
  const priors: Record<string, Record<string, number>> = {};
  for (const set of evidence.sets) {
    if (set.type === undefined) continue;
    const a = assessSet(evidence, set.id, active);
    const hypotheses = set.hypotheses.map((h) => h.id);
    priors[set.type] = Object.fromEntries(hypotheses.map((h, i) => [h, a.posterior[i]!]));
    sets.push({
      set: set.id,
      type: set.type,
      hypotheses,
      prior: a.prior,
      posterior: a.posterior,
      reports: a.items.length,
      counted: a.items.filter((i) => i.counted).length,
    });
  }
  return { ...(asOf === undefined ? {} : { asOf }), priors, sets };
}
