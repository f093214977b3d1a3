// `brink compare`: the same parameter draws (common random numbers) solved under several scenario
// policies, each draw reduced to a few figures per policy (outcome classes, payoff terms, oil), then
// summarised per policy and as PAIRED differences against a reference policy: the difference is
// taken draw by draw before it is summarised, so parameter noise common to both policies cancels.
import type { ScenarioError } from '../scenario/diagnostics.js';
import { modelError } from '../scenario/load.js';
import type { Model } from '../scenario/model.js';
import { didYouMean } from '../scenario/suggest.js';
import { FLAGS, OUTCOME_CLASSES, flagIndex } from './outcomes.js';
import { OIL_MEASURES, type PolicyDraw, TERM_LABELS } from './policy-summary.js';
import {
  type AnalysisFeatures,
  type DrawRecord,
  type PolicyRun,
  type SolveInfo,
  analysisFeatures,
  checkAnalysable,
  runDraw,
} from './run-draws.js';
import { makeQreSolver } from './solve-qre.js';
import { type Stat, summarise } from './stats.js';

/** The run without any policy. */
export const BASELINE = 'baseline';

/** A figure read from every solved game; `format` says how a report shows it. */
export interface CompareMetric {
  readonly id: string;
  readonly label: string;
  readonly format: 'probability' | 'utility' | 'number';
  /** Which figures of the report it belongs to. */
  readonly group: 'outcome' | 'event' | 'payoff' | 'oil';
  /** Where it comes from in the scenario. */
  readonly trace: string;
}

interface MetricDef extends CompareMetric {
  readonly pick: (p: PolicyDraw) => number;
}

/** The actors whose payoff terms are compared (design §5.6: the two principals), when the scenario has them. */
export const COMPARED_ACTORS = ['us', 'iran'] as const;

const TERM_TEXT: Record<(typeof TERM_LABELS)[number], string> = {
  gains: 'gains',
  C_kinetic: 'kinetic cost',
  C_reputation: 'reputation cost',
  C_opportunity: 'opportunity cost',
  U: 'payoff U',
};

function metricDefs(model: Model): MetricDef[] {
  const defs: MetricDef[] = OUTCOME_CLASSES.map((c, k) => ({
    id: `p_${c.id}`,
    label: `P(${c.label})`,
    format: 'probability',
    group: 'outcome',
    trace: `Σ ρ over leaves where ${c.formula} holds`,
    pick: (p) => p.outcomes.classes[k]!,
  }));
  const struck = flagIndex('us_struck_iran');
  defs.push({
    id: 'p_us_struck_iran',
    label: `P(${FLAGS[struck]!.label})`,
    format: 'probability',
    group: 'event',
    trace: `Σ ρ over leaves where ${FLAGS[struck]!.formula} holds`,
    pick: (p) => p.outcomes.flags[struck]!,
  });
  const priceChange = OIL_MEASURES.findIndex((m) => m.id === 'price_change_pct');
  defs.push({
    id: 'oil_price_change_pct',
    label: 'E[oil price change, %]',
    format: 'number',
    group: 'oil',
    trace: `E[${OIL_MEASURES[priceChange]!.formula}]`,
    pick: (p) => p.oil[priceChange]!,
  });
  const actors = COMPARED_ACTORS.map((a) => ({ id: a, index: model.actors.indexOf(a) })).filter(
    (a) => a.index >= 0 && model.components.some((c) => c.actor === a.index),
  );
  const u = TERM_LABELS.indexOf('U');
  for (const a of actors) {
    TERM_LABELS.forEach((term, t) => {
      defs.push({
        id: `${a.id}_${term}`,
        label: `${a.id === 'us' ? 'US' : a.id === 'iran' ? 'Iran' : a.id} ${TERM_TEXT[term]}`,
        format: 'utility',
        group: 'payoff',
        trace: term === 'U' ? `E[${a.id}.payoff]` : `E[${a.id}.${term}]`,
        pick: (p) => p.terms[a.index]![t]!,
      });
    });
  }
  if (actors.length === 2) {
    const [x, y] = actors as [{ id: string; index: number }, { id: string; index: number }];
    defs.push({
      id: 'joint_U',
      label: 'Joint surplus (US + Iran payoff)',
      format: 'utility',
      group: 'payoff',
      trace: `E[${x.id}.payoff + ${y.id}.payoff]`,
      pick: (p) => p.terms[x.index]![u]! + p.terms[y.index]![u]!,
    });
  }
  return defs;
}

