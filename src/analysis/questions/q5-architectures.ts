// Q5 (seeds 003, 004): a grand bargain, segmented reciprocity, or modest transactional deals?
// Design §5.6: the game solved under each policy with the same parameter draws (common random
// numbers), so every difference below is paired draw by draw.

import { durabilityDiscount } from '../../bargain/commitment.js';
import type { NegotiationResult } from '../negotiation.js';
import { DEAL_SUBCLASSES, classIndex } from '../outcomes.js';
import { OIL_MEASURES, type PolicyDraw } from '../policy-summary.js';
import type { Section } from '../report/document.js';
import { formatNumber, formatProbability, formatUtility } from '../report/format.js';
import type { RunResult } from '../run-draws.js';
import { type Stat, statOf } from '../stats.js';

export const Q5_QUESTION =
  '“To resolve the structural deadlock inherent in the US-Iran deterrence matrix, Western policymakers must pivot away from looking for comprehensive, grand-bargain peace treaties.” (003_82137da3c5b8a964.txt) — against “The most realistic outcome is not a grand bargain but a series of modest, transactional agreements that reduce the risk of unintended escalation while leaving the fundamental competition between the two nations intact.” (004_e1cf7199659a785e.txt)';

export const ARCHITECTURES = ['grand_bargain', 'segmented_reciprocity', 'transactional'] as const;
export const Q5_POLICIES = ['baseline', ...ARCHITECTURES] as const;
const STATE_FIGURES = ['deal_nuclear', 'sanctions_relief', 'stockpile_60', 'inspections'] as const;

export interface ArchitectureRow {
  readonly policy: string;
  readonly deal: Stat;
  readonly dealSub: Stat[];
  /** E[state.<var>] for STATE_FIGURES. */
  readonly state: Stat[];
  readonly war: Stat;
  readonly hormuz: Stat;
  readonly usPayoff: Stat;
  readonly iranPayoff: Stat;
  readonly joint: Stat;
  /** [us, iran][gains, C_kinetic, C_reputation, C_opportunity]. */
  readonly terms: Stat[][];
  readonly oilChange: Stat;
  /** Paired differences with the baseline, draw by draw. */
  readonly vsBaseline: {
    readonly usPayoff: Stat;
    readonly iranPayoff: Stat;
    readonly deal: Stat;
    readonly war: Stat;
  };
}

export interface Q5Result {
  readonly rows: ArchitectureRow[];
  /** Among the three architectures: share of draws in which each gives the US the highest E[U]. */
  readonly bestForUsShare: Record<string, number>;
  readonly bestForUs: string;
  readonly bestJoint: string;
  readonly lowestWar: string;
  /**
   * Powell's durability discount of the relief in each draw (src/bargain/commitment.ts): the share of
   * its face value a relief that each new US administration may drop is worth to Iran,
   * (1 − δ)/(1 − δq); absent when the scenario lacks us_durability or iran_term_discount.
   */
  readonly reliefDurableShare?: Stat;
}

/** (1 − δ)/(1 − δq) per draw, from the draw's parameters (the scenario's formula relief_durable_share). */
export function reliefDurableShare(params: Readonly<Record<string, number>>): number | undefined {
  const q = params.us_durability;
  const delta = params.iran_term_discount;
  if (q === undefined || delta === undefined) return undefined;
  return durabilityDiscount({ benefit: 1 - delta, durability: q, delta, leverageValue: 0 }).dealValue;
}

