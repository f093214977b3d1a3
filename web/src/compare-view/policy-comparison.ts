// The page's policy comparison, read from the draws it has already solved: every draw record of
// the analysis holds all policy games of that draw (run-draws.ts POLICY_RUNS), so comparing
// policies needs no new solve — the records go through `brink compare`'s own reduction
// (compareRecordOf) and summary (aggregateCompare): per-policy figures and paired differences on
// common random numbers, the same numbers the CLI prints for the same seed and draws.
import {
  BASELINE,
  type CompareContext,
  type CompareRun,
  aggregateCompare,
  compareContext,
  compareRecordOf,
  resolvePolicies,
} from '../../../src/analysis/compare.js';
import type { DrawRecord, RunResult } from '../../../src/analysis/run-draws.js';
import type { Model } from '../../../src/scenario/model.js';

export interface PolicyChoice {
  readonly id: string;
  readonly label: string;
}

/**
 * The policies the records can compare: the baseline and every policy game solved in each draw,
 * in the order of the records (the baseline first), labelled as `brink compare` labels them.
 */
export function availablePolicies(model: Model, records: readonly DrawRecord[]): PolicyChoice[] {
  const first = records[0];
  if (first === undefined) return [];
  const ids = Object.keys(first.policies).filter((id) => records.every((r) => r.policies[id] !== undefined));
  return resolveOrdered(model, ids);
}

function resolveOrdered(model: Model, ids: readonly string[]): PolicyChoice[] {
  return ids.map((id) =>
    id === BASELINE
      ? { id, label: 'Baseline (no constraint)' }
      : { id, label: model.spec.policies[id]?.label ?? id },
  );
}

/**
 * The runs `brink compare --policy A --policy B ...` would make of the chosen names: the baseline
 * first when chosen, otherwise the first chosen is the reference; a single policy is compared with
 * the baseline. Throws ScenarioError like the CLI for an unknown name or an empty choice.
 */
export function comparisonPlan(model: Model, chosen: readonly string[]): CompareContext {
  return compareContext(model, chosen);
}

/** The policies `resolvePolicies` puts in the comparison, reference first (ids only). */
export function comparedIds(model: Model, chosen: readonly string[]): string[] {
  return resolvePolicies(model, chosen).map((p) => p.id);
}

/**
 * The comparison of `chosen` over the draws of `run`: what `brink compare` computes for the same
 * scenario, seed, draws and λ, without solving anything again.
 */
export function comparePolicies(
  run: Pick<RunResult, 'seed' | 'draws' | 'lambda' | 'records'>,
  ctx: Pick<CompareContext, 'plan' | 'defs'>,
): CompareRun {
  const records = run.records.map((r) => compareRecordOf(r, ctx));
  return {
    seed: run.seed,
    draws: run.draws,
    lambda: run.lambda,
    plan: ctx.plan,
    records,
    results: aggregateCompare(records, ctx.plan),
  };
}

/** The CLI command that prints the same comparison (policy ids with hyphens, as users type them). */
export function compareCommandLine(
  ids: readonly string[],
  s: { seed: number; draws: number; lambda: number },
  defaultLambda: number,
): string {
  const policies = ids.map((id) => `--policy ${id.replace(/_/g, '-')}`).join(' ');
  const lambda = s.lambda === defaultLambda ? '' : ` --lambda ${s.lambda}`;
  return `brink compare ${policies} --seed ${s.seed} --draws ${s.draws}${lambda}`;
}
