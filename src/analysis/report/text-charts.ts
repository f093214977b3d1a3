// Charts drawn with block characters for a terminal: horizontal bars with their value and 90 %
// interval written beside them, line charts as a sparkline per series plus a table of points, and
// tornados as bars either side of a base line.
import { lineChartTable, seriesOf } from './chart-tables.js';
import type { Block } from './document.js';
import { barFormat, formatInterval, formatNumber, formatValue } from './format.js';
import { type Align, alignTable, padEnd, padStart, width, wrap } from './text-layout.js';

type BarChart = Extract<Block, { kind: 'bar-chart' }>;
type LineChart = Extract<Block, { kind: 'line-chart' }>;
type Tornado = Extract<Block, { kind: 'tornado' }>;

/** Columns given to the bars themselves; labels and numbers take the rest. */
export const BAR_COLUMNS = 30;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const FULL = '█';
const LEFT_HALF = '▐';
const MAX_LABEL = 28;
const SPARK = '▁▂▃▄▅▆▇█';
const MAX_SPARK = 60;

/** A bar growing right from zero, in eighths of a column. */
export function rightBar(fraction: number, columns: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * columns * 8);
  return FULL.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** A bar growing left from zero, in halves of a column (Unicode has no finer left-aligned blocks). */
export function leftBar(fraction: number, columns: number): string {
  const halves = Math.round(Math.max(0, Math.min(1, fraction)) * columns * 2);
  return (halves % 2 === 1 ? LEFT_HALF : '') + FULL.repeat(Math.floor(halves / 2));
}

const finite = (xs: (number | undefined)[]): number[] =>
  xs.filter((x): x is number => x !== undefined && Number.isFinite(x));

/** Splits the bar columns between negative and positive values, in proportion to their extent. */
function barScale(chart: BarChart): { neg: number; pos: number; maxNeg: number; maxPos: number } {
  const all = finite(chart.bars.flatMap((b) => [b.value, b.low, b.high]));
  const maxPos = Math.max(0, ...all);
  const maxNeg = Math.max(0, ...all.map((x) => -x));
  if (maxNeg === 0) return { neg: 0, pos: BAR_COLUMNS, maxNeg, maxPos };
  const neg = Math.max(1, Math.round((BAR_COLUMNS * maxNeg) / (maxNeg + maxPos)));
  return { neg, pos: BAR_COLUMNS - neg, maxNeg, maxPos };
}

function drawBar(value: number, s: ReturnType<typeof barScale>): string {
  const left =
    s.neg === 0 ? '' : padStart(value < 0 && s.maxNeg > 0 ? leftBar(-value / s.maxNeg, s.neg) : '', s.neg);
  const right = value > 0 && s.maxPos > 0 ? rightBar(value / s.maxPos, s.pos) : '';
  // A zero line only when bars go both ways; otherwise every bar starts at the left edge.
  return left + (s.neg === 0 ? '' : '│') + padEnd(right, s.pos);
}

export function textBarChart(chart: BarChart, total: number): string[] {
  const title = wrap(chart.unit === '' ? chart.title : `${chart.title} (${chart.unit})`, total);
  if (chart.bars.length === 0) return [...title, '  (no data)'];
  const format = barFormat(chart.unit);
  const scale = barScale(chart);
  const hasSeries = chart.bars.some((b) => b.series !== undefined);
  const values = chart.bars.map((b) => formatValue(b.value, format));
  const intervals = chart.bars.map((b) =>
    b.low !== undefined && b.high !== undefined ? formatInterval([b.low, b.high], format) : '',
  );
  const labelW = Math.min(MAX_LABEL, Math.max(...chart.bars.map((b) => width(b.label))));
  const seriesW = hasSeries ? Math.max(...chart.bars.map((b) => width(b.series ?? ''))) : 0;
  const valueW = Math.max(...values.map(width));
  const out = [...title];
  chart.bars.forEach((b, i) => {
    // Grouped bars name their label once, on the first bar of the group.
    const sameGroup = i > 0 && chart.bars[i - 1]!.label === b.label;
    const labelLines = sameGroup ? [''] : wrap(b.label, labelW);
    const cells = [
      padEnd(labelLines[0]!, labelW),
      ...(hasSeries ? [padEnd(b.series ?? '', seriesW)] : []),
      drawBar(b.value, scale),
      padStart(values[i]!, valueW),
      intervals[i]!,
    ];
    out.push(`  ${cells.join('  ')}`.trimEnd());
    for (const more of labelLines.slice(1)) out.push(`  ${more}`);
  });
  return out;
}

