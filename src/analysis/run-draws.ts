// The Monte Carlo run behind `brink analyze`: for each parameter draw, the baseline game and every
// policy of the design (§5.9) are compiled from the SAME parameter values (common random numbers,
// so policy differences are paired draw by draw), solved by agent logit QRE at the scenario's λ,
// and reduced at once to small per-draw records; the 72,000-node games are not kept.
import type { CompiledGame } from '../scenario/compile.js';
import { ScenarioError } from '../scenario/diagnostics.js';
import { type Sampling, parameterRecord, sampleParameters } from '../scenario/draw.js';
import { structureOf } from '../scenario/fixed-parameters.js';
import { type GameCompiler, makeGameCompiler } from '../scenario/game-compiler.js';
import type { Model } from '../scenario/model.js';
import { type ChecksDraw, checkFeatures, measureChecks } from './checks.js';
import { type FeatureSet, type LeafFrame, buildFrame, compileFeatures } from './leaf-frame.js';
import { OUTCOME_CLASSES, leafClasses, outcomeFeatures } from './outcomes.js';
import { type PolicyDraw, measurePolicy, policyFeatures } from './policy-summary.js';
import { type Q1Draw, measureQ1, q1Features } from './questions/q1-talks-intent.js';
import { type Q2Draw, measureQ2, q2Features } from './questions/q2-limited-strike.js';
import { type Q3Draw, measureQ3, q3Features } from './questions/q3-sequences.js';
import { type Q4Draw, measureQ4 } from './questions/q4-iran-response.js';
import { type Q6Draw, measureQ6 } from './questions/q6-oil-markets.js';
import { type Q7Draw, measureQ7, q7Features } from './questions/q7-public-vs-backchannel.js';
import { type RolloutDraw, rollOut } from './rollouts.js';
import { type QreResult, type QreSolver, makeQreSolver } from './solve-qre.js';

export interface PolicyRun {
  /** 'baseline' or the scenario policy applied. */
  readonly id: string;
  readonly label: string;
  readonly policies: readonly string[];
}

/** The games solved per draw: the baseline and the policies of the design (§5.9). */
export const POLICY_RUNS: readonly PolicyRun[] = [
  { id: 'baseline', label: 'Baseline (no constraint)', policies: [] },
  { id: 'grand_bargain', label: 'Grand bargain', policies: ['grand_bargain'] },
  { id: 'segmented_reciprocity', label: 'Segmented reciprocity', policies: ['segmented_reciprocity'] },
  { id: 'transactional', label: 'Modest transactional deals', policies: ['transactional'] },
  { id: 'nuclear_public', label: 'Nuclear-only offer, announced', policies: ['nuclear_public'] },
  { id: 'nuclear_backchannel', label: 'Nuclear-only offer, backchannel', policies: ['nuclear_backchannel'] },
  { id: 'comprehensive_public', label: 'Comprehensive offer, announced', policies: ['comprehensive_public'] },
  {
    id: 'comprehensive_backchannel',
    label: 'Comprehensive offer, backchannel',
    policies: ['comprehensive_backchannel'],
  },
  { id: 'limited_strike_first', label: 'Limited strike first', policies: ['limited_strike_first'] },
  { id: 'pressure_first', label: 'Pressure first', policies: ['pressure_first'] },
  {
    id: 'no_parallel_diplomacy',
    label: 'Pillar removed: no parallel diplomacy',
    policies: ['no_parallel_diplomacy'],
  },
  { id: 'no_us_threat', label: 'Pillar removed: no US threat', policies: ['no_us_threat'] },
];

export interface SolveInfo {
  readonly method: QreResult['method'];
  readonly iterations: number;
  readonly residual: number;
  readonly nodes: number;
  /** Digest of the parameter values the game was compiled with (equal across policies: common random numbers). */
  readonly paramDigest: string;
}

export interface DrawRecord {
  readonly draw: number;
  readonly params: Record<string, number>;
  /** Per POLICY_RUNS id. */
  readonly policies: Record<string, PolicyDraw>;
  readonly solver: Record<string, SolveInfo>;
  /** Figures read from the baseline game only: absent when 'baseline' was not among the runs. */
  readonly detail?: BaselineDetail;
}

