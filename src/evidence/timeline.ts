// Posteriors over time: the assessment as it stood at each date a report arrived, so an analyst
// sees when and by what the estimate moved. Each point reruns the whole assessment on the reports
// received by then (grouping can change which item of a group counts), rather than chaining
// updates, so every point is exactly what `--as-of` that date would give.
import type { EvidenceModel } from '../scenario/model.js';
import { activeObservations, assessSet } from './assess.js';
import type { Observation } from './observation-types.js';

export interface TimelinePoint {
  /** Report date; '' for the prior, before any report. */
  readonly date: string;
  readonly posterior: readonly number[];
  /** Ids of the observations first received that day. */
  readonly added: readonly number[];
}

/** The prior, then one point per distinct report date up to `asOf`. */
export function posteriorTimeline(
  evidence: EvidenceModel,
  setId: string,
  observations: readonly Observation[],
  asOf?: string,
): TimelinePoint[] {
  const active = activeObservations(observations, asOf).filter(
    (o) => evidence.indicators.find((i) => i.id === o.indicator)?.set === setId,
  );
  const dates = [...new Set(active.map((o) => o.reportDate))].sort();
  const points: TimelinePoint[] = [
    { date: '', posterior: assessSet(evidence, setId, []).posterior, added: [] },
  ];
  for (const d of dates) {
    points.push({
      date: d,
      posterior: assessSet(evidence, setId, activeObservations(active, d)).posterior,
      added: active.filter((o) => o.reportDate === d).map((o) => o.id),
    });
  }
  return points;
}
