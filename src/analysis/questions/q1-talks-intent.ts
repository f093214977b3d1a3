// Q1 (seed 000): is the offer to talk cover for strike preparations, or risk control?
// Design §5.2: the prior over the intent before and after the build-up evidence, then Bayes on the
// US opening: post(k | a) = Σ_r P(r) P(k | r) σ_US(a | r, k) / Σ_{r,k'} (same), which is exactly
// Iran's belief at iran_resp (Iran sees the opening, not the types). D = openings that keep the
// talks track (rank ≤ 2), K = openings with force (rank ≥ 3).

import type { EvidencePriors } from '../../evidence/evidence-priors.js';
import { estimativeTerm } from '../../evidence/wep.js';
import {
  type LeafFrame,
  cellMass,
  choiceIds,
  column,
  crossTab,
  expectation,
  not,
  took,
  truthOf,
} from '../leaf-frame.js';
import type { Block, Section } from '../report/document.js';
import { formatProbability } from '../report/format.js';
import { type RunResult, baselineDetail } from '../run-draws.js';
import { type Stat, statOf, summarise } from '../stats.js';

export const INTENTS = ['buying_time', 'risk_control', 'legitimacy'] as const;
export const RESOLVES = ['resolved', 'cautious'] as const;
const TALKS_TRACK = 'us_open.rank <= 2';

export const Q1_QUESTION =
  '“The key question is whether this diplomatic signal serves as cover for buying time to complete offensive and defensive preparations, or whether it is primarily aimed at containing escalation cycles and controlling the costs of conflict.” (000_abdd5ea25a2e5bad.txt)';

export function q1Features(): string[] {
  return [TALKS_TRACK, 'us_struck_iran'];
}

export interface Q1Draw {
  /** Before the build-up evidence: Σ_r P(r) base(k | r). INTENTS order. */
  readonly prior0: number[];
  /** The compiled prior of talks_intent (after the evidence that no large mobilisation is visible). */
  readonly prior1: number[];
  /** post[a][k] for each us_open choice a. */
  readonly post: number[][];
  readonly postTalks: number[];
  readonly postForce: number[];
  /** P(us_struck_iran | intent k). */
  readonly strikeGivenIntent: number[];
  /** σ_US(a | r, k): [resolve][intent][opening]. */
  readonly sigma: number[][][];
  /** P(us_open = a): the opening distribution. */
  readonly opening: number[];
}

export function measureQ1(frame: LeafFrame, params: Record<string, number>): Q1Draw {
  const h = params['us_hawks.influence']!;
  const bt = h * params.p_buying_time_resolved! + (1 - h) * params.p_buying_time_cautious!;
  const lg = params.p_legitimacy!;
  const prior0 = [bt, 1 - bt - lg, lg];
  const tab = crossTab(frame, ['us_resolve', 'talks_intent', 'us_open']);
  const openings = choiceIds(frame.cg.model, 'us_open');
  const model = frame.cg.model;
  const intentIds = choiceIds(model, 'talks_intent');
  const resolveIds = choiceIds(model, 'us_resolve');
  const prior1 = INTENTS.map((k) => cellMass(tab, [undefined, intentIds.indexOf(k), undefined]));
  const post = openings.map((_, a) => {
    const total = cellMass(tab, [undefined, undefined, a]);
    return INTENTS.map((k) => cellMass(tab, [undefined, intentIds.indexOf(k), a]) / total);
  });
  const talks = truthOf(column(frame, TALKS_TRACK));
  const force = not(talks);
  const postGroup = (mask: Uint8Array) =>
    INTENTS.map((k) => expectation(frame, took(frame, 'talks_intent', k), mask));
  const struck = column(frame, 'us_struck_iran');
  const sigma = RESOLVES.map((r) =>
    INTENTS.map((k) => {
      const cell = [resolveIds.indexOf(r), intentIds.indexOf(k)];
      const total = cellMass(tab, [cell[0], cell[1], undefined]);
      return openings.map((_, a) => cellMass(tab, [cell[0], cell[1], a]) / total);
    }),
  );
  return {
    prior0,
    prior1,
    post,
    postTalks: postGroup(talks),
    postForce: postGroup(force),
    strikeGivenIntent: INTENTS.map((k) => expectation(frame, struck, took(frame, 'talks_intent', k))),
    sigma,
    opening: openings.map((_, a) => cellMass(tab, [undefined, undefined, a])),
  };
}