/** What the questions and checks read from the baseline game of a draw. */
export interface BaselineDetail {
  readonly q1: Q1Draw;
  readonly q2: Q2Draw;
  readonly q3: Q3Draw;
  readonly q4: Q4Draw;
  readonly q6: Q6Draw;
  readonly q7: Q7Draw;
  readonly checks: ChecksDraw;
  /** Crises played out through the solved baseline game (rollouts.ts). */
  readonly rollouts: RolloutDraw;
}

/** The baseline figures of a draw; an internal error for a record run without the baseline. */
export function baselineDetail(r: DrawRecord): BaselineDetail {
  if (r.detail === undefined) throw new Error(`internal: draw ${r.draw} was run without the baseline`);
  return r.detail;
}

export interface RunOptions {
  readonly seed: number;
  readonly draws: number;
  readonly lambda: number;
  /** Default 'random'. */
  readonly sampling?: Sampling;
  /** Called after each draw (e.g. a progress line on stderr). */
  readonly onDraw?: (done: number, total: number) => void;
}

export interface RunResult {
  readonly model: Model;
  readonly seed: number;
  /** How the draws were made (default 'random'). */
  readonly sampling?: Sampling;
  readonly draws: number;
  readonly lambda: number;
  readonly records: DrawRecord[];
}

/** Named formulas, types, stages and policies the analysis reads: a scenario without them cannot be analysed. */
const REQUIRED_FORMULAS = [
  ...OUTCOME_CLASSES.map((c) => c.formula),
  'deal_comprehensive',
  'deal_nuclear_only',
  'deal_interim',
  'fronts',
  'us_struck_iran',
  'us_struck_soil',
  'oil_supply_loss_mbd',
  'oil_price_change_pct',
  'brent_usd',
];
const REQUIRED_STEPS = [
  'us_resolve',
  'iran_stance',
  'talks_intent',
  'us_open',
  'leak',
  'strike_effect',
  'perception',
  'iran_resp',
  'spillover',
  'us_counter',
  'iran_counter',
];

/** Refuses, with one clear message, a scenario that lacks what the analysis reads. */
export function checkAnalysable(model: Model): void {
  const missing: string[] = [];
  for (const f of REQUIRED_FORMULAS) if (!model.spec.formulas[f]) missing.push(`formula '${f}'`);
  const steps = [...model.types.map((t) => t.id), ...model.stages.map((s) => s.id)];
  for (const s of REQUIRED_STEPS) if (!steps.includes(s)) missing.push(`type or stage '${s}'`);
  for (const p of POLICY_RUNS.flatMap((r) => r.policies))
    if (!model.policies.has(p)) missing.push(`policy '${p}'`);
  if (missing.length === 0) return;
  throw new ScenarioError([
    {
      file: model.file,
      line: 0,
      col: 0,
      path: '(scenario)',
      message: `brink analyze answers the questions of the US–Iran design (docs/us-iran-2026-model.md) and needs ${missing.join(', ')}; this scenario lacks them (use brink solve for other games)`,
    },
  ]);
}

