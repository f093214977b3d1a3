// Q6 (seeds 001, 003): oil and market fallout. The scenario's oil formulas call the market model of
// src/econ (oil_supply_loss_mbd → oil_price_change_pct → brent_usd, docs/econ.md); on top of the
// per-draw figures, the fan chart runs the model's Monte Carlo (elasticities and risk premium) once per
// outcome class over the mixture of the disruptions the class's paths carry (share, duration and the
// threat level the insurance rate implies, weighted by their probability within the class), so a
// class that mixes closures and harassment keeps its spike (src/econ/mixture-fan.ts). The per-draw
// measure collects the distinct disruptions per class; the fans run once per class over the run,
// never per leaf. Design §5.7.

import { exporterRevenueChange } from '../../econ/feedback.js';
import { type FanComponent, mixtureFan } from '../../econ/mixture-fan.js';
import type { Band } from '../../econ/price-fan.js';
import { threatOfWarRiskPremium, warRiskPremium } from '../../econ/threat.js';
import type { LeafFrame } from '../leaf-frame.js';
import { OUTCOME_CLASSES } from '../outcomes.js';
import { BRENT_THRESHOLDS, OIL_MEASURES, OIL_QUANTILES } from '../policy-summary.js';
import type { Block, Section } from '../report/document.js';
import { formatNumber } from '../report/format.js';
import { POLICY_RUNS, type RunResult, baselineDetail } from '../run-draws.js';
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
  /** The market model's fan per outcome class that occurs (baseline). */
  readonly fans: ClassFan[];
  /** [class][part]: the oil-driven parts by class (the `oilParts` order), mean over draws. */
  readonly oilPartsByClass: Stat[][];
}

/** A disruption that paths of an outcome class carry, with its probability within the class. */
export interface ClassDisruption {
  /** state.hormuz_disruption, state.disruption_days and state.insurance_rate at the leaves. */
  readonly share: number;
  readonly days: number;
  readonly insurance: number;
  /** P(this disruption | class): in a draw's record; over the run, the mean over the draws. */
  readonly p: number;
}

/** What Q6 reads from a draw's baseline game: per OUTCOME_CLASSES, the distinct disruptions of its leaves. */
export interface Q6Draw {
  readonly disruptions: ClassDisruption[][];
}

const SHIPPING_STATE = ['hormuz_disruption', 'disruption_days', 'insurance_rate'] as const;

/** The distinct (share, days, insurance) of each class's leaves with their probability given the class. */
export function measureQ6(frame: LeafFrame, classes: Int8Array): Q6Draw {
  const m = frame.cg.model;
  const ns = m.stateVars.length;
  const idx = SHIPPING_STATE.map((v) => m.stateVars.findIndex((x) => x.name === v));
  const state = frame.cg.leaves.state;
  // Per class, share → days → insurance → entry: numeric keys, no string per leaf.
  type Entry = { d: ClassDisruption; mass: number };
  const byClass = OUTCOME_CLASSES.map(() => new Map<number, Map<number, Map<number, Entry>>>());
  const order = OUTCOME_CLASSES.map(() => [] as Entry[]);
  const totals = OUTCOME_CLASSES.map(() => 0);
  for (let l = 0; l < frame.count; l++) {
    const c = classes[l]!;
    const w = frame.prob[l]!;
    if (c < 0 || w === 0) continue;
    const share = idx[0]! < 0 ? 0 : state[l * ns + idx[0]!]!;
    const days = idx[1]! < 0 ? 0 : state[l * ns + idx[1]!]!;
    const insurance = idx[2]! < 0 ? 0 : state[l * ns + idx[2]!]!;
    let byDays = byClass[c]!.get(share);
    if (!byDays) byClass[c]!.set(share, (byDays = new Map()));
    let byIns = byDays.get(days);
    if (!byIns) byDays.set(days, (byIns = new Map()));
    const entry = byIns.get(insurance);
    if (entry) entry.mass += w;
    else {
      const e = { d: { share, days, insurance, p: 0 }, mass: w };
      byIns.set(insurance, e);
      order[c]!.push(e);
    }
    totals[c]! += w;
  }
  return {
    disruptions: order.map((entries, c) => entries.map(({ d, mass }) => ({ ...d, p: mass / totals[c]! }))),
  };
}

