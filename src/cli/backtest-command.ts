// `brink backtest [EPISODES...] [--seed N] [--draws N] [--format text|md|html|json] [--json] [--out FILE]`:
// scores the model on historical episodes (docs/backtest.md). With no arguments, every episode
// bundled in the package's episodes/ directory; a directory argument stands for its *.yaml files.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { backtestReport } from '../analysis/backtest/backtest-report.js';
import { type LoadedEpisode, loadEpisode } from '../analysis/backtest/load-episode.js';
import { runBacktest } from '../analysis/backtest/run-backtest.js';
import { renderReport } from '../analysis/report/render.js';
import { parseDraws, parseFormat, parseSeed, writeOutput } from './analyze-command.js';
import { UsageError } from './errors.js';
import { packageRoot, packageVersion } from './package-root.js';

export interface BacktestCommandOptions {
  seed?: string;
  draws?: string;
  format?: string;
  json?: boolean;
  out?: string;
}

/** The bundled episodes, relative to the package root. */
export const EPISODES_DIR = 'episodes';
export const DEFAULT_BACKTEST_SEED = 1;
export const DEFAULT_BACKTEST_DRAWS = 200;
/** Every draw's forecast is kept until the episode is summed up: a bound against typos. */
const MAX_BACKTEST_DRAWS = 100_000;

function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

/** The episode files named on the command line (directories expanded), as [path, label] pairs. */
export function episodeFiles(args: readonly string[]): [string, string][] {
  if (args.length === 0) {
    const root = packageRoot();
    return yamlFilesIn(join(root, EPISODES_DIR)).map((f) => [f, relative(root, f)]);
  }
  const out: [string, string][] = [];
  for (const a of args) {
    if (!existsSync(a)) throw new UsageError(`${a}: no such episode file or directory`);
    if (statSync(a).isDirectory()) {
      const files = yamlFilesIn(a);
      if (files.length === 0) throw new UsageError(`${a}: a directory with no .yaml episode files`);
      for (const f of files) out.push([f, f]);
    } else out.push([a, a]);
  }
  return out;
}

/** Refuses two episodes with one id (scores and leave-one-out are by id). */
function checkIds(episodes: readonly LoadedEpisode[]): void {
  const seen = new Map<string, string>();
  for (const ep of episodes) {
    const other = seen.get(ep.spec.id);
    if (other !== undefined)
      throw new UsageError(`${ep.label}: episode id '${ep.spec.id}' is also the id of ${other}`);
    seen.set(ep.spec.id, ep.label);
  }
}

export async function backtestText(args: readonly string[], opts: BacktestCommandOptions): Promise<string> {
  if (opts.json && opts.format !== undefined && opts.format !== 'json') {
    throw new UsageError(`--json and --format ${opts.format} disagree: give one of them`);
  }
  const format = parseFormat(opts.json ? 'json' : opts.format);
  const seed = parseSeed(opts.seed) ?? DEFAULT_BACKTEST_SEED;
  const draws = parseDraws(opts.draws) ?? DEFAULT_BACKTEST_DRAWS;
  if (draws > MAX_BACKTEST_DRAWS) {
    throw new UsageError(`--draws ${opts.draws}: expected a whole number from 1 to ${MAX_BACKTEST_DRAWS}`);
  }
  const files = episodeFiles(args);
  const episodes = files.map(([path, label]) => loadEpisode(path, label));
  checkIds(episodes);
  const result = runBacktest(episodes, { seed, draws });
  const doc = backtestReport(result, {
    version: packageVersion(),
    episodes: args.length === 0 ? `${EPISODES_DIR}/ (bundled)` : args.join(' '),
  });
  return renderReport(doc, format);
}

export async function backtestCommand(args: readonly string[], opts: BacktestCommandOptions): Promise<void> {
  const text = await backtestText(args, opts);
  if (opts.out) writeOutput(opts.out, text);
  else process.stdout.write(text);
}