/** The figures compared, in report order. */
export function compareMetrics(model: Model): CompareMetric[] {
  return metricDefs(model).map(({ pick: _, ...m }) => m);
}

/** A user's spelling of a policy name: `grand-bargain` and `Grand_Bargain` mean `grand_bargain`. */
export function normalisePolicyName(name: string): string {
  return name.trim().toLowerCase().replace(/-/g, '_');
}

/** The policy names a comparison accepts: the baseline and every policy of the scenario. */
export function knownPolicies(model: Model): string[] {
  return [BASELINE, ...model.policies.keys()];
}

/** Points at the scenario's `policies:` key when the file has one. */
function policyError(model: Model, message: string): ScenarioError {
  return modelError(model, [{ path: ['policies'], message, key: true }]);
}

/**
 * The runs of a comparison, the reference first: the baseline when it is listed or when only one
 * policy is given (it is then compared with the baseline), otherwise the first policy listed.
 * Throws ScenarioError for an unknown or repeated name, or none at all.
 */
export function resolvePolicies(model: Model, names: readonly string[]): PolicyRun[] {
  const known = knownPolicies(model);
  if (names.length === 0) {
    throw policyError(model, `no policy to compare; the scenario's policies: ${known.join(', ')}`);
  }
  const ids: string[] = [];
  for (const name of names) {
    const id = normalisePolicyName(name);
    if (!known.includes(id)) {
      throw policyError(
        model,
        `unknown policy '${name}'${didYouMean(id, known)}; the scenario's policies: ${known.join(', ')}`,
      );
    }
    if (ids.includes(id)) throw policyError(model, `policy '${name}' is listed twice`);
    ids.push(id);
  }
  if (ids.length === 1 && ids[0] !== BASELINE) ids.unshift(BASELINE);
  const ordered = ids.includes(BASELINE) ? [BASELINE, ...ids.filter((i) => i !== BASELINE)] : ids;
  if (ordered.length < 2) {
    throw policyError(
      model,
      `nothing to compare the baseline with; the scenario's policies: ${known.join(', ')}`,
    );
  }
  return ordered.map((id) =>
    id === BASELINE
      ? { id, label: 'Baseline (no constraint)', policies: [] }
      : { id, label: model.spec.policies[id]?.label ?? id, policies: [id] },
  );
}

export interface ComparePlan {
  /** The runs, the reference first. */
  readonly policies: readonly PolicyRun[];
  readonly metrics: readonly CompareMetric[];
}

/** What the draws share: compiled formulas, the solver and its warm starts, the plan. */
export interface CompareContext {
  readonly plan: ComparePlan;
  readonly features: AnalysisFeatures;
  readonly solver: ReturnType<typeof makeQreSolver>;
  readonly defs: readonly MetricDef[];
}

export function compareContext(model: Model, policies: readonly string[]): CompareContext {
  checkAnalysable(model);
  const runs = resolvePolicies(model, policies);
  const defs = metricDefs(model);
  return {
    plan: { policies: runs, metrics: defs.map(({ pick: _, ...m }) => m) },
    features: analysisFeatures(model),
    solver: makeQreSolver(),
    defs,
  };
}

/** One draw under every policy: plain data, so that a worker can send it back. */
export interface CompareDrawRecord {
  readonly draw: number;
  /** Per policy id: the metric values in plan.metrics order. */
  readonly values: Record<string, number[]>;
  /** Per policy id: how its game was solved (paramDigest is the same for all: common random numbers). */
  readonly solver: Record<string, SolveInfo>;
}

export function compareDraw(
  model: Model,
  draw: number,
  opts: { readonly seed: number; readonly lambda: number },
  ctx: CompareContext,
): CompareDrawRecord {
  return compareRecordOf(runDraw(model, draw, opts, ctx.features, ctx.solver, ctx.plan.policies), ctx);
}

