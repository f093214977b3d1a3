// Analysis of Competing Hypotheses (Heuer 1999, Psychology of Intelligence Analysis, ch. 8), as a
// transparency aid beside the Bayesian posterior: a matrix of evidence × hypotheses rated
// consistent or inconsistent, with each item's diagnosticity, so analysts see which evidence
// actually discriminates. Heuer's point is to look for inconsistency: a hypothesis is weakened by
// evidence inconsistent with it, not strengthened by evidence consistent with every hypothesis.
//
// Ratings come from the (tempered) likelihoods rather than by hand: ρ_h = λ_h / mean_{j≠h} λ_j,
// CC if ρ ≥ 2, C if ρ ≥ 1.25, N if 0.8 < ρ < 1.25, I if 0.5 < ρ ≤ 0.8, II if ρ ≤ 0.5 (thresholds a
// judgement: a factor of 2 is "very", 1.25 the smallest ratio worth a word).
// Scores as in PARC ACH 2.0 (Palo Alto Research Center / Pherson Associates, "ACH technical
// description"): the inconsistency score counts I as −1 and II as −2 (C, CC and N count 0); the
// weighted inconsistency score multiplies each by credibility × relevance, each High = √2,
// Medium = 1, Low = 1/√2. Credibility is read from the Admiralty weight w (High if w ≥ 0.64, i.e.
// B2 or better; Medium if w ≥ 0.36, C3 or better; Low below); relevance is Medium for an item that
// counts and Low for one that a more diagnostic item of its group overrides.
import type { AssessedItem, SetAssessment } from './assess.js';

export type Consistency = 'CC' | 'C' | 'N' | 'I' | 'II';
export type Grade = 'High' | 'Medium' | 'Low';

export const GRADE_WEIGHT: Readonly<Record<Grade, number>> = {
  High: Math.SQRT2,
  Medium: 1,
  Low: Math.SQRT1_2,
};
const INCONSISTENCY: Readonly<Record<Consistency, number>> = { CC: 0, C: 0, N: 0, I: -1, II: -2 };

export interface AchRow {
  readonly id: number;
  readonly indicator: string;
  readonly label: string;
  readonly ratings: readonly Consistency[];
  readonly credibility: Grade;
  readonly relevance: Grade;
  /** The largest likelihood ratio between two hypotheses, after tempering (1 = none). */
  readonly maxLikelihoodRatio: number;
  /** Heuer: diagnostic when the item is not rated the same against every hypothesis. */
  readonly diagnostic: boolean;
}

export interface AchMatrix {
  readonly hypotheses: readonly string[];
  readonly rows: readonly AchRow[];
  /** Per hypothesis: Σ −1 (I) / −2 (II). */
  readonly inconsistency: readonly number[];
  /** Per hypothesis: Σ consistency × credibility × relevance. */
  readonly weightedInconsistency: readonly number[];
}

/** Rating of hypothesis h for likelihoods λ (after tempering). */
export function consistency(lambda: readonly number[], h: number): Consistency {
  const others = lambda.filter((_, j) => j !== h);
  const mean = others.reduce((s, x) => s + x, 0) / others.length;
  const l = lambda[h]!;
  const rho = mean === 0 ? (l === 0 ? 1 : Number.POSITIVE_INFINITY) : l / mean;
  if (rho >= 2) return 'CC';
  if (rho >= 1.25) return 'C';
  if (rho > 0.8) return 'N';
  if (rho > 0.5) return 'I';
  return 'II';
}

export function credibilityGrade(weight: number): Grade {
  if (weight >= 0.64 - 1e-12) return 'High';
  if (weight >= 0.36 - 1e-12) return 'Medium';
  return 'Low';
}

function row(item: AssessedItem, n: number): AchRow {
  const lambda = item.logLikelihood.map(Math.exp);
  const ratings = Array.from({ length: n }, (_, h) => consistency(lambda, h));
  return {
    id: item.observation.id,
    indicator: item.indicator.id,
    label: item.indicator.label,
    ratings,
    credibility: credibilityGrade(item.weight),
    relevance: item.counted ? 'Medium' : 'Low',
    maxLikelihoodRatio: Math.exp(item.diagnosticity),
    diagnostic: ratings.some((r) => r !== ratings[0]),
  };
}

export function achMatrix(a: SetAssessment): AchMatrix {
  const n = a.set.hypotheses.length;
  const rows = a.items.map((i) => row(i, n));
  const inconsistency = Array.from({ length: n }, (_, h) =>
    rows.reduce((s, r) => s + INCONSISTENCY[r.ratings[h]!], 0),
  );
  const weightedInconsistency = Array.from({ length: n }, (_, h) =>
    rows.reduce(
      (s, r) => s + INCONSISTENCY[r.ratings[h]!] * GRADE_WEIGHT[r.credibility] * GRADE_WEIGHT[r.relevance],
      0,
    ),
  );
  return { hypotheses: a.set.hypotheses.map((h) => h.id), rows, inconsistency, weightedInconsistency };
}
