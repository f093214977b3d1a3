import { describe, expect, test } from 'vitest';
import { parseScenarioShape } from './load.js';
import { optionCatalog, stageOptionIds } from './options.js';
import type { ActorStageSpec } from './schema.js';

const YAML = `
id: o
title: O
actors: { us: { kind: state } }
ladders:
  us:
    talk: { rungs: { offer: {}, deal: { rank: 5 } } }
    force: { rungs: { hold: , strike: {}, campaign: {} } }
stages:
  - { id: a, actor: us }
  - { id: b, actor: us, options: [strike, talk, offer] }
payoffs: { us: {} }
`;

describe('options', () => {
  const { spec } = parseScenarioShape(YAML, 'o.yaml');
  const catalog = optionCatalog(spec);

  test('the catalog keeps ladder order and ranks (explicit, else position)', () => {
    expect(catalog.get('us')!.map((o) => `${o.ladder}/${o.id}:${o.rank}`)).toEqual([
      'talk/offer:0',
      'talk/deal:5',
      'force/hold:0',
      'force/strike:1',
      'force/campaign:2',
    ]);
  });

  test('a stage offers all options by default, else its list with ladders expanded and no repeats', () => {
    expect(stageOptionIds(spec.stages[0] as ActorStageSpec, catalog)).toEqual([
      'offer',
      'deal',
      'hold',
      'strike',
      'campaign',
    ]);
    expect(stageOptionIds(spec.stages[1] as ActorStageSpec, catalog)).toEqual(['strike', 'offer', 'deal']);
  });
});
