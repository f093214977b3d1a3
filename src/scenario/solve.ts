// Solving a compiled scenario game: subgame-perfect equilibrium by backward induction when every
// mover sees the whole history (perfect information), otherwise the agent logit quantal response
// equilibrium at the scenario's λ (McKelvey & Palfrey 1998), on the principal branch, by the
// engine's fixed-λ solver (logit-fixed.ts: one backward sweep when beliefs depend on chance only,
// else continuation with a homotopy fallback). Returns the
// behaviour profile with what reports need: how likely each leaf is, and expected payoffs, cost
// terms, payoff parts and outcome state under the profile.
import { backwardInduction, perfectInformationViolation } from '../game/backward-induction.js';
import { realizationProbs } from '../game/behavior.js';
import { type Certificate, type FixedOptions, logitBehaviorFixed } from '../game/logit-fixed.js';
import type { BehaviorProfile } from '../game/types.js';
import type { CompiledGame } from './compile.js';
import { PAYOFF_TERMS } from './schema.js';

export type SolveMethod = 'auto' | 'spe' | 'qre';

export interface SolveOptions {
  /** 'auto' (default): backward induction under perfect information, else logit QRE. */
  readonly method?: SolveMethod;
  /** λ of the logit QRE; default the scenario's defaults.lambda. */
  readonly lambda?: number;
  /** Options of the logit solver (tolerances, fallback). */
  readonly logit?: FixedOptions;
}

export interface Solution {
  readonly method: 'backward-induction' | 'logit-qre';
  /** λ for logit QRE; undefined for backward induction. */
  readonly lambda?: number;
  readonly profile: BehaviorProfile;
  /** Realization probability of every node. */
  readonly reach: Float64Array;
  /** Probability of each leaf (LeafTable order). */
  readonly leafProb: Float64Array;
  /** Expected payoff of each actor. */
  readonly payoff: number[];
  /** Expected terms per actor: terms[actor] = [gains, C_kinetic, C_reputation, C_opportunity]. */
  readonly terms: number[][];
  /** Expected value of each payoff part (Model.components order). */
  readonly parts: number[];
  /** Expected outcome state (Model.stateVars order). */
  readonly state: number[];
  /** Backward induction: decisions with more than one best action (other SPE exist). */
  readonly ties: number;
  /** Logit QRE: did the solver converge, its fixed-point residual and how the point is known to be on the principal branch. */
  readonly ok: boolean;
  readonly residual: number;
  readonly certificate: Certificate | 'exact';
  readonly message: string;
}

function isPerfectInformation(cg: CompiledGame): boolean {
  return perfectInformationViolation(cg.game) === undefined;
}

/** Expectations of the leaf table under leaf probabilities. */
function expectations(
  cg: CompiledGame,
  leafProb: Float64Array,
): Pick<Solution, 'payoff' | 'terms' | 'parts' | 'state'> {
  const m = cg.model;
  const { leaves } = cg;
  const np = m.actors.length;
  const nt = PAYOFF_TERMS.length;
  const nc = m.components.length;
  const ns = m.stateVars.length;
  const payoff = new Array<number>(np).fill(0);
  const terms = m.actors.map(() => new Array<number>(nt).fill(0));
  const parts = new Array<number>(nc).fill(0);
  const state = new Array<number>(ns).fill(0);
  for (let leaf = 0; leaf < leaves.count; leaf++) {
    const w = leafProb[leaf]!;
    if (w === 0) continue;
    for (let a = 0; a < np; a++) {
      payoff[a] += w * leaves.payoff[leaf * np + a]!;
      for (let t = 0; t < nt; t++) terms[a]![t] += w * leaves.terms[(leaf * np + a) * nt + t]!;
    }
    for (let c = 0; c < nc; c++) parts[c] += w * leaves.parts[leaf * nc + c]!;
    for (let s = 0; s < ns; s++) state[s] += w * leaves.state[leaf * ns + s]!;
  }
  return { payoff, terms, parts, state };
}

export function solveCompiled(cg: CompiledGame, options: SolveOptions = {}): Solution {
  const method = options.method ?? 'auto';
  const perfect = isPerfectInformation(cg);
  if (method === 'spe' && !perfect) {
    throw new Error(perfectInformationViolation(cg.game));
  }
  const useBI = method === 'spe' || (method === 'auto' && perfect);
  let profile: BehaviorProfile;
  let rest: Pick<Solution, 'method' | 'lambda' | 'ties' | 'ok' | 'residual' | 'certificate' | 'message'>;
  if (useBI) {
    const r = backwardInduction(cg.game);
    profile = r.profile;
    rest = {
      method: 'backward-induction',
      ties: r.tiedDecisions,
      ok: true,
      residual: 0,
      certificate: 'exact',
      message: r.ties ? `${r.tiedDecisions} decision(s) had ties; the first best action was taken` : 'ok',
    };
  } else {
    const lambda = options.lambda ?? cg.model.spec.defaults.lambda;
    const q = logitBehaviorFixed(cg.game, lambda, options.logit);
    profile = q.profile;
    rest = {
      method: 'logit-qre',
      lambda: q.lambda,
      ties: 0,
      ok: q.ok,
      residual: q.residual,
      certificate: q.certificate,
      message: q.message,
    };
  }
  const reach = realizationProbs(cg.game, profile);
  const leafProb = Float64Array.from(cg.leaves.node, (n) => reach[n]!);
  return { ...rest, profile, reach, leafProb, ...expectations(cg, leafProb) };
}
