// Q3 (seed 002): the most likely sequences of moves and the distribution of outcomes. Design §5.4:
// leaves grouped by the four decisions (chance marginalised), and again with the chance outcomes
// kept; 002's "force followed by negotiation" split into force first and talks first; the
// "escalation dominance, then restraint" step; and seed 000's three pillars, removed one at a time.

import { type LeafFrame, choiceIds, column, expectation, stepIndex, took, truthOf } from '../leaf-frame.js';
import { DEAL_SUBCLASSES, FLAGS, OUTCOME_CLASSES, classIndex, classMask, flagIndex } from '../outcomes.js';
import { OIL_MEASURES } from '../policy-summary.js';
import type { Section } from '../report/document.js';
import { formatNumber, formatProbability } from '../report/format.js';
import { type RunResult, baselineDetail } from '../run-draws.js';
import { type Stat, statOf, summarise } from '../stats.js';

export const Q3_QUESTION =
  '“The likely sequence is not negotiation followed by force but force followed by negotiation: A strike occurs.” (002_749e95640e60a4bc.txt)';

const DECISIONS = ['us_open', 'iran_resp', 'us_counter', 'iran_counter'] as const;
const CHANCE = ['leak', 'strike_effect', 'perception', 'spillover'] as const;
/** Paths less likely than this in a draw are left out of that draw's table: they cannot reach the top ten. */
export const PATH_FLOOR = 1e-6;
export const TOP_PATHS = 10;

const FORCE_FIRST = 'us_open.rank >= 3';
const BOUNDED = 'us_open.rank >= 3 and iran_resp.rank <= 2';
/** 002: the first use of force is a limited or decapitation strike (at the opening, or the limited strike executed late). */
const FIRST_FORCE_LIMITED =
  'us_open.limited_strike or us_open.decapitation or (us_open.rank <= 2 and us_counter.strike_now)';

export function q3Features(): string[] {
  return [FORCE_FIRST, BOUNDED, FIRST_FORCE_LIMITED, 'us_counter.restrain_talk'];
}

export interface Q3Draw {
  /** Sequence key → [P, P(class 0..5 and key)]. */
  readonly sequences: Map<string, number[]>;
  /** The same with the chance outcomes in the key. */
  readonly paths: Map<string, number[]>;
  /** P(strike then talks, force first: us_open.rank >= 3). */
  readonly forceFirst: number;
  /** P(strike then talks, talks first: us_open.rank <= 2, the US struck later). */
  readonly talksFirst: number;
  /** P(us_counter.restrain_talk | us_open.rank >= 3). */
  readonly restraintAfterStrike: number;
  /** P(us_counter.restrain_talk | us_open.rank >= 3 and iran_resp.rank <= 2). */
  readonly restraintAfterBounded: number;
  /** P(regional war or Hormuz disruption | iran_stance = widening), (… | calibrated). */
  readonly warOrHormuzWidening: number;
  readonly warOrHormuzCalibrated: number;
  /** P(first use of force is a limited or decapitation strike | us_struck_iran). */
  readonly firstForceLimited: number;
}

/** Per tree: each leaf's sequence and path, numbered, with their keys. */
interface KeyPlan {
  readonly model: LeafFrame['cg']['model'];
  /** Per leaf: index into seqKeys / pathKeys. */
  readonly seq: Int32Array;
  readonly path: Int32Array;
  readonly seqKeys: readonly string[];
  readonly pathKeys: readonly string[];
}

// The keys depend on the moves alone, and the histories are shared by every draw of a tree
// (leaf-frame.ts), so they are built once per tree rather than as strings at every leaf of every draw.
const keyPlans = new WeakMap<Int16Array, KeyPlan>();

