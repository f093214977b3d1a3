import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../../src/analysis/analyze.js';
import { withFixedParameters } from '../../../src/scenario/fixed-parameters.js';
import { loadScenario } from '../../../src/scenario/load-file.js';
import {
  costChart,
  costFigures,
  findBlock,
  heldParameters,
  outcomeFigures,
  questionSections,
} from './results.js';

const SCENARIO = new URL('../../../scenarios/us-iran-2026.yaml', import.meta.url).pathname;

describe('figures of an analysis', () => {
  // One draw of the real scenario: the figures must be those the report prints.
  const model = withFixedParameters(loadScenario(SCENARIO), { p_leak: 0.4 });
  const analysis = analyzeModel(model, { draws: 1, seed: 3 });

  it('takes the outcome means from the outcomes section’s numbers', () => {
    const figures = outcomeFigures(analysis.results);
    expect(figures.map((f) => f.id)).toEqual([
      'regional_war',
      'hormuz_disruption',
      'deal',
      'strike_then_talks',
      'contained_exchange',
      'coercive_standoff',
    ]);
    const section = analysis.doc.sections.find((s) => s.id === 'outcomes')!;
    const reported = section.blocks.flatMap((b) => (b.kind === 'figure' ? [b.value] : []));
    expect(figures.map((f) => f.stat.mean)).toEqual(reported);
    // One draw: the mean is that draw's probability, and the classes are exhaustive.
    const draw = analysis.run.records[0]!.policies.baseline!.outcomes.classes;
    expect(figures.map((f) => f.stat.mean)).toEqual(draw);
    expect(figures.reduce((s, f) => s + f.stat.mean, 0)).toBeCloseTo(1, 9);
  });

  it('lists every actor’s terms and charts the costs of the chosen actors', () => {
    const costs = costFigures(analysis.results);
    expect(costs.length).toBe(analysis.results.costs.actors.length * 5);
    const usKinetic = costs.find((c) => c.actor === 'us' && c.term === 'C_kinetic')!;
    expect(usKinetic.stat).toEqual(analysis.results.costs.terms[0]![1]);
    const chart = costChart(costs, ['us', 'iran']);
    expect(chart.kind === 'bar-chart' && chart.bars.map((b) => `${b.label}.${b.series}`)).toEqual([
      'us.C_kinetic',
      'us.C_reputation',
      'us.C_opportunity',
      'iran.C_kinetic',
      'iran.C_reputation',
      'iran.C_opportunity',
    ]);
  });

  it('finds the Brent fan and the question sections', () => {
    const fan = findBlock(analysis.doc, 'q6-oil-markets', 'line-chart');
    expect(fan?.title).toMatch(/^Brent by outcome class/);
    expect(fan!.points.length).toBeGreaterThan(0);
    expect(findBlock(analysis.doc, 'no-such-section', 'line-chart')).toBeUndefined();
    expect(questionSections(analysis.doc).map((s) => s.id)).toEqual([
      'q1-talks-intent',
      'q2-limited-strike',
      'q3-sequences',
      'q4-iran-response',
      'q5-architectures',
      'q6-oil-markets',
      'q7-public-vs-backchannel',
    ]);
  });

  it('says which parameters the run held', () => {
    const scenario = loadScenario(SCENARIO);
    const held = heldParameters(analysis.run.model, scenario);
    expect(held).toEqual([{ name: 'p_leak', value: 0.4, drawn: { dist: 'beta', alpha: 2, beta: 6 } }]);
    // Held at its own point value: nothing changes, nothing to say.
    expect(heldParameters(withFixedParameters(scenario, { brent_base: 70 }), scenario)).toEqual([]);
    expect(heldParameters(withFixedParameters(scenario, { brent_base: 80 }), scenario)[0]!.value).toBe(80);
  });
});
