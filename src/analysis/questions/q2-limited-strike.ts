// Q2 (seeds 000, 002): is a limited strike rational against a declared broad-response doctrine,
// and which of seed 000's three conditions fail? Design §5.3: the value of the limited strike at
// each US information set (its action value against the best option and against pressure), and the
// three conditions, each over the US's belief about Iran's stance and conditional on each stance.

import { type LeafFrame, both, choiceIndex, column, expectation, stepIndex, took } from '../leaf-frame.js';
import { OUTCOME_CLASSES, classIndex, classMask } from '../outcomes.js';
import type { Section } from '../report/document.js';
import { formatProbability, formatUtility } from '../report/format.js';
import { type RunResult, baselineDetail } from '../run-draws.js';
import { type Stat, ratio, statOf } from '../stats.js';
import { INTENTS, RESOLVES } from './q1-talks-intent.js';

export const Q2_QUESTION =
  '“For the United States, a limited strike is only meaningful if three conditions are met: the ability to contain the opponent’s response, reasonable confidence that the scope of conflict will remain limited, and a clear operational gain.” (000_abdd5ea25a2e5bad.txt)';

/**
 * Thresholds of the three conditions (design §4.6). All rest on the sentence quoted above, seed
 * 000_abdd5ea25a2e5bad.txt: "the ability to contain the opponent’s response" (τ_contain),
 * "reasonable confidence that the scope of conflict will remain limited" (τ_scope), "a clear
 * operational gain" (τ_gain).
 */
export const TAU_CONTAIN = 0.6;
export const TAU_SCOPE = 0.9;
export const TAU_GAIN = 0.05;
/** EU(limited) within this of the best option, for some US type, counts as a candidate choice. */
export const NEAR_BEST = 0.05;

const CONTAINED =
  '(iran_resp.absorb or iran_resp.deny_ambiguity or iran_resp.symbolic_retaliation or iran_resp.proxy_activation) and not iran_counter.escalate_further';
const SCOPE_KEPT = 'not outcome_regional_war and not outcome_hormuz_disruption';

export function q2Features(): string[] {
  return [CONTAINED, SCOPE_KEPT];
}

export const STANCE_VIEWS = ['belief', 'widening', 'calibrated'] as const;
export type StanceView = (typeof STANCE_VIEWS)[number];

export interface Conditions {
  /** c1: P(response contained | limited strike). */
  readonly c1: number;
  /** c2: P(no regional war and no Hormuz disruption | limited strike). */
  readonly c2: number;
  /** c3: E[us.gains | limited strike] − E[us.gains | pressure]. */
  readonly c3: number;
}

export interface Q2Draw {
  /** P(us_resolve, talks_intent): [resolve][intent]. */
  readonly typeProb: number[][];
  /** Action values Q(a) = E[U_us | type, us_open = a]: [resolve][intent][opening]. */
  readonly actionValue: number[][][];
  /** P(limited_strike | type). */
  readonly limitedProb: number[][];
  /** Σ_type P(type) (Q(limited) − Q(pressure)). */
  readonly gapPressure: number;
  /** Per US payoff part: Σ_type P(type) (E[part | type, limited] − E[part | type, pressure]), signed as a utility (costs negative). */
  readonly partGap: number[];
  readonly conditions: Record<StanceView, Conditions>;
  /** P(regional war | limited, widening), P(… | limited, calibrated), P(… | pressure). */
  readonly warLimitedWidening: number;
  readonly warLimitedCalibrated: number;
  readonly warPressure: number;
  /** EU(limited) within NEAR_BEST of the best opening for some US type, and all three conditions hold (over the belief). */
  readonly rational: boolean;
}

/** Per tree (the histories are shared by its draws): each leaf's (resolve, intent, opening) cell. */
const cellCache = new WeakMap<Int16Array, Int32Array>();

