// The worker-thread entry point of the draw pool (draw-pool.ts): the scenario and settings arrive
// once as workerData and are parsed on the first chunk; each task is a range of draw numbers.
import Tinypool from 'tinypool';
import { type DrawContext, type DrawJob, contextOfJob, runDrawRange } from './draw-task.js';

let ctx: DrawContext | undefined;

export default function drawWorker(range: { from: number; to: number }) {
  const job = Tinypool.workerData as DrawJob;
  ctx ??= contextOfJob(job);
  return runDrawRange(ctx, job.settings, range.from, range.to);
}
