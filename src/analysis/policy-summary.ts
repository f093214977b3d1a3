// What every solved game (the baseline or a policy) reports for one draw: outcome classes and
// flags, the expected outcome state, oil and shipping figures, and every actor's payoff terms and
// parts, overall and per outcome class. The questions and the cost report read these records.
import { PAYOFF_TERMS } from '../scenario/schema.js';
import { type LeafFrame, column, expectation, truthOf } from './leaf-frame.js';
import { OUTCOME_CLASSES, type OutcomeDraw, measureOutcomes } from './outcomes.js';
import { weightedQuantilesFrom } from './stats.js';

/** Oil and shipping figures (design §5.7): the interface the later market model will read. */
export const OIL_MEASURES = [
  { id: 'supply_loss_mbd', label: 'Oil supply lost (mb/d)', formula: 'oil_supply_loss_mbd' },
  { id: 'price_change_pct', label: 'Oil price change (%)', formula: 'oil_price_change_pct' },
  { id: 'brent_usd', label: 'Brent (US$/bbl)', formula: 'brent_usd' },
  { id: 'hormuz_disruption', label: 'Hormuz flow lost (share)', formula: 'state.hormuz_disruption' },
  { id: 'disruption_days', label: 'Disruption (days)', formula: 'state.disruption_days' },
  {
    id: 'red_sea_disruption',
    label: 'Red Sea traffic diverted (share)',
    formula: 'state.red_sea_disruption',
  },
  { id: 'insurance_rate', label: 'War-risk premium (share of hull)', formula: 'state.insurance_rate' },
  { id: 'fronts', label: 'Active fronts', formula: 'fronts' },
] as const;

export const BRENT_THRESHOLDS = [80, 100] as const;
export const OIL_QUANTILES = [0.05, 0.5, 0.95, 0.99] as const;

/** Term labels: PAYOFF_TERMS then the payoff U. */
export const TERM_LABELS = ['gains', 'C_kinetic', 'C_reputation', 'C_opportunity', 'U'] as const;

export function policyFeatures(): string[] {
  return [
    ...OIL_MEASURES.map((m) => m.formula),
    'brent_usd',
    'us_counter.strike_now',
    'state.deal_denied == 1',
  ];
}

export interface PolicyDraw {
  readonly outcomes: OutcomeDraw;
  /** E[state var], Model.stateVars order. */
  readonly state: number[];
  /** E[measure], OIL_MEASURES order. */
  readonly oil: number[];
  /** [class][measure]: E[measure | class], NaN when the class has no probability. */
  readonly oilByClass: number[][];
  /** P(Brent above each of BRENT_THRESHOLDS). */
  readonly brentAbove: number[];
  /** ρ-weighted quantiles (OIL_QUANTILES) of the oil price change over leaves. */
  readonly oilQuantiles: number[];
  /** [actor][term]: E[gains], E[C_kinetic], E[C_reputation], E[C_opportunity], E[U]. */
  readonly terms: number[][];
  /** [class][actor][term], NaN when the class has no probability. */
  readonly termsByClass: number[][][];
  /** E[part], Model.components order. */
  readonly parts: number[];
  /** [class][part]. */
  readonly partsByClass: number[][];
  /** P(us_counter.strike_now | deal denied): executing the aborted strike (003). */
  readonly strikeNowGivenDenied: number;
}

/** A leaf-major block of per-leaf values: values[leaf * width + c] for c < width. */
interface Block {
  readonly values: Float64Array;
  readonly width: number;
}

/**
 * Conditional expectations of leaf-major blocks given each outcome class, and overall, in one pass
 * over the leaves for all blocks: per block, [class 0..5, then all leaves][column]; NaN for a class
 * without probability. Each sum adds its leaves in leaf order, as a pass of its own would.
 */
