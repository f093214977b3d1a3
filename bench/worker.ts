// Benchmark worker: runs one timed task at a time for bench/run.ts, which can terminate it when a
// solver exceeds its time limit.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { loadHighs } from '../src/game/lp-zero-sum.js';
import type { ExtensiveGame } from '../src/game/types.js';
import {
  type GeneratedMethod,
  type GeneratedSpec,
  type OracleMethod,
  generatedGame,
  parseGame,
  runGeneratedMethod,
  runOracleMethod,
} from './solvers.js';

export type Task =
  | { id: number; type: 'oracle'; method: OracleMethod; file: string }
  | { id: number; type: 'generated'; method: GeneratedMethod; spec: GeneratedSpec }
  /** Builds a generated game and loads HiGHS, untimed, so that the timed run measures the solver alone. */
  | { id: number; type: 'prepare'; spec: GeneratedSpec };

export interface TaskResult {
  id: number;
  ms: number;
  error?: string;
}

let cached: { key: string; game: ExtensiveGame } | undefined;

/** The generated game of a spec, kept between tasks so several methods share one build. */
function gameFor(spec: GeneratedSpec): ExtensiveGame {
  const key = JSON.stringify(spec);
  if (cached?.key !== key) cached = { key, game: generatedGame(spec) };
  return cached.game;
}

/** Time of one run in ms; oracle runs include parsing the file. */
async function timeOnce(task: Exclude<Task, { type: 'prepare' }>): Promise<number> {
  if (task.type === 'oracle') {
    const text = readFileSync(task.file, 'utf8');
    const t0 = performance.now();
    await runOracleMethod(task.method, parseGame(text, task.file));
    return performance.now() - t0;
  }
  const g = gameFor(task.spec);
  const t0 = performance.now();
  await runGeneratedMethod(task.method, g);
  return performance.now() - t0;
}

/** Runs a task; quick ones (under 200 ms) run a second time and keep the faster, to leave out JIT warm-up. */
async function run(task: Task): Promise<TaskResult> {
  try {
    if (task.type === 'prepare') {
      gameFor(task.spec);
      await loadHighs();
      return { id: task.id, ms: 0 };
    }
    let ms = await timeOnce(task);
    if (ms < 200) ms = Math.min(ms, await timeOnce(task));
    return { id: task.id, ms };
  } catch (e) {
    return { id: task.id, ms: Number.NaN, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

parentPort?.on('message', (task: Task) => {
  void run(task).then((r) => parentPort!.postMessage(r));
});
