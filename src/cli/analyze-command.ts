// `brink analyze [SCENARIO] [--seed N] [--draws N] [--workers N] [--shard k/n] [--format ...] [--out FILE] [--quiet]`:
// the Monte Carlo analysis of the US–Iran scenario (docs/analyze.md) as a report, or, with
// --shard, one block of its draws as a shard file for `brink merge`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { gzipSync } from 'node:zlib';
import { type Analysis, analysisOfRun, runSettings } from '../analysis/analyze.js';
import { runDrawsPooled } from '../analysis/draw-pool.js';
import { streamDrawsPooled } from '../analysis/draw-stream.js';
import { type DrawJob, makeDrawContext } from '../analysis/draw-task.js';
import { drawsCsv } from '../analysis/draws-csv.js';
import { q1Section } from '../analysis/questions/q1-talks-intent.js';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../analysis/report/render.js';
import { type SensitivityResults, sensitivitySections } from '../analysis/sensitivity/sensitivity-report.js';
import { openShardFile, writeShardTo } from '../analysis/shard-file.js';
import {
  MAX_SHARDED_DRAWS,
  SHARD_FORMAT,
  SHARD_FORMAT_VERSION,
  ShardError,
  type ShardHead,
  parseShardSpec,
  sha256,
  shardRange,
} from '../analysis/shard.js';
import { EvidenceError } from '../evidence/errors.js';
import { type EvidencePriors, evidencePriors } from '../evidence/evidence-priors.js';
import { isIsoDate } from '../evidence/observation-validate.js';
import { SAMPLINGS, type Sampling } from '../scenario/draw.js';
import { type FixedParameters, parseAssignment, withFixedParameters } from '../scenario/fixed-parameters.js';
import { readScenarioText } from '../scenario/load-file.js';
import { parseScenario } from '../scenario/load.js';
import type { Model } from '../scenario/model.js';
import { withTypePriors } from '../scenario/type-priors.js';
import { listObservations } from '../store/evidence-log.js';
import { type NewRun, recordRun } from '../store/run-store.js';
import { UsageError } from './errors.js';
import { packageRoot, packageVersion } from './package-root.js';
import { makeProgress } from './progress.js';
import { analyzeSensitivityPlan, computeSensitivity } from './sensitivity-command.js';
import { analyzeSweep } from './sweep-command.js';

export interface AnalyzeCommandOptions {
  seed?: string;
  draws?: string;
  workers?: string;
  shard?: string;
  sampling?: string;
  format?: string;
  out?: string;
  quiet?: boolean;
  /** Append the tornado and the Sobol indices (brink sensitivity's defaults). */
  sensitivity?: boolean;
  /** Saltelli base sample size for --sensitivity. */
  sobolN?: string;
  /** Run store file (default: the user's data directory, or $BRINK_DB). */
  db?: string;
  /** commander's --no-save. */
  save?: boolean;
  /** Priors of the scenario's types from the evidence log's posteriors (docs/evidence.md). */
  evidence?: boolean;
  /** `name=value`: parameters held at values instead of drawn (what-if). */
  set?: string[];
  /** With --evidence: only reports received on or before this date. */
  asOf?: string;
  /** The headline figures from mergeable summaries, for sweeps of any size (sweep-command.ts). */
  sweep?: boolean;
}

/** The scenario analysed when none is given, relative to the package root (not the working directory). */
export const DEFAULT_SCENARIO = 'scenarios/us-iran-2026.yaml';

/** A draw count beyond this is surely a typo (a sharded sweep may name more draws than one process keeps). */
const MAX_DRAWS = 100_000_000;
/**
 * Every draw's full record (about 0.5 MB of JSON, twelve games' tables) is kept until the run is
 * aggregated, so a run without --shard has at most this many (a merge checks its heap instead:
 * checkMergeMemory in shard.ts).
 */
export const MAX_DRAWS_IN_MEMORY = 10_000;
const MAX_WORKERS = 256;

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const x = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(x) || x < min || x > max) {
    throw new UsageError(`${option} ${text}: expected a whole number from ${min} to ${max}`);
  }
  return x;
}

export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(x)) {
    throw new UsageError(`--seed ${text}: expected a whole number ≥ 0`);
  }
  return x;
}