/** The run's mixture per class: each draw's disruptions weighted by 1/(draws in which the class occurs). */
export function classDisruptions(draws: readonly Q6Draw[]): ClassDisruption[][] {
  return OUTCOME_CLASSES.map((_, c) => {
    const present = draws.filter((d) => (d.disruptions[c]?.length ?? 0) > 0);
    const merged = new Map<string, ClassDisruption>();
    for (const d of present) {
      for (const x of d.disruptions[c]!) {
        const key = `${x.share}|${x.days}|${x.insurance}`;
        const prev = merged.get(key);
        merged.set(key, { ...x, p: (prev?.p ?? 0) + x.p / present.length });
      }
    }
    return [...merged.values()];
  });
}

/** The market model run on one outcome class's mixture of disruptions. */
export interface ClassFan {
  readonly classId: string;
  readonly label: string;
  /** E[hormuz_disruption | class], E[disruption_days | class] and E[insurance_rate | class] over the mixture. */
  readonly share: number;
  readonly days: number;
  readonly insurance: number;
  /** The threat level (0–4) whose war-risk premium is E[insurance_rate | class]. */
  readonly threat: number;
  /** Distinct disruptions in the mixture. */
  readonly components: number;
  readonly peakPct: Band;
  readonly meanPct: Band;
  /** [day, median, low, high] of Brent (US$/bbl) every FAN_STEP days. */
  readonly path: [number, number, number, number][];
}

/** Samples per class fan, its seed, and the days between plotted points. */
export const FAN_SAMPLES = 500;
export const FAN_SEED = 1;
const FAN_STEP = 6;

/** The threat level whose war-risk premium is this insurance rate (0 when undefined). */
function threatOf(insurance: number): number {
  return Number.isNaN(insurance) ? 0 : threatOfWarRiskPremium(insurance);
}