function typeOpeningCells(frame: LeafFrame): Int32Array {
  const known = cellCache.get(frame.history);
  if (known && known.length === frame.count) return known;
  const model = frame.cg.model;
  const S = frame.steps.length;
  const sr = stepIndex(frame, 'us_resolve');
  const sk = stepIndex(frame, 'talks_intent');
  const sa = stepIndex(frame, 'us_open');
  const nk = model.types[sk]!.values.length;
  const na = model.stages.find((s) => s.id === 'us_open')!.choices.length;
  const cells = new Int32Array(frame.count);
  for (let l = 0; l < frame.count; l++) {
    const h = l * S;
    cells[l] = (frame.history[h + sr]! * nk + frame.history[h + sk]!) * na + frame.history[h + sa]!;
  }
  cellCache.set(frame.history, cells);
  return cells;
}

/** A per-leaf quantity read from a leaf-major table: values[leaf * stride + offset]. */
interface LeafValue {
  readonly values: Float64Array;
  readonly stride: number;
  readonly offset: number;
}

/**
 * Σ ρ per (resolve, intent, opening) cell, and Σ ρ·x per cell for each quantity x: one pass over
 * the leaves for all of them (each sum adds its leaves in the same order as a pass of its own).
 */
function typeOpeningSums(
  frame: LeafFrame,
  xs: readonly LeafValue[],
): { mass: Float64Array; sums: Float64Array[] } {
  const model = frame.cg.model;
  const nk = model.types.find((t) => t.id === 'talks_intent')!.values.length;
  const na = model.stages.find((s) => s.id === 'us_open')!.choices.length;
  const size = model.types.find((t) => t.id === 'us_resolve')!.values.length * nk * na;
  const cells = typeOpeningCells(frame);
  const mass = new Float64Array(size);
  const sums = xs.map(() => new Float64Array(size));
  for (let l = 0; l < frame.count; l++) {
    const cell = cells[l]!;
    if (cell < 0) continue;
    const w = frame.prob[l]!;
    mass[cell]! += w;
    if (w === 0) continue;
    for (let j = 0; j < xs.length; j++) {
      const x = xs[j]!;
      sums[j]![cell]! += w * x.values[l * x.stride + x.offset]!;
    }
  }
  return { mass, sums };
}

function conditions(
  frame: LeafFrame,
  limited: Uint8Array,
  pressure: Uint8Array,
  stance?: Uint8Array,
): Conditions {
  const and = (a: Uint8Array, b?: Uint8Array) => (b ? both(a, b) : a);
  const us = frame.cg.model.actors.indexOf('us');
  const np = frame.cg.model.actors.length;
  const gains = (l: number) => frame.cg.leaves.terms[(l * np + us) * 4]!;
  const L = and(limited, stance);
  const P = and(pressure, stance);
  return {
    c1: expectation(frame, column(frame, CONTAINED), L),
    c2: expectation(frame, column(frame, SCOPE_KEPT), L),
    c3: expectation(frame, gains, L) - expectation(frame, gains, P),
  };
}

