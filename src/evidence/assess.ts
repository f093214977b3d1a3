// The posterior of one hypothesis set from the observations logged so far: each observation's
// likelihood (likelihood.ts: hard, virtual or Jeffrey), tempered by its Admiralty grade
// (admiralty.ts), one item per group of correlated indicators (groups.ts), added up in log-odds
// (log-odds.ts). The result lists every item with what it contributed, for the report and ACH.
import type { EvidenceModel, HypothesisSetModel, IndicatorModel } from '../scenario/model.js';
import { didYouMean } from '../scenario/suggest.js';
import { admiraltyWeight } from './admiralty.js';
import { EvidenceError } from './errors.js';
import { countedIds, diagnosticity } from './groups.js';
import { likelihoodVector } from './likelihood.js';
import { temperedLog, updateLogOdds } from './log-odds.js';
import type { Observation } from './observation-types.js';

export interface AssessedItem {
  readonly observation: Observation;
  readonly indicator: IndicatorModel;
  /** Admiralty weight w ∈ [0, 1]. */
  readonly weight: number;
  /** λ_h = P(report | h), before tempering. */
  readonly likelihood: readonly number[];
  /** w · log λ_h. */
  readonly logLikelihood: readonly number[];
  readonly diagnosticity: number;
  /** The group the item belongs to: the indicator's group, or the indicator itself. */
  readonly group: string;
  /** False when a more diagnostic item of the same group counts instead. */
  readonly counted: boolean;
}

export interface SetAssessment {
  readonly set: HypothesisSetModel;
  readonly prior: readonly number[];
  readonly posterior: readonly number[];
  /** Items bearing on the set, in report order. */
  readonly items: readonly AssessedItem[];
}

/** Observations that stand at `asOf`: reported by then, and not retracted. */
export function activeObservations(observations: readonly Observation[], asOf?: string): Observation[] {
  return observations.filter(
    (o) => o.retracted === undefined && (asOf === undefined || o.reportDate <= asOf),
  );
}

export function findSet(evidence: EvidenceModel, setId: string): HypothesisSetModel {
  const set = evidence.sets.find((s) => s.id === setId);
  if (set === undefined) {
    const ids = evidence.sets.map((s) => s.id);
    throw new EvidenceError(`no hypothesis set '${setId}'${didYouMean(setId, ids)}`);
  }
  return set;
}

export function findIndicator(evidence: EvidenceModel, id: string, obs?: number): IndicatorModel {
  const ind = evidence.indicators.find((i) => i.id === id);
  if (ind === undefined) {
    const where = obs === undefined ? '' : `observation ${obs}: `;
    const ids = evidence.indicators.map((i) => i.id);
    throw new EvidenceError(`${where}the scenario has no indicator '${id}'${didYouMean(id, ids)}`);
  }
  return ind;
}

const byReport = (a: Observation, b: Observation): number =>
  a.reportDate < b.reportDate ? -1 : a.reportDate > b.reportDate ? 1 : a.id - b.id;

/**
 * The set's posterior given the observations (all of them are used: filter with activeObservations
 * first). Observations of indicators of other sets are ignored.
 */
export function assessSet(
  evidence: EvidenceModel,
  setId: string,
  observations: readonly Observation[],
): SetAssessment {
  const set = findSet(evidence, setId);
  const prior = set.hypotheses.map((h) => h.prior);
  const raw = [...observations]
    .sort(byReport)
    .map((o) => ({ o, ind: findIndicator(evidence, o.indicator, o.id) }))
    .filter(({ ind }) => ind.set === setId)
    .map(({ o, ind }) => {
      const weight = admiraltyWeight(o.reliability, o.credibility);
      let likelihood: number[];
      try {
        likelihood = likelihoodVector(ind, o.value, prior);
      } catch (e) {
        if (e instanceof EvidenceError) throw new EvidenceError(`observation ${o.id}: ${e.message}`);
        throw e;
      }
      const logLikelihood = temperedLog(likelihood, weight);
      return {
        observation: o,
        indicator: ind,
        weight,
        likelihood,
        logLikelihood,
        diagnosticity: diagnosticity(logLikelihood),
        group: ind.group ?? `indicator:${ind.id}`,
      };
    });
  const counted = countedIds(
    raw.map((r) => ({
      id: r.observation.id,
      group: r.group,
      reportDate: r.observation.reportDate,
      logLikelihood: r.logLikelihood,
    })),
  );
  const items: AssessedItem[] = raw.map((r) => ({ ...r, counted: counted.has(r.observation.id) }));
  const posterior = updateLogOdds(
    prior,
    items.filter((i) => i.counted).map((i) => i.logLikelihood),
  );
  if (posterior === undefined)
    throw new EvidenceError(
      `the evidence on '${setId}' is impossible under every hypothesis (a likelihood of 0 for each): check the observations and the likelihoods`,
    );
  return { set, prior, posterior, items };
}
