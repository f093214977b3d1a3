// `brink oil --disruption SHARE --days N [--release MBD] [--threat LEVEL] [--horizon DAYS] [--seed N]
// [--samples N] [--format text|md|html|json] [--json]`: the Brent path after a Hormuz disruption, with
// its 80 % band, the supply shock behind it and the war-risk premium (src/econ, docs/econ.md). The
// output is a report document (src/analysis/report), so text gets a compact chart and HTML an SVG one.
import { Command } from 'commander';
import type { Block, ReportDocument, Section } from '../analysis/report/document.js';
import { formatNumber } from '../analysis/report/format.js';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../analysis/report/render.js';
import { MAX_RELEASE_MBD, THREAT_LEVELS } from '../econ/calibration.js';
import { EconInputError } from '../econ/errors.js';
import { DEFAULT_SAMPLES, MAX_SAMPLES, type PriceFan, priceFan } from '../econ/price-fan.js';
import { DEFAULT_HORIZON_DAYS, MAX_HORIZON_DAYS } from '../econ/supply-shock.js';
import { riskPremiumPct, threatLevel, warRiskPremium } from '../econ/threat.js';
import { UsageError, runAction } from './errors.js';

export interface OilOptions {
  disruption?: string;
  days?: string;
  release?: string;
  threat?: string;
  horizon?: string;
  seed?: string;
  samples?: string;
  format?: string;
  json?: boolean;
}

/** The validated input of the command. */
export interface OilInput {
  readonly share: number;
  readonly days: number;
  readonly releaseMbd: number;
  readonly threat: number;
  readonly horizon: number;
  readonly seed: number;
  readonly samples: number;
  readonly format: ReportFormat;
}

function number(
  option: string,
  text: string | undefined,
  ok: (x: number) => boolean,
  expected: string,
): number {
  const x = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  if (!(Number.isFinite(x) && ok(x)))
    throw new UsageError(`${option} ${text ?? ''}: expected ${expected}`.replace(' :', ':'));
  return x;
}

const isInt = (lo: number, hi: number) => (x: number) => Number.isInteger(x) && x >= lo && x <= hi;