export function parseDraws(text: string | undefined): number | undefined {
  return text === undefined ? undefined : wholeNumber('--draws', text, 1, MAX_DRAWS);
}

export function parseSampling(text: string | undefined): Sampling | undefined {
  if (text === undefined) return undefined;
  if (!(SAMPLINGS as readonly string[]).includes(text)) {
    throw new UsageError(`--sampling ${text}: expected one of ${SAMPLINGS.join(', ')}`);
  }
  return text as Sampling;
}

export function parseWorkers(text: string | undefined): number | undefined {
  return text === undefined ? undefined : wholeNumber('--workers', text, 1, MAX_WORKERS);
}

/** The report formats, and csv: the per-draw table. */
export type AnalyzeFormat = ReportFormat | 'csv';
export const ANALYZE_FORMATS: readonly AnalyzeFormat[] = [...REPORT_FORMATS, 'csv'];

export function parseFormat(text: string | undefined): ReportFormat {
  const f = text ?? 'text';
  if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`--format ${f}: expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  return f as ReportFormat;
}

export function parseAnalyzeFormat(text: string | undefined): AnalyzeFormat {
  const f = text ?? 'text';
  if (!(ANALYZE_FORMATS as readonly string[]).includes(f)) {
    throw new UsageError(`--format ${f}: expected one of ${ANALYZE_FORMATS.join(', ')}`);
  }
  return f as AnalyzeFormat;
}

/** A scenario file (or the bundled default) as text and as a model. */
export function readScenario(scenarioPath: string | undefined) {
  const file = scenarioPath ?? join(packageRoot(), DEFAULT_SCENARIO);
  const text = readScenarioText(file);
  return { file, label: scenarioPath ?? DEFAULT_SCENARIO, text, model: parseScenario(text, file) };
}

/** Writes text (gzip-compressed when the name ends in .gz) to a file; errors name it. */
export function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, path.endsWith('.gz') ? gzipSync(text) : text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--out ${path}: cannot write (${code ?? (e as Error).message})`);
  }
}

interface Prepared {
  readonly scenario: ReturnType<typeof readScenario>;
  readonly job: DrawJob;
  readonly workers: number | undefined;
  readonly format: AnalyzeFormat;
  /** With --evidence: the posteriors used as priors. */
  readonly evidence?: EvidencePriors;
  /** With --set: the parameters held at values. */
  readonly fixed?: FixedParameters;
}

/** --set name=value (repeatable): parameters held at values instead of drawn. */
function fixedParameters(opts: AnalyzeCommandOptions): FixedParameters | undefined {
  if (opts.set === undefined || opts.set.length === 0) return undefined;
  if (opts.shard !== undefined)
    throw new UsageError('--set cannot be used with --shard: a shard file does not record the values set');
  if (opts.sensitivity)
    throw new UsageError(
      '--set cannot be used with --sensitivity: the sensitivity varies the parameters itself',
    );
  const fixed: Record<string, number> = {};
  for (const text of opts.set) {
    const a = parseAssignment(text);
    if (typeof a === 'string') throw new UsageError(`--set ${text}: ${a}`);
    if (fixed[a.name] !== undefined) throw new UsageError(`--set: ${a.name} is set twice`);
    fixed[a.name] = a.value;
  }
  return fixed;
}

/** --evidence: the posteriors of the scenario's hypothesis sets, from the evidence log. */
function scenarioEvidence(model: Model, opts: AnalyzeCommandOptions): EvidencePriors | undefined {
  if (opts.asOf !== undefined && !opts.evidence) throw new UsageError('--as-of is only for --evidence');
  if (!opts.evidence) return undefined;
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf))
    throw new UsageError(`--as-of ${opts.asOf}: expected an ISO date YYYY-MM-DD`);
  if (opts.shard !== undefined)
    throw new UsageError(
      '--evidence cannot be used with --shard: a shard file does not record the evidence priors',
    );
  if (opts.sensitivity)
    throw new UsageError(
      '--evidence cannot be used with --sensitivity yet: the sensitivity workers would read the scenario without the evidence priors',
    );
  if (model.evidence === undefined)
    throw new UsageError(
      `--evidence: the scenario '${model.spec.id}' has no evidence: section (docs/evidence.md)`,
    );
  const observations = listObservations(opts.db, { scenario: model.spec.id, asOf: opts.asOf });
  try {
    return evidencePriors(model.evidence, observations, opts.asOf);
  } catch (e) {
    if (e instanceof EvidenceError) throw new UsageError(`--evidence: ${e.message}`);
    throw e;
  }
}

