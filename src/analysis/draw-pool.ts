// Parallel Monte Carlo across cores: the draw range is cut into small chunks that worker threads
// (tinypool) take as they become free, and the records are put back in draw order. Each draw is
// computed from its own seeded streams, so the result is the same whatever the number of workers
// or the chunking; only the time changes.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { type DrawContext, type DrawJob, contextOfJob, runDrawRange } from './draw-task.js';
import type { DrawRecord } from './run-draws.js';

export interface PoolOptions {
  /** Worker threads; 1 runs in this thread. Default: the machine's available parallelism. */
  readonly workers?: number;
  /** Called as draws complete (per chunk with workers, per draw without). */
  readonly onProgress?: (done: number, total: number) => void;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** The built worker module: beside this file in dist, or dist's copy when running from sources (tests). */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return here.replace(/draw-pool\.js$/, 'draw-worker.js');
  return here.replace(/[\\/]src[\\/]analysis[\\/]draw-pool\.ts$/, '/dist/src/analysis/draw-worker.js');
}

/** Chunks [from, to) into pieces small enough to balance load across workers. */
export function chunkRange(from: number, to: number, workers: number): [number, number][] {
  const n = to - from;
  const size = Math.max(1, Math.min(64, Math.ceil(n / (workers * 8))));
  const out: [number, number][] = [];
  for (let a = from; a < to; a += size) out.push([a, Math.min(to, a + size)]);
  return out;
}

/** Records of draws [from, to) in draw order. `ctx` lets a caller reuse a parsed model in this thread. */
export async function runDrawsPooled(
  job: DrawJob,
  range: { from: number; to: number },
  options: PoolOptions = {},
  ctx?: DrawContext,
): Promise<DrawRecord[]> {
  const total = range.to - range.from;
  const workers = Math.min(options.workers ?? defaultWorkers(), Math.max(1, total));
  if (workers <= 1) {
    const context = ctx ?? contextOfJob(job);
    let done = 0;
    return runDrawRange(context, job.settings, range.from, range.to, () =>
      options.onProgress?.(++done, total),
    );
  }
  const pool = new Tinypool({
    filename: workerFile(),
    minThreads: workers,
    maxThreads: workers,
    workerData: job,
  });
  try {
    let done = 0;
    const parts = await Promise.all(
      chunkRange(range.from, range.to, workers).map(async ([from, to]) => {
        const records = (await pool.run({ from, to })) as DrawRecord[];
        done += to - from;
        options.onProgress?.(done, total);
        return records;
      }),
    );
    return parts.flat();
  } finally {
    await pool.destroy();
  }
}
