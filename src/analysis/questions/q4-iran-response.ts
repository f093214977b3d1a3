// Q4 (seeds 001, 002): how Iran responds to each US option, by Iran's type. Design §5.5:
// P(iran_resp = r | us_open = a, iran_stance = s) = Σ_{n at iran_resp} ρ(n) σ_Iran(r | I(n)) / Σ ρ(n),
// read off the leaves (the leaf masses below a node add up to its reach); also split by Iran's
// reading of the action (perception) and by the strike's effect, and Iran's last move after each
// US follow-up.

import { type CrossTab, type LeafFrame, cellMass, choiceIds, crossTab } from '../leaf-frame.js';
import type { Section } from '../report/document.js';
import { formatProbability } from '../report/format.js';
import { type RunResult, baselineDetail } from '../run-draws.js';
import { type Stat, ratio, statOf } from '../stats.js';

export const Q4_QUESTION =
  '“Operationally, Iran has a ladder of response, starting with strikes on US bases in the region using missiles or drones, moving through the activation of regional proxies, and culminating in threats to shipping in the Strait of Hormuz, the scenario with the most severe global impact.” (001_55fccd39af8d8d22.txt)';

export const STANCES = ['calibrated', 'widening'] as const;
const PERCEPTION_OPENINGS = ['limited_strike', 'infrastructure_strike', 'blockade'];
/** 002's graduated, ambiguous answers, and the answers that widen the conflict. */
export const GRADUATED = ['absorb', 'deny_ambiguity', 'symbolic_retaliation', 'proxy_activation'];
export const WIDENING = [
  'strike_us_bases',
  'strike_israel',
  'multi_theatre',
  'hormuz_threat',
  'hormuz_closure',
];

export interface Q4Draw {
  /** [opening][stance][response]: P(iran_resp | us_open, iran_stance). */
  readonly response: number[][][];
  /** [PERCEPTION_OPENINGS][perception outcome][stance][response]. */
  readonly byPerception: number[][][][];
  /** [opening][strike_effect outcome][stance][response] (NaN where the stage does not happen). */
  readonly byEffect: number[][][][];
  /** [us_counter][stance][iran_counter]. */
  readonly counter: number[][][];
  /** P(GRADUATED | limited strike, stance), P(WIDENING | limited strike, stance): [stance]. */
  readonly limitedGraduated: number[];
  readonly limitedWidening: number[];
}

/** P(target = each choice | the given choices), from a cross-tab whose last axis is the target. */
function conditional(tab: CrossTab, given: (number | undefined)[]): number[] {
  const total = cellMass(tab, [...given, undefined]);
  const targets = tab.axes[tab.axes.length - 1]!;
  return targets.map((_, r) => ratio(cellMass(tab, [...given, r]), total));
}

export function measureQ4(frame: LeafFrame): Q4Draw {
  const model = frame.cg.model;
  const openings = choiceIds(model, 'us_open');
  const stanceIds = choiceIds(model, 'iran_stance');
  const responses = choiceIds(model, 'iran_resp');
  const st = STANCES.map((s) => stanceIds.indexOf(s));
  const main = crossTab(frame, ['us_open', 'iran_stance', 'iran_resp']);
  const response = openings.map((_, a) => st.map((s) => conditional(main, [a, s])));
  const perc = crossTab(frame, ['us_open', 'perception', 'iran_stance', 'iran_resp']);
  const percIds = choiceIds(model, 'perception');
  const byPerception = PERCEPTION_OPENINGS.map((o) =>
    percIds.map((_, p) => st.map((s) => conditional(perc, [openings.indexOf(o), p, s]))),
  );
  const eff = crossTab(frame, ['us_open', 'strike_effect', 'iran_stance', 'iran_resp']);
  const effIds = choiceIds(model, 'strike_effect');
  const byEffect = openings.map((_, a) => effIds.map((_, e) => st.map((s) => conditional(eff, [a, e, s]))));
  const ctr = crossTab(frame, ['us_counter', 'iran_stance', 'iran_counter']);
  const counter = choiceIds(model, 'us_counter').map((_, u) => st.map((s) => conditional(ctr, [u, s])));
  const limited = openings.indexOf('limited_strike');
  const share = (set: string[], s: number) =>
    set.reduce((sum, r) => sum + (response[limited]![s]![responses.indexOf(r)] ?? 0), 0);
  return {
    response,
    byPerception,
    byEffect,
    counter,
    limitedGraduated: STANCES.map((_, s) => share(GRADUATED, s)),
    limitedWidening: STANCES.map((_, s) => share(WIDENING, s)),
  };
}

// ---- across draws -------------------------------------------------------------------------------

export interface Q4Result {
  readonly openings: string[];
  readonly responses: string[];
  readonly perceptionOutcomes: string[];
  readonly effectOutcomes: string[];
  readonly followUps: string[];
  readonly counters: string[];
  readonly response: Stat[][][];
  readonly byPerception: Stat[][][][];
  readonly byEffect: Stat[][][][];
  readonly counter: Stat[][][];
  readonly limitedGraduated: Stat[];
  readonly limitedWidening: Stat[];
}