function keyPlan(frame: LeafFrame): KeyPlan {
  const model = frame.cg.model;
  const known = keyPlans.get(frame.history);
  if (known && known.model === model) return known;
  const S = frame.steps.length;
  const idOf = (step: string) => {
    const ids = choiceIds(model, step);
    const s = stepIndex(frame, step);
    return (l: number) => {
      const c = frame.history[l * S + s]!;
      return c < 0 ? '' : ids[c]!;
    };
  };
  const dec = DECISIONS.map(idOf);
  const ch = CHANCE.map((s) => ({ step: s, id: idOf(s) }));
  const number = (ids: Map<string, number>, key: string) => {
    let i = ids.get(key);
    if (i === undefined) {
      i = ids.size;
      ids.set(key, i);
    }
    return i;
  };
  const seqIds = new Map<string, number>();
  const pathIds = new Map<string, number>();
  const seq = new Int32Array(frame.count);
  const path = new Int32Array(frame.count);
  for (let l = 0; l < frame.count; l++) {
    const key = dec
      .map((f) => f(l))
      .filter((x) => x !== '')
      .join(' → ');
    const chance = ch
      .map((c) => ({ s: c.step, v: c.id(l) }))
      .filter((c) => c.v !== '')
      .map((c) => `${c.s}=${c.v}`);
    seq[l] = number(seqIds, key);
    path[l] = number(pathIds, chance.length ? `${key} [${chance.join(', ')}]` : key);
  }
  const plan = { model, seq, path, seqKeys: [...seqIds.keys()], pathKeys: [...pathIds.keys()] };
  keyPlans.set(frame.history, plan);
  return plan;
}

/**
 * Key → [Σ ρ, Σ ρ per class] over the leaves with ρ > 0, keys in the order their first such leaf
 * comes, those below PATH_FLOOR left out.
 */
function keyTable(
  frame: LeafFrame,
  classes: Int8Array,
  ids: Int32Array,
  keys: readonly string[],
): Map<string, number[]> {
  const width = OUTCOME_CLASSES.length + 1;
  const sums = new Float64Array(keys.length * width);
  const seen = new Uint8Array(keys.length);
  const order: number[] = [];
  for (let l = 0; l < frame.count; l++) {
    const w = frame.prob[l]!;
    if (w === 0) continue;
    const i = ids[l]!;
    if (!seen[i]) {
      seen[i] = 1;
      order.push(i);
    }
    const k = classes[l]!;
    sums[i * width]! += w;
    if (k >= 0) sums[i * width + k + 1]! += w;
  }
  const out = new Map<string, number[]>();
  // Written as "not below" so that a NaN row is kept, as the tables always did.
  for (const i of order)
    if (!(sums[i * width]! < PATH_FLOOR))
      out.set(keys[i]!, Array.from(sums.subarray(i * width, (i + 1) * width)));
  return out;
}

function keyTables(
  frame: LeafFrame,
  classes: Int8Array,
): { sequences: Map<string, number[]>; paths: Map<string, number[]> } {
  const plan = keyPlan(frame);
  return {
    sequences: keyTable(frame, classes, plan.seq, plan.seqKeys),
    paths: keyTable(frame, classes, plan.path, plan.pathKeys),
  };
}

export function measureQ3(frame: LeafFrame, classes: Int8Array): Q3Draw {
  const stt = classMask(classes, classIndex('strike_then_talks'));
  const force = truthOf(column(frame, FORCE_FIRST));
  const bounded = truthOf(column(frame, BOUNDED));
  const restrain = truthOf(column(frame, 'us_counter.restrain_talk'));
  const warOrHormuz = truthOf(column(frame, 'outcome_regional_war or outcome_hormuz_disruption'));
  return {
    ...keyTables(frame, classes),
    forceFirst: expectation(frame, (l) => stt[l]! & force[l]!),
    talksFirst: expectation(frame, (l) => stt[l]! & (1 - force[l]!)),
    restraintAfterStrike: expectation(frame, restrain, force),
    restraintAfterBounded: expectation(frame, restrain, bounded),
    warOrHormuzWidening: expectation(frame, warOrHormuz, took(frame, 'iran_stance', 'widening')),
    warOrHormuzCalibrated: expectation(frame, warOrHormuz, took(frame, 'iran_stance', 'calibrated')),
    firstForceLimited: expectation(
      frame,
      column(frame, FIRST_FORCE_LIMITED),
      truthOf(column(frame, 'us_struck_iran')),
    ),
  };
}