export type Q1Answer = 'risk control' | 'cover' | 'mixed';

/** The design's rule: risk control if post(risk_control | D) is the largest and post(buying_time | D) < 0.5; cover if post(buying_time | D) > 0.5. */
export function q1Answer(postTalks: readonly number[]): Q1Answer {
  const [bt, rc, lg] = postTalks as [number, number, number];
  if (bt > 0.5) return 'cover';
  if (rc >= bt && rc >= lg && bt < 0.5) return 'risk control';
  return 'mixed';
}

export interface Q1Result {
  readonly openings: string[];
  readonly prior0: Stat[];
  readonly prior1: Stat[];
  readonly post: Stat[][];
  readonly postTalks: Stat[];
  readonly postForce: Stat[];
  readonly strikeGivenIntent: Stat[];
  readonly sigma: Stat[][][];
  readonly opening: Stat[];
  readonly answer: Q1Answer;
  /** Share of draws giving each answer. */
  readonly answerShares: Record<Q1Answer, number>;
}

export function aggregateQ1(run: RunResult): Q1Result {
  const d = run.records.map((r) => baselineDetail(r).q1);
  const per = (pick: (x: Q1Draw) => number[]) => INTENTS.map((_, k) => statOf(d, (x) => pick(x)[k]!));
  const openings = choiceIds(run.model, 'us_open');
  const postTalks = per((x) => x.postTalks);
  const answers = d.map((x) => q1Answer(x.postTalks));
  const share = (a: Q1Answer) => answers.filter((x) => x === a).length / Math.max(1, answers.length);
  return {
    openings,
    prior0: per((x) => x.prior0),
    prior1: per((x) => x.prior1),
    post: openings.map((_, a) => per((x) => x.post[a]!)),
    postTalks,
    postForce: per((x) => x.postForce),
    strikeGivenIntent: per((x) => x.strikeGivenIntent),
    sigma: RESOLVES.map((_, r) =>
      INTENTS.map((_, k) => openings.map((_, a) => summarise(d.map((x) => x.sigma[r]![k]![a]!)))),
    ),
    opening: openings.map((_, a) => statOf(d, (x) => x.opening[a]!)),
    answer: q1Answer(postTalks.map((s) => s.mean)),
    answerShares: { 'risk control': share('risk control'), cover: share('cover'), mixed: share('mixed') },
  };
}

const pct = (s: Stat) => formatProbability(s.mean);
const SHORT_INTENT: Record<(typeof INTENTS)[number], string> = {
  buying_time: 'bt',
  risk_control: 'rc',
  legitimacy: 'lg',
};
const pctI = (s: Stat) =>
  `${formatProbability(s.mean)} [${formatProbability(s.low)}, ${formatProbability(s.high)}]`;

/** With `brink analyze --evidence`: the prior used for talks_intent and the posterior behind it. */
export function q1EvidenceBlocks(e: EvidencePriors): Block[] {
  const set = e.sets.find((s) => s.type === 'talks_intent');
  const asOf = e.asOf === undefined ? 'all reports logged' : `reports received by ${e.asOf}`;
  if (set === undefined) {
    return [
      {
        kind: 'paragraph',
        text: `Evidence (${asOf}): no hypothesis set of the scenario stands for talks_intent, so its prior is the scenario's.`,
      },
    ];
  }
  const term = (p: number) => estimativeTerm(p).term;
  return [
    {
      kind: 'paragraph',
      text: `Evidence-based prior (brink analyze --evidence, ${asOf}): the prior of talks_intent is the posterior of hypothesis set '${set.set}' after ${set.reports} report(s), ${set.counted} counted (one per group of correlated indicators): ${set.hypotheses.map((h, i) => `${h} ${formatProbability(set.posterior[i]!)}`).join(', ')}. It replaces the scenario's prior formula, so it no longer depends on us_resolve; the rest of the model is unchanged.`,
    },
    {
      kind: 'table',
      caption:
        'The evidence behind the prior: prior of the hypothesis set, posterior after the reports (ICD 203 terms).',
      columns: ['intent', 'prior of the set', 'posterior = prior used', 'ICD 203'],
      rows: set.hypotheses.map((h, i) => [
        h,
        formatProbability(set.prior[i]!),
        formatProbability(set.posterior[i]!),
        term(set.posterior[i]!),
      ]),
      trace: `evidence.sets.${set.set} (scenario) × reports of the evidence log, tempered by Admiralty grade, one per group (docs/evidence.md)`,
    },
  ];
}

