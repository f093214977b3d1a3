// Reproducing a stored run: parse its stored scenario text (never the file on disk), run it again
// with the stored seed, draws and options, and compare the results with the stored ones.
import { analyzeModel } from '../analysis/analyze.js';
import { compareModel } from '../analysis/compare.js';
import type { EvidencePriors } from '../evidence/evidence-priors.js';
import { type FixedParameters, withFixedParameters } from '../scenario/fixed-parameters.js';
import { parseScenario } from '../scenario/load.js';
import type { Model } from '../scenario/model.js';
import { withTypePriors } from '../scenario/type-priors.js';
import { type JsonDiff, diffJson } from './diff.js';
import { type RunKind, StoreError, type StoredRun, decodeJson, encodeJson } from './run-store.js';

export interface RerunHooks {
  readonly onDraw?: (done: number, total: number) => void;
}

/** Runs a stored run's computation again; returns results comparable with the stored ones. */
export type Rerunner = (model: Model, run: StoredRun, hooks: RerunHooks) => unknown | Promise<unknown>;

function optionalNumber(run: StoredRun, key: string): number | undefined {
  const x = run.options[key];
  if (x === undefined || x === null) return undefined;
  if (typeof x !== 'number')
    throw new StoreError(`${run.id}: option ${key} is ${JSON.stringify(x)}, expected a number`);
  return x;
}

function stringList(run: StoredRun, key: string): string[] {
  const x = run.options[key];
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'string'))
    throw new StoreError(`${run.id}: option ${key} is ${JSON.stringify(x)}, expected a list of names`);
  return x;
}

/** One per kind of run that can be reproduced. */
export const rerunners: Partial<Record<RunKind, Rerunner>> = {
  analyze: (model, run, hooks) => {
    // A run made with --evidence stored the posteriors it used as priors: the rerun uses them again
    // (not today's evidence log), so that it reproduces the stored run.
    const evidence = run.options.evidence as EvidencePriors | undefined;
    const fixed = run.options.fixed as FixedParameters | undefined;
    const withPriors = evidence === undefined ? model : withTypePriors(model, evidence.priors);
    const results = analyzeModel(fixed === undefined ? withPriors : withFixedParameters(withPriors, fixed), {
      seed: run.seed,
      draws: run.draws,
      lambda: optionalNumber(run, 'lambda'),
      sampling: run.options.sampling === 'lhs' ? 'lhs' : 'random',
      scenarioLabel: run.scenarioLabel,
      version: run.version,
      onDraw: hooks.onDraw,
    }).results;
    const what = fixed === undefined ? results : { ...results, fixed };
    return evidence === undefined ? what : { ...what, evidence };
  },
  compare: (model, run, hooks) =>
    compareModel(model, {
      policies: stringList(run, 'policies'),
      seed: run.seed,
      draws: run.draws,
      lambda: optionalNumber(run, 'lambda'),
      onDraw: hooks.onDraw,
    }).results,
};

export interface RerunOutcome {
  readonly run: StoredRun;
  readonly results: unknown;
  /** Byte-identical JSON. */
  readonly identical: boolean;
  /** Stored → new, capped at `limit` changes. */
  readonly diff: JsonDiff;
}

/** Reruns `run` with the runner for its kind; throws StoreError when its kind cannot be rerun. */
export async function rerun(
  run: StoredRun,
  opts: RerunHooks & { readonly runners?: Partial<Record<RunKind, Rerunner>>; readonly limit?: number } = {},
): Promise<RerunOutcome> {
  const runner = (opts.runners ?? rerunners)[run.kind];
  if (runner === undefined) {
    const known = Object.keys(opts.runners ?? rerunners).join(', ');
    throw new StoreError(`${run.id}: runs of kind '${run.kind}' cannot be rerun yet (only ${known})`);
  }
  const model = parseScenario(run.scenarioText, run.scenarioLabel);
  const results = await runner(model, run, { onDraw: opts.onDraw });
  // Compare as stored: through the store's JSON (key order as produced, NaN kept).
  const json = encodeJson(results);
  const fresh = decodeJson(json);
  const identical = json === encodeJson(run.results);
  const diff = identical
    ? { changes: [], total: 0, bySection: {} }
    : diffJson(run.results, fresh, opts.limit ?? 20);
  return { run, results: fresh, identical, diff };
}
