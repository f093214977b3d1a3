import { describe, expect, test } from 'vitest';
import { parseScenarioShape } from './load.js';
import { buildSymbols } from './symbols.js';

const YAML = `
id: s
title: S
actors:
  us: { kind: state, params: { resolve: { value: 1, source: "fact:a" } } }
  hez: { kind: proxy, parent: us, autonomy: { value: 0.3, source: "fact:b" } }
parameters:
  p: { value: 0.5, source: "fact:c" }
state:
  oil: 0
ladders:
  us: { force: { rungs: { hold: {}, strike: {} } } }
types:
  t: { actor: us, prior: { hi: 0.5, lo: otherwise } }
stages:
  - { id: open, actor: us }
  - { id: luck, chance: { good: { prob: 0.5 }, bad: { prob: otherwise } } }
formulas:
  f: "p * 2"
payoffs:
  us: { gains: f }
`;

describe('buildSymbols', () => {
  const { spec } = parseScenarioShape(YAML, 's.yaml');
  const t = buildSymbols(spec);

  test('parameters come first, then state, type, move and stage slots', () => {
    expect(t.problems).toEqual([]);
    expect(t.params.map((p) => `${p.name}@${p.slot}`)).toEqual(['p@0', 'us.resolve@1', 'hez.autonomy@2']);
    const slot = (n: string) => (t.names.get(n) as { slot: number }).slot;
    expect(
      [
        'state.oil',
        't.hi',
        't.lo',
        'open.hold',
        'open.strike',
        'open.rank',
        'open.played',
        'luck.good',
        'luck.bad',
        'luck.played',
      ].map(slot),
    ).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(t.envSize).toBe(13);
    expect(t.names.has('luck.rank')).toBe(false);
  });

  test('formulas and payoff terms are named but take no slot', () => {
    expect(t.names.get('f')).toMatchObject({ kind: 'formula', source: 'p * 2' });
    expect(
      ['us.gains', 'us.C_kinetic', 'us.C_reputation', 'us.C_opportunity', 'us.payoff'].map(
        (n) => t.names.get(n)?.kind,
      ),
    ).toEqual(['term', 'term', 'term', 'term', 'term']);
    expect(t.stageChoices).toEqual([
      ['hold', 'strike'],
      ['good', 'bad'],
    ]);
  });
});
