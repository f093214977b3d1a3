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
