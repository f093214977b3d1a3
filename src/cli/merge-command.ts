// `brink merge SHARD... [--format ...] [--out FILE]`: the report of a run computed in shards
// (`brink analyze --shard k/n`), identical to the report of the same run made in one go.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { analysisOfRun } from '../analysis/analyze.js';
import { ShardError, mergeShards, shardFromJson } from '../analysis/shard.js';
import { parseScenario } from '../scenario/load.js';
import {
  MAX_DRAWS_IN_MEMORY,
  parseAnalyzeFormat,
  parseSampling,
  renderAnalysis,
  saveAnalysis,
  writeOutput,
} from './analyze-command.js';
import { UsageError } from './errors.js';

export interface MergeCommandOptions {
  format?: string;
  out?: string;
  quiet?: boolean;
  db?: string;
  save?: boolean;
}

/** A shard file's text, gunzipped when compressed. */
function readShardText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code})`}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch (e) {
      throw new UsageError(`${file}: damaged gzip data (${(e as Error).message})`);
    }
  }
  return bytes.toString('utf8');
}

export async function mergeReport(files: readonly string[], opts: MergeCommandOptions = {}): Promise<string> {
  const format = parseAnalyzeFormat(opts.format);
  try {
    const shards = files.map((file) => ({ file, shard: shardFromJson(readShardText(file), file) }));
    const { run, records } = mergeShards(shards);
    if (run.draws > MAX_DRAWS_IN_MEMORY) {
      throw new UsageError(
        `merge: the run has ${run.draws} draws; the merge keeps every draw's record, so at most ${MAX_DRAWS_IN_MEMORY} (docs/monte-carlo.md)`,
      );
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
    const text = await renderAnalysis(analysis, format);
    saveAnalysis(analysis, { label: run.scenarioLabel, text: run.scenarioText }, run.version, opts);
    return text;
  } catch (e) {
    if (e instanceof ShardError) throw new UsageError(e.message);
    throw e;
  }
}

export async function mergeCommand(files: string[], opts: MergeCommandOptions = {}): Promise<void> {
  const text = await mergeReport(files, opts);
  if (opts.out === undefined) process.stdout.write(text);
  else writeOutput(opts.out, text);
}