// ---- across draws -------------------------------------------------------------------------------

export interface RankedPath {
  readonly key: string;
  readonly prob: Stat;
  /** The class with the most probability on this path, and that share of the path. */
  readonly modalClass: string;
  readonly modalShare: number;
}

export interface PillarRow {
  readonly policy: string;
  readonly warOrHormuz: Stat;
  readonly fronts: Stat;
}

export interface Q3Result {
  readonly classes: Stat[];
  readonly dealSub: Stat[];
  readonly flags: Stat[];
  readonly topSequences: RankedPath[];
  readonly topPaths: RankedPath[];
  readonly forceFirst: Stat;
  readonly talksFirst: Stat;
  readonly restraintAfterStrike: Stat;
  readonly restraintAfterBounded: Stat;
  readonly warOrHormuzWidening: Stat;
  readonly warOrHormuzCalibrated: Stat;
  readonly firstForceLimited: Stat;
  readonly pillars: PillarRow[];
}

function rank(tables: Map<string, number[]>[]): RankedPath[] {
  const sums = new Map<string, number[]>();
  for (const t of tables)
    for (const [k, v] of t) {
      const row = sums.get(k) ?? new Array<number>(v.length).fill(0);
      v.forEach((x, i) => {
        row[i]! += x;
      });
      sums.set(k, row);
    }
  const keys = [...sums.keys()].sort(
    (a, b) => sums.get(b)![0]! - sums.get(a)![0]! || (a < b ? -1 : a > b ? 1 : 0),
  );
  return keys.slice(0, TOP_PATHS).map((key) => {
    const row = sums.get(key)!;
    let best = 0;
    for (let k = 1; k < OUTCOME_CLASSES.length; k++) if (row[k + 1]! > row[best + 1]!) best = k;
    return {
      key,
      prob: summarise(tables.map((t) => t.get(key)?.[0] ?? 0)),
      modalClass: OUTCOME_CLASSES[best]!.label,
      modalShare: row[best + 1]! / row[0]!,
    };
  });
}

export function aggregateQ3(run: RunResult): Q3Result {
  const d = run.records.map((r) => baselineDetail(r).q3);
  const base = run.records.map((r) => r.policies.baseline!);
  const frontsAt = OIL_MEASURES.findIndex((m) => m.id === 'fronts');
  const woh = flagIndex('war_or_hormuz');
  return {
    classes: OUTCOME_CLASSES.map((_, k) => statOf(base, (b) => b.outcomes.classes[k]!)),
    dealSub: DEAL_SUBCLASSES.map((_, k) => statOf(base, (b) => b.outcomes.dealSub[k]!)),
    flags: FLAGS.map((_, k) => statOf(base, (b) => b.outcomes.flags[k]!)),
    topSequences: rank(d.map((x) => x.sequences)),
    topPaths: rank(d.map((x) => x.paths)),
    forceFirst: statOf(d, (x) => x.forceFirst),
    talksFirst: statOf(d, (x) => x.talksFirst),
    restraintAfterStrike: statOf(d, (x) => x.restraintAfterStrike),
    restraintAfterBounded: statOf(d, (x) => x.restraintAfterBounded),
    warOrHormuzWidening: statOf(d, (x) => x.warOrHormuzWidening),
    warOrHormuzCalibrated: statOf(d, (x) => x.warOrHormuzCalibrated),
    firstForceLimited: statOf(d, (x) => x.firstForceLimited),
    pillars: ['baseline', 'no_parallel_diplomacy', 'no_us_threat'].map((policy) => ({
      policy,
      warOrHormuz: statOf(run.records, (r) => r.policies[policy]!.outcomes.flags[woh]!),
      fronts: statOf(run.records, (r) => r.policies[policy]!.oil[frontsAt]!),
    })),
  };
}

