import { describe, expect, it } from 'vitest';
import { tornadoChartTable } from './chart-tables.js';
import { leftBar, rightBar, sparkline, textBarChart, textTornadoChart } from './text-charts.js';

describe('text charts', () => {
  it('draws bars in eighths of a column to the right and halves to the left', () => {
    expect(rightBar(0.5, 4)).toBe('██');
    // 0.42 of 10 columns = 33.6 eighths → 34 = four full blocks and two eighths.
    expect(rightBar(0.42, 10)).toBe('████▎');
    expect(rightBar(0, 10)).toBe('');
    expect(leftBar(0.25, 10)).toBe('▐██');
  });
  it('draws a sparkline over a shared range', () => {
    expect(sparkline([0, 1, 2], [0, 2])).toBe('▁▅█');
    expect(sparkline([5, 5], [5, 5])).toBe('▄▄');
    // Longer series are averaged in runs to fit.
    expect(sparkline([0, 0, 2, 2], [0, 2], 2)).toBe('▁█');
  });
  it('writes each bar with its value and interval, scaled to the largest extent', () => {
    const lines = textBarChart(
      {
        kind: 'bar-chart',
        title: 'Share',
        unit: 'probability',
        bars: [
          { label: 'a', value: 0.5, low: 0.25, high: 1 },
          { label: 'bb', value: 0.25 },
        ],
      },
      100,
    );
    expect(lines).toEqual([
      'Share (probability)',
      `  a   ${'█'.repeat(15)}${' '.repeat(15)}  50.0%  [25.0%, 100.0%]`,
      `  bb  ${'█'.repeat(7)}▌${' '.repeat(22)}  25.0%`,
    ]);
  });
  it('draws a tornado either side of its base line, the nearer end over the farther', () => {
    const chart = {
      kind: 'tornado' as const,
      title: 'P(war)',
      unit: 'probability',
      base: 0.2,
      lowLabel: 'low (5 % quantile)',
      highLabel: 'high (95 % quantile)',
      bars: [
        // On a scale from 0.1 (column 0) to 0.39 (column 29): base at column 10.
        { label: 'a', low: 0.1, high: 0.39 },
        { label: 'bb', low: 0.3, high: 0.25 },
      ],
    };
    expect(textTornadoChart(chart, 100)).toEqual([
      'P(war) (probability), base 20.0%',
      '  ░ low (5 % quantile), █ high (95 % quantile), │ base',
      `  a   ${'░'.repeat(10)}│${'█'.repeat(19)}  10.0% … 39.0%`,
      `  bb  ${' '.repeat(10)}│${'█'.repeat(5)}${'░'.repeat(5)}${' '.repeat(9)}  30.0% … 25.0%`,
    ]);
    expect(tornadoChartTable(chart)).toEqual({
      header: ['', 'low (5 % quantile)', 'high (95 % quantile)', 'swing'],
      rows: [
        ['a', '10.0%', '39.0%', '29.0%'],
        ['bb', '30.0%', '25.0%', '5.0%'],
      ],
      right: [false, true, true, true],
    });
  });
});
