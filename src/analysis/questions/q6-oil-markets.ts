// Q6 (seeds 001, 003): oil and market fallout, from the scenario's own interim formulas
// (oil_supply_loss_mbd → oil_price_change_pct → brent_usd, §2.3) and the shipping state
// (hormuz_disruption, disruption_days, red_sea_disruption, insurance_rate) that a later market model
// will read. Design §5.7.

import { OUTCOME_CLASSES } from '../outcomes.js';
import { BRENT_THRESHOLDS, OIL_MEASURES, OIL_QUANTILES } from '../policy-summary.js';
import type { Section } from '../report/document.js';
import { formatNumber } from '../report/format.js';
import { POLICY_RUNS, type RunResult } from '../run-draws.js';
import { type Stat, statOf } from '../stats.js';

export const Q6_QUESTION =
  '“Even a temporary disruption in commercial shipping lanes via mine deployment, anti-ship cruise missiles, or fast-attack craft risks an immediate, non-linear spike in global insurance premiums and crude oil prices.” (003_82137da3c5b8a964.txt)';

export interface Q6Result {
  /** E[measure], OIL_MEASURES order (baseline). */
  readonly overall: Stat[];
  /** [class][measure], mean over the draws where the class has probability. */
  readonly byClass: Stat[][];
  readonly brentAbove: Stat[];
  readonly quantiles: Stat[];
  /** The oil-driven parts of the actors' opportunity costs (baseline). */
  readonly oilParts: { readonly part: string; readonly value: Stat }[];
  /** E[oil Δ%] and E[Brent] per policy run. */
  readonly byPolicy: { readonly policy: string; readonly change: Stat; readonly brent: Stat }[];
}

export function aggregateQ6(run: RunResult): Q6Result {
  const base = run.records.map((r) => r.policies.baseline!);
  const m = run.model;
  const oilParts = m.components
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c }) =>
        c.term === 'C_opportunity' &&
        (c.part === 'oil' || c.part === 'shipping' || c.part === 'exports' || c.part === 'supply'),
    );
  const change = OIL_MEASURES.findIndex((x) => x.id === 'price_change_pct');
  const brent = OIL_MEASURES.findIndex((x) => x.id === 'brent_usd');
  return {
    overall: OIL_MEASURES.map((_, k) => statOf(base, (b) => b.oil[k]!)),
    byClass: OUTCOME_CLASSES.map((_, c) =>
      OIL_MEASURES.map((_, k) => statOf(base, (b) => b.oilByClass[c]![k]!)),
    ),
    brentAbove: BRENT_THRESHOLDS.map((_, k) => statOf(base, (b) => b.brentAbove[k]!)),
    quantiles: OIL_QUANTILES.map((_, k) => statOf(base, (b) => b.oilQuantiles[k]!)),
    oilParts: oilParts.map(({ c, i }) => ({
      part: `${m.actors[c.actor]}.C_opportunity.${c.part}`,
      value: statOf(base, (b) => b.parts[i]!),
    })),
    byPolicy: POLICY_RUNS.map((p) => ({
      policy: p.id,
      change: statOf(run.records, (r) => r.policies[p.id]!.oil[change]!),
      brent: statOf(run.records, (r) => r.policies[p.id]!.oil[brent]!),
    })),
  };
}

const num = (s: Stat) => (Number.isNaN(s.mean) ? 'n/a' : formatNumber(s.mean));

