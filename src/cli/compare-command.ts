// `brink compare [SCENARIO] --policy P [--policy P ...] [--seed N] [--draws N] [--lambda X]
// [--format text|md|html|json|csv] [--out FILE] [--quiet]`: scenario policies solved on the same
// parameter draws (common random numbers) and compared side by side and as paired differences
// (docs/cli.md). CSV gives the per-draw, per-policy figures instead of the report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareCsv } from '../analysis/compare-csv.js';
import { buildCompareReport } from '../analysis/compare-report.js';
import { type CompareRun, compareModel } from '../analysis/compare.js';
import { REPORT_FORMATS, renderReport } from '../analysis/report/render.js';
import { recordRun } from '../store/run-store.js';
import { DEFAULT_SCENARIO, parseDraws, parseSeed, readScenario } from './analyze-command.js';
import { UsageError } from './errors.js';
import { packageRoot, packageVersion } from './package-root.js';
import { makeProgress } from './progress.js';

export interface CompareCommandOptions {
  policy?: string[];
  seed?: string;
  draws?: string;
  lambda?: string;
  format?: string;
  out?: string;
  quiet?: boolean;
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
  const format = parseCompareFormat(opts.format);
  const scenario = readScenario(scenarioPath);
  const model = scenario.model;
  const started = Date.now();
  const progress = makeProgress('brink compare', opts.quiet);
  let run: CompareRun;
  try {
    run = compareModel(model, { policies, seed, draws, lambda, onDraw: (d, t) => progress.update(d, t) });
  } finally {
    progress.stop();
  }
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
