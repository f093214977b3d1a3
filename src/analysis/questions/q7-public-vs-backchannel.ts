// Q7 (seed 003): what a public declaration does to a deal, against the backchannel. Design §5.8:
// pairs of policies that differ only in the channel, and, in the baseline, the same figures
// conditional on the channel as it was realised (announced, leaked, kept private).

import { type LeafFrame, column, expectation, truthOf } from '../leaf-frame.js';
import { classIndex, flagIndex } from '../outcomes.js';
import type { Section } from '../report/document.js';
import { formatProbability, formatUtility } from '../report/format.js';
import { type RunResult, baselineDetail } from '../run-draws.js';
import { type Stat, statOf } from '../stats.js';
import { type TyingHandsDraw, US_TYPES, measureTyingHands, tyingHandsFeatures } from './q7-tying-hands.js';

export const Q7_QUESTION =
  '“When American officials publicly declare that a peace deal is finalized, they lock themselves into a specific narrative of success.” and “Iran requires ambiguous, non-public arrangements to preserve its sovereignty narrative.” (003_82137da3c5b8a964.txt)';

export const CHANNELS = [
  {
    id: 'announced',
    label: 'announced in public',
    formula: 'us_open.offer_comprehensive_public or us_open.offer_nuclear_public',
  },
  { id: 'leaked', label: 'backchannel, leaked', formula: 'leak.leaked' },
  { id: 'kept_private', label: 'backchannel, kept private', formula: 'leak.kept_private' },
] as const;

export const CHANNEL_PAIRS = [
  ['nuclear_public', 'nuclear_backchannel'],
  ['comprehensive_public', 'comprehensive_backchannel'],
] as const;

/** Payoff parts 003's mechanism runs through. */
const PARTS = [
  ['us', 'gains', 'claim_victory'],
  ['us', 'C_reputation', 'narrative'],
  ['us', 'C_reputation', 'audience'],
  ['us', 'C_reputation', 'late_strike'],
  ['iran', 'C_reputation', 'validation'],
  ['iran', 'C_reputation', 'denial'],
] as const;

export function q7Features(): string[] {
  return [...CHANNELS.map((c) => c.formula), ...tyingHandsFeatures()];
}

export interface Q7Draw {
  /** Per CHANNELS: P(accept or accept_revised | channel), P(agreement | channel), P(deal denied | channel). */
  readonly accepted: number[];
  readonly agreed: number[];
  readonly denied: number[];
  /** Fearon's tying-hands model with its inputs read from the announced-offer subgame. */
  readonly tyingHands: TyingHandsDraw;
}

export function measureQ7(frame: LeafFrame): Q7Draw {
  const accepted = truthOf(column(frame, 'iran_resp.accept or iran_counter.accept_revised'));
  const agreed = truthOf(column(frame, 'state.deal_reached == 1'));
  const denied = truthOf(column(frame, 'state.deal_denied == 1'));
  const masks = CHANNELS.map((c) => truthOf(column(frame, c.formula)));
  return {
    accepted: masks.map((m) => expectation(frame, accepted, m)),
    agreed: masks.map((m) => expectation(frame, agreed, m)),
    denied: masks.map((m) => expectation(frame, denied, m)),
    tyingHands: measureTyingHands(frame),
  };
}

export interface ChannelPolicyRow {
  readonly policy: string;
  readonly accepted: Stat;
  readonly deal: Stat;
  readonly denied: Stat;
  readonly backdown: Stat;
  readonly strikeAfterDenial: Stat;
  readonly usPayoff: Stat;
  readonly iranPayoff: Stat;
  /** PARTS order. */
  readonly parts: Stat[];
}

export interface Q7Result {
  readonly policies: ChannelPolicyRow[];
  readonly channels: {
    readonly channel: string;
    readonly accepted: Stat;
    readonly agreed: Stat;
    readonly denied: Stat;
  }[];
  /** Share of draws in which acceptance after an announcement is below acceptance after a private backchannel offer. */
  readonly publicBelowPrivateShare: number;
  readonly partLabels: string[];
  readonly tyingHands: TyingHandsResult;
}

