import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/load.js';
import { formatExplanation } from './explain-text.js';
import { explain } from './explain.js';

const MODEL = parseScenario(`
id: sourced
title: Sourced
actors: { us: { kind: state } }
parameters:
  depth:
    dist: beta
    alpha: 2
    beta: 8
    unit: share
    description: how deep a strike reaches
    source:
      - { seed: 003_x.txt, quote: "a single-wave kinetic strike cannot guarantee ..." }
      - fact:hormuz-flow
state: { damage: 0 }
ladders: { us: { force: { rungs: { wait: {}, strike: { effects: { damage: { max: "depth" } } } } } } }
stages: [{ id: open, actor: us }]
payoffs:
  us: { gains: { deal: "1 - state.damage", deterrence: "0.5 * open.strike" } }
`);

describe('formatExplanation', () => {
  it('shows a distribution with its mean and 90 % interval, and every source', () => {
    expect(formatExplanation(explain(MODEL, 'depth'))).toBe(
      [
        'depth: parameter (parameters.depth)',
        '  value        beta(alpha=2, beta=8): mean 0.2, 90 % interval [0.041, 0.429]',
        '  unit         share',
        '  description  how deep a strike reaches',
        '  source       seed 003_x.txt: "a single-wave kinetic strike cannot guarantee ..."',
        '               fact hormuz-flow',
        '  used in      ladders.us.force.rungs.strike.effects.damage.max (effect): depth',
        '  reaches      us.gains  via state.damage',
        '',
      ].join('\n'),
    );
  });

  it('shows a payoff term given as named parts', () => {
    expect(formatExplanation(explain(MODEL, 'us.gains'))).toBe(
      [
        'us.gains: payoff term of us (payoffs.us.gains)',
        '  definition   deal: 1 - state.damage',
        '               deterrence: 0.5 * open.strike',
        '  reads        state.damage, open.strike',
        '  used in      no formula reads it',
        '  reaches      no payoff term',
        '',
      ].join('\n'),
    );
  });
});
