import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseScenario } from './load.js';
import { checkSources, factIdsFromYaml, normaliseText, sourcesOf } from './sources.js';

const SCENARIO = `
id: s
title: S
actors:
  us: { kind: state, params: { resolve: { value: 1, source: "fact:hormuz-oil-flow-2O24" } } }
parameters:
  depth:
    value: 0.9
    source:
      seed: 003.txt
      quote: "a single-wave kinetic strike cannot guarantee a 90% or higher neutralization rate."
  flow:
    value: 20
    source: [{ fact: hormuz-oil-flow-2024 }, { seed: 003.txt, quote: "Strait of Hormuz is closed" }]
  guess: { value: 1, source: { judgement: "no data" } }
ladders:
  us: { l: { rungs: { a: { source: { seed: 004.txt, quote: "x" } } } } }
stages:
  - { id: s1, actor: us }
payoffs:
  us: {}
`;

const index = {
  seeds: new Map([
    [
      '003.txt',
      'Because these assets are embedded,\na single‑wave kinetic strike cannot guarantee a 90% or higher   neutralization rate. More.',
    ],
  ]),
  facts: new Set(['hormuz-oil-flow-2024', 'hormuz-lng-share']),
};

describe('sources', () => {
  const model = parseScenario(SCENARIO, 's.yaml');

  test('sourcesOf lists every source with the path of what it supports', () => {
    expect(sourcesOf(model.spec).map((s) => s.path.join('.'))).toEqual([
      'parameters.depth.source',
      'parameters.flow.source.0',
      'parameters.flow.source.1',
      'parameters.guess.source',
      'actors.us.params.resolve.source',
      'ladders.us.l.rungs.a.source',
    ]);
  });

  test('unknown facts and seeds, and quotes not in their seed, are reported at their lines', () => {
    const text = (d: { line: number; col: number; path: string; message: string }) =>
      `${d.line}:${d.col}: ${d.path} — ${d.message}`;
    expect(checkSources(model, index).map(text)).toEqual([
      "5:61: actors.us.params.resolve.source — no fact with id 'hormuz-oil-flow-2O24' (did you mean 'hormuz-oil-flow-2024'?)",
      "14:70: parameters.flow.source[1].quote — the quote does not appear in seed '003.txt'",
      "17:44: ladders.us.l.rungs.a.source.seed — no seed named '004.txt' (did you mean '003.txt'?)",
    ]);
  });

  test('normalisation ignores spacing, case and typographic marks', () => {
    expect(normaliseText('  It’s “so”\n\t— single‑wave ')).toBe('it\'s "so" - single-wave');
  });

  test('fact ids are read from a facts file at any depth', () => {
    expect([...factIdsFromYaml('a:\n  - id: x\n    value: 1\nb:\n  - { id: y, note: { id: z } }\n')]).toEqual(
      ['x', 'y', 'z'],
    );
  });
});

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');
const haveShared = existsSync(join(SHARED, 'seeds')) && existsSync(join(SHARED, 'facts', 'facts.yaml'));
if (!haveShared)
  console.warn(
    `[brink tests] ${SHARED} not found: checks of sources against the real seeds and facts are skipped.`,
  );

describe.skipIf(!haveShared)('sources against ../shared', () => {
  test('a quote from a real seed and a real fact id check out', () => {
    const seeds = new Map(
      readdirSync(join(SHARED, 'seeds')).map((f) => [f, readFileSync(join(SHARED, 'seeds', f), 'utf8')]),
    );
    const facts = factIdsFromYaml(readFileSync(join(SHARED, 'facts', 'facts.yaml'), 'utf8'));
    expect(facts.has('hormuz-oil-flow-2024')).toBe(true);
    const text = SCENARIO.replace(/seed: 003\.txt/g, 'seed: 003_82137da3c5b8a964.txt')
      .replace('2O24', '2024')
      .replace('Strait of Hormuz is closed', 'single-wave kinetic strike cannot guarantee')
      .replace('seed: 004.txt, quote: "x"', 'fact: jcpoa-limits');
    expect(checkSources(parseScenario(text, 's.yaml'), { seeds, facts })).toEqual([]);
  });
});

const NEGOTIATION = `
id: n
title: N
actors: { us: { kind: state } }
ladders: { us: { l: { rungs: { a: {} } } } }
stages: [{ id: s1, actor: us }]
payoffs: { us: {} }
negotiation:
  issues:
    proxies:
      label: Proxies
      verifiable: false
      source: { seed: 003.txt, quote: "Iran requires ambiguous, non-public arrangements" }
  stakeholders:
    us:
      label: US
      capability: 1
      source: "fact:jcpoa-limit"
      positions:
        proxies: { position: 8, salience: 0.6, source: [{ judgement: "x" }, { seed: 003.txt, quote: "caps on proxy behaviour" }] }
      needs:
        proxies: { need: public, source: { seed: 03.txt, quote: "verifiable, public concessions" } }
`;

describe('sources of the negotiation section', () => {
  const model = parseScenario(NEGOTIATION, 'n.yaml');
  const idx = {
    seeds: new Map([
      ['003.txt', 'Iran requires ambiguous, non-public arrangements to preserve its narrative.'],
    ]),
    facts: new Set(['jcpoa-limits']),
  };

  test('issues, stakeholders, positions and needs are listed', () => {
    expect(sourcesOf(model.spec).map((s) => s.path.join('.'))).toEqual([
      'negotiation.issues.proxies.source',
      'negotiation.stakeholders.us.source',
      'negotiation.stakeholders.us.positions.proxies.source.0',
      'negotiation.stakeholders.us.positions.proxies.source.1',
      'negotiation.stakeholders.us.needs.proxies.source',
    ]);
  });

  test('and checked, at their lines', () => {
    expect(checkSources(model, idx).map((d) => `${d.line}: ${d.path} — ${d.message}`)).toEqual([
      "18: negotiation.stakeholders.us.source — no fact with id 'jcpoa-limit' (did you mean 'jcpoa-limits'?)",
      "20: negotiation.stakeholders.us.positions.proxies.source[1].quote — the quote does not appear in seed '003.txt'",
      "22: negotiation.stakeholders.us.needs.proxies.source.seed — no seed named '03.txt' (did you mean '003.txt'?)",
    ]);
  });
});

describe.skipIf(!haveShared)('negotiation sources against ../shared', () => {
  test("seed 003's null-set sentences check out in the real seed", () => {
    const seeds = new Map(
      readdirSync(join(SHARED, 'seeds')).map((f) => [f, readFileSync(join(SHARED, 'seeds', f), 'utf8')]),
    );
    const facts = factIdsFromYaml(readFileSync(join(SHARED, 'facts', 'facts.yaml'), 'utf8'));
    const text = NEGOTIATION.replace(/seed: 0?03\.txt/g, 'seed: 003_82137da3c5b8a964.txt')
      .replace('jcpoa-limit"', 'jcpoa-limits"')
      .replace('caps on proxy behaviour', 'Establish verifiable caps')
      .replace(
        'verifiable, public concessions"',
        'The United States requires verifiable, public concessions to justify the suspension of military action to its domestic electorate and international allies."',
      );
    expect(checkSources(parseScenario(text, 'n.yaml'), { seeds, facts })).toEqual([]);
  });
});
