// `brink runs list|show|rerun|diff`: the runs saved in the run store (src/store, docs/cli.md).
import type { AnalysisResults } from '../analysis/analyze.js';
import { buildReport } from '../analysis/build-report.js';
import { type ReportFormat, renderReport } from '../analysis/report/render.js';
import { type SensitivityResults, sensitivitySections } from '../analysis/sensitivity/sensitivity-report.js';
import { parseScenarioShape } from '../scenario/load.js';
import { diffJson, formatChanges, unifiedDiff } from '../store/diff.js';
import { type Rerunner, rerun } from '../store/rerun.js';
import { RUN_COLUMNS, runRow } from '../store/run-row.js';
import {
  type RunKind,
  type RunStore,
  type RunSummary,
  type StoredRun,
  defaultStorePath,
  encodeJson,
  openRunStore,
} from '../store/run-store.js';
import { parseFormat } from './analyze-command.js';
import { UsageError } from './errors.js';
import { packageVersion } from './package-root.js';

export interface RunsCommonOptions {
  db?: string;
}

export interface RunsListOptions extends RunsCommonOptions {
  json?: boolean;
  limit?: string;
  kind?: string;
}

export interface RunsShowOptions extends RunsCommonOptions {
  json?: boolean;
  format?: string;
}

export interface RunsRerunOptions extends RunsCommonOptions {
  quiet?: boolean;
  json?: boolean;
  limit?: string;
}

export interface RunsDiffOptions extends RunsCommonOptions {
  json?: boolean;
  limit?: string;
}

function parseLimit(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || !Number.isSafeInteger(n)) {
    throw new UsageError(`--limit ${text}: expected a whole number ≥ 1`);
  }
  return n;
}

function withStore<T>(opts: RunsCommonOptions, body: (store: RunStore) => T): T {
  const store = openRunStore(opts.db ?? defaultStorePath(), { create: false });
  try {
    return body(store);
  } finally {
    store.close();
  }
}

/** `2026-11-23 13:05` (UTC). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, k) => (k === cells.length - 1 ? c : c.padEnd(widths[k]!)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

export function runsListText(opts: RunsListOptions = {}): string {
  const limit = parseLimit(opts.limit, 20);
  const path = opts.db ?? defaultStorePath();
  let runs: RunSummary[];
  let total: number;
  try {
    ({ runs, total } = withStore(opts, (s) => ({
      runs: s.listRuns({ limit, kind: opts.kind }),
      total: s.count(),
    })));
  } catch (e) {
    // No database yet is not an error for a listing.
    if ((e as Error).name === 'StoreError' && /no run database here/.test((e as Error).message)) {
      return opts.json ? '[]\n' : `No runs saved yet (${path}).\n`;
    }
    throw e;
  }
  if (opts.json) return `${JSON.stringify(runs, null, 2)}\n`;
  if (runs.length === 0) return `No runs saved yet (${path}).\n`;
  const rows = runs.map(runRow);
  const more =
    total > runs.length && opts.kind === undefined
      ? `… and ${total - runs.length} older (--limit N shows more)\n`
      : '';
  return table(RUN_COLUMNS, rows) + more;
}

function metadataLines(r: StoredRun): string[] {
  return [
    `run       ${r.id}`,
    `date      ${r.createdAt}`,
    `kind      ${r.kind}`,
    `scenario  ${r.scenarioLabel} (sha256 ${r.scenarioHash.slice(0, 12)})`,
    `seed      ${r.seed}`,
    `draws     ${r.draws}`,
    `version   ${r.version}`,
    `options   ${JSON.stringify(r.options)}`,
    ...(r.headline === undefined ? [] : [`headline  ${r.headline}`]),
    ...(r.params === undefined
      ? []
      : [`params    ${r.params.names.length} parameters × ${r.params.values.length} draws`]),
  ];
}

/** An analyze run's report rebuilt from its stored results (the figures are exactly those stored). */
async function analyzeReport(r: StoredRun, format: ReportFormat): Promise<string> {
  let title = r.scenarioLabel;
  let scenarioId = r.scenarioLabel;
  try {
    const { spec } = parseScenarioShape(r.scenarioText, r.scenarioLabel);
    title = spec.title;
    scenarioId = spec.id;
  } catch {
    // The stored scenario no longer parses with this version: the report keeps its label.
  }
  const results = r.results as AnalysisResults;
  const base = buildReport(results, { title, scenarioId, version: r.version });
  // A run made with `analyze --sensitivity` carries the tornado and Sobol indices: show them too.
  const sensitivity = (results as { sensitivity?: SensitivityResults }).sensitivity;
  const doc = sensitivity
    ? { ...base, sections: [...base.sections, ...sensitivitySections(sensitivity)] }
    : base;
  return renderReport(format === 'json' ? { ...doc, data: results } : doc, format);
}

/** Renders stored results per kind; kinds without an entry print their results as JSON. */
const reporters: Partial<Record<RunKind, (r: StoredRun, format: ReportFormat) => Promise<string>>> = {
  analyze: analyzeReport,
};

