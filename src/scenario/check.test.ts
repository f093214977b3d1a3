// Most checks are exercised through parseScenario in load.test.ts (with file positions); here the
// raw problems: paths, offsets into formulas and key flags.
import { describe, expect, test } from 'vitest';
import { checkScenario } from './check.js';
import { parseScenarioShape } from './load.js';
import { buildSymbols } from './symbols.js';

const YAML = `
id: c
title: C
actors: { us: { kind: state }, iran: { kind: state } }
state: { oil: 0 }
ladders:
  us: { l: { rungs: { hold: {}, strike: { effects: { oil: "later.x + 1" } } } } }
  iran: { l: { rungs: { x: { available: "opne.strike" }, y: {} } } }
formulas:
  f: "g"
  g: "f + state.oil"
stages:
  - { id: open, actor: us }
  - { id: later, actor: iran }
payoffs: { us: { gains: "f" }, iran: {} }
`;

describe('checkScenario', () => {
  test('problems carry the path, the offset in the formula and a hint', () => {
    const { spec } = parseScenarioShape(YAML, 'c.yaml');
    expect(checkScenario(spec, buildSymbols(spec))).toEqual([
      {
        path: ['ladders', 'iran', 'l', 'rungs', 'x', 'available'],
        offset: 0,
        message: "unknown name 'opne.strike' (did you mean 'open.strike'?)",
      },
      { path: ['formulas', 'f'], message: 'formulas depend on themselves: f → g → f' },
      {
        path: ['ladders', 'us', 'l', 'rungs', 'strike', 'effects', 'oil'],
        offset: 0,
        message:
          "'later.x' reads the move at stage 'later', which has not happened yet: it is evaluated at stage 'open'",
      },
    ]);
  });
});
