// The per-draw figures of `brink compare` as CSV: one row per (draw, policy), with the digest of the
// parameter values the draw's games were compiled from (equal across the policies of a draw: common
// random numbers) and every compared figure, so the paired differences can be recomputed in pandas or R.
import type { CompareDrawRecord, ComparePlan } from './compare.js';
import { toCsv } from './report/csv.js';

export function compareCsv(records: readonly CompareDrawRecord[], plan: ComparePlan): string {
  const header = ['draw', 'policy', 'param_digest', ...plan.metrics.map((m) => m.id)];
  const rows = records.flatMap((r) =>
    plan.policies.map((p) => [r.draw, p.id, r.solver[p.id]?.paramDigest ?? '', ...r.values[p.id]!]),
  );
  return toCsv(header, rows);
}
