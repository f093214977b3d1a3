import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.js';
import { buildUseGraph, reachOf, usesOf } from './influence.js';

// A priced walk-out: a private type, an option that ends the episode, an availability condition,
// a policy, and a payoff that reads another actor's payoff.
const MODEL = parseScenario(`
id: influence
title: Influence
actors: { a: { kind: state }, b: { kind: state } }
parameters:
  p_hard: { value: 0.3, source: { judgement: "prior" } }
  gate: { value: 1, source: { judgement: "gate" } }
  loss: { value: 2, source: { judgement: "loss" } }
state: { hurt: 0 }
types:
  a_kind: { actor: a, prior: { hard: p_hard, soft: otherwise } }
ladders:
  a:
    move:
      rungs:
        stay: { available: "gate > 0" }
        walk: { ends: true }
  b:
    reply:
      rungs:
        yield: {}
        hit: { effects: { hurt: loss } }
stages:
  - { id: first, actor: a }
  - { id: second, actor: b }
payoffs:
  a: { gains: "a_kind.hard * first.stay", C_kinetic: state.hurt }
  b: { gains: "0 - a.payoff" }
policies:
  restraint: { rules: [{ stage: second, forbid: [hit], when: "gate > 1" }] }
`);

describe('the use graph', () => {
  const graph = buildUseGraph(MODEL);

  it('lists the formulas that read a name, with their role', () => {
    expect(usesOf(graph, ['gate'])).toEqual([
      { path: 'ladders.a.move.rungs.stay.available', role: 'availability', formula: 'gate > 0' },
      { path: 'policies.restraint.rules[0].when', role: 'policy', formula: 'gate > 1', stage: 'second' },
    ]);
    expect(usesOf(graph, ['p_hard'])).toEqual([
      { path: 'types.a_kind.prior.hard', role: 'prior', formula: 'p_hard' },
    ]);
  });

  it('follows priors, availability, effects and payoffs of payoffs to the terms a name reaches', () => {
    const chains = (name: string) => reachOf(graph, [name]).map((r) => r.chain.join(' → '));
    expect(chains('p_hard')).toEqual([
      'p_hard → a_kind.hard → a.gains',
      'p_hard → a_kind.hard → a.gains → a.payoff → b.gains',
    ]);
    expect(chains('gate')).toEqual([
      'gate → first.stay → a.gains',
      // Through the policy's condition on forbidding the hit.
      'gate → second.hit → state.hurt → a.C_kinetic',
      'gate → first.stay → a.gains → a.payoff → b.gains',
    ]);
    expect(chains('loss')).toEqual([
      'loss → state.hurt → a.C_kinetic',
      'loss → state.hurt → a.C_kinetic → a.payoff → b.gains',
    ]);
  });

  it('lets an option that ends the episode reach what later stages decide', () => {
    expect(reachOf(graph, ['first.walk']).map((r) => r.chain.join(' → '))).toEqual([
      'first.walk → second.hit → state.hurt → a.C_kinetic',
      'first.walk → second.hit → state.hurt → a.C_kinetic → a.payoff → b.gains',
    ]);
  });

  it('does not report a term as reaching itself', () => {
    expect(reachOf(graph, ['a.gains']).map((r) => r.term)).toEqual(['b.gains']);
  });
});