/** FNV-1a over the bytes of the parameter values. */
export function paramDigest(params: Float64Array): string {
  const bytes = new Uint8Array(params.buffer, params.byteOffset, params.byteLength);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Formulas read at every leaf: all of them in the baseline, the generic ones in the policy games. */
export interface AnalysisFeatures {
  readonly baseline: FeatureSet;
  readonly policy: FeatureSet;
}

export function analysisFeatures(model: Model): AnalysisFeatures {
  const generic = [...outcomeFeatures(), ...policyFeatures()];
  return {
    baseline: compileFeatures(model, [
      ...generic,
      ...q1Features(),
      ...q2Features(),
      ...q3Features(),
      ...q7Features(),
      ...checkFeatures(),
    ]),
    policy: compileFeatures(model, generic),
  };
}

/** Game compilers that reuse each policy's tree across draws, kept with the solver that reuses its structure. */
const compilersBySolver = new WeakMap<QreSolver, WeakMap<Model, Map<string, GameCompiler>>>();

function compilerFor(solver: QreSolver, held: Model, run: PolicyRun): GameCompiler {
  // Models that differ only in parameters held fixed share one compiler (fixed-parameters.ts).
  const model = structureOf(held);
  let byModel = compilersBySolver.get(solver);
  if (!byModel) {
    byModel = new WeakMap();
    compilersBySolver.set(solver, byModel);
  }
  let byRun = byModel.get(model);
  if (!byRun) {
    byRun = new Map();
    byModel.set(model, byRun);
  }
  const key = JSON.stringify(run.policies);
  let c = byRun.get(key);
  if (!c) {
    c = makeGameCompiler(model, { policies: run.policies, labels: false, reuseBuffers: true });
    byRun.set(key, c);
  }
  return c;
}

function solveRun(
  model: Model,
  params: Float64Array,
  run: PolicyRun,
  lambda: number,
  solver: QreSolver,
  baseline?: CompiledGame,
): { cg: CompiledGame; qre: QreResult } {
  // A policy's tree is the baseline's with choices fixed or forbidden: its leaf values are copied
  // from the baseline game of the same draw rather than computed again (game-compiler.ts).
  const cg = compilerFor(solver, model, run).compile(params, baseline);
  return { cg, qre: solver.solve(cg, lambda, run.id) };
}

/** One draw: every policy run solved and measured. */
export function runDraw(
  model: Model,
  draw: number,
  options: { seed: number; lambda: number; sampling?: Sampling; total?: number },
  features: AnalysisFeatures,
  solver = makeQreSolver(),
  runs: readonly PolicyRun[] = POLICY_RUNS,
): DrawRecord {
  const params = sampleParameters(model, options.seed, draw, options.sampling, options.total);
  const record = parameterRecord(model, params);
  const policies: Record<string, PolicyDraw> = {};
  const solverInfo: Record<string, SolveInfo> = {};
  let detail: BaselineDetail | undefined;
  let baseline: CompiledGame | undefined;
  let baselineFrame: LeafFrame | undefined;
  for (const run of runs) {
    const { cg, qre } = solveRun(model, params, run, options.lambda, solver, baseline);
    const frame = buildFrame(
      cg,
      qre.leafProb,
      run.id === 'baseline' ? features.baseline : features.policy,
      baselineFrame,
    );
    if (run.policies.length === 0) {
      baseline = cg;
      baselineFrame = frame;
    }
    const classes = leafClasses(frame);
    policies[run.id] = measurePolicy(frame, classes);
    solverInfo[run.id] = {
      method: qre.method,
      iterations: qre.iterations,
      residual: qre.residual,
      nodes: cg.game.nodes.count,
      paramDigest: paramDigest(cg.params),
    };
    if (run.id === 'baseline') {
      detail = {
        q1: measureQ1(frame, record),
        q2: measureQ2(frame, classes),
        q3: measureQ3(frame, classes),
        q4: measureQ4(frame),
        q6: measureQ6(frame, classes),
        q7: measureQ7(frame),
        checks: measureChecks(frame, classes, record),
        rollouts: rollOut(cg, qre.leafProb, classes, options.seed, draw),
      };
    }
  }
  return { draw, params: record, policies, solver: solverInfo, ...(detail ? { detail } : {}) };
}

export function runDraws(model: Model, options: RunOptions): RunResult {
  checkAnalysable(model);
  const features = analysisFeatures(model);
  const solver = makeQreSolver();
  const records: DrawRecord[] = [];
  for (let d = 0; d < options.draws; d++) {
    records.push(runDraw(model, d, { ...options, total: options.draws }, features, solver));
    options.onDraw?.(d + 1, options.draws);
  }
  const { seed, draws, lambda, sampling } = options;
  return { model, seed, draws, lambda, ...(sampling ? { sampling } : {}), records };
}