/** Parses and checks the options; throws UsageError naming the option and what was expected. */
export function oilInput(o: OilOptions): OilInput {
  if (o.disruption === undefined)
    throw new UsageError('--disruption is required (share of the Hormuz flow lost, 0–1)');
  if (o.days === undefined) throw new UsageError('--days is required (days of disruption, ≥ 0)');
  const share = number('--disruption', o.disruption, (x) => x >= 0 && x <= 1, 'a share from 0 to 1');
  const days = number(
    '--days',
    o.days,
    (x) => x >= 0 && x <= MAX_HORIZON_DAYS,
    `a number of days from 0 to ${MAX_HORIZON_DAYS}`,
  );
  const releaseMbd =
    o.release === undefined
      ? 0
      : number(
          '--release',
          o.release,
          (x) => x >= 0 && x <= MAX_RELEASE_MBD,
          `mb/d from 0 to ${MAX_RELEASE_MBD}`,
        );
  let threat = share > 0 ? 3 : 0;
  if (o.threat !== undefined) {
    try {
      threat = threatLevel(o.threat);
    } catch (e) {
      if (e instanceof EconInputError) throw new UsageError(`--${e.message}`);
      throw e;
    }
  }
  const horizon =
    o.horizon === undefined
      ? DEFAULT_HORIZON_DAYS
      : number(
          '--horizon',
          o.horizon,
          isInt(1, MAX_HORIZON_DAYS),
          `an integer from 1 to ${MAX_HORIZON_DAYS}`,
        );
  const seed =
    o.seed === undefined
      ? 1
      : number('--seed', o.seed, isInt(0, Number.MAX_SAFE_INTEGER), 'a non-negative integer');
  const samples =
    o.samples === undefined
      ? DEFAULT_SAMPLES
      : number('--samples', o.samples, isInt(1, MAX_SAMPLES), `an integer from 1 to ${MAX_SAMPLES}`);
  const format = o.json ? 'json' : (o.format ?? 'text');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${format}: expected one of ${REPORT_FORMATS.join(', ')}`);
  }
  return { share, days, releaseMbd, threat, horizon, seed, samples, format: format as ReportFormat };
}

/** Days shown in the chart and tables: about 30 points over the horizon, always the first and last. */
export function shownDays(horizon: number): number[] {
  const step = Math.max(1, Math.round(horizon / 30));
  const out: number[] = [];
  for (let t = 0; t < horizon; t += step) out.push(t);
  if (out[out.length - 1] !== horizon - 1) out.push(horizon - 1);
  return out;
}

const threatName = (level: number): string =>
  Number.isInteger(level)
    ? `${THREAT_LEVELS[level]} (${level})`
    : `${formatNumber(level)} (between ${THREAT_LEVELS[Math.floor(level)]} and ${THREAT_LEVELS[Math.ceil(level)]})`;

const pctFigure = (label: string, b: PriceFan['peakPct'], trace: string): Block => ({
  kind: 'figure',
  label,
  value: b.median,
  format: 'number',
  interval: [b.low, b.high],
  trace,
});

/** The sections of the oil report: price path with its band, the supply shock, shipping. */
export function oilSections(input: OilInput, fan: PriceFan): Section[] {
  const days = shownDays(input.horizon);
  const base = fan.baseUsd;
  const usd = (pct: number) => base * (1 + pct / 100);
  const s = fan.shock;
  const price: Section = {
    id: 'oil-price',
    title: 'Brent price path',
    blocks: [
      pctFigure(
        'Peak Brent change (%)',
        fan.peakPct,
        'highest price of each sampled path over the horizon; median and 80 % band of the samples',
      ),
      {
        kind: 'figure',
        label: 'Peak Brent (US$/bbl)',
        value: usd(fan.peakPct.median),
        format: 'number',
        interval: [usd(fan.peakPct.low), usd(fan.peakPct.high)],
        trace: `base ${formatNumber(base)} US$/bbl (seed 001: "Brent crude nearing the $ 70-a-barrel threshold")`,
      },
      pctFigure(
        'Mean Brent change over the horizon (%)',
        fan.meanPct,
        `mean of each sampled path over ${input.horizon} days`,
      ),
      pctFigure('Brent change on day 0 (%)', fan.firstDayPct, 'the first day, risk premium included'),
      {
        kind: 'line-chart',
        title: 'Brent after the disruption (median, 80 % band)',
        xLabel: 'day',
        yLabel: 'US$/bbl',
        points: days.map((t) => ({
          x: t,
          y: fan.days[t]!.median,
          series: 'Brent',
          low: fan.days[t]!.low,
          high: fan.days[t]!.high,
        })),
      },
      {
        kind: 'paragraph',
        text: 'P_t = P_0 (1 + premium) (1 − n_t/D)^(−1/ε_t), ε_t = |e_d| + e_s · (share of the supply buffer left); D = 100 mb/d. Each sample draws one of three elasticity studies (facts elasticity-kilian-murphy-2014, elasticity-baumeister-hamilton-2019, elasticity-caldara-cavallo-iacoviello-2019), log-normal factors on its estimates, and one on the risk premium. docs/econ.md.',
      },
    ],
  };
  const supply: Section = {
    id: 'oil-supply',
    title: 'Supply shock (mb/d)',
    blocks: [
      {
        kind: 'table',
        caption: 'Flow lost, what the bypass pipelines and stock releases make up, and the net shortfall.',
        columns: ['day', 'lost', 'bypass', 'release', 'net shortfall'],
        rows: days.map((t) =>
          [t, s.gross[t]!, s.bypass[t]!, s.release[t]!, s.net[t]!].map((x) => formatNumber(x)),
        ),
        trace:
          'lost = share · 20 mb/d (fact hormuz-oil-flow-2024), ramped over 3 days, recovering over 7; bypass ≤ 3.05 mb/d from day 7 (fact hormuz-spare-bypass); release from day 13 (fact us-spr-drawdown-rate)',
      },
    ],
  };
  const shipping: Section = {
    id: 'oil-shipping',
    title: 'Threat and shipping',
    blocks: [
      {
        kind: 'figure',
        label: 'War-risk insurance (% of hull value per voyage)',
        value: 100 * warRiskPremium(input.threat),
        format: 'number',
        trace: `threat ${threatName(input.threat)}; facts insurance-2025-06-gulf, insurance-2024-red-sea, insurance-1986-gulf`,
      },
      {
        kind: 'figure',
        label: 'Geopolitical risk premium (%, median)',
        value: riskPremiumPct(input.threat),
        format: 'number',
        trace: `threat ${threatName(input.threat)}; facts oil-2019-07-stena-impero, oil-2024-10-iran-israel`,
      },
    ],
  };
  return [price, supply, shipping];
}

export function oilDocument(input: OilInput): ReportDocument {
  const fan = priceFan({
    share: input.share,
    days: input.days,
    releaseMbd: input.releaseMbd,
    threat: input.threat,
    horizon: input.horizon,
    seed: input.seed,
    samples: input.samples,
  });
  return {
    title: `Brent after a Hormuz disruption of ${formatNumber(100 * input.share)} % for ${formatNumber(input.days)} days`,
    provenance: {
      disruption: input.share,
      days: input.days,
      'release (mb/d)': input.releaseMbd,
      threat: threatName(input.threat),
      'horizon (days)': input.horizon,
      seed: input.seed,
      samples: input.samples,
      'base Brent (US$/bbl)': fan.baseUsd,
    },
    sections: oilSections(input, fan),
    data: {
      input,
      peakPct: fan.peakPct,
      meanPct: fan.meanPct,
      firstDayPct: fan.firstDayPct,
      riskPremiumPct: riskPremiumPct(input.threat),
      warRiskPremium: warRiskPremium(input.threat),
      days: fan.days.map((d, t) => ({
        day: t,
        median: d.median,
        low: d.low,
        high: d.high,
        lost: fan.shock.gross[t],
        bypass: fan.shock.bypass[t],
        release: fan.shock.release[t],
        net: fan.shock.net[t],
      })),
    },
  };
}

export async function oilCommand(o: OilOptions): Promise<void> {
  const input = oilInput(o);
  process.stdout.write(await renderReport(oilDocument(input), input.format));
}

export function oilCommandDefinition(): Command {
  return (
    new Command('oil')
      .description('Brent path, with its 80 % band, after a Hormuz disruption; insurance (docs/econ.md)')
      // An added command does not inherit the program's override: a usage error exits 2 here too.
      .exitOverride((err) => {
        process.exit(err.exitCode === 0 ? 0 : 2);
      })
      .option('--disruption <share>', 'share of the Hormuz flow (20 mb/d) lost, 0–1')
      .option('--days <n>', 'days of disruption')
      .option('--release <mbd>', 'strategic stock release, mb/d (IEA + SPR; from day 13; default 0)')
      .option(
        '--threat <level>',
        `${THREAT_LEVELS.join(' | ')} or 0–4 (default: attacks with a disruption, calm without)`,
      )
      .option('--horizon <days>', `days of the path (default ${DEFAULT_HORIZON_DAYS})`)
      .option('--seed <n>', 'random seed of the elasticity sampling (default 1)')
      .option('--samples <n>', `Monte Carlo samples (default ${DEFAULT_SAMPLES})`)
      .option('--format <format>', 'text | md | html | json', 'text')
      .option('--json', 'same as --format json')
      .action((opts) => runAction(() => oilCommand(opts)))
  );
}
