// Outcome classes (design §5.1): six mutually exclusive, exhaustive classes written in the scenario
// as named formulas, deal sub-classes, and non-exclusive flags reported beside them.
import { type LeafFrame, column } from './leaf-frame.js';

export interface OutcomeClass {
  readonly id: string;
  readonly label: string;
  /** The scenario's named formula that defines it. */
  readonly formula: string;
}

export const OUTCOME_CLASSES: readonly OutcomeClass[] = [
  { id: 'regional_war', label: 'Regional war', formula: 'outcome_regional_war' },
  { id: 'hormuz_disruption', label: 'Hormuz disruption', formula: 'outcome_hormuz_disruption' },
  { id: 'deal', label: 'Deal', formula: 'outcome_deal' },
  { id: 'strike_then_talks', label: 'Strike, then talks', formula: 'outcome_strike_then_talks' },
  { id: 'contained_exchange', label: 'Contained exchange', formula: 'outcome_contained_exchange' },
  { id: 'coercive_standoff', label: 'Coercive stand-off', formula: 'outcome_coercive_standoff' },
];

export const DEAL_SUBCLASSES: readonly OutcomeClass[] = [
  { id: 'comprehensive', label: 'comprehensive', formula: 'deal_comprehensive' },
  { id: 'nuclear_only', label: 'nuclear-only', formula: 'deal_nuclear_only' },
  { id: 'interim', label: 'interim', formula: 'deal_interim' },
];

export interface Flag {
  readonly id: string;
  readonly label: string;
  readonly formula: string;
}

export const FLAGS: readonly Flag[] = [
  {
    id: 'hormuz_closure',
    label: 'Hormuz closure (≥ 25 % of the flow lost)',
    formula: 'state.hormuz_disruption >= 0.25',
  },
  { id: 'israel_joined', label: 'Israel joins', formula: 'spillover.israel_joins' },
  { id: 'proxies_autonomous', label: 'Proxies escalate on their own', formula: 'spillover.proxies_escalate' },
  { id: 'closure_attempt', label: 'Iran attempts to close Hormuz', formula: 'iran_resp.hormuz_closure' },
  {
    id: 'nuclear_acceleration',
    label: 'Iran accelerates its nuclear programme',
    formula: 'iran_resp.accelerate_nuclear',
  },
  { id: 'misperception', label: 'Iran misreads a limited action', formula: 'perception.misread' },
  { id: 'leak', label: 'A backchannel offer leaks', formula: 'leak.leaked' },
  { id: 'deal_denied', label: 'Iran denies a deal the US announced', formula: 'state.deal_denied == 1' },
  {
    id: 'us_backdown',
    label: 'The US backs down after a denied announcement',
    formula: 'state.us_backdown == 1',
  },
  { id: 'invasion', label: 'US invasion', formula: 'us_open.invasion' },
  { id: 'us_struck_iran', label: 'The US strikes Iran', formula: 'us_struck_iran' },
  { id: 'kinetic_opening', label: 'The US opens with force (rank ≥ 3)', formula: 'us_open.rank >= 3' },
  {
    id: 'talks_then_strike',
    label: 'Talks first, then the strike (strike_now)',
    formula: 'us_open.rank <= 2 and us_counter.strike_now',
  },
  {
    id: 'talks_or_deal',
    label: 'Talks open or a deal at the end',
    formula: 'state.talks_open == 1 or state.deal_reached == 1',
  },
  { id: 'deal_reached', label: 'Any agreement (state.deal_reached)', formula: 'state.deal_reached == 1' },
  {
    id: 'accepted',
    label: 'Iran accepts (accept or accept_revised)',
    formula: 'iran_resp.accept or iran_counter.accept_revised',
  },
  {
    id: 'war_or_hormuz',
    label: 'Regional war or Hormuz disruption',
    formula: 'outcome_regional_war or outcome_hormuz_disruption',
  },
];

/** Formulas the outcome code reads at every leaf. */
export function outcomeFeatures(): string[] {
  return [...OUTCOME_CLASSES, ...DEAL_SUBCLASSES, ...FLAGS].map((c) => c.formula);
}

/**
 * Index into OUTCOME_CLASSES of each leaf; -1 where the six formulas do not single out exactly one
 * class (a scenario error the checks report; the design makes the classes exclusive and exhaustive).
 */
export function leafClasses(frame: LeafFrame): Int8Array {
  const cols = OUTCOME_CLASSES.map((c) => column(frame, c.formula));
  const out = new Int8Array(frame.count);
  for (let l = 0; l < frame.count; l++) {
    let found = -1;
    for (let k = 0; k < cols.length; k++) {
      if (cols[k]![l] === 0) continue;
      found = found === -1 ? k : -2;
    }
    out[l] = found < 0 ? -1 : found;
  }
  return out;
}

/** Leaves of class k as a mask. */
export function classMask(classes: Int8Array, k: number): Uint8Array {
  const out = new Uint8Array(classes.length);
  for (let i = 0; i < classes.length; i++) if (classes[i] === k) out[i] = 1;
  return out;
}

export interface OutcomeDraw {
  /** P(class), OUTCOME_CLASSES order. */
  readonly classes: number[];
  /** P(sub-class), DEAL_SUBCLASSES order (unconditional: they add up to P(deal)). */
  readonly dealSub: number[];
  /** P(flag), FLAGS order. */
  readonly flags: number[];
  /** Probability on leaves that are in no class or in several (0 for a sound scenario). */
  readonly unclassified: number;
}

/**
 * Every figure is E[mask] = Σ_{mask} ρ / Σ ρ, as `expectation` sums it: the leaves outside the mask
 * add ρ·0 = +0 to a sum that starts at +0, which changes nothing, so one pass over the leaves gives
 * all of them exactly (the masses are probabilities: finite).
 */
export function measureOutcomes(frame: LeafFrame, classes: Int8Array): OutcomeDraw {
  const K = OUTCOME_CLASSES.length;
  const truths = [...DEAL_SUBCLASSES, ...FLAGS].map((c) => column(frame, c.formula));
  const classMass = new Float64Array(K);
  const truthMass = new Float64Array(truths.length);
  let total = 0;
  let unclassified = 0;
  for (let l = 0; l < frame.count; l++) {
    const w = frame.prob[l]!;
    total += w;
    if (w === 0) continue;
    const k = classes[l]!;
    if (k >= 0) classMass[k]! += w;
    else unclassified += w;
    for (let f = 0; f < truths.length; f++) {
      const v = truths[f]![l]!;
      if (v !== 0 && !Number.isNaN(v)) truthMass[f]! += w;
    }
  }
  const share = (m: number) => (total > 0 ? m / total : Number.NaN);
  const p = Array.from(classMass, share);
  return {
    classes: p,
    dealSub: Array.from(truthMass.subarray(0, DEAL_SUBCLASSES.length), share),
    flags: Array.from(truthMass.subarray(DEAL_SUBCLASSES.length), share),
    unclassified: share(unclassified),
  };
}

export function flagIndex(id: string): number {
  const i = FLAGS.findIndex((f) => f.id === id);
  if (i < 0) throw new Error(`internal: no flag '${id}'`);
  return i;
}

export function classIndex(id: string): number {
  const i = OUTCOME_CLASSES.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`internal: no outcome class '${id}'`);
  return i;
}