/** Means of consecutive runs, so a long series fits in `max` characters. */
function bucket(ys: number[], max: number): number[] {
  if (ys.length <= max) return ys;
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const part = ys.slice(Math.floor((k * ys.length) / max), Math.floor(((k + 1) * ys.length) / max));
    out.push(part.reduce((s, y) => s + y, 0) / part.length);
  }
  return out;
}

/** One character per value, from ▁ (the lowest of `range`) to █ (the highest). */
export function sparkline(ys: number[], range: [number, number], max = MAX_SPARK): string {
  const [lo, hi] = range;
  return bucket(ys, max)
    .map((y) => {
      if (!Number.isFinite(y)) return ' ';
      const k = hi > lo ? Math.round(((y - lo) / (hi - lo)) * (SPARK.length - 1)) : 3;
      return SPARK[Math.max(0, Math.min(SPARK.length - 1, k))]!;
    })
    .join('');
}

export function textLineChart(chart: LineChart, total: number): string[] {
  const title = wrap(`${chart.title}: ${chart.yLabel} by ${chart.xLabel}`, total);
  if (chart.points.length === 0) return [...title, '  (no data)'];
  const series = seriesOf(chart);
  const ys = finite(chart.points.map((p) => p.y));
  const range: [number, number] = [Math.min(...ys), Math.max(...ys)];
  const out = [...title];
  const nameW = Math.max(...series.map(width));
  for (const s of series) {
    const pts = chart.points.filter((p) => p.series === s).sort((a, b) => a.x - b.x);
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    const ends = `${formatNumber(first.y)} → ${formatNumber(last.y)}`;
    out.push(
      `  ${padEnd(s, nameW)}  ${sparkline(
        pts.map((p) => p.y),
        range,
      )}  ${ends}`,
    );
  }
  const t = lineChartTable(chart);
  const align = t.right.map((r) => (r ? 'right' : 'left') as Align);
  out.push(...alignTable(t.header, t.rows, align, total - 2).map((l) => `  ${l}`));
  return out;
}

const TORNADO_LOW = '░';
const TORNADO_HIGH = '█';
const TORNADO_BASE = '│';

/**
 * A tornado in whole columns on one scale from the lowest to the highest value: ░ from the base
 * line to the output at the input's low value, █ to the output at its high value (the nearer end
 * drawn over the farther when both lie on one side), then both values.
 */
export function textTornadoChart(chart: Tornado, total: number): string[] {
  const format = barFormat(chart.unit);
  const unit = chart.unit === '' ? '' : ` (${chart.unit})`;
  const title = wrap(`${chart.title}${unit}, base ${formatValue(chart.base, format)}`, total);
  if (chart.bars.length === 0) return [...title, '  (no data)'];
  const all = finite([chart.base, ...chart.bars.flatMap((b) => [b.low, b.high])]);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const col = (x: number) =>
    Number.isFinite(x) && hi > lo ? Math.round(((x - lo) / (hi - lo)) * (BAR_COLUMNS - 1)) : -1;
  const baseCol = Math.max(0, col(chart.base));
  const labelW = Math.min(MAX_LABEL, Math.max(...chart.bars.map((b) => width(b.label))));
  const lows = chart.bars.map((b) => formatValue(b.low, format));
  const highs = chart.bars.map((b) => formatValue(b.high, format));
  const lowW = Math.max(...lows.map(width));
  const highW = Math.max(...highs.map(width));
  const out = [
    ...title,
    `  ${TORNADO_LOW} ${chart.lowLabel}, ${TORNADO_HIGH} ${chart.highLabel}, ${TORNADO_BASE} base`,
  ];
  chart.bars.forEach((b, i) => {
    const cells = new Array<string>(BAR_COLUMNS).fill(' ');
    const paint = (x: number, ch: string) => {
      const c = col(x);
      if (c < 0) return;
      for (let k = Math.min(c, baseCol); k <= Math.max(c, baseCol); k++) cells[k] = ch;
    };
    const ends = [
      { x: b.low, ch: TORNADO_LOW },
      { x: b.high, ch: TORNADO_HIGH },
    ].sort((p, q) => Math.abs(q.x - chart.base) - Math.abs(p.x - chart.base));
    for (const e of ends) paint(e.x, e.ch);
    cells[baseCol] = TORNADO_BASE;
    const labelLines = wrap(b.label, labelW);
    const row = [
      padEnd(labelLines[0]!, labelW),
      cells.join(''),
      `${padStart(lows[i]!, lowW)} … ${padStart(highs[i]!, highW)}`,
    ];
    out.push(`  ${row.join('  ')}`.trimEnd());
    for (const more of labelLines.slice(1)) out.push(`  ${more}`);
  });
  return out;
}
