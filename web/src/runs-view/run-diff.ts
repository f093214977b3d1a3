// Two stored runs side by side, by the logic of `brink runs diff` (src/cli/runs-command.ts
// runsDiffText): the run settings, the options and the results compared value by value (diffJson),
// the scenario texts as a unified diff (unifiedDiff) — and, for reading at a glance, their headline
// figures matched by id with the difference new − old.
import type { FigureFormat } from '../../../src/analysis/report/format.js';
import { type JsonDiff, type ValueChange, diffJson, unifiedDiff } from '../../../src/store/diff.js';
import type { StoredRun } from '../../../src/store/run-store.js';
import { type HeadlineFigure, headlineFigures } from './headline-figures.js';

export interface FigureRow {
  readonly id: string;
  readonly label: string;
  readonly format: FigureFormat;
  /** Absent when the run has no such figure. */
  readonly old?: HeadlineFigure;
  readonly new?: HeadlineFigure;
  /** new − old, when both have the figure. */
  readonly difference?: number;
}

export interface RunsDiff {
  readonly old: string;
  readonly new: string;
  /** kind, scenario, scenario hash, seed, draws, version: what `brink runs diff` lists under "run". */
  readonly run: readonly ValueChange[];
  readonly options: readonly ValueChange[];
  /** Unified diff of the scenario texts; '' when they are the same. */
  readonly scenario: string;
  readonly results: JsonDiff;
  readonly figures: readonly FigureRow[];
}

/** The settings of a run that `brink runs diff` compares (runsDiffText's meta). */
function runMeta(r: StoredRun) {
  return {
    kind: r.kind,
    scenario: r.scenarioLabel,
    scenarioHash: r.scenarioHash.slice(0, 12),
    seed: r.seed,
    draws: r.draws,
    version: r.version,
  };
}

/** Figures of both runs matched by id: the old run's order, then those only the new run has. */
export function matchFigures(a: readonly HeadlineFigure[], b: readonly HeadlineFigure[]): FigureRow[] {
  const byId = new Map(b.map((f) => [f.id, f]));
  const rows: FigureRow[] = a.map((f) => {
    const g = byId.get(f.id);
    return {
      id: f.id,
      label: f.label,
      format: f.format,
      old: f,
      ...(g ? { new: g, difference: g.value - f.value } : {}),
    };
  });
  const inA = new Set(a.map((f) => f.id));
  for (const g of b) if (!inA.has(g.id)) rows.push({ id: g.id, label: g.label, format: g.format, new: g });
  return rows;
}

/** What differs between `a` (the older run) and `b`; at most `limit` result changes are listed. */
export function diffRuns(a: StoredRun, b: StoredRun, limit = 20): RunsDiff {
  return {
    old: a.id,
    new: b.id,
    run: diffJson(runMeta(a), runMeta(b)).changes,
    options: diffJson(a.options, b.options, Number.POSITIVE_INFINITY, 'options').changes,
    scenario: unifiedDiff(a.scenarioText, b.scenarioText, {
      old: `${a.id} ${a.scenarioLabel}`,
      new: `${b.id} ${b.scenarioLabel}`,
    }),
    results: diffJson(a.results, b.results, limit),
    figures: matchFigures(headlineFigures(a.kind, a.results), headlineFigures(b.kind, b.results)),
  };
}

/** The older run first (by sequence number), as `brink runs diff OLD NEW` takes them. */
export function inOrder<T extends { readonly seq: number }>(x: T, y: T): [T, T] {
  return x.seq <= y.seq ? [x, y] : [y, x];
}
