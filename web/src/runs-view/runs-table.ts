// The stored runs as table rows (src/store/run-row.ts: the columns of `brink runs list`), and the
// choice of two runs to compare.
import type { StoredRun } from '../../../src/store/run-store.js';

export { RUN_COLUMNS, runRow, shortDate } from '../../../src/store/run-row.js';

/** Ticking a run keeps at most two ticked: the newly ticked one and the one ticked just before it. */
export function toggleSelection(selected: readonly string[], id: string, on: boolean): string[] {
  const rest = selected.filter((x) => x !== id);
  return on ? [...rest, id].slice(-2) : rest;
}

/** A stored run's settings as label–value pairs (the header of `brink runs show`). */
export function runSettings(r: StoredRun): [string, string][] {
  return [
    ['run', r.id],
    ['date', r.createdAt],
    ['kind', r.kind],
    ['scenario', `${r.scenarioLabel} (sha256 ${r.scenarioHash.slice(0, 12)})`],
    ['seed', String(r.seed)],
    ['draws', String(r.draws)],
    ['version', r.version],
    ['options', JSON.stringify(r.options)],
    ...(r.headline === undefined ? [] : [['headline', r.headline] as [string, string]]),
    ...(r.params === undefined
      ? []
      : [
          ['params', `${r.params.names.length} parameters × ${r.params.values.length} draws`] as [
            string,
            string,
          ],
        ]),
  ];
}
