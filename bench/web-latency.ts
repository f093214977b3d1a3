// Recompute latency of the workbench in the browser (issue 8): the default scenario in Debian's
// Chromium, one what-if parameter moved back and forth; each move is timed inside the page from
// its input event to the run status being done again (the draws computed in the Web Workers, the
// analysis aggregated and the page rendered), and split into its draws (to the last model-worker
// message) and what the page does after them. The target is p95 ≤ 100 ms at ≥ 1,000 draws; a draw
// costs ~0.5 s of a worker, so the moves use a few draws, and the time at 1,000 draws is projected
// from the workers' own times: each worker's first draw of a move (which pays the set-up of the new
// job) and its later draws (measured in a few moves at twice the draws). The section keeps to a
// time budget: on a busy machine it makes fewer moves and says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  type MoveTiming,
  browserSkipReason,
  launchChromium,
  openWorkbench,
  setAndTime,
  startServer,
  waitForStatus,
} from './browser.js';
import { fmtMs } from './stats.js';

export interface WebLatencyOptions {
  readonly root: string;
  /** Timed moves at `draws` draws (the p50 and p95). */
  readonly moves: number;
  /** Draws per move. */
  readonly draws: number;
  /** Wall-time budget of the section, s: on a busy machine it stops early and says so. */
  readonly budgetSec: number;
}

type Row = string[];

/** The parameter moved, and the two values it alternates between (inside its beta distribution's support). */
const PARAMETER = 'us_durability';
const VALUES = ['0.3', '0.9'];
/** Moves at twice the draws, for the cost of a worker's later draws; not in the percentiles. */
const FIT_MOVES = 5;
/** Share of the budget for the timed moves; the rest is for the moves at twice the draws. */
const MAIN_SHARE = 0.8;
const TARGET_P95_MS = 100;
const TARGET_DRAWS = 1000;

/** The q-quantile of sorted values, by the nearest rank (p95 of 100 moves is the 95th). */
export function nearestRank(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, x) => a + x, 0) / xs.length;
}

async function setDraws(page: Page, draws: number): Promise<void> {
  const input = page.getByTestId('settings-draws');
  await input.fill(String(draws));
  await input.dispatchEvent('change');
  await waitForStatus(page, new RegExp(`^${draws} draws\\b`));
}

/** Moves the parameter, each time to the value it does not hold. */
class Mover {
  private held: string | undefined;
  constructor(private readonly page: Page) {}

  async move(): Promise<MoveTiming> {
    const value = VALUES.find((v) => v !== this.held)!;
    const t = await setAndTime(this.page, `param-${PARAMETER}-value`, value);
    this.held = value;
    return t;
  }

  /** Up to `count` timed moves after `warm` untimed ones, until `deadline` (ms, performance.now). */
  async times(count: number, warm: number, deadline: number): Promise<MoveTiming[]> {
    const times: MoveTiming[] = [];
    for (let i = 0; i < warm + count && performance.now() < deadline; i++) {
      const t = await this.move();
      if (i >= warm) times.push(t);
    }
    return times;
  }
}

export async function webLatencyRows(opts: WebLatencyOptions): Promise<Row[]> {
  const skip = browserSkipReason(opts.root);
  if (skip) {
    console.log(`Web latency skipped: ${skip}.`);
    return [['web latency', `skipped: ${skip}`, '—', '—', '—', '—']];
  }
  try {
    return await measure(opts);
  } catch (e) {
    const message = (e as Error).message.split('\n')[0]!;
    console.log(`Web latency failed: ${message}`);
    return [['web latency', `failed: ${message.slice(0, 80)}`, '—', '—', '—', '—']];
  }
}