export function measureQ2(frame: LeafFrame, classes: Int8Array): Q2Draw {
  const model = frame.cg.model;
  const { leaves } = frame.cg;
  const us = model.actors.indexOf('us');
  const np = model.actors.length;
  const nc = model.components.length;
  const limitedIdx = choiceIndex(model, 'us_open', 'limited_strike');
  const pressureIdx = choiceIndex(model, 'us_open', 'pressure');
  const resolveIds = model.types.find((t) => t.id === 'us_resolve')!.values;
  const intentIds = model.types.find((t) => t.id === 'talks_intent')!.values;
  const nk = intentIds.length;
  const na = model.stages.find((s) => s.id === 'us_open')!.choices.length;
  const usParts = model.components.map((c, i) => ({ c, i })).filter((x) => x.c.actor === us);
  const all = typeOpeningSums(frame, [
    { values: leaves.payoff, stride: np, offset: us },
    ...usParts.map(({ i }) => ({ values: leaves.parts, stride: nc, offset: i })),
  ]);
  const payoff = { mass: all.mass, sum: all.sums[0]! };
  const cellOf = (r: number, k: number, a: number) => (r * nk + k) * na + a;
  const typeMass = (r: number, k: number) => {
    let s = 0;
    for (let a = 0; a < na; a++) s += payoff.mass[cellOf(r, k, a)]!;
    return s;
  };
  const order = RESOLVES.map((r) => resolveIds.indexOf(r));
  const korder = INTENTS.map((k) => intentIds.indexOf(k));
  const typeProb = order.map((r) => korder.map((k) => typeMass(r, k)));
  const actionValue = order.map((r) =>
    korder.map((k) =>
      Array.from({ length: na }, (_, a) =>
        ratio(payoff.sum[cellOf(r, k, a)]!, payoff.mass[cellOf(r, k, a)]!),
      ),
    ),
  );
  const limitedProb = order.map((r) =>
    korder.map((k) => ratio(payoff.mass[cellOf(r, k, limitedIdx)]!, typeMass(r, k))),
  );
  let gapPressure = 0;
  order.forEach((_, ri) => {
    korder.forEach((_, ki) => {
      const q = actionValue[ri]![ki]!;
      gapPressure += typeProb[ri]![ki]! * (q[limitedIdx]! - q[pressureIdx]!);
    });
  });
  const partGap = usParts.map(({ c }, j) => {
    const sums = { mass: all.mass, sum: all.sums[j + 1]! };
    let gap = 0;
    for (const r of order)
      for (const k of korder) {
        const w = typeMass(r, k);
        const dl = ratio(sums.sum[cellOf(r, k, limitedIdx)]!, sums.mass[cellOf(r, k, limitedIdx)]!);
        const dp = ratio(sums.sum[cellOf(r, k, pressureIdx)]!, sums.mass[cellOf(r, k, pressureIdx)]!);
        gap += w * (dl - dp);
      }
    return c.term === 'gains' ? gap : -gap;
  });
  const limited = took(frame, 'us_open', 'limited_strike');
  const pressure = took(frame, 'us_open', 'pressure');
  const widening = took(frame, 'iran_stance', 'widening');
  const calibrated = took(frame, 'iran_stance', 'calibrated');
  const war = classMask(classes, classIndex('regional_war'));
  const and = both;
  const cond = {
    belief: conditions(frame, limited, pressure),
    widening: conditions(frame, limited, pressure, widening),
    calibrated: conditions(frame, limited, pressure, calibrated),
  };
  const nearBest = actionValue.some((row) =>
    row.some((q) => q[limitedIdx]! >= Math.max(...q.filter((v) => !Number.isNaN(v))) - NEAR_BEST),
  );
  const holds = (c: Conditions) => c.c1 >= TAU_CONTAIN && c.c2 >= TAU_SCOPE && c.c3 >= TAU_GAIN;
  return {
    typeProb,
    actionValue,
    limitedProb,
    gapPressure,
    partGap,
    conditions: cond,
    warLimitedWidening: expectation(frame, war, and(limited, widening)),
    warLimitedCalibrated: expectation(frame, war, and(limited, calibrated)),
    warPressure: expectation(frame, war, pressure),
    rational: nearBest && holds(cond.belief),
  };
}

// ---- across draws -------------------------------------------------------------------------------

export interface ConditionStats {
  readonly c1: Stat;
  readonly c2: Stat;
  readonly c3: Stat;
  /** Share of draws in which each condition fails (c1 < τ_contain, c2 < τ_scope, c3 < τ_gain). */
  readonly failShare: { readonly c1: number; readonly c2: number; readonly c3: number };
}

export interface Q2Result {
  readonly openings: string[];
  readonly usParts: string[];
  readonly actionValue: Stat[][][];
  readonly gapBest: Stat[][];
  readonly limitedProb: Stat[][];
  readonly gapPressure: Stat;
  readonly partGap: Stat[];
  readonly conditions: Record<StanceView, ConditionStats>;
  readonly warLimitedWidening: Stat;
  readonly warLimitedCalibrated: Stat;
  readonly warPressure: Stat;
  readonly rationalShare: number;
  /** Outcome classes and E[U_us] under the policies limited_strike_first and pressure_first. */
  readonly counterfactual: { policy: string; classes: Stat[]; usPayoff: Stat }[];
  readonly answer: string;
}

