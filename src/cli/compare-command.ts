// `brink compare [SCENARIO] --policy P [--policy P ...] [--seed N] [--draws N] [--lambda X]
// [--format text|md|html|json|csv] [--out FILE] [--quiet]`: scenario policies solved on the same
// parameter draws (common random numbers) and compared side by side and as paired differences
// (docs/cli.md). CSV gives the per-draw, per-policy figures instead of the report.
import { writeFileSync } from 'node:fs';
import { compareCsv } from '../analysis/compare-csv.js';
import { buildCompareReport } from '../analysis/compare-report.js';
import { type CompareRun, aggregateCompare, compareContext, compareRecordOf } from '../analysis/compare.js';
import { runDrawsPooled } from '../analysis/draw-pool.js';
import type { DrawJob } from '../analysis/draw-task.js';
import { REPORT_FORMATS, renderReport } from '../analysis/report/render.js';
import type { Model } from '../scenario/model.js';
import { recordRun } from '../store/run-store.js';
import { DEFAULT_SCENARIO, parseDraws, parseSeed, parseWorkers, readScenario } from './analyze-command.js';
import { UsageError } from './errors.js';
import { packageVersion } from './package-root.js';
import { makeProgress } from './progress.js';

export interface CompareCommandOptions {
  policy?: string[];
  seed?: string;
  draws?: string;
  lambda?: string;
  format?: string;
  out?: string;
  quiet?: boolean;
  workers?: string;
  db?: string;
  save?: boolean;
}

export const COMPARE_FORMATS = [...REPORT_FORMATS, 'csv'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export function parseCompareFormat(text: string | undefined): CompareFormat {
  const f = text ?? 'text';
  if (!(COMPARE_FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`--format ${f}: expected one of ${COMPARE_FORMATS.join(', ')}`);
  }
  return f as CompareFormat;
}

export function parseLambda(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x <= 0) {
    throw new UsageError(`--lambda ${text}: expected a number > 0`);
  }
  return x;
}

/**
 * The comparison, its draws spread over worker threads by the draw pool (each draw solves only the
 * compared policies' games); records come back in draw order, so the result is that of compareModel.
 */
export async function compareRun(
  scenario: { file: string; text: string; model: Model },
  options: { policies: readonly string[]; seed?: number; draws?: number; lambda?: number; workers?: number },
  onProgress?: (done: number, total: number) => void,
): Promise<CompareRun> {
  const { model } = scenario;
  const d = model.spec.defaults;
  const seed = options.seed ?? d.seed;
  const draws = options.draws ?? d.draws;
  const lambda = options.lambda ?? d.lambda;
  const ctx = compareContext(model, options.policies);
  const job: DrawJob = {
    scenarioText: scenario.text,
    scenarioFile: scenario.file,
    settings: { seed, lambda, total: draws, runs: ctx.plan.policies },
  };
  const drawn = await runDrawsPooled(
    job,
    { from: 0, to: draws },
    { ...(options.workers ? { workers: options.workers } : {}), ...(onProgress ? { onProgress } : {}) },
    { model, features: ctx.features, solver: ctx.solver },
  );
  const records = drawn.map((r) => compareRecordOf(r, ctx));
  return { seed, draws, lambda, plan: ctx.plan, records, results: aggregateCompare(records, ctx.plan) };
}

/** The report (or CSV) text; progress and timing go to stderr unless quiet. */
export async function compareReport(
  scenarioPath: string | undefined,
  opts: CompareCommandOptions = {},
): Promise<string> {
  const policies = opts.policy ?? [];
  if (policies.length === 0) {
    throw new UsageError(
      '--policy: give at least one policy (one is compared with the baseline), e.g. --policy grand-bargain',
    );
  }
  const seed = parseSeed(opts.seed);
  const draws = parseDraws(opts.draws);
  const lambda = parseLambda(opts.lambda);
  const workers = parseWorkers(opts.workers);
  const format = parseCompareFormat(opts.format);
  const scenario = readScenario(scenarioPath);
  const model = scenario.model;
  const started = Date.now();
  const progress = makeProgress('brink compare', opts.quiet);
  const run = await compareRun(scenario, { policies, seed, draws, lambda, workers }, (d, t) =>
    progress.update(d, t),
  );
  progress.stop();
  if (!opts.quiet) {
    // Timing goes to stderr only: the output itself must not depend on the machine.
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `brink compare: ${run.draws} draws × ${run.plan.policies.length} policies in ${seconds} s\n`,
    );
  }
  if (opts.save !== false) {
    const stored = recordRun(opts.db, {
      kind: 'compare',
      scenarioLabel: scenario.label,
      scenarioText: scenario.text,
      seed: run.seed,
      draws: run.draws,
      options: { lambda: run.lambda, policies },
      version: packageVersion(),
      results: run.results,
    });
    if (!opts.quiet)
      process.stderr.write(`brink: saved as run ${stored.id} (brink runs show ${stored.id})\n`);
  }
  if (format === 'csv') return compareCsv(run.records, run.plan);
  const doc = buildCompareReport(model, run, {
    scenario: scenarioPath ?? DEFAULT_SCENARIO,
    version: packageVersion(),
  });
  return renderReport(
    format === 'json'
      ? { ...doc, data: { seed: run.seed, lambda: run.lambda, ...run.results, records: run.records } }
      : doc,
    format,
  );
}

export async function compareCommand(
  scenarioPath: string | undefined,
  opts: CompareCommandOptions = {},
): Promise<void> {
  const text = await compareReport(scenarioPath, opts);
  if (opts.out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(opts.out, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--out ${opts.out}: cannot write (${code ?? (e as Error).message})`);
  }
}
