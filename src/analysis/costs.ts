// Expected costs by actor (design §5.10): U = gains − (C_kinetic + C_reputation + C_opportunity)
// (seed 003), every term and every named part, overall and per outcome class, in the baseline and
// under each policy; and the volatility across draws of the US's reputation and opportunity costs
// beside Iran's (003: the US's are "highly volatile", Iran's "anchored").

import { OUTCOME_CLASSES } from './outcomes.js';
import { TERM_LABELS } from './policy-summary.js';
import type { Section } from './report/document.js';
import { formatNumber, formatUtility } from './report/format.js';
import { POLICY_RUNS, type RunResult } from './run-draws.js';
import { type Stat, coefficientOfVariation, statOf } from './stats.js';

export const COSTS_QUESTION =
  '“The mathematical reality of this friction can be understood through the lens of a basic cost function:” C_total = C_kinetic + C_reputation + C_opportunity (003_82137da3c5b8a964.txt)';

export interface CostsResult {
  readonly actors: string[];
  /** Baseline: [actor][term] (gains, C_kinetic, C_reputation, C_opportunity, U). */
  readonly terms: Stat[][];
  /** Baseline, every named part. */
  readonly parts: {
    readonly actor: string;
    readonly term: string;
    readonly part: string;
    readonly value: Stat;
  }[];
  /** Baseline: [class][actor][term], mean over the draws in which the class occurs. */
  readonly byClass: Stat[][][];
  /** [policy run][actor][term]. */
  readonly byPolicy: { readonly policy: string; readonly terms: Stat[][] }[];
  /** Coefficient of variation across draws of E[C_reputation] and E[C_opportunity], US and Iran. */
  readonly volatility: {
    readonly usReputation: number;
    readonly usOpportunity: number;
    readonly iranReputation: number;
    readonly iranOpportunity: number;
  };
}

export function aggregateCosts(run: RunResult): CostsResult {
  const m = run.model;
  const base = run.records.map((r) => r.policies.baseline!);
  const grid = (pick: (b: (typeof base)[number]) => number[][]) =>
    m.actors.map((_, a) => TERM_LABELS.map((_, t) => statOf(base, (b) => pick(b)[a]![t]!)));
  const us = m.actors.indexOf('us');
  const iran = m.actors.indexOf('iran');
  const cv = (a: number, t: number) => coefficientOfVariation(base.map((b) => b.terms[a]![t]!));
  return {
    actors: m.actors,
    terms: grid((b) => b.terms),
    parts: m.components.map((c, i) => ({
      actor: m.actors[c.actor]!,
      term: c.term,
      part: c.part,
      value: statOf(base, (b) => b.parts[i]!),
    })),
    byClass: OUTCOME_CLASSES.map((_, k) => grid((b) => b.termsByClass[k]!)),
    byPolicy: POLICY_RUNS.map((p) => ({
      policy: p.id,
      terms: m.actors.map((_, a) =>
        TERM_LABELS.map((_, t) => statOf(run.records, (r) => r.policies[p.id]!.terms[a]![t]!)),
      ),
    })),
    volatility: {
      usReputation: cv(us, 2),
      usOpportunity: cv(us, 3),
      iranReputation: cv(iran, 2),
      iranOpportunity: cv(iran, 3),
    },
  };
}

const ut = (s: Stat) => (Number.isNaN(s.mean) ? 'n/a' : formatUtility(s.mean));

export function costsSection(r: CostsResult): Section {
  const us = r.actors.indexOf('us');
  const iran = r.actors.indexOf('iran');
  const movers = [us, iran];
  return {
    id: 'costs',
    title: 'Expected costs by actor',
    question: COSTS_QUESTION,
    blocks: [
      ...movers.flatMap((a) =>
        [1, 2, 3].map((t) => ({
          kind: 'figure' as const,
          label: `${r.actors[a]} ${TERM_LABELS[t]}`,
          value: r.terms[a]![t]!.mean,
          format: 'utility' as const,
          interval: [r.terms[a]![t]!.low, r.terms[a]![t]!.high] as [number, number],
          trace: `E[${r.actors[a]}.${TERM_LABELS[t]}] = Σ ρ · (sum of the parts of payoffs.${r.actors[a]}.${TERM_LABELS[t]})`,
        })),
      ),
      {
        kind: 'table',
        caption:
          'Every actor, baseline (u; mean over draws). Only the US and Iran move; the others bear costs.',
        columns: ['actor', ...TERM_LABELS],
        rows: r.actors.map((a, i) => [a, ...r.terms[i]!.map(ut)]),
        trace:
          'E[<actor>.gains], E[<actor>.C_kinetic], E[<actor>.C_reputation], E[<actor>.C_opportunity], E[<actor>.payoff] (payoffs §3)',
      },
      {
        kind: 'table',
        caption: 'The US and Iran by outcome class (u; mean over the draws in which the class occurs).',
        columns: ['class', 'actor', ...TERM_LABELS],
        rows: OUTCOME_CLASSES.flatMap((c, k) =>
          movers.map((a) => [c.label, r.actors[a]!, ...r.byClass[k]![a]!.map(ut)]),
        ),
        trace: 'E[term | outcome class]',
      },
      {
        kind: 'table',
        caption: 'Named parts of the two movers’ payoffs, baseline (u; gains add, costs subtract).',
        columns: ['actor', 'term', 'part', 'E (u)', '90 % interval'],
        rows: r.parts
          .filter((p) => p.actor === 'us' || p.actor === 'iran')
          .map((p) => [
            p.actor,
            p.term,
            p.part || '(single formula)',
            formatNumber(p.value.mean),
            `[${formatNumber(p.value.low)}, ${formatNumber(p.value.high)}]`,
          ]),
        trace: 'E[part] for every part of payoffs.us and payoffs.iran (§3.1, §3.2)',
      },
      {
        kind: 'table',
        caption: 'The two movers under each policy (u).',
        columns: ['game', 'actor', ...TERM_LABELS],
        rows: r.byPolicy.flatMap((p) => movers.map((a) => [p.policy, r.actors[a]!, ...p.terms[a]!.map(ut)])),
        trace: 'the same expectations in each policy game, same draws',
      },
      {
        kind: 'table',
        caption:
          'Volatility across draws (coefficient of variation of the expected cost): 003 says the US’s reputation and opportunity costs are “highly volatile”, Iran’s reputation cost “anchored”.',
        columns: ['actor', 'C_reputation', 'C_opportunity'],
        rows: [
          ['us', formatNumber(r.volatility.usReputation), formatNumber(r.volatility.usOpportunity)],
          ['iran', formatNumber(r.volatility.iranReputation), formatNumber(r.volatility.iranOpportunity)],
        ],
        trace:
          'sd/mean over draws of E[us.C_reputation], …; driven by us_rep_scale, us_opp_scale ~ lognormal(0, 0.5) and iran_rep_scale ~ normal(1, 0.05) truncated to [0.9, 1.1]',
      },
    ],
  };
}