function prepare(scenarioPath: string | undefined, opts: AnalyzeCommandOptions): Prepared {
  const seed = parseSeed(opts.seed);
  const draws = parseDraws(opts.draws);
  const workers = parseWorkers(opts.workers);
  const sampling = parseSampling(opts.sampling);
  const format = parseAnalyzeFormat(opts.format);
  const read = readScenario(scenarioPath);
  const evidence = scenarioEvidence(read.model, opts);
  const fixed = fixedParameters(opts);
  const withPriors = evidence === undefined ? read.model : withTypePriors(read.model, evidence.priors);
  const scenario = {
    ...read,
    model: fixed === undefined ? withPriors : withFixedParameters(withPriors, fixed),
  };
  const settings = runSettings(scenario.model, { seed, draws, sampling });
  const job: DrawJob = {
    scenarioText: scenario.text,
    scenarioFile: scenario.file,
    settings: {
      seed: settings.seed,
      lambda: settings.lambda,
      total: settings.draws,
      sampling: settings.sampling,
      ...(evidence === undefined ? {} : { typePriors: evidence.priors }),
      ...(fixed === undefined ? {} : { fixed }),
    },
  };
  return { scenario, job, workers, format, evidence, ...(fixed === undefined ? {} : { fixed }) };
}

async function runRange(p: Prepared, from: number, to: number, quiet: boolean | undefined) {
  // The model read by prepare(): checks it can be analysed before any worker starts, without parsing it again.
  const ctx = makeDrawContext(p.scenario.model);
  const progress = makeProgress('brink analyze', quiet);
  const started = Date.now();
  const records = await runDrawsPooled(
    p.job,
    { from, to },
    { workers: p.workers, onProgress: (d, t) => progress.update(d, t) },
    ctx,
  );
  progress.stop();
  if (!quiet) {
    // Timing goes to stderr only: the output itself must not depend on the machine.
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`brink analyze: ${to - from} draws in ${seconds} s\n`);
  }
  return { model: ctx.model, records };
}

/**
 * Heap taken by one draw's record in a run without shards: records come back from the worker
 * threads as separate copies (measured on the bundled scenario, docs/monte-carlo.md).
 */
export const RUN_RECORD_HEAP_BYTES = 1_400_000;

/** Refuses, before any draw, a run whose records would not fit in this process's heap. */
export function checkRunMemory(draws: number, heapLimitBytes: number): void {
  const needed = draws * RUN_RECORD_HEAP_BYTES;
  if (needed <= heapLimitBytes * 0.8) return;
  const gb = (b: number) => (b / 2 ** 30).toFixed(1);
  const mb = Math.ceil(needed / 0.8 / 2 ** 20 / 1024) * 1024;
  throw new UsageError(
    `--draws ${draws}: the run keeps every draw's record (about ${RUN_RECORD_HEAP_BYTES / 1e6} MB each), about ${gb(needed)} GB, and this process's heap is limited to ${gb(heapLimitBytes)} GB: run it with NODE_OPTIONS=--max-old-space-size=${mb}, or cut it with --shard k/n and join the parts with brink merge (docs/monte-carlo.md)`,
  );
}

/** The whole analysis (no shard). */
export async function runAnalysis(
  scenarioPath: string | undefined,
  opts: AnalyzeCommandOptions = {},
): Promise<{ analysis: Analysis; prepared: Prepared }> {
  const p = prepare(scenarioPath, opts);
  const { settings } = p.job;
  if (settings.total > MAX_DRAWS_IN_MEMORY) {
    throw new UsageError(
      `--draws ${settings.total}: one process keeps every draw's record until the end, so a run has at most ${MAX_DRAWS_IN_MEMORY} draws (docs/monte-carlo.md)`,
    );
  }
  checkRunMemory(settings.total, getHeapStatistics().heap_size_limit);
  const { model, records } = await runRange(p, 0, settings.total, opts.quiet);
  const run = {
    model,
    seed: settings.seed,
    draws: settings.total,
    lambda: settings.lambda,
    sampling: settings.sampling,
    records,
  };
  const plain = analysisOfRun(run, { scenarioLabel: p.scenario.label, version: packageVersion() });
  const analysis = p.fixed === undefined ? plain : withFixed(plain, p.fixed);
  return { analysis: p.evidence === undefined ? analysis : withEvidence(analysis, p.evidence), prepared: p };
}

