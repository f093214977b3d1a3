// The side-by-side table of a policy comparison as plain rows: per figure, each policy's mean over
// draws with its 90 % interval, then each policy's paired difference against the reference with the
// interval of the per-draw differences — the cells of `brink compare`'s side-by-side and
// differences tables (compare-report.ts), put in one table so they can be read across.

import { formatDifference } from '../../../src/analysis/compare-report.js';
import type { CompareMetric, CompareResults, DiffStat } from '../../../src/analysis/compare.js';
import type { Block } from '../../../src/analysis/report/document.js';
import {
  PROBABILITY_UNIT,
  UTILITY_UNIT,
  formatProbability,
  formatValue,
} from '../../../src/analysis/report/format.js';
import type { Stat } from '../../../src/analysis/stats.js';

export interface TableCell {
  readonly text: string;
  /** The mean behind the text, full precision (for data-value). */
  readonly value: number;
  /** A note shown on hover (the share of draws in which a difference is positive). */
  readonly title?: string;
}

export interface TableRow {
  readonly id: string;
  readonly label: string;
  readonly trace: string;
  readonly cells: readonly TableCell[];
}

export interface TableGroup {
  readonly title: string;
  readonly rows: readonly TableRow[];
}

export interface CompareTable {
  /** Column headings after the figure's: the policies, then "policy − reference" per other policy. */
  readonly columns: readonly string[];
  readonly groups: readonly TableGroup[];
}

const GROUP_TITLES: Record<CompareMetric['group'], string> = {
  outcome: 'Outcome classes',
  event: 'Events',
  payoff: 'Expected costs and payoffs',
  oil: 'Oil market',
};

/** `42.1% [30.0%, 55.0%]`, as in the CLI's side-by-side table. */
export function statCell(s: Stat, m: CompareMetric): TableCell {
  return {
    text: `${formatValue(s.mean, m.format)} [${formatValue(s.low, m.format)}, ${formatValue(s.high, m.format)}]`,
    value: s.mean,
  };
}

/** `+3.2 pp [-1.0 pp, +8.0 pp]`, as in the CLI's differences tables. */
export function diffCell(d: DiffStat, m: CompareMetric): TableCell {
  return {
    text: `${formatDifference(d.mean, m.format)} [${formatDifference(d.low, m.format)}, ${formatDifference(d.high, m.format)}]`,
    value: d.mean,
    title: `positive in ${formatProbability(d.positive)} of the draws`,
  };
}

export function compareTable(results: CompareResults): CompareTable {
  const reference = results.policies[0]!;
  const columns = [
    ...results.policies.map((p) => p.label),
    ...results.differences.map((d) => `${d.label} − ${reference.label}`),
  ];
  const groups: TableGroup[] = [];
  for (const m of results.metrics) {
    const title = GROUP_TITLES[m.group];
    let group = groups.find((g) => g.title === title);
    if (!group) {
      group = { title, rows: [] };
      groups.push(group);
    }
    (group.rows as TableRow[]).push({
      id: m.id,
      label: m.label,
      trace: m.trace,
      cells: [
        ...results.policies.map((p) => statCell(p.figures[m.id]!, m)),
        ...results.differences.map((d) => diffCell(d.figures[m.id]!, m)),
      ],
    });
  }
  return { columns, groups };
}

type BarChart = Extract<Block, { kind: 'bar-chart' }>;

/**
 * Grouped bars of the outcome classes and of the expected payoffs per policy (mean, 90 % interval):
 * the charts of the CLI's side-by-side section, as blocks for the report's chart spec.
 */
export function compareCharts(results: CompareResults): BarChart[] {
  const bars = (metrics: readonly CompareMetric[]) =>
    metrics.flatMap((m) =>
      results.policies.map((p) => {
        const s = p.figures[m.id]!;
        return { label: m.label, series: p.label, value: s.mean, low: s.low, high: s.high };
      }),
    );
  const charts: BarChart[] = [
    {
      kind: 'bar-chart',
      title: 'Outcome classes by policy (mean over draws, 90 % interval)',
      unit: PROBABILITY_UNIT,
      bars: bars(results.metrics.filter((m) => m.group === 'outcome')),
    },
  ];
  const payoffs = results.metrics.filter(
    (m) => m.group === 'payoff' && (m.id.endsWith('_U') || m.id === 'joint_U'),
  );
  if (payoffs.length > 0)
    charts.push({
      kind: 'bar-chart',
      title: 'Expected payoffs by policy (mean over draws, 90 % interval)',
      unit: UTILITY_UNIT,
      bars: bars(payoffs),
    });
  return charts;
}