const pctI = (s: Stat) =>
  `${formatProbability(s.mean)} [${formatProbability(s.low)}, ${formatProbability(s.high)}]`;

function fig(label: string, s: Stat, trace: string) {
  return {
    kind: 'figure' as const,
    label,
    value: s.mean,
    format: 'probability' as const,
    interval: [s.low, s.high] as [number, number],
    trace,
  };
}

export function q3Section(r: Q3Result): Section {
  return {
    id: 'q3-sequences',
    title: 'Q3. The most likely sequences, and force followed by negotiation',
    question: Q3_QUESTION,
    blocks: [
      fig(
        'Strike then talks: force first',
        r.forceFirst,
        'E[outcome_strike_then_talks and us_open.rank >= 3]',
      ),
      fig(
        'Strike then talks: talks first, force second',
        r.talksFirst,
        'E[outcome_strike_then_talks and us_open.rank <= 2] (002’s reversed Venezuelan sequence)',
      ),
      fig(
        'P(first force is a limited or decapitation strike | US strikes Iran)',
        r.firstForceLimited,
        `E[${FIRST_FORCE_LIMITED} | us_struck_iran]`,
      ),
      fig(
        'P(restraint | US opened with force)',
        r.restraintAfterStrike,
        'E[us_counter.restrain_talk | us_open.rank >= 3]: "escalation dominance, then restraint"',
      ),
      fig(
        'P(restraint | US force, bounded Iranian reply)',
        r.restraintAfterBounded,
        'E[us_counter.restrain_talk | us_open.rank >= 3 and iran_resp.rank <= 2]',
      ),
      {
        kind: 'table',
        caption: `The ${TOP_PATHS} likeliest sequences of the four decisions (chance marginalised), mean probability over draws with its 90 % interval.`,
        columns: ['sequence', 'probability', 'mostly ends in'],
        rows: r.topSequences.map((p) => [
          p.key,
          pctI(p.prob),
          `${p.modalClass} (${formatProbability(p.modalShare)})`,
        ]),
        trace:
          'Σ ρ over leaves with the same choices at us_open, iran_resp, us_counter, iran_counter; class by the outcome formulas (§5.1)',
      },
      {
        kind: 'table',
        caption: `The ${TOP_PATHS} likeliest complete paths, chance outcomes (leak, strike_effect, perception, spillover) included.`,
        columns: ['path', 'probability', 'ends in'],
        rows: r.topPaths.map((p) => [p.key, pctI(p.prob), p.modalClass]),
        trace: `Σ ρ over leaves with the same moves and chance outcomes; paths below ${formatNumber(PATH_FLOOR)} in a draw are dropped from that draw`,
      },
      {
        kind: 'table',
        caption:
          "Seed 000's three pillars (mutual deterrence, mutual threats, parallel diplomacy): removing one at a time (Iran's deterrent is not a US policy; it shows in the stance split below).",
        columns: ['game', 'P(regional war or Hormuz disruption)', 'E[active fronts]'],
        rows: [
          ...r.pillars.map((p) => [p.policy, pctI(p.warOrHormuz), formatNumber(p.fronts.mean)]),
          ['baseline, Iran widening', pctI(r.warOrHormuzWidening), ''],
          ['baseline, Iran calibrated', pctI(r.warOrHormuzCalibrated), ''],
        ],
        trace:
          'E[outcome_regional_war or outcome_hormuz_disruption] and E[fronts] under policies no_parallel_diplomacy and no_us_threat (same draws); stance split: E[… | iran_stance]',
      },
    ],
  };
}
