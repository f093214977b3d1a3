// The report of `brink compare` as a document: the policies compared, a side-by-side table of every
// figure (mean over draws and 90 % interval) with grouped bar charts, and the paired differences
// against the reference policy (draw-by-draw differences on common random numbers, summarised).
import type { Model } from '../scenario/model.js';
import type { PolicySpec } from '../scenario/schema.js';
import type { CompareMetric, CompareRun, DiffStat } from './compare.js';
import type { Block, ReportDocument, Section } from './report/document.js';
import { PROBABILITY_UNIT, UTILITY_UNIT, formatProbability, formatValue } from './report/format.js';
import type { Stat } from './stats.js';

export interface CompareReportMeta {
  /** How the scenario is named in the provenance (e.g. the path given on the command line). */
  readonly scenario: string;
  readonly version: string;
}

function cell(s: Stat, m: CompareMetric): string {
  return `${formatValue(s.mean, m.format)} [${formatValue(s.low, m.format)}, ${formatValue(s.high, m.format)}]`;
}

/** A difference with its sign; probability differences in percentage points. */
export function formatDifference(x: number, format: CompareMetric['format']): string {
  let s = formatValue(x, format);
  if (format === 'probability') s = s.replace(/%$/, ' pp');
  return x > 0 && /^[0-9]/.test(s) && !/^0(\.0*)?( pp)?$/.test(s) ? `+${s}` : s;
}

function policiesSection(model: Model, run: CompareRun): Section {
  const ref = run.plan.policies[0]!;
  return {
    id: 'policies',
    title: 'Policies compared',
    blocks: [
      {
        kind: 'paragraph',
        text: `Every policy is solved on the same ${run.draws} parameter draws (seed ${run.seed}; common random numbers), by agent logit QRE at λ = ${run.lambda}. A policy fixes or forbids options of an actor (scenario policies); the reference is ${ref.label} (${ref.id}).`,
      },
      {
        kind: 'list',
        items: run.plan.policies.map((p) => {
          const spec = model.spec.policies[p.id];
          const what = spec === undefined ? 'no constraint' : (spec.description ?? rulesText(spec.rules));
          return `${p.label} (${p.id}): ${what}`;
        }),
      },
      {
        kind: 'table',
        caption: 'Figures compared (the column names of the CSV output).',
        columns: ['figure', 'column', 'from'],
        rows: run.results.metrics.map((m) => [m.label, m.id, m.trace]),
        trace: 'each figure is read from the equilibrium of every policy game of every draw',
      },
    ],
  };
}

function rulesText(rules: PolicySpec['rules']): string {
  return rules
    .map(
      (r) =>
        `${r.stage}: ${r.fix !== undefined ? `fix ${r.fix}` : `forbid ${r.forbid!.join(', ')}`}${r.when !== undefined ? ` when ${String(r.when)}` : ''}`,
    )
    .join('; ');
}

function sideBySide(run: CompareRun): Section {
  const { results } = run;
  const metrics = results.metrics;
  const groupBars = (ids: readonly CompareMetric[]) =>
    ids.flatMap((m) =>
      results.policies.map((p) => {
        const s = p.figures[m.id]!;
        return { label: m.label, series: p.label, value: s.mean, low: s.low, high: s.high };
      }),
    );
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: 'Each cell: the mean over draws of the figure in each draw’s equilibrium, with the 5th–95th percentile of the draws in brackets. Outcome classes are exclusive and add up to 1.',
    },
    {
      kind: 'table',
      caption: 'Side by side.',
      columns: ['figure', ...results.policies.map((p) => p.label)],
      rows: metrics.map((m) => [m.label, ...results.policies.map((p) => cell(p.figures[m.id]!, m))]),
      trace: 'the figures of section 1, per policy game, over the same draws',
    },
    {
      kind: 'bar-chart',
      title: 'Outcome classes by policy (mean over draws, 90 % interval)',
      unit: PROBABILITY_UNIT,
      bars: groupBars(metrics.filter((m) => m.group === 'outcome')),
    },
  ];
  const payoffs = metrics.filter((m) => m.group === 'payoff' && (m.id.endsWith('_U') || m.id === 'joint_U'));
  if (payoffs.length > 0) {
    blocks.push({
      kind: 'bar-chart',
      title: 'Expected payoffs by policy (mean over draws, 90 % interval)',
      unit: UTILITY_UNIT,
      bars: groupBars(payoffs),
    });
  }
  return { id: 'side-by-side', title: 'Side by side', blocks };
}

function diffRow(m: CompareMetric, d: DiffStat): string[] {
  return [
    m.label,
    formatDifference(d.mean, m.format),
    `[${formatDifference(d.low, m.format)}, ${formatDifference(d.high, m.format)}]`,
    formatProbability(d.positive),
  ];
}

function differences(run: CompareRun): Section {
  const { results } = run;
  const ref = results.policies[0]!;
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Each policy minus ${ref.label}, taken draw by draw on the same parameter values and then summarised: the mean difference, the 5th–95th percentile of the per-draw differences, and the share of draws in which the difference is positive. Probability differences are in percentage points (pp).`,
    },
  ];
  for (const d of results.differences) {
    blocks.push({
      kind: 'table',
      caption: `${d.label} − ${ref.label}.`,
      columns: ['figure', 'difference', '90 % interval', 'draws > 0'],
      rows: results.metrics.map((m) => diffRow(m, d.figures[m.id]!)),
      trace: `per draw: figure under ${d.id} − figure under ${d.reference}, same parameter draw`,
    });
  }
  blocks.push({
    kind: 'bar-chart',
    title: `Change in outcome classes against ${ref.label} (paired, 90 % interval)`,
    unit: PROBABILITY_UNIT,
    bars: results.metrics
      .filter((m) => m.group === 'outcome')
      .flatMap((m) =>
        results.differences.map((d) => {
          const s = d.figures[m.id]!;
          return { label: m.label, series: d.label, value: s.mean, low: s.low, high: s.high };
        }),
      ),
  });
  return { id: 'differences', title: `Paired differences against ${ref.label}`, blocks };
}

export function buildCompareReport(model: Model, run: CompareRun, meta: CompareReportMeta): ReportDocument {
  let maxResidual = 0;
  let solves = 0;
  for (const r of run.records)
    for (const s of Object.values(r.solver)) {
      maxResidual = Math.max(maxResidual, s.residual);
      solves++;
    }
  const first = run.records[0];
  const nodes = run.plan.policies.map((p) => `${p.id} ${first?.solver[p.id]?.nodes ?? 0}`).join(', ');
  return {
    title: `Brink policy comparison: ${model.spec.title}`,
    provenance: {
      scenario: meta.scenario,
      'scenario id': model.spec.id,
      seed: run.seed,
      draws: run.draws,
      lambda: run.lambda,
      policies: run.plan.policies.map((p) => p.id).join(', '),
      reference: run.plan.policies[0]!.id,
      solver: `agent logit QRE (${solves} solves; largest fixed-point residual ${maxResidual.toExponential(1)})`,
      games: `nodes per policy game: ${nodes}`,
      brink: meta.version,
    },
    sections: [policiesSection(model, run), sideBySide(run), differences(run)],
  };
}
