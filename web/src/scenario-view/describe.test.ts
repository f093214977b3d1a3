import { describe, expect, it } from 'vitest';
import { distributionStats, distributionText, sourceViews, sourcesTitle } from './describe.js';

describe('sources', () => {
  it('labels seeds, facts and judgements with what they rest on', () => {
    const views = sourceViews([
      { seed: '004_e1cf7199659a785e.txt', quote: 'Iranian officials have demanded guarantees.' },
      'fact:hormuz-oil-flow-2024',
      { fact: 'saudi-east-west-pipeline', note: 'raised only temporarily' },
      { judgement: 'owners hold a few cargoes back' },
    ]);
    expect(views).toEqual([
      {
        kind: 'seed',
        label: 'seed 004_e1cf7199659a785e.txt',
        detail: '“Iranian officials have demanded guarantees.”',
      },
      { kind: 'fact', label: 'fact:hormuz-oil-flow-2024', detail: '' },
      { kind: 'fact', label: 'fact:saudi-east-west-pipeline', detail: 'raised only temporarily' },
      { kind: 'judgement', label: 'judgement', detail: 'owners hold a few cargoes back' },
    ]);
    expect(sourcesTitle(views.slice(1, 4))).toBe(
      'fact:hormuz-oil-flow-2024\nfact:saudi-east-west-pipeline: raised only temporarily\njudgement: owners hold a few cargoes back',
    );
    expect(sourceViews({ seed: 's.txt', quote: 'Q.', note: 'n' })[0]!.detail).toBe('“Q.” (n)');
    expect(sourceViews(undefined)).toEqual([]);
  });
});

describe('distributions', () => {
  it('writes the distribution as in the scenario, with mean and 90 % interval', () => {
    const d = { dist: 'triangular', low: 0.5, mode: 0.6, high: 0.75 } as const;
    expect(distributionText(d)).toBe('triangular(low=0.5, mode=0.6, high=0.75)');
    // 5th percentile: 0.5 + √(0.05 · 0.25 · 0.1) = 0.5354; 95th: 0.75 − √(0.05 · 0.25 · 0.15) = 0.7067.
    expect(distributionStats(d)).toBe('mean 0.617, 90 % [0.535, 0.707]');
    expect(distributionText({ dist: 'point', value: 0.9 })).toBe('0.9');
    expect(distributionStats({ dist: 'point', value: 0.9 })).toBe('fixed value');
    expect(distributionText({ dist: 'normal', mean: 1, sd: 0.05, min: 0.9, max: 1.1 })).toBe(
      'normal(mean=1, sd=0.05, min=0.9, max=1.1)',
    );
  });
});
