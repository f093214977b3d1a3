// The sensitivity analysis (run-sensitivity.ts) as report blocks: the one-at-a-time tornado of each
// headline output (Howard 1988), the first-order and total Sobol indices (Sobol' 1993; Saltelli et
// al. 2010) with their bootstrap intervals, and the flip thresholds of a stage's modal option. The
// blocks can be appended to another report (e.g. analyze's) or make a document of their own.
import type { Block, ReportDocument, Section } from '../report/document.js';
import { formatNumber, formatProbability } from '../report/format.js';
import type { SobolRun, ThresholdResult, TornadoResult } from './run-sensitivity.js';

/** Bars and table rows of a tornado per output. */
export const TORNADO_ROWS = 10;

export interface SensitivityResults {
  readonly tornado?: TornadoResult;
  readonly sobol?: SobolRun;
  readonly thresholds?: readonly ThresholdResult[];
}

const pct = formatProbability;

/** A threshold or parameter value with four significant digits (thresholds are found to ~1e-6). */
export function formatThreshold(x: number): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 1e-4)) return formatNumber(x);
  const s = x.toPrecision(4);
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return t === '-0' ? '0' : t;
}

function quantileLabel(p: number): string {
  return `${formatNumber(p * 100)} % quantile`;
}

export function tornadoBlocks(t: TornadoResult): Block[] {
  const m = t.parameters.length;
  const lowLabel = `low (${quantileLabel(t.pLow)})`;
  const highLabel = `high (${quantileLabel(t.pHigh)})`;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Each of the ${m} varying parameters is set alone to its ${quantileLabel(t.pLow)} and its ${quantileLabel(t.pHigh)}, every other parameter at its mean, and the baseline game is solved again (agent logit QRE, λ = ${t.lambda}): 1 + 2 × ${m} = ${t.evaluations} model runs. Parameters are ranked by the swing |output at high − output at low| of each output; the ${TORNADO_ROWS} widest are shown. One-at-a-time swings are local: they miss interactions between parameters, which the Sobol total indices below capture.`,
    },
    ...t.outputs.map(
      (o, k): Block => ({
        kind: 'figure',
        label: `${o.label}, every parameter at its mean`,
        value: t.atBase[k]!,
        format: 'probability',
        trace: `Σ ρ over the baseline game's leaves of outcome class ${o.id} (design §5.1), parameters at their means`,
      }),
    ),
  ];
  t.outputs.forEach((o, k) => {
    const bars = t.bars[k]!.slice(0, TORNADO_ROWS);
    blocks.push(
      {
        kind: 'tornado',
        title: `${o.label}: one-at-a-time swings`,
        unit: 'probability',
        base: t.atBase[k]!,
        lowLabel,
        highLabel,
        bars: bars.map((b) => ({ label: b.name, low: b.atLow, high: b.atHigh })),
      },
      {
        kind: 'table',
        caption: `${o.label}: the ${bars.length} widest swings (at the means: ${pct(t.atBase[k]!)}).`,
        columns: ['parameter', 'low', 'high', `${o.label} at low`, `${o.label} at high`, 'swing'],
        rows: bars.map((b) => [
          b.name,
          formatThreshold(b.low),
          formatThreshold(b.high),
          pct(b.atLow),
          pct(b.atHigh),
          pct(b.swing),
        ]),
        trace: `one-at-a-time.ts: parameter at its ${quantileLabel(t.pLow)} / ${quantileLabel(t.pHigh)}, the others at their means`,
      },
    );
  });
  return blocks;
}