export function aggregateQ4(run: RunResult): Q4Result {
  const d = run.records.map((r) => baselineDetail(r).q4);
  const m = run.model;
  const grid3 = (pick: (x: Q4Draw) => number[][][]) => {
    const first = pick(d[0]!);
    return first.map((row, i) =>
      row.map((col, j) => col.map((_, k) => statOf(d, (x) => pick(x)[i]![j]![k]!))),
    );
  };
  const grid4 = (pick: (x: Q4Draw) => number[][][][]) => {
    const first = pick(d[0]!);
    return first.map((_, i) => grid3((x) => pick(x)[i]!));
  };
  return {
    openings: choiceIds(m, 'us_open'),
    responses: choiceIds(m, 'iran_resp'),
    perceptionOutcomes: choiceIds(m, 'perception'),
    effectOutcomes: choiceIds(m, 'strike_effect'),
    followUps: choiceIds(m, 'us_counter'),
    counters: choiceIds(m, 'iran_counter'),
    response: grid3((x) => x.response),
    byPerception: grid4((x) => x.byPerception),
    byEffect: grid4((x) => x.byEffect),
    counter: grid3((x) => x.counter),
    limitedGraduated: STANCES.map((_, s) => statOf(d, (x) => x.limitedGraduated[s]!)),
    limitedWidening: STANCES.map((_, s) => statOf(d, (x) => x.limitedWidening[s]!)),
  };
}

/** Short column heads so that a 12-response row fits a terminal. */
const SHORT: Record<string, string> = {
  accept: 'acc',
  counter_nuclear_only: 'nuc',
  absorb: 'abs',
  deny_ambiguity: 'deny',
  symbolic_retaliation: 'symb',
  proxy_activation: 'prox',
  strike_us_bases: 'base',
  strike_israel: 'isr',
  multi_theatre: 'multi',
  hormuz_threat: 'h-thr',
  hormuz_closure: 'h-cls',
  accelerate_nuclear: 'accel',
  settle: 'settle',
  accept_revised: 'acc-rev',
  hold_out: 'hold',
  retaliate: 'retal',
  escalate_further: 'escal',
};

/** Percent without decimals; '–' where the response is not available (probability exactly 0 in every draw). */
function cell(s: Stat): string {
  if (Number.isNaN(s.mean)) return '';
  if (s.mean === 0 && s.high === 0) return '–';
  return (s.mean * 100).toFixed(0);
}

export function q4Section(r: Q4Result): Section {
  const heads = r.responses.map((x) => SHORT[x] ?? x);
  const pctI = (s: Stat) =>
    `${formatProbability(s.mean)} [${formatProbability(s.low)}, ${formatProbability(s.high)}]`;
  const limited = r.openings.indexOf('limited_strike');
  return {
    id: 'q4-iran-response',
    title: "Q4. Iran's response to each US option, by Iran's type",
    question: Q4_QUESTION,
    blocks: [
      {
        kind: 'paragraph',
        text: `After a limited strike, a calibrated Iran answers within 002's graduated band (absorb, deny, symbolic retaliation, proxies) with probability ${pctI(r.limitedGraduated[0]!)}; a widening Iran answers by widening the conflict (US bases, Israel, several theatres, Hormuz) with probability ${pctI(r.limitedWidening[1]!)}.`,
      },
      {
        kind: 'table',
        caption: `P(iran_resp | us_open, iran_stance) in %, mean over draws; '–' = not available after that opening. Columns: ${r.responses.map((x) => `${SHORT[x] ?? x} = ${x}`).join(', ')}.`,
        columns: ['US opening', 'stance', ...heads],
        rows: r.openings.flatMap((a, i) => STANCES.map((s, si) => [a, s, ...r.response[i]![si]!.map(cell)])),
        trace:
          "Σ ρ over leaves with us_open = a, iran_stance = s, iran_resp = r / Σ ρ over leaves with us_open = a, iran_stance = s; Iran's QRE behaviour, driven by C_reputation.doctrine, .restraint, .credibility and the retaliation effects scaled by residual_capacity",
      },
      {
        kind: 'table',
        caption:
          'The same after the actions Iran may misread as aimed at the regime (chance stage perception, seen by Iran only).',
        columns: ['US opening', 'perception', 'stance', ...heads],
        rows: r.byPerception.flatMap((byP, i) =>
          byP.flatMap((byS, p) =>
            byS.map((row, s) => [
              PERCEPTION_OPENINGS[i]!,
              r.perceptionOutcomes[p]!,
              STANCES[s]!,
              ...row.map(cell),
            ]),
          ),
        ),
        trace:
          'P(iran_resp | us_open, perception, iran_stance); misread sets state.perceived_threat = 1 (p_misread, misread_nontraditional)',
      },
      {
        kind: 'table',
        caption: 'After a limited strike, by whether it went as planned (chance stage strike_effect).',
        columns: ['strike effect', 'stance', ...heads],
        rows: r.byEffect[limited]!.flatMap((byS, e) =>
          byS.map((row, s) => [r.effectOutcomes[e]!, STANCES[s]!, ...row.map(cell)]),
        ),
        trace:
          'P(iran_resp | us_open.limited_strike, strike_effect, iran_stance); degraded multiplies the damage by low_effect',
      },
      {
        kind: 'table',
        caption: "Iran's last move after each US follow-up, in %.",
        columns: ['US follow-up', 'stance', ...r.counters.map((c) => SHORT[c] ?? c)],
        rows: r.followUps.flatMap((u, i) => STANCES.map((s, si) => [u, s, ...r.counter[i]![si]!.map(cell)])),
        trace: 'P(iran_counter | us_counter, iran_stance)',
      },
    ],
  };
}
