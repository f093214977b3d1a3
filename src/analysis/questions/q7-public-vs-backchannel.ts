// Q7 (seed 003): what a public declaration does to a deal, against the backchannel. Design §5.8:
// pairs of policies that differ only in the channel, and, in the baseline, the same figures
// conditional on the channel as it was realised (announced, leaked, kept private).

import { type LeafFrame, column, expectation, truthOf } from '../leaf-frame.js';
import { classIndex, flagIndex } from '../outcomes.js';
import type { Section } from '../report/document.js';
import { formatProbability, formatUtility } from '../report/format.js';
import { type RunResult, baselineDetail } from '../run-draws.js';
import { type Stat, statOf } from '../stats.js';

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
  return CHANNELS.map((c) => c.formula);
}

export interface Q7Draw {
  /** Per CHANNELS: P(accept or accept_revised | channel), P(agreement | channel), P(deal denied | channel). */
  readonly accepted: number[];
  readonly agreed: number[];
  readonly denied: number[];
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