/** The compared figures of a draw solved under the plan's policies (in this thread or a worker). */
export function compareRecordOf(
  r: DrawRecord,
  ctx: Pick<CompareContext, 'plan' | 'defs'>,
): CompareDrawRecord {
  const draw = r.draw;
  const values: Record<string, number[]> = {};
  for (const run of ctx.plan.policies) {
    const p = r.policies[run.id]!;
    values[run.id] = ctx.defs.map((m) => m.pick(p));
  }
  return { draw, values, solver: r.solver };
}

/** A paired difference across draws: its Stat, and the share of draws in which it is positive. */
export interface DiffStat extends Stat {
  readonly positive: number;
}

export interface PolicyFigures {
  readonly id: string;
  readonly label: string;
  /** Per metric id: mean over draws and 90 % interval of the draws. */
  readonly figures: Record<string, Stat>;
}

export interface PolicyDifferences {
  readonly id: string;
  readonly label: string;
  readonly reference: string;
  /** Per metric id: policy − reference, draw by draw, then summarised. */
  readonly figures: Record<string, DiffStat>;
}

export interface CompareResults {
  readonly draws: number;
  readonly reference: string;
  readonly metrics: readonly CompareMetric[];
  readonly policies: PolicyFigures[];
  readonly differences: PolicyDifferences[];
}

/** Summaries per policy and paired differences against the first policy of the plan. */
export function aggregateCompare(records: readonly CompareDrawRecord[], plan: ComparePlan): CompareResults {
  const [reference] = plan.policies;
  if (reference === undefined) throw new Error('internal: a comparison needs at least one policy');
  const column = (policy: string, m: number) => records.map((r) => r.values[policy]![m]!);
  const policies = plan.policies.map((run) => ({
    id: run.id,
    label: run.label,
    figures: Object.fromEntries(plan.metrics.map((metric, m) => [metric.id, summarise(column(run.id, m))])),
  }));
  const differences = plan.policies.slice(1).map((run) => ({
    id: run.id,
    label: run.label,
    reference: reference.id,
    figures: Object.fromEntries(
      plan.metrics.map((metric, m) => {
        const ref = column(reference.id, m);
        const diffs = column(run.id, m).map((v, i) => v - ref[i]!);
        return [metric.id, diffStat(diffs)];
      }),
    ),
  }));
  return { draws: records.length, reference: reference.id, metrics: plan.metrics, policies, differences };
}

function diffStat(diffs: readonly number[]): DiffStat {
  const s = summarise(diffs);
  const defined = diffs.filter((d) => !Number.isNaN(d));
  const positive = defined.length === 0 ? Number.NaN : defined.filter((d) => d > 0).length / defined.length;
  return { ...s, positive };
}

export interface CompareOptions {
  /** Scenario policy names ('baseline' for none); hyphens are read as underscores. */
  readonly policies: readonly string[];
  /** Default: the scenario's defaults.seed. */
  readonly seed?: number;
  /** Default: the scenario's defaults.draws. */
  readonly draws?: number;
  /** Default: the scenario's defaults.lambda. */
  readonly lambda?: number;
  readonly onDraw?: (done: number, total: number) => void;
}

export interface CompareRun {
  readonly seed: number;
  readonly draws: number;
  readonly lambda: number;
  readonly plan: ComparePlan;
  readonly records: CompareDrawRecord[];
  readonly results: CompareResults;
}

export function compareModel(model: Model, options: CompareOptions): CompareRun {
  const d = model.spec.defaults;
  const seed = options.seed ?? d.seed;
  const draws = options.draws ?? d.draws;
  const lambda = options.lambda ?? d.lambda;
  const ctx = compareContext(model, options.policies);
  const records: CompareDrawRecord[] = [];
  for (let i = 0; i < draws; i++) {
    records.push(compareDraw(model, i, { seed, lambda }, ctx));
    options.onDraw?.(i + 1, draws);
  }
  return { seed, draws, lambda, plan: ctx.plan, records, results: aggregateCompare(records, ctx.plan) };
}
