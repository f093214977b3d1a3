import { describe, expect, test } from 'vitest';
import type { StoredRun } from '../../../src/store/run-store.js';
import { runReport } from './run-report.js';
import { runRow, runSettings, shortDate, toggleSelection } from './runs-table.js';

const RUN: StoredRun = {
  id: 'r0003',
  seq: 3,
  createdAt: '2026-11-23T18:04:59.123Z',
  kind: 'sensitivity',
  scenarioLabel: 'scenarios/us-iran-2026.yaml',
  scenarioHash: 'abcdef0123456789'.repeat(4),
  seed: 1,
  draws: 0,
  version: '0.1.0',
  scenarioText: 'not: [a scenario',
  options: { lambda: 10 },
  results: {
    tornado: {
      lambda: 10,
      pLow: 0.05,
      pHigh: 0.95,
      outputs: [{ id: 'deal', label: 'P(deal)' }],
      parameters: ['a', 'b'],
      atBase: [0.3],
      bars: [
        [
          { index: 1, name: 'b', low: 0, high: 1, atLow: 0.1, atHigh: 0.5, swing: 0.4 },
          { index: 0, name: 'a', low: 2, high: 3, atLow: 0.35, atHigh: 0.25, swing: 0.1 },
        ],
      ],
      evaluations: 5,
    },
    thresholds: [],
  },
};

describe('the runs table', () => {
  test('the columns of brink runs list', () => {
    expect(shortDate('2026-11-23T18:04:59.123Z')).toBe('2026-11-23 18:04');
    expect(runRow({ ...RUN, headline: 'Deal 31.9%' })).toEqual([
      'r0003',
      '2026-11-23 18:04',
      'sensitivity',
      'scenarios/us-iran-2026.yaml',
      '1',
      '0',
      '0.1.0',
      'Deal 31.9%',
    ]);
    expect(runRow(RUN)[7]).toBe('');
  });

  test('at most two runs ticked: the latest two', () => {
    expect(toggleSelection([], 'r1', true)).toEqual(['r1']);
    expect(toggleSelection(['r1', 'r2'], 'r3', true)).toEqual(['r2', 'r3']);
    expect(toggleSelection(['r1', 'r2'], 'r1', false)).toEqual(['r2']);
    expect(toggleSelection(['r1'], 'r1', true)).toEqual(['r1']);
  });

  test('the settings of brink runs show', () => {
    expect(runSettings(RUN)).toEqual([
      ['run', 'r0003'],
      ['date', '2026-11-23T18:04:59.123Z'],
      ['kind', 'sensitivity'],
      ['scenario', 'scenarios/us-iran-2026.yaml (sha256 abcdef012345)'],
      ['seed', '1'],
      ['draws', '0'],
      ['version', '0.1.0'],
      ['options', '{"lambda":10}'],
    ]);
  });
});

describe('a stored run’s report', () => {
  test('sensitivity: the tornado rebuilt from the stored bars, titled by label when the text does not parse', () => {
    const r = runReport(RUN);
    if (r.kind !== 'document') throw new Error(`expected a document, got ${r.kind}`);
    expect(r.doc.title).toBe('Sensitivity of the headline outcomes: scenarios/us-iran-2026.yaml');
    expect(r.doc.sections.map((s) => s.id)).toEqual(['sensitivity-tornado']);
    const tornado = r.doc.sections[0]!.blocks.find((b) => b.kind === 'tornado');
    if (tornado?.kind !== 'tornado') throw new Error('no tornado block');
    expect(tornado.base).toBe(0.3);
    expect(tornado.bars.map((b) => b.label)).toEqual(['b', 'a']);
  });

  test('analyze results that do not fit the report are shown as stored, with the reason', () => {
    const r = runReport({ ...RUN, kind: 'analyze', results: { q3: {} } });
    expect(r.kind).toBe('raw');
    expect(r.kind === 'raw' && r.problem).toMatch(/^the report cannot be rebuilt from these results: /);
  });

  test('compare results go to the comparison table; unknown kinds are shown as stored', () => {
    const results = { draws: 1, reference: 'a', metrics: [], policies: [{ id: 'a' }], differences: [] };
    expect(runReport({ ...RUN, kind: 'compare', results })).toEqual({ kind: 'compare', results });
    expect(runReport({ ...RUN, kind: 'compare', results: {} }).kind).toBe('raw');
    expect(runReport({ ...RUN, kind: 'shard-merge' })).toEqual({ kind: 'raw' });
  });
});