export function q1Section(r: Q1Result, evidence?: EvidencePriors): Section {
  const intentTrace =
    evidence === undefined
      ? 'talks_intent prior (types.talks_intent: w_bt, w_rc, w_lg from bt_base, p_buying_time_resolved, p_buying_time_cautious, p_legitimacy, ind_no_mobilisation_buying_time, ind_no_mobilisation_other) × σ_US(us_open | us_resolve, talks_intent) of the QRE'
      : 'talks_intent prior (the posterior of the evidence, brink analyze --evidence) × σ_US(us_open | us_resolve, talks_intent) of the QRE';
  return {
    id: 'q1-talks-intent',
    title: 'Q1. Talks as cover for strike preparations, or as risk control?',
    question: Q1_QUESTION,
    blocks: [
      {
        kind: 'paragraph',
        text: `Answer: ${r.answer}. After an opening that keeps the talks track (offers, pressure, call-off), the posterior that the talks are buying time is ${pctI(r.postTalks[0]!)}, against ${pctI(r.postTalks[1]!)} for risk control and ${pctI(r.postTalks[2]!)} for buying legitimacy (mean over draws, 90 % interval). Draws answering risk control: ${formatProbability(r.answerShares['risk control'])}; cover: ${formatProbability(r.answerShares.cover)}; mixed: ${formatProbability(r.answerShares.mixed)}.`,
      },
      ...(evidence === undefined ? [] : q1EvidenceBlocks(evidence)),
      ...INTENTS.map((k, i) => ({
        kind: 'figure' as const,
        label: `P(${k} | talks track kept)`,
        value: r.postTalks[i]!.mean,
        format: 'probability' as const,
        interval: [r.postTalks[i]!.low, r.postTalks[i]!.high] as [number, number],
        trace: `Σ over leaves with us_open.rank <= 2 of ρ · talks_intent.${k} / Σ ρ; ${intentTrace}`,
      })),
      {
        kind: 'figure',
        label: 'P(buying_time | opening with force)',
        value: r.postForce[0]!.mean,
        format: 'probability',
        interval: [r.postForce[0]!.low, r.postForce[0]!.high],
        trace: `E[talks_intent.buying_time | us_open.rank >= 3]; ${intentTrace}`,
      },
      {
        kind: 'table',
        caption:
          'How the belief about the intent moves: before the build-up evidence, after it (the prior), and after the opening is seen.',
        columns: [
          'intent',
          'before evidence',
          'prior',
          'after talks-track opening',
          'after forceful opening',
          'P(US strikes Iran | intent)',
        ],
        rows: INTENTS.map((k, i) => [
          k,
          pct(r.prior0[i]!),
          pct(r.prior1[i]!),
          pct(r.postTalks[i]!),
          pct(r.postForce[i]!),
          pct(r.strikeGivenIntent[i]!),
        ]),
        trace:
          'before evidence: us_hawks.influence · p_buying_time_resolved + (1 − us_hawks.influence) · p_buying_time_cautious, p_legitimacy, the rest; prior: the compiled prior of talks_intent; P(strike | intent) = E[us_struck_iran | talks_intent]',
      },
      {
        kind: 'table',
        caption: "Iran's posterior over the intent after each US opening (what Iran infers at iran_resp).",
        columns: ['US opening', 'P(opening)', ...INTENTS],
        rows: r.openings.map((a, i) => [a, pct(r.opening[i]!), ...r.post[i]!.map(pct)]),
        trace: intentTrace,
      },
      {
        kind: 'table',
        caption:
          'The US opening by US type, σ_US(us_open | us_resolve, talks_intent): the columns behind the posterior (bt = buying_time, rc = risk_control, lg = legitimacy).',
        columns: [
          'US opening',
          ...RESOLVES.flatMap((res) => INTENTS.map((k) => `${res} ${SHORT_INTENT[k]}`)),
        ],
        rows: r.openings.map((a, i) => [
          a,
          ...RESOLVES.flatMap((_, ri) => INTENTS.map((_, ki) => pct(r.sigma[ri]![ki]![i]!))),
        ]),
        trace:
          'QRE behaviour at the six us_open information sets; what separates the intents: readiness (C_kinetic, buying_time), deal_weight_buying_time (gains.deal), aversion (C_kinetic, risk_control), C_reputation.legitimacy',
      },
    ],
  };
}
