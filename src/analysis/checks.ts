// Structural checks of the solved baseline, draw by draw (design §6, the "every draw" bounds):
// properties the seeds state as facts about the model, not as probabilities, so they must hold on
// every leaf of every draw. Each is computed as the worst leaf and reported with its sentence.
import { type LeafFrame, choiceIndex, column, stepIndex, truthOf } from './leaf-frame.js';
import { classIndex, classMask } from './outcomes.js';

const SINGLE_WAVE =
  'us_struck_soil and not us_counter.escalate and not us_counter.proportional and not spillover.israel_joins';
const CLOSURE = 'iran_resp.hormuz_closure';
const PUBLIC_DEAL = 'state.deal_reached == 1 and state.deal_public == 1';

export function checkFeatures(): string[] {
  return [
    SINGLE_WAVE,
    'us_struck_soil',
    CLOSURE,
    PUBLIC_DEAL,
    'state.deal_denied == 1',
    'oil_price_change_pct',
  ];
}

/** The reference leaves of bound B19 (design §6): one path each, types and moves given. */
export const REFERENCE_US: Record<string, string> = {
  us_resolve: 'resolved',
  iran_stance: 'calibrated',
  talks_intent: 'risk_control',
  us_open: 'offer_nuclear_public',
  iran_resp: 'deny_ambiguity',
  us_counter: 'restrain_talk',
  iran_counter: 'settle',
};
export const REFERENCE_IRAN: Record<string, string> = {
  us_resolve: 'resolved',
  iran_stance: 'widening',
  talks_intent: 'risk_control',
  us_open: 'limited_strike',
  strike_effect: 'as_planned',
  perception: 'read_as_intended',
  iran_resp: 'absorb',
  us_counter: 'restrain_talk',
  iran_counter: 'settle',
};

export interface ChecksDraw {
  /** B17: max state.neutralisation on single-wave strike leaves (< 0.9). */
  readonly maxSingleWaveNeutralisation: number;
  /** B18: min over single-wave leaves of the US residual_floor part / k_residual (≥ 0.11). */
  readonly minFloorRatio: number;
  /** B18: min residual_floor part on leaves where the US struck Iranian soil (> 0). */
  readonly minFloorStruck: number;
  /** B20: min insurance_rate and min oil price change on leaves with iran_resp.hormuz_closure. */
  readonly minClosureInsurance: number;
  readonly minClosureOilChange: number;
  /** B20: max |oil price change| on deal leaves (= 0). */
  readonly maxDealOilChange: number;
  /** B21: max Iran C_reputation.denial part where the deal was denied (< 0); min validation part on public deals (> 0). */
  readonly maxDenialPart: number;
  readonly minValidationPart: number;
  /** Leaves in no outcome class or in several (0). */
  readonly unclassifiedLeaves: number;
  /** B19: us.C_reputation at R_us, iran.C_reputation at R_ir. */
  readonly usReputationAtReference: number;
  readonly iranReputationAtReference: number;
  /** B19: the volatility multipliers drawn. */
  readonly usRepScale: number;
  readonly usOppScale: number;
  readonly iranRepScale: number;
}

function componentIndex(frame: LeafFrame, actor: string, term: string, part: string): number {
  const m = frame.cg.model;
  const i = m.components.findIndex((c) => m.actors[c.actor] === actor && c.term === term && c.part === part);
  if (i < 0) throw new Error(`internal: no payoff part ${actor}.${term}.${part}`);
  return i;
}

// Per tree (the histories are shared by its draws) and reference path: its leaf, found once.
const referenceLeaves = new WeakMap<Int16Array, Map<string, number>>();

/** The only leaf whose path takes the given choices. */
export function referenceLeaf(frame: LeafFrame, path: Record<string, string>): number {
  let byPath = referenceLeaves.get(frame.history);
  if (!byPath) {
    byPath = new Map();
    referenceLeaves.set(frame.history, byPath);
  }
  const key = JSON.stringify(path);
  let leaf = byPath.get(key);
  if (leaf === undefined) {
    leaf = findReferenceLeaf(frame, path);
    byPath.set(key, leaf);
  }
  return leaf;
}

function findReferenceLeaf(frame: LeafFrame, path: Record<string, string>): number {
  const S = frame.steps.length;
  const want = Object.entries(path).map(
    ([step, id]) => [stepIndex(frame, step), choiceIndex(frame.cg.model, step, id)] as const,
  );
  const found: number[] = [];
  for (let l = 0; l < frame.count; l++)
    if (want.every(([s, c]) => frame.history[l * S + s] === c)) found.push(l);
  if (found.length !== 1) throw new Error(`internal: ${found.length} leaves match the reference path`);
  return found[0]!;
}

function worst(
  frame: LeafFrame,
  mask: Uint8Array,
  value: (leaf: number) => number,
  pick: 'min' | 'max',
): number {
  let out = pick === 'min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  for (let l = 0; l < frame.count; l++) {
    if (!mask[l]) continue;
    const v = value(l);
    out = pick === 'min' ? Math.min(out, v) : Math.max(out, v);
  }
  return out;
}