/** Renders an analysis: a report (json carries the aggregate numbers beside the document) or the draws as CSV. */
export async function renderAnalysis(analysis: Analysis, format: AnalyzeFormat): Promise<string> {
  if (format === 'csv') return drawsCsv(analysis.run.model, analysis.run.records);
  const doc = format === 'json' ? { ...analysis.doc, data: analysis.results } : analysis.doc;
  return renderReport(doc, format);
}

/** The analysis with the sensitivity sections appended to its report (and their figures to its data). */
export function withSensitivity(analysis: Analysis, sensitivity: SensitivityResults): Analysis {
  return {
    ...analysis,
    results: { ...analysis.results, sensitivity } as Analysis['results'],
    doc: { ...analysis.doc, sections: [...analysis.doc.sections, ...sensitivitySections(sensitivity)] },
  };
}

/** The analysis of a what-if: the values held fixed stated in its provenance and kept in its data. */
export function withFixed(analysis: Analysis, fixed: FixedParameters): Analysis {
  return {
    ...analysis,
    results: { ...analysis.results, fixed } as Analysis['results'],
    doc: {
      ...analysis.doc,
      provenance: {
        ...analysis.doc.provenance,
        'held fixed (--set)': Object.entries(fixed)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', '),
      },
    },
  };
}

/** The analysis with question 1 stating the evidence-based prior, and the posteriors in its data. */
export function withEvidence(analysis: Analysis, evidence: EvidencePriors): Analysis {
  return {
    ...analysis,
    results: { ...analysis.results, evidence } as Analysis['results'],
    doc: {
      ...analysis.doc,
      provenance: {
        ...analysis.doc.provenance,
        evidence: `priors of ${evidence.sets.map((s) => s.type).join(', ') || 'no type'} from the evidence log (${evidence.asOf === undefined ? 'all reports' : `reports by ${evidence.asOf}`})`,
      },
      sections: analysis.doc.sections.map((s) =>
        s.id === 'q1-talks-intent' ? q1Section(analysis.results.q1, evidence) : s,
      ),
    },
  };
}

/** What the run store keeps of an analysis: enough to list, show, rerun and diff it. */
export function analysisRun(
  analysis: Analysis,
  scenario: { label: string; text: string },
  version: string,
): NewRun {
  const { run } = analysis;
  const names = run.model.params.map((p) => p.name);
  return {
    kind: 'analyze',
    scenarioLabel: scenario.label,
    scenarioText: scenario.text,
    seed: run.seed,
    draws: run.draws,
    options: {
      lambda: run.lambda,
      sampling: run.sampling ?? 'random',
      ...(evidenceOf(analysis) === undefined ? {} : { evidence: evidenceOf(analysis) }),
      ...(fixedOf(analysis) === undefined ? {} : { fixed: fixedOf(analysis) }),
    },
    version,
    results: analysis.results,
    params: { names, values: run.records.map((r) => names.map((n) => r.params[n]!)) },
  };
}

function fixedOf(analysis: Analysis): FixedParameters | undefined {
  return (analysis.results as { fixed?: FixedParameters }).fixed;
}

function evidenceOf(analysis: Analysis): EvidencePriors | undefined {
  return (analysis.results as { evidence?: EvidencePriors }).evidence;
}

/** Saves the analysis unless --no-save, and says where on stderr unless quiet. */
export function saveAnalysis(
  analysis: Analysis,
  scenario: { label: string; text: string },
  version: string,
  opts: AnalyzeCommandOptions,
): void {
  if (opts.save === false) return;
  const stored = recordRun(opts.db, analysisRun(analysis, scenario, version));
  if (!opts.quiet) process.stderr.write(`brink: saved as run ${stored.id} (brink runs show ${stored.id})\n`);
}

