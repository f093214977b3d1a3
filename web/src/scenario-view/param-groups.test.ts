import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenario/load.js';
import { groupParameters, matchesFilter } from './param-groups.js';

const SCENARIO = `
id: groups
title: Grouping test
actors:
  a: { kind: state }
  b: { kind: state }
parameters:
  p_type: { value: 0.3, source: { judgement: j } }
  p_chance: { dist: uniform, low: 0.1, high: 0.4, source: { judgement: j } }
  via_formula: { value: 2, source: { judgement: j } }
  hit: { value: 1, source: { judgement: j } }
  cost_b: { value: 0.5, source: { judgement: j } }
  cost_a: { value: 0.5, source: { judgement: j } }
  idle: { value: 7, source: { judgement: j } }
state:
  damage: 0
formulas:
  weight: via_formula * p_type
ladders:
  a:
    moves:
      rungs:
        wait:
        strike: { effects: { damage: hit } }
  b:
    moves:
      rungs:
        yield:
        resist:
types:
  mood:
    actor: b
    prior: { calm: weight, angry: otherwise }
stages:
  - { id: open, actor: a }
  - id: luck
    chance:
      good: { prob: p_chance }
      bad: { prob: otherwise }
  - { id: reply, actor: b }
payoffs:
  a: { gains: 1, C_kinetic: cost_a * state.damage }
  b: { gains: mood.angry, C_kinetic: cost_b * state.damage }
`;

describe('parameter groups', () => {
  it('groups parameters by what they enter, priors first, through named formulas', () => {
    const model = parseScenario(SCENARIO, 'groups.yaml');
    const groups = groupParameters(model).map((g) => [g.key, g.label, g.params.map((p) => p.name)]);
    expect(groups).toEqual([
      ['prior:mood', 'Prior of the private type mood', ['p_type', 'via_formula']],
      ['probability:luck', 'Chance probabilities at luck', ['p_chance']],
      ['effect:damage', 'Effects of moves on state.damage', ['hit']],
      ['payoff:b.C_kinetic', 'Payoff b.C_kinetic', ['cost_b']],
      ['payoff:a.C_kinetic', 'Payoff a.C_kinetic', ['cost_a']],
      ['unused', 'Read by no formula of the game (reports or unused)', ['idle']],
    ]);
  });

  it('filters on every word', () => {
    expect(matchesFilter('cost kin', 'cost_a', 'Payoff a.C_kinetic')).toBe(true);
    expect(matchesFilter('cost prior', 'cost_a', 'Payoff a.C_kinetic')).toBe(false);
    expect(matchesFilter('  ', 'anything')).toBe(true);
  });
});
