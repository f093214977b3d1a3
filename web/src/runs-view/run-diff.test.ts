import { describe, expect, test } from 'vitest';
import type { StoredRun } from '../../../src/store/run-store.js';
import { headlineFigures } from './headline-figures.js';
import { reviveFloats } from './json-text.js';
import { diffRuns, inOrder, matchFigures } from './run-diff.js';

const stat = (mean: number, low: number, high: number) => ({ mean, low, high, n: 2 });
/** Five cost terms (gains, C_kinetic, C_reputation, C_opportunity, U), each a Stat. */
const terms = (u: number) => [
  stat(1, 0, 2),
  stat(0.5, 0, 1),
  stat(0.2, 0, 0.4),
  stat(0.1, 0, 0.2),
  stat(u, u - 1, u + 1),
];

function analyzeRun(
  id: string,
  seq: number,
  seed: number,
  war: number,
  usU: number,
  text = 'id: x\n',
): StoredRun {
  return {
    id,
    seq,
    createdAt: '2026-11-23T18:02:11.000Z',
    kind: 'analyze',
    scenarioLabel: 'scenarios/x.yaml',
    scenarioHash: `${seq}`.repeat(64),
    seed,
    draws: 2,
    version: '0.1.0',
    scenarioText: text,
    options: { lambda: 10, sampling: 'random' },
    results: {
      q3: { classes: [stat(war, war / 2, war * 1.5), stat(0.3, 0.2, 0.4)], flags: [] },
      costs: { actors: ['us', 'iran'], terms: [terms(usU), terms(-1)] },
    },
  };
}

describe('headline figures of an analyze run', () => {
  test('outcome classes and the cost terms of the US and Iran, with intervals', () => {
    const figs = headlineFigures('analyze', analyzeRun('r0001', 1, 1, 0.1, 2).results);
    expect(figs.map((f) => f.id)).toEqual([
      'p_regional_war',
      'p_hormuz_disruption',
      'us_gains',
      'us_C_kinetic',
      'us_C_reputation',
      'us_C_opportunity',
      'us_U',
      'iran_gains',
      'iran_C_kinetic',
      'iran_C_reputation',
      'iran_C_opportunity',
      'iran_U',
    ]);
    expect(figs[0]).toEqual({
      id: 'p_regional_war',
      label: 'P(Regional war)',
      format: 'probability',
      value: 0.1,
      interval: [0.05, 0.1 * 1.5],
    });
    expect(figs[6]).toMatchObject({ label: 'US payoff U', format: 'utility', value: 2, interval: [1, 3] });
  });

  test('results of unknown shape or kind give no figures', () => {
    expect(headlineFigures('analyze', { q3: 'x' })).toEqual([]);
    expect(headlineFigures('analyze', null)).toEqual([]);
    expect(headlineFigures('shard-merge', { q3: {} })).toEqual([]);
  });

  test('compare and sensitivity runs', () => {
    const compare = {
      metrics: [{ id: 'p_deal', label: 'P(Deal)', format: 'probability' }],
      policies: [
        { id: 'baseline', label: 'Baseline', figures: { p_deal: stat(0.3, 0.1, 0.5) } },
        { id: 'grand_bargain', label: 'Grand bargain', figures: { p_deal: stat(0.6, 0.4, 0.8) } },
      ],
      differences: [],
    };
    expect(headlineFigures('compare', compare).map((f) => [f.id, f.label, f.value])).toEqual([
      ['baseline.p_deal', 'Baseline: P(Deal)', 0.3],
      ['grand_bargain.p_deal', 'Grand bargain: P(Deal)', 0.6],
    ]);
    const sensitivity = {
      tornado: {
        outputs: [{ id: 'deal', label: 'P(deal)' }],
        atBase: [0.319],
        bars: [
          [
            { name: 'iran_resolve', swing: 0.25 },
            { name: 'oil_shock', swing: 0.1 },
          ],
        ],
      },
    };
    expect(headlineFigures('sensitivity', sensitivity)).toEqual([
      { id: 'deal.base', label: 'P(deal) at base', format: 'probability', value: 0.319 },
      { id: 'deal.swing', label: 'P(deal): widest swing (iran_resolve)', format: 'probability', value: 0.25 },
    ]);
  });
});

describe('two runs compared', () => {
  const a = analyzeRun('r0001', 1, 1, 0.1, 2);
  const b = analyzeRun('r0002', 2, 2, 0.25, 1.5, 'id: x\ntitle: y\n');

  test('headline figures side by side with new − old', () => {
    const d = diffRuns(a, b);
    const war = d.figures.find((f) => f.id === 'p_regional_war')!;
    expect(war.old!.value).toBe(0.1);
    expect(war.new!.value).toBe(0.25);
    expect(war.difference).toBeCloseTo(0.15, 15);
    expect(d.figures.find((f) => f.id === 'us_U')!.difference).toBe(-0.5);
    expect(d.figures.find((f) => f.id === 'p_hormuz_disruption')!.difference).toBe(0);
  });

  test('settings, options, scenario text and results as brink runs diff lists them', () => {
    const d = diffRuns(a, b);
    expect(d.old).toBe('r0001');
    expect(d.new).toBe('r0002');
    expect(d.run).toEqual([
      { path: 'scenarioHash', old: '111111111111', new: '222222222222' },
      { path: 'seed', old: 1, new: 2 },
    ]);
    expect(d.options).toEqual([]);
    expect(d.scenario).toBe(
      '--- r0001 scenarios/x.yaml\n+++ r0002 scenarios/x.yaml\n@@ -1,1 +1,2 @@\n id: x\n+title: y\n',
    );
    // regional war: mean, low, high differ (3); US U: mean, low, high (3).
    expect(d.results.total).toBe(6);
    expect(d.results.changes[0]).toEqual({ path: 'q3.classes[0].mean', old: 0.1, new: 0.25 });
    expect(d.results.bySection).toEqual({ q3: 3, costs: 3 });
  });

  test('the same run against itself: nothing differs', () => {
    const d = diffRuns(a, a);
    expect([d.run, d.options, d.scenario, d.results.total]).toEqual([[], [], '', 0]);
    expect(d.figures.every((f) => f.difference === 0)).toBe(true);
  });

  test('figures only one run has are kept, without a difference', () => {
    const rows = matchFigures(
      [{ id: 'x', label: 'X', format: 'number', value: 1 }],
      [
        { id: 'y', label: 'Y', format: 'number', value: 2 },
        { id: 'x', label: 'X', format: 'number', value: 4 },
      ],
    );
    expect(rows.map((r) => [r.id, r.old?.value, r.new?.value, r.difference])).toEqual([
      ['x', 1, 4, 3],
      ['y', undefined, 2, undefined],
    ]);
  });

  test('the older run first', () => {
    expect(inOrder(b, a).map((r) => r.id)).toEqual(['r0001', 'r0002']);
  });
});

describe('non-finite numbers as the store writes them', () => {
  test('{"$float": …} becomes the number again, anything else is kept', () => {
    const x = reviveFloats({
      a: { $float: 'NaN' },
      b: [{ $float: 'Infinity' }, { $float: '-Infinity' }, 1],
      c: { $float: 'NaN', other: 1 },
      d: { $float: 'nonsense' },
    });
    expect(Number.isNaN(x.a as unknown as number)).toBe(true);
    expect(x.b).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1]);
    expect(x.c).toEqual({ $float: 'NaN', other: 1 });
    expect(x.d).toEqual({ $float: 'nonsense' });
  });
});