/** The report text; progress goes to stderr unless quiet. Throws UsageError or ScenarioError. */
export async function analyzeReport(
  scenarioPath: string | undefined,
  opts: AnalyzeCommandOptions = {},
): Promise<string> {
  const { analysis, prepared } = await runAnalysis(scenarioPath, opts);
  saveAnalysis(analysis, prepared.scenario, packageVersion(), opts);
  if (!opts.sensitivity) return renderAnalysis(analysis, prepared.format);
  const plan = analyzeSensitivityPlan(opts);
  const { results } = await computeSensitivity(prepared.scenario, plan, opts.quiet);
  return renderAnalysis(withSensitivity(analysis, results), prepared.format);
}

/** One shard: its file (or standard output) written block by block as the draws are done. */
export async function analyzeShard(
  scenarioPath: string | undefined,
  opts: AnalyzeCommandOptions & { shard: string },
): Promise<void> {
  let spec: ReturnType<typeof parseShardSpec>;
  try {
    spec = parseShardSpec(opts.shard);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const p = prepare(scenarioPath, opts);
  const { settings } = p.job;
  if (spec.count > settings.total) {
    throw new UsageError(`--shard ${opts.shard}: more shards than draws (${settings.total})`);
  }
  const range = shardRange(spec, settings.total);
  const head: ShardHead = {
    format: SHARD_FORMAT,
    formatVersion: SHARD_FORMAT_VERSION,
    run: {
      version: packageVersion(),
      scenarioFile: p.scenario.file,
      scenarioLabel: p.scenario.label,
      scenarioHash: sha256(p.scenario.text),
      scenarioText: p.scenario.text,
      seed: settings.seed,
      lambda: settings.lambda,
      draws: settings.total,
      sampling: settings.sampling ?? 'random',
    },
    shard: { ...spec, ...range },
  };
  try {
    // Opened before any draw is computed: a path that cannot be written fails at once.
    const file = opts.out === undefined ? undefined : openShardFile(opts.out);
    const blocks = shardBlocks(p, range.from, range.to, opts.quiet);
    if (file === undefined) await writeShardTo(process.stdout, head, blocks);
    else await file.write(head, blocks);
  } catch (e) {
    if (e instanceof ShardError) throw new UsageError(e.message);
    throw e;
  }
}

/** The records of draws [from, to) in blocks as the workers finish them, each dropped once written. */
async function* shardBlocks(p: Prepared, from: number, to: number, quiet: boolean | undefined) {
  const progress = makeProgress('brink analyze', quiet);
  const started = Date.now();
  yield* streamDrawsPooled(
    p.job,
    { from, to },
    { workers: p.workers, onProgress: (d, t) => progress.update(d, t) },
    makeDrawContext(p.scenario.model),
  );
  progress.stop();
  if (!quiet) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`brink analyze: ${to - from} draws in ${seconds} s\n`);
  }
}

/** More draws than a full run or a merge of full shards keeps (MAX_SHARDED_DRAWS): a sweep. */
export function beyondFullRuns(draws: string | undefined): boolean {
  if (draws === undefined || !/^\s*\d+\s*$/.test(draws)) return false; // parseDraws reports the error
  return Number(draws) > MAX_SHARDED_DRAWS;
}

export async function analyzeCommand(
  scenarioPath: string | undefined,
  opts: AnalyzeCommandOptions = {},
): Promise<void> {
  if (opts.sweep) return analyzeSweep(scenarioPath, opts);
  if (beyondFullRuns(opts.draws)) {
    // The issue's `--draws 1000000 --shard 3/16` works as written: a run larger than a merge can
    // keep is a sweep, for a single run and its shards alike, so merged shards still equal one run.
    if (!opts.quiet)
      process.stderr.write(
        `brink analyze: more than ${MAX_SHARDED_DRAWS} draws is a sweep: the headline figures from mergeable summaries (docs/monte-carlo.md, --sweep)\n`,
      );
    return analyzeSweep(scenarioPath, { ...opts, sweep: true });
  }
  if (opts.shard !== undefined) return analyzeShard(scenarioPath, { ...opts, shard: opts.shard });
  const text = await analyzeReport(scenarioPath, opts);
  if (opts.out === undefined) process.stdout.write(text);
  else writeOutput(opts.out, text);
}