export function aggregateQ5(run: RunResult): Q5Result {
  const m = run.model;
  const us = m.actors.indexOf('us');
  const iran = m.actors.indexOf('iran');
  const stateIdx = STATE_FIGURES.map((v) => m.stateVars.findIndex((s) => s.name === v));
  const oil = OIL_MEASURES.findIndex((x) => x.id === 'price_change_pct');
  const deal = classIndex('deal');
  const war = classIndex('regional_war');
  const hormuz = classIndex('hormuz_disruption');
  const pol =
    (p: string) =>
    (r: RunResult['records'][number]): PolicyDraw =>
      r.policies[p]!;
  const U = (x: PolicyDraw, a: number) => x.terms[a]![4]!;
  const rows = Q5_POLICIES.map((p): ArchitectureRow => {
    const g = pol(p);
    const b = pol('baseline');
    const st = (f: (x: PolicyDraw) => number) => statOf(run.records, (r) => f(g(r)));
    const diff = (f: (x: PolicyDraw) => number) => statOf(run.records, (r) => f(g(r)) - f(b(r)));
    return {
      policy: p,
      deal: st((x) => x.outcomes.classes[deal]!),
      dealSub: DEAL_SUBCLASSES.map((_, k) => st((x) => x.outcomes.dealSub[k]!)),
      state: stateIdx.map((i) => st((x) => x.state[i]!)),
      war: st((x) => x.outcomes.classes[war]!),
      hormuz: st((x) => x.outcomes.classes[hormuz]!),
      usPayoff: st((x) => U(x, us)),
      iranPayoff: st((x) => U(x, iran)),
      joint: st((x) => U(x, us) + U(x, iran)),
      terms: [us, iran].map((a) => [0, 1, 2, 3].map((t) => st((x) => x.terms[a]![t]!))),
      oilChange: st((x) => x.oil[oil]!),
      vsBaseline: {
        usPayoff: diff((x) => U(x, us)),
        iranPayoff: diff((x) => U(x, iran)),
        deal: diff((x) => x.outcomes.classes[deal]!),
        war: diff((x) => x.outcomes.classes[war]!),
      },
    };
  });
  const wins: Record<string, number> = Object.fromEntries(ARCHITECTURES.map((a) => [a, 0]));
  for (const r of run.records) {
    let best: string = ARCHITECTURES[0];
    for (const a of ARCHITECTURES) if (U(r.policies[a]!, us) > U(r.policies[best]!, us)) best = a;
    wins[best]!++;
  }
  for (const a of ARCHITECTURES) wins[a] = wins[a]! / Math.max(1, run.records.length);
  const arch = rows.filter((r) => r.policy !== 'baseline');
  const argBest = (f: (r: ArchitectureRow) => number) =>
    arch.reduce((best, r) => (f(r) > f(best) ? r : best), arch[0]!).policy;
  return {
    rows,
    bestForUsShare: wins,
    bestForUs: argBest((r) => r.usPayoff.mean),
    bestJoint: argBest((r) => r.joint.mean),
    lowestWar: argBest((r) => -r.war.mean),
    ...(run.records.every((r) => reliefDurableShare(r.params) !== undefined)
      ? { reliefDurableShare: statOf(run.records, (r) => reliefDurableShare(r.params)!) }
      : {}),
  };
}

const pct = (s: Stat) => formatProbability(s.mean);
const ut = (s: Stat) => formatUtility(s.mean);
const utI = (s: Stat) => `${formatUtility(s.mean)} [${formatUtility(s.low)}, ${formatUtility(s.high)}]`;

const approachLabel = {
  grand: 'grand bargain',
  segmented: 'segmented deal',
  linkedFeasible: 'linked feasible issues',
};

