// The values behind a chart as a table, so every format can show the exact numbers a chart draws
// (Markdown instead of the chart, text and HTML beside it).
import type { Block } from './document.js';
import { barFormat, formatInterval, formatNumber, formatValue } from './format.js';

type BarChart = Extract<Block, { kind: 'bar-chart' }>;
type LineChart = Extract<Block, { kind: 'line-chart' }>;
type Tornado = Extract<Block, { kind: 'tornado' }>;

export interface PlainTable {
  header: string[];
  rows: string[][];
  /** Columns of numbers, set flush right. */
  right: boolean[];
}

export function barChartTable(chart: BarChart): PlainTable {
  const format = barFormat(chart.unit);
  const hasSeries = chart.bars.some((b) => b.series !== undefined);
  const header = ['', ...(hasSeries ? ['series'] : []), 'value', chart.intervalLabel ?? '90 % interval'];
  const rows = chart.bars.map((b) => [
    b.label,
    ...(hasSeries ? [b.series ?? ''] : []),
    formatValue(b.value, format),
    b.low !== undefined && b.high !== undefined ? formatInterval([b.low, b.high], format) : '',
  ]);
  return { header, rows, right: header.map((h) => h === 'value') };
}

/** Series names in order of first appearance. */
export function seriesOf(chart: LineChart): string[] {
  return [...new Set(chart.points.map((p) => p.series))];
}

/** The x values of all series, ascending. */
export function xsOf(chart: LineChart): number[] {
  return [...new Set(chart.points.map((p) => p.x))].sort((a, b) => a - b);
}

/** "70.2 [68, 73]": a point's value with its band, if it has one. */
export function pointCell(p: { y: number; low?: number; high?: number } | undefined): string {
  if (!p) return '';
  const band =
    p.low !== undefined && p.high !== undefined ? ` ${formatInterval([p.low, p.high], 'number')}` : '';
  return formatNumber(p.y) + band;
}

/** One row per x, one column per series. */
export function lineChartTable(chart: LineChart): PlainTable {
  const series = seriesOf(chart);
  const rows = xsOf(chart).map((x) => [
    formatNumber(x),
    ...series.map((s) => pointCell(chart.points.find((p) => p.series === s && p.x === x))),
  ]);
  return { header: [chart.xLabel, ...series], rows, right: [true, ...series.map(() => false)] };
}

/** One row per input: the output at its low and high value, and the swing between them. */
export function tornadoChartTable(chart: Tornado): PlainTable {
  const format = barFormat(chart.unit);
  const header = ['', chart.lowLabel, chart.highLabel, 'swing'];
  const rows = chart.bars.map((b) => [
    b.label,
    formatValue(b.low, format),
    formatValue(b.high, format),
    formatValue(Math.abs(b.high - b.low), format),
  ]);
  return { header, rows, right: [false, true, true, true] };
}
