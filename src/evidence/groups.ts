// Correlated indicators are not independent evidence: a carrier group, Patriot batteries and air
// drills are one force-posture decision seen three ways, and several reports of one event are
// redundant. Schum (1994, ch. 7, "redundant evidence") shows that corroborative reports of the same
// event add little beyond the first. We take the conservative limit: within a group (an
// indicator's declared `group`, or the indicator itself when it has none, so repeated reports of one
// indicator are one group) only the most diagnostic item counts — the one whose tempered log
// likelihoods span the widest range, max_h ℓ_h − min_h ℓ_h, i.e. the largest log likelihood ratio
// between any two hypotheses. Ties go to the earlier report, then the lower id, so the choice
// does not depend on the order the items are listed in.

export interface GroupCandidate {
  readonly id: number;
  readonly group: string;
  readonly reportDate: string;
  /** Tempered log likelihoods, one per hypothesis. */
  readonly logLikelihood: readonly number[];
}

/** max ℓ − min ℓ: the largest log likelihood ratio between two hypotheses (0 = no discrimination). */
export function diagnosticity(logLikelihood: readonly number[]): number {
  const hi = Math.max(...logLikelihood);
  const lo = Math.min(...logLikelihood);
  if (hi === lo) return 0;
  return hi - lo;
}

function better(a: GroupCandidate, b: GroupCandidate): boolean {
  const da = diagnosticity(a.logLikelihood);
  const db = diagnosticity(b.logLikelihood);
  if (da !== db) return da > db;
  if (a.reportDate !== b.reportDate) return a.reportDate < b.reportDate;
  return a.id < b.id;
}

/** Ids of the items that count: one per group, the most diagnostic. */
export function countedIds(items: readonly GroupCandidate[]): Set<number> {
  const best = new Map<string, GroupCandidate>();
  for (const it of items) {
    const cur = best.get(it.group);
    if (cur === undefined || better(it, cur)) best.set(it.group, it);
  }
  return new Set([...best.values()].map((c) => c.id));
}
