// `brink merge SHARD... [--format ...] [--out FILE]`: the report of a run computed in shards
// (`brink analyze --shard k/n`), identical to the report of the same run made in one go. The
// shards' head lines are checked first (one run, every draw once, memory enough), then the records
// are streamed in draw order into the same aggregation as a single run.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { getHeapStatistics } from 'node:v8';
import { createGzip } from 'node:zlib';
import { type Analysis, analysisOfRun } from '../analysis/analyze.js';
import { drawsCsv } from '../analysis/draws-csv.js';
import type { DrawRecord } from '../analysis/run-draws.js';
import { readShardFile, readShardHead } from '../analysis/shard-file.js';
import { ShardError, checkMergeMemory, planMerge } from '../analysis/shard.js';
import { parseScenario } from '../scenario/load.js';
import {
  type AnalyzeFormat,
  parseAnalyzeFormat,
  parseSampling,
  renderAnalysis,
  saveAnalysis,
} from './analyze-command.js';
import { UsageError } from './errors.js';
import { mergeSweepCommand, sweepShards } from './sweep-command.js';

export interface MergeCommandOptions {
  format?: string;
  out?: string;
  quiet?: boolean;
  db?: string;
  save?: boolean;
}

/** Draws per piece of the CSV: its text grows with the draws and must not become one huge string. */
const CSV_DRAWS_PER_PIECE = 1000;

/** The merged run's analysis, saved in the run store unless --no-save. */
export async function mergeAnalysis(
  files: readonly string[],
  opts: MergeCommandOptions = {},
): Promise<Analysis> {
  try {
    const heads = [];
    for (const file of files) heads.push({ file, head: await readShardHead(file) });
    const { run, ordered } = planMerge(heads);
    checkMergeMemory(run.draws, getHeapStatistics().heap_size_limit);
    const records: DrawRecord[] = [];
    const strings = new Map<string, string>();
    for (const { file, head } of ordered) {
      const read = await readShardFile(file, (r) => records.push(r), strings);
      // The file was read twice: refuse one replaced in between.
      if (JSON.stringify(read) !== JSON.stringify(head))
        throw new ShardError(`${file}: changed while being read`);
    }
    const model = parseScenario(run.scenarioText, run.scenarioFile);
    const analysis = analysisOfRun(
      {
        model,
        seed: run.seed,
        draws: run.draws,
        lambda: run.lambda,
        sampling: parseSampling(run.sampling) ?? 'random',
        records,
      },
      { scenarioLabel: run.scenarioLabel, version: run.version },
    );
    saveAnalysis(analysis, { label: run.scenarioLabel, text: run.scenarioText }, run.version, opts);
    return analysis;
  } catch (e) {
    if (e instanceof ShardError) throw new UsageError(e.message);
    throw e;
  }
}

/** The output in pieces whose concatenation is renderAnalysis's text: the CSV by blocks of draws. */
export async function* mergedOutput(analysis: Analysis, format: AnalyzeFormat): AsyncGenerator<string> {
  if (format !== 'csv') {
    yield await renderAnalysis(analysis, format);
    return;
  }
  const { model, records } = analysis.run;
  for (let a = 0; a === 0 || a < records.length; a += CSV_DRAWS_PER_PIECE) {
    const text = drawsCsv(model, records.slice(a, a + CSV_DRAWS_PER_PIECE));
    yield a === 0 ? text : text.slice(text.indexOf('\n') + 1);
  }
}

export async function mergeCommand(files: string[], opts: MergeCommandOptions = {}): Promise<void> {
  // Sweep shards (brink analyze --sweep --shard) hold summaries, not records: merged apart.
  if (sweepShards(files)) return mergeSweepCommand(files, opts);
  const format = parseAnalyzeFormat(opts.format);
  const analysis = await mergeAnalysis(files, opts);
  const pieces = mergedOutput(analysis, format);
  if (opts.out === undefined) {
    for await (const piece of pieces) {
      if (!process.stdout.write(piece)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    return;
  }
  const path = opts.out;
  try {
    const file = createWriteStream(path);
    if (path.endsWith('.gz')) await pipeline(pieces, createGzip(), file);
    else await pipeline(pieces, file);
  } catch (e) {
    const { code, syscall } = e as NodeJS.ErrnoException;
    if (syscall === undefined) throw e;
    throw new UsageError(`--out ${path}: cannot write (${code})`);
  }
}
