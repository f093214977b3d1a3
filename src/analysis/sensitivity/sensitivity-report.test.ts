// The sensitivity blocks from hand-made results: what each table row and sentence says, and that
// every format renders them the same way twice.
import { describe, expect, test } from 'vitest';
import type { Block } from '../report/document.js';
import { renderReport } from '../report/render.js';
import { HEADLINE_OUTPUTS } from './headline.js';
import type { SobolRun, ThresholdResult, TornadoResult } from './run-sensitivity.js';
import {
  buildSensitivityReport,
  formatThreshold,
  sensitivitySections,
  sobolBlocks,
  thresholdBlocks,
  tornadoBlocks,
} from './sensitivity-report.js';

const bar = (index: number, name: string, low: number, high: number, atLow: number, atHigh: number) => ({
  index,
  name,
  low,
  high,
  atLow,
  atHigh,
  swing: Math.abs(atHigh - atLow),
});

const TORNADO: TornadoResult = {
  lambda: 10,
  pLow: 0.05,
  pHigh: 0.95,
  outputs: [...HEADLINE_OUTPUTS],
  parameters: ['x', 'y'],
  atBase: [0.02, 0.05, 0.3],
  bars: [
    [bar(0, 'x', 0.1, 0.9, 0.01, 0.04), bar(1, 'y', 2, 8, 0.02, 0.025)],
    [bar(1, 'y', 2, 8, 0.06, 0.03), bar(0, 'x', 0.1, 0.9, 0.05, 0.05)],
    [bar(0, 'x', 0.1, 0.9, 0.1, 0.6), bar(1, 'y', 2, 8, 0.3, 0.3)],
  ],
  evaluations: 5,
};

const SOBOL: SobolRun = {
  lambda: 10,
  seed: 1,
  n: 16,
  factors: ['x', 'y'],
  selection: 'tornado',
  heldAtMeans: 70,
  outputs: [...HEADLINE_OUTPUTS],
  indices: HEADLINE_OUTPUTS.map(() => ({
    first: [0.61234, 0.1],
    total: [0.8, 0.25],
    firstCI: [
      [0.4, 0.8],
      [-0.05, 0.3],
    ],
    totalCI: [
      [0.6, 1.1],
      [0.1, 0.4],
    ],
    variance: 0.0004,
    mean: 0.02,
  })),
  bootstrap: 1000,
  level: 0.95,
  evaluations: 64,
};

const THRESHOLD: ThresholdResult = {
  lambda: 10,
  param: 'x',
  stage: 'us_open',
  lo: 0.01,
  hi: 0.99,
  points: 41,
  relTol: 1e-6,
  base: 0.5,
  modalAtBase: 'broad_campaign',
  modalAtLo: 'limited_strike',
  modalAtHi: 'broad_campaign',
  flips: [{ at: 0.61234567, from: 'limited_strike', to: 'broad_campaign', bracket: [0.6123453, 0.6123459] }],
  evaluations: 60,
};