export function q6Section(r: Q6Result): Section {
  const change = OIL_MEASURES.findIndex((x) => x.id === 'price_change_pct');
  const brent = OIL_MEASURES.findIndex((x) => x.id === 'brent_usd');
  const formulaTrace =
    'oil_supply_loss_mbd = max(0, state.hormuz_disruption · hormuz_flow − [state.hormuz_disruption ≥ 0.1] · bypass_spare · bypass_usable); oil_price_change_pct = 100 · loss / world_oil_demand / oil_elasticity_sum + risk_premium_per_front · fronts; brent_usd = brent_base · (1 + change/100)';
  return {
    id: 'q6-oil-markets',
    title: 'Q6. Oil and market fallout',
    question: Q6_QUESTION,
    blocks: [
      {
        kind: 'figure',
        label: 'Expected oil price change',
        value: r.overall[change]!.mean,
        format: 'number',
        interval: [r.overall[change]!.low, r.overall[change]!.high],
        trace: `E[oil_price_change_pct] (%); ${formulaTrace}`,
      },
      {
        kind: 'figure',
        label: 'Expected Brent (US$/bbl)',
        value: r.overall[brent]!.mean,
        format: 'number',
        interval: [r.overall[brent]!.low, r.overall[brent]!.high],
        trace: 'E[brent_usd], brent_base = 70 (seed 001: "Brent crude nearing the $ 70-a-barrel threshold")',
      },
      ...BRENT_THRESHOLDS.map((b, k) => ({
        kind: 'figure' as const,
        label: `P(Brent above $${b})`,
        value: r.brentAbove[k]!.mean,
        format: 'probability' as const,
        interval: [r.brentAbove[k]!.low, r.brentAbove[k]!.high] as [number, number],
        trace: `E[brent_usd > ${b}]`,
      })),
      {
        kind: 'bar-chart',
        title: 'Oil price change by outcome class (%, mean over draws, 90 % interval)',
        unit: '%',
        bars: OUTCOME_CLASSES.map((c, i) => ({
          label: c.label,
          value: r.byClass[i]![change]!.mean,
          low: r.byClass[i]![change]!.low,
          high: r.byClass[i]![change]!.high,
        })).filter((b) => !Number.isNaN(b.value)),
      },
      {
        kind: 'table',
        caption:
          'Oil and shipping by outcome class (baseline, mean over the draws in which the class occurs).',
        columns: ['class', ...OIL_MEASURES.map((m) => m.label)],
        rows: OUTCOME_CLASSES.map((c, i) => [c.label, ...r.byClass[i]!.map(num)]),
        trace: `E[measure | class]; ${formulaTrace}`,
      },
      {
        kind: 'table',
        caption:
          'Distribution of the oil price change over the episode’s paths (ρ-weighted quantiles, mean over draws).',
        columns: OIL_QUANTILES.map((q) => `${(q * 100).toFixed(0)}th percentile`),
        rows: [r.quantiles.map((s) => `${formatNumber(s.mean)} %`)],
        trace: 'per draw: smallest oil_price_change_pct whose cumulative leaf probability reaches q',
      },
      {
        kind: 'table',
        caption: 'Who pays for oil and shipping: the oil-driven opportunity-cost parts (u, baseline).',
        columns: ['payoff part', 'E (u)'],
        rows: r.oilParts.map((p) => [p.part, formatNumber(p.value.mean)]),
        trace:
          'us.C_opportunity.oil = us_opp_weight · opp_oil · oil_price_change_pct / 10; china.C_opportunity.oil = 0.1 · oil_price_change_pct / 10; gulf_states.C_opportunity.shipping = 20 · (state.insurance_rate − 0.0025)',
      },
      {
        kind: 'table',
        caption: 'Oil under each policy (same draws).',
        columns: ['game', 'E[oil Δ%]', 'E[Brent]'],
        rows: r.byPolicy.map((p) => [p.policy, num(p.change), num(p.brent)]),
        trace: 'E[oil_price_change_pct], E[brent_usd] per policy',
      },
      {
        kind: 'paragraph',
        text: 'A first-order model: the supply lost (after the spare bypass pipelines, which only count for a real closure) over world demand, divided by the sum of the short-run supply and demand elasticities (facts.yaml), plus a geopolitical risk premium per active front. A later issue replaces these three formulas with the market model; the shipping state above is its input.',
      },
    ],
  };
}