function byClassBlocks(frame: LeafFrame, classes: Int8Array, blocks: readonly Block[]): number[][][] {
  const K = OUTCOME_CLASSES.length;
  // sums[b][k * width + c]: Σ ρ·x over the leaves of class k (k = K: all leaves; k = K + 1: the
  // leaves in no class, a row that is dropped).
  const sums = blocks.map((b) => new Float64Array((K + 2) * b.width));
  const mass = new Float64Array(K + 1);
  for (let l = 0; l < frame.count; l++) {
    const w = frame.prob[l]!;
    if (w === 0) continue;
    const k = classes[l]!;
    mass[K]! += w;
    if (k >= 0) mass[k]! += w;
    for (let b = 0; b < blocks.length; b++) {
      const { values, width } = blocks[b]!;
      addRow(sums[b]!, K * width, (k >= 0 ? k : K + 1) * width, values, l * width, width, w);
    }
  }
  return blocks.map((b, i) =>
    Array.from({ length: K + 1 }, (_, k) =>
      Array.from(sums[i]!.subarray(k * b.width, (k + 1) * b.width), (v) =>
        mass[k]! > 0 ? v / mass[k]! : Number.NaN,
      ),
    ),
  );
}

/** acc[all + c] += w·x and acc[own + c] += w·x for the row x = values[from ..] (w·x taken once). */
function addRow(
  acc: Float64Array,
  all: number,
  own: number,
  values: Float64Array,
  from: number,
  width: number,
  w: number,
): void {
  for (let c = 0; c < width; c++) {
    const y = w * values[from + c]!;
    acc[all + c]! += y;
    acc[own + c]! += y;
  }
}

/** The oil measures' columns as one leaf-major block (the frame keeps one column per formula). */
function oilBlock(frame: LeafFrame): Block {
  const cols = OIL_MEASURES.map((m) => column(frame, m.formula));
  const width = cols.length;
  const values = new Float64Array(frame.count * width);
  for (let c = 0; c < width; c++) {
    const col = cols[c]!;
    for (let l = 0; l < frame.count; l++) values[l * width + c] = col[l]!;
  }
  return { values, width };
}

function stateExpectations(frame: LeafFrame): number[] {
  const { leaves, model } = frame.cg;
  const ns = model.stateVars.length;
  const out = new Array<number>(ns).fill(0);
  for (let l = 0; l < frame.count; l++) {
    const w = frame.prob[l]!;
    if (w === 0) continue;
    for (let s = 0; s < ns; s++) out[s]! += w * leaves.state[l * ns + s]!;
  }
  return out;
}

// Per tree: the leaves in order of the oil price change at the last draw, where the next draw's
// sort starts (the order changes little between draws; the quantiles do not depend on it).
const oilOrders = new WeakMap<Int16Array, number[]>();

function oilQuantiles(frame: LeafFrame): number[] {
  const values = column(frame, OIL_MEASURES[1].formula);
  const { quantiles, order } = weightedQuantilesFrom(
    values,
    frame.prob,
    OIL_QUANTILES,
    oilOrders.get(frame.history),
  );
  oilOrders.set(frame.history, order);
  return quantiles;
}

export function measurePolicy(frame: LeafFrame, classes: Int8Array): PolicyDraw {
  const K = OUTCOME_CLASSES.length;
  const { leaves, model } = frame.cg;
  const np = model.actors.length;
  const nt = PAYOFF_TERMS.length;
  const [oil, termRows, payoffRows, parts] = byClassBlocks(frame, classes, [
    oilBlock(frame),
    { values: leaves.terms, width: np * nt },
    { values: leaves.payoff, width: np },
    { values: leaves.parts, width: model.components.length },
  ]) as [number[][], number[][], number[][], number[][]];
  // [class or all][actor][term]: the 4 payoff terms, then U.
  const terms = termRows.map((r, k) =>
    model.actors.map((_, a) => [...r.slice(a * nt, (a + 1) * nt), payoffRows[k]![a]!]),
  );
  const brent = column(frame, 'brent_usd');
  const denied = truthOf(column(frame, 'state.deal_denied == 1'));
  const strikeNow = truthOf(column(frame, 'us_counter.strike_now'));
  return {
    outcomes: measureOutcomes(frame, classes),
    state: stateExpectations(frame),
    oil: oil[K]!,
    oilByClass: oil.slice(0, K),
    brentAbove: BRENT_THRESHOLDS.map((b) => expectation(frame, (l) => (brent[l]! > b ? 1 : 0))),
    oilQuantiles: oilQuantiles(frame),
    terms: terms[K]!,
    termsByClass: terms.slice(0, K),
    parts: parts[K]!,
    partsByClass: parts.slice(0, K),
    strikeNowGivenDenied: expectation(frame, strikeNow, denied),
  };
}
