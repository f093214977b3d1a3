// Monte Carlo throughput of the default scenario (issue 4): draws solved per second in one and in
// two worker threads (the scaling ratio is measured in the same run), for a full draw (the baseline
// game and the 11 policy games of the analysis) and for a baseline-only draw (the unit of the
// sensitivity analysis), and the wall time of the default `brink analyze`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDrawsPooled } from '../src/analysis/draw-pool.js';
import type { DrawJob } from '../src/analysis/draw-task.js';
import { POLICY_RUNS } from '../src/analysis/run-draws.js';
import { fmtMs } from './stats.js';

export interface MonteCarloOptions {
  readonly root: string;
  /** Draws per measurement. */
  readonly draws: number;
}

type Row = string[];

function job(root: string, total: number, baselineOnly: boolean): DrawJob {
  const file = join(root, 'scenarios/us-iran-2026.yaml');
  return {
    scenarioText: readFileSync(file, 'utf8'),
    scenarioFile: file,
    settings: { seed: 1, lambda: 10, total, ...(baselineOnly ? { runs: POLICY_RUNS.slice(0, 1) } : {}) },
  };
}

async function timeDraws(j: DrawJob, workers: number): Promise<number> {
  const started = performance.now();
  await runDrawsPooled(j, { from: 0, to: j.settings.total }, { workers });
  return performance.now() - started;
}

export async function monteCarloRows(opts: MonteCarloOptions): Promise<Row[]> {
  const rows: Row[] = [];
  for (const baselineOnly of [false, true]) {
    const draws = baselineOnly ? opts.draws * 4 : opts.draws;
    const j = job(opts.root, draws, baselineOnly);
    const games = baselineOnly ? 1 : POLICY_RUNS.length;
    const what = baselineOnly ? 'baseline game only' : `full draw (${games} games)`;
    const one = await timeDraws(j, 1);
    const two = await timeDraws(j, 2);
    const perSec = (ms: number) => ((draws * 1000) / ms).toFixed(1);
    rows.push(['monte-carlo', `${what}, 1 worker`, String(draws), fmtMs(one), '—', `${perSec(one)} draws/s`]);
    rows.push([
      'monte-carlo',
      `${what}, 2 workers`,
      String(draws),
      fmtMs(two),
      '—',
      `${perSec(two)} draws/s, ×${(one / two).toFixed(2)} vs 1`,
    ]);
  }
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(opts.root, 'dist/src/cli/main.js'), 'analyze', '-q', '--format', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const ms = performance.now() - started;
  rows.push([
    'analyze',
    'default `brink analyze` (scenario defaults)',
    '—',
    r.status === 0 ? fmtMs(ms) : `failed: ${r.stderr.slice(0, 80)}`,
    '—',
    '—',
  ]);
  return rows;
}