export interface TyingHandsTypeRow {
  readonly type: string;
  /** Draws in which the type's cells had probability. */
  readonly draws: number;
  readonly value: Stat;
  readonly warCost: Stat;
  readonly audienceCost: Stat;
  /** a* = c − v: the audience cost from which the type strikes rather than back down. */
  readonly threshold: Stat;
  readonly credibleAnnounced: number;
  readonly credibleBackchannel: number;
}

export interface TyingHandsModelRow {
  readonly channel: 'announced' | 'backchannel';
  /** Share of the solved draws per equilibrium kind. */
  readonly kinds: Record<string, number>;
  readonly threat: Stat;
  readonly war: Stat;
  readonly backDown: Stat;
  readonly concedes: Stat;
  readonly noBluff: number;
}

export interface TyingHandsResult {
  readonly types: TyingHandsTypeRow[];
  readonly model: TyingHandsModelRow[];
  /** Draws in which the model could be solved, of all draws. */
  readonly solved: number;
  readonly draws: number;
  readonly reasons: string[];
}

const share = <T>(xs: readonly T[], f: (x: T) => boolean) =>
  xs.length === 0 ? Number.NaN : xs.filter(f).length / xs.length;

export function aggregateTyingHands(draws: readonly TyingHandsDraw[]): TyingHandsResult {
  const types = US_TYPES.map((type, i): TyingHandsTypeRow => {
    const cells = draws.flatMap((d) => (d.defender[i] ? [d.defender[i]!] : []));
    return {
      type,
      draws: cells.length,
      value: statOf(cells, (c) => c.value),
      warCost: statOf(cells, (c) => c.warCost),
      audienceCost: statOf(cells, (c) => c.audienceCost),
      threshold: statOf(cells, (c) => c.warCost - c.value),
      credibleAnnounced: share(cells, (c) => c.credibleAnnounced),
      credibleBackchannel: share(cells, (c) => c.credibleBackchannel),
    };
  });
  const model = (['announced', 'backchannel'] as const).map((channel): TyingHandsModelRow => {
    const eqs = draws.flatMap((d) => (d[channel] ? [d[channel]!] : []));
    const kinds: Record<string, number> = {};
    for (const k of ['separating', 'semi-separating', 'pooling', 'no-threat'])
      kinds[k] = share(eqs, (e) => e.kind === k);
    return {
      channel,
      kinds,
      threat: statOf(eqs, (e) => e.threat),
      war: statOf(eqs, (e) => e.war),
      backDown: statOf(eqs, (e) => e.backDown),
      concedes: statOf(eqs, (e) => e.challengerConcedes),
      noBluff: share(eqs, (e) => e.onlyCredibleThreaten),
    };
  });
  const reasons = [...new Set(draws.flatMap((d) => (d.notApplicable ? [d.notApplicable] : [])))];
  return {
    types,
    model,
    solved: draws.filter((d) => d.announced !== undefined).length,
    draws: draws.length,
    reasons,
  };
}