async function measure(opts: WebLatencyOptions): Promise<Row[]> {
  const started = performance.now();
  const budgetMs = opts.budgetSec * 1000;
  const dir = mkdtempSync(join(tmpdir(), 'brink-web-latency-'));
  const server = await startServer(opts.root, join(dir, 'brink.db'));
  const browser = await launchChromium();
  try {
    const { page, takeProblems } = await openWorkbench(browser, server.url, { timeWorkers: true });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await setDraws(page, opts.draws);
    const mover = new Mover(page);
    // Two untimed moves: the page's first runs warm up its code and workers.
    const moves = await mover.times(opts.moves, 2, started + MAIN_SHARE * budgetMs);
    await setDraws(page, 2 * opts.draws);
    const doubled = await mover.times(FIT_MOVES, 1, started + budgetMs);
    const problems = takeProblems();
    if (problems.length > 0) throw new Error(`the page reported problems: ${problems.join('; ')}`);
    return report(opts, cores, moves, doubled);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each worker's first draw of a move pays the set-up of the move's new job (the scenario parsed and
 * the games expanded afresh for the new held value); its later draws replay the compiled games.
 */
function splitDraws(moves: readonly MoveTiming[]): { first: number[]; later: number[] } {
  const first: number[] = [];
  const later: number[] = [];
  for (const m of moves) {
    const seen = new Set<number>();
    for (const d of m.draws) {
      (seen.has(d.worker) ? later : first).push(d.ms);
      seen.add(d.worker);
    }
  }
  return { first, later };
}

function report(opts: WebLatencyOptions, cores: number, moves: MoveTiming[], doubled: MoveTiming[]): Row[] {
  const totals = moves.map((m) => m.totalMs);
  const sorted = [...totals].sort((a, b) => a - b);
  const p50 = nearestRank(sorted, 0.5);
  const p95 = nearestRank(sorted, 0.95);
  const drawsPart = mean(moves.map((m) => m.drawsMs));
  const afterDraws = mean(totals) - drawsPart;
  const workers = new Set(moves.flatMap((m) => m.draws.map((d) => d.worker))).size;
  const { first, later } = splitDraws([...moves, ...doubled]);
  const firstMs = mean(first);
  const laterMs = mean(later);
  // 1,000 draws on the same workers: one set-up draw each, the rest replayed, then the page's part.
  const atTarget = firstMs + (Math.ceil(TARGET_DRAWS / workers) - 1) * laterMs + afterDraws;
  const short =
    moves.length < opts.moves
      ? ` (${moves.length} of ${opts.moves} within the ${opts.budgetSec} s budget)`
      : '';
  const what = `${PARAMETER} ${VALUES.join('↔')}, ${opts.draws} draws/move, ${workers} workers, ${cores} cores`;
  const ok = p95 <= TARGET_P95_MS && opts.draws >= TARGET_DRAWS;
  console.log(
    `Web recompute latency (${what}): p50 ${fmtMs(p50)} ms, p95 ${fmtMs(p95)} ms, mean ${fmtMs(mean(totals))} ms over ${moves.length} moves${short}; ` +
      `of which the draws ${fmtMs(drawsPart)} ms and aggregation + rendering ${fmtMs(afterDraws)} ms. ` +
      `In a worker, a move's first draw takes ${fmtMs(firstMs)} ms (${first.length} draws: set-up for the new value included) and a later one ${fmtMs(laterMs)} ms ` +
      `(${later.length} draws, from ${doubled.length} moves at ${2 * opts.draws} draws). ` +
      `At ${TARGET_DRAWS} draws a move would take ≈ ${(atTarget / 1000).toFixed(0)} s (target p95 ≤ ${TARGET_P95_MS} ms at ≥ ${TARGET_DRAWS} draws: ${ok ? 'OK' : 'MISSED'}).`,
  );
  const row = (label: string, ms: string, note: string): Row => ['web latency', label, '—', ms, '—', note];
  return [
    row(`what-if move, p50 of ${moves.length} (${what})`, fmtMs(p50), '—'),
    row(
      `what-if move, p95 of ${moves.length}`,
      fmtMs(p95),
      `target ≤ ${TARGET_P95_MS} at ≥ ${TARGET_DRAWS} draws`,
    ),
    row('  of which the draws (mean, to the last worker message)', fmtMs(drawsPart), '—'),
    row('  of which aggregation + rendering (mean)', fmtMs(afterDraws), '—'),
    row(
      `draw in a worker, first of a move (${first.length})`,
      fmtMs(firstMs),
      'set-up for the new value included',
    ),
    row(
      `draw in a worker, later in a move (${later.length})`,
      fmtMs(laterMs),
      `${doubled.length} moves at ${2 * opts.draws} draws`,
    ),
    row(
      `what-if move at ${TARGET_DRAWS} draws (projected)`,
      `${(atTarget / 1000).toFixed(0)} s`,
      `target p95 ≤ ${TARGET_P95_MS} ms`,
    ),
  ];
}