export function aggregateQ2(run: RunResult): Q2Result {
  const d = run.records.map((r) => baselineDetail(r).q2);
  const model = run.model;
  const openings = model.stages.find((s) => s.id === 'us_open')!.choices.map((c) => c.id);
  const limitedIdx = openings.indexOf('limited_strike');
  const us = model.actors.indexOf('us');
  const usParts = model.components.filter((c) => c.actor === us).map((c) => `${c.term}.${c.part || c.term}`);
  const condStats = (view: StanceView): ConditionStats => {
    const cs = d.map((x) => x.conditions[view]);
    const share = (f: (c: Conditions) => boolean) => cs.filter(f).length / Math.max(1, cs.length);
    return {
      c1: statOf(cs, (c) => c.c1),
      c2: statOf(cs, (c) => c.c2),
      c3: statOf(cs, (c) => c.c3),
      failShare: {
        c1: share((c) => !(c.c1 >= TAU_CONTAIN)),
        c2: share((c) => !(c.c2 >= TAU_SCOPE)),
        c3: share((c) => !(c.c3 >= TAU_GAIN)),
      },
    };
  };
  const conditions = {
    belief: condStats('belief'),
    widening: condStats('widening'),
    calibrated: condStats('calibrated'),
  };
  const rationalShare = d.filter((x) => x.rational).length / Math.max(1, d.length);
  const failed = (['c1', 'c2', 'c3'] as const).filter((c) => conditions.belief.failShare[c] >= 0.5);
  const names = { c1: 'containing the response', c2: 'limited scope', c3: 'a clear operational gain' };
  const answer =
    rationalShare >= 0.5
      ? `rational in ${formatProbability(rationalShare)} of draws`
      : `not rational (in ${formatProbability(1 - rationalShare)} of draws); failing in most draws: ${failed.length ? failed.map((c) => `${c} (${names[c]})`).join(', ') : 'none of the three conditions alone (the value gap decides)'}`;
  return {
    openings,
    usParts,
    actionValue: RESOLVES.map((_, r) =>
      INTENTS.map((_, k) => openings.map((_, a) => statOf(d, (x) => x.actionValue[r]![k]![a]!))),
    ),
    gapBest: RESOLVES.map((_, r) =>
      INTENTS.map((_, k) =>
        statOf(d, (x) => {
          const q = x.actionValue[r]![k]!;
          return q[limitedIdx]! - Math.max(...q.filter((v) => !Number.isNaN(v)));
        }),
      ),
    ),
    limitedProb: RESOLVES.map((_, r) => INTENTS.map((_, k) => statOf(d, (x) => x.limitedProb[r]![k]!))),
    gapPressure: statOf(d, (x) => x.gapPressure),
    partGap: usParts.map((_, i) => statOf(d, (x) => x.partGap[i]!)),
    conditions,
    warLimitedWidening: statOf(d, (x) => x.warLimitedWidening),
    warLimitedCalibrated: statOf(d, (x) => x.warLimitedCalibrated),
    warPressure: statOf(d, (x) => x.warPressure),
    rationalShare,
    counterfactual: ['limited_strike_first', 'pressure_first'].map((policy) => ({
      policy,
      classes: OUTCOME_CLASSES.map((_, k) =>
        statOf(run.records, (r) => r.policies[policy]!.outcomes.classes[k]!),
      ),
      usPayoff: statOf(run.records, (r) => r.policies[policy]!.terms[us]![4]!),
    })),
    answer,
  };
}

const pct = (s: Stat) => formatProbability(s.mean);
const ut = (s: Stat) => formatUtility(s.mean);
const utI = (s: Stat) => `${formatUtility(s.mean)} [${formatUtility(s.low)}, ${formatUtility(s.high)}]`;

