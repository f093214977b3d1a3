// What every solved game (the baseline or a policy) reports for one draw: outcome classes and
// flags, the expected outcome state, oil and shipping figures, and every actor's payoff terms and
// parts, overall and per outcome class. The questions and the cost report read these records.
import { PAYOFF_TERMS } from '../scenario/schema.js';
import { type LeafFrame, column, expectation, truthOf } from './leaf-frame.js';
import { OUTCOME_CLASSES, type OutcomeDraw, measureOutcomes } from './outcomes.js';
import { weightedQuantiles } from './stats.js';

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

/**
 * Conditional expectations of a leaf-major table (rows of `width` values) given each outcome class,
 * and overall, in one pass: [class 0..5, then all leaves][column]; NaN for a class without probability.
 */
function byClassTable(
  frame: LeafFrame,
  classes: Int8Array,
  width: number,
  row: (leaf: number, out: Float64Array) => void,
): number[][] {
  const K = OUTCOME_CLASSES.length;
  const sums = Array.from({ length: K + 1 }, () => new Float64Array(width));
  const mass = new Float64Array(K + 1);
  const buf = new Float64Array(width);
  for (let l = 0; l < frame.count; l++) {
    const w = frame.prob[l]!;
    if (w === 0) continue;
    row(l, buf);
    const k = classes[l]!;
    mass[K]! += w;
    const all = sums[K]!;
    for (let c = 0; c < width; c++) all[c]! += w * buf[c]!;
    if (k < 0) continue;
    mass[k]! += w;
    const own = sums[k]!;
    for (let c = 0; c < width; c++) own[c]! += w * buf[c]!;
  }
  return sums.map((s, k) => Array.from(s, (v) => (mass[k]! > 0 ? v / mass[k]! : Number.NaN)));
}

/** [class or all][actor][term]: the 4 payoff terms and U. */
function termTables(frame: LeafFrame, classes: Int8Array): number[][][] {
  const { leaves, model } = frame.cg;
  const np = model.actors.length;
  const nt = PAYOFF_TERMS.length;
  const flat = byClassTable(frame, classes, np * (nt + 1), (l, out) => {
    for (let a = 0; a < np; a++) {
      for (let t = 0; t < nt; t++) out[a * (nt + 1) + t] = leaves.terms[(l * np + a) * nt + t]!;
      out[a * (nt + 1) + nt] = leaves.payoff[l * np + a]!;
    }
  });
  return flat.map((r) => model.actors.map((_, a) => r.slice(a * (nt + 1), (a + 1) * (nt + 1))));
}

/** [class or all][part]. */
function partTables(frame: LeafFrame, classes: Int8Array): number[][] {
  const { leaves, model } = frame.cg;
  const nc = model.components.length;
  return byClassTable(frame, classes, nc, (l, out) => {
    for (let c = 0; c < nc; c++) out[c] = leaves.parts[l * nc + c]!;
  });
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

export function measurePolicy(frame: LeafFrame, classes: Int8Array): PolicyDraw {
  const K = OUTCOME_CLASSES.length;
  const oilCols = OIL_MEASURES.map((m) => column(frame, m.formula));
  const oil = byClassTable(frame, classes, oilCols.length, (l, out) => {
    for (let c = 0; c < oilCols.length; c++) out[c] = oilCols[c]![l]!;
  });
  const terms = termTables(frame, classes);
  const parts = partTables(frame, classes);
  const brent = column(frame, 'brent_usd');
  const denied = truthOf(column(frame, 'state.deal_denied == 1'));
  const strikeNow = truthOf(column(frame, 'us_counter.strike_now'));
  return {
    outcomes: measureOutcomes(frame, classes),
    state: stateExpectations(frame),
    oil: oil[K]!,
    oilByClass: oil.slice(0, K),
    brentAbove: BRENT_THRESHOLDS.map((b) => expectation(frame, (l) => (brent[l]! > b ? 1 : 0))),
    oilQuantiles: weightedQuantiles(oilCols[1]!, frame.prob, OIL_QUANTILES),
    terms: terms[K]!,
    termsByClass: terms.slice(0, K),
    parts: parts[K]!,
    partsByClass: parts.slice(0, K),
    strikeNowGivenDenied: expectation(frame, strikeNow, denied),
  };
}