export function sobolBlocks(s: SobolRun): Block[] {
  const k = s.factors.length;
  const level = `${formatNumber(s.level * 100)} %`;
  const chosen =
    s.selection === 'named'
      ? `The ${k} factors were named by the user.`
      : `The ${k} factors are the parameters with the widest one-at-a-time swing over the three outputs.`;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${chosen} Each ranges over its distribution (a unit-cube coordinate taken through the parameter's quantile function); the other ${s.heldAtMeans} varying parameters are held at their means, so these are Sobol indices conditional on those parameters at their means, not indices over the whole prior. Saltelli design with N = ${s.n} (seed ${s.seed}): N(k + 2) = ${s.evaluations} solves of the baseline game at λ = ${s.lambda}. First-order S_i by the Saltelli (2010) estimator, total S_Ti by Jansen's (1999); ${level} percentile bootstrap intervals over ${s.bootstrap} resamples of the N rows.`,
    },
    {
      kind: 'paragraph',
      text: 'How to read: S_i is the share of the output’s variance that the factor explains alone; S_Ti the share it is involved in, interactions included, so S_Ti − S_i measures its interactions and a factor with S_Ti near 0 can be fixed anywhere in its range without changing the output. Small negative estimates and sums of S_i above 1 are sampling noise; wide intervals call for a larger N (--sobol-n).',
    },
  ];
  s.outputs.forEach((o, j) => {
    const r = s.indices[j]!;
    const ci = (xs: [number, number][], i: number) =>
      xs[i] === undefined ? '' : `[${formatThreshold(xs[i]![0])}, ${formatThreshold(xs[i]![1])}]`;
    blocks.push(
      {
        kind: 'table',
        caption: `${o.label}: mean ${pct(r.mean)}, standard deviation ${formatNumber(Math.sqrt(r.variance) * 100)} points over the design.`,
        columns: ['factor', 'S_i', `S_i ${level} interval`, 'S_Ti', `S_Ti ${level} interval`],
        rows: s.factors.map((f, i) => [
          f,
          formatThreshold(r.first[i]!),
          ci(r.firstCI, i),
          formatThreshold(r.total[i]!),
          ci(r.totalCI, i),
        ]),
        trace: 'sobol.ts: S_i = mean(f(B)(f(A_B^i) − f(A)))/V, S_Ti = mean((f(A) − f(A_B^i))²)/(2V)',
      },
      {
        kind: 'bar-chart',
        title: `${o.label}: Sobol indices`,
        unit: '',
        intervalLabel: `${level} bootstrap interval`,
        bars: s.factors.flatMap((f, i) => [
          {
            label: f,
            series: 'first order S_i',
            value: r.first[i]!,
            ...(r.firstCI[i] ? { low: r.firstCI[i]![0], high: r.firstCI[i]![1] } : {}),
          },
          {
            label: f,
            series: 'total S_Ti',
            value: r.total[i]!,
            ...(r.totalCI[i] ? { low: r.totalCI[i]![0], high: r.totalCI[i]![1] } : {}),
          },
        ]),
      },
    );
  });
  return blocks;
}

/** "for us_open, the modal option switches from A to B at p = 0.612". */
export function flipSentence(t: ThresholdResult, f: ThresholdResult['flips'][number]): string {
  return `For ${stageText(t)}, the modal option switches from ${f.from} to ${f.to} at ${t.param} = ${formatThreshold(f.at)}.`;
}

/** "us_open" or "us_open (between limited_strike and broad_campaign)". */
function stageText(t: ThresholdResult): string {
  if (!t.among) return t.stage;
  return `${t.stage} (between ${t.among.slice(0, -1).join(', ')} and ${t.among.at(-1)})`;
}

export function thresholdBlocks(ts: readonly ThresholdResult[]): Block[] {
  if (ts.length === 0) return [];
  const first = ts[0]!;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `The modal option of a stage is the option with the largest marginal probability on the equilibrium path (Σ ρ over the leaves whose path takes it) in the baseline game at λ = ${first.lambda}. One parameter is scanned over an interval (by default its 1 %–99 % quantiles) on a grid of ${first.points} points, every other parameter at its mean; each change of the modal option between grid neighbours is narrowed by bisection to a relative width of ${formatNumber(first.relTol)}. A switch and its reversal inside one grid cell would not be seen.`,
    },
  ];
  const items: string[] = [];
  const rows: (string | number)[][] = [];
  for (const t of ts) {
    if (t.flips.length === 0)
      items.push(
        `For ${stageText(t)}, the modal option stays ${t.modalAtLo} for ${t.param} from ${formatThreshold(t.lo)} to ${formatThreshold(t.hi)}.`,
      );
    for (const f of t.flips) {
      items.push(flipSentence(t, f));
      rows.push([t.param, stageText(t), formatThreshold(f.at), f.from, f.to]);
    }
    items.push(
      `At the mean ${t.param} = ${formatThreshold(t.base)}, the modal option of ${stageText(t)} is ${t.modalAtBase} (${t.evaluations} solves).`,
    );
  }
  blocks.push({ kind: 'list', items });
  if (rows.length > 0)
    blocks.push({
      kind: 'table',
      caption: 'Flip thresholds.',
      columns: ['parameter', 'stage', 'threshold', 'below', 'above'],
      rows,
      trace:
        'flip-threshold.ts: grid scan, then bisection of each bracket (the final brackets are in the JSON output)',
    });
  return blocks;
}

/** The sections of the results that were computed (tornado, Sobol, thresholds). */
export function sensitivitySections(r: SensitivityResults): Section[] {
  const out: Section[] = [];
  if (r.tornado)
    out.push({
      id: 'sensitivity-tornado',
      title: 'One-at-a-time sensitivity (tornado)',
      blocks: tornadoBlocks(r.tornado),
    });
  if (r.sobol)
    out.push({
      id: 'sensitivity-sobol',
      title: 'Variance-based sensitivity (Sobol indices)',
      blocks: sobolBlocks(r.sobol),
    });
  if (r.thresholds && r.thresholds.length > 0)
    out.push({
      id: 'sensitivity-thresholds',
      title: 'Flip thresholds',
      blocks: thresholdBlocks(r.thresholds),
    });
  return out;
}

export interface SensitivityReportMeta {
  readonly title: string;
  readonly scenario: string;
  readonly version: string;
  readonly seed: number;
  readonly lambda: number;
}

/** A whole document for `brink sensitivity`, with the results as its JSON data. */
export function buildSensitivityReport(r: SensitivityResults, meta: SensitivityReportMeta): ReportDocument {
  const runs =
    (r.tornado?.evaluations ?? 0) +
    (r.sobol?.evaluations ?? 0) +
    (r.thresholds ?? []).reduce((s, t) => s + t.evaluations, 0);
  return {
    title: `Sensitivity of the headline outcomes: ${meta.title}`,
    provenance: {
      scenario: meta.scenario,
      seed: meta.seed,
      'λ (logit QRE)': meta.lambda,
      'model runs': runs,
      ...(r.sobol ? { 'Sobol factors': r.sobol.factors.join(', '), 'Sobol N': r.sobol.n } : {}),
      brink: meta.version,
    },
    sections: sensitivitySections(r),
    data: r,
  };
}
