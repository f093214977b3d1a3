// `brink analyze --sweep [--draws N] [--shard k/n --out FILE]` and `brink merge` of sweep shards:
// the headline figures over any number of draws (src/analysis/sweep.ts). The draws stream out of
// the worker pool in draw order; each record is folded into the summary and dropped, so memory
// stays that of a few chunks of draws whatever N. With --shard the summary itself is written (a
// small file); `brink merge` of the shards prints the single sweep's report byte for byte.

import { runSettings } from '../analysis/analyze.js';
import { streamDrawsPooled } from '../analysis/draw-stream.js';
import { makeDrawContext } from '../analysis/draw-task.js';
import { type ReportFormat, renderReport } from '../analysis/report/render.js';
import { ShardError, parseShardSpec, sha256, shardRange } from '../analysis/shard.js';
import { isSweepShardFile, openSweepFile, readSweepFile } from '../analysis/summary/sweep-file.js';
import {
  SweepError,
  type SweepRun,
  SweepSummary,
  mergeSweeps,
  sweepLayout,
  sweepReport,
  sweepResults,
} from '../analysis/sweep.js';
import { type FixedParameters, parseAssignment, withFixedParameters } from '../scenario/fixed-parameters.js';
import {
  type AnalyzeCommandOptions,
  parseDraws,
  parseFormat,
  parseSampling,
  parseSeed,
  parseWorkers,
  readScenario,
  writeOutput,
} from './analyze-command.js';
import { UsageError } from './errors.js';
import { packageVersion } from './package-root.js';
import { makeProgress } from './progress.js';

/** The report formats of a sweep: no csv (a sweep keeps no per-draw rows). */
function sweepFormat(text: string | undefined, command: string): ReportFormat {
  if (text === 'csv')
    throw new UsageError(
      `--format csv cannot be used with ${command}: a sweep keeps no per-draw rows (use brink analyze without --sweep, or its shards, for the CSV)`,
    );
  return parseFormat(text);
}

/** Refuses the options of analyze that a sweep does not support, each with its reason. */
function refuseOptions(opts: AnalyzeCommandOptions): void {
  if (opts.sensitivity)
    throw new UsageError(
      '--sensitivity cannot be used with --sweep: the sensitivity runs its own points (brink sensitivity)',
    );
  if (opts.evidence || opts.asOf !== undefined)
    throw new UsageError(
      '--evidence cannot be used with --sweep yet: a sweep shard does not record the evidence priors',
    );
}

function fixedOf(opts: AnalyzeCommandOptions): FixedParameters {
  const fixed: Record<string, number> = {};
  for (const text of opts.set ?? []) {
    const a = parseAssignment(text);
    if (typeof a === 'string') throw new UsageError(`--set ${text}: ${a}`);
    if (fixed[a.name] !== undefined) throw new UsageError(`--set: ${a.name} is set twice`);
    fixed[a.name] = a.value;
  }
  return fixed;
}

