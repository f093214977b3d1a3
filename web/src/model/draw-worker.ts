// A Web Worker running the same model code as the CLI's worker threads (src/analysis/draw-task):
// it parses the scenario once per job and computes the draws it is sent, one at a time.
import {
  type DrawContext,
  type DrawJob,
  contextOfJob,
  runDrawRange,
} from '../../../src/analysis/draw-task.js';
import type { FromWorker, ToWorker } from './protocol.js';

let cached: { key: string; ctx: DrawContext } | undefined;

function contextFor(job: DrawJob): DrawContext {
  const key = JSON.stringify(job);
  if (cached?.key !== key) cached = { key, ctx: contextOfJob(job) };
  return cached.ctx;
}

function reply(message: FromWorker): void {
  (self as unknown as Worker).postMessage(message);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const { request, job, draw } = event.data;
  try {
    const started = performance.now();
    const [record] = runDrawRange(contextFor(job), job.settings, draw, draw + 1);
    reply({ type: 'record', request, draw, record: record!, ms: performance.now() - started });
  } catch (e) {
    reply({ type: 'error', request, message: (e as Error).message });
  }
};
