// Messages between the page and its model workers. A request carries the draw job (scenario text
// and settings, as the CLI's worker threads get it) and one draw number; the worker answers with
// that draw's record. One draw at a time lets the page drop a stale request within one draw.
import type { DrawJob } from '../../../src/analysis/draw-task.js';
import type { DrawRecord } from '../../../src/analysis/run-draws.js';

export type ToWorker = {
  readonly type: 'draw';
  readonly request: number;
  readonly job: DrawJob;
  readonly draw: number;
};

export type FromWorker =
  | {
      readonly type: 'record';
      readonly request: number;
      readonly draw: number;
      readonly record: DrawRecord;
      readonly ms: number;
    }
  | { readonly type: 'error'; readonly request: number; readonly message: string };