export function aggregateQ7(run: RunResult): Q7Result {
  const m = run.model;
  const partIdx = PARTS.map(([actor, term, part]) =>
    m.components.findIndex((c) => m.actors[c.actor] === actor && c.term === term && c.part === part),
  );
  const us = m.actors.indexOf('us');
  const iran = m.actors.indexOf('iran');
  const flag = (id: string) => flagIndex(id);
  const policies = CHANNEL_PAIRS.flat().map((p): ChannelPolicyRow => {
    const st = (f: (x: RunResult['records'][number]['policies'][string]) => number) =>
      statOf(run.records, (r) => f(r.policies[p]!));
    return {
      policy: p,
      accepted: st((x) => x.outcomes.flags[flag('accepted')]!),
      deal: st((x) => x.outcomes.classes[classIndex('deal')]!),
      denied: st((x) => x.outcomes.flags[flag('deal_denied')]!),
      backdown: st((x) => x.outcomes.flags[flag('us_backdown')]!),
      strikeAfterDenial: st((x) => x.strikeNowGivenDenied),
      usPayoff: st((x) => x.terms[us]![4]!),
      iranPayoff: st((x) => x.terms[iran]![4]!),
      parts: partIdx.map((i) => st((x) => (i >= 0 ? x.parts[i]! : Number.NaN))),
    };
  });
  const d = run.records.map((r) => baselineDetail(r).q7);
  const below = d.filter((x) => x.accepted[0]! < x.accepted[2]!).length;
  return {
    policies,
    channels: CHANNELS.map((c, i) => ({
      channel: c.label,
      accepted: statOf(d, (x) => x.accepted[i]!),
      agreed: statOf(d, (x) => x.agreed[i]!),
      denied: statOf(d, (x) => x.denied[i]!),
    })),
    publicBelowPrivateShare: below / Math.max(1, d.length),
    partLabels: PARTS.map(([a, t, p]) => `${a}.${t}.${p}`),
    tyingHands: aggregateTyingHands(d.map((x) => x.tyingHands)),
  };
}

const pct = (s: Stat) => formatProbability(s.mean);
const ut = (s: Stat) => formatUtility(s.mean);

export function q7Section(r: Q7Result): Section {
  const np = r.policies.find((p) => p.policy === 'nuclear_public')!;
  const nb = r.policies.find((p) => p.policy === 'nuclear_backchannel')!;
  return {
    id: 'q7-public-vs-backchannel',
    title: 'Q7. A public declaration against the backchannel',
    question: Q7_QUESTION,
    blocks: [
      {
        kind: 'paragraph',
        text: `Announcing nuclear-only terms in public gives a deal with probability ${pct(np.deal)} against ${pct(nb.deal)} through the backchannel; Iran denies the announced deal with probability ${pct(np.denied)}. Acceptance after an announcement was below acceptance after a private backchannel offer in ${formatProbability(r.publicBelowPrivateShare)} of draws.`,
      },
      {
        kind: 'figure',
        label: 'E[U_us]: nuclear-only, announced',
        value: np.usPayoff.mean,
        format: 'utility',
        interval: [np.usPayoff.low, np.usPayoff.high],
        trace: 'E[us.payoff] under policy nuclear_public',
      },
      {
        kind: 'figure',
        label: 'E[U_us]: nuclear-only, backchannel',
        value: nb.usPayoff.mean,
        format: 'utility',
        interval: [nb.usPayoff.low, nb.usPayoff.high],
        trace: 'E[us.payoff] under policy nuclear_backchannel',
      },
      {
        kind: 'table',
        caption:
          'The same offer through two channels (policies that differ only in the channel; same draws).',
        columns: [
          'policy',
          'P(accept)',
          'P(deal)',
          'P(denied)',
          'P(US backs down)',
          'P(strike | denied)',
          'E[U_us]',
          'E[U_iran]',
        ],
        rows: r.policies.map((p) => [
          p.policy,
          pct(p.accepted),
          pct(p.deal),
          pct(p.denied),
          pct(p.backdown),
          pct(p.strikeAfterDenial),
          ut(p.usPayoff),
          ut(p.iranPayoff),
        ]),
        trace:
          'P(iran_resp.accept or iran_counter.accept_revised), P(outcome_deal), P(state.deal_denied == 1), P(state.us_backdown == 1), P(us_counter.strike_now | deal denied): executing the previously aborted strike (late_strike_cost)',
      },
      {
        kind: 'table',
        caption: "The payoff parts 003's mechanism runs through (u; costs positive).",
        columns: ['policy', ...r.partLabels],
        rows: r.policies.map((p) => [p.policy, ...p.parts.map(ut)]),
        trace:
          'E of payoffs.us.gains.claim_victory, .C_reputation.narrative/.audience/.late_strike; payoffs.iran.C_reputation.validation/.denial (§3)',
      },
      ...tyingHandsBlocks(r.tyingHands),
      {
        kind: 'table',
        caption: 'In the baseline, by the channel the offer actually took.',
        columns: ['channel', 'P(accept)', 'P(agreement)', 'P(denied)'],
        rows: r.channels.map((c) => [c.channel, pct(c.accepted), pct(c.agreed), pct(c.denied)]),
        trace:
          'E[… | us_open public offer], E[… | leak.leaked], E[… | leak.kept_private]; p_leak turns a backchannel offer public',
      },
    ],
  };
}

