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

/**
 * Draws per second once each worker has set up (its first draw of a game expands the whole tree and
 * builds the solver's structure; later draws replay it): the time of 2N draws minus that of N,
 * so the set-up cost, paid once per worker, cancels out. The set-up is reported beside it.
 */
async function steadyRate(j: (n: number) => DrawJob, n: number, workers: number) {
  const t1 = await timeDraws(j(n), workers);
  const t2 = await timeDraws(j(2 * n), workers);
  const perDraw = (t2 - t1) / n;
  return { perSec: 1000 / perDraw, setupMs: t1 - n * perDraw };
}

export async function monteCarloRows(opts: MonteCarloOptions): Promise<Row[]> {
  const rows: Row[] = [];
  for (const baselineOnly of [false, true]) {
    const draws = baselineOnly ? opts.draws * 2 : opts.draws;
    const j = (n: number) => job(opts.root, n, baselineOnly);
    const games = baselineOnly ? 1 : POLICY_RUNS.length;
    const what = baselineOnly ? 'baseline game only' : `full draw (${games} games)`;
    const one = await steadyRate(j, draws, 1);
    const two = await steadyRate(j, draws, 2);
    const row = (w: number, r: { perSec: number; setupMs: number }, extra: string) => [
      'monte-carlo',
      `${what}, ${w} worker${w > 1 ? 's' : ''} (${draws} vs ${2 * draws} draws)`,
      String(2 * draws),
      `set-up ${fmtMs(r.setupMs)}`,
      '—',
      `${r.perSec.toFixed(2)} draws/s${extra}`,
    ];
    rows.push(row(1, one, ''));
    rows.push(row(2, two, `, ×${(two.perSec / one.perSec).toFixed(2)} vs 1`));
    const tenThousand = 10_000 / two.perSec + two.setupMs / 1000;
    rows.push([
      'monte-carlo',
      `${what}: 10,000 draws on 2 workers (projected)`,
      '10000',
      `${tenThousand.toFixed(0)} s`,
      '—',
      'target < 3 s',
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