function sorted(fixed: FixedParameters): Record<string, number> {
  return Object.fromEntries(Object.entries(fixed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The sweep's report in a format; JSON carries the figures as data. */
export async function renderSweep(summary: SweepSummary, format: ReportFormat): Promise<string> {
  const doc = sweepReport(summary);
  return renderReport(format === 'json' ? { ...doc, data: sweepResults(summary) } : doc, format);
}

function asUsage(e: unknown): unknown {
  return e instanceof SweepError || e instanceof ShardError ? new UsageError(e.message) : e;
}

/** `brink analyze --sweep`: the whole sweep's report, or with --shard one shard's summary file. */
export async function analyzeSweep(
  scenarioPath: string | undefined,
  opts: AnalyzeCommandOptions,
): Promise<void> {
  refuseOptions(opts);
  const seed = parseSeed(opts.seed);
  const draws = parseDraws(opts.draws);
  const workers = parseWorkers(opts.workers);
  const sampling = parseSampling(opts.sampling);
  const format = sweepFormat(opts.format, '--sweep');
  let spec: ReturnType<typeof parseShardSpec> | undefined;
  try {
    spec = opts.shard === undefined ? undefined : parseShardSpec(opts.shard);
  } catch (e) {
    throw asUsage(e);
  }
  const read = readScenario(scenarioPath);
  const fixed = sorted(fixedOf(opts));
  const model = Object.keys(fixed).length === 0 ? read.model : withFixedParameters(read.model, fixed);
  const settings = runSettings(model, { seed, draws, sampling });
  if (spec !== undefined && spec.count > settings.draws)
    throw new UsageError(`--shard ${opts.shard}: more shards than draws (${settings.draws})`);
  const run: SweepRun = {
    version: packageVersion(),
    scenarioFile: read.file,
    scenarioLabel: read.label,
    scenarioHash: sha256(read.text),
    title: model.spec.title,
    scenarioId: model.spec.id,
    seed: settings.seed,
    lambda: settings.lambda,
    draws: settings.draws,
    sampling: settings.sampling,
    fixed,
  };
  const range = spec === undefined ? { from: 0, to: settings.draws } : shardRange(spec, settings.draws);
  // Checks the model can be analysed before any worker starts, and opens the shard's file at once.
  const ctx = makeDrawContext(model);
  const file = spec !== undefined && opts.out !== undefined ? openFile(opts.out) : undefined;
  const summary = new SweepSummary(run, sweepLayout(model.actors));
  const progress = makeProgress('brink analyze --sweep', opts.quiet);
  const started = Date.now();
  try {
    const job = {
      scenarioText: read.text,
      scenarioFile: read.file,
      settings: {
        seed: settings.seed,
        lambda: settings.lambda,
        total: settings.draws,
        sampling: settings.sampling,
        ...(Object.keys(fixed).length === 0 ? {} : { fixed }),
      },
    };
    const blocks = streamDrawsPooled(
      job,
      range,
      { workers, onProgress: (d, t) => progress.update(d, t) },
      ctx,
    );
    // Each block's records are folded in and dropped before the next block is awaited.
    for await (const block of blocks) for (const record of block) summary.addRecord(record);
  } catch (e) {
    file?.abandon();
    throw e;
  }
  progress.stop();
  if (!opts.quiet) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`brink analyze --sweep: ${range.to - range.from} draws in ${seconds} s\n`);
    if (opts.save !== false) process.stderr.write('brink: sweeps are not saved in the run store\n');
  }
  try {
    if (spec !== undefined) {
      if (file !== undefined) file.write(summary);
      else process.stdout.write(`${JSON.stringify(summary)}\n`);
      return;
    }
    summary.checkComplete();
  } catch (e) {
    throw asUsage(e);
  }
  const text = await renderSweep(summary, format);
  if (opts.out === undefined) process.stdout.write(text);
  else writeOutput(opts.out, text);
}

function openFile(path: string) {
  try {
    return openSweepFile(path);
  } catch (e) {
    throw asUsage(e);
  }
}

/** Which of the files are sweep shards: all (true), none (false), or a clear refusal. */
export function sweepShards(files: readonly string[]): boolean {
  const kinds = files.map((f) => isSweepShardFile(f));
  if (!kinds.some((k) => k)) return false;
  if (kinds.every((k) => k)) return true;
  const sweep = files.find((_, i) => kinds[i])!;
  const full = files.find((_, i) => !kinds[i])!;
  throw new UsageError(
    `merge: ${sweep} is a sweep shard (brink analyze --sweep --shard) and ${full} is not: sweep shards merge only with the shards of the same sweep`,
  );
}

export interface MergeSweepOptions {
  format?: string;
  out?: string;
  quiet?: boolean;
  save?: boolean;
}

/** `brink merge` of sweep shards: the report of the single sweep, byte for byte. */
export async function mergeSweepCommand(files: readonly string[], opts: MergeSweepOptions): Promise<void> {
  const format = sweepFormat(opts.format, 'sweep shards');
  let summary: SweepSummary;
  try {
    summary = mergeSweeps(files.map((file) => ({ file, summary: readSweepFile(file) })));
    summary.checkComplete();
  } catch (e) {
    throw asUsage(e);
  }
  if (!opts.quiet && opts.save !== false)
    process.stderr.write('brink: sweeps are not saved in the run store\n');
  const text = await renderSweep(summary, format);
  if (opts.out === undefined) process.stdout.write(text);
  else writeOutput(opts.out, text);
}