const kindOrder = ['separating', 'semi-separating', 'pooling', 'no-threat'] as const;

/** The answer of Fearon's tying-hands model, with its inputs from the solved game. */
export function tyingHandsBlocks(t: TyingHandsResult): Section['blocks'] {
  const ann = t.model.find((m) => m.channel === 'announced')!;
  const back = t.model.find((m) => m.channel === 'backchannel')!;
  const [res, cau] = t.types;
  const answer =
    t.solved === 0
      ? `Fearon's tying-hands model could not be solved in any draw (${t.reasons.join('; ')}).`
      : `Tying hands (Fearon 1994, 1997): announcing the deal makes backing down after Iran's denial cost the US ${formatUtility(res!.audienceCost.mean)} u. With that audience cost the threat to strike is credible for a resolved US in ${formatProbability(res!.credibleAnnounced)} of draws and for a cautious US in ${formatProbability(cau!.credibleAnnounced)}; through the backchannel (no audience cost) in ${formatProbability(res!.credibleBackchannel)} and ${formatProbability(cau!.credibleBackchannel)}. The model's equilibrium (mean over draws): with the announcement the US threatens with probability ${pct(ann.threat)}, Iran concedes with probability ${pct(ann.concedes)}, war ${pct(ann.war)}, a retreat ${pct(ann.backDown)}; with no audience cost ${pct(back.threat)}, ${pct(back.concedes)}, ${pct(back.war)} and ${pct(back.backDown)}.`;
  return [
    { kind: 'paragraph', text: answer },
    {
      kind: 'table',
      caption:
        "The model's inputs per US type, read from the solved game after an announced offer (u; mean over draws and share of draws).",
      columns: [
        'US type',
        'v (Iran accepts)',
        'c (strike)',
        'a (audience)',
        'a* = c − v',
        'credible, announced',
        'credible, backchannel',
      ],
      rows: t.types.map((x) => [
        x.type,
        formatUtility(x.value.mean),
        formatUtility(x.warCost.mean),
        formatUtility(x.audienceCost.mean),
        formatUtility(x.threshold.mean),
        formatProbability(x.credibleAnnounced),
        formatProbability(x.credibleBackchannel),
      ]),
      trace:
        'v = E[U_us | announced, accept] − E[U_us + a | announced, denied, restrain_talk]; c = E[U_us | announced, accept] − E[U_us | announced, denied, strike_now]; a = E[us.C_reputation.audience | retreat] − E[same | strike]; credible iff v − c ≥ −a (isCredible, src/bargain/audience-costs.ts)',
    },
    {
      kind: 'table',
      caption: `The tying-hands equilibrium with the announcement's audience cost and with none (solved in ${t.solved} of ${t.draws} draws).`,
      columns: ['channel', ...kindOrder, 'P(threat)', 'P(Iran concedes)', 'P(war)', 'P(back down)'],
      rows: t.model.map((m) => [
        m.channel,
        ...kindOrder.map((k) => formatProbability(m.kinds[k] ?? Number.NaN)),
        pct(m.threat),
        pct(m.concedes),
        pct(m.war),
        pct(m.backDown),
      ]),
      trace:
        'audienceCostEquilibrium (Fearon 1997 tying hands; D1 beliefs): US types resolved/cautious with their priors and v, prior-weighted c; Iran stances calibrated/widening with stake and war payoffs relative to accepting',
    },
  ];
}