export async function runsShowText(ref: string, opts: RunsShowOptions = {}): Promise<string> {
  const run = withStore(opts, (s) => s.getRun(ref));
  if (opts.json) return `${encodeJson(run, 2)}\n`;
  const reporter = reporters[run.kind];
  if (opts.format !== undefined) {
    const format = parseFormat(opts.format);
    if (reporter === undefined) return `${encodeJson(run.results, 2)}\n`;
    return reporter(run, format);
  }
  let body = `${encodeJson(run.results, 2)}\n`;
  if (reporter !== undefined) {
    try {
      body = await reporter(run, 'text');
    } catch (e) {
      // Results stored by another version may not fit this version's report: show them as stored.
      body = `(the report cannot be rebuilt from these results: ${(e as Error).message})\n${body}`;
    }
  }
  return `${metadataLines(run).join('\n')}\n\n${body}`;
}

export interface RerunReport {
  readonly text: string;
  readonly identical: boolean;
}

export async function runsRerunReport(
  ref: string,
  opts: RunsRerunOptions = {},
  runners?: Partial<Record<RunKind, Rerunner>>,
): Promise<RerunReport> {
  const limit = parseLimit(opts.limit, 20);
  const run = withStore(opts, (s) => s.getRun(ref));
  const progress = !opts.quiet && !opts.json && process.stderr.isTTY;
  const started = Date.now();
  const outcome = await rerun(run, {
    runners,
    limit,
    onDraw: progress
      ? (done, total) => process.stderr.write(`\rbrink runs rerun: draw ${done}/${total}`)
      : undefined,
  });
  if (progress) process.stderr.write('\n');
  const version = packageVersion();
  if (opts.json) {
    const json = {
      id: run.id,
      identical: outcome.identical,
      storedVersion: run.version,
      version,
      differences: outcome.diff.total,
      changes: outcome.diff.changes,
    };
    return { text: `${encodeJson(json, 2)}\n`, identical: outcome.identical };
  }
  const what = `${run.kind} of ${run.scenarioLabel}, seed ${run.seed}, ${run.draws} draw${run.draws === 1 ? '' : 's'}`;
  const lines: string[] = [];
  if (!opts.quiet) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`brink runs rerun: ${run.id} rerun in ${seconds} s\n`);
  }
  if (run.version !== version)
    lines.push(`note: ${run.id} was made by Brink ${run.version}; this is ${version}`);
  if (outcome.identical) {
    lines.push(`${run.id}: identical (${what})`);
  } else {
    const n = outcome.diff.total;
    lines.push(
      `${run.id}: DIFFERENT (${what}): ${n === 1 ? '1 value differs' : `${n} values differ`} (stored → rerun)`,
    );
    lines.push(...formatChanges(outcome.diff));
  }
  return { text: `${lines.join('\n')}\n`, identical: outcome.identical };
}

export function runsDiffText(refA: string, refB: string, opts: RunsDiffOptions = {}): string {
  const limit = parseLimit(opts.limit, 20);
  const [a, b] = withStore(opts, (s) => [s.getRun(refA), s.getRun(refB)] as const);
  const meta = (r: StoredRun) => ({
    kind: r.kind,
    scenario: r.scenarioLabel,
    scenarioHash: r.scenarioHash.slice(0, 12),
    seed: r.seed,
    draws: r.draws,
    version: r.version,
  });
  const metaDiff = diffJson(meta(a), meta(b));
  const optionsDiff = diffJson(a.options, b.options, Number.POSITIVE_INFINITY, 'options');
  const resultsDiff = diffJson(a.results, b.results, limit);
  const scenario = unifiedDiff(a.scenarioText, b.scenarioText, {
    old: `${a.id} ${a.scenarioLabel}`,
    new: `${b.id} ${b.scenarioLabel}`,
  });
  if (opts.json) {
    const json = {
      old: a.id,
      new: b.id,
      run: metaDiff.changes,
      options: optionsDiff.changes,
      scenario: scenario === '' ? null : scenario,
      results: { total: resultsDiff.total, changes: resultsDiff.changes },
    };
    return `${encodeJson(json, 2)}\n`;
  }
  const out: string[] = [`${a.id} → ${b.id}`];
  if (metaDiff.total + optionsDiff.total === 0) out.push('run and options: the same');
  else out.push('run and options:', ...formatChanges(metaDiff), ...formatChanges(optionsDiff));
  if (scenario === '') out.push('scenario text: the same');
  else out.push('scenario text:', scenario.trimEnd());
  if (resultsDiff.total === 0) out.push('results: the same');
  else {
    const n = resultsDiff.total;
    out.push(`results: ${n === 1 ? '1 value differs' : `${n} values differ`}`, ...formatChanges(resultsDiff));
  }
  return `${out.join('\n')}\n`;
}

export function runsListCommand(opts: RunsListOptions): void {
  process.stdout.write(runsListText(opts));
}

export async function runsShowCommand(ref: string, opts: RunsShowOptions): Promise<void> {
  process.stdout.write(await runsShowText(ref, opts));
}

/** Exit code 1 when the rerun differs from the stored results. */
export async function runsRerunCommand(ref: string, opts: RunsRerunOptions): Promise<void> {
  const r = await runsRerunReport(ref, opts);
  process.stdout.write(r.text);
  if (!r.identical) process.exitCode = 1;
}

export function runsDiffCommand(a: string, b: string, opts: RunsDiffOptions): void {
  process.stdout.write(runsDiffText(a, b, opts));
}
