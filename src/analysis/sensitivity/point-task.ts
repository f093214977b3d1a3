// One unit of sensitivity work, as plain data so it can cross a worker-thread boundary: the
// scenario as text (a worker parses it once and keeps it), λ, and a block of parameter vectors to
// evaluate by the model function of headline.ts. Each point's outputs depend on that point alone
// (the QRE iteration starts from the centroid every time), so the result does not depend on which
// worker computes it or on how the points are cut into blocks.
import { registerBargainFunctions } from '../../bargain/formula-functions.js';
import { registerEconFunctions } from '../../econ/formula-functions.js';
import { parseScenario } from '../../scenario/load.js';
import { type HeadlineEvaluator, makeHeadlineEvaluator } from './headline.js';

/** What to compute at each point: the headline outputs, or the modal option index of one step. */
export type PointQuery =
  | { readonly kind: 'headline' }
  | { readonly kind: 'modal'; readonly step: string; readonly among?: readonly string[] };

/** The scenario and λ a worker thread is started with (tinypool workerData). */
export interface PointJob {
  readonly scenarioText: string;
  readonly scenarioFile: string;
  readonly lambda: number;
}

/** A block of points: `count` parameter vectors of `dim` values each, row-major. */
export interface PointTask {
  readonly points: Float64Array;
  readonly dim: number;
  readonly query: PointQuery;
}

export function contextOfPointJob(job: PointJob): HeadlineEvaluator {
  registerBargainFunctions(); // worker threads parse the scenario: formulas may call the models
  registerEconFunctions();
  return makeHeadlineEvaluator(parseScenario(job.scenarioText, job.scenarioFile), job.lambda);
}

/** Values per point of a query: the headline outputs, or 1 (the modal index, −1 when not reached). */
export function queryWidth(ev: HeadlineEvaluator, query: PointQuery): number {
  return query.kind === 'headline' ? ev.outputs.length : 1;
}

/** The outputs of a block, row-major (queryWidth values per point), in point order. */
export function evaluateTask(ev: HeadlineEvaluator, task: PointTask, onPoint?: () => void): Float64Array {
  const count = task.points.length / task.dim;
  const width = queryWidth(ev, task.query);
  const out = new Float64Array(count * width);
  for (let j = 0; j < count; j++) {
    const p = task.points.slice(j * task.dim, (j + 1) * task.dim);
    if (task.query.kind === 'headline') out.set(ev.evaluate(p), j * width);
    else out[j] = ev.modalIndex(p, task.query.step, task.query.among);
    onPoint?.();
  }
  return out;
}