export function measureChecks(
  frame: LeafFrame,
  classes: Int8Array,
  params: Record<string, number>,
): ChecksDraw {
  const { leaves, model } = frame.cg;
  const nc = model.components.length;
  const ns = model.stateVars.length;
  const np = model.actors.length;
  const stateAt = (name: string) => {
    const k = model.stateVars.findIndex((s) => s.name === name);
    return (l: number) => leaves.state[l * ns + k]!;
  };
  const part = (actor: string, term: string, name: string) => {
    const k = componentIndex(frame, actor, term, name);
    return (l: number) => leaves.parts[l * nc + k]!;
  };
  const single = truthOf(column(frame, SINGLE_WAVE));
  const struck = truthOf(column(frame, 'us_struck_soil'));
  const closure = truthOf(column(frame, CLOSURE));
  const publicDeal = truthOf(column(frame, PUBLIC_DEAL));
  const denied = truthOf(column(frame, 'state.deal_denied == 1'));
  const oil = column(frame, 'oil_price_change_pct');
  const deal = classMask(classes, classIndex('deal'));
  const floor = part('us', 'C_kinetic', 'residual_floor');
  const reputation = (actor: string, leaf: number) =>
    leaves.terms[(leaf * np + model.actors.indexOf(actor)) * 4 + 2]!;
  let unclassified = 0;
  for (let l = 0; l < frame.count; l++) if (classes[l]! < 0) unclassified++;
  return {
    maxSingleWaveNeutralisation: worst(frame, single, stateAt('neutralisation'), 'max'),
    minFloorRatio: worst(frame, single, (l) => floor(l) / params.k_residual!, 'min'),
    minFloorStruck: worst(frame, struck, floor, 'min'),
    minClosureInsurance: worst(frame, closure, stateAt('insurance_rate'), 'min'),
    minClosureOilChange: worst(frame, closure, (l) => oil[l]!, 'min'),
    maxDealOilChange: worst(frame, deal, (l) => Math.abs(oil[l]!), 'max'),
    maxDenialPart: worst(frame, denied, part('iran', 'C_reputation', 'denial'), 'max'),
    minValidationPart: worst(frame, publicDeal, part('iran', 'C_reputation', 'validation'), 'min'),
    unclassifiedLeaves: unclassified,
    usReputationAtReference: reputation('us', referenceLeaf(frame, REFERENCE_US)),
    iranReputationAtReference: reputation('iran', referenceLeaf(frame, REFERENCE_IRAN)),
    usRepScale: params.us_rep_scale!,
    usOppScale: params.us_opp_scale!,
    iranRepScale: params.iran_rep_scale!,
  };
}

// ---- across draws -------------------------------------------------------------------------------

export interface ChecksResult {
  readonly maxSingleWaveNeutralisation: number;
  readonly minFloorRatio: number;
  readonly minFloorStruck: number;
  readonly minClosureInsurance: number;
  readonly minClosureOilChange: number;
  readonly maxDealOilChange: number;
  readonly maxDenialPart: number;
  readonly minValidationPart: number;
  readonly unclassifiedLeaves: number;
  /** B19: coefficients of variation across draws. */
  readonly cv: {
    readonly usRepScale: number;
    readonly usOppScale: number;
    readonly iranRepScale: number;
    readonly usReputationAtReference: number;
    readonly iranReputationAtReference: number;
  };
}

export function aggregateChecks(
  draws: readonly ChecksDraw[],
  cv: (values: number[]) => number,
): ChecksResult {
  const max = (f: (c: ChecksDraw) => number) => Math.max(...draws.map(f));
  const min = (f: (c: ChecksDraw) => number) => Math.min(...draws.map(f));
  return {
    maxSingleWaveNeutralisation: max((c) => c.maxSingleWaveNeutralisation),
    minFloorRatio: min((c) => c.minFloorRatio),
    minFloorStruck: min((c) => c.minFloorStruck),
    minClosureInsurance: min((c) => c.minClosureInsurance),
    minClosureOilChange: min((c) => c.minClosureOilChange),
    maxDealOilChange: max((c) => c.maxDealOilChange),
    maxDenialPart: max((c) => c.maxDenialPart),
    minValidationPart: min((c) => c.minValidationPart),
    unclassifiedLeaves: max((c) => c.unclassifiedLeaves),
    cv: {
      usRepScale: cv(draws.map((c) => c.usRepScale)),
      usOppScale: cv(draws.map((c) => c.usOppScale)),
      iranRepScale: cv(draws.map((c) => c.iranRepScale)),
      usReputationAtReference: cv(draws.map((c) => c.usReputationAtReference)),
      iranReputationAtReference: cv(draws.map((c) => c.iranReputationAtReference)),
    },
  };
}
