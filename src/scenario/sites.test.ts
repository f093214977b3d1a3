import { describe, expect, test } from 'vitest';
import { parseScenarioShape } from './load.js';
import { effectFormula, formulaSites } from './sites.js';
import { buildSymbols } from './symbols.js';

const YAML = `
id: s
title: S
actors: { us: { kind: state } }
state: { oil: 0 }
ladders:
  us: { l: { rungs: { a: { available: "1", effects: { oil: { max: 2 } } }, b: {} } } }
types:
  t: { actor: us, prior: { x: 0.5, y: otherwise } }
stages:
  - { id: s1, actor: us, options: [b] }
  - { id: c, when: "s1.b", chance: { u: { prob: 1, effects: { oil: 3 } } } }
  - { id: s2, actor: us }
payoffs: { us: { gains: { one: 1, two: "2" } } }
policies: { p: { rules: [{ stage: s2, forbid: [a], when: "c.u" }] } }
`;

describe('formulaSites', () => {
  test('every formula with what it may read', () => {
    const { spec } = parseScenarioShape(YAML, 's.yaml');
    const sym = buildSymbols(spec);
    const sites = formulaSites(spec, sym.catalog, sym.stageChoices);
    expect(sites.map((s) => `${s.path.join('.')} ${JSON.stringify(s.context)}`)).toEqual([
      'types.t.prior.x {"kind":"prior"}',
      'stages.1.when {"kind":"before","stage":1}',
      'stages.1.chance.u.prob {"kind":"before","stage":1}',
      'stages.1.chance.u.effects.oil {"kind":"after","stage":1}',
      // Option a is first offered at stage s2 (index 2).
      'ladders.us.l.rungs.a.available {"kind":"before","stage":2}',
      'ladders.us.l.rungs.a.effects.oil.max {"kind":"after","stage":2}',
      'payoffs.us.gains.one {"kind":"definition","name":"us.gains"}',
      'payoffs.us.gains.two {"kind":"definition","name":"us.gains"}',
      'policies.p.rules.0.when {"kind":"before","stage":2}',
    ]);
  });

  test('effect forms', () => {
    expect(effectFormula('x + 1', ['e'])).toEqual({ op: 'add', source: 'x + 1', path: ['e'] });
    expect(effectFormula({ mul: 2 }, ['e'])).toEqual({ op: 'mul', source: 2, path: ['e', 'mul'] });
  });
});