/** The market model's fan over a class's disruptions (each at the threat its insurance rate implies). */
export function classFan(classId: string, label: string, disruptions: readonly ClassDisruption[]): ClassFan {
  const total = disruptions.reduce((s, d) => s + d.p, 0);
  const mean = (f: (d: ClassDisruption) => number) => disruptions.reduce((s, d) => s + d.p * f(d), 0) / total;
  const components: FanComponent[] = disruptions.map((d) => ({
    share: Math.min(1, Math.max(0, d.share)),
    days: Math.max(0, d.days),
    threat: threatOf(d.insurance),
    weight: d.p,
  }));
  const fan = mixtureFan({ components, samples: FAN_SAMPLES, seed: FAN_SEED });
  const path: [number, number, number, number][] = [];
  fan.days.forEach((b, t) => {
    if (t % FAN_STEP === 0 || t === fan.days.length - 1) path.push([t, b.median, b.low, b.high]);
  });
  const insurance = mean((d) => d.insurance);
  return {
    classId,
    label,
    share: mean((d) => d.share),
    days: mean((d) => d.days),
    insurance,
    threat: threatOf(insurance),
    components: components.length,
    peakPct: fan.peakPct,
    meanPct: fan.meanPct,
    path,
  };
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
  const byClass = OUTCOME_CLASSES.map((_, c) =>
    OIL_MEASURES.map((_, k) => statOf(base, (b) => b.oilByClass[c]![k]!)),
  );
  const mixtures = classDisruptions(run.records.map((r) => baselineDetail(r).q6));
  const fans = OUTCOME_CLASSES.flatMap((c, i) =>
    mixtures[i]!.length === 0 ? [] : [classFan(c.id, c.label, mixtures[i]!)],
  );
  return {
    fans,
    oilPartsByClass: OUTCOME_CLASSES.map((_, c) =>
      oilParts.map(({ i }) => statOf(base, (b) => b.partsByClass[c]![i]!)),
    ),
    overall: OIL_MEASURES.map((_, k) => statOf(base, (b) => b.oil[k]!)),
    byClass,
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
    'oil_supply_loss_mbd = oil_net_shortfall_mbd(state.hormuz_disruption, state.disruption_days, 0, bypass_spare · bypass_usable); oil_price_change_pct = 100 · ((1 + brent_peak_pct(state.hormuz_disruption, state.disruption_days, oil_elasticity_sum, 0, bypass_spare · bypass_usable)/100) · (1 + risk_premium_per_front · fronts/100) − 1); brent_usd = brent_base · (1 + change/100) (docs/econ.md)';
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
      ...fanBlocks(r),
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
          'us.C_opportunity.oil = us_opp_weight · opp_oil · oil_price_change_pct / 10; china.C_opportunity.oil = 0.1 · oil_price_change_pct / 10; gulf_states.C_opportunity.shipping = 20 · (state.insurance_rate − 0.0025); iran.C_opportunity.own_exports and gulf_states.C_opportunity.exports as in the scenario',
      },
      {
        kind: 'table',
        caption:
          'Who pays, by outcome class: the oil-driven parts (u, baseline, mean over the draws in which the class occurs).',
        columns: ['class', ...r.oilParts.map((p) => p.part)],
        rows: OUTCOME_CLASSES.map((c, i) => [c.label, ...r.oilPartsByClass[i]!.map(num)]),
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
        text: 'The market model of docs/econ.md: the flow lost through Hormuz (ramping up over 3 days, recovering over 7), minus the bypass pipelines after 7 days, gives a daily net shortfall; Brent follows constant-elasticity inverse demand, P/P0 = (1 − n/D)^(−1/ε), with ε falling from |e_d| + e_s to |e_d| as the supply buffer runs out. The per-draw figures use the peak of the central path at the draw’s elasticity, times the risk premium per active front; the fans sample the elasticities (three studies, facts.yaml) and the threat’s risk premium, and each sample picks one of the disruptions the class’s paths carry with its probability within the class (a mixture, so that a class mixing closures and harassment keeps its spike).',
      },
    ],
  };
}

const pctBand = (b: Band) => `${formatNumber(b.median)} % [${formatNumber(b.low)}, ${formatNumber(b.high)}]`;

/** The market model's fan chart and table by outcome class. */
function fanBlocks(r: Q6Result): Block[] {
  if (r.fans.length === 0) return [];
  return [
    {
      kind: 'line-chart',
      title: 'Brent by outcome class (market model: median, 80 % band)',
      xLabel: 'day',
      yLabel: 'US$/bbl',
      points: r.fans.flatMap((f) =>
        f.path.map(([x, y, low, high]) => ({ x, y, low, high, series: f.label })),
      ),
    },
    {
      kind: 'table',
      caption:
        'The market model per outcome class: the class’s expected disruption and the threat its mean insurance rate implies (the fan itself samples the class’s distinct disruptions), Brent’s peak and 90-day mean change (median [80 % band]), and what it does to exporters’ revenue.',
      columns: [
        'class',
        'Hormuz share lost',
        'days',
        'threat (0–4)',
        'war-risk premium (% hull)',
        'peak Brent Δ',
        'mean Brent Δ',
        'exporter revenue Δ (volume lost at the mean price)',
      ],
      rows: r.fans.map((f) => [
        f.label,
        formatNumber(f.share),
        formatNumber(f.days),
        formatNumber(f.threat),
        formatNumber(100 * warRiskPremium(f.threat)),
        pctBand(f.peakPct),
        pctBand(f.meanPct),
        `${formatNumber(100 * exporterRevenueChange(f.share, f.meanPct.median))} %`,
      ]),
      trace: `src/econ mixture-fan.ts over each class’s distinct (hormuz_disruption, disruption_days, insurance_rate) weighted by P(· | class), mean over draws; ${FAN_SAMPLES} samples, seed ${FAN_SEED}; threat = the level whose war-risk premium is the insurance rate; revenue Δ = (1 − share)(1 + Δ/100) − 1 (feedback.ts)`,
    },
  ];
}