/** What the bargaining models say, beside the game (issue 5): the package comparison and the durability of relief. */
export function q5ModelParagraph(r: Q5Result, negotiation?: NegotiationResult): string | undefined {
  const parts: string[] = [];
  const pk = negotiation?.packages;
  if (pk) {
    const c = pk.comparison;
    const ranked = [c.grand, c.segmented, c.linkedFeasible].sort((a, b) => b.nashProduct - a.nashProduct);
    const blocked = [...new Set(c.grand.emptiedBy.map((b) => b.issue ?? 'the package as a whole'))];
    parts.push(
      `The multi-issue bargaining model (Nash bargaining over packages; the negotiation agenda below) ranks the approaches by their Nash product: ${ranked.map((a) => `${approachLabel[a.approach]} ${formatNumber(a.nashProduct)}`).join(', ')}.${blocked.length > 0 ? ` The grand bargain is emptied by the null set of seed 003 on ${blocked.join(' and ')}: one side needs a public, verifiable concession, the other ambiguity.` : ''}`,
    );
  }
  if (r.reliefDurableShare) {
    const d = r.reliefDurableShare;
    parts.push(
      `Relief is worth to Iran ${formatProbability(d.mean)} of its face value [${formatProbability(d.low)}, ${formatProbability(d.high)}] across draws: Powell's durability discount (1 − δ)/(1 − δq) of a commitment each new US administration may drop (q = us_durability, δ = iran_term_discount), which every deal payoff of the game uses.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

export function q5Section(r: Q5Result, negotiation?: NegotiationResult): Section {
  const models = q5ModelParagraph(r, negotiation);
  return {
    id: 'q5-architectures',
    title: 'Q5. Grand bargain, segmented reciprocity, or modest transactional deals?',
    question: Q5_QUESTION,
    blocks: [
      {
        kind: 'paragraph',
        text: `Highest expected US payoff: ${r.bestForUs} (best for the US in ${formatProbability(r.bestForUsShare[r.bestForUs] ?? 0)} of draws). Highest joint surplus (U_us + U_iran): ${r.bestJoint}. Lowest risk of regional war: ${r.lowestWar}. The four games are solved on the same parameter draws, so the differences are paired.`,
      },
      ...(models ? [{ kind: 'paragraph' as const, text: models }] : []),
      {
        kind: 'table',
        caption: 'Outcomes and payoffs under each architecture (mean over draws).',
        columns: [
          'policy',
          'P(deal)',
          'comprehensive',
          'nuclear-only',
          'interim',
          'P(regional war)',
          'P(Hormuz)',
          'E[U_us]',
          'E[U_iran]',
          'joint',
        ],
        rows: r.rows.map((x) => [
          x.policy,
          pct(x.deal),
          ...x.dealSub.map(pct),
          pct(x.war),
          pct(x.hormuz),
          ut(x.usPayoff),
          ut(x.iranPayoff),
          ut(x.joint),
        ]),
        trace:
          'policies grand_bargain, segmented_reciprocity, transactional (§5.9); classes outcome_deal, deal_comprehensive, deal_nuclear_only, deal_interim, outcome_regional_war, outcome_hormuz_disruption; U = gains − (C_kinetic + C_reputation + C_opportunity)',
      },
      {
        kind: 'table',
        caption:
          'What the deals deliver: expected nuclear terms, relief and the 60 % stockpile, and the oil price.',
        columns: [
          'policy',
          'E[deal_nuclear]',
          'E[sanctions_relief]',
          'E[stockpile_60] kg',
          'E[inspections]',
          'E[oil Δ%]',
        ],
        rows: r.rows.map((x) => [
          x.policy,
          ...x.state.map((s) => Number(s.mean.toFixed(3))),
          Number(x.oilChange.mean.toFixed(2)),
        ]),
        trace:
          'E[state.deal_nuclear], E[state.sanctions_relief], E[state.stockpile_60], E[state.inspections], E[oil_price_change_pct]',
      },
      {
        kind: 'table',
        caption: 'Paired differences with the baseline (mean and 90 % interval of the per-draw difference).',
        columns: ['policy', 'Δ E[U_us]', 'Δ E[U_iran]', 'Δ P(deal)', 'Δ P(regional war)'],
        rows: r.rows
          .filter((x) => x.policy !== 'baseline')
          .map((x) => [
            x.policy,
            utI(x.vsBaseline.usPayoff),
            utI(x.vsBaseline.iranPayoff),
            `${(x.vsBaseline.deal.mean * 100).toFixed(1)} pp`,
            `${(x.vsBaseline.war.mean * 100).toFixed(1)} pp`,
          ]),
        trace:
          'per draw: figure under the policy − figure in the baseline, same parameter values (common random numbers)',
      },
      {
        kind: 'table',
        caption: 'Cost terms of the two movers under each architecture (u).',
        columns: ['policy', 'actor', 'gains', 'C_kinetic', 'C_reputation', 'C_opportunity'],
        rows: r.rows.flatMap((x) => ['us', 'iran'].map((a, i) => [x.policy, a, ...x.terms[i]!.map(ut)])),
        trace: 'E[us.gains], E[us.C_kinetic], … per policy (payoffs §3)',
      },
    ],
  };
}
