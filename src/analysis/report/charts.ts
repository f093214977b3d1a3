// Charts as SVG, drawn by Vega-Lite and Vega on the server without a DOM: bars with error bars for
// their 90 % intervals, lines with shaded bands. Vega names clip paths from a counter shared by
// the whole process (clip1, clip2, ...), so ids are renumbered per chart: the same chart then
// gives the same bytes however many were drawn before it, and ids stay unique in one page.
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import * as vl from 'vega-lite';
import type { Block } from './document.js';
import { barFormat } from './format.js';

type BarChart = Extract<Block, { kind: 'bar-chart' }>;
type LineChart = Extract<Block, { kind: 'line-chart' }>;
type Tornado = Extract<Block, { kind: 'tornado' }>;

const CHART_WIDTH = 480;
const LINE_HEIGHT = 240;
// Vega measures text by estimate when there is no canvas, which is what keeps the output the same
// on every machine; a fixed generic font keeps the page free of external resources.
const CONFIG = { font: 'sans-serif', background: 'white' } as const;
const HAS_INTERVAL = 'isValid(datum.low) && isValid(datum.high)';

export function barChartSpec(chart: BarChart): TopLevelSpec {
  const probability = barFormat(chart.unit) === 'probability';
  const hasSeries = chart.bars.some((b) => b.series !== undefined);
  const values = chart.bars.map((b) => ({
    label: b.label,
    series: b.series ?? '',
    value: b.value,
    ...(b.low !== undefined && b.high !== undefined ? { low: b.low, high: b.high } : {}),
  }));
  return {
    title: chart.title,
    width: CHART_WIDTH,
    config: CONFIG,
    data: { values },
    encoding: {
      // sort: null keeps the document's order of bars and series.
      y: { field: 'label', type: 'nominal', sort: null, title: null },
      ...(hasSeries
        ? {
            yOffset: { field: 'series', type: 'nominal', sort: null },
            color: { field: 'series', type: 'nominal', sort: null, title: null },
          }
        : {}),
    },
    layer: [
      {
        mark: hasSeries ? 'bar' : { type: 'bar', color: '#4c78a8' },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            title: chart.unit === '' ? null : chart.unit,
            ...(probability ? { axis: { format: '.0%' } } : {}),
          },
        },
      },
      {
        transform: [{ filter: HAS_INTERVAL }],
        mark: { type: 'errorbar', ticks: true, color: 'black' },
        // The same axis title as the bars: Vega-Lite would otherwise merge the two into "unit, low".
        encoding: {
          x: { field: 'low', type: 'quantitative', title: chart.unit === '' ? null : chart.unit },
          x2: { field: 'high' },
        },
      },
    ],
  } as TopLevelSpec;
}

export function lineChartSpec(chart: LineChart): TopLevelSpec {
  const values = chart.points.map((p) => ({
    x: p.x,
    y: p.y,
    series: p.series,
    ...(p.low !== undefined && p.high !== undefined ? { low: p.low, high: p.high } : {}),
  }));
  const y = { type: 'quantitative', title: chart.yLabel, scale: { zero: false } } as const;
  return {
    title: chart.title,
    width: CHART_WIDTH,
    height: LINE_HEIGHT,
    config: CONFIG,
    data: { values },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: chart.xLabel },
      color: { field: 'series', type: 'nominal', sort: null, title: null },
    },
    layer: [
      {
        transform: [{ filter: HAS_INTERVAL }],
        mark: { type: 'area', opacity: 0.2 },
        encoding: { y: { ...y, field: 'low' }, y2: { field: 'high' } },
      },
      { mark: 'line', encoding: { y: { ...y, field: 'y' } } },
    ],
  } as TopLevelSpec;
}

/**
 * A tornado: per input, a bar from the base value to the output with the input at its low value
 * and one to the output at its high value (side by side, coloured by end), and a rule at the base.
 */
export function tornadoChartSpec(chart: Tornado): TopLevelSpec {
  const probability = barFormat(chart.unit) === 'probability';
  const values = chart.bars.flatMap((b) => [
    { label: b.label, end: chart.lowLabel, from: chart.base, to: b.low },
    { label: b.label, end: chart.highLabel, from: chart.base, to: b.high },
  ]);
  const x = {
    field: 'from',
    type: 'quantitative',
    title: chart.unit === '' ? null : chart.unit,
    scale: { zero: false },
    ...(probability ? { axis: { format: '.1%' } } : {}),
  } as const;
  return {
    title: chart.title,
    width: CHART_WIDTH,
    config: CONFIG,
    layer: [
      {
        data: { values },
        mark: 'bar',
        encoding: {
          y: { field: 'label', type: 'nominal', sort: null, title: null },
          yOffset: { field: 'end', type: 'nominal', sort: [chart.lowLabel, chart.highLabel] },
          x,
          x2: { field: 'to' },
          color: {
            field: 'end',
            type: 'nominal',
            sort: [chart.lowLabel, chart.highLabel],
            scale: { range: ['#9ecae9', '#2e6aa6'] },
            title: null,
          },
        },
      },
      {
        data: { values: [{ base: chart.base }] },
        mark: { type: 'rule', color: 'black' },
        encoding: { x: { field: 'base', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}

/**
 * Gives every id in an SVG a name of the form `<prefix>-<n>`, numbered in order of first
 * appearance, and rewrites the references to it (url(#id), href="#id").
 */
export function scopeSvgIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1]!)) ids.set(m[1]!, `${prefix}-${ids.size + 1}`);
  }
  if (ids.size === 0) return svg;
  const rename = (id: string) => ids.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_, a: string, id: string, b: string) => a + rename(id) + b)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/(href=")#([^"]+)(")/g, (_, a: string, id: string, b: string) => `${a}#${rename(id)}${b}`);
}

/** Renders a Vega-Lite spec to SVG, without a DOM and without log output. */
export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The SVG of a chart block; `prefix` makes its ids unique within the page (e.g. "chart-3"). */
export async function chartSvg(chart: BarChart | LineChart | Tornado, prefix: string): Promise<string> {
  const spec =
    chart.kind === 'bar-chart'
      ? barChartSpec(chart)
      : chart.kind === 'tornado'
        ? tornadoChartSpec(chart)
        : lineChartSpec(chart);
  return scopeSvgIds(await specToSvg(spec), prefix);
}
