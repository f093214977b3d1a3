import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/load.js';
import { effectLines, ladderOutlines, namedFormulaRows, payoffRows } from './outline.js';

const model = parseScenario(
  `
id: outline
title: Outline
actors: { a: { kind: state }, b: { kind: state } }
parameters:
  k: { value: 2, source: { judgement: j } }
state: { heat: 0 }
formulas:
  double: k * 2
  costly: { formula: "k * state.heat", description: what heat costs, unit: u }
ladders:
  a:
    pressure:
      label: Pressure
      thresholds: [{ rank: 2, name: force }]
      rungs:
        strike: { rank: 2, label: Strike, effects: { heat: 1 }, ends: true }
        talk: { rank: 0, effects: { heat: { set: 0 } } }
        warn: { rank: 1, available: "state.heat < 1" }
  b:
    reply: { rungs: { yield: , resist: { effects: { heat: { mul: 2 } } } } }
stages: [{ id: open, actor: a }, { id: answer, actor: b }]
payoffs:
  a: { gains: { peace: "1 - state.heat", face: 0.5 }, C_kinetic: costly }
  b: { C_reputation: double }
`,
  'outline.yaml',
);

describe('scenario outline', () => {
  it('lists payoff terms and their named parts as written', () => {
    expect(payoffRows(model.spec)).toEqual([
      { actor: 'a', term: 'gains', part: 'peace', formula: '1 - state.heat' },
      { actor: 'a', term: 'gains', part: 'face', formula: '0.5' },
      { actor: 'a', term: 'C_kinetic', part: '', formula: 'costly' },
      { actor: 'b', term: 'C_reputation', part: '', formula: 'double' },
    ]);
    expect(namedFormulaRows(model.spec)).toEqual([
      { name: 'double', formula: 'k * 2' },
      { name: 'costly', formula: 'k * state.heat', description: 'what heat costs', unit: 'u' },
    ]);
  });

  it('orders rungs by rank and puts thresholds where they are crossed', () => {
    const [pressure, reply] = ladderOutlines(model.spec);
    expect(pressure!.label).toBe('Pressure');
    expect(pressure!.rungs.map((r) => [r.id, r.rank, r.thresholds, r.effects, r.ends])).toEqual([
      ['talk', 0, [], ['heat set to 0'], false],
      ['warn', 1, [], [], false],
      ['strike', 2, ['force'], ['heat + 1'], true],
    ]);
    expect(pressure!.rungs[1]!.available).toBe('state.heat < 1');
    // Ranks default to positions.
    expect(reply!.rungs.map((r) => [r.id, r.rank, r.effects])).toEqual([
      ['yield', 0, []],
      ['resist', 1, ['heat × 2']],
    ]);
    expect(effectLines(undefined)).toEqual([]);
  });
});
