// The draws of a range as a stream of blocks in draw order, for ranges too large to hold (a shard of
// tens of thousands of draws, each record about 1 MB). One worker pool serves the whole range, so
// each worker warms up once (parsing, recording the game trees, JIT: seconds per worker), and only
// a window of chunks is in flight, so memory stays that of a few chunks per worker. The chunks are
// those of draw-pool.ts and each draw comes from its own streams: the records are the same as
// runDrawsPooled's, whatever the workers.
import Tinypool from 'tinypool';
import { type PoolOptions, chunkRange, defaultWorkers, workerFile } from './draw-pool.js';
import { type DrawContext, type DrawJob, contextOfJob, runDrawRange } from './draw-task.js';
import type { DrawRecord } from './run-draws.js';

/** Draws per block when the draws run in this thread. */
const INLINE_BLOCK = 64;
/** Chunks submitted ahead per worker: one running, one waiting. */
const CHUNKS_AHEAD_PER_WORKER = 2;

/** Records of draws [from, to) in blocks, in draw order. `ctx` lets a caller reuse a parsed model in this thread. */
export async function* streamDrawsPooled(
  job: DrawJob,
  range: { from: number; to: number },
  options: PoolOptions = {},
  ctx?: DrawContext,
): AsyncGenerator<DrawRecord[]> {
  const total = range.to - range.from;
  const workers = Math.min(options.workers ?? defaultWorkers(), Math.max(1, total));
  let done = 0;
  if (workers <= 1) {
    const context = ctx ?? contextOfJob(job);
    for (let a = range.from; a < range.to; a += INLINE_BLOCK) {
      const b = Math.min(range.to, a + INLINE_BLOCK);
      yield runDrawRange(context, job.settings, a, b, () => options.onProgress?.(++done, total));
    }
    return;
  }
  const pool = new Tinypool({
    filename: workerFile(),
    minThreads: workers,
    maxThreads: workers,
    workerData: job,
  });
  const chunks = chunkRange(range.from, range.to, workers);
  const pending: Promise<DrawRecord[]>[] = [];
  let next = 0;
  const submit = () => {
    const [from, to] = chunks[next++]!;
    const task = (pool.run({ from, to }) as Promise<DrawRecord[]>).then((records) => {
      done += to - from;
      options.onProgress?.(done, total);
      return records;
    });
    // A chunk still running when the stream is abandoned fails as the pool is destroyed: not an error.
    task.catch(() => {});
    pending.push(task);
  };
  try {
    while (next < chunks.length && pending.length < workers * CHUNKS_AHEAD_PER_WORKER) submit();
    while (pending.length > 0) {
      const records = await pending.shift()!;
      if (next < chunks.length) submit();
      yield records;
    }
  } finally {
    await pool.destroy();
  }
}