describe('sensitivity report blocks', () => {
  test('a tornado chart and a table of the widest swings per output', () => {
    const blocks = tornadoBlocks(TORNADO);
    expect(blocks.filter((b) => b.kind === 'figure').map((b) => (b as { value: number }).value)).toEqual([
      0.02, 0.05, 0.3,
    ]);
    const charts = blocks.filter((b): b is Extract<Block, { kind: 'tornado' }> => b.kind === 'tornado');
    expect(charts).toHaveLength(3);
    expect(charts[1]).toEqual({
      kind: 'tornado',
      title: 'P(Hormuz disruption): one-at-a-time swings',
      unit: 'probability',
      base: 0.05,
      lowLabel: 'low (5 % quantile)',
      highLabel: 'high (95 % quantile)',
      bars: [
        { label: 'y', low: 0.06, high: 0.03 },
        { label: 'x', low: 0.05, high: 0.05 },
      ],
    });
    const table = blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
    expect(table.columns).toEqual([
      'parameter',
      'low',
      'high',
      'P(regional war) at low',
      'P(regional war) at high',
      'swing',
    ]);
    expect(table.rows).toEqual([
      ['x', '0.1', '0.9', '1.0%', '4.0%', '3.0%'],
      ['y', '2', '8', '2.0%', '2.5%', '0.5%'],
    ]);
  });

  test('Sobol indices with their intervals, and what is held at the means', () => {
    const blocks = sobolBlocks(SOBOL);
    expect((blocks[0] as { text: string }).text).toContain(
      'the other 70 varying parameters are held at their means, so these are Sobol indices conditional on those parameters at their means',
    );
    const table = blocks.find((b) => b.kind === 'table') as Extract<Block, { kind: 'table' }>;
    expect(table.caption).toBe('P(regional war): mean 2.0%, standard deviation 2 points over the design.');
    expect(table.rows).toEqual([
      ['x', '0.6123', '[0.4, 0.8]', '0.8', '[0.6, 1.1]'],
      ['y', '0.1', '[-0.05, 0.3]', '0.25', '[0.1, 0.4]'],
    ]);
    const chart = blocks.find((b) => b.kind === 'bar-chart') as Extract<Block, { kind: 'bar-chart' }>;
    expect(chart.intervalLabel).toBe('95 % bootstrap interval');
    expect(chart.bars[1]).toEqual({ label: 'x', series: 'total S_Ti', value: 0.8, low: 0.6, high: 1.1 });
  });

  test('thresholds as sentences and a table', () => {
    const blocks = thresholdBlocks([
      THRESHOLD,
      { ...THRESHOLD, param: 'z', flips: [], modalAtLo: 'pressure' },
    ]);
    expect((blocks[1] as { items: string[] }).items).toEqual([
      'For us_open, the modal option switches from limited_strike to broad_campaign at x = 0.6123.',
      'At the mean x = 0.5, the modal option of us_open is broad_campaign (60 solves).',
      'For us_open, the modal option stays pressure for z from 0.01 to 0.99.',
      'At the mean z = 0.5, the modal option of us_open is broad_campaign (60 solves).',
    ]);
    expect((blocks[2] as { rows: unknown[][] }).rows).toEqual([
      ['x', 'us_open', '0.6123', 'limited_strike', 'broad_campaign'],
    ]);
    expect(thresholdBlocks([])).toEqual([]);
    expect(formatThreshold(0.61234567)).toBe('0.6123');
    expect(formatThreshold(12345.6)).toBe('12,346');
    expect(formatThreshold(-0.00001)).toBe('-1e-5');
  });

  test('a whole document in every format, deterministic', async () => {
    const r = { tornado: TORNADO, sobol: SOBOL, thresholds: [THRESHOLD] };
    expect(sensitivitySections({ tornado: TORNADO }).map((s) => s.id)).toEqual(['sensitivity-tornado']);
    const doc = buildSensitivityReport(r, {
      title: 'T',
      scenario: 's.yaml',
      version: '0.1.0',
      seed: 1,
      lambda: 10,
    });
    expect(doc.provenance['model runs']).toBe(5 + 64 + 60);
    expect(doc.sections.map((s) => s.id)).toEqual([
      'sensitivity-tornado',
      'sensitivity-sobol',
      'sensitivity-thresholds',
    ]);
    for (const format of ['text', 'md', 'html', 'json'] as const) {
      const a = await renderReport(doc, format);
      expect(await renderReport(doc, format)).toBe(a);
      expect(a).toContain('us_open');
    }
    const md = await renderReport(doc, 'md');
    expect(md).toContain('**P(deal): one-at-a-time swings** (probability), base 30.0%');
    expect(md).toContain('| x | 10.0% | 60.0% | 50.0% |');
    expect(md).toContain('95 % bootstrap interval');
  });
});
