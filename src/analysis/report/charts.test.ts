import { describe, expect, it } from 'vitest';
import { chartSvg, scopeSvgIds, specToSvg } from './charts.js';

describe('charts as SVG', () => {
  it('draws one bar per value and an error bar per interval', async () => {
    const svg = await chartSvg(
      {
        kind: 'bar-chart',
        title: 'P(outcome)',
        unit: 'probability',
        bars: [
          { label: 'war', value: 0.12, low: 0.05, high: 0.2 },
          { label: 'talks', value: 0.5 },
          { label: 'strike', value: 0.38, low: 0.3, high: 0.45 },
        ],
      },
      'chart-1',
    );
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(3);
    expect(svg.match(/aria-roledescription="errorbar"/g)).toHaveLength(2);
    // The probability axis is in percent.
    expect(svg).toContain('>50%</text>');
    // The axis is titled by the unit alone, not merged with the error bar's field ("probability, low").
    expect(svg).toContain('>probability</text>');
    expect(svg).not.toContain('probability, low');
  });

  it('draws a line per series and a band where the points have one', async () => {
    const svg = await chartSvg(
      {
        kind: 'line-chart',
        title: 'Price',
        xLabel: 'day',
        yLabel: 'USD',
        points: [
          { x: 0, y: 70, series: 'brent', low: 68, high: 72 },
          { x: 1, y: 75, series: 'brent', low: 70, high: 80 },
          { x: 0, y: 66, series: 'wti' },
          { x: 1, y: 71, series: 'wti' },
        ],
      },
      'chart-2',
    );
    expect(svg.match(/class="mark-line role-mark/g)).toHaveLength(2);
    expect(svg.match(/class="mark-area role-mark/g)).toHaveLength(1);
  });

  it('draws a tornado as two bars per input from the base, with a rule at the base', async () => {
    const chart = {
      kind: 'tornado' as const,
      title: 'P(war)',
      unit: 'probability',
      base: 0.2,
      lowLabel: 'low',
      highLabel: 'high',
      bars: [
        { label: 'a', low: 0.1, high: 0.35 },
        { label: 'b', low: 0.25, high: 0.15 },
      ],
    };
    const svg = await chartSvg(chart, 'chart-3');
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(4);
    expect(svg.match(/aria-roledescription="rule mark"/g)).toHaveLength(1);
    expect(svg).toContain('>20.0%</text>');
    // Deterministic: the same chart gives the same bytes.
    expect(await chartSvg(chart, 'chart-3')).toBe(svg);
  });

  it('renumbers ids per chart, so output does not depend on what was drawn before', async () => {
    expect(
      scopeSvgIds(
        '<clipPath id="clip7"/><g clip-path="url(#clip7)"/><use href="#clip9"/><x id="clip9"/>',
        'c',
      ),
    ).toBe('<clipPath id="c-1"/><g clip-path="url(#c-1)"/><use href="#c-2"/><x id="c-2"/>');
    // Vega numbers clip paths from a counter kept by the process: two draws differ until scoped.
    const spec = {
      data: { values: [{ x: 1, y: 2 }] },
      mark: { type: 'line' as const, clip: true },
      encoding: {
        x: { field: 'x', type: 'quantitative' as const },
        y: { field: 'y', type: 'quantitative' as const },
      },
    };
    const a = await specToSvg(spec);
    const b = await specToSvg(spec);
    expect(a).not.toBe(b);
    expect(scopeSvgIds(a, 'chart-1')).toBe(scopeSvgIds(b, 'chart-1'));
  });
});
