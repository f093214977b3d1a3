// A saved run as a row of the runs table: the same columns in `brink runs list` and in the
// workbench's Runs view. Pure (the store's types only), so the page can use it.
import type { RunSummary } from './run-store.js';

export const RUN_COLUMNS = [
  'id',
  'date (UTC)',
  'kind',
  'scenario',
  'seed',
  'draws',
  'version',
  'headline',
] as const;

/** `2026-11-23 13:05` (UTC), as `brink runs list` prints it. */
export function shortDate(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

export function runRow(r: RunSummary): string[] {
  return [
    r.id,
    shortDate(r.createdAt),
    r.kind,
    r.scenarioLabel,
    String(r.seed),
    String(r.draws),
    r.version,
    r.headline ?? '',
  ];
}
