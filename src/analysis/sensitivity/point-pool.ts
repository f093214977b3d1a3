// Model runs of a sensitivity analysis across cores, the pattern of draw-pool.ts: a batch of
// parameter vectors is cut into small blocks that worker threads (tinypool) take as they become
// free, and the outputs are put back in input order. A point's outputs depend on the point alone
// (point-task.ts), so they are the same, bit for bit, whatever the number of workers; only the
// time changes. One pool serves every batch of a run, so each worker parses the scenario once.
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { chunkRange, defaultWorkers } from '../draw-pool.js';
import type { HeadlineEvaluator } from './headline.js';
import { type PointJob, type PointQuery, type PointTask, evaluateTask, queryWidth } from './point-task.js';

export interface PointPoolOptions {
  /** Worker threads; 1 evaluates in this thread. Default: the machine's available parallelism. */
  readonly workers?: number;
}

export interface PointPool {
  /** The model function in this thread (also what a 1-worker pool evaluates with). */
  readonly evaluator: HeadlineEvaluator;
  readonly workers: number;
  /** Outputs of each point (queryWidth values), in the order of `points`. */
  run(
    points: readonly Float64Array[],
    query: PointQuery,
    onProgress?: (done: number, total: number) => void,
  ): Promise<number[][]>;
  /** Stops the worker threads (a pool is unusable afterwards). */
  close(): Promise<void>;
}

/** The built worker module: beside this file in dist, or dist's copy when running from sources (tests). */
export function pointWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return here.replace(/point-pool\.js$/, 'point-worker.js');
  return here.replace(
    /[\\/]src[\\/]analysis[\\/]sensitivity[\\/]point-pool\.ts$/,
    '/dist/src/analysis/sensitivity/point-worker.js',
  );
}

function rows(flat: Float64Array, width: number, count: number): number[][] {
  return Array.from({ length: count }, (_, j) => Array.from(flat.subarray(j * width, (j + 1) * width)));
}

/**
 * A pool for one scenario at one λ. `evaluator` is the model function already built in this thread
 * from the same text (it checks the scenario before any worker starts).
 */
export function makePointPool(
  job: PointJob,
  evaluator: HeadlineEvaluator,
  options: PointPoolOptions = {},
): PointPool {
  const workers = Math.max(1, options.workers ?? defaultWorkers());
  let pool: Tinypool | undefined;
  const dim = evaluator.model.params.length;
  return {
    evaluator,
    workers,
    async run(points, query, onProgress) {
      const total = points.length;
      for (const p of points)
        if (p.length !== dim)
          throw new RangeError(`a point has ${p.length} values; the scenario has ${dim} parameters`);
      const width = queryWidth(evaluator, query);
      const pack = (from: number, to: number): PointTask => {
        const flat = new Float64Array((to - from) * dim);
        for (let j = from; j < to; j++) flat.set(points[j]!, (j - from) * dim);
        return { points: flat, dim, query };
      };
      if (workers <= 1 || total <= 1) {
        let done = 0;
        const flat = evaluateTask(evaluator, pack(0, total), () => onProgress?.(++done, total));
        return rows(flat, width, total);
      }
      pool ??= new Tinypool({
        filename: pointWorkerFile(),
        minThreads: workers,
        maxThreads: workers,
        workerData: job,
      });
      const active = pool;
      let done = 0;
      const parts = await Promise.all(
        chunkRange(0, total, workers).map(async ([from, to]) => {
          const flat = (await active.run(pack(from, to))) as Float64Array;
          done += to - from;
          onProgress?.(done, total);
          return rows(flat, width, to - from);
        }),
      );
      return parts.flat();
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
