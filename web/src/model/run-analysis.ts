// The page's Monte Carlo: the draws of a run are handed to a pool of Web Workers one at a time and
// put back in draw order, then aggregated here by the same code as `brink analyze` (analysisOfRun).
// Each draw comes from its own seeded streams, so the result equals the CLI's for the same scenario,
// seed, draws and --set values, whatever the number of workers. A newer request supersedes an older
// one: its pending draws are dropped, and a worker busy on a stale draw finishes it and moves on.
import { type Analysis, analysisOfRun } from '../../../src/analysis/analyze.js';
import type { DrawJob, DrawSettings } from '../../../src/analysis/draw-task.js';
import type { DrawRecord, RunResult } from '../../../src/analysis/run-draws.js';
import { withFixedParameters } from '../../../src/scenario/fixed-parameters.js';
import type { Model } from '../../../src/scenario/model.js';
import { withTypePriors } from '../../../src/scenario/type-priors.js';
import type { FromWorker, ToWorker } from './protocol.js';

export interface RunRequest {
  readonly model: Model;
  readonly scenarioText: string;
  readonly scenarioLabel: string;
  readonly draws: number;
  readonly settings: Omit<DrawSettings, 'total'>;
}

export interface RunProgress {
  readonly done: number;
  readonly total: number;
  /** The records done so far, in draw order (draws still running are left out). */
  readonly records: readonly DrawRecord[];
}

export interface RunOutcome {
  readonly analysis: Analysis;
  /** Wall time of the request, ms, from the call to the aggregated result. */
  readonly ms: number;
  /** Compute time per draw inside the workers, ms. */
  readonly drawMs: readonly number[];
  /** Set while the run is under way: the analysis covers `done` of its `total` draws so far. */
  readonly partial?: { readonly done: number; readonly total: number };
}

/** A partial analysis is aggregated at most this often (ms): the aggregation runs on the page's thread. */
const PARTIAL_EVERY_MS = 800;

/** Superseded by a newer request: not an error to show. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer request');
  }
}

interface Pending {
  readonly id: number;
  readonly job: DrawJob;
  readonly records: (DrawRecord | undefined)[];
  readonly drawMs: number[];
  next: number;
  done: number;
  readonly resolve: (records: { records: DrawRecord[]; drawMs: number[] }) => void;
  readonly reject: (e: Error) => void;
  readonly onProgress?: (p: RunProgress) => void;
}

export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
}

/** A pool of model workers that computes one run at a time. */
export class ModelPool {
  private readonly workers: Worker[];
  private readonly busy = new Set<Worker>();
  private current: Pending | undefined;
  private lastId = 0;

  constructor(size = defaultWorkerCount()) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(new URL('./draw-worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<FromWorker>) => this.received(w, e.data);
      return w;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** The records of draws 0..draws−1 of `job`, in order. */
  private records(job: DrawJob, onProgress?: (p: RunProgress) => void) {
    this.current?.reject(new Superseded());
    return new Promise<{ records: DrawRecord[]; drawMs: number[] }>((resolve, reject) => {
      const draws = job.settings.total;
      this.current = {
        id: ++this.lastId,
        job,
        records: new Array(draws).fill(undefined),
        drawMs: [],
        next: 0,
        done: 0,
        resolve,
        reject,
        onProgress,
      };
      for (const w of this.workers) if (!this.busy.has(w)) this.dispatch(w);
    });
  }

  private dispatch(w: Worker): void {
    const p = this.current;
    if (!p || p.next >= p.records.length) return;
    const message: ToWorker = { type: 'draw', request: p.id, job: p.job, draw: p.next++ };
    this.busy.add(w);
    w.postMessage(message);
  }

  private received(w: Worker, m: FromWorker): void {
    this.busy.delete(w);
    const p = this.current;
    if (p && m.request === p.id) {
      if (m.type === 'error') {
        this.current = undefined;
        p.reject(new Error(m.message));
      } else {
        p.records[m.draw] = m.record;
        p.drawMs.push(m.ms);
        p.done++;
        p.onProgress?.({
          done: p.done,
          total: p.records.length,
          records: p.records.filter((r): r is DrawRecord => r !== undefined),
        });
        if (p.done === p.records.length) {
          this.current = undefined;
          p.resolve({ records: p.records as DrawRecord[], drawMs: p.drawMs });
        }
      }
    }
    this.dispatch(w);
  }

  /**
   * Runs the analysis of `req`: what `brink analyze` prints for the same settings. `onPartial` gets the
   * analysis of the draws done so far while the run is under way (at most every PARTIAL_EVERY_MS), so
   * the page answers before the last draw; the final result is always the whole run's.
   */
  async analyse(
    req: RunRequest,
    onProgress?: (p: RunProgress) => void,
    onPartial?: (o: RunOutcome) => void,
  ): Promise<RunOutcome> {
    const started = performance.now();
    const settings: DrawSettings = { ...req.settings, total: req.draws };
    const job: DrawJob = { scenarioText: req.scenarioText, scenarioFile: req.model.file, settings };
    const model = withFixedParameters(
      withTypePriors(req.model, settings.typePriors ?? {}),
      settings.fixed ?? {},
    );
    const analysisOf = (records: DrawRecord[]) => {
      const run: RunResult = {
        model,
        seed: settings.seed,
        draws: records.length,
        lambda: settings.lambda,
        ...(settings.sampling ? { sampling: settings.sampling } : {}),
        records,
      };
      return analysisOfRun(run, { scenarioLabel: req.scenarioLabel });
    };
    let lastPartial = started;
    const progress = (p: RunProgress) => {
      onProgress?.(p);
      const now = performance.now();
      if (!onPartial || p.done >= p.total || now - lastPartial < PARTIAL_EVERY_MS) return;
      lastPartial = now;
      const partial = { done: p.done, total: p.total };
      onPartial({ analysis: analysisOf([...p.records]), ms: now - started, drawMs: [], partial });
    };
    const { records, drawMs } = await this.records(job, progress);
    return { analysis: analysisOf(records), ms: performance.now() - started, drawMs };
  }

  terminate(): void {
    this.current?.reject(new Superseded());
    for (const w of this.workers) w.terminate();
  }
}