export function q2Section(r: Q2Result): Section {
  const views: [StanceView, string][] = [
    ['belief', 'over the US belief about the stance'],
    ['widening', 'against the widening type (doctrine binds)'],
    ['calibrated', 'against the calibrated type'],
  ];
  return {
    id: 'q2-limited-strike',
    title: 'Q2. Is a limited strike rational against a broad-response doctrine?',
    question: Q2_QUESTION,
    blocks: [
      { kind: 'paragraph', text: `Answer: ${r.answer}.` },
      {
        kind: 'figure',
        label: 'EU(limited strike) − EU(pressure), US types weighted',
        value: r.gapPressure.mean,
        format: 'utility',
        interval: [r.gapPressure.low, r.gapPressure.high],
        trace:
          'Σ_{us_resolve, talks_intent} P(type) (E[us.payoff | type, us_open.limited_strike] − E[us.payoff | type, us_open.pressure]); action values of the QRE',
      },
      {
        kind: 'figure',
        label: 'P(regional war | limited strike, widening)',
        value: r.warLimitedWidening.mean,
        format: 'probability',
        interval: [r.warLimitedWidening.low, r.warLimitedWidening.high],
        trace: 'E[outcome_regional_war | us_open.limited_strike, iran_stance.widening]',
      },
      {
        kind: 'figure',
        label: 'P(regional war | limited strike, calibrated)',
        value: r.warLimitedCalibrated.mean,
        format: 'probability',
        interval: [r.warLimitedCalibrated.low, r.warLimitedCalibrated.high],
        trace: 'E[outcome_regional_war | us_open.limited_strike, iran_stance.calibrated]',
      },
      {
        kind: 'figure',
        label: 'P(regional war | pressure)',
        value: r.warPressure.mean,
        format: 'probability',
        interval: [r.warPressure.low, r.warPressure.high],
        trace: 'E[outcome_regional_war | us_open.pressure]',
      },
      {
        kind: 'table',
        caption: `Seed 000's three conditions (thresholds: c1 ≥ ${TAU_CONTAIN}, c2 ≥ ${TAU_SCOPE}, c3 ≥ ${TAU_GAIN} u), mean over draws and share of draws in which each fails.`,
        columns: ['view', 'c1 contain', 'fails', 'c2 scope', 'fails', 'c3 gain (u)', 'fails'],
        rows: views.map(([v, label]) => {
          const c = r.conditions[v];
          return [
            label,
            pct(c.c1),
            formatProbability(c.failShare.c1),
            pct(c.c2),
            formatProbability(c.failShare.c2),
            ut(c.c3),
            formatProbability(c.failShare.c3),
          ];
        }),
        trace: `c1 = P(${CONTAINED} | us_open.limited_strike [, stance]); c2 = P(${SCOPE_KEPT} | us_open.limited_strike [, stance]); c3 = E[us.gains | limited_strike] − E[us.gains | pressure]; thresholds tau_contain, tau_scope, tau_gain (design §4.6)`,
      },
      {
        kind: 'table',
        caption:
          'Value of the limited strike at each US information set: gap to the best opening, and how often it is chosen.',
        columns: ['US type', 'EU(limited) − EU(best)', 'P(limited strike)'],
        rows: RESOLVES.flatMap((res, ri) =>
          INTENTS.map((k, ki) => [`${res}, ${k}`, utI(r.gapBest[ri]![ki]!), pct(r.limitedProb[ri]![ki]!)]),
        ),
        trace: 'Q(a) = E[us.payoff | us_resolve, talks_intent, us_open = a]; QRE σ_US(limited_strike | type)',
      },
      {
        kind: 'table',
        caption:
          'Where the gap EU(limited) − EU(pressure) comes from: each US payoff part, as a utility (costs negative).',
        columns: ['payoff part', 'contribution (u)'],
        rows: r.usParts
          .map((p, i) => [p, r.partGap[i]!] as const)
          .filter(([, s]) => Math.abs(s.mean) >= 0.0005)
          .map(([p, s]) => [p, utI(s)]),
        trace:
          'Σ_type P(type) (E[part | type, limited_strike] − E[part | type, pressure]), parts of payoffs.us (§3.1)',
      },
      {
        kind: 'table',
        caption:
          'Counterfactual: the whole outcome distribution when the US must open with a limited strike, or with pressure.',
        columns: ['policy', ...OUTCOME_CLASSES.map((c) => c.label), 'E[U_us]'],
        rows: r.counterfactual.map((c) => [c.policy, ...c.classes.map(pct), ut(c.usPayoff)]),
        trace: 'policies limited_strike_first and pressure_first (scenario policies), same draws',
      },
    ],
  };
}
