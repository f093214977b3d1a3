// The worker-thread entry point of the point pool (point-pool.ts): the scenario and λ arrive once
// as workerData and are parsed on the first block; each task is a block of parameter vectors.
import Tinypool from 'tinypool';
import type { HeadlineEvaluator } from './headline.js';
import { type PointJob, type PointTask, contextOfPointJob, evaluateTask } from './point-task.js';

let ev: HeadlineEvaluator | undefined;

export default function pointWorker(task: PointTask): Float64Array {
  ev ??= contextOfPointJob(Tinypool.workerData as PointJob);
  return evaluateTask(ev, task);
}
